/**
 * "Why isn't my number working?": the checks Gleam runs on one number, each
 * with a status, what it found and what to do about it.
 *
 * Main runs the checks and answers with findings: which outcome, and only the
 * facts its words need (the agent's name, the balance, Twilio's error, ...).
 * The renderer's doctor feature puts them into words. A check that needs
 * Twilio and could not reach it is `unknown` with `offline` set; checks the
 * local copy can answer still answer, with `asOf` saying how old that answer
 * is. A remedy is either a fix Gleam makes itself (`doctor:fix`), the assign
 * flow, a page of Gleam, or a page of the Twilio Console for what only the
 * person can do there.
 */
import { z } from 'zod';
import { AppErrorDataSchema } from '../errors';
import { AssignmentFailureSchema, AssignmentProblemSchema } from './agents';
import { AccountStatusSchema } from './connection';
import type { NumberConfigurationKey } from './number-configuration';

export const DOCTOR_CHECK_IDS = [
  'credentials',
  'account-active',
  'trial-limits',
  'number-owned',
  'number-assigned',
  'agent-active',
  'webhooks-match',
  'no-override',
  'messaging-service',
  'balance',
  'us-sms-registration',
] as const;
export const DoctorCheckIdSchema = z.enum(DOCTOR_CHECK_IDS);
export type DoctorCheckId = z.infer<typeof DoctorCheckIdSchema>;

/**
 * `pass`: nothing to do; `fail`: this stops calls or texts; `warning`: works
 * with limits, or may stop soon; `unknown`: not checked, and the finding says why.
 */
export const DoctorCheckStatusSchema = z.enum(['pass', 'fail', 'warning', 'unknown']);
export type DoctorCheckStatus = z.infer<typeof DoctorCheckStatusSchema>;

/** The fixes Gleam can make itself, through `doctor:fix`. */
export const DOCTOR_FIXES = ['activate-agent', 'repair-webhooks', 'use-number-sms-webhook'] as const;
export const DoctorFixSchema = z.enum(DOCTOR_FIXES);
export type DoctorFix = z.infer<typeof DoctorFixSchema>;

const TWILIO_CONSOLE_ORIGIN = 'https://console.twilio.com';

/** Twilio Console pages the remedies link to (the window opens console.twilio.com links in the browser). */
export const TWILIO_CONSOLE_PAGES = {
  dashboard: `${TWILIO_CONSOLE_ORIGIN}/`,
  billing: `${TWILIO_CONSOLE_ORIGIN}/us1/billing/manage-billing/billing-overview`,
  upgrade: `${TWILIO_CONSOLE_ORIGIN}/us1/billing/manage-billing/upgrade`,
  verifiedCallers: `${TWILIO_CONSOLE_ORIGIN}/us1/develop/phone-numbers/manage/verified`,
  activeNumbers: `${TWILIO_CONSOLE_ORIGIN}/us1/develop/phone-numbers/manage/incoming`,
  messagingServices: `${TWILIO_CONSOLE_ORIGIN}/us1/develop/sms/services`,
} as const;

/** The Console page where one number's calls and texts are configured. */
export const twilioConsoleNumberPage = (numberSid: string): string =>
  `${TWILIO_CONSOLE_PAGES.activeNumbers}/${encodeURIComponent(numberSid)}/configure`;

/** Which Console page a remedy links to: one of TWILIO_CONSOLE_PAGES, or the number's own page. */
export const TwilioConsolePageSchema = z.enum([
  'dashboard',
  'billing',
  'upgrade',
  'verifiedCallers',
  'activeNumbers',
  'messagingServices',
  'number',
] as const satisfies readonly (keyof typeof TWILIO_CONSOLE_PAGES | 'number')[]);
export type TwilioConsolePage = z.infer<typeof TwilioConsolePageSchema>;

/** Only Twilio Console pages: a report can never send the person anywhere else. */
const TwilioConsoleUrlSchema = z
  .string()
  .refine((url) => url.startsWith(`${TWILIO_CONSOLE_ORIGIN}/`), { message: 'Not a Twilio Console page.' });

/**
 * Why a fix or the assign flow cannot run now (null when it can): the account is not active, no account or
 * another one is connected, Twilio refuses the saved credentials, this computer is offline, or Twilio cannot
 * be reached.
 */
export const DoctorBlockedReasonSchema = z.enum([
  'account-inactive',
  'not-connected',
  'other-account',
  'credentials-refused',
  'offline',
  'twilio-unreachable',
]);
export type DoctorBlockedReason = z.infer<typeof DoctorBlockedReasonSchema>;

export const DoctorRemedySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fix'), fix: DoctorFixSchema, blockedReason: DoctorBlockedReasonSchema.nullable() }),
  /** Opens the assign flow for the number (choosing the agent is the person's decision). */
  z.object({ kind: z.literal('assign'), blockedReason: DoctorBlockedReasonSchema.nullable() }),
  /** Opens Settings in Gleam. */
  z.object({ kind: z.literal('open-settings') }),
  /** Something only the person can do, on this Twilio Console page. */
  z.object({ kind: z.literal('console'), page: TwilioConsolePageSchema, url: TwilioConsoleUrlSchema }),
]);
export type DoctorRemedy = z.infer<typeof DoctorRemedySchema>;

/**
 * Why a check was not run: what stops Gleam from asking Twilio (as for a blocked remedy), Twilio's error when
 * it was asked and failed, or what the check needs and the number lacks.
 */
export const DoctorNotCheckedSchema = z.discriminatedUnion('reason', [
  z.object({
    reason: z.enum([
      'account-inactive',
      'not-connected',
      'other-account',
      'credentials-refused',
      'offline',
      'no-agent',
      'no-agent-to-compare',
      'number-not-in-account',
    ]),
  }),
  z.object({ reason: z.literal('twilio-error'), error: AppErrorDataSchema }),
]);
export type DoctorNotChecked = z.infer<typeof DoctorNotCheckedSchema>;

/** What the local copy said when Twilio could not be asked: the account's status, or that the number was owned. */
const LastKnownSchema = z.discriminatedUnion('fact', [
  z.object({ fact: z.literal('account-status'), status: AccountStatusSchema }),
  z.object({ fact: z.literal('number-owned') }),
]);
export type DoctorLastKnown = z.infer<typeof LastKnownSchema>;

/** The webhook fields whose drift the doctor names: each of them carries calls, texts or their status updates. */
export const DoctorWebhookFieldSchema = z.enum([
  'voiceUrl',
  'voiceMethod',
  'smsUrl',
  'smsMethod',
  'statusCallback',
  'statusCallbackMethod',
  'voiceFallbackUrl',
  'voiceFallbackMethod',
] as const satisfies readonly NumberConfigurationKey[]);
export type DoctorWebhookField = z.infer<typeof DoctorWebhookFieldSchema>;

/** The fields that, set, take a number's calls or texts away from its webhooks. */
export const DoctorOverrideFieldSchema = z.enum([
  'voiceApplicationSid',
  'smsApplicationSid',
  'trunkSid',
] as const satisfies readonly NumberConfigurationKey[]);

const AmountSchema = z.object({ amount: z.string(), currency: z.string() });
const AgentNameSchema = z.string();

/**
 * What one check found: one variant per outcome, with the facts its words need. The check's `id` says which
 * check; `not-checked` is any check's, the others belong to one check each.
 */
export const DoctorFindingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-checked'), why: DoctorNotCheckedSchema, lastKnown: LastKnownSchema.nullable() }),
  // credentials
  /** `accountName` null: Twilio did not say which account (it refuses everything while it is not active). */
  z.object({ kind: z.literal('credentials-accepted'), accountName: z.string().nullable() }),
  z.object({ kind: z.literal('no-account-connected') }),
  z.object({ kind: z.literal('other-account-connected') }),
  z.object({ kind: z.literal('credentials-refused') }),
  // account-active
  z.object({ kind: z.literal('account-active') }),
  /** `status` as Twilio gave it; null when it did not say (it refuses everything while the account is not active). */
  z.object({ kind: z.literal('account-inactive'), status: AccountStatusSchema.nullable() }),
  // trial-limits
  z.object({ kind: z.literal('full-account') }),
  z.object({ kind: z.literal('trial-account') }),
  // number-owned
  z.object({ kind: z.literal('number-owned') }),
  z.object({ kind: z.literal('number-released') }),
  // number-assigned
  z.object({ kind: z.literal('no-agent') }),
  z.object({ kind: z.literal('agent-answers'), agentName: AgentNameSchema }),
  /** Being set up for the agent; `problem` is why it did not finish, when it did not. */
  z.object({ kind: z.literal('assigning'), agentName: AgentNameSchema, problem: AssignmentProblemSchema.nullable() }),
  /** Being taken away from the agent; `problem` as for `assigning`. */
  z.object({
    kind: z.literal('unassigning'),
    agentName: AgentNameSchema,
    problem: AssignmentProblemSchema.nullable(),
  }),
  // agent-active
  z.object({ kind: z.literal('agent-active'), agentName: AgentNameSchema }),
  z.object({ kind: z.literal('agent-inactive'), agentName: AgentNameSchema }),
  // webhooks-match
  z.object({ kind: z.literal('webhooks-match'), agentName: AgentNameSchema }),
  /** The fields Twilio has otherwise than the agent needs, in the order webhooks.ts manages them. */
  z.object({
    kind: z.literal('webhooks-elsewhere'),
    agentName: AgentNameSchema,
    fields: z.array(DoctorWebhookFieldSchema),
  }),
  // no-override
  z.object({ kind: z.literal('no-override') }),
  /** `agentName` null: no agent answers the number. */
  z.object({
    kind: z.literal('override'),
    fields: z.array(DoctorOverrideFieldSchema),
    agentName: AgentNameSchema.nullable(),
  }),
  // messaging-service
  z.object({ kind: z.literal('cannot-receive-texts') }),
  z.object({ kind: z.literal('too-many-services') }),
  z.object({ kind: z.literal('in-no-service') }),
  z.object({ kind: z.literal('service-defers'), serviceName: z.string() }),
  /** The service answers texts itself; `connectedService`: it is the one set in Settings, which Gleam may change. */
  z.object({
    kind: z.literal('service-answers'),
    serviceName: z.string(),
    agentName: AgentNameSchema.nullable(),
    connectedService: z.boolean(),
  }),
  // balance
  z.object({ kind: z.literal('balance-empty'), balance: AmountSchema }),
  z.object({ kind: z.literal('balance-below-fee'), balance: AmountSchema, monthlyFee: AmountSchema }),
  z.object({ kind: z.literal('balance-ok'), balance: AmountSchema }),
  z.object({ kind: z.literal('subaccount') }),
  // us-sms-registration
  z.object({ kind: z.literal('cannot-send-texts') }),
  z.object({ kind: z.literal('not-a-us-number') }),
  z.object({ kind: z.literal('campaign-approved') }),
  /** The registration was never read, or not since the Messaging Service changed. */
  z.object({ kind: z.literal('registration-not-read'), reason: z.enum(['never_read', 'service_not_read']) }),
  z.object({ kind: z.literal('registration-no-service') }),
  z.object({ kind: z.literal('no-campaign') }),
  z.object({ kind: z.literal('campaign-waiting') }),
  z.object({ kind: z.literal('campaign-not-approved') }),
]);
export type DoctorFinding = z.infer<typeof DoctorFindingSchema>;

export const DoctorCheckSchema = z.object({
  id: DoctorCheckIdSchema,
  status: DoctorCheckStatusSchema,
  finding: DoctorFindingSchema,
  /** Not checked because Twilio could not be reached from this computer. */
  offline: z.boolean(),
  /** When the answer comes from the local copy rather than from Twilio just now: as of when (ISO time). */
  asOf: z.string().nullable(),
  remedies: z.array(DoctorRemedySchema),
});
export type DoctorCheck = z.infer<typeof DoctorCheckSchema>;

export const DoctorReportSchema = z.object({
  numberSid: z.string(),
  phoneNumber: z.string(),
  checkedAt: z.string(),
  /** Twilio could not be reached because this computer is offline. */
  offline: z.boolean(),
  checks: z.array(DoctorCheckSchema),
});
export type DoctorReport = z.infer<typeof DoctorReportSchema>;

/**
 * Why a fix did not work: no agent answers the number (to set Active), no Messaging Service is set, the
 * repair was stopped before it finished, or why the repair's assignment job failed (another task was changing
 * the number, or the error it failed with; any other fix's error too).
 */
export const DoctorFixErrorSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.enum(['no-agent', 'no-messaging-service', 'repair-stopped']) }),
  ...AssignmentFailureSchema.options,
]);
export type DoctorFixError = z.infer<typeof DoctorFixErrorSchema>;

export const DoctorFixResultSchema = z.object({
  /** The checks run again after the fix. */
  report: DoctorReportSchema,
  /** Why the fix did not work, when it did not. */
  fixError: DoctorFixErrorSchema.nullable(),
});
export type DoctorFixResult = z.infer<typeof DoctorFixResultSchema>;
