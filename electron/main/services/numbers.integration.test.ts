/**
 * Numbers against the fake Twilio through the real gateway: sync, search,
 * purchase journal and reconciliation, release.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createCoreHarness, type CoreHarness } from '../test-support/core-with-fake';
import { firstAvailable, purchasePosts, US_LOCAL } from '../test-support/purchase-steps';

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

    const result = await harness.core().numbers.sync();
    expect(result.total).toBe(2_501);
    const { numbers } = harness.core().numbers.list();
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
    await harness.core().numbers.sync();

    await harness
      .core()
      .connection.connected()
      .then(({ api }) => api.releaseNumber(gone.sid));
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550193' });
    const result = await harness.core().numbers.sync();

    expect(result).toMatchObject({ total: 2, added: 1, removed: 1 });
    expect(
      harness
        .core()
        .numbers.list()
        .numbers.map((number) => number.sid),
    ).toContain(kept.sid);
    expect(
      harness
        .core()
        .numbers.list()
        .numbers.map((number) => number.phoneNumber),
    ).toEqual(['+14155550191', '+14155550193']);
  });

  it('stops when cancelled, without marking anything released', async () => {
    const account = await harness.connect();
    await harness.control.seedOwnedNumbers({ accountSid: account.sid, count: 3_000, areaCode: '512' });
    await harness.core().numbers.sync();
    await harness.control.injectFault({ kind: 'latency', ms: 300, times: 10, match: { method: 'GET' } });

    const sync = harness.core().numbers.sync();
    setTimeout(() => harness.core().numbers.cancelSync(), 100);
    expect(await codeOf(sync)).toBe('cancelled');
    expect(harness.core().numbers.list().numbers).toHaveLength(3_000);
  });
  it('cancels a sync asked for while another ran, too', async () => {
    const account = await harness.connect();
    await harness.control.seedOwnedNumbers({ accountSid: account.sid, count: 2_000, areaCode: '512' });
    await harness.control.injectFault({ kind: 'latency', ms: 300, times: 10, match: { method: 'GET' } });

    const first = harness.core().numbers.sync();
    const second = harness.core().numbers.sync();
    setTimeout(() => harness.core().numbers.cancelSync(), 100);
    expect(await codeOf(first)).toBe('cancelled');
    expect(await codeOf(second)).toBe('cancelled');
  });
});

describe('Messaging Service membership', () => {
  const membership = () =>
    Object.fromEntries(
      harness
        .core()
        .numbers.list()
        .numbers.map((number) => [number.phoneNumber, number.inMessagingService]),
    );

  it('shows which numbers are in the service set in Settings, bought in Gleam or not, and keeps it up to date', async () => {
    const account = await harness.control.seedAccount({});
    const member = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550131' });
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550132' });
    const service = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Texts' });
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: member.sid });

    // Without a service set, membership is not a question.
    await harness.core().connection.connect({ accountSid: account.sid, authToken: account.authToken });
    await harness.core().refreshFromTwilio();
    expect(membership()).toEqual({ '+14155550131': null, '+14155550132': null });

    // Set, but its members not read yet: not known, rather than "not a member".
    await harness.core().connection.setMessagingService({ messagingServiceSid: service.sid });
    expect(membership()).toEqual({ '+14155550131': null, '+14155550132': null });

    await harness.core().numbers.sync();
    expect(membership()).toEqual({ '+14155550131': true, '+14155550132': false });

    // Changed in the Twilio Console: the next sync sees it.
    const other = (await harness.control.ownedNumbers(account.sid)).find((n) => n.phoneNumber === '+14155550132');
    if (!other) throw new Error('the fake lost a number');
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: other.sid });
    await harness.core().numbers.sync();
    expect(membership()).toEqual({ '+14155550131': true, '+14155550132': true });
  });

  it('keeps the members it knew when the service cannot be read during a sync', async () => {
    const account = await harness.control.seedAccount({});
    const member = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550133' });
    const service = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Texts' });
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: member.sid });
    await harness.core().connection.connect({
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
    await harness.core().numbers.sync();
    expect(membership()).toEqual({ '+14155550133': true });
  });
});

describe('buying a number', () => {
  it('buys exactly the chosen number with one POST, journals it and logs the activity', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const { number } = await harness.core().purchases.buy({ ...US_LOCAL, phoneNumber, purchaseId: randomUUID() });

    expect(number.phoneNumber).toBe(phoneNumber);
    expect(number.monthlyPrice).toMatchObject({ amount: '1.15', currency: 'USD', source: 'twilio' });
    expect((await harness.control.ownedNumbers(account.sid)).map((owned) => owned.phoneNumber)).toContain(phoneNumber);
    const posts = await purchasePosts(harness.control, account.sid);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.form).toEqual({ PhoneNumber: phoneNumber });
    expect(harness.core().purchases.activity()).toMatchObject([
      { kind: 'purchase', phoneNumber, outcome: 'succeeded', monthlyPrice: { amount: '1.15', currency: 'USD' } },
    ]);
  });

  it('treats a repeated call with the same purchase id as the same purchase', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const input = { ...US_LOCAL, phoneNumber, purchaseId: randomUUID() };
    const [first, second] = await Promise.all([
      harness.core().purchases.buy(input),
      harness.core().purchases.buy(input),
    ]);
    const third = await harness.core().purchases.buy(input);
    expect(second.number.sid).toBe(first.number.sid);
    expect(third.number.sid).toBe(first.number.sid);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
  });

  it('lets only one of two purchases of the same number reach Twilio', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const outcomes = await Promise.allSettled([
      harness.core().purchases.buy({ ...US_LOCAL, phoneNumber, purchaseId: randomUUID() }),
      harness.core().purchases.buy({ ...US_LOCAL, phoneNumber, purchaseId: randomUUID() }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((rejected?.reason as AppError).code).toMatch(/purchase_in_progress|number_not_available/);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
  });

  it('says "Number not available" for Twilio’s unavailable test number and journals the failure', async () => {
    await harness.connect();
    const attempt = harness
      .core()
      .purchases.buy({ ...US_LOCAL, phoneNumber: '+15005550000', purchaseId: randomUUID() });
    expect(await codeOf(attempt)).toBe('number_not_available');
    expect(harness.core().purchases.activity()).toMatchObject([{ outcome: 'failed', phoneNumber: '+15005550000' }]);
  });

  it('refuses before buying when the balance is below the monthly price', async () => {
    const account = await harness.connect({ balance: '0.50' });
    const phoneNumber = await firstAvailable(harness.core());
    const quote = await harness.core().purchases.quote({ ...US_LOCAL, phoneNumber });
    expect(quote).toMatchObject({ balanceSufficient: false, balance: { amount: '0.50', currency: 'USD' } });
    const attempt = harness.core().purchases.buy({ ...US_LOCAL, phoneNumber, purchaseId: randomUUID() });
    expect(await codeOf(attempt)).toBe('insufficient_funds');
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(0);
  });

  it('explains the trial limit before buying a second number on a trial account', async () => {
    const account = await harness.connect({ type: 'Trial' });
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550199' });
    await harness.core().numbers.sync();
    const attempt = harness.core().purchases.buy({
      ...US_LOCAL,
      phoneNumber: await firstAvailable(harness.core()),
      purchaseId: randomUUID(),
    });
    expect(await codeOf(attempt)).toBe('trial_limit');
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(0);
  });

  it('reconciles when Twilio bought the number but the answer was lost, without a second POST', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    await harness.control.injectFault({ kind: 'drop', afterCommit: true, match: { method: 'POST' } });
    const { number } = await harness.core().purchases.buy({ ...US_LOCAL, phoneNumber, purchaseId: randomUUID() });
    expect(number.phoneNumber).toBe(phoneNumber);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
    expect(harness.core().purchases.activity()).toMatchObject([{ outcome: 'succeeded' }]);
  });

  it('keeps an unconfirmed purchase open when Twilio cannot be asked, and settles it on the next start', async () => {
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    // The purchase is made, its answer lost, and the follow-up question fails too.
    await harness.control.injectFault({ kind: 'drop', afterCommit: true, match: { method: 'POST' } });
    await harness.control.injectFault({
      kind: 'status',
      status: 503,
      times: 3,
      match: { method: 'GET', pathIncludes: 'IncomingPhoneNumbers' },
    });
    const attempt = harness.core().purchases.buy({ ...US_LOCAL, phoneNumber, purchaseId: randomUUID() });
    expect(await codeOf(attempt)).toBe('twilio_unavailable');
    expect(harness.core().purchases.activity()).toMatchObject([{ outcome: 'pending' }]);

    const restarted = harness.startCore();
    await restarted.refreshFromTwilio();
    expect(restarted.purchases.activity()).toMatchObject([{ outcome: 'succeeded' }]);
    expect(restarted.numbers.list().numbers.map((owned) => owned.phoneNumber)).toContain(phoneNumber);
    expect(await purchasePosts(harness.control, account.sid)).toHaveLength(1);
  });
});

describe('releasing a number', () => {
  it('releases it at Twilio and logs it; a number already gone counts as released', async () => {
    const account = await harness.connect();
    const first = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550181' });
    const second = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550182' });
    await harness.core().numbers.sync();

    expect(await harness.core().purchases.release({ sid: first.sid })).toEqual({ alreadyReleased: false });
    await harness
      .core()
      .connection.connected()
      .then(({ api }) => api.releaseNumber(second.sid));
    expect(await harness.core().purchases.release({ sid: second.sid })).toEqual({ alreadyReleased: true });

    expect(harness.core().numbers.list().numbers).toEqual([]);
    expect(await harness.control.ownedNumbers(account.sid)).toEqual([]);
    expect(
      harness
        .core()
        .purchases.activity()
        .map((entry) => [entry.kind, entry.outcome]),
    ).toEqual([
      ['release', 'succeeded'],
      ['release', 'succeeded'],
    ]);
  });
});
