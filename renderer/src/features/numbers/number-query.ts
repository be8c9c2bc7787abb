/**
 * Search, filter and sort over the numbers already in memory. Everything
 * that costs more than a comparison (digits, lower-case names, prices as
 * integers) is worked out once per list in `indexNumbers`, so typing in the
 * search box only re-runs `filterNumbers` — one pass of string checks, fast
 * enough for tens of thousands of rows.
 */
import type { NumberType, OwnedNumber } from '../../../../shared/domain/numbers';
import { toMicros } from '../../../../shared/money';
import { needsAttention } from '../assignments/assignment-text';

export type SortKey = 'number' | 'friendlyName' | 'type' | 'price' | 'webhook' | 'agent' | 'dateCreated';
export type SortDirection = 'ascending' | 'descending';
export type CapabilityFilter = 'any' | 'voice' | 'sms' | 'mms';
export type TypeFilter = NumberType | 'any';
/** Any number, numbers with no agent, numbers whose assignment needs attention, or one agent's (by id). */
export type AgentFilter = 'any' | 'none' | 'attention' | `agent:${string}`;

export interface NumberFilters {
  text: string;
  type: TypeFilter;
  capability: CapabilityFilter;
  agent: AgentFilter;
}

export const NO_FILTERS: NumberFilters = { text: '', type: 'any', capability: 'any', agent: 'any' };

export interface NumberSort {
  key: SortKey;
  direction: SortDirection;
}

export interface IndexedNumber {
  number: OwnedNumber;
  /** The E.164 number without "+", for digit searches. */
  digits: string;
  lowerName: string;
  /** Monthly price in micro-units; null when unknown. Never a float. */
  priceMicros: number | null;
  /** `agent:<id>` of the number's agent, or null, to compare with an AgentFilter. */
  agentKey: AgentFilter | null;
  attention: boolean;
}

export function indexNumbers(numbers: readonly OwnedNumber[]): IndexedNumber[] {
  return numbers.map((number) => ({
    number,
    digits: number.phoneNumber.replace(/\D/g, ''),
    lowerName: number.friendlyName.toLocaleLowerCase(),
    priceMicros: number.monthlyPrice ? toMicros(number.monthlyPrice.amount) : null,
    agentKey: number.assignment ? `agent:${number.assignment.agentId}` : null,
    attention: needsAttention(number.assignment),
  }));
}

/**
 * Where typed digits must sit in the number: "+1415" is the start of the
 * international form, "(415)" an area code, plain "415" anywhere.
 */
type DigitAnchor = 'start' | 'area-code' | 'anywhere';

interface TextMatcher {
  lower: string;
  /** Set only when the text looks like (part of) a phone number. */
  digits: string | null;
  anchor: DigitAnchor;
}

const PHONE_LIKE = /^[\d\s()+\-.]+$/;

function textMatcher(text: string): TextMatcher | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const digits = PHONE_LIKE.test(trimmed) ? trimmed.replace(/\D/g, '') : '';
  const anchor: DigitAnchor = trimmed.startsWith('+') ? 'start' : trimmed.startsWith('(') ? 'area-code' : 'anywhere';
  return { lower: trimmed.toLocaleLowerCase(), digits: digits === '' ? null : digits, anchor };
}

function matchesDigits(numberDigits: string, matcher: TextMatcher & { digits: string }): boolean {
  switch (matcher.anchor) {
    case 'start':
      return numberDigits.startsWith(matcher.digits);
    case 'area-code':
      // Area codes in parentheses are a US and Canada habit: right after the country code 1.
      return numberDigits.startsWith('1')
        ? numberDigits.startsWith(matcher.digits, 1)
        : numberDigits.includes(matcher.digits);
    case 'anywhere':
      return numberDigits.includes(matcher.digits);
  }
}

function matchesText(entry: IndexedNumber, matcher: TextMatcher): boolean {
  const { digits } = matcher;
  if (digits !== null && matchesDigits(entry.digits, { ...matcher, digits })) return true;
  return entry.lowerName.includes(matcher.lower);
}

function matchesAgent(entry: IndexedNumber, agent: AgentFilter): boolean {
  switch (agent) {
    case 'any':
      return true;
    case 'none':
      return entry.agentKey === null;
    case 'attention':
      return entry.attention;
    default:
      return entry.agentKey === agent;
  }
}

export function filterNumbers(entries: readonly IndexedNumber[], filters: NumberFilters): IndexedNumber[] {
  const matcher = textMatcher(filters.text);
  const { type, capability, agent } = filters;
  if (!matcher && type === 'any' && capability === 'any' && agent === 'any') return entries.slice();
  return entries.filter(
    (entry) =>
      (type === 'any' || entry.number.type === type) &&
      (capability === 'any' || entry.number.capabilities[capability]) &&
      matchesAgent(entry, agent) &&
      (!matcher || matchesText(entry, matcher)),
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const TYPE_ORDER: Record<NumberType, number> = { local: 0, 'toll-free': 1, mobile: 2 };
const WEBHOOK_ORDER: Record<OwnedNumber['webhookState'], number> = { none: 0, external: 1, override: 2 };

/** Compares two non-null keys; missing values are handled by the caller so they always sort last. */
type Compare = (a: IndexedNumber, b: IndexedNumber) => number;

const compareNumber: Compare = (a, b) => (a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0);

const COMPARERS: Record<SortKey, { compare: Compare; isMissing?: (entry: IndexedNumber) => boolean }> = {
  number: { compare: compareNumber },
  friendlyName: { compare: (a, b) => collator.compare(a.number.friendlyName, b.number.friendlyName) },
  type: { compare: (a, b) => TYPE_ORDER[a.number.type] - TYPE_ORDER[b.number.type] },
  price: {
    compare: (a, b) => (a.priceMicros ?? 0) - (b.priceMicros ?? 0),
    isMissing: (entry) => entry.priceMicros === null,
  },
  webhook: { compare: (a, b) => WEBHOOK_ORDER[a.number.webhookState] - WEBHOOK_ORDER[b.number.webhookState] },
  agent: {
    compare: (a, b) => collator.compare(a.number.assignment?.agentName ?? '', b.number.assignment?.agentName ?? ''),
    isMissing: (entry) => entry.agentKey === null,
  },
  dateCreated: {
    compare: (a, b) => {
      const left = a.number.dateCreated ?? '';
      const right = b.number.dateCreated ?? '';
      return left < right ? -1 : left > right ? 1 : 0;
    },
    isMissing: (entry) => entry.number.dateCreated === null,
  },
};

/** A sorted copy. Rows without a value (no price, no date) go last either way; ties fall back to the number. */
export function sortNumbers(entries: readonly IndexedNumber[], sort: NumberSort): IndexedNumber[] {
  const { compare, isMissing } = COMPARERS[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return entries.slice().sort((a, b) => {
    if (isMissing) {
      const aMissing = isMissing(a);
      const bMissing = isMissing(b);
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
    }
    return sign * compare(a, b) || compareNumber(a, b);
  });
}

/** Sort then filter in one call: what the screen shows for a list and a query. */
export function queryNumbers(numbers: readonly OwnedNumber[], filters: NumberFilters, sort: NumberSort): OwnedNumber[] {
  return filterNumbers(sortNumbers(indexNumbers(numbers), sort), filters).map((entry) => entry.number);
}
