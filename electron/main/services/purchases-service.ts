/**
 * Buying and releasing numbers: money.
 *
 * Policy (Twilio has no idempotency key for purchases):
 * - Buy only with a confirmation main issued with the quote (confirmations.ts),
 *   and only what it was issued for: that number, of the connected account,
 *   at the quoted monthly price (a changed price is refused, nothing bought).
 *   Releasing takes a confirmation too.
 * - Buy only an exact E.164 number, never by area code.
 * - Check what can be checked first (already owned, trial limit, balance)
 *   and say so before anything is bought.
 * - Write an intent row before the POST, under the confirmation's id. A
 *   partial unique index allows one open intent per number, so a second
 *   click, window or IPC call cannot start another; a repeated call with the
 *   same confirmation gets the first call's outcome.
 * - Make one POST. The request client retries it only when Twilio cannot
 *   have acted (a 429, a refused connection).
 * - When the outcome is unknown (timeout, dropped connection, 5xx, crash),
 *   never retry: ask Twilio whether the account owns the number
 *   (reconcile) — now, and again on the next start for anything still open.
 */
import type { Database } from 'better-sqlite3';
import { inWriteTransaction } from '../db/database';
import { AppError, appError, reasonError, type ErrorCode } from '../../../shared/errors';
import {
  purchaseBlocker,
  PURCHASE_OUTCOME_UNKNOWN,
  type ActivityEntry,
  type MonthlyPrice,
  type OwnedNumber,
  type PurchaseQuote,
} from '../../../shared/domain/numbers';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { Confirmations, ConfirmedAction } from './confirmations';
import { toMicros } from '../../../shared/money';
import { getLatestAccount, type AccountRow } from '../db/accounts-repo';
import { addActivity, listActivity, settlePurchaseActivity } from '../db/activity-repo';
import { countOwnedNumbers, getOwnedNumber, isOwned, markReleased, saveNumbers } from '../db/numbers-repo';
import {
  getIntent,
  insertIntent,
  openIntents,
  PurchaseAlreadyOpenError,
  setIntentState,
  type PurchaseIntent,
} from '../db/purchases-repo';
import type { TwilioAccountApi } from '../twilio/gateway';
import type { TwilioNumber } from '../domain/twilio-number';
import type { ConnectionService } from './connection-service';
import type { Logger } from '../infrastructure/logger';
import { toOwnedNumber, toRecord } from './owned-numbers';
import type { PriceBook } from './price-book';
import type { Clock } from '../infrastructure/clock';
import { balanceCovers } from '../infrastructure/balance';
import type { ChannelHandlers } from '../ipc/registrar';

export interface PurchasesServiceDeps {
  db: Database;
  connection: ConnectionService;
  prices: PriceBook;
  confirmations: Confirmations;
  logger: Logger;
  clock: Clock;
}

export interface PurchasesService {
  quote(input: ChannelParsedInput<'purchases:quote'>): Promise<PurchaseQuote>;
  buy(input: ChannelParsedInput<'purchases:buy'>): Promise<{ number: OwnedNumber }>;
  prepareRelease(
    input: ChannelParsedInput<'purchases:prepareRelease'>,
  ): Promise<ChannelOutput<'purchases:prepareRelease'>>;
  release(input: ChannelParsedInput<'purchases:release'>): Promise<{ alreadyReleased: boolean }>;
  /** Settles every open intent of the connected account by asking Twilio; leaves them open if Twilio cannot be asked. */
  reconcile(): Promise<void>;
  activity(): ActivityEntry[];
}

const OUTCOME_UNCONFIRMED = reasonError('purchase_unconfirmed');

/**
 * Twilio was asked after an unknown outcome and does not own the number: a known outcome, nothing bought. Its
 * code is not one of PURCHASE_OUTCOME_UNKNOWN, so "Try again" is a new purchase rather than a replay of this one.
 */
const NOT_BOUGHT = () => appError('purchase_not_made');

/** Whether two monthly prices are the same amount in the same currency (both unknown counts as the same). */
function samePrice(
  a: Pick<MonthlyPrice, 'amount' | 'currency'> | null,
  b: Pick<MonthlyPrice, 'amount' | 'currency'> | null,
): boolean {
  if (!a || !b) return a === b;
  return a.currency.toUpperCase() === b.currency.toUpperCase() && toMicros(a.amount) === toMicros(b.amount);
}

export function createPurchasesService(deps: PurchasesServiceDeps): PurchasesService {
  const { db, connection, prices, confirmations, logger, clock } = deps;
  const now = () => clock().toISOString();
  /** Purchases under way in this process, by purchase id: a repeated call joins the first. */
  const inFlight = new Map<string, Promise<{ number: OwnedNumber }>>();

  /** The connected account's live number with this SID, or `not_found`. */
  function ownedNumberOf(row: AccountRow, sid: string) {
    const number = getOwnedNumber(db, sid);
    if (!number || number.accountSid !== row.sid) {
      throw reasonError('number_not_in_account');
    }
    return number;
  }

  /** Balance is checked before buying; subaccounts have none. */
  async function balanceOf(row: AccountRow, api: TwilioAccountApi) {
    const isSubaccount = row.ownerAccountSid !== null && row.ownerAccountSid !== row.sid;
    if (isSubaccount) return { balance: null, unknown: 'subaccount' as const };
    return { balance: await api.balance(), unknown: null };
  }

  function recordBought(intent: PurchaseIntent, number: TwilioNumber): OwnedNumber {
    const record = toRecord(number, {
      accountSid: intent.accountSid,
      type: intent.type,
      isoCountry: intent.isoCountry,
      syncedAt: now(),
    });
    inWriteTransaction(db, () => {
      saveNumbers(db, [record]);
      setIntentState(db, { id: intent.id, state: 'bought', numberSid: number.sid, at: now() });
      settlePurchaseActivity(db, { purchaseId: intent.id, outcome: 'succeeded', detail: null });
    });
    logger.info('number bought', { purchase: intent.id, number: number.sid });
    return toOwnedNumber(record, prices);
  }

  function recordFailed(intent: PurchaseIntent, error: AppError): void {
    inWriteTransaction(db, () => {
      setIntentState(db, { id: intent.id, state: 'failed', errorCode: error.code, at: now() });
      settlePurchaseActivity(db, {
        purchaseId: intent.id,
        outcome: 'failed',
        detail: { reason: 'failed', error: error.data },
      });
    });
    logger.info('number purchase failed', { purchase: intent.id, code: error.code });
  }

  /** Asks Twilio whether the account owns the intent's number; settles the intent if it can. */
  async function settleFromTwilio(intent: PurchaseIntent, api: TwilioAccountApi): Promise<OwnedNumber | null> {
    const owned = await api.findOwnedNumber(intent.phoneNumber);
    if (owned) return recordBought(intent, owned);
    recordFailed(intent, NOT_BOUGHT());
    return null;
  }

  /** settleFromTwilio, answering "unconfirmed" when Twilio cannot be asked (the intent stays open). */
  function settleOrUnconfirmed(intent: PurchaseIntent, api: TwilioAccountApi): Promise<OwnedNumber | null> {
    return settleFromTwilio(intent, api).catch(() => {
      throw OUTCOME_UNCONFIRMED;
    });
  }

  /** The answer for a purchase id that was seen before. */
  async function outcomeOf(intent: PurchaseIntent, api: TwilioAccountApi): Promise<{ number: OwnedNumber }> {
    if (intent.state === 'pending' || intent.state === 'unknown') {
      const number = await settleOrUnconfirmed(intent, api);
      if (number) return { number };
      throw NOT_BOUGHT();
    }
    const number = intent.numberSid ? getOwnedNumber(db, intent.numberSid) : null;
    if (intent.state === 'bought' && number) return { number: toOwnedNumber(number, prices) };
    throw appError((intent.errorCode as ErrorCode | null) ?? 'internal');
  }

  /**
   * How many numbers the account owns, for the trial limit of one. A trial
   * account with none in the local copy is asked at Twilio: right after
   * connecting, the first sync may not have filled the copy yet.
   */
  async function ownedCountOf(row: AccountRow, api: TwilioAccountApi): Promise<number> {
    const local = countOwnedNumbers(db, row.sid);
    if (row.type !== 'Trial' || local > 0) return local;
    return (await api.ownsAnyNumber()) ? 1 : 0;
  }

  type ConfirmedPurchase = Extract<ConfirmedAction, { kind: 'purchase' }>;

  async function checkBeforeBuying(row: AccountRow, api: TwilioAccountApi, confirmed: ConfirmedPurchase) {
    if (isOwned(db, confirmed.phoneNumber)) {
      throw reasonError('number_already_owned');
    }
    if (row.type === 'Trial' && (await ownedCountOf(row, api)) >= 1) throw appError('trial_limit');
    const price = prices.priceOf(confirmed.country, confirmed.type);
    if (!samePrice(price, confirmed.monthlyPrice)) {
      throw reasonError({ reason: 'price_changed_since_confirmed', confirmed: confirmed.monthlyPrice, current: price });
    }
    const { balance } = await balanceOf(row, api);
    if (price && balance && balanceCovers(balance, price) === false) {
      throw reasonError({ reason: 'balance_below_price', balance, price });
    }
    return price;
  }

  async function buyOnce(confirmationId: string): Promise<{ number: OwnedNumber }> {
    const { row, api } = await connection.connected();
    const seen = getIntent(db, confirmationId);
    if (seen) return outcomeOf(seen, api);

    const confirmed = confirmations.check(confirmationId, 'purchase');
    if (confirmed.accountSid !== row.sid) throw appError('confirmation_invalid');
    const price = await checkBeforeBuying(row, api, confirmed);
    // Committed: from here the intent, under this id, answers any repeat.
    confirmations.take(confirmationId, 'purchase');
    const intent: PurchaseIntent = {
      id: confirmationId,
      accountSid: row.sid,
      phoneNumber: confirmed.phoneNumber,
      type: confirmed.type,
      isoCountry: confirmed.country,
      monthlyPrice: price?.amount ?? null,
      priceCurrency: price?.currency ?? null,
      state: 'pending',
      numberSid: null,
      errorCode: null,
      createdAt: now(),
    };
    try {
      inWriteTransaction(db, () => {
        insertIntent(db, intent);
        addActivity(db, {
          accountSid: row.sid,
          at: intent.createdAt,
          kind: 'purchase',
          phoneNumber: intent.phoneNumber,
          amount: intent.monthlyPrice,
          currency: intent.priceCurrency,
          outcome: 'pending',
          detail: null,
          purchaseId: intent.id,
        });
      });
    } catch (error) {
      if (error instanceof PurchaseAlreadyOpenError) throw appError('purchase_in_progress');
      throw error;
    }

    let bought: TwilioNumber;
    try {
      bought = await api.buyNumber(intent.phoneNumber);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (!PURCHASE_OUTCOME_UNKNOWN.has(error.code)) {
        recordFailed(intent, error);
        throw error;
      }
      setIntentState(db, { id: intent.id, state: 'unknown', at: now() });
      logger.warn('number purchase outcome unknown; reconciling', { purchase: intent.id, code: error.code });
      const number = await settleOrUnconfirmed({ ...intent, state: 'unknown' }, api);
      if (number) return { number };
      throw NOT_BOUGHT();
    }
    return { number: recordBought(intent, bought) };
  }

  return {
    async quote(input) {
      const { row, api } = await connection.connected();
      await prices.refresh(api, [input.country]);
      const monthlyPrice = prices.priceOf(input.country, input.type);
      const { balance, unknown } = await balanceOf(row, api);
      const quote = {
        monthlyPrice,
        balance,
        balanceUnknown: unknown,
        balanceSufficient: balanceCovers(balance, monthlyPrice),
        trialAccount: row.type === 'Trial',
        ownedCount: await ownedCountOf(row, api),
      };
      // A quote that rules the purchase out (the dialog says why) comes with nothing to buy with.
      const confirmation = purchaseBlocker(quote)
        ? null
        : confirmations.issue({
            kind: 'purchase',
            accountSid: row.sid,
            phoneNumber: input.phoneNumber,
            country: input.country,
            type: input.type,
            monthlyPrice: monthlyPrice && { amount: monthlyPrice.amount, currency: monthlyPrice.currency },
          });
      return { ...quote, confirmation };
    },

    buy({ confirmationId }) {
      const existing = inFlight.get(confirmationId);
      if (existing) return existing;
      const purchase = buyOnce(confirmationId).finally(() => inFlight.delete(confirmationId));
      inFlight.set(confirmationId, purchase);
      return purchase;
    },

    async prepareRelease({ sid }) {
      const { row } = await connection.connected();
      ownedNumberOf(row, sid);
      return { confirmation: confirmations.issue({ kind: 'release', accountSid: row.sid, numberSid: sid }) };
    },

    async release({ confirmationId }) {
      const { row, api } = await connection.connected();
      const { accountSid, numberSid: sid } = confirmations.check(confirmationId, 'release');
      if (accountSid !== row.sid) throw appError('confirmation_invalid');
      const number = ownedNumberOf(row, sid);
      confirmations.take(confirmationId, 'release');
      const price = prices.priceOf(number.isoCountry, number.type);
      const activity = {
        accountSid: row.sid,
        kind: 'release' as const,
        phoneNumber: number.phoneNumber,
        amount: price?.amount ?? null,
        currency: price?.currency ?? null,
        purchaseId: null,
      };
      try {
        const existed = await api.releaseNumber(sid);
        inWriteTransaction(db, () => {
          markReleased(db, [sid], now());
          addActivity(db, {
            ...activity,
            at: now(),
            outcome: 'succeeded',
            detail: existed ? null : { reason: 'released-elsewhere' },
          });
        });
        logger.info('number released', { number: sid, alreadyReleased: !existed });
        return { alreadyReleased: !existed };
      } catch (error) {
        addActivity(db, {
          ...activity,
          at: now(),
          outcome: 'failed',
          detail: error instanceof AppError ? { reason: 'failed', error: error.data } : { reason: 'unexpected' },
        });
        throw error;
      }
    },

    async reconcile() {
      const { row, api } = await connection.connected();
      for (const intent of openIntents(db, row.sid)) {
        try {
          await settleFromTwilio(intent, api);
        } catch (error) {
          logger.warn('open purchase not reconciled yet', { purchase: intent.id, error: String(error) });
        }
      }
    },

    activity() {
      const account = getLatestAccount(db);
      return account ? listActivity(db, account.sid) : [];
    },
  };
}

export function purchasesHandlers(purchases: PurchasesService): ChannelHandlers<'purchases'> {
  return {
    'purchases:quote': (input) => purchases.quote(input),
    'purchases:buy': (input) => purchases.buy(input),
    'purchases:prepareRelease': (input) => purchases.prepareRelease(input),
    'purchases:release': (input) => purchases.release(input),
    'purchases:activity': () => ({ entries: purchases.activity() }),
  };
}
