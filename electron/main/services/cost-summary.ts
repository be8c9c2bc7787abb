/**
 * The Costs screen's figures, computed from the local copy only (so they
 * answer offline): the bill by month from Twilio's usage records, each
 * number's and agent's calls and messages from the record rollups, the
 * monthly fees of the numbers owned now, the balance last seen, and this
 * month's projection. All sums are integer micro-units.
 */
import type { Database } from 'better-sqlite3';
import {
  NO_USAGE,
  type AgentCosts,
  type Balance,
  type CostSummary,
  type MonthCosts,
  type MonthToDate,
  type NumberCosts,
  type RecurringCosts,
  type UsageTotals,
} from '../../../shared/domain/costs';
import { toMicros } from '../../../shared/money';
import type { Clock } from '../infrastructure/clock';
import type { UsageRecord } from '../domain/usage';
import { getLatestAccount, type AccountRow } from '../db/accounts-repo';
import {
  numberListings,
  recordsCurrency,
  rollupsOfMonth,
  storedBalance,
  usageRecordsBetween,
  type RollupKind,
} from '../db/costs-repo';
import { ownedNumberKinds } from '../db/numbers-repo';
import { costsSyncState } from '../db/sync-state-repo';
import { countryOfNumber, type PriceBook } from './price-book';

/** The usage-record categories the Costs screen reads; the sync keeps only these. */
export const USAGE_CATEGORIES = [
  'calls',
  'calls-inbound',
  'calls-outbound',
  'sms',
  'sms-inbound',
  'sms-outbound',
  'phonenumbers',
  'totalprice',
] as const;
type UsageCategory = (typeof USAGE_CATEGORIES)[number];

export const MONTHS_SHOWN = 12;
const DEFAULT_CURRENCY = 'USD';

/** YYYY-MM of a date, in UTC as Twilio's usage records count months. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The first day (UTC) of the month `monthsBack` months before the date's month. */
export function firstDayOfMonth(date: Date, monthsBack = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1));
}

/** The `count` months up to and including the date's month, oldest first. */
export function monthsUpTo(date: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) => monthOf(firstDayOfMonth(date, count - 1 - index)));
}

function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** micros × numerator ÷ denominator, rounded half up, exact for any amount (BigInt). */
function scaleMicros(micros: number, numerator: number, denominator: number): number {
  const scaled = BigInt(micros) * BigInt(numerator) * 2n + BigInt(denominator);
  return Number(scaled / (2n * BigInt(denominator)));
}

/** Minutes, segments and counts arrive as decimal text ("12", "12.0"); they are whole numbers. */
const wholeNumber = (text: string | undefined) => Math.max(0, Math.round(Number(text ?? '0')) || 0);

function monthCostsOf(month: string, records: readonly UsageRecord[]): MonthCosts {
  const byCategory = new Map(records.map((record) => [record.category as UsageCategory, record]));
  const cost = (category: UsageCategory) => byCategory.get(category)?.costMicros ?? 0;
  const usage = (category: UsageCategory) => wholeNumber(byCategory.get(category)?.usage);
  const callsCostMicros = cost('calls');
  const smsCostMicros = cost('sms');
  const numbersCostMicros = cost('phonenumbers');
  const totalCostMicros = cost('totalprice');
  return {
    month,
    inboundMinutes: usage('calls-inbound'),
    outboundMinutes: usage('calls-outbound'),
    inboundSegments: usage('sms-inbound'),
    outboundSegments: usage('sms-outbound'),
    callsCostMicros,
    smsCostMicros,
    numbersCostMicros,
    otherCostMicros: totalCostMicros - callsCostMicros - smsCostMicros - numbersCostMicros,
    totalCostMicros,
    recorded: records.length > 0,
  };
}

function recurringCostsOf(db: Database, accountSid: string, prices: PriceBook, currency: string): RecurringCosts {
  const groups = new Map<string, RecurringCosts['byType'][number]>();
  for (const number of ownedNumberKinds(db, accountSid)) {
    const country = number.isoCountry ?? countryOfNumber(number.phoneNumber);
    const key = `${number.type}:${country ?? ''}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else
      groups.set(key, {
        type: number.type,
        country,
        count: 1,
        unitPrice: prices.priceOf(country, number.type),
        monthlyMicros: null,
      });
  }
  let totalMicros = 0;
  let unpriced = 0;
  const byType = [...groups.values()].map((group) => {
    const unitMicros = group.unitPrice ? toMicros(group.unitPrice.amount) : null;
    // Fees in another currency than the account's cannot be added up with it.
    if (unitMicros === null || group.unitPrice?.currency !== currency) {
      unpriced += group.count;
      return group;
    }
    const monthlyMicros = unitMicros * group.count;
    totalMicros += monthlyMicros;
    return { ...group, monthlyMicros };
  });
  return {
    byType: byType.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    totalMicros,
    currency,
    includesTypical: byType.some((group) => group.monthlyMicros !== null && group.unitPrice?.source === 'typical'),
    unpriced,
  };
}

function monthToDateOf(now: Date, current: MonthCosts, recurring: RecurringCosts): MonthToDate | null {
  if (!current.recorded) return null;
  const daysElapsed = now.getUTCDate();
  const days = daysInMonth(now);
  const usageSoFar = current.totalCostMicros - current.numbersCostMicros;
  return {
    month: current.month,
    spentMicros: current.totalCostMicros,
    // Number fees do not grow with the days: a month of them for the numbers owned now, or what was charged, if more.
    projectedMicros:
      scaleMicros(usageSoFar, days, daysElapsed) + Math.max(current.numbersCostMicros, recurring.totalMicros),
    daysElapsed,
    daysInMonth: days,
  };
}

const emptyTotals = (): UsageTotals => ({ ...NO_USAGE });

/** Which count and amount fields a rollup kind adds to, and whether it is a call. */
const KIND_FIELDS: Record<
  RollupKind,
  { records: keyof UsageTotals; quantity: keyof UsageTotals; cost: 'callsCostMicros' | 'smsCostMicros' }
> = {
  'call-in': { records: 'inboundCalls', quantity: 'inboundMinutes', cost: 'callsCostMicros' },
  'call-out': { records: 'outboundCalls', quantity: 'outboundMinutes', cost: 'callsCostMicros' },
  'sms-in': { records: 'inboundMessages', quantity: 'inboundSegments', cost: 'smsCostMicros' },
  'sms-out': { records: 'outboundMessages', quantity: 'outboundSegments', cost: 'smsCostMicros' },
};

const TOTALS_FIELDS = Object.keys(NO_USAGE) as (keyof UsageTotals)[];

function addTotals(into: UsageTotals, from: UsageTotals): void {
  for (const key of TOTALS_FIELDS) into[key] += from[key];
}

const byCostThen =
  <T extends UsageTotals>(tieBreak: (a: T, b: T) => number) =>
  (a: T, b: T) =>
    b.totalCostMicros - a.totalCostMicros || tieBreak(a, b);

function numberCostsOf(db: Database, accountSid: string, month: string): NumberCosts[] {
  const totals = new Map<string, UsageTotals>();
  for (const rollup of rollupsOfMonth(db, accountSid, month)) {
    const numberTotals = totals.get(rollup.ourNumber) ?? emptyTotals();
    const fields = KIND_FIELDS[rollup.kind];
    numberTotals[fields.records] += rollup.records;
    numberTotals[fields.quantity] += rollup.quantity;
    numberTotals[fields.cost] += rollup.costMicros;
    numberTotals.totalCostMicros += rollup.costMicros;
    numberTotals.unrated += rollup.unrated;
    totals.set(rollup.ourNumber, numberTotals);
  }
  const listings = numberListings(db, accountSid, [...totals.keys()]);
  return [...totals.entries()]
    .map(([phoneNumber, usage]) => {
      const listing = listings.get(phoneNumber);
      return {
        ...usage,
        phoneNumber,
        friendlyName: listing?.friendlyName ?? null,
        // A number Gleam never saw (bought and released between syncs) is not owned now either.
        released: listing?.released ?? true,
        agent: listing?.agent ?? null,
      };
    })
    .sort(byCostThen((a, b) => a.phoneNumber.localeCompare(b.phoneNumber)));
}

function agentCostsOf(numbers: readonly NumberCosts[]): AgentCosts[] {
  const agents = new Map<string | null, AgentCosts>();
  for (const number of numbers) {
    const id = number.agent?.id ?? null;
    const entry = agents.get(id) ?? { ...emptyTotals(), agent: number.agent, numbers: 0 };
    addTotals(entry, number);
    entry.numbers += 1;
    agents.set(id, entry);
  }
  const unassigned = agents.get(null);
  agents.delete(null);
  const assigned = [...agents.values()].sort(
    byCostThen((a, b) => (a.agent?.name ?? '').localeCompare(b.agent?.name ?? '')),
  );
  return unassigned ? [...assigned, unassigned] : assigned;
}

function balanceOf(db: Database, account: AccountRow): Balance {
  if (account.ownerAccountSid !== null && account.ownerAccountSid !== account.sid) return { state: 'subaccount' };
  const balance = storedBalance(db, account.sid);
  return balance
    ? { state: 'known', amount: balance.amount, currency: balance.currency, asOf: balance.fetchedAt }
    : { state: 'unknown' };
}

export function costSummary(
  deps: { db: Database; prices: PriceBook; clock: Clock },
  requestedMonth: string | undefined,
): CostSummary {
  const { db, prices, clock } = deps;
  const now = clock();
  const months = monthsUpTo(now, MONTHS_SHOWN);
  const month = requestedMonth ?? monthOf(now);
  const account = getLatestAccount(db);
  if (!account) {
    return {
      account: null,
      currency: DEFAULT_CURRENCY,
      asOf: { usage: null, records: null },
      balance: { state: 'unknown' },
      recurring: { byType: [], totalMicros: 0, currency: DEFAULT_CURRENCY, includesTypical: false, unpriced: 0 },
      months: months.map((shown) => monthCostsOf(shown, [])),
      monthToDate: null,
      month,
      byNumber: [],
      byAgent: [],
    };
  }

  const usage = usageRecordsBetween(db, account.sid, months[0] ?? month, months.at(-1) ?? month);
  const currency =
    usage.find((record) => record.category === 'totalprice')?.priceUnit ||
    recordsCurrency(db, account.sid) ||
    DEFAULT_CURRENCY;
  const monthCosts = months.map((shown) =>
    monthCostsOf(
      shown,
      usage.filter((record) => record.month === shown),
    ),
  );
  const recurring = recurringCostsOf(db, account.sid, prices, currency);
  const current = monthCosts.at(-1);
  const byNumber = numberCostsOf(db, account.sid, month);
  const syncState = costsSyncState(db, account.sid);
  return {
    account: { friendlyName: account.friendlyName, connected: account.connected },
    currency,
    asOf: { usage: syncState.usageSyncedAt, records: syncState.recordsSyncedAt },
    balance: balanceOf(db, account),
    recurring,
    months: monthCosts,
    monthToDate: current ? monthToDateOf(now, current, recurring) : null,
    month,
    byNumber,
    byAgent: agentCostsOf(byNumber),
  };
}
