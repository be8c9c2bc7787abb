/**
 * Confirmations main issues for what costs money or cannot be undone: buying
 * a number, releasing one, and pointing the agents' calls at a webhook address
 * other than the build's own.
 *
 * Policy (main, not the renderer, is the authority):
 * - Main issues a confirmation together with the facts the person is shown
 *   (the quote with its monthly price, the number to release, the address),
 *   bound to exactly those facts: the account, the number, its type and
 *   country, the quoted price; the number's SID; the normalised address.
 * - The action channels take only the confirmation's id, and act on what it
 *   was bound to, never on facts the renderer sends again.
 * - A confirmation is taken once, when the action is committed to (after the
 *   checks that can refuse it, so a refusal leaves it for "Try again"): a
 *   second use finds nothing. It lives in
 *   memory for CONFIRMATION_TTL_MS (a restart voids it), and its id is a
 *   random UUID, which a page cannot guess.
 * What it does not do: a script that can call every channel can ask for a
 * confirmation and use it. The sandbox, the CSP and the sender check are what
 * keep scripts out of the page; this makes sure what happens is what main
 * showed, once.
 */
import { randomUUID } from 'node:crypto';
import type { MonthlyPrice, NumberType } from '../../../shared/domain/numbers';
import { appError } from '../../../shared/errors';
import type { Confirmation } from '../../../shared/domain/confirmation';
import type { Clock } from '../infrastructure/clock';

/** Long enough to read a confirmation dialog, short enough that the price in it is still the price. */
export const CONFIRMATION_TTL_MS = 10 * 60 * 1000;

export type ConfirmedAction =
  | {
      kind: 'purchase';
      accountSid: string;
      phoneNumber: string;
      country: string;
      type: NumberType;
      monthlyPrice: Pick<MonthlyPrice, 'amount' | 'currency'> | null;
    }
  | { kind: 'release'; accountSid: string; numberSid: string }
  | { kind: 'webhook-base-url'; webhookBaseUrl: string };

export interface Confirmations {
  issue(action: ConfirmedAction): Confirmation;
  /**
   * The action a confirmation was issued for, left in place. An id main never issued, one already taken, one
   * expired or one for another kind of action is refused with `confirmation_invalid`.
   */
  check<K extends ConfirmedAction['kind']>(id: string, kind: K): Extract<ConfirmedAction, { kind: K }>;
  /** As `check`, and taken, so it cannot be used again. */
  take<K extends ConfirmedAction['kind']>(id: string, kind: K): Extract<ConfirmedAction, { kind: K }>;
}

export function createConfirmations(clock: Clock): Confirmations {
  const issued = new Map<string, { action: ConfirmedAction; expiresAt: number }>();

  const dropExpired = (now: number) => {
    for (const [id, entry] of issued) if (entry.expiresAt <= now) issued.delete(id);
  };

  const check: Confirmations['check'] = (id, kind) => {
    const entry = issued.get(id);
    if (!entry || entry.expiresAt <= clock().getTime() || entry.action.kind !== kind) {
      throw appError('confirmation_invalid');
    }
    return entry.action as Extract<ConfirmedAction, { kind: typeof kind }>;
  };

  return {
    issue(action) {
      const now = clock().getTime();
      dropExpired(now);
      const id = randomUUID();
      const expiresAt = now + CONFIRMATION_TTL_MS;
      issued.set(id, { action, expiresAt });
      return { id, expiresAt: new Date(expiresAt).toISOString() };
    },

    check,

    take(id, kind) {
      const action = check(id, kind);
      issued.delete(id);
      return action;
    },
  };
}
