/**
 * Shapes of the fake's control API: the zod schemas the control server
 * validates with, and the JSON types both ends share. Inputs are strict
 * objects so a misspelt field in a fixture fails loudly instead of being
 * ignored. Defaults are applied by FakeState, not here, so tests that drive
 * the state directly get the same defaults as HTTP callers.
 */
import { z } from 'zod';
import { TWILIO_HOSTS, type TwilioHost } from './twilio-hosts';

const sidSchema = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be "${prefix}" followed by 32 hex digits`);

export const AccountSidSchema = sidSchema('AC');
export const MessagingServiceSidSchema = sidSchema('MG');
const AuthTokenSchema = z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex digits');
/** Twilio sends money as decimal strings; keep them strings end to end. */
const MoneySchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "12.34"');
const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"');
const FriendlyNameSchema = z.string().min(1).max(64);

export const AccountStatusSchema = z.enum(['active', 'suspended', 'closed']);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;
export const AccountTypeSchema = z.enum(['Trial', 'Full']);
export type AccountType = z.infer<typeof AccountTypeSchema>;

export const SeedAccountInputSchema = z.strictObject({
  sid: AccountSidSchema.optional(),
  authToken: AuthTokenSchema.optional(),
  friendlyName: FriendlyNameSchema.optional(),
  status: AccountStatusSchema.optional(),
  type: AccountTypeSchema.optional(),
  /** Set to make a subaccount of that (main) account. */
  ownerAccountSid: AccountSidSchema.optional(),
  balance: MoneySchema.optional(),
  currency: CurrencySchema.optional(),
});
export type SeedAccountInput = z.infer<typeof SeedAccountInputSchema>;

export const AccountPatchSchema = z.strictObject({
  authToken: AuthTokenSchema.optional(),
  friendlyName: FriendlyNameSchema.optional(),
  status: AccountStatusSchema.optional(),
  type: AccountTypeSchema.optional(),
  balance: MoneySchema.optional(),
  currency: CurrencySchema.optional(),
});
export type AccountPatch = z.infer<typeof AccountPatchSchema>;

const WebhookUrlSchema = z.url().nullable();

export const SeedMessagingServiceInputSchema = z.strictObject({
  accountSid: AccountSidSchema,
  friendlyName: FriendlyNameSchema,
  sid: MessagingServiceSidSchema.optional(),
  inboundRequestUrl: WebhookUrlSchema.optional(),
  fallbackUrl: WebhookUrlSchema.optional(),
  statusCallback: WebhookUrlSchema.optional(),
  useInboundWebhookOnNumber: z.boolean().optional(),
  usecase: z.string().min(1).optional(),
  usAppToPersonRegistered: z.boolean().optional(),
});
export type SeedMessagingServiceInput = z.infer<typeof SeedMessagingServiceInputSchema>;

export const FaultMatchSchema = z.strictObject({
  host: z.enum(TWILIO_HOSTS).optional(),
  /** Compared case-insensitively. */
  method: z.string().min(1).optional(),
  /** Substring of the request path (no query). */
  pathIncludes: z.string().min(1).optional(),
});
export type FaultMatch = z.infer<typeof FaultMatchSchema>;

const faultCommon = {
  /** How many matching requests this fault applies to; 1 when absent. */
  times: z.int().min(1).optional(),
  match: FaultMatchSchema.optional(),
};

export const FaultInputSchema = z.discriminatedUnion('kind', [
  /** Wait, then answer normally. */
  z.strictObject({ kind: z.literal('latency'), ms: z.int().min(0).max(600_000), ...faultCommon }),
  /** Answer with this HTTP status and a Twilio error body (code defaults to 20000 + status). */
  z.strictObject({
    kind: z.literal('status'),
    status: z.int().min(400).max(599),
    twilioCode: z.int().min(1).optional(),
    message: z.string().min(1).optional(),
    ...faultCommon,
  }),
  /** 429 / 20429, with Retry-After when given. */
  z.strictObject({ kind: z.literal('rate_limit'), retryAfterSeconds: z.int().min(0).optional(), ...faultCommon }),
  /** Read the request and never answer; the socket is held until reset or close. */
  z.strictObject({ kind: z.literal('timeout'), ...faultCommon }),
  /** Destroy the socket without a response. */
  z.strictObject({ kind: z.literal('drop'), ...faultCommon }),
  /**
   * Answer normally, but overwrite these top-level fields of a successful JSON
   * body: a response Twilio's spec forbids, for the contract suite's canary and
   * for testing how the app copes with surprising data.
   */
  z.strictObject({ kind: z.literal('corrupt'), fields: z.record(z.string(), z.unknown()), ...faultCommon }),
]);
export type FaultInput = z.infer<typeof FaultInputSchema>;
export type FaultKind = FaultInput['kind'];

export const RequestFilterSchema = z.strictObject({
  accountSid: z.string().min(1).optional(),
  host: z.enum(TWILIO_HOSTS).optional(),
  method: z.string().min(1).optional(),
  pathIncludes: z.string().min(1).optional(),
});
export type RequestFilter = z.infer<typeof RequestFilterSchema>;

/** An account as the control API returns it: camelCase, ISO dates, token included (it is a fixture). */
export interface SeededAccount {
  sid: string;
  authToken: string;
  friendlyName: string;
  status: AccountStatus;
  type: AccountType;
  ownerAccountSid: string;
  balance: string;
  currency: string;
  dateCreated: string;
  dateUpdated: string;
}

export interface SeededMessagingService {
  sid: string;
  accountSid: string;
  friendlyName: string;
  inboundRequestUrl: string | null;
  fallbackUrl: string | null;
  statusCallback: string | null;
  useInboundWebhookOnNumber: boolean;
  usecase: string;
  usAppToPersonRegistered: boolean;
}

/**
 * One request received on a Twilio host. Holds no headers at all, so neither
 * the Authorization header nor the token can leak into logs or assertions.
 */
export interface RecordedRequest {
  id: number;
  /** ISO 8601, when the request was received. */
  time: string;
  host: TwilioHost;
  method: string;
  path: string;
  /** Repeated keys: the last value wins. */
  query: Record<string, string>;
  /** Parsed application/x-www-form-urlencoded body; {} for other bodies. */
  form: Record<string, string>;
  /** The Basic-auth user name, whether or not it authenticated. */
  accountSid: string | null;
  /** The HTTP status answered; null until answered, and forever for timeout/drop faults. */
  status: number | null;
}

export type FakeTwilioHosts = Record<TwilioHost, string>;
