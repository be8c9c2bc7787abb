/**
 * Costs against the fake Twilio through the real gateway: the first sync,
 * the incremental ones (read from the fake's request log), prices Twilio
 * fills in later, what is never stored, offline figures and the export.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { EMPTY_AGENT_DRAFT } from '../../shared/domain/agents';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';

let harness: CoreHarness;

beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

const now = new Date();
/** A day of last month: always in the past, always in one month. */
const lastMonthAt = (day: number, hour = 12) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day, hour)).toISOString();
const lastMonth = lastMonthAt(1).slice(0, 7);
const CALLER = '+14155550199';
const BODY = 'Your appointment is at 3pm, Mrs Jones';

async function seedLastMonth(accountSid: string) {
  await harness.control.seedOwnedNumber({ accountSid, phoneNumber: '+13035550100', friendlyName: 'Front desk' });
  await harness.control.seedOwnedNumber({ accountSid, phoneNumber: '+13035550101', friendlyName: 'Back office' });
  await harness.control.seedCalls(accountSid, [
    {
      from: CALLER,
      to: '+13035550100',
      direction: 'inbound',
      startTime: lastMonthAt(3),
      durationSeconds: 61,
      price: '-0.0170',
    },
    {
      from: CALLER,
      to: '+13035550100',
      direction: 'inbound',
      startTime: lastMonthAt(4),
      durationSeconds: 30,
      price: '-0.0085',
    },
    {
      from: '+13035550100',
      to: CALLER,
      direction: 'outbound-api',
      startTime: lastMonthAt(5),
      durationSeconds: 120,
      price: '-0.0280',
    },
    {
      from: CALLER,
      to: '+13035550101',
      direction: 'inbound',
      startTime: lastMonthAt(2),
      durationSeconds: 5,
      price: null,
    },
  ]);
  await harness.control.seedMessages(accountSid, [
    {
      from: '+13035550101',
      to: CALLER,
      direction: 'outbound-api',
      dateSent: lastMonthAt(20),
      numSegments: 2,
      price: '-0.0158',
      body: BODY,
    },
    {
      from: CALLER,
      to: '+13035550101',
      direction: 'inbound',
      dateSent: lastMonthAt(21),
      numSegments: 1,
      price: '-0.0079',
      body: BODY,
    },
  ]);
  await harness.control.seedUsageRecords(accountSid, [{ category: 'phonenumbers', month: lastMonth, price: '2.30' }]);
}

async function assignToNewAgent(name: string, phoneNumber: string) {
  const core = harness.core();
  const agent = core.services.agents.save({ agent: { ...EMPTY_AGENT_DRAFT, name } });
  const sid = core.services.numbers.list().numbers.find((number) => number.phoneNumber === phoneNumber)?.sid ?? '';
  await core.services.assignments.run({ jobId: randomUUID(), action: 'assign', agentId: agent.id, numberSids: [sid] });
  return agent;
}

describe('costs sync', () => {
  it('brings a year of usage and records into the local copy, with figures to the micro-unit', async () => {
    const account = await harness.connect();
    await seedLastMonth(account.sid);
    await harness.core().services.numbers.sync();
    await assignToNewAgent('Reception', '+13035550100');

    const result = await harness.core().services.costs.sync();
    expect(result).toMatchObject({ newCalls: 4, newMessages: 2 });

    const summary = harness.core().services.costs.summary(lastMonth);
    expect(summary.months.at(-2)).toEqual({
      month: lastMonth,
      inboundMinutes: 2 + 1 + 1,
      outboundMinutes: 2,
      inboundSegments: 1,
      outboundSegments: 2,
      callsCostMicros: 17_000 + 8_500 + 28_000,
      smsCostMicros: 15_800 + 7_900,
      numbersCostMicros: 2_300_000,
      otherCostMicros: 0,
      totalCostMicros: 53_500 + 23_700 + 2_300_000,
      recorded: true,
    });
    expect(
      summary.byNumber.map((row) => [row.phoneNumber, row.agent?.name ?? null, row.totalCostMicros, row.unrated]),
    ).toEqual([
      ['+13035550100', 'Reception', 53_500, 0],
      ['+13035550101', null, 23_700, 1],
    ]);
    expect(summary.byAgent.map((row) => [row.agent?.name ?? null, row.totalCostMicros])).toEqual([
      ['Reception', 53_500],
      [null, 23_700],
    ]);
    expect(summary.balance).toMatchObject({ state: 'known', amount: account.balance });
    expect(summary.asOf.records).toBe(result.syncedAt);

    // The first listing covers the 12 months shown.
    const [firstListing] = await harness.control.requests({ accountSid: account.sid, pathIncludes: '/Calls.json' });
    const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
    expect(firstListing?.query['StartTime>']).toBe(windowStart);
  });

  it('never stores message bodies or the numbers of callers', async () => {
    const account = await harness.connect();
    await seedLastMonth(account.sid);
    await harness.core().services.costs.sync();
    harness.core().close();

    const files = fs.readdirSync(harness.dataDir).filter((file) => file.startsWith('gleam.sqlite'));
    const stored = files.map((file) => fs.readFileSync(path.join(harness.dataDir, file)).toString('latin1')).join('');
    expect(stored).toContain('+13035550100');
    expect(stored).not.toContain(BODY);
    expect(stored).not.toContain(CALLER);
  });

  it('fetches only what is new on the next sync, and prices Twilio filled in since', async () => {
    const account = await harness.connect();
    await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+13035550101' });
    // Relative to today: Twilio's late prices are looked for a month back.
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const call = (startTime: string, price: string | null) => ({
      from: CALLER,
      to: '+13035550101',
      direction: 'inbound' as const,
      startTime,
      durationSeconds: 90,
      price,
    });
    const {
      sids: [unratedCallSid],
    } = await harness.control.seedCalls(account.sid, [call(daysAgo(10), null), call(daysAgo(3), '-0.0170')]);
    await harness.control.seedMessages(account.sid, [
      {
        from: CALLER,
        to: '+13035550101',
        direction: 'inbound',
        dateSent: daysAgo(4),
        numSegments: 1,
        price: '-0.0079',
      },
    ]);
    expect(await harness.core().services.costs.sync()).toMatchObject({ newCalls: 2, newMessages: 1 });
    await harness.control.clearRequests();

    await harness.control.rateCall(unratedCallSid ?? '', '-0.0085');
    const fresh = new Date(Date.now() - 60_000).toISOString();
    await harness.control.seedCalls(account.sid, [call(fresh, '-0.0170')]);
    expect(await harness.core().services.costs.sync()).toMatchObject({ newCalls: 1, newMessages: 0 });

    const requests = await harness.control.requests({ accountSid: account.sid });
    const listing = requests.find((request) => request.path.endsWith('/Calls.json'));
    // From the day of the newest call seen, not the whole year again.
    expect(listing?.query['StartTime>']).toBe(daysAgo(3).slice(0, 10));
    const messages = requests.find((request) => request.path.endsWith('/Messages.json'));
    expect(messages?.query['DateSent>']).toBe(daysAgo(4).slice(0, 10));
    const usage = requests.find((request) => request.path.endsWith('/Usage/Records/Monthly.json'));
    expect(usage?.query.StartDate).toBe(`${lastMonth}-01`);
    // The unpriced call is older than that day, so it was asked for by itself.
    expect(requests.filter((request) => request.path.endsWith(`/Calls/${unratedCallSid}.json`))).toHaveLength(1);

    const unratedMonth = daysAgo(10).slice(0, 7);
    const row = harness
      .core()
      .services.costs.summary(unratedMonth)
      .byNumber.find((number) => number.phoneNumber === '+13035550101');
    expect(row?.unrated).toBe(0);
    const callCosts: [string, number][] = [
      [daysAgo(10), 8_500],
      [daysAgo(3), 17_000],
      [fresh, 17_000],
    ];
    const allCallsCost = callCosts
      .filter(([at]) => at.startsWith(unratedMonth))
      .reduce((total, [, micros]) => total + micros, 0);
    expect(row?.callsCostMicros).toBe(allCallsCost);
  });

  it('keeps answering from the local copy when Twilio cannot be reached', async () => {
    const account = await harness.connect();
    await seedLastMonth(account.sid);
    const { syncedAt } = await harness.core().services.costs.sync();
    await harness.control.injectFault({ kind: 'drop', times: 1_000 });

    const failure = await harness
      .core()
      .services.costs.sync()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(AppError);
    const summary = harness.core().services.costs.summary(lastMonth);
    expect(summary.asOf.records).toBe(syncedAt);
    expect(summary.byNumber).toHaveLength(2);
    await harness.control.clearFaults();
  });

  it('says a subaccount has no balance of its own, without asking Twilio for one', async () => {
    const parent = await harness.control.seedAccount();
    const account = await harness.connect({ ownerAccountSid: parent.sid });
    await harness.core().services.costs.sync();
    expect(harness.core().services.costs.summary().balance).toEqual({ state: 'subaccount' });
    expect(await harness.control.requests({ accountSid: account.sid, pathIncludes: 'Balance' })).toEqual([]);
  });
});

describe('costs export', () => {
  it("writes the month's per-number figures where the person chose, or nothing when they cancel", async () => {
    const account = await harness.connect();
    await seedLastMonth(account.sid);
    await harness.core().services.numbers.sync();
    await harness.core().services.costs.sync();
    const target = path.join(harness.dataDir, 'export.csv');
    let answer: string | null = target;
    const core = harness.startCore({ chooseSavePath: () => Promise.resolve(answer) });

    expect(await core.services.costs.exportCsv(lastMonth)).toEqual({ savedTo: target });
    const lines = fs
      .readFileSync(target, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]?.startsWith('Month,Phone number,Name,Agent,')).toBe(true);
    expect(lines[1]).toBe(`${lastMonth},'+13035550100,Front desk,,yes,2,3,1,2,0,0,0,0,0.0535,0.00,0.0535,0,USD`);
    expect(lines[2]).toBe(`${lastMonth},'+13035550101,Back office,,yes,1,1,0,0,1,1,1,2,0.00,0.0237,0.0237,1,USD`);

    answer = null;
    fs.rmSync(target);
    expect(await core.services.costs.exportCsv(lastMonth)).toEqual({ savedTo: null });
    expect(fs.existsSync(target)).toBe(false);
  });
});
