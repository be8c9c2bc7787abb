/**
 * "Why isn't my number working?": the checks Gleam runs on one number, each
 * with a status, an explanation in plain words and what to do about it.
 *
 * Main runs the checks and writes the words (as it does for errors), so the
 * renderer only shows them. A check that needs Twilio and could not reach it
 * is `unknown` with `offline` set; checks the local copy can answer still
 * answer, with `asOf` saying how old that answer is. A remedy is either a fix
 * Gleam makes itself (`doctor:fix`), the assign flow, a page of Gleam, or a
 * page of the Twilio Console for what only the person can do there.
 */
import { z } from 'zod';

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
 * with limits, or may stop soon; `unknown`: not checked, and the message says why.
 */
export const DoctorCheckStatusSchema = z.enum(['pass', 'fail', 'warning', 'unknown']);
export type DoctorCheckStatus = z.infer<typeof DoctorCheckStatusSchema>;

/** Each check's heading: what it makes sure of. */
export const DOCTOR_CHECK_TITLES: Readonly<Record<DoctorCheckId, string>> = {
  credentials: 'Twilio accepts Gleam’s credentials',
  'account-active': 'The Twilio account is active',
  'trial-limits': 'Trial account limits',
  'number-owned': 'The number is still in your Twilio account',
  'number-assigned': 'An agent answers the number',
  'agent-active': 'The agent is Active',
  'webhooks-match': 'Twilio sends calls and texts to the agent',
  'no-override': 'No TwiML App or SIP trunk takes over',
  'messaging-service': 'No Messaging Service takes over texts',
  balance: 'Enough Twilio balance',
  'us-sms-registration': 'Registered for texting US numbers (A2P 10DLC)',
};

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

/** Only Twilio Console pages: a report can never send the person anywhere else. */
const TwilioConsoleUrlSchema = z
  .string()
  .refine((url) => url.startsWith(`${TWILIO_CONSOLE_ORIGIN}/`), { message: 'Not a Twilio Console page.' });

/** Why a fix or the assign flow cannot run now (offline, not connected); null when it can. */
const BlockedReasonSchema = z.string().nullable();

export const DoctorRemedySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fix'), fix: DoctorFixSchema, label: z.string(), blockedReason: BlockedReasonSchema }),
  /** Opens the assign flow for the number (choosing the agent is the person's decision). */
  z.object({ kind: z.literal('assign'), label: z.string(), blockedReason: BlockedReasonSchema }),
  /** Opens Settings in Gleam. */
  z.object({ kind: z.literal('open-settings'), label: z.string() }),
  /** Something only the person can do, on this Twilio Console page. */
  z.object({ kind: z.literal('console'), label: z.string(), url: TwilioConsoleUrlSchema }),
]);
export type DoctorRemedy = z.infer<typeof DoctorRemedySchema>;

export const DoctorCheckSchema = z.object({
  id: DoctorCheckIdSchema,
  status: DoctorCheckStatusSchema,
  /** What Gleam found, in a sentence or two. */
  message: z.string(),
  /** Further explanation or steps, one sentence each. */
  details: z.array(z.string()),
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

export const DoctorFixResultSchema = z.object({
  /** The checks run again after the fix. */
  report: DoctorReportSchema,
  /** Why the fix did not work, when it did not. */
  fixError: z.string().nullable(),
});
export type DoctorFixResult = z.infer<typeof DoctorFixResultSchema>;
