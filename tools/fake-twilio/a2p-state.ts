/**
 * The fake's A2P 10DLC registrations: Trust Hub business profiles (customer
 * profiles), brand registrations and the campaigns registered on Messaging
 * Services. The app only reads them, so they are seeded and later "reviewed
 * by Twilio" through the control API. FakeState holds one store and resets it
 * with everything else; records are replaced, never mutated, like FakeState's
 * own.
 */
import type {
  BrandIdentityStatus,
  BrandPatch,
  BrandStatus,
  CampaignPatch,
  CustomerProfilePatch,
  CustomerProfileStatus,
  RegistrationErrorInput,
  SeedBrandRequest,
  SeedCampaignRequest,
  SeedCustomerProfileRequest,
} from './control-schema';
import { byCreation, definedOnly, randomHex32, wholeSeconds } from './record-util';

/** Why Twilio refused a brand or a campaign. */
export interface FakeRegistrationError {
  readonly code: number;
  readonly description: string;
  readonly fields: readonly string[];
}

export interface FakeBrand {
  readonly sid: string;
  readonly accountSid: string;
  readonly status: BrandStatus;
  readonly brandType: string;
  readonly identityStatus: BrandIdentityStatus | null;
  readonly failureReason: string | null;
  readonly errors: readonly FakeRegistrationError[];
  readonly tcrId: string | null;
  readonly brandScore: number | null;
  readonly customerProfileBundleSid: string;
  readonly a2pProfileBundleSid: string;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

/** A US A2P campaign: Twilio's "US App to Person" compliance resource of one Messaging Service. */
export interface FakeCampaign {
  readonly sid: string;
  readonly accountSid: string;
  readonly messagingServiceSid: string;
  readonly brandRegistrationSid: string | null;
  /** Free text on the wire: IN_PROGRESS, VERIFIED, FAILED… */
  readonly status: string;
  readonly campaignId: string | null;
  readonly useCase: string;
  readonly description: string;
  readonly errors: readonly FakeRegistrationError[];
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

export interface FakeCustomerProfile {
  readonly sid: string;
  readonly accountSid: string;
  readonly policySid: string;
  readonly friendlyName: string;
  readonly email: string;
  readonly status: CustomerProfileStatus;
  /** Trust Hub names only the codes of what it rejected. */
  readonly errors: readonly { readonly code: number }[];
  readonly validUntil: Date | null;
  readonly dateCreated: Date;
  readonly dateUpdated: Date;
}

/** What the store needs of the FakeState that holds it. */
export interface A2pStoreHost {
  now(): Date;
  /** Throws the FakeStateError a fixture gets for an account that does not exist. */
  requireAccount(accountSid: string): void;
  /** Throws the FakeStateError a fixture gets unless the service exists and belongs to the account. */
  requireServiceOf(accountSid: string, serviceSid: string): void;
}

/** Twilio's policy for a secondary customer profile: the business profile an A2P brand is built on. */
const SECONDARY_CUSTOMER_PROFILE_POLICY = 'RNdfbf3fae0e1107f8aded0e7cead80bf5';

const SAMPLE_CAMPAIGN_DESCRIPTION = 'Appointment reminders and replies to customers who text the business.';

const errorsOf = (inputs: readonly RegistrationErrorInput[]): FakeRegistrationError[] =>
  inputs.map((input) => ({ code: input.code, description: input.description, fields: input.fields ?? [] }));

const validUntilOf = (timestamp: string | null) => (timestamp === null ? null : wholeSeconds(new Date(timestamp)));

/** Twilio reviewing a record: the changes, stamped as updated now; undefined when there is no such record. */
function review<T extends { dateUpdated: Date }>(
  records: Map<string, T>,
  sid: string,
  changes: Partial<T>,
  now: Date,
): T | undefined {
  const current = records.get(sid);
  if (!current) return undefined;
  const updated: T = { ...current, ...definedOnly(changes), dateUpdated: wholeSeconds(now) };
  records.set(sid, updated);
  return updated;
}

export class A2pStore {
  private readonly host: A2pStoreHost;
  private brands = new Map<string, FakeBrand>();
  private campaigns = new Map<string, FakeCampaign>();
  private profiles = new Map<string, FakeCustomerProfile>();

  constructor(host: A2pStoreHost) {
    this.host = host;
  }

  // ----- brands -----

  seedBrand(input: SeedBrandRequest): FakeBrand {
    this.host.requireAccount(input.accountSid);
    const created = wholeSeconds(this.host.now());
    const brand: FakeBrand = {
      sid: `BN${randomHex32()}`,
      accountSid: input.accountSid,
      status: input.status ?? 'PENDING',
      brandType: input.brandType ?? 'STANDARD',
      identityStatus: input.identityStatus ?? null,
      failureReason: input.failureReason ?? null,
      errors: errorsOf(input.errors ?? []),
      tcrId: input.tcrId ?? null,
      brandScore: input.brandScore ?? null,
      customerProfileBundleSid: input.customerProfileBundleSid ?? `BU${randomHex32()}`,
      a2pProfileBundleSid: input.a2pProfileBundleSid ?? `BU${randomHex32()}`,
      dateCreated: created,
      dateUpdated: created,
    };
    this.brands.set(brand.sid, brand);
    return brand;
  }

  getBrand(sid: string): FakeBrand | undefined {
    return this.brands.get(sid);
  }

  brandsOf(accountSid: string): FakeBrand[] {
    return [...this.brands.values()].filter((brand) => brand.accountSid === accountSid).sort(byCreation);
  }

  /** undefined when there is no such brand. */
  updateBrand(sid: string, patch: BrandPatch): FakeBrand | undefined {
    const { errors, ...rest } = patch;
    return review(this.brands, sid, { ...rest, errors: errors && errorsOf(errors) }, this.host.now());
  }

  // ----- campaigns -----

  seedCampaign(input: SeedCampaignRequest): FakeCampaign {
    this.host.requireServiceOf(input.accountSid, input.messagingServiceSid);
    const created = wholeSeconds(this.host.now());
    const campaign: FakeCampaign = {
      sid: `QE${randomHex32()}`,
      accountSid: input.accountSid,
      messagingServiceSid: input.messagingServiceSid,
      brandRegistrationSid: input.brandRegistrationSid ?? null,
      status: input.status ?? 'IN_PROGRESS',
      campaignId: input.campaignId ?? null,
      useCase: input.useCase ?? 'CUSTOMER_CARE',
      description: input.description ?? SAMPLE_CAMPAIGN_DESCRIPTION,
      errors: errorsOf(input.errors ?? []),
      dateCreated: created,
      dateUpdated: created,
    };
    this.campaigns.set(campaign.sid, campaign);
    return campaign;
  }

  getCampaign(sid: string): FakeCampaign | undefined {
    return this.campaigns.get(sid);
  }

  campaignsOf(messagingServiceSid: string): FakeCampaign[] {
    return [...this.campaigns.values()]
      .filter((campaign) => campaign.messagingServiceSid === messagingServiceSid)
      .sort(byCreation);
  }

  /** undefined when there is no such campaign. */
  updateCampaign(sid: string, patch: CampaignPatch): FakeCampaign | undefined {
    const { errors, ...rest } = patch;
    return review(this.campaigns, sid, { ...rest, errors: errors && errorsOf(errors) }, this.host.now());
  }

  // ----- business profiles -----

  seedCustomerProfile(input: SeedCustomerProfileRequest): FakeCustomerProfile {
    this.host.requireAccount(input.accountSid);
    const created = wholeSeconds(this.host.now());
    const profile: FakeCustomerProfile = {
      sid: `BU${randomHex32()}`,
      accountSid: input.accountSid,
      policySid: input.policySid ?? SECONDARY_CUSTOMER_PROFILE_POLICY,
      friendlyName: input.friendlyName ?? 'My business profile',
      email: input.email ?? 'owner@example.com',
      status: input.status ?? 'draft',
      errors: input.errors ?? [],
      validUntil: validUntilOf(input.validUntil ?? null),
      dateCreated: created,
      dateUpdated: created,
    };
    this.profiles.set(profile.sid, profile);
    return profile;
  }

  customerProfilesOf(accountSid: string): FakeCustomerProfile[] {
    return [...this.profiles.values()].filter((profile) => profile.accountSid === accountSid).sort(byCreation);
  }

  /** undefined when there is no such profile. */
  updateCustomerProfile(sid: string, patch: CustomerProfilePatch): FakeCustomerProfile | undefined {
    const { validUntil, ...rest } = patch;
    const validity = validUntil === undefined ? {} : { validUntil: validUntilOf(validUntil) };
    return review(this.profiles, sid, { ...rest, ...validity }, this.host.now());
  }

  /** Back to no registrations. */
  reset(): void {
    this.brands = new Map();
    this.campaigns = new Map();
    this.profiles = new Map();
  }
}
