/**
 * Whether Twilio answers: known from the app's own requests, so the screens
 * can say "Twilio can't be reached" before a person clicks into it.
 *
 * Policy:
 * - The request client reports the outcome of every request. One Twilio did
 *   not answer (refused, timed out, dropped, or still failing with a 5xx once
 *   the retries are spent) makes Twilio unreachable, until a request it
 *   answers, any answer at all (a 404 is Twilio answering).
 * - While unreachable, main asks again every probe interval, by verifying the
 *   connected account, so the screens recover by themselves; `check()` asks at
 *   once (the Retry button). When answers come back, the work a failure left
 *   undone (the refresh from Twilio) runs again.
 * - With no account connected there is nothing to ask with: `unknown`.
 * Every change of state is sent to the renderer as `reachability:changed`.
 */
import { AppError } from '../../../shared/errors';
import type { TwilioReachability } from '../../../shared/domain/connection';
import type { Clock } from '../infrastructure/clock';
import type { EmitEvent } from '../infrastructure/events';
import type { ChannelHandlers } from '../ipc/registrar';

export interface ReachabilityService {
  /** What the request client saw: Twilio answered, or did not. */
  observe(answered: boolean): void;
  status(): TwilioReachability;
  /** Asks Twilio now (verifying the connected account), and answers what that found. */
  check(): Promise<TwilioReachability>;
  close(): void;
}

/** Often enough that the screens come back soon after Twilio does, rare enough to be no load. */
export const DEFAULT_PROBE_INTERVAL_MS = 30_000;

export function createReachabilityService(deps: {
  clock: Clock;
  emit: EmitEvent;
  /** A cheap authenticated request: `not_connected` when there is no account to ask with. */
  probe: () => Promise<unknown>;
  /** Runs once each time Twilio answers again after being unreachable. */
  onRecovered: () => void;
  probeIntervalMs?: number;
}): ReachabilityService {
  const { clock, emit, probe, onRecovered } = deps;
  let current: TwilioReachability = { state: 'unknown', unreachableSince: null, lastAnsweredAt: null };
  let timer: ReturnType<typeof setInterval> | null = null;
  let closed = false;

  const stopProbing = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const change = (next: TwilioReachability) => {
    const changedState = next.state !== current.state;
    current = next;
    if (changedState && !closed) emit('reachability:changed', current);
  };

  async function ask(): Promise<void> {
    try {
      await probe();
    } catch (error) {
      // Nobody to ask as: the question does not arise until an account is connected again.
      if (error instanceof AppError && error.code === 'not_connected') {
        stopProbing();
        change({ state: 'unknown', unreachableSince: null, lastAnsweredAt: current.lastAnsweredAt });
      }
      // Any other failure went through the request client, which reported it.
    }
  }

  return {
    observe(answered) {
      if (closed) return;
      const now = clock().toISOString();
      if (answered) {
        const recovered = current.state === 'unreachable';
        stopProbing();
        change({ state: 'reachable', unreachableSince: null, lastAnsweredAt: now });
        if (recovered) onRecovered();
        return;
      }
      if (current.state === 'unreachable') return;
      change({ state: 'unreachable', unreachableSince: now, lastAnsweredAt: current.lastAnsweredAt });
      timer = setInterval(() => void ask(), deps.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS);
      // A probe never keeps the app (or a test process) alive by itself.
      timer.unref();
    },

    status: () => current,

    async check() {
      await ask();
      return current;
    },

    close() {
      closed = true;
      stopProbing();
    },
  };
}

export function reachabilityHandlers(reachability: ReachabilityService): ChannelHandlers<'reachability'> {
  return {
    'reachability:status': () => reachability.status(),
    'reachability:check': () => reachability.check(),
  };
}
