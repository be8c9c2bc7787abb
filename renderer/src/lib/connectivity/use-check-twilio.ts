import { useQueryClient } from '@tanstack/react-query';
import type { TwilioReachability } from '../../../../shared/domain/connection';
import { useSharedAction } from '../query/hooks';

/** Retry on "Twilio can't be reached": main asks Twilio now, and its answer replaces what main last found. */
export function useCheckTwilio() {
  const client = useQueryClient();
  const check = useSharedAction(['reachability:check'], {
    onSuccess: (value: TwilioReachability) => client.setQueryData(['reachability:status'], value),
  });
  return { checking: check.pending, checkTwilio: () => void check.run({}) };
}
