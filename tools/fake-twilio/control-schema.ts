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
export const PhoneNumberSidSchema = sidSchema('PN');
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

/** The body of POST /messaging-services/{sid}/numbers: the owned number to put in the service. */
export const ServiceNumberInputSchema = z.strictObject({ numberSid: PhoneNumberSidSchema });
export type ServiceNumberInput = z.infer<typeof ServiceNumberInputSchema>;

/** Seeds a membership with the API's rules (own account's number, in no service, SMS or MMS, room left). */
export const AddNumberToServiceInputSchema = ServiceNumberInputSchema.extend({ serviceSid: MessagingServiceSidSchema });
export type AddNumberToServiceInput = z.infer<typeof AddNumberToServiceInputSchema>;

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

/**
 * Performs the request first (a purchase is recorded and charged), and only
 * then misbehaves: "Twilio did it but the app never heard back".
 */
const afterCommit = { afterCommit: z.boolean().optional() };

export const FaultInputSchema = z.discriminatedUnion('kind', [
  /** Wait, then answer normally; with afterCommit, perform the request first and wait before answering. */
  z.strictObject({ kind: z.literal('latency'), ms: z.int().min(0).max(600_000), ...afterCommit, ...faultCommon }),
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
  z.strictObject({ kind: z.literal('timeout'), ...afterCommit, ...faultCommon }),
  /** Destroy the socket without a response. */
  z.strictObject({ kind: z.literal('drop'), ...afterCommit, ...faultCommon }),
  /**
   * Answer normally, but overwrite these top-level fields of a successful JSON
   * body: a response Twilio's spec forbids, for the contract suite's canary and
   * for testing how the app copes with surprising data.
   */
  z.strictObject({ kind: z.literal('corrupt'), fields: z.record(z.string(), z.unknown()), ...faultCommon }),
]);
export type FaultInput = z.infer<typeof FaultInputSchema>;
export type FaultKind = FaultInput['kind'];

// ----- phone numbers and prices -----

/** The fake's number types; each has its own IncomingPhoneNumbers and AvailablePhoneNumbers list. */
export const NumberTypeSchema = z.enum(['local', 'toll-free', 'mobile']);
export type NumberType = z.infer<typeof NumberTypeSchema>;
/** The same types as Pricing spells them in `number_type`. */
export const PriceNumberTypeSchema = z.enum(['local', 'toll free', 'mobile']);
export type PriceNumberType = z.infer<typeof PriceNumberTypeSchema>;

export const HttpMethodSchema = z.enum(['GET', 'POST']);
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

const E164Schema = z.string().regex(/^\+[1-9]\d{1,14}$/, 'must be E.164, such as "+14155550100"');
const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "US"');
const AreaCodeSchema = z.string().regex(/^[2-9]\d{2}$/, 'must be three digits, not starting with 0 or 1');
/** Twilio stores an unset webhook as "", so "" is how a fixture clears one too. */
const WebhookOrEmptySchema = z.union([z.literal(''), z.url()]);
const nullableSid = (prefix: string) => sidSchema(prefix).nullable();

/** Missing capabilities default to voice, SMS and MMS without fax: what most US local numbers have. */
export const CapabilitiesInputSchema = z.strictObject({
  voice: z.boolean().optional(),
  sms: z.boolean().optional(),
  mms: z.boolean().optional(),
  fax: z.boolean().optional(),
});
export type CapabilitiesInput = z.infer<typeof CapabilitiesInputSchema>;

export interface NumberCapabilities {
  voice: boolean;
  sms: boolean;
  mms: boolean;
  fax: boolean;
}

/** The webhook configuration of an owned number, as fixtures set it. */
const numberConfig = {
  friendlyName: FriendlyNameSchema.optional(),
  capabilities: CapabilitiesInputSchema.optional(),
  voiceUrl: WebhookOrEmptySchema.optional(),
  voiceMethod: HttpMethodSchema.optional(),
  voiceFallbackUrl: WebhookOrEmptySchema.optional(),
  voiceFallbackMethod: HttpMethodSchema.optional(),
  smsUrl: WebhookOrEmptySchema.optional(),
  smsMethod: HttpMethodSchema.optional(),
  smsFallbackUrl: WebhookOrEmptySchema.optional(),
  smsFallbackMethod: HttpMethodSchema.optional(),
  statusCallback: WebhookOrEmptySchema.optional(),
  statusCallbackMethod: HttpMethodSchema.optional(),
  voiceApplicationSid: nullableSid('AP').optional(),
  smsApplicationSid: nullableSid('AP').optional(),
  trunkSid: nullableSid('TK').optional(),
};

export const SeedOwnedNumberInputSchema = z.strictObject({
  accountSid: AccountSidSchema,
  phoneNumber: E164Schema,
  type: NumberTypeSchema.optional(),
  ...numberConfig,
});
export type SeedOwnedNumberInput = z.infer<typeof SeedOwnedNumberInputSchema>;

/** Everything a fixture may change "outside the app"; null clears a SID. */
export const OwnedNumberPatchSchema = z.strictObject(numberConfig);
export type OwnedNumberPatch = z.infer<typeof OwnedNumberPatchSchema>;

export const SeedOwnedNumbersInputSchema = z.strictObject({
  accountSid: AccountSidSchema,
  count: z.int().min(1).max(100_000),
  /** 415 for local and mobile numbers, 800 for toll-free, when absent. */
  areaCode: AreaCodeSchema.optional(),
  type: NumberTypeSchema.optional(),
  /** Names become `${prefix}${index}` (index from 1); the formatted number when absent. */
  friendlyNamePrefix: z.string().min(1).max(56).optional(),
  capabilities: CapabilitiesInputSchema.optional(),
});
export type SeedOwnedNumbersInput = z.infer<typeof SeedOwnedNumbersInputSchema>;

const DecimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "37.788"');

export const AvailableNumberInputSchema = z.strictObject({
  phoneNumber: E164Schema,
  locality: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  postalCode: z.string().min(1).optional(),
  lata: z.string().min(1).optional(),
  rateCenter: z.string().min(1).optional(),
  latitude: DecimalStringSchema.optional(),
  longitude: DecimalStringSchema.optional(),
  addressRequirements: z.enum(['none', 'any', 'local', 'foreign']).optional(),
  beta: z.boolean().optional(),
  capabilities: CapabilitiesInputSchema.optional(),
});
export type AvailableNumberInput = z.infer<typeof AvailableNumberInputSchema>;

export const SeedAvailableNumbersInputSchema = z.strictObject({
  country: CountrySchema,
  type: NumberTypeSchema,
  numbers: z.array(AvailableNumberInputSchema).min(1),
});
export type SeedAvailableNumbersInput = z.infer<typeof SeedAvailableNumbersInputSchema>;

export const SetPricesInputSchema = z.strictObject({
  country: CountrySchema,
  prices: z.array(
    z.strictObject({ numberType: PriceNumberTypeSchema, basePrice: MoneySchema, currentPrice: MoneySchema }),
  ),
  /** "USD" when absent. */
  priceUnit: CurrencySchema.optional(),
});
export type SetPricesInput = z.infer<typeof SetPricesInputSchema>;

// ----- calls, messages and usage -----

export const CallDirectionSchema = z.enum(['inbound', 'outbound-api', 'outbound-dial']);
export type CallDirection = z.infer<typeof CallDirectionSchema>;
/** `call_enum_status` */
export const CallStatusSchema = z.enum([
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
]);
export type CallStatus = z.infer<typeof CallStatusSchema>;
/** `message_enum_direction` */
export const MessageDirectionSchema = z.enum(['inbound', 'outbound-api', 'outbound-call', 'outbound-reply']);
export type MessageDirection = z.infer<typeof MessageDirectionSchema>;
/** `message_enum_status` */
export const MessageStatusSchema = z.enum([
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
]);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/**
 * What a call or message cost, as Twilio sends it: a charge is negative
 * ("-0.0085"), and null until Twilio has rated it, some time after the fact.
 */
const ChargeSchema = z
  .string()
  .regex(/^(-\d+(\.\d+)?|0(\.0+)?)$/, 'must be a charge as Twilio writes it: negative, such as "-0.0085", or zero')
  .nullable();
const TimestampSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time such as "2026-11-24T21:52:58Z"',
});
const NonNegativeDecimalSchema = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "2.30"');

export const SeedCallInputSchema = z.strictObject({
  from: E164Schema,
  to: E164Schema,
  direction: CallDirectionSchema,
  /** "completed" when absent. */
  status: CallStatusSchema.optional(),
  startTime: TimestampSchema,
  /** Up to a day, Twilio's longest call. */
  durationSeconds: z.int().min(0).max(86_400),
  price: ChargeSchema,
  /** "USD" when absent. */
  priceUnit: CurrencySchema.optional(),
});
export type SeedCallInput = z.infer<typeof SeedCallInputSchema>;

export const SeedCallsInputSchema = z.strictObject({
  accountSid: AccountSidSchema,
  calls: z.array(SeedCallInputSchema).min(1),
});
export type SeedCallsInput = z.infer<typeof SeedCallsInputSchema>;

export const SeedMessageInputSchema = z.strictObject({
  from: E164Schema,
  to: E164Schema,
  direction: MessageDirectionSchema,
  /** "received" for an inbound message, "delivered" for an outbound one, when absent. */
  status: MessageStatusSchema.optional(),
  dateSent: TimestampSchema,
  /** 0 is what Twilio shows while a Messaging Service has not picked a sender yet. */
  numSegments: z.int().min(0).max(10),
  price: ChargeSchema,
  /** "USD" when absent. */
  priceUnit: CurrencySchema.optional(),
  /** "" when absent; Twilio's limit is 1,600 characters. */
  body: z.string().max(1600).optional(),
  messagingServiceSid: MessagingServiceSidSchema.nullable().optional(),
});
export type SeedMessageInput = z.infer<typeof SeedMessageInputSchema>;

export const SeedMessagesInputSchema = z.strictObject({
  accountSid: AccountSidSchema,
  messages: z.array(SeedMessageInputSchema).min(1),
});
export type SeedMessagesInput = z.infer<typeof SeedMessagesInputSchema>;

/** The body of PATCH /calls/{sid} and /messages/{sid}: Twilio rating the record, or taking its price back. */
export const RatingInputSchema = z.strictObject({ price: ChargeSchema });
export type RatingInput = z.infer<typeof RatingInputSchema>;

/** The usage categories the fake computes from its calls and messages, so they cannot be seeded. */
export const DERIVED_USAGE_CATEGORIES = [
  'calls',
  'calls-inbound',
  'calls-outbound',
  'sms',
  'sms-inbound',
  'sms-outbound',
  'totalprice',
] as const;
export type DerivedUsageCategory = (typeof DERIVED_USAGE_CATEGORIES)[number];
const derivedCategories = new Set<string>(DERIVED_USAGE_CATEGORIES);

export const SeedUsageRecordInputSchema = z.strictObject({
  category: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a Twilio usage category such as "phonenumbers"')
    .refine((category) => !derivedCategories.has(category), {
      error: 'is computed from the seeded calls and messages; seed those instead',
    }),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as "2026-11"'),
  /** What the account was charged: positive, as usage records show it. */
  price: NonNegativeDecimalSchema,
  /** "0" when absent. */
  count: NonNegativeDecimalSchema.optional(),
  /** "0" when absent. */
  usage: NonNegativeDecimalSchema.optional(),
  /** Twilio's units for known categories ("numbers" for phone numbers), otherwise "", when absent. */
  countUnit: z.string().optional(),
  usageUnit: z.string().optional(),
});
export type SeedUsageRecordInput = z.infer<typeof SeedUsageRecordInputSchema>;

export const SeedUsageRecordsInputSchema = z.strictObject({
  accountSid: AccountSidSchema,
  records: z.array(SeedUsageRecordInputSchema).min(1),
});
export type SeedUsageRecordsInput = z.infer<typeof SeedUsageRecordsInputSchema>;

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

/** A Messaging Service as the control API returns it; the same view after an update through the API. */
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

/** A number's membership of a Messaging Service, as the control API returns it. */
export interface SeededServiceNumber {
  serviceSid: string;
  numberSid: string;
  phoneNumber: string;
  dateCreated: string;
}

/** An owned number as the control API returns it: camelCase, ISO dates. */
export interface SeededNumber {
  sid: string;
  accountSid: string;
  phoneNumber: string;
  friendlyName: string;
  type: NumberType;
  capabilities: NumberCapabilities;
  voiceUrl: string;
  voiceMethod: HttpMethod;
  voiceFallbackUrl: string;
  voiceFallbackMethod: HttpMethod;
  smsUrl: string;
  smsMethod: HttpMethod;
  smsFallbackUrl: string;
  smsFallbackMethod: HttpMethod;
  statusCallback: string;
  statusCallbackMethod: HttpMethod;
  voiceApplicationSid: string | null;
  smsApplicationSid: string | null;
  trunkSid: string | null;
  origin: string;
  status: string;
  dateCreated: string;
  dateUpdated: string;
}

/** A call as the control API returns it: camelCase, ISO dates. */
export interface SeededCall {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  startTime: string;
  endTime: string;
  durationSeconds: number;
  price: string | null;
  priceUnit: string;
  phoneNumberSid: string | null;
  dateCreated: string;
  dateUpdated: string;
}

/** A message as the control API returns it: camelCase, ISO dates, body included (it is a fixture). */
export interface SeededMessage {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  direction: MessageDirection;
  status: MessageStatus;
  dateSent: string;
  numSegments: number;
  price: string | null;
  priceUnit: string;
  messagingServiceSid: string | null;
  body: string;
  dateCreated: string;
  dateUpdated: string;
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
  /**
   * The injected fault the fake applied to this request, or null: what a
   * fault suite counts, and how it tells a request Twilio acted on from one
   * the "network" stopped.
   */
  fault: AppliedFault | null;
}

/** An injected fault as applied to one request: which fault, and whether the request took effect first. */
export interface AppliedFault {
  id: number;
  kind: FaultKind;
  afterCommit: boolean;
}

export type FakeTwilioHosts = Record<TwilioHost, string>;

// ----- A2P 10DLC registrations -----

export const BrandSidSchema = sidSchema('BN');
export const CustomerProfileSidSchema = sidSchema('BU');

/** `brand_registrations_enum_status` */
export const BrandStatusSchema = z.enum([
  'PENDING',
  'APPROVED',
  'FAILED',
  'IN_REVIEW',
  'DELETION_PENDING',
  'DELETION_FAILED',
  'SUSPENDED',
]);
export type BrandStatus = z.infer<typeof BrandStatusSchema>;
/** `brand_registrations_enum_identity_status`; Twilio sends null while a new brand is pending. */
export const BrandIdentityStatusSchema = z.enum(['SELF_DECLARED', 'UNVERIFIED', 'VERIFIED', 'VETTED_VERIFIED']);
export type BrandIdentityStatus = z.infer<typeof BrandIdentityStatusSchema>;
/** `customer_profile_enum_status` */
export const CustomerProfileStatusSchema = z.enum([
  'draft',
  'pending-review',
  'in-review',
  'twilio-rejected',
  'twilio-approved',
]);
export type CustomerProfileStatus = z.infer<typeof CustomerProfileStatusSchema>;

/** Twilio writes these in capitals with underscores: STANDARD, SOLE_PROPRIETOR, VERIFIED, MARKETING… */
const UpperWordSchema = z
  .string()
  .regex(/^[A-Z0-9]+(_[A-Z0-9]+)*$/, 'must be capitals and underscores, as Twilio writes it');
const ReasonSchema = z.string().min(1).max(1024);

/** Why a brand or campaign was refused: a Twilio error code, its description and the fields it names. */
export const RegistrationErrorInputSchema = z.strictObject({
  code: z.int().min(10_000).max(99_999),
  /** Twilio's own words, which it always sends. */
  description: ReasonSchema,
  /** The submission's fields at fault, as Twilio names them ("region", "MESSAGE_FLOW"). */
  fields: z.array(z.string().min(1)).optional(),
});
export type RegistrationErrorInput = z.infer<typeof RegistrationErrorInputSchema>;

/** Trust Hub lists only the codes of what it rejected. */
export const ProfileErrorInputSchema = z.strictObject({ code: z.int().min(10_000).max(99_999) });
export type ProfileErrorInput = z.infer<typeof ProfileErrorInputSchema>;

/** What a brand shows that can change after it exists (review, vetting, failure). */
const brandReview = {
  /** "PENDING" when absent: a brand just submitted. */
  status: BrandStatusSchema.optional(),
  /** null when absent, as Twilio sends it until TCR has checked the brand. */
  identityStatus: BrandIdentityStatusSchema.nullable().optional(),
  /** Twilio's deprecated one-line reason, still sent for failed brands. */
  failureReason: ReasonSchema.nullable().optional(),
  errors: z.array(RegistrationErrorInputSchema).optional(),
  /** The Campaign Registry's brand ID, assigned once registered. */
  tcrId: z.string().min(1).max(32).nullable().optional(),
  brandScore: z.int().min(0).max(100).nullable().optional(),
};

export const SeedBrandInputSchema = z.strictObject({
  ...brandReview,
  /** "STANDARD" when absent. */
  brandType: UpperWordSchema.optional(),
  /** Random when absent. */
  customerProfileBundleSid: CustomerProfileSidSchema.optional(),
  a2pProfileBundleSid: CustomerProfileSidSchema.optional(),
});
export type SeedBrandInput = z.infer<typeof SeedBrandInputSchema>;

/** The body of POST /a2p/brands. */
export const SeedBrandRequestSchema = SeedBrandInputSchema.extend({ accountSid: AccountSidSchema });
export type SeedBrandRequest = z.infer<typeof SeedBrandRequestSchema>;

/** Twilio reviewing a brand "outside the app"; fields left out keep their value. */
export const BrandPatchSchema = z.strictObject(brandReview);
export type BrandPatch = z.infer<typeof BrandPatchSchema>;

/** What a campaign shows that can change after it exists. */
const campaignReview = {
  /** Free text on the wire ("IN_PROGRESS", "VERIFIED", "FAILED"…); "IN_PROGRESS" when absent. */
  status: UpperWordSchema.optional(),
  /** The Campaign Registry's campaign ID; null when absent. */
  campaignId: z.string().min(1).max(32).nullable().optional(),
  errors: z.array(RegistrationErrorInputSchema).optional(),
};

export const SeedCampaignInputSchema = z.strictObject({
  ...campaignReview,
  /** "CUSTOMER_CARE" when absent. */
  useCase: UpperWordSchema.optional(),
  /** null when absent. */
  brandRegistrationSid: BrandSidSchema.nullable().optional(),
  /** A sample description of 40+ characters when absent, as Twilio requires. */
  description: z.string().min(40).max(4096).optional(),
});
export type SeedCampaignInput = z.infer<typeof SeedCampaignInputSchema>;

/** The body of POST /a2p/campaigns: a campaign registered on the account's Messaging Service. */
export const SeedCampaignRequestSchema = SeedCampaignInputSchema.extend({
  accountSid: AccountSidSchema,
  messagingServiceSid: MessagingServiceSidSchema,
});
export type SeedCampaignRequest = z.infer<typeof SeedCampaignRequestSchema>;

export const CampaignPatchSchema = z.strictObject(campaignReview);
export type CampaignPatch = z.infer<typeof CampaignPatchSchema>;

/** What a business profile shows that can change after it exists. */
const profileReview = {
  /** "draft" when absent: a profile not submitted yet. */
  status: CustomerProfileStatusSchema.optional(),
  errors: z.array(ProfileErrorInputSchema).optional(),
  /** null when absent. */
  validUntil: TimestampSchema.nullable().optional(),
};

export const SeedCustomerProfileInputSchema = z.strictObject({
  ...profileReview,
  /** "My business profile" when absent. */
  friendlyName: FriendlyNameSchema.optional(),
  email: z.email().optional(),
  /** Twilio's secondary customer profile policy when absent. */
  policySid: sidSchema('RN').optional(),
});
export type SeedCustomerProfileInput = z.infer<typeof SeedCustomerProfileInputSchema>;

export const SeedCustomerProfileRequestSchema = SeedCustomerProfileInputSchema.extend({ accountSid: AccountSidSchema });
export type SeedCustomerProfileRequest = z.infer<typeof SeedCustomerProfileRequestSchema>;

export const CustomerProfilePatchSchema = z.strictObject(profileReview);
export type CustomerProfilePatch = z.infer<typeof CustomerProfilePatchSchema>;

/** A registration error as the control API returns it. */
export interface SeededRegistrationError {
  code: number;
  description: string;
  fields: string[];
}

/** A brand registration as the control API returns it: camelCase, ISO dates. */
export interface SeededBrand {
  sid: string;
  accountSid: string;
  status: BrandStatus;
  brandType: string;
  identityStatus: BrandIdentityStatus | null;
  failureReason: string | null;
  errors: SeededRegistrationError[];
  tcrId: string | null;
  brandScore: number | null;
  customerProfileBundleSid: string;
  a2pProfileBundleSid: string;
  dateCreated: string;
  dateUpdated: string;
}

/** A campaign (US A2P compliance resource) as the control API returns it. */
export interface SeededCampaign {
  sid: string;
  accountSid: string;
  messagingServiceSid: string;
  brandRegistrationSid: string | null;
  status: string;
  campaignId: string | null;
  useCase: string;
  description: string;
  errors: SeededRegistrationError[];
  dateCreated: string;
  dateUpdated: string;
}

/** A Trust Hub customer profile as the control API returns it. */
export interface SeededCustomerProfile {
  sid: string;
  accountSid: string;
  friendlyName: string;
  email: string;
  policySid: string;
  status: CustomerProfileStatus;
  errors: { code: number }[];
  validUntil: string | null;
  dateCreated: string;
  dateUpdated: string;
}
