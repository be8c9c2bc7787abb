/**
 * Connecting, checking, disconnecting Twilio and setting the Messaging
 * Service: one at a time, each answering the new connection status. The
 * latest one's error belongs to the part of the screen that started it.
 */
import { useMutationState, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { ConnectionStatus } from '../../../../shared/domain/connection';
import { errorDataOf } from '../../lib/errors';
import { useApi } from '../../lib/query/app-services';
import { dismissSharedAction, runSharedAction } from '../../lib/query/hooks';

const CHANNEL_OF = {
  connect: 'connection:connect',
  verify: 'connection:verify',
  disconnect: 'connection:disconnect',
  messagingService: 'connection:setMessagingService',
} as const;
export type ConnectionAction = keyof typeof CHANNEL_OF;
type ActionChannel = (typeof CHANNEL_OF)[ConnectionAction];

const ACTION_OF = Object.fromEntries(
  Object.entries(CHANNEL_OF).map(([action, channel]) => [channel, action]),
) as Record<ActionChannel, ConnectionAction>;
const actionOf = (mutation: { options: { mutationKey?: readonly unknown[] } }): ConnectionAction | undefined =>
  ACTION_OF[mutation.options.mutationKey?.[0] as ActionChannel];

/**
 * Reads that depend on the connection, and that main sends no event for: the list's account and which numbers
 * are in the Messaging Service, the agents' numbers, the costs' account. Screens showing them read them again;
 * the others when next shown.
 */
const ACCOUNT_READS = [['numbers:list'], ['agents:list'], ['costs:summary']];

export function useConnectionActions() {
  const api = useApi();
  const client = useQueryClient();
  const latest = useMutationState({
    filters: { predicate: (mutation) => actionOf(mutation) !== undefined },
    select: (mutation) => ({ action: actionOf(mutation), status: mutation.state.status, error: mutation.state.error }),
  }).at(-1);
  const busy = latest?.status === 'pending' ? (latest.action ?? null) : null;
  const error = latest?.status === 'error' ? errorDataOf(latest.error) : null;

  const dismissError = () => {
    for (const channel of Object.values(CHANNEL_OF)) dismissSharedAction(client, [channel]);
  };

  /** Runs one action, unless one runs; answers whether it succeeded. */
  function run<A extends ConnectionAction>(action: A, input: ChannelInput<(typeof CHANNEL_OF)[A]>): Promise<boolean> {
    const running = client.isMutating({ predicate: (mutation) => actionOf(mutation) !== undefined }) > 0;
    if (running) return Promise.resolve(false);
    dismissError();
    return runSharedAction(client, api, [CHANNEL_OF[action]] as const, input, {
      onSuccess: (status: ConnectionStatus) => {
        client.setQueryData(['connection:getStatus'], status);
        for (const queryKey of ACCOUNT_READS) void client.invalidateQueries({ queryKey });
      },
    });
  }

  return {
    busy,
    error,
    /** Which action the error belongs to, so each part of the screen shows its own. */
    errorOf: error ? (latest?.action ?? null) : null,
    dismissError,
    connect: (input: ChannelInput<'connection:connect'>) => run('connect', input),
    verify: () => run('verify', {}),
    disconnect: () => run('disconnect', {}),
    setMessagingService: (messagingServiceSid: string | null) => run('messagingService', { messagingServiceSid }),
  };
}
