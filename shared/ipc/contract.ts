/**
 * The one IPC contract between the renderer and main.
 *
 * Every channel is `domain:method`, takes one object and returns one value.
 * Main parses each input with the channel's schema before any handler runs
 * (unknown keys are rejected), and parses each output too, so a field that is
 * not declared here — an Auth Token, say — can never reach the renderer.
 * Handler, preload and renderer types are all derived from this object, so a
 * missing handler or a misspelt channel is a compile error.
 */
import { z } from 'zod';
import type { AppErrorData } from '../errors';
import {
  AccountSidSchema,
  AuthTokenSchema,
  MESSAGING_SERVICE_SID,
  MessagingServiceSidSchema,
} from '../domain/credentials';
import { ConfirmationSchema, ConfirmedInputSchema } from '../domain/confirmation';
import { ConnectionStatusSchema, TwilioReachabilitySchema } from '../domain/connection';
import {
  ActivityEntrySchema,
  CountryCodeSchema,
  CountrySchema,
  NumberListSchema,
  NumberTypeSchema,
  OwnedNumberSchema,
  PurchaseQuoteSchema,
  SearchResultSchema,
  SyncResultSchema,
} from '../domain/numbers';
import {
  AgentDraftSchema,
  AgentSchema,
  AssignmentActionSchema,
  AssignmentResultSchema,
  WebhookBaseUrlSchema,
} from '../domain/agents';
import { E164Schema } from '../domain/phone-number';
import { CostSummarySchema, CostSyncResultSchema, MonthSchema } from '../domain/costs';
import { A2pStatusSchema } from '../domain/a2p';
import { DoctorFixResultSchema, DoctorFixSchema, DoctorReportSchema } from '../domain/doctor';
import { SetupPlaceSchema, SetupProgressSchema } from '../domain/setup';
import type { Subscribe } from './events';

const NoInputSchema = z.object({}).strict();

/** Empty means "no Messaging Service"; anything else must be a well-formed MG SID. */
const OptionalMessagingServiceSidSchema = z
  .string()
  .max(256)
  .trim()
  .refine((value) => value === '' || MESSAGING_SERVICE_SID.pattern.test(value), {
    message: MESSAGING_SERVICE_SID.rule,
  });

export const ConnectInputSchema = z
  .object({
    accountSid: AccountSidSchema,
    authToken: AuthTokenSchema,
    messagingServiceSid: OptionalMessagingServiceSidSchema.optional(),
  })
  .strict();
export type ConnectInput = z.input<typeof ConnectInputSchema>;

export const SetMessagingServiceInputSchema = z
  .object({ messagingServiceSid: MessagingServiceSidSchema.nullable() })
  .strict();

export const SearchNumbersInputSchema = z
  .object({
    country: CountryCodeSchema,
    type: NumberTypeSchema,
    areaCode: z
      .string()
      .trim()
      .regex(/^(\d{3})?$/, { message: 'An area code has 3 digits.' })
      .optional(),
    contains: z
      .string()
      .trim()
      .max(16, { message: 'At most 16 characters.' })
      .regex(/^[0-9A-Za-z*]*$/, { message: 'Use digits, letters or * only.' })
      .optional(),
    locality: z.string().trim().max(64).optional(),
    region: z.string().trim().max(32).optional(),
    capabilities: z.object({ voice: z.boolean(), sms: z.boolean(), mms: z.boolean() }).strict(),
  })
  .strict();
export type SearchNumbersInput = z.input<typeof SearchNumbersInputSchema>;

const NumberToBuySchema = z
  .object({ phoneNumber: E164Schema, country: CountryCodeSchema, type: NumberTypeSchema })
  .strict();
export type NumberToBuy = z.input<typeof NumberToBuySchema>;

const NumberSidSchema = z.string().regex(/^PN[0-9a-fA-F]{32}$/, { message: 'Not a phone number SID.' });

const JobIdSchema = z.uuid();

/**
 * Assign, unassign, repair (apply the agent's configuration again) or adopt
 * (keep what Twilio has now and forget the assignment) a set of numbers.
 * `jobId` is made by the renderer so it can cancel the run and match its
 * progress events.
 */
export const RunAssignmentsInputSchema = z
  .object({
    jobId: JobIdSchema,
    action: AssignmentActionSchema,
    agentId: z.uuid().optional(),
    numberSids: z.array(NumberSidSchema).min(1).max(10_000),
  })
  .strict()
  .refine((input) => input.action !== 'assign' || input.agentId !== undefined, {
    message: 'Choose the agent to assign the numbers to.',
    path: ['agentId'],
  });
export type RunAssignmentsInput = z.input<typeof RunAssignmentsInputSchema>;

export const SettingsSchema = z.object({
  webhookBaseUrl: z.string(),
  /** The address this build uses unless the user sets another. */
  defaultWebhookBaseUrl: z.string(),
});
export type Settings = z.infer<typeof SettingsSchema>;

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const contract = {
  'connection:getStatus': { input: NoInputSchema, output: ConnectionStatusSchema },
  'connection:connect': { input: ConnectInputSchema, output: ConnectionStatusSchema },
  'connection:verify': { input: NoInputSchema, output: ConnectionStatusSchema },
  'connection:disconnect': { input: NoInputSchema, output: ConnectionStatusSchema },
  'connection:setMessagingService': { input: SetMessagingServiceInputSchema, output: ConnectionStatusSchema },
  /** Whether Twilio answers the app's requests, as they last found it. */
  'reachability:status': { input: NoInputSchema, output: TwilioReachabilitySchema },
  /** Asks Twilio now (Retry on "Twilio can't be reached"), and answers what that found. */
  'reachability:check': { input: NoInputSchema, output: TwilioReachabilitySchema },
  'numbers:list': { input: NoInputSchema, output: NumberListSchema },
  'numbers:sync': { input: NoInputSchema, output: SyncResultSchema },
  'numbers:cancelSync': { input: NoInputSchema, output: z.object({ cancelled: z.boolean() }) },
  'numbers:countries': { input: NoInputSchema, output: z.object({ countries: z.array(CountrySchema) }) },
  'numbers:search': { input: SearchNumbersInputSchema, output: SearchResultSchema },
  /** The price and balance before buying, with the confirmation `purchases:buy` needs. */
  'purchases:quote': { input: NumberToBuySchema, output: PurchaseQuoteSchema },
  /**
   * Buys the number the quote's confirmation was issued for, at the price it quoted (a changed price is refused).
   * The confirmation is the purchase's identity: calling again with it answers with the same purchase.
   */
  'purchases:buy': { input: ConfirmedInputSchema, output: z.object({ number: OwnedNumberSchema }) },
  /** The confirmation `purchases:release` needs, for a number of the connected account. */
  'purchases:prepareRelease': {
    input: z.object({ sid: NumberSidSchema }).strict(),
    output: z.object({ confirmation: ConfirmationSchema }),
  },
  'purchases:release': { input: ConfirmedInputSchema, output: z.object({ alreadyReleased: z.boolean() }) },
  'purchases:activity': { input: NoInputSchema, output: z.object({ entries: z.array(ActivityEntrySchema) }) },
  'agents:list': { input: NoInputSchema, output: z.object({ agents: z.array(AgentSchema) }) },
  /** Creates an agent, or updates the one with `id`. Assigned numbers keep pointing at it. */
  'agents:save': {
    input: z.object({ id: z.uuid().optional(), agent: AgentDraftSchema }).strict(),
    output: z.object({ agent: AgentSchema }),
  },
  /**
   * Unassigns the agent's numbers (restoring what they had before), then
   * deletes it. If a number cannot be unassigned the agent stays, and the
   * outcomes say which number and why.
   */
  'agents:delete': {
    input: z.object({ id: z.uuid(), jobId: JobIdSchema }).strict(),
    output: AssignmentResultSchema.extend({ deleted: z.boolean() }),
  },
  'assignments:run': { input: RunAssignmentsInputSchema, output: AssignmentResultSchema },
  /** Stops starting new numbers in the job; numbers already being configured finish. */
  'assignments:cancel': {
    input: z.object({ jobId: JobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'settings:get': { input: NoInputSchema, output: SettingsSchema },
  /** Checks an address other than the build's default and issues the confirmation that setting it needs. */
  'settings:prepareWebhookBaseUrl': {
    input: z.object({ webhookBaseUrl: WebhookBaseUrlSchema }).strict(),
    output: z.object({ webhookBaseUrl: z.string(), confirmation: ConfirmationSchema }),
  },
  /** Sets the address `settings:prepareWebhookBaseUrl` issued this confirmation for. */
  'settings:setWebhookBaseUrl': { input: ConfirmedInputSchema, output: SettingsSchema },
  /** Puts the build's default back: nothing to confirm. */
  'settings:useDefaultWebhookBaseUrl': { input: NoInputSchema, output: SettingsSchema },
  /** Read from the local copy only, so it answers offline; `month` (default: this month) picks the per-number month. */
  'costs:summary': {
    input: z.object({ month: MonthSchema.optional() }).strict(),
    output: CostSummarySchema,
  },
  /** Brings usage, call and message records and the balance up to date from Twilio (only what is new). */
  'costs:sync': { input: NoInputSchema, output: CostSyncResultSchema },
  /** Asks where to save the month's per-number costs as CSV; `savedTo` is null when the person cancelled. */
  'costs:exportCsv': {
    input: z.object({ month: MonthSchema }).strict(),
    output: z.object({ savedTo: z.string().nullable() }),
  },
  /** The A2P 10DLC registrations as last read from Twilio, so it answers offline (`asOf` says when). */
  'a2p:status': { input: NoInputSchema, output: A2pStatusSchema },
  /** Reads business profiles, brands and the Messaging Service's campaigns from Twilio, then answers as a2p:status. */
  'a2p:refresh': { input: NoInputSchema, output: A2pStatusSchema },
  /**
   * "Why isn't my number working?": every check on one number. Answers offline too: what needs Twilio
   * then says so, and what the local copy knows still answers.
   */
  'doctor:check': { input: z.object({ numberSid: NumberSidSchema }).strict(), output: DoctorReportSchema },
  /** Makes one of the doctor's fixes, then runs the checks again. */
  'doctor:fix': {
    input: z.object({ numberSid: NumberSidSchema, fix: DoctorFixSchema }).strict(),
    output: DoctorFixResultSchema,
  },
  /** The setup guide: which steps the app's state shows done, and where the person is. */
  'setup:progress': { input: NoInputSchema, output: SetupProgressSchema },
  /** Saves where the person is in the guide (current step, skipped steps, finished), then answers as setup:progress. */
  'setup:save': { input: SetupPlaceSchema, output: SetupProgressSchema },
} as const satisfies Record<`${string}:${string}`, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What the renderer sends (before trimming and defaults). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a main handler receives (after parsing). */
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;

/** `window.gleam`: one function per channel, grouped by domain, answering envelopes; `on` for events. */
export type GleamBridge = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer M}` ? M : never]: (
      input: ChannelInput<C>,
    ) => Promise<Envelope<ChannelOutput<C>>>;
  };
} & { on: Subscribe };

/** The renderer's api: the same shape, answering values and throwing AppError. */
export type GleamApi = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer M}` ? M : never]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  };
} & { on: Subscribe };

/** Splits `domain:method`; used to build the nested bridge and api objects from CHANNELS. */
export function splitChannel(channel: Channel): [domain: Domain, method: string] {
  const [domain, method] = channel.split(':') as [Domain, string];
  return [domain, method];
}
