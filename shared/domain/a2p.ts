/**
 * A2P 10DLC: what Twilio says about the account's registration for texting
 * US numbers from local (10-digit) numbers. Three things are registered, in
 * order: a business profile (Trust Hub customer profile), a brand, and a
 * campaign on the Messaging Service the texts go through.
 *
 * Main reads them from Twilio and keeps a copy, so the status answers
 * offline with an "as of" time. Each registration carries Twilio's own
 * status word and a stage that says the same in Gleam's terms, so screens
 * and checks never interpret Twilio's spelling themselves.
 */
import { z } from 'zod';
import { MessagingServiceSummarySchema } from './connection';

/**
 * `draft`: started, not submitted; `in_review`: submitted, waiting for
 * Twilio or the carriers; `failed`: refused, with Twilio's reasons;
 * `suspended`: was approved, now stopped; `withdrawn`: being deleted,
 * deleted or expired.
 */
export const REGISTRATION_STAGES = ['draft', 'in_review', 'approved', 'failed', 'suspended', 'withdrawn'] as const;
export const RegistrationStageSchema = z.enum(REGISTRATION_STAGES);
export type RegistrationStage = z.infer<typeof RegistrationStageSchema>;

/** One reason Twilio gave for refusing a registration. */
export const RegistrationIssueSchema = z.object({
  /** Twilio's error code; null when it gave none. */
  code: z.number().int().nullable(),
  /** Twilio's own words; null when it gave only a code. */
  description: z.string().nullable(),
  /** The parts of the submission at fault, as Twilio names them ("region", "MESSAGE_FLOW"). */
  fields: z.array(z.string()),
});
export type RegistrationIssue = z.infer<typeof RegistrationIssueSchema>;

const RegistrationSchema = z.object({
  sid: z.string(),
  stage: RegistrationStageSchema,
  /** Twilio's status as it sent it ("IN_REVIEW", "twilio-approved"…), for someone comparing with the Console. */
  twilioStatus: z.string(),
  issues: z.array(RegistrationIssueSchema),
  /** When Twilio last changed it (ISO); null when Twilio did not say. */
  updatedAt: z.string().nullable(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const BusinessProfileSchema = RegistrationSchema.extend({
  friendlyName: z.string(),
  /** When an approved profile has to be renewed (ISO); null when Twilio set no date. */
  validUntil: z.string().nullable(),
});
export type BusinessProfile = z.infer<typeof BusinessProfileSchema>;

export const BrandSchema = RegistrationSchema.extend({
  /** STANDARD, SOLE_PROPRIETOR…; null when Twilio did not say. */
  brandType: z.string().nullable(),
  /** How far The Campaign Registry verified the business (VERIFIED, UNVERIFIED…); null until it has. */
  identityStatus: z.string().nullable(),
  /** Twilio's one-line reason for a failed brand, besides the issues. */
  failureReason: z.string().nullable(),
});
export type Brand = z.infer<typeof BrandSchema>;

export const CampaignSchema = RegistrationSchema.extend({
  /** What the texts are for (MARKETING, CUSTOMER_CARE…); null when Twilio did not say. */
  useCase: z.string().nullable(),
  brandSid: z.string().nullable(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const A2pStatusSchema = z.object({
  /** The connected account; null when none is connected (and nothing is shown). */
  account: z.object({ friendlyName: z.string() }).nullable(),
  /** The Messaging Service set in Settings, which campaigns are registered on; null when none is set. */
  messagingService: MessagingServiceSummarySchema.nullable(),
  /** When the registrations were last read from Twilio (ISO); null: never. */
  asOf: z.string().nullable(),
  profiles: z.array(BusinessProfileSchema),
  brands: z.array(BrandSchema),
  /**
   * The campaigns of `messagingService`; null when they are not known: no
   * service is set, or it was set (or changed) after the last read.
   */
  campaigns: z.array(CampaignSchema).nullable(),
});
export type A2pStatus = z.infer<typeof A2pStatusSchema>;

/** The status when no account is connected: nothing to show, nothing read. */
export const A2P_STATUS_NOT_CONNECTED: Readonly<A2pStatus> = {
  account: null,
  messagingService: null,
  asOf: null,
  profiles: [],
  brands: [],
  campaigns: null,
};

/**
 * Whether the account can text US numbers from its local numbers, as far as
 * the saved copy knows: an approved campaign on the Messaging Service set in
 * Settings. Answered from the copy only, so it can be asked offline.
 */
export const UsSmsRegistrationSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('registered'), campaignSid: z.string(), asOf: z.string() }),
  z.object({
    state: z.literal('not_registered'),
    /**
     * `no_messaging_service`: none is set in Settings, so there is nothing to
     * register a campaign on; `no_campaign`: the service has none;
     * `campaign_not_approved`: its campaign is at `campaignStage`.
     */
    reason: z.enum(['no_messaging_service', 'no_campaign', 'campaign_not_approved']),
    campaignStage: RegistrationStageSchema.nullable(),
    /** When that was read from Twilio; null when it did not need reading (no service set). */
    asOf: z.string().nullable(),
  }),
  z.object({
    state: z.literal('unknown'),
    /** `never_read`: not read from Twilio yet; `service_not_read`: the service was set after the last read. */
    reason: z.enum(['never_read', 'service_not_read']),
  }),
]);
export type UsSmsRegistration = z.infer<typeof UsSmsRegistrationSchema>;

const CONSOLE = 'https://console.twilio.com/us1';

/** The Twilio Console pages where each step is done (the window opens console.twilio.com links in the browser). */
export const A2P_CONSOLE_PAGES = {
  onboarding: `${CONSOLE}/develop/sms/regulatory-compliance/a2p-onboarding`,
  businessProfiles: `${CONSOLE}/account/trust-hub/customer-profiles`,
  brands: `${CONSOLE}/develop/sms/regulatory-compliance/brands`,
  campaigns: `${CONSOLE}/develop/sms/regulatory-compliance/campaigns`,
} as const;

/** Twilio's page about one of its error codes. */
export const twilioErrorPage = (code: number): string => `https://www.twilio.com/docs/api/errors/${code}`;

/** Which registration a step goes by, best first: one approved beats one in review, and so on. */
const STAGE_PRECEDENCE: readonly RegistrationStage[] = [
  'approved',
  'in_review',
  'draft',
  'failed',
  'suspended',
  'withdrawn',
];

/**
 * The registration a step's status is that of: the furthest along, and of
 * equals the one Twilio changed last. An account may have several (a failed
 * brand and its resubmission, say); the step is as far as the best of them.
 */
export function leadingRegistration<T extends Registration>(registrations: readonly T[]): T | null {
  const rank = (registration: T) => STAGE_PRECEDENCE.indexOf(registration.stage);
  const newer = (a: T, b: T) => (a.updatedAt ?? '') > (b.updatedAt ?? '');
  return registrations.reduce<T | null>((best, candidate) => {
    if (best === null) return candidate;
    const byRank = rank(candidate) - rank(best);
    return byRank < 0 || (byRank === 0 && newer(candidate, best)) ? candidate : best;
  }, null);
}
