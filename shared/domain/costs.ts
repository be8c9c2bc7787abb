/**
 * What the Costs screen shows, as main computes it from the local copy of
 * Twilio's usage records, call and message records and number prices.
 *
 * Every amount is an integer number of micro-units (millionths of the
 * currency unit) in a field named `…Micros`: Twilio's decimal strings are
 * parsed exactly into them (shared/money.ts) and summed as integers, so no
 * total drifts by a cent. Costs are positive (Twilio sends charges as
 * negative prices). Months are calendar months in UTC, `YYYY-MM`, as Twilio's
 * usage records count them.
 */
import { z } from 'zod';
import { MonthlyPriceSchema, NumberTypeSchema } from './numbers';

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'A month as YYYY-MM.' });
export type Month = z.infer<typeof MonthSchema>;

const Micros = z.number().int();
const Count = z.number().int().nonnegative();

/** One month of the account's bill, from Twilio's usage records. */
export const MonthCostsSchema = z.object({
  month: MonthSchema,
  inboundMinutes: Count,
  outboundMinutes: Count,
  inboundSegments: Count,
  outboundSegments: Count,
  callsCostMicros: Micros,
  smsCostMicros: Micros,
  /** Monthly number fees Twilio charged. */
  numbersCostMicros: Micros,
  /** Everything else on Twilio's total (carrier fees, MMS, A2P registration, recordings, …). */
  otherCostMicros: Micros,
  totalCostMicros: Micros,
  /** false: no usage records are stored for this month (never synced, or before the account existed). */
  recorded: z.boolean(),
});
export type MonthCosts = z.infer<typeof MonthCostsSchema>;

/** Calls and messages of one number (or one agent's numbers) in a month, from call and message records. */
export const UsageTotalsSchema = z.object({
  inboundCalls: Count,
  /** Billable minutes: each call's duration rounded up to the minute, as Twilio bills. */
  inboundMinutes: Count,
  outboundCalls: Count,
  outboundMinutes: Count,
  inboundMessages: Count,
  inboundSegments: Count,
  outboundMessages: Count,
  outboundSegments: Count,
  callsCostMicros: Micros,
  smsCostMicros: Micros,
  totalCostMicros: Micros,
  /** Calls and messages Twilio has not priced yet; their cost is missing from the totals until it has. */
  unrated: Count,
});
export type UsageTotals = z.infer<typeof UsageTotalsSchema>;

/** No calls, no messages, nothing spent: where every sum starts. */
export const NO_USAGE: Readonly<UsageTotals> = {
  inboundCalls: 0,
  inboundMinutes: 0,
  outboundCalls: 0,
  outboundMinutes: 0,
  inboundMessages: 0,
  inboundSegments: 0,
  outboundMessages: 0,
  outboundSegments: 0,
  callsCostMicros: 0,
  smsCostMicros: 0,
  totalCostMicros: 0,
  unrated: 0,
};

export const AgentRefSchema = z.object({ id: z.string(), name: z.string() });
export type AgentRef = z.infer<typeof AgentRefSchema>;

export const NumberCostsSchema = UsageTotalsSchema.extend({
  phoneNumber: z.string(),
  /** The name in Twilio; null for a number no longer in the local copy. */
  friendlyName: z.string().nullable(),
  /** The account no longer owns the number. */
  released: z.boolean(),
  /** The agent the number is assigned to now; null if none. */
  agent: AgentRefSchema.nullable(),
});
export type NumberCosts = z.infer<typeof NumberCostsSchema>;

export const AgentCostsSchema = UsageTotalsSchema.extend({
  /** null: numbers assigned to no agent. */
  agent: AgentRefSchema.nullable(),
  /** Numbers with calls or messages in the month. */
  numbers: Count,
});
export type AgentCosts = z.infer<typeof AgentCostsSchema>;

/** The monthly fees of the numbers owned now, by type and country (prices differ by both). */
export const RecurringCostsSchema = z.object({
  byType: z.array(
    z.object({
      type: NumberTypeSchema,
      /** ISO country; null when Gleam cannot tell the number's country. */
      country: z.string().nullable(),
      count: Count,
      /** null when neither Twilio's price nor a typical one is known for these numbers. */
      unitPrice: MonthlyPriceSchema.nullable(),
      monthlyMicros: Micros.nullable(),
    }),
  ),
  totalMicros: Micros,
  currency: z.string(),
  /** Some prices are the guide's typical prices, not Twilio's current ones. */
  includesTypical: z.boolean(),
  /** Numbers left out of the total because no price is known for them. */
  unpriced: Count,
});
export type RecurringCosts = z.infer<typeof RecurringCostsSchema>;

export const BalanceSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('known'), amount: z.string(), currency: z.string(), asOf: z.string() }),
  /** Subaccounts have no balance of their own: the main account pays. */
  z.object({ state: z.literal('subaccount') }),
  /** Never fetched (not connected yet, or offline since connecting). */
  z.object({ state: z.literal('unknown') }),
]);
export type Balance = z.infer<typeof BalanceSchema>;

export const MonthToDateSchema = z.object({
  month: MonthSchema,
  spentMicros: Micros,
  /**
   * Usage so far at the same daily rate for the whole month, plus a month of
   * fees for the numbers owned now (or the fees already charged, if more).
   */
  projectedMicros: Micros,
  /** Today counts as a whole day. */
  daysElapsed: z.number().int().min(1),
  daysInMonth: z.number().int().min(28).max(31),
});
export type MonthToDate = z.infer<typeof MonthToDateSchema>;

export const CostSummarySchema = z.object({
  /** Whose figures these are; null before any account was connected. */
  account: z.object({ friendlyName: z.string(), connected: z.boolean() }).nullable(),
  /** The currency of usage amounts (the account's billing currency). */
  currency: z.string(),
  /** When each kind of data was last brought up to date from Twilio; null: never. */
  asOf: z.object({ usage: z.string().nullable(), records: z.string().nullable() }),
  balance: BalanceSchema,
  recurring: RecurringCostsSchema,
  /** The last 12 months, oldest first; the current month last. */
  months: z.array(MonthCostsSchema),
  /** null until this month's usage records were synced. */
  monthToDate: MonthToDateSchema.nullable(),
  /** The month `byNumber` and `byAgent` describe. */
  month: MonthSchema,
  /** Numbers with calls or messages in `month`, costliest first. */
  byNumber: z.array(NumberCostsSchema),
  /** Agents whose numbers had calls or messages in `month`, costliest first; "no agent" last. */
  byAgent: z.array(AgentCostsSchema),
});
export type CostSummary = z.infer<typeof CostSummarySchema>;

export const CostSyncResultSchema = z.object({
  syncedAt: z.string(),
  /** Call and message records that were new to the local copy. */
  newCalls: Count,
  newMessages: Count,
});
export type CostSyncResult = z.infer<typeof CostSyncResultSchema>;

export const CostSyncProgressSchema = z.object({
  stage: z.enum(['usage', 'calls', 'messages', 'balance']),
  /** Records of this stage received so far. */
  loaded: Count,
});
export type CostSyncProgress = z.infer<typeof CostSyncProgressSchema>;
