/**
 * Numbers against the fake Twilio through the real gateway: sync, search,
 * purchase journal and reconciliation, release.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';
import {
  buyNumber,
  confirmedPurchase,
  firstAvailable,
  purchasePosts,
  releaseNumber,
  US_LOCAL,
} from '../support/purchase-steps';
import { CONFIRMATION_TTL_MS } from '../../electron/main/services/confirmations';

let harness: CoreHarness;

beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.code;
}

describe('sync', () => {
  it('imports every owned number page by page, with types, and reports progress', async () => {
    const account = await harness.connect();
    await harness.control.seedOwnedNumbers({ accountSid: account.sid, count: 2_500, areaCode: '303' });
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+18885550100', type: 'toll-free' });

    const result = await harness.core().services.numbers.sync();
    expect(result.total).toBe(2_501);
    const { numbers } = harness.core().services.numbers.list();
    expect(numbers).toHaveLength(2_501);
    expect(numbers.find((number) => number.phoneNumber === '+18885550100')?.type).toBe('toll-free');
    expect(numbers.filter((number) => number.type === 'local')).toHaveLength(2_500);

    const loaded = harness.events.flatMap((entry) =>
      entry.event === 'numbers:syncProgress' && 'loaded' in entry.payload ? [entry.payload.loaded] : [],
    );
    expect(loaded).toEqual(expect.arrayContaining([1_000, 2_000, 2_501]));
  });

  it('marks numbers released outside Gleam, and picks up numbers bought elsewhere', async () => {
    const account = await harness.connect();
    const kept = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550191' });
    const gone = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550192' });
    await harness.core().services.numbers.sync();

    await harness
      .core()
      .services.connection.connected()
      .then(({ api }) => api.releaseNumber(gone.sid));
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550193' });
    const result = await harness.core().services.numbers.sync();

    expect(result).toMatchObject({ total: 2, added: 1, removed: 1 });
    expect(
      harness
        .core()
        .services.numbers.list()
        .numbers.map((number) => number.sid),
    ).toContain(kept.sid);
    expect(
      harness
        .core()
        .services.numbers.list()
        .numbers.map((number) => number.phoneNumber),
    ).toEqual(['+14155550191', '+14155550193']);
  });

  it('stops when cancelled, without marking anything released', async () => {
    const account = await harness.connect();
    await harness.control.seedOwnedNumbers({ accountSid: account.sid, count: 3_000, areaCode: '512' });
    await harness.core().services.numbers.sync();
    await harness.control.injectFault({ kind: 'latency', ms: 300, times: 10, match: { method: 'GET' } });

    const sync = harness.core().services.numbers.sync();
    setTimeout(() => harness.core().services.numbers.cancelSync(), 100);
    expect(await codeOf(sync)).toBe('cancelled');
    expect(harness.core().services.numbers.list().numbers).toHaveLength(3_000);
  });
  it('cancels a sync asked for while another ran, too', async () => {
    const account = await harness.connect();
    await harness.control.seedOwnedNumbers({ accountSid: account.sid, count: 2_000, areaCode: '512' });
    await harness.control.injectFault({ kind: 'latency', ms: 300, times: 10, match: { method: 'GET' } });

    const first = harness.core().services.numbers.sync();
    const second = harness.core().services.numbers.sync();
    setTimeout(() => harness.core().services.numbers.cancelSync(), 100);
    expect(await codeOf(first)).toBe('cancelled');
    expect(await codeOf(second)).toBe('cancelled');
  });
});

describe('Messaging Service membership', () => {
  const membership = () =>
    Object.fromEntries(
      harness
        .core()
        .services.numbers.list()
        .numbers.map((number) => [number.phoneNumber, number.inMessagingService]),
    );

  it('shows which numbers are in the service set in Settings, bought in Gleam or not, and keeps it up to date', async () => {
    const account = await harness.control.seedAccount({});
    const member = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550131' });
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550132' });
    const service = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Texts' });
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: member.sid });

    // Without a service set, membership is not a question.
    await harness.core().services.connection.connect({ accountSid: account.sid, authToken: account.authToken });
    await harness.core().refreshFromTwilio();
    expect(membership()).toEqual({ '+14155550131': null, '+14155550132': null });

    // Set, but its members not read yet: not known, rather than "not a member".
    await harness.core().services.connection.setMessagingService({ messagingServiceSid: service.sid });
    expect(membership()).toEqual({ '+14155550131': null, '+14155550132': null });

    await harness.core().services.numbers.sync();
    expect(membership()).toEqual({ '+14155550131': true, '+14155550132': false });

    // Changed in the Twilio Console: the next sync sees it.
    const other = (await harness.control.ownedNumbers(account.sid)).find((n) => n.phoneNumber === '+14155550132');
    if (!other) throw new Error('the fake lost a number');
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: other.sid });
    await harness.core().services.numbers.sync();
    expect(membership()).toEqual({ '+14155550131': true, '+14155550132': true });
  });

  it('keeps the members it knew when the service cannot be read during a sync', async () => {
    const account = await harness.control.seedAccount({});
    const member = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550133' });
    const service = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Texts' });
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: member.sid });
    await harness.core().services.connection.connect({
      accountSid: account.sid,
      authToken: account.authToken,
      messagingServiceSid: service.sid,
    });
    await harness.core().refreshFromTwilio();
    expect(membership()).toEqual({ '+14155550133': true });

    await harness.control.injectFault({
      kind: 'status',
      status: 503,
      times: 5,
      match: { pathIncludes: `/Services/${service.sid}/PhoneNumbers` },
    });
    await harness.core().services.numbers.sync();
    expect(membership()).toEqual({ '+14155550133': true });
  });
});

describe('buying a number', () => {
  it('buys exactly the chosen number with one POST, journals it and logs the activity', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const { number } = await buyNumber(harness.core(), phoneNumber);

    expect(number.phoneNumber).toBe(phoneNumber);
    expect(number.monthlyPrice).toMatchObject({ amount: '1.15', currency: 'USD', source: 'twilio' });
    expect((await harness.control.ownedNumbers(account.sid)).map((owned) => owned.phoneNumber)).toContain(phoneNumber);
    const posts = await purchasePosts(harness.control, account.sid);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.form).toEqual({ PhoneNumber: phoneNumber });
    expect(harness.core().services.purchases.activity()).toMatchObject([
      { kind: 'purchase', phoneNumber, outcome: 'succeeded', monthlyPrice: { amount: '1.15', currency: 'USD' } },
    ]);
  });

  it('treats a repeated call with the same confirmation as the same purchase', async () => {
    const account = await harness.connect();
    const input = { confirmationId: await confirmedPurchase(harness.core(), await firstAvailable(harness.core())) };
    const [first, second] = await Promise.all([
      harness.core().services.purchases.buy(input),
      harness.core().services.purchases.buy(input),
    ]);
    const third = await harness.core().services.purchases.buy(input);
    expect(second.number.sid).toBe(first.number.sid);
    expect(third.number.sid).toBe(first.number.sid);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
  });

  it('lets only one of two purchases of the same number reach Twilio', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const outcomes = await Promise.allSettled([
      buyNumber(harness.core(), phoneNumber),
      buyNumber(harness.core(), phoneNumber),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((rejected?.reason as AppError).code).toMatch(/purchase_in_progress|number_not_available/);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
  });

  it('buys nothing without a confirmation main issued, and nothing twice with one', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: randomUUID() }))).toBe(
      'confirmation_invalid',
    );
    expect(harness.core().services.purchases.activity()).toEqual([]);

    // A confirmation whose purchase Twilio refused is spent: using it again answers the refusal, with no POST.
    const refused = await confirmedPurchase(harness.core(), '+15005550000');
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: refused }))).toBe(
      'number_not_available',
    );
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: refused }))).toBe(
      'number_not_available',
    );
    // A release's confirmation does not buy.
    const owned = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550181' });
    await harness.core().services.numbers.sync();
    const { confirmation } = await harness.core().services.purchases.prepareRelease({ sid: owned.sid });
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: confirmation.id }))).toBe(
      'confirmation_invalid',
    );

    const posts = await purchasePosts(harness.control, account.sid);
    expect(posts.map((post) => post.form)).toEqual([{ PhoneNumber: '+15005550000' }]);
    expect((await harness.control.ownedNumbers(account.sid)).map((number) => number.phoneNumber)).not.toContain(
      phoneNumber,
    );
  });

  it('refuses a confirmation that has expired, or was issued for another account', async () => {
    let now = Date.now();
    harness.startCore({ clock: () => new Date(now) });
    const first = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const stale = await confirmedPurchase(harness.core(), phoneNumber);
    now += CONFIRMATION_TTL_MS + 1_000;
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: stale }))).toBe('confirmation_invalid');

    const forFirst = await confirmedPurchase(harness.core(), phoneNumber);
    const second = await harness.connect();
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: forFirst }))).toBe(
      'confirmation_invalid',
    );
    expect(await purchasePosts(harness.control, first.sid)).toEqual([]);
    expect(await purchasePosts(harness.control, second.sid)).toEqual([]);
  });

  it('refuses, buying nothing, when the monthly price changed after it was confirmed', async () => {
    const day = 24 * 60 * 60 * 1000;
    let now = Date.now();
    harness.startCore({ clock: () => new Date(now) });
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    // Confirmed at $1.15 a minute before the day-old prices are due to be read again…
    now += day - 60_000;
    const confirmed = await confirmedPurchase(harness.core(), phoneNumber);
    // …and Twilio's price has gone up when they are.
    await harness.control.setPrices({
      country: 'US',
      prices: [
        { numberType: 'local', basePrice: '1.25', currentPrice: '1.25' },
        { numberType: 'toll free', basePrice: '2.15', currentPrice: '2.15' },
      ],
    });
    now += 2 * 60_000;
    const requoted = await harness.core().services.purchases.quote({ ...US_LOCAL, phoneNumber });
    expect(requoted.monthlyPrice).toMatchObject({ amount: '1.25' });

    const attempt = harness.core().services.purchases.buy({ confirmationId: confirmed });
    expect(await codeOf(attempt)).toBe('price_changed');
    await expect(attempt).rejects.toThrow('The monthly price changed from $1.15 to $1.25 since you confirmed');
    expect(await purchasePosts(harness.control, account.sid)).toEqual([]);
    // The new quote's confirmation buys at the new price.
    const { number } = await harness.core().services.purchases.buy({ confirmationId: requoted.confirmation?.id ?? '' });
    expect(number.monthlyPrice).toMatchObject({ amount: '1.25' });
  });

  it('says "Number not available" for Twilio’s unavailable test number and journals the failure', async () => {
    await harness.connect();
    expect(await codeOf(buyNumber(harness.core(), '+15005550000'))).toBe('number_not_available');
    expect(harness.core().services.purchases.activity()).toMatchObject([
      {
        outcome: 'failed',
        phoneNumber: '+15005550000',
        detail: { reason: 'failed', error: { code: 'number_not_available', message: 'Number not available' } },
      },
    ]);
  });

  it('offers no confirmation when the balance is below the monthly price, and checks it again when buying', async () => {
    const account = await harness.connect({ balance: '0.50' });
    const phoneNumber = await firstAvailable(harness.core());
    const quote = await harness.core().services.purchases.quote({ ...US_LOCAL, phoneNumber });
    expect(quote).toMatchObject({
      balanceSufficient: false,
      balance: { amount: '0.50', currency: 'USD' },
      confirmation: null,
    });

    await harness.control.updateAccount(account.sid, { balance: '20.00' });
    const confirmed = await confirmedPurchase(harness.core(), phoneNumber);
    await harness.control.updateAccount(account.sid, { balance: '0.50' });
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: confirmed }))).toBe(
      'insufficient_funds',
    );
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(0);
  });

  it('quotes a subaccount without a balance of its own, saying why, and without asking Twilio for one', async () => {
    const parent = await harness.control.seedAccount();
    const account = await harness.connect({ ownerAccountSid: parent.sid });
    const phoneNumber = await firstAvailable(harness.core());
    const quote = await harness.core().services.purchases.quote({ ...US_LOCAL, phoneNumber });
    expect(quote).toMatchObject({ balance: null, balanceUnknown: 'subaccount', balanceSufficient: null });
    expect(await harness.control.requests({ accountSid: account.sid, pathIncludes: 'Balance' })).toEqual([]);
  });

  it('explains the trial limit before buying a second number on a trial account', async () => {
    const account = await harness.connect({ type: 'Trial' });
    const phoneNumber = await firstAvailable(harness.core());
    const confirmedBefore = await confirmedPurchase(harness.core(), phoneNumber);
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550199' });
    await harness.core().services.numbers.sync();
    expect(await harness.core().services.purchases.quote({ ...US_LOCAL, phoneNumber })).toMatchObject({
      trialAccount: true,
      ownedCount: 1,
      confirmation: null,
    });
    expect(await codeOf(harness.core().services.purchases.buy({ confirmationId: confirmedBefore }))).toBe(
      'trial_limit',
    );
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(0);
  });

  it('reconciles when Twilio bought the number but the answer was lost, without a second POST', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    await harness.control.injectFault({ kind: 'drop', afterCommit: true, match: { method: 'POST' } });
    const { number } = await buyNumber(harness.core(), phoneNumber);
    expect(number.phoneNumber).toBe(phoneNumber);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
    expect(harness.core().services.purchases.activity()).toMatchObject([{ outcome: 'succeeded' }]);
  });

  it('keeps an unconfirmed purchase open when Twilio cannot be asked, and settles it on the next start', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const confirmationId = await confirmedPurchase(harness.core(), phoneNumber);
    // The purchase is made, its answer lost, and the follow-up question fails too.
    await harness.control.injectFault({ kind: 'drop', afterCommit: true, match: { method: 'POST' } });
    await harness.control.injectFault({
      kind: 'status',
      status: 503,
      times: 3,
      match: { method: 'GET', pathIncludes: 'IncomingPhoneNumbers' },
    });
    const attempt = harness.core().services.purchases.buy({ confirmationId });
    expect(await codeOf(attempt)).toBe('twilio_unavailable');
    expect(harness.core().services.purchases.activity()).toMatchObject([{ outcome: 'pending' }]);

    const restarted = harness.startCore();
    await restarted.refreshFromTwilio();
    expect(restarted.services.purchases.activity()).toMatchObject([{ outcome: 'succeeded' }]);
    expect(restarted.services.numbers.list().numbers.map((owned) => owned.phoneNumber)).toContain(phoneNumber);
    // "Try again" after the restart sends the same confirmation: the settled purchase answers, nothing more is bought.
    expect((await restarted.services.purchases.buy({ confirmationId })).number.phoneNumber).toBe(phoneNumber);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
  });
});

describe('releasing a number', () => {
  it('releases it at Twilio and logs it; a number already gone counts as released', async () => {
    const account = await harness.connect();
    const first = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550181' });
    const second = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550182' });
    await harness.core().services.numbers.sync();

    expect(await releaseNumber(harness.core(), first.sid)).toEqual({ alreadyReleased: false });
    await harness
      .core()
      .services.connection.connected()
      .then(({ api }) => api.releaseNumber(second.sid));
    expect(await releaseNumber(harness.core(), second.sid)).toEqual({ alreadyReleased: true });

    expect(harness.core().services.numbers.list().numbers).toEqual([]);
    expect(await harness.control.ownedNumbers(account.sid)).toEqual([]);
    expect(
      harness
        .core()
        .services.purchases.activity()
        .map((entry) => [entry.kind, entry.outcome, entry.detail]),
    ).toEqual([
      ['release', 'succeeded', { reason: 'released-elsewhere' }],
      ['release', 'succeeded', null],
    ]);
  });

  it('releases only with the confirmation issued for that number, once', async () => {
    const account = await harness.connect();
    const first = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550181' });
    const second = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550182' });
    await harness.core().services.numbers.sync();

    expect(await codeOf(harness.core().services.purchases.release({ confirmationId: randomUUID() }))).toBe(
      'confirmation_invalid',
    );
    const { confirmation } = await harness.core().services.purchases.prepareRelease({ sid: first.sid });
    expect(await harness.core().services.purchases.release({ confirmationId: confirmation.id })).toEqual({
      alreadyReleased: false,
    });
    expect(await codeOf(harness.core().services.purchases.release({ confirmationId: confirmation.id }))).toBe(
      'confirmation_invalid',
    );
    // A purchase's confirmation releases nothing.
    const forPurchase = await confirmedPurchase(harness.core(), await firstAvailable(harness.core()));
    expect(await codeOf(harness.core().services.purchases.release({ confirmationId: forPurchase }))).toBe(
      'confirmation_invalid',
    );
    expect((await harness.control.ownedNumbers(account.sid)).map((number) => number.sid)).toEqual([second.sid]);
  });
});
