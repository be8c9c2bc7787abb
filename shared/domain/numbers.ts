import { ConfirmationSchema } from './confirmation';
import { z } from 'zod';
import { AppErrorDataSchema, type ErrorCode } from '../errors';
import { AssignmentSchema } from './agents';

/**
 * Purchase failures after which Twilio may or may not have bought the number
 * (no answer, a 5xx, a crash). Retrying such a purchase must reuse its
 * purchase id so main reconciles instead of buying again; after any other
 * failure nothing was bought, and a retry is a new purchase.
 */
export const PURCHASE_OUTCOME_UNKNOWN: ReadonlySet<ErrorCode> = new Set(['twilio_unavailable', 'internal']);

export const NUMBER_TYPES = ['local', 'toll-free', 'mobile'] as const;
export const NumberTypeSchema = z.enum(NUMBER_TYPES);
export type NumberType = z.infer<typeof NumberTypeSchema>;

export const CountryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, { message: 'A two-letter country code, such as US.' });

export const CapabilitiesSchema = z.object({
  voice: z.boolean(),
  sms: z.boolean(),
  mms: z.boolean(),
  fax: z.boolean(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/**
 * A monthly price as Twilio states it (a decimal string), with where it came
 * from: Twilio's Pricing API, or the setup guide's typical price when
 * Pricing could not be reached — shown as "typical" and possibly outdated.
 */
export const MonthlyPriceSchema = z.object({
  amount: z.string(),
  currency: z.string(),
  source: z.enum(['twilio', 'typical']),
  /** When Twilio's price was fetched; null for typical prices. */
  asOf: z.string().nullable(),
});
export type MonthlyPrice = z.infer<typeof MonthlyPriceSchema>;

/**
 * How the number's incoming calls are routed today, as far as Gleam can tell:
 * `none` — nothing set; `external` — a webhook URL someone else set;
 * `override` — a TwiML App or SIP trunk that takes precedence over webhooks.
 */
export const WebhookStateSchema = z.enum(['none', 'external', 'override']);
export type WebhookState = z.infer<typeof WebhookStateSchema>;

export const OwnedNumberSchema = z.object({
  sid: z.string(),
  phoneNumber: z.string(),
  friendlyName: z.string(),
  type: NumberTypeSchema,
  isoCountry: z.string().nullable(),
  capabilities: CapabilitiesSchema,
  monthlyPrice: MonthlyPriceSchema.nullable(),
  webhookState: WebhookStateSchema,
  /** The agent the number is assigned to, and the state of its Twilio configuration; null if none. */
  assignment: AssignmentSchema.nullable(),
  /** Whether it is in the Messaging Service set in Settings, as last read; null: no service, or not read yet. */
  inMessagingService: z.boolean().nullable(),
  dateCreated: z.string().nullable(),
  syncedAt: z.string(),
});
export type OwnedNumber = z.infer<typeof OwnedNumberSchema>;

export const NumberListSchema = z.object({
  /** Whose numbers these are; `connected` false shows local history of a disconnected account. */
  account: z.object({ sidMask: z.string(), friendlyName: z.string(), connected: z.boolean() }).nullable(),
  numbers: z.array(OwnedNumberSchema),
  lastSyncedAt: z.string().nullable(),
});
export type NumberList = z.infer<typeof NumberListSchema>;

export const SyncResultSchema = z.object({
  total: z.number(),
  added: z.number(),
  removed: z.number(),
  syncedAt: z.string(),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const SyncProgressSchema = z.object({
  loaded: z.number(),
  /** The count from the previous sync, for a progress bar; null on a first sync. */
  expected: z.number().nullable(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

export const AvailableNumberSchema = z.object({
  phoneNumber: z.string(),
  friendlyName: z.string(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  isoCountry: z.string(),
  capabilities: CapabilitiesSchema,
  /** Twilio needs an address on file before it sells this number. */
  addressRequired: z.boolean(),
});
export type AvailableNumber = z.infer<typeof AvailableNumberSchema>;

export const SearchResultSchema = z.object({
  numbers: z.array(AvailableNumberSchema),
  monthlyPrice: MonthlyPriceSchema.nullable(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const CountrySchema = z.object({ code: z.string(), name: z.string() });
export type Country = z.infer<typeof CountrySchema>;

export const PurchaseQuoteSchema = z.object({
  monthlyPrice: MonthlyPriceSchema.nullable(),
  /**
   * What `purchases:buy` needs, bound to this number, account and monthly price; null when the quote itself rules
   * the purchase out (the balance is below the price, or a trial account already owns its one number).
   */
  confirmation: ConfirmationSchema.nullable(),
  balance: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  /** Why there is no balance when main knows why (subaccounts have none); null otherwise. */
  balanceUnknown: z.enum(['subaccount']).nullable(),
  /** false: the balance is below the monthly price; null: unknown. */
  balanceSufficient: z.boolean().nullable(),
  trialAccount: z.boolean(),
  /** Numbers the account owns now (trial accounts may own one). */
  ownedCount: z.number(),
});
export type PurchaseQuote = z.infer<typeof PurchaseQuoteSchema>;

/** Why a quote rules out buying before anything is sent, or null when it does not: main and the dialog agree. */
export type PurchaseBlocker = 'balance' | 'trial';

export function purchaseBlocker(quote: Omit<PurchaseQuote, 'confirmation'>): PurchaseBlocker | null {
  if (quote.balanceSufficient === false) return 'balance';
  if (quote.trialAccount && quote.ownedCount >= 1) return 'trial';
  return null;
}

/**
 * What an activity line says beside its outcome: the error a purchase or release failed with (`failed`), a
 * failure that was not one of the app's errors (`unexpected`), or that a release found the number already
 * released outside Gleam (`released-elsewhere`).
 */
export const ActivityDetailSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('failed'), error: AppErrorDataSchema }),
  z.object({ reason: z.literal('unexpected') }),
  z.object({ reason: z.literal('released-elsewhere') }),
]);
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

export const ActivityEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.enum(['purchase', 'release']),
  phoneNumber: z.string(),
  monthlyPrice: MonthlyPriceSchema.pick({ amount: true, currency: true }).nullable(),
  outcome: z.enum(['succeeded', 'failed', 'pending']),
  detail: ActivityDetailSchema.nullable(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;
