/**
 * The account's A2P 10DLC registrations, read from Twilio: business
 * profiles (Trust Hub customer profiles), brand registrations, and the
 * campaigns of a Messaging Service. Read as JSON through TwilioRest and
 * mapped to what the local copy keeps: the status as Twilio wrote it, what
 * the A2P section shows, and why Twilio refused it.
 *
 * Twilio lists refusals as `errors` of no declared shape: brands and
 * campaigns send `{ error_code, description, fields, url }`, Trust Hub sends
 * `{ code }`. Both are read; anything else is left out rather than failing
 * the whole read.
 */
import { z } from 'zod';
import type { RegistrationIssue, RegistrationStage } from '../../../shared/domain/a2p';
import type {
  BrandRecord,
  BusinessProfileRecord,
  CampaignRecord,
  RegistrationRecord,
} from '../domain/a2p-registrations';
import { eachPage, type TwilioRest } from './rest';

export interface A2pApi {
  listBusinessProfiles(signal: AbortSignal): Promise<BusinessProfileRecord[]>;
  listBrandRegistrations(signal: AbortSignal): Promise<BrandRecord[]>;
  /** The campaigns registered on one Messaging Service. */
  listCampaigns(messagingServiceSid: string, signal: AbortSignal): Promise<CampaignRecord[]>;
}

export type RegistrationKind = 'profile' | 'brand' | 'campaign';

const TRUSTHUB_V1 = 'https://trusthub.twilio.com/v1';
const MESSAGING_V1 = 'https://messaging.twilio.com/v1';
const PAGE_SIZE = '1000';

/**
 * Gleam's stage for each status Twilio documents. A status not listed (the
 * campaign status is free text) counts as still in review: Twilio has not
 * said yes, nor said why not.
 */
const STAGES: Readonly<Record<RegistrationKind, Readonly<Record<string, RegistrationStage>>>> = {
  profile: {
    draft: 'draft',
    'pending-review': 'in_review',
    'in-review': 'in_review',
    'twilio-approved': 'approved',
    'twilio-rejected': 'failed',
  },
  brand: {
    PENDING: 'in_review',
    IN_REVIEW: 'in_review',
    APPROVED: 'approved',
    FAILED: 'failed',
    SUSPENDED: 'suspended',
    DELETION_PENDING: 'withdrawn',
    DELETION_FAILED: 'withdrawn',
  },
  campaign: {
    PENDING: 'in_review',
    IN_PROGRESS: 'in_review',
    VERIFIED: 'approved',
    FAILED: 'failed',
    SUSPENDED: 'suspended',
    EXPIRED: 'withdrawn',
    DELETED: 'withdrawn',
  },
};

/** Where a registration stands, from Twilio's status word. */
export function registrationStage(kind: RegistrationKind, twilioStatus: string): RegistrationStage {
  return STAGES[kind][twilioStatus] ?? 'in_review';
}

const issueResource = z.object({
  error_code: z.number().int().optional(),
  code: z.number().int().optional(),
  description: z.string().optional(),
  fields: z.array(z.string()).optional(),
});

function issuesOf(errors: readonly unknown[] | null): RegistrationIssue[] {
  return (errors ?? []).flatMap((error) => {
    const parsed = issueResource.safeParse(error);
    if (!parsed.success) return [];
    const { error_code: errorCode, code, description, fields } = parsed.data;
    const issue = { code: errorCode ?? code ?? null, description: description?.trim() || null, fields: fields ?? [] };
    // An entry that says neither what nor why tells the person nothing.
    return issue.code === null && issue.description === null ? [] : [issue];
  });
}

/** A v1 date as ISO; null when absent or unreadable. */
function isoOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const registrationResource = z.object({
  sid: z.string(),
  errors: z.array(z.unknown()).nullish(),
  date_updated: z.string().nullish(),
});

const profileResource = registrationResource.extend({
  status: z.string(),
  friendly_name: z.string().nullish(),
  valid_until: z.string().nullish(),
});

const brandResource = registrationResource.extend({
  status: z.string(),
  brand_type: z.string().nullish(),
  identity_status: z.string().nullish(),
  failure_reason: z.string().nullish(),
});

const campaignResource = registrationResource.extend({
  campaign_status: z.string().nullish(),
  us_app_to_person_usecase: z.string().nullish(),
  brand_registration_sid: z.string().nullish(),
});

const registrationOf = (resource: z.output<typeof registrationResource>, twilioStatus: string): RegistrationRecord => ({
  sid: resource.sid,
  twilioStatus,
  issues: issuesOf(resource.errors ?? null),
  updatedAt: isoOf(resource.date_updated),
});

const v1Paging = z.object({ meta: z.object({ next_page_url: z.string().nullable() }) });

/** Reads a v1 list page whose items are under `key`, for eachPage. */
function v1ListOf<Item extends z.ZodType>(key: string, item: Item) {
  const itemsField = z.object({ [key]: z.array(item) });
  return (body: unknown) => ({
    items: itemsField.parse(body)[key] ?? [],
    nextPageUri: v1Paging.parse(body).meta.next_page_url,
  });
}

const profilePage = v1ListOf('results', profileResource);
const brandPage = v1ListOf('data', brandResource);
const campaignPage = v1ListOf('compliance', campaignResource);

/** Every item of a v1 list, mapped. */
async function listAll<Resource, Mapped>(
  rest: TwilioRest,
  url: string,
  parsePage: (body: unknown) => { items: Resource[]; nextPageUri: string | null },
  recordOf: (resource: Resource) => Mapped,
  signal: AbortSignal,
): Promise<Mapped[]> {
  const records: Mapped[] = [];
  await eachPage(
    rest,
    { path: url, query: { PageSize: PAGE_SIZE } },
    parsePage,
    (items) => {
      records.push(...items.map(recordOf));
    },
    signal,
  );
  return records;
}

export function createA2pApi(rest: TwilioRest): A2pApi {
  return {
    listBusinessProfiles: (signal) =>
      listAll(
        rest,
        `${TRUSTHUB_V1}/CustomerProfiles`,
        profilePage,
        (profile) => ({
          ...registrationOf(profile, profile.status),
          friendlyName: profile.friendly_name ?? '',
          validUntil: isoOf(profile.valid_until),
        }),
        signal,
      ),

    listBrandRegistrations: (signal) =>
      listAll(
        rest,
        `${MESSAGING_V1}/a2p/BrandRegistrations`,
        brandPage,
        (brand) => ({
          ...registrationOf(brand, brand.status),
          brandType: brand.brand_type ?? null,
          identityStatus: brand.identity_status ?? null,
          failureReason: brand.failure_reason?.trim() || null,
        }),
        signal,
      ),

    listCampaigns: (messagingServiceSid, signal) =>
      listAll(
        rest,
        `${MESSAGING_V1}/Services/${encodeURIComponent(messagingServiceSid)}/Compliance/Usa2p`,
        campaignPage,
        (campaign) => ({
          // Twilio leaves the status empty only before it has looked at the campaign.
          ...registrationOf(campaign, campaign.campaign_status ?? 'PENDING'),
          useCase: campaign.us_app_to_person_usecase ?? null,
          brandSid: campaign.brand_registration_sid ?? null,
        }),
        signal,
      ),
  };
}
