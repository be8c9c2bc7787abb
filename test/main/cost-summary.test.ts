import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { configurationFromWire } from '../../shared/domain/number-configuration';
import { EMPTY_AGENT_DRAFT } from '../../shared/domain/agents';
import { toMicros } from '../../shared/money';
import { migrate } from '../../electron/main/db/migrations';
import { saveBalance, saveRecords, saveUsageRecords } from '../../electron/main/db/costs-repo';
import { beginAssignment } from '../../electron/main/db/assignments-repo';
import { insertAgent } from '../../electron/main/db/agents-repo';
import { markReleased, saveNumbers } from '../../electron/main/db/numbers-repo';
import { recordCostsSync } from '../../electron/main/db/sync-state-repo';
import { createMemoryLogger } from '../support/memory-logger';
import type { UsageEvent, UsageRecord } from '../../electron/main/domain/usage';
import { costSummary, monthsUpTo } from '../../electron/main/services/cost-summary';
import { createPriceBook } from '../../electron/main/services/price-book';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const NOW = new Date('2026-11-10T15:00:00Z');
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function newDatabase(owner: string | null = null): Database {
  const db = new BetterSqlite3(':memory:');
  open.push(db);
  db.pragma('foreign_keys = ON');
  migrate(db, null);
  db.prepare(
    `INSERT INTO accounts (sid, friendly_name, status, type, owner_account_sid, connected, last_verified_at)
     VALUES (?, 'Shop', 'active', 'Full', ?, 1, '2026-11-01T00:00:00Z')`,
  ).run(ACCOUNT, owner);
  return db;
}

const summaryOf = (db: Database, month?: string) =>
  costSummary(
    { db, prices: createPriceBook({ db, logger: createMemoryLogger(), clock: () => NOW }), clock: () => NOW },
    month,
  );

let sidCounter = 0;
function addNumber(db: Database, phoneNumber: string, name: string, type: 'local' | 'toll-free' = 'local'): string {
  sidCounter += 1;
  const sid = `PN${String(sidCounter).padStart(32, '0')}`;
  saveNumbers(db, [
    {
      sid,
      accountSid: ACCOUNT,
      phoneNumber,
      friendlyName: name,
      type,
      isoCountry: null,
      capabilities: { voice: true, sms: true, mms: false, fax: false },
      configuration: configurationFromWire({}),
      dateCreated: null,
      syncedAt: NOW.toISOString(),
    },
  ]);
  return sid;
}

function addAgent(db: Database, id: string, name: string, numberSids: string[]): void {
  insertAgent(db, id, { ...EMPTY_AGENT_DRAFT, name }, NOW.toISOString());
  for (const numberSid of numberSids) {
    beginAssignment(db, { numberSid, agentId: id, previousConfiguration: configurationFromWire({}), at: '' });
  }
}

let eventCounter = 0;
const event = (fields: Partial<UsageEvent> & Pick<UsageEvent, 'ourNumber' | 'direction'>): UsageEvent => {
  eventCounter += 1;
  return {
    sid: `XX${eventCounter}`,
    status: 'completed',
    at: '2026-11-05T10:00:00Z',
    amount: 60,
    costMicros: 8_500,
    priceUnit: 'USD',
    ...fields,
  };
};

const usage = (month: string, category: string, price: string, usageText = '0'): UsageRecord => ({
  category,
  month,
  count: '0',
  usage: usageText,
  usageUnit: '',
  costMicros: toMicros(price) ?? Number.NaN,
  priceUnit: 'USD',
});

describe('cost summary', () => {
  it('lists the last 12 months from the usage records, the rest of the bill as "other"', () => {
    const db = newDatabase();
    saveUsageRecords(db, ACCOUNT, [
      usage('2026-10', 'calls', '3.40'),
      usage('2026-10', 'calls-inbound', '2.55', '300'),
      usage('2026-10', 'calls-outbound', '0.85', '61'),
      usage('2026-10', 'sms', '0.79'),
      usage('2026-10', 'sms-inbound', '0', '12'),
      usage('2026-10', 'sms-outbound', '0.79', '100'),
      usage('2026-10', 'phonenumbers', '2.30'),
      usage('2026-10', 'totalprice', '9.99'),
      // Outside the 12 months shown.
      usage('2025-11', 'totalprice', '100'),
    ]);

    const summary = summaryOf(db);

    expect(summary.months.map((month) => month.month)).toEqual(monthsUpTo(NOW, 12));
    expect(summary.months[0]?.month).toBe('2025-12');
    expect(summary.months.at(-2)).toEqual({
      month: '2026-10',
      inboundMinutes: 300,
      outboundMinutes: 61,
      inboundSegments: 12,
      outboundSegments: 100,
      callsCostMicros: 3_400_000,
      smsCostMicros: 790_000,
      numbersCostMicros: 2_300_000,
      otherCostMicros: 3_500_000,
      totalCostMicros: 9_990_000,
      recorded: true,
    });
    expect(summary.months.filter((month) => month.recorded)).toHaveLength(1);
    expect(summary.monthToDate).toBeNull();
  });

  it("projects this month: usage so far at the same daily rate, plus a month of the owned numbers' fees", () => {
    const db = newDatabase();
    addNumber(db, '+13035550100', 'Front desk');
    addNumber(db, '+13035550101', 'Back office');
    saveUsageRecords(db, ACCOUNT, [usage('2026-11', 'phonenumbers', '1.15'), usage('2026-11', 'totalprice', '8.85')]);

    const summary = summaryOf(db);

    // Typical local price 1.15 × 2 numbers = 2.30 a month, more than the 1.15 charged so far.
    expect(summary.recurring).toMatchObject({ totalMicros: 2_300_000, includesTypical: true, unpriced: 0 });
    // 10 November: (8.85 − 1.15) × 30 / 10 = 23.10, plus 2.30.
    expect(summary.monthToDate).toEqual({
      month: '2026-11',
      spentMicros: 8_850_000,
      projectedMicros: 25_400_000,
      daysElapsed: 10,
      daysInMonth: 30,
    });
  });

  it('rounds the projection half up to the micro-unit', () => {
    const db = newDatabase();
    // 0.000001 × 30 / 10 is exact; 0.000001 × 30 / 7 (on the 7th) is 4.28… → 4.
    saveUsageRecords(db, ACCOUNT, [usage('2026-11', 'totalprice', '0.000001')]);
    const onThe7th = new Date('2026-11-07T00:00:00Z');
    const prices = createPriceBook({ db, logger: createMemoryLogger(), clock: () => onThe7th });
    expect(costSummary({ db, prices, clock: () => onThe7th }, undefined).monthToDate?.projectedMicros).toBe(4);
  });

  it('splits a month by number and by agent from the call and message records', () => {
    const db = newDatabase();
    const front = addNumber(db, '+13035550100', 'Front desk');
    const back = addNumber(db, '+13035550101', 'Back office');
    addNumber(db, '+13035550102', 'Idle');
    const gone = addNumber(db, '+13035550103', 'Old line');
    markReleased(db, [gone], NOW.toISOString());
    addAgent(db, '00000000-0000-4000-8000-000000000001', 'Reception', [front, back]);

    saveRecords(db, 'call', ACCOUNT, [
      event({ ourNumber: '+13035550100', direction: 'inbound', amount: 61, costMicros: 17_000 }),
      event({ ourNumber: '+13035550100', direction: 'inbound', amount: 30, costMicros: 8_500 }),
      event({ ourNumber: '+13035550100', direction: 'outbound', amount: 120, costMicros: 28_000 }),
      event({ ourNumber: '+13035550101', direction: 'inbound', amount: 5, costMicros: null }),
      event({ ourNumber: '+13035550103', direction: 'inbound', amount: 60, costMicros: 8_500 }),
      event({ ourNumber: '+13035550199', direction: 'outbound', amount: 60, costMicros: 14_000 }),
      // Another month.
      event({ ourNumber: '+13035550101', direction: 'inbound', at: '2026-10-31T23:59:59Z', costMicros: 99_000 }),
    ]);
    saveRecords(db, 'message', ACCOUNT, [
      event({ ourNumber: '+13035550101', direction: 'outbound', amount: 2, costMicros: 15_800 }),
      event({ ourNumber: '+13035550101', direction: 'inbound', amount: 1, costMicros: 7_900 }),
    ]);

    const summary = summaryOf(db, '2026-11');

    expect(summary.month).toBe('2026-11');
    expect(summary.byNumber.map((row) => [row.phoneNumber, row.totalCostMicros])).toEqual([
      ['+13035550100', 53_500],
      ['+13035550101', 23_700],
      ['+13035550199', 14_000],
      ['+13035550103', 8_500],
    ]);
    expect(summary.byNumber[0]).toEqual({
      phoneNumber: '+13035550100',
      friendlyName: 'Front desk',
      released: false,
      agent: { id: '00000000-0000-4000-8000-000000000001', name: 'Reception' },
      inboundCalls: 2,
      inboundMinutes: 3,
      outboundCalls: 1,
      outboundMinutes: 2,
      inboundMessages: 0,
      inboundSegments: 0,
      outboundMessages: 0,
      outboundSegments: 0,
      callsCostMicros: 53_500,
      smsCostMicros: 0,
      totalCostMicros: 53_500,
      unrated: 0,
    });
    expect(summary.byNumber[1]).toMatchObject({ inboundSegments: 1, outboundSegments: 2, unrated: 1 });
    expect(summary.byNumber[2]).toMatchObject({ friendlyName: null, released: true, agent: null });
    expect(summary.byNumber[3]).toMatchObject({ friendlyName: 'Old line', released: true });

    expect(summary.byAgent.map((row) => [row.agent?.name ?? null, row.numbers, row.totalCostMicros])).toEqual([
      ['Reception', 2, 77_200],
      [null, 2, 22_500],
    ]);
    expect(summary.byAgent[0]).toMatchObject({ inboundCalls: 3, inboundMinutes: 4, unrated: 1 });

    expect(summaryOf(db, '2026-10').byNumber).toMatchObject([{ phoneNumber: '+13035550101', totalCostMicros: 99_000 }]);
  });

  it('counts number fees by type and country, leaving out numbers with no known price', () => {
    const db = newDatabase();
    addNumber(db, '+13035550100', 'A');
    addNumber(db, '+18005550100', 'B', 'toll-free');
    addNumber(db, '+4930123456', 'C');

    const { recurring } = summaryOf(db);

    expect(recurring.byType).toEqual([
      expect.objectContaining({ type: 'local', country: 'US', count: 1, monthlyMicros: 1_150_000 }),
      expect.objectContaining({ type: 'local', country: null, count: 1, unitPrice: null, monthlyMicros: null }),
      expect.objectContaining({ type: 'toll-free', country: 'US', count: 1, monthlyMicros: 2_150_000 }),
    ]);
    expect(recurring).toMatchObject({ totalMicros: 3_300_000, unpriced: 1, includesTypical: true });
  });

  it('gives the balance last seen, or says a subaccount has none', () => {
    const db = newDatabase();
    expect(summaryOf(db).balance).toEqual({ state: 'unknown' });
    saveBalance(db, ACCOUNT, { amount: '12.34', currency: 'USD', fetchedAt: '2026-11-10T14:00:00Z' });
    recordCostsSync(db, ACCOUNT, { usageSyncedAt: '2026-11-10T14:00:00Z' });
    const summary = summaryOf(db);
    expect(summary.balance).toEqual({ state: 'known', amount: '12.34', currency: 'USD', asOf: '2026-11-10T14:00:00Z' });
    expect(summary.asOf).toEqual({ usage: '2026-11-10T14:00:00Z', records: null });

    const sub = newDatabase(`AC${'2'.repeat(32)}`);
    expect(summaryOf(sub).balance).toEqual({ state: 'subaccount' });
  });

  it('is empty, with every month shown, before any account was connected', () => {
    const db = new BetterSqlite3(':memory:');
    open.push(db);
    migrate(db, null);
    const summary = summaryOf(db);
    expect(summary.account).toBeNull();
    expect(summary.months).toHaveLength(12);
    expect(summary.byNumber).toEqual([]);
  });
});
