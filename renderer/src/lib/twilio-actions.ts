import type { NumberList } from '../../../shared/domain/numbers';
import { useTwilioOffline } from './connectivity/use-online';
import { useNumberList, useReachability } from './query/reads';

/** The one element that says why Buy, Sync, Release and assignments are off; disabled buttons point to it. */
export const ACTIONS_BLOCKED_REASON_ID = 'numbers-actions-blocked-reason';

export interface TwilioActions {
  offline: boolean;
  /** The computer is online, but Twilio does not answer main's requests (main keeps asking). */
  unreachable: boolean;
  /** The list belongs to an account that is no longer connected, or to none. */
  disconnected: boolean;
  blocked: boolean;
  /** For aria-describedby on a disabled action: the note that says why. */
  describedBy: string | undefined;
}

/** Whether actions that change the Twilio account (buy, sync, release, assign) can run now, and why not. */
export function useTwilioActions(): TwilioActions {
  const offline = useTwilioOffline();
  const unreachable = useReachability().data?.state === 'unreachable' && !offline;
  const list = useNumberList().data ?? null;
  const disconnected = list?.account?.connected !== true;
  const notePresent = showsDisconnectedNote(list);
  const blocked = offline || unreachable || disconnected;
  const explained = offline || unreachable || (disconnected && notePresent);
  return {
    offline,
    unreachable,
    disconnected,
    blocked,
    describedBy: blocked && explained ? ACTIONS_BLOCKED_REASON_ID : undefined,
  };
}

/** With no account and no numbers, the screen's "Connect Twilio" prompt already says it all. */
export function showsDisconnectedNote(list: NumberList | null): boolean {
  return list !== null && (list.account !== null || list.numbers.length > 0);
}
