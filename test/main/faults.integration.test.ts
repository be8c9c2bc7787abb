/**
 * The fault suite (issue 7, "Evidence"): the real core against the fake
 * Twilio while it injects latency, 429s with and without Retry-After, 500s
 * and 503s, requests that never get an answer, dropped connections and, for
 * POSTs, the afterCommit variants (Twilio acted, the answer was lost), during
 * a numbers sync, a purchase, assigning one number, a bulk assignment and a
 * costs sync.
 *
 * Every scenario checks against the fake's own state, never against what the
 * app says about itself:
 *  1. the visible outcome: success after a safe retry, or a typed error code;
 *  2. what the screens read (numbers.list(), purchases.activity(), assignment
 *     states, costs.summary()) is Twilio's state, or where the operation
 *     failed, what was shown before;
 *  3. purchases: Twilio acted on at most one POST, and an unknown outcome is
 *     settled (shown as owned exactly when Twilio owns it);
 *  4. assignments: a number Twilio did not get configured is never shown as
 *     configured, but as assigning with the error (or not assigned at all);
 *  5. recovery: with the faults cleared, the next action a person would take
 *     succeeds and the state matches Twilio.
 * Each scenario also asserts that every fault it injected was applied, so a
 * scenario cannot pass by missing its target. The count of scenarios and of
 * faults the fake applied (from its request log) is printed at the end.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  FaultInput,
  FaultMatch,
  RecordedRequest,
  SeededAccount,
  SeededNumber,
} from '../../tools/fake-twilio/control-client';
import { EMPTY_AGENT_DRAFT, type AssignmentOutcome } from '../../shared/domain/agents';
import type { CostSummary, NumberCosts } from '../../shared/domain/costs';
import { PURCHASE_OUTCOME_UNKNOWN, type NumberList, type WebhookState } from '../../shared/domain/numbers';
import { AppError, type ErrorCode } from '../../shared/errors';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';
import { buyNumber, confirmedPurchase, firstAvailable, purchasePosts } from '../support/purchase-steps';

// ----- the harness, and the tally printed at the end -----

let harness: CoreHarness;
const tally = { scenarios: 0, faults: 0, filesScanned: 0 };

beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  tally.scenarios += 1;
  tally.faults += (await harness.control.requests()).filter((request) => request.fault !== null).length;
  // Fails the scenario if any seeded account's Auth Token was left in the data folder.
  tally.filesScanned += (await harness.close()).files;
});
afterAll(() => {
  console.log(
    `fault suite: ${tally.scenarios} scenarios, ${tally.faults} faults injected; ` +
      `secret scan of ${tally.filesScanned} data files: no Auth Token`,
  );
});

/** Short enough to keep the suite fast, long enough for a loaded 2-core machine to answer a normal request. */
const SHORT_TIMEOUT_MS = 1_000;
/**
 * The harness's retry policy waits at most 200 ms, Retry-After included, so
 * a retry after a Retry-After of 1 s must come those 200 ms later (backoff
 * without one is 5–20 ms). A few ms of slack for timer and clock rounding.
 */
const RETRY_AFTER_MIN_GAP_MS = 190;

interface Row<Context> {
  name: string;
  faults: (context: Context) => FaultInput[];
  /** The error code the operation must end with; absent, it must succeed (after safe retries only). */
  error?: ErrorCode;
  /** Some fault never answers: use a short request timeout. */
  shortTimeout?: boolean;
  /** The 429s carry Retry-After: check that each retry waited for it. */
  retryAfter?: boolean;
}

/** A table's rows with their names first, so each scenario is a test named plainly after its row. */
const named = <T extends { name: string }>(rows: readonly T[]): [string, T][] => rows.map((row) => [row.name, row]);

type Settled<T> = { ok: true; value: T } | { ok: false; error: AppError };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    // Anything but an AppError would reach the screen as "something unexpected": a failure in itself.
    if (!(error instanceof AppError)) throw error;
    return { ok: false, error };
  }
}

/** Checks the visible outcome: the row's error code, or success. */
function expectOutcome<T>(settled: Settled<T>, row: { error?: ErrorCode }): T | null {
  if (row.error) {
    expect(settled.ok ? 'succeeded' : settled.error.code).toBe(row.error);
    return null;
  }
  if (!settled.ok) throw new Error(`expected success, got ${settled.error.code}: ${settled.error.message}`);
  return settled.value;
}

/** Injects the faults; answers how many requests they should hit in all. */
async function inject(faults: readonly FaultInput[]): Promise<number> {
  let total = 0;
  for (const fault of faults) {
    await harness.control.injectFault(fault);
    total += fault.times ?? 1;
  }
  return total;
}

async function faultedRequests(): Promise<RecordedRequest[]> {
  return (await harness.control.requests()).filter((request) => request.fault !== null);
}

/** Every injected fault fired: a scenario whose faults missed their requests tests nothing. */
async function expectAllApplied(injected: number): Promise<void> {
  expect((await faultedRequests()).length, 'faults the fake applied').toBe(injected);
}

/** Each rate-limited request was sent again only after the Retry-After wait. */
async function expectRetryAfterHonoured(): Promise<void> {
  const requests = await harness.control.requests();
  const limited = requests.filter((request) => request.fault?.kind === 'rate_limit');
  expect(limited.length).toBeGreaterThan(0);
  for (const request of limited) {
    const retry = requests.find(
      (later) =>
        later.id > request.id &&
        later.method === request.method &&
        later.path === request.path &&
        JSON.stringify(later.query) === JSON.stringify(request.query),
    );
    if (!retry) throw new Error(`${request.method} ${request.path} was rate-limited and never sent again`);
    expect(Date.parse(retry.time) - Date.parse(request.time)).toBeGreaterThanOrEqual(RETRY_AFTER_MIN_GAP_MS);
  }
}

/** Connects an account seeded by the test and waits for the refresh that connecting starts. */
async function connectAccount(account: SeededAccount): Promise<void> {
  await harness.core().services.connection.connect({ accountSid: account.sid, authToken: account.authToken });
  await harness.core().refreshFromTwilio();
}

const twilioNumber = async (accountSid: string, sid: string): Promise<SeededNumber> => {
  const number = (await harness.control.ownedNumbers(accountSid)).find((candidate) => candidate.sid === sid);
  if (!number) throw new Error(`the fake has no ${sid}`);
  return number;
};

// Fault shorthands; `times` is explicit everywhere because the suite counts faults.
const latency = (ms: number, times: number, match: FaultMatch): FaultInput => ({ kind: 'latency', ms, times, match });
const latencyAfterCommit = (ms: number, times: number, match: FaultMatch): FaultInput => ({
  kind: 'latency',
  ms,
  times,
  match,
  afterCommit: true,
});
const rateLimit = (times: number, match: FaultMatch, retryAfterSeconds?: number): FaultInput => ({
  kind: 'rate_limit',
  times,
  match,
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});
const status = (code: number, times: number, match: FaultMatch): FaultInput => ({
  kind: 'status',
  status: code,
  times,
  match,
});
const noAnswer = (times: number, match: FaultMatch, afterCommit = false): FaultInput => ({
  kind: 'timeout',
  times,
  match,
  ...(afterCommit ? { afterCommit } : {}),
});
const drop = (times: number, match: FaultMatch, afterCommit = false): FaultInput => ({
  kind: 'drop',
  times,
  match,
  ...(afterCommit ? { afterCommit } : {}),
});

// ----- numbers sync -----

describe('numbers sync under faults', () => {
  /** The account's main list, not the toll-free and mobile lists fetched beside it. */
  const MAIN_LIST: FaultMatch = { method: 'GET', pathIncludes: 'IncomingPhoneNumbers.json' };
  const EVERY_LIST: FaultMatch = { method: 'GET', pathIncludes: 'IncomingPhoneNumbers' };
  const TWIML_APP = `AP${'b'.repeat(32)}`;

  interface SyncRow extends Row<null> {
    /** Enough numbers for a second page of the listing (1,000 a page). */
    twoPages?: boolean;
  }

  const rows: SyncRow[] = [
    { name: 'latency on every listing', faults: () => [latency(300, 3, EVERY_LIST)] },
    { name: '429 with Retry-After, retried', faults: () => [rateLimit(1, MAIN_LIST, 1)], retryAfter: true },
    { name: '429 without Retry-After, retried', faults: () => [rateLimit(2, MAIN_LIST)] },
    { name: '429 beyond the retries', faults: () => [rateLimit(3, MAIN_LIST)], error: 'rate_limited' },
    { name: '500, retried (a read)', faults: () => [status(500, 2, MAIN_LIST)] },
    { name: '503 beyond the retries', faults: () => [status(503, 3, MAIN_LIST)], error: 'twilio_unavailable' },
    {
      name: 'no answer (timeout)',
      faults: () => [noAnswer(1, MAIN_LIST)],
      shortTimeout: true,
      error: 'twilio_unavailable',
    },
    { name: 'dropped connection, retried (a read)', faults: () => [drop(2, MAIN_LIST)] },
    { name: 'dropped connections beyond the retries', faults: () => [drop(3, MAIN_LIST)], error: 'twilio_unavailable' },
    {
      name: 'connection lost on the second page',
      twoPages: true,
      // The first page passes (slowly); the second page's request and both retries are dropped.
      faults: () => [latency(50, 1, MAIN_LIST), drop(3, MAIN_LIST)],
      error: 'twilio_unavailable',
    },
  ];

  interface ShownNumber {
    sid: string;
    phoneNumber: string;
    friendlyName: string;
    type: string;
    webhookState: WebhookState;
  }

  const bySid = (a: ShownNumber, b: ShownNumber) => a.sid.localeCompare(b.sid);
  const shown = (list: NumberList): ShownNumber[] =>
    list.numbers
      .map(({ sid, phoneNumber, friendlyName, type, webhookState }) => ({
        sid,
        phoneNumber,
        friendlyName,
        type,
        webhookState,
      }))
      .sort(bySid);
  /** What the Numbers screen should say of a number's webhooks: a TwiML App or trunk wins over webhook URLs. */
  const webhookStateAt = (number: SeededNumber): WebhookState => {
    if (number.voiceApplicationSid || number.smsApplicationSid || number.trunkSid) return 'override';
    return number.voiceUrl || number.smsUrl ? 'external' : 'none';
  };
  const atTwilio = (numbers: readonly SeededNumber[]): ShownNumber[] =>
    numbers
      .map((number) => ({
        sid: number.sid,
        phoneNumber: number.phoneNumber,
        friendlyName: number.friendlyName,
        type: number.type,
        webhookState: webhookStateAt(number),
      }))
      .sort(bySid);

  it.each(named(rows))('%s', async (_name, row) => {
    if (row.shortTimeout) harness.startCore({ twilioTimeoutMs: SHORT_TIMEOUT_MS });
    const account = await harness.control.seedAccount();
    const seed = (phoneNumber: string, type: 'local' | 'toll-free' = 'local') =>
      harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber, type });
    await seed('+13035550100');
    const released = await seed('+13035550101');
    const renamed = await seed('+13035550102');
    await seed('+18885550100', 'toll-free');
    if (row.twoPages)
      await harness.control.seedOwnedNumbers({ accountSid: account.sid, count: 1_005, areaCode: '512' });
    await connectAccount(account);
    const before = harness.core().services.numbers.list();

    // Twilio changes while the app is not looking: a number bought, one released, one reconfigured.
    await seed('+13035550110');
    await (await harness.core().services.connection.connected()).api.releaseNumber(released.sid);
    await harness.control.updateOwnedNumber(renamed.sid, {
      friendlyName: 'Renamed in the Console',
      voiceApplicationSid: TWIML_APP,
    });

    const injected = await inject(row.faults(null));
    const outcome = await settle(harness.core().services.numbers.sync());
    await expectAllApplied(injected);
    expectOutcome(outcome, row);

    const twilio = atTwilio(await harness.control.ownedNumbers(account.sid));
    const after = harness.core().services.numbers.list();
    if (outcome.ok) {
      expect(shown(after)).toEqual(twilio);
      expect(after.lastSyncedAt).not.toBe(before.lastSyncedAt);
    } else {
      // A failed sync may have written the pages it got, but shows nothing that was never true,
      // releases nothing (only a complete listing can tell), and does not claim to be newer.
      const previously = new Map(shown(before).map((number) => [number.sid, number]));
      const now = new Map(twilio.map((number) => [number.sid, number]));
      for (const number of shown(after)) {
        expect([now.get(number.sid), previously.get(number.sid)]).toContainEqual(number);
      }
      const listed = new Set(after.numbers.map((number) => number.sid));
      for (const sid of previously.keys()) expect(listed.has(sid), `${sid} is still listed`).toBe(true);
      expect(after.lastSyncedAt).toBe(before.lastSyncedAt);
    }
    if (row.retryAfter) await expectRetryAfterHonoured();

    // Recovery: the next sync brings the list exactly to Twilio's.
    await harness.control.clearFaults();
    await harness.core().services.numbers.sync();
    expect(shown(harness.core().services.numbers.list())).toEqual(twilio);
  });
});

// ----- purchase -----

describe('buying a number under faults', () => {
  const BUY: FaultMatch = { method: 'POST', pathIncludes: 'IncomingPhoneNumbers.json' };
  /** The ownership question asked when the purchase's outcome is unknown. */
  const LOOKUP: FaultMatch = { method: 'GET', pathIncludes: 'IncomingPhoneNumbers.json' };
  const BALANCE: FaultMatch = { method: 'GET', pathIncludes: '/Balance.json' };

  interface PurchaseRow extends Row<null> {
    /** Whether Twilio owns the number once the faulted purchase has ended. */
    owned: boolean;
    /** What the activity log says of it then; null: nothing, nothing was started. */
    activity: 'succeeded' | 'failed' | 'pending' | null;
  }

  const rows: PurchaseRow[] = [
    { name: 'latency', faults: () => [latency(300, 1, BUY)], owned: true, activity: 'succeeded' },
    {
      name: 'latency after Twilio bought it',
      faults: () => [latencyAfterCommit(300, 1, BUY)],
      owned: true,
      activity: 'succeeded',
    },
    {
      name: '429 with Retry-After, retried (never processed)',
      faults: () => [rateLimit(1, BUY, 1)],
      retryAfter: true,
      owned: true,
      activity: 'succeeded',
    },
    {
      name: '429 without Retry-After, retried (never processed)',
      faults: () => [rateLimit(2, BUY)],
      owned: true,
      activity: 'succeeded',
    },
    {
      name: '429 beyond the retries',
      faults: () => [rateLimit(3, BUY)],
      error: 'rate_limited',
      owned: false,
      activity: 'failed',
    },
    {
      name: '500, not repeated, reconciled as not bought',
      faults: () => [status(500, 1, BUY)],
      error: 'purchase_not_made',
      owned: false,
      activity: 'failed',
    },
    {
      name: '503, not repeated, reconciled as not bought',
      faults: () => [status(503, 1, BUY)],
      error: 'purchase_not_made',
      owned: false,
      activity: 'failed',
    },
    {
      name: 'no answer before Twilio acted, reconciled as not bought',
      faults: () => [noAnswer(1, BUY)],
      shortTimeout: true,
      error: 'purchase_not_made',
      owned: false,
      activity: 'failed',
    },
    {
      name: 'no answer after Twilio bought it, reconciled as bought',
      faults: () => [noAnswer(1, BUY, true)],
      shortTimeout: true,
      owned: true,
      activity: 'succeeded',
    },
    {
      name: 'dropped before Twilio acted, reconciled as not bought',
      faults: () => [drop(1, BUY)],
      error: 'purchase_not_made',
      owned: false,
      activity: 'failed',
    },
    {
      name: 'dropped after Twilio bought it, reconciled as bought',
      faults: () => [drop(1, BUY, true)],
      owned: true,
      activity: 'succeeded',
    },
    {
      name: 'answer lost and the ownership question unanswered: left pending',
      // A timeout is not retried, so one fault is enough to leave the question unanswered.
      faults: () => [drop(1, BUY, true), noAnswer(1, LOOKUP)],
      shortTimeout: true,
      error: 'twilio_unavailable',
      owned: true,
      activity: 'pending',
    },
    {
      name: '503 on the balance check: nothing bought, nothing started',
      faults: () => [status(503, 3, BALANCE)],
      error: 'twilio_unavailable',
      owned: false,
      activity: null,
    },
  ];

  /** A POST Twilio performed: no fault, or one that only delays or loses the answer. */
  const performed = (request: RecordedRequest) =>
    request.fault === null || request.fault.afterCommit || request.fault.kind === 'latency';

  /** Ownership at Twilio against the screens: the number list and the activity log. */
  async function expectShownAsAtTwilio(accountSid: string, phoneNumber: string, activity: PurchaseRow['activity']) {
    const owned = (await harness.control.ownedNumbers(accountSid)).filter((n) => n.phoneNumber === phoneNumber);
    const listed = harness
      .core()
      .services.numbers.list()
      .numbers.filter((number) => number.phoneNumber === phoneNumber);
    const entries = harness
      .core()
      .services.purchases.activity()
      .filter((entry) => entry.kind === 'purchase' && entry.phoneNumber === phoneNumber);
    expect(owned.length).toBeLessThanOrEqual(1);
    expect(entries[0]?.outcome ?? null).toBe(activity);
    // Only an unsettled purchase may leave the list behind Twilio; it is shown as pending meanwhile.
    if (activity !== 'pending') expect(listed.map((number) => number.sid)).toEqual(owned.map((number) => number.sid));
    else expect(listed).toEqual([]);
    if (activity === 'succeeded') expect(owned).toHaveLength(1);
    if (activity === 'failed') expect(owned).toHaveLength(0);
    return owned.length === 1;
  }

  it.each(named(rows))('%s', async (_name, row) => {
    if (row.shortTimeout) harness.startCore({ twilioTimeoutMs: SHORT_TIMEOUT_MS });
    const account = await harness.connect();
    const phoneNumber = await firstAvailable(harness.core());
    const confirmationId = await confirmedPurchase(harness.core(), phoneNumber);

    const injected = await inject(row.faults(null));
    const outcome = await settle(harness.core().services.purchases.buy({ confirmationId }));
    await expectAllApplied(injected);
    const bought = expectOutcome(outcome, row);
    if (bought) expect(bought.number.phoneNumber).toBe(phoneNumber);

    expect(await expectShownAsAtTwilio(account.sid, phoneNumber, row.activity)).toBe(row.owned);
    expect((await purchasePosts(harness.control, account.sid)).filter(performed)).toHaveLength(row.owned ? 1 : 0);
    if (row.retryAfter) await expectRetryAfterHonoured();

    // Recovery, as the purchase dialog does it: after a failure whose outcome is unknown "Try again" sends
    // the same confirmation (main answers with that purchase, settling it), after any other a new quote's.
    await harness.control.clearFaults();
    if (!outcome.ok) {
      const retried = await settle(
        PURCHASE_OUTCOME_UNKNOWN.has(outcome.error.code)
          ? harness.core().services.purchases.buy({ confirmationId })
          : buyNumber(harness.core(), phoneNumber),
      );
      if (!retried.ok) {
        throw new Error(`"Try again" failed with ${retried.error.code}: ${retried.error.message}`);
      }
      expect(retried.value.number.phoneNumber).toBe(phoneNumber);
    }
    await harness.core().services.numbers.sync();
    expect(await expectShownAsAtTwilio(account.sid, phoneNumber, 'succeeded')).toBe(true);
    expect((await purchasePosts(harness.control, account.sid)).filter(performed)).toHaveLength(1);
  });
});

// ----- assigning numbers -----

const HOOKS = 'https://hooks.gleam.ai/twilio/agents';

/** Twilio has the agent's whole configuration, with nothing left that would override it. */
function configuredFor(number: SeededNumber, agentId: string): boolean {
  const base = `${HOOKS}/${agentId}`;
  return (
    number.voiceUrl === `${base}/voice` &&
    number.voiceFallbackUrl === `${base}/voice-fallback` &&
    number.statusCallback === `${base}/call-status` &&
    number.smsUrl === `${base}/sms` &&
    number.voiceApplicationSid === null &&
    number.smsApplicationSid === null &&
    number.trunkSid === null
  );
}

const assignmentOf = (sid: string) =>
  harness
    .core()
    .services.numbers.list()
    .numbers.find((number) => number.sid === sid)?.assignment ?? null;

/**
 * The rule of the Numbers and Agents screens: "configured" only when Twilio
 * has the agent's configuration; a failed number says so, with its error.
 */
function expectShownRight(outcome: AssignmentOutcome, atTwilio: SeededNumber, agentId: string): void {
  const assignment = assignmentOf(outcome.numberSid);
  const configured = configuredFor(atTwilio, agentId);
  const label = `${outcome.phoneNumber} (${outcome.outcome}, Twilio ${configured ? 'configured' : 'not configured'})`;
  if (assignment?.status === 'configured') expect(configured, label).toBe(true);
  if (outcome.outcome === 'done') {
    expect(configured, label).toBe(true);
    expect(assignment, label).toMatchObject({ agentId, status: 'configured', error: null });
  } else {
    expect(outcome.outcome, label).toBe('failed');
    expect(outcome.error, label).toMatchObject({ reason: 'failed', error: { code: expect.any(String) as string } });
    // Either nothing was begun, or the number reads "assigning" with the same error.
    if (assignment !== null) expect(assignment, label).toMatchObject({ status: 'assigning', error: outcome.error });
  }
}

const DRAFT = { ...EMPTY_AGENT_DRAFT, name: 'Front desk', greeting: 'Thanks for calling!' };

describe('assigning one number under faults', () => {
  const TWIML_APP = `AP${'a'.repeat(32)}`;
  const OLD_VOICE_URL = 'https://old.example.com/voice';

  interface AssignRow extends Row<{ sid: string }> {
    outcome: 'done' | 'failed';
    /** Twilio's configuration once the faulted job has ended. */
    twilio: 'agent' | 'unchanged';
    /** What the screens show for the number then. */
    shown: 'configured' | 'assigning' | 'unassigned';
  }

  const update = (sid: string): FaultMatch => ({ method: 'POST', pathIncludes: `IncomingPhoneNumbers/${sid}` });
  /** The read of what the number has before Gleam changes it (put back on unassign). */
  const read = (sid: string): FaultMatch => ({ method: 'GET', pathIncludes: `IncomingPhoneNumbers/${sid}` });
  const ok = { outcome: 'done', twilio: 'agent', shown: 'configured' } as const;
  const notDone = { outcome: 'failed', twilio: 'unchanged', shown: 'assigning' } as const;
  const doneButUnheard = { outcome: 'failed', twilio: 'agent', shown: 'assigning' } as const;

  const rows: AssignRow[] = [
    { name: 'latency on the update', faults: ({ sid }) => [latency(300, 1, update(sid))], ...ok },
    { name: 'latency after Twilio applied it', faults: ({ sid }) => [latencyAfterCommit(300, 1, update(sid))], ...ok },
    {
      name: '429 with Retry-After, retried',
      faults: ({ sid }) => [rateLimit(1, update(sid), 1)],
      retryAfter: true,
      ...ok,
    },
    { name: '429 without Retry-After, retried', faults: ({ sid }) => [rateLimit(2, update(sid))], ...ok },
    {
      name: '429 beyond the request retries: the job pauses and sends it again',
      faults: ({ sid }) => [rateLimit(3, update(sid))],
      ...ok,
    },
    { name: '500 on the update', faults: ({ sid }) => [status(500, 1, update(sid))], ...notDone },
    { name: '503 on the update', faults: ({ sid }) => [status(503, 1, update(sid))], ...notDone },
    {
      name: 'no answer before Twilio acted',
      faults: ({ sid }) => [noAnswer(1, update(sid))],
      shortTimeout: true,
      ...notDone,
    },
    {
      name: 'no answer after Twilio applied it',
      faults: ({ sid }) => [noAnswer(1, update(sid), true)],
      shortTimeout: true,
      ...doneButUnheard,
    },
    { name: 'dropped before Twilio acted', faults: ({ sid }) => [drop(1, update(sid))], ...notDone },
    { name: 'dropped after Twilio applied it', faults: ({ sid }) => [drop(1, update(sid), true)], ...doneButUnheard },
    {
      name: '503 on the read before the update: nothing begun',
      faults: ({ sid }) => [status(503, 3, read(sid))],
      outcome: 'failed',
      twilio: 'unchanged',
      shown: 'unassigned',
    },
    { name: 'dropped read before the update, retried', faults: ({ sid }) => [drop(1, read(sid))], ...ok },
  ];

  it.each(named(rows))('%s', async (_name, row) => {
    if (row.shortTimeout) harness.startCore({ twilioTimeoutMs: SHORT_TIMEOUT_MS });
    const account = await harness.control.seedAccount();
    const seeded = await harness.control.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+13035550100',
      voiceUrl: OLD_VOICE_URL,
      voiceApplicationSid: TWIML_APP,
    });
    await connectAccount(account);
    const agent = harness.core().services.agents.save({ agent: DRAFT });
    const assign = () =>
      harness.core().services.assignments.run({
        jobId: randomUUID(),
        action: 'assign',
        agentId: agent.id,
        numberSids: [seeded.sid],
      });

    const injected = await inject(row.faults({ sid: seeded.sid }));
    const { outcomes } = await assign();
    await expectAllApplied(injected);

    const [outcome] = outcomes;
    if (!outcome) throw new Error('the job reported no outcome');
    const live = await twilioNumber(account.sid, seeded.sid);
    expect(outcome.outcome).toBe(row.outcome);
    expectShownRight(outcome, live, agent.id);
    if (row.twilio === 'agent') expect(configuredFor(live, agent.id)).toBe(true);
    else expect(live).toEqual(seeded);
    const assignment = assignmentOf(seeded.sid);
    expect(assignment?.status ?? 'unassigned').toBe(row.shown);
    expect(harness.core().services.agents.list()[0]).toMatchObject({
      numberCount: assignment ? 1 : 0,
      attentionCount: assignment?.error ? 1 : 0,
    });
    if (row.retryAfter) await expectRetryAfterHonoured();

    // Recovery: "Retry" on a failed number assigns it; unassigning then puts back exactly what it had
    // before Gleam, so no fault made Gleam save the agent's configuration as the number's own.
    await harness.control.clearFaults();
    if (outcome.outcome === 'failed') expect((await assign()).outcomes[0]).toMatchObject({ outcome: 'done' });
    expect(configuredFor(await twilioNumber(account.sid, seeded.sid), agent.id)).toBe(true);
    expect(assignmentOf(seeded.sid)).toMatchObject({ status: 'configured', error: null });
    const unassigned = await harness
      .core()
      .services.assignments.run({ jobId: randomUUID(), action: 'unassign', numberSids: [seeded.sid] });
    expect(unassigned.outcomes[0]).toMatchObject({ outcome: 'done' });
    expect(await twilioNumber(account.sid, seeded.sid)).toMatchObject({
      voiceUrl: OLD_VOICE_URL,
      voiceApplicationSid: TWIML_APP,
    });
    expect(assignmentOf(seeded.sid)).toBeNull();
  });
});

describe('bulk assignment of 20 numbers under faults', () => {
  const COUNT = 20;
  const UPDATES: FaultMatch = { method: 'POST', pathIncludes: 'IncomingPhoneNumbers/PN' };
  /** More than 10 first-time numbers: the job lists the account once before changing anything. */
  const LISTING: FaultMatch = { method: 'GET', pathIncludes: 'IncomingPhoneNumbers.json' };

  interface BulkRow extends Row<null> {
    /** Numbers that end the faulted job failed. */
    failed: number;
    /** Of those, numbers Twilio configured all the same (the answer was lost). */
    configuredAnyway: number;
  }

  const rows: BulkRow[] = [
    { name: 'latency on every update', faults: () => [latency(100, COUNT, UPDATES)], failed: 0, configuredAnyway: 0 },
    {
      name: 'latency after Twilio applied every update',
      faults: () => [latencyAfterCommit(100, COUNT, UPDATES)],
      failed: 0,
      configuredAnyway: 0,
    },
    {
      name: '429s with Retry-After, retried',
      faults: () => [rateLimit(4, UPDATES, 1)],
      retryAfter: true,
      failed: 0,
      configuredAnyway: 0,
    },
    {
      name: '429s without Retry-After, retried',
      faults: () => [rateLimit(6, UPDATES)],
      failed: 0,
      configuredAnyway: 0,
    },
    { name: '500s', faults: () => [status(500, 3, UPDATES)], failed: 3, configuredAnyway: 0 },
    { name: '503s', faults: () => [status(503, 3, UPDATES)], failed: 3, configuredAnyway: 0 },
    {
      name: 'no answers before Twilio acted',
      faults: () => [noAnswer(2, UPDATES)],
      shortTimeout: true,
      failed: 2,
      configuredAnyway: 0,
    },
    {
      name: 'no answers after Twilio applied them',
      faults: () => [noAnswer(2, UPDATES, true)],
      shortTimeout: true,
      failed: 2,
      configuredAnyway: 2,
    },
    { name: 'dropped before Twilio acted', faults: () => [drop(3, UPDATES)], failed: 3, configuredAnyway: 0 },
    {
      name: 'dropped after Twilio applied them',
      faults: () => [drop(3, UPDATES, true)],
      failed: 3,
      configuredAnyway: 3,
    },
    {
      name: 'a mix: 429s, 503s and lost answers',
      faults: () => [rateLimit(2, UPDATES, 0), status(503, 2, UPDATES), drop(2, UPDATES, true)],
      failed: 4,
      configuredAnyway: 2,
    },
    {
      name: '503s on the listing before the job: nothing changed',
      faults: () => [status(503, 3, LISTING)],
      error: 'twilio_unavailable',
      failed: 0,
      configuredAnyway: 0,
    },
  ];

  it.each(named(rows))('%s', async (_name, row) => {
    if (row.shortTimeout) harness.startCore({ twilioTimeoutMs: SHORT_TIMEOUT_MS });
    const account = await harness.control.seedAccount();
    await harness.control.seedOwnedNumbers({ accountSid: account.sid, count: COUNT, areaCode: '303' });
    await connectAccount(account);
    const agent = harness.core().services.agents.save({ agent: DRAFT });
    const before = new Map((await harness.control.ownedNumbers(account.sid)).map((number) => [number.sid, number]));
    const sids = [...before.keys()];
    expect(sids).toHaveLength(COUNT);
    const jobId = randomUUID();
    harness.events.length = 0;

    const injected = await inject(row.faults(null));
    const result = await settle(
      harness.core().services.assignments.run({ jobId, action: 'assign', agentId: agent.id, numberSids: sids }),
    );
    await expectAllApplied(injected);
    const job = expectOutcome(result, row);

    const live = new Map((await harness.control.ownedNumbers(account.sid)).map((number) => [number.sid, number]));
    const atTwilio = (sid: string) => {
      const number = live.get(sid);
      if (!number) throw new Error(`the fake lost ${sid}`);
      return number;
    };
    let retry = sids;
    if (job === null) {
      // The job stopped before changing anything, and says so for every number by leaving them as they were.
      for (const sid of sids) {
        expect(atTwilio(sid)).toEqual(before.get(sid));
        expect(assignmentOf(sid)).toBeNull();
      }
    } else {
      const failed = job.outcomes.filter((outcome) => outcome.outcome === 'failed');
      expect(failed).toHaveLength(row.failed);
      expect(job.outcomes.filter((outcome) => outcome.outcome === 'done')).toHaveLength(COUNT - row.failed);
      for (const outcome of job.outcomes) {
        expectShownRight(outcome, atTwilio(outcome.numberSid), agent.id);
        if (!configuredFor(atTwilio(outcome.numberSid), agent.id)) {
          expect(atTwilio(outcome.numberSid)).toEqual(before.get(outcome.numberSid));
        }
      }
      const anyway = failed.filter((outcome) => configuredFor(atTwilio(outcome.numberSid), agent.id));
      expect(anyway).toHaveLength(row.configuredAnyway);
      const progress = harness.events.flatMap((entry) =>
        entry.event === 'assignments:progress' && 'jobId' in entry.payload ? [entry.payload] : [],
      );
      expect(progress.at(-1)).toEqual({ jobId, done: COUNT, failed: row.failed, total: COUNT });
      expect(harness.core().services.agents.list()[0]).toMatchObject({
        numberCount: COUNT,
        attentionCount: row.failed,
      });
      retry = failed.map((outcome) => outcome.numberSid);
    }
    if (row.retryAfter) await expectRetryAfterHonoured();

    // Recovery: "Retry failed numbers" (or the whole job again) assigns every number.
    await harness.control.clearFaults();
    const retried = await harness
      .core()
      .services.assignments.run({ jobId: randomUUID(), action: 'assign', agentId: agent.id, numberSids: retry });
    expect(retried.outcomes.filter((outcome) => outcome.outcome !== 'done')).toEqual([]);
    for (const number of await harness.control.ownedNumbers(account.sid)) {
      expect(configuredFor(number, agent.id), number.phoneNumber).toBe(true);
      expect(assignmentOf(number.sid), number.phoneNumber).toMatchObject({ status: 'configured', error: null });
    }
    expect(harness.core().services.agents.list()[0]).toMatchObject({ numberCount: COUNT, attentionCount: 0 });
  });
});

// ----- costs sync -----

describe('costs sync under faults', () => {
  const BALANCE: FaultMatch = { method: 'GET', pathIncludes: '/Balance.json' };
  const USAGE: FaultMatch = { method: 'GET', pathIncludes: '/Usage/Records/Monthly.json' };
  const CALLS: FaultMatch = { method: 'GET', pathIncludes: '/Calls.json' };
  const MESSAGES: FaultMatch = { method: 'GET', pathIncludes: '/Messages.json' };
  const EVERY_READ: FaultMatch = { method: 'GET' };

  /** The sync's steps, in the order it takes them; a failed step leaves it and the later ones as they were. */
  const STEPS = ['balance', 'usage', 'calls', 'messages'] as const;
  type Step = (typeof STEPS)[number];

  interface CostsRow extends Row<null> {
    /** The step the sync fails at. */
    failsAt?: Step;
  }

  const rows: CostsRow[] = [
    { name: 'latency on every read', faults: () => [latency(150, 4, EVERY_READ)] },
    { name: '429 with Retry-After, retried', faults: () => [rateLimit(1, CALLS, 1)], retryAfter: true },
    { name: '429 without Retry-After, retried', faults: () => [rateLimit(2, USAGE)] },
    { name: '429 beyond the retries', faults: () => [rateLimit(3, CALLS)], error: 'rate_limited', failsAt: 'calls' },
    { name: '500, retried (a read)', faults: () => [status(500, 2, MESSAGES)] },
    {
      name: '503 beyond the retries',
      faults: () => [status(503, 3, MESSAGES)],
      error: 'twilio_unavailable',
      failsAt: 'messages',
    },
    {
      name: 'no answer (timeout)',
      faults: () => [noAnswer(1, USAGE)],
      shortTimeout: true,
      error: 'twilio_unavailable',
      failsAt: 'usage',
    },
    { name: 'dropped connection, retried (a read)', faults: () => [drop(1, BALANCE)] },
    {
      name: 'dropped connections beyond the retries',
      faults: () => [drop(3, BALANCE)],
      error: 'twilio_unavailable',
      failsAt: 'balance',
    },
  ];

  const now = new Date();
  /** A day of last month: always in the past, always in one month. */
  const lastMonthAt = (day: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day, 12)).toISOString();
  const lastMonth = lastMonthAt(1).slice(0, 7);
  const FRONT = '+13035550100';
  const BACK = '+13035550101';
  const CALLER = '+14155550199';
  const NEW_BALANCE = '12.34';

  async function seedUsage(accountSid: string) {
    await harness.control.seedCalls(accountSid, [
      {
        from: CALLER,
        to: FRONT,
        direction: 'inbound',
        startTime: lastMonthAt(3),
        durationSeconds: 61,
        price: '-0.0170',
      },
      {
        from: FRONT,
        to: CALLER,
        direction: 'outbound-api',
        startTime: lastMonthAt(5),
        durationSeconds: 120,
        price: '-0.0280',
      },
      {
        from: CALLER,
        to: BACK,
        direction: 'inbound',
        startTime: lastMonthAt(2),
        durationSeconds: 30,
        price: '-0.0085',
      },
    ]);
    await harness.control.seedMessages(accountSid, [
      {
        from: BACK,
        to: CALLER,
        direction: 'outbound-api',
        dateSent: lastMonthAt(20),
        numSegments: 2,
        price: '-0.0158',
      },
      { from: CALLER, to: BACK, direction: 'inbound', dateSent: lastMonthAt(21), numSegments: 1, price: '-0.0079' },
    ]);
    await harness.control.seedUsageRecords(accountSid, [{ category: 'phonenumbers', month: lastMonth, price: '2.30' }]);
    await harness.control.updateAccount(accountSid, { balance: NEW_BALANCE });
  }

  // What Twilio's records add up to, worked out by hand (billed minutes round each call up).
  const EXPECTED_MONTH = {
    month: lastMonth,
    inboundMinutes: 2 + 1,
    outboundMinutes: 2,
    inboundSegments: 1,
    outboundSegments: 2,
    callsCostMicros: 17_000 + 28_000 + 8_500,
    smsCostMicros: 15_800 + 7_900,
    numbersCostMicros: 2_300_000,
    otherCostMicros: 0,
    totalCostMicros: 53_500 + 23_700 + 2_300_000,
    recorded: true,
  };
  const EXPECTED_CALLS = [
    {
      phoneNumber: FRONT,
      inboundCalls: 1,
      inboundMinutes: 2,
      outboundCalls: 1,
      outboundMinutes: 2,
      callsCostMicros: 45_000,
    },
    {
      phoneNumber: BACK,
      inboundCalls: 1,
      inboundMinutes: 1,
      outboundCalls: 0,
      outboundMinutes: 0,
      callsCostMicros: 8_500,
    },
  ];
  const EXPECTED_MESSAGES = [
    {
      phoneNumber: BACK,
      inboundMessages: 1,
      inboundSegments: 1,
      outboundMessages: 1,
      outboundSegments: 2,
      smsCostMicros: 23_700,
    },
  ];

  /** The Costs screen's figures, one view per sync step. */
  const views = (summary: CostSummary): Record<Step, unknown> => {
    const perNumber = (
      pick: (row: NumberCosts) => Record<string, number | string>,
      has: (row: NumberCosts) => boolean,
    ) =>
      summary.byNumber
        .filter(has)
        .map(pick)
        .sort((a, b) => String(a.phoneNumber).localeCompare(String(b.phoneNumber)));
    return {
      balance: summary.balance.state === 'known' ? summary.balance.amount : summary.balance.state,
      usage: summary.months.find((month) => month.month === lastMonth),
      calls: perNumber(
        (row) => ({
          phoneNumber: row.phoneNumber,
          inboundCalls: row.inboundCalls,
          inboundMinutes: row.inboundMinutes,
          outboundCalls: row.outboundCalls,
          outboundMinutes: row.outboundMinutes,
          callsCostMicros: row.callsCostMicros,
        }),
        (row) => row.inboundCalls + row.outboundCalls > 0,
      ),
      messages: perNumber(
        (row) => ({
          phoneNumber: row.phoneNumber,
          inboundMessages: row.inboundMessages,
          inboundSegments: row.inboundSegments,
          outboundMessages: row.outboundMessages,
          outboundSegments: row.outboundSegments,
          smsCostMicros: row.smsCostMicros,
        }),
        (row) => row.inboundMessages + row.outboundMessages > 0,
      ),
    };
  };
  const EXPECTED: Record<Step, unknown> = {
    balance: NEW_BALANCE,
    usage: EXPECTED_MONTH,
    calls: [...EXPECTED_CALLS].sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber)),
    messages: EXPECTED_MESSAGES,
  };

  const expectMatchesTwilio = (summary: CostSummary) => {
    expect(views(summary)).toEqual(EXPECTED);
    expect(
      summary.byNumber.every(
        (row) => row.unrated === 0 && row.totalCostMicros === row.callsCostMicros + row.smsCostMicros,
      ),
    ).toBe(true);
  };

  it.each(named(rows))('%s', async (_name, row) => {
    if (row.shortTimeout) harness.startCore({ twilioTimeoutMs: SHORT_TIMEOUT_MS });
    const account = await harness.control.seedAccount();
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: FRONT, friendlyName: 'Front desk' });
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: BACK, friendlyName: 'Back office' });
    // Connecting syncs the costs once, before there is anything to see: that is what the screen shows first.
    await connectAccount(account);
    const before = harness.core().services.costs.summary(lastMonth);
    await seedUsage(account.sid);
    expect(views(before)).not.toEqual(EXPECTED);

    const injected = await inject(row.faults(null));
    const outcome = await settle(harness.core().services.costs.sync());
    await expectAllApplied(injected);
    expectOutcome(outcome, row);

    const after = harness.core().services.costs.summary(lastMonth);
    if (outcome.ok) {
      expectMatchesTwilio(after);
      expect(after.asOf.records).toBe(outcome.value.syncedAt);
    } else {
      // Steps before the failure are Twilio's figures now, the failed one and later ones still the
      // previous sync's: never a figure Twilio never had, and the records do not claim to be newer.
      const failedAt = STEPS.indexOf(row.failsAt ?? 'balance');
      const shownNow = views(after);
      const shownBefore = views(before);
      for (const [index, step] of STEPS.entries()) {
        expect(shownNow[step], step).toEqual(index < failedAt ? EXPECTED[step] : shownBefore[step]);
      }
      expect(after.asOf.records).toBe(before.asOf.records);
      if (failedAt <= STEPS.indexOf('usage')) expect(after.asOf.usage).toBe(before.asOf.usage);
      else expect(after.asOf.usage).not.toBe(before.asOf.usage);
    }
    if (row.retryAfter) await expectRetryAfterHonoured();

    // Recovery: the next sync brings every figure to Twilio's, and one more changes nothing (no double counting).
    await harness.control.clearFaults();
    await harness.core().services.costs.sync();
    expectMatchesTwilio(harness.core().services.costs.summary(lastMonth));
    await harness.core().services.costs.sync();
    expectMatchesTwilio(harness.core().services.costs.summary(lastMonth));
  });
});
