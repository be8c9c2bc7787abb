/**
 * Agents (Gleam's AI phone agents) and the assignment of numbers to them.
 *
 * Assigning a number points its Twilio webhooks at the agent; what a number
 * had before is saved and put back when it is unassigned. An assignment is
 * `configured` when Twilio was updated, `drifted` when the last sync found
 * Twilio's configuration changed outside Gleam, and `assigning` /
 * `unassigning` while that work runs or after it failed (`error` says why;
 * retrying finishes it).
 *
 * Failures and notes are reason codes with Twilio's facts; the renderer's
 * assignments feature puts them into words.
 */
import { z } from 'zod';
import { AppErrorDataSchema } from '../errors';
import { E164Schema } from './phone-number';

export const AGENT_VOICES = ['alloy', 'aria', 'verse', 'sage', 'coral'] as const;
export const AGENT_LANGUAGES = [
  { code: 'en-US', name: 'English (US)' },
  { code: 'en-GB', name: 'English (UK)' },
  { code: 'es-US', name: 'Spanish (US)' },
  { code: 'es-ES', name: 'Spanish (Spain)' },
  { code: 'fr-FR', name: 'French' },
  { code: 'de-DE', name: 'German' },
] as const;

type LanguageCode = (typeof AGENT_LANGUAGES)[number]['code'];
const LANGUAGE_CODES = AGENT_LANGUAGES.map((language) => language.code) as [LanguageCode, ...LanguageCode[]];

export const AgentStatusSchema = z.enum(['active', 'inactive']);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

export const AgentDraftSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: 'Give the agent a name.' })
      .max(64, { message: 'At most 64 characters.' }),
    greeting: z.string().trim().max(500, { message: 'At most 500 characters.' }),
    instructions: z.string().trim().max(10_000, { message: 'At most 10,000 characters.' }),
    voice: z.enum(AGENT_VOICES),
    language: z.enum(LANGUAGE_CODES),
    status: AgentStatusSchema,
    /** Where calls go when the agent cannot answer; empty for none. */
    forwardingNumber: z.union([z.literal(''), E164Schema]),
  })
  .strict();
export type AgentDraft = z.input<typeof AgentDraftSchema>;

/** What a new agent starts as: no name yet, the default voice and language, active. */
export const EMPTY_AGENT_DRAFT: Readonly<AgentDraft> = {
  name: '',
  greeting: '',
  instructions: '',
  voice: 'alloy',
  language: 'en-US',
  status: 'active',
  forwardingNumber: '',
};

/** An agent's editable fields (of a saved agent or its stored record), e.g. to save it again with one changed. */
export function draftOf(agent: AgentDraft): AgentDraft {
  const { name, greeting, instructions, voice, language, status, forwardingNumber } = agent;
  return { name, greeting, instructions, voice, language, status, forwardingNumber };
}

export const AgentSchema = AgentDraftSchema.extend({
  id: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  numberCount: z.number(),
  /** Assigned numbers whose Twilio configuration needs attention (drifted or failed). */
  attentionCount: z.number(),
});
export type Agent = z.infer<typeof AgentSchema>;

export const AssignmentStatusSchema = z.enum(['configured', 'drifted', 'assigning', 'unassigning']);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

/**
 * The number's membership of the connected Messaging Service, as far as
 * Gleam made it: `added` (Gleam added it; unassigning removes it), `member`
 * (it was already in the service), `other-service` (Twilio refused: it is in
 * another service), `failed` (another refusal; `messagingError` says which).
 */
export const MessagingMembershipSchema = z.enum(['added', 'member', 'other-service', 'failed']);
export type MessagingMembership = z.infer<typeof MessagingMembershipSchema>;

/** A change Twilio (or Gleam) refused, with the error it failed with. */
const ChangeFailedSchema = z.object({ reason: z.literal('failed'), error: AppErrorDataSchema });

/**
 * Why a number's change did not finish, as kept with its assignment: Gleam stopped (closed or crashed) before
 * Twilio confirmed it, or it failed.
 */
export const AssignmentProblemSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('interrupted') }),
  ChangeFailedSchema,
]);
export type AssignmentProblem = z.infer<typeof AssignmentProblemSchema>;

/** Why one number of a job failed: another job was changing it, or the change failed. */
export const AssignmentFailureSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('busy') }),
  ChangeFailedSchema,
]);
export type AssignmentFailure = z.infer<typeof AssignmentFailureSchema>;

/**
 * What the person should know about a number a job did: it was already in the Messaging Service, or in
 * another one; Twilio refused to add it (it is assigned all the same); unassigning found it not assigned, or
 * released outside Gleam.
 */
export const AssignmentNoteSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.enum(['already-in-service', 'in-other-service', 'not-assigned', 'released-elsewhere']) }),
  z.object({ reason: z.literal('service-refused'), error: AppErrorDataSchema }),
]);
export type AssignmentNote = z.infer<typeof AssignmentNoteSchema>;

export const AssignmentSchema = z.object({
  agentId: z.string(),
  agentName: z.string(),
  agentStatus: AgentStatusSchema,
  status: AssignmentStatusSchema,
  error: AssignmentProblemSchema.nullable(),
  messaging: MessagingMembershipSchema.nullable(),
  /** Twilio's refusal when `messaging` is `failed`. */
  messagingError: AppErrorDataSchema.nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentActionSchema = z.enum(['assign', 'unassign', 'repair', 'adopt']);
export type AssignmentAction = z.infer<typeof AssignmentActionSchema>;

export const AssignmentOutcomeSchema = z.object({
  numberSid: z.string(),
  phoneNumber: z.string(),
  outcome: z.enum(['done', 'failed', 'cancelled']),
  /** Why it failed, when it did. */
  error: AssignmentFailureSchema.nullable(),
  /** Something that is not a failure, e.g. it was already in the Messaging Service. */
  note: AssignmentNoteSchema.nullable(),
});
export type AssignmentOutcome = z.infer<typeof AssignmentOutcomeSchema>;

export const AssignmentResultSchema = z.object({
  jobId: z.string(),
  outcomes: z.array(AssignmentOutcomeSchema),
});
export type AssignmentResult = z.infer<typeof AssignmentResultSchema>;

export const AssignmentProgressSchema = z.object({
  jobId: z.string(),
  /** Numbers finished, whatever the outcome (failed and not-started ones included). */
  done: z.number(),
  /** Of those, the ones that failed. */
  failed: z.number(),
  total: z.number(),
});
export type AssignmentProgress = z.infer<typeof AssignmentProgressSchema>;

const NOT_HTTPS = 'Enter an https:// address without a query, like https://hooks.example.com.';

/** The address as Gleam stores it, or what to fix, in words for the person who typed it. */
function normaliseWebhookBaseUrl(value: string): { url: string } | { problem: string } {
  // Checked on what was typed: `new URL` drops line breaks and tabs and reads \ as /, so it would accept them
  // and save an address other than the one on the screen.
  if (/\s/.test(value)) return { problem: 'Remove the spaces and line breaks inside the address.' };
  if (value.includes('\\')) return { problem: 'Use / instead of \\ in the address.' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: NOT_HTTPS };
  }
  if (url.protocol !== 'https:') return { problem: NOT_HTTPS };
  // It would go to Twilio inside every webhook URL, and be shown on screen as the setting.
  if (url.username !== '' || url.password !== '') {
    return { problem: 'Remove the name or password before the @. This address must not contain one.' };
  }
  // On what was typed, again: a bare `?` or `#` parses to an empty `search` / `hash` yet stays in `href`, and the
  // agent's paths added after it would land in the query or fragment.
  if (value.includes('?')) {
    return { problem: 'Remove the ? and everything after it. Gleam adds the rest of the address itself.' };
  }
  if (value.includes('#')) {
    return { problem: 'Remove the # and everything after it. Gleam adds the rest of the address itself.' };
  }
  // Without trailing slashes (`href` ends in one for a bare host), so the default typed out is the default itself,
  // and the agent's paths follow exactly one slash.
  return { url: url.href.replace(/\/+$/, '') };
}

/**
 * The webhook base URL: https only, no name or password, query or fragment; the agent's paths are added to it.
 * What it parses to is the normalised address (lower-case host, punycode, default port and dot segments gone,
 * percent-encoded), which is what is stored.
 */
export const WebhookBaseUrlSchema = z
  .string()
  .trim()
  .max(200, { message: 'This address is too long: use at most 200 characters.' })
  .transform((value, ctx) => {
    const normalised = normaliseWebhookBaseUrl(value);
    if ('url' in normalised) return normalised.url;
    ctx.addIssue({ code: 'custom', message: normalised.problem });
    return z.NEVER;
  });
