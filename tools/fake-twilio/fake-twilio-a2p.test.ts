/**
 * The fake's A2P 10DLC registrations: brand registrations and a Messaging
 * Service's campaigns on the messaging host, business profiles on the Trust
 * Hub host, each list paged as Twilio pages v1 lists, each scoped to the
 * caller's account; and the control API that seeds them and plays Twilio
 * reviewing them later. Driven through the official `twilio` package where
 * it proves the shapes, raw HTTP where the exact wire is under test.
 */
import { describe, expect, it } from 'vitest';
import { FakeTwilioControlError, type SeededAccount } from './control-client';
import { jsonOf, rejectionOf, useFakeTwilio } from './test-kit';

// Property names of the official schemas (twilio-oai), copied so this suite runs without the specs;
// the contract suite checks the full schemas through Prism.
/** `messaging.v1.brand_registrations` */
const BRAND_KEYS = [
  'sid',
  'account_sid',
  'customer_profile_bundle_sid',
  'a2p_profile_bundle_sid',
  'date_created',
  'date_updated',
  'brand_type',
  'status',
  'tcr_id',
  'failure_reason',
  'errors',
  'url',
  'brand_score',
  'brand_feedback',
  'identity_status',
  'russell_3000',
  'government_entity',
  'tax_exempt_status',
  'skip_automatic_sec_vet',
  'mock',
  'links',
];
/** `messaging.v1.service.us_app_to_person`, which allows no other property. */
const CAMPAIGN_KEYS = [
  'sid',
  'account_sid',
  'brand_registration_sid',
  'messaging_service_sid',
  'description',
  'message_samples',
  'us_app_to_person_usecase',
  'has_embedded_links',
  'has_embedded_phone',
  'subscriber_opt_in',
  'age_gated',
  'direct_lending',
  'campaign_status',
  'campaign_id',
  'is_externally_registered',
  'rate_limits',
  'message_flow',
  'opt_in_message',
  'opt_out_message',
  'help_message',
  'opt_in_keywords',
  'opt_out_keywords',
  'help_keywords',
  'date_created',
  'date_updated',
  'url',
  'mock',
  'errors',
];
/** `trusthub.v1.customer_profile` */
const PROFILE_KEYS = [
  'sid',
  'account_sid',
  'policy_sid',
  'friendly_name',
  'status',
  'valid_until',
  'email',
  'status_callback',
  'date_created',
  'date_updated',
  'url',
  'links',
  'errors',
];
const V1_META_KEYS = ['page', 'page_size', 'first_page_url', 'previous_page_url', 'url', 'next_page_url', 'key'];
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MESSAGING = 'https://messaging.twilio.com/v1';
const TRUSTHUB = 'https://trusthub.twilio.com/v1';

const kit = useFakeTwilio();
const { clientFor, raw } = kit;

const messaging = (account: SeededAccount, path: string) => raw('messaging.twilio.com', path, { credentials: account });
const trustHub = (account: SeededAccount, path: string) => raw('trusthub.twilio.com', path, { credentials: account });

const sortedKeys = (value: unknown) => Object.keys(value as Record<string, unknown>).sort();
const itemsOf = (body: Record<string, unknown>, key: string) => body[key] as Record<string, unknown>[];

/** Twilio's order for these lists: oldest first, ties (the same second) broken by SID. */
const inListOrder = <T extends { sid: string; dateCreated: string }>(records: T[]) =>
  [...records].sort((a, b) => a.dateCreated.localeCompare(b.dateCreated) || (a.sid < b.sid ? -1 : 1));

const REGION_ERROR = {
  code: 30701,
  description: 'Invalid State/Region/Province. Use the two-letter code, such as CA.',
  fields: ['region'],
};

async function accountWithService() {
  const account = await kit.control.seedAccount();
  const service = await kit.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Front desk' });
  return { account, service };
}

describe('brand registrations', () => {
  it('puts exactly the spec fields on the wire, with ISO dates, links and Twilio’s error shape', async () => {
    const account = await kit.control.seedAccount();
    const brand = await kit.control.seedBrand(account.sid, {
      status: 'FAILED',
      failureReason: 'Registration error',
      errors: [REGION_ERROR],
    });

    const response = await messaging(account, '/v1/a2p/BrandRegistrations');
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual(['data', 'meta']);
    expect(sortedKeys(body.meta)).toEqual([...V1_META_KEYS].sort());
    expect(body.meta).toMatchObject({ key: 'data', url: `${MESSAGING}/a2p/BrandRegistrations?PageSize=50&Page=0` });
    const [item] = itemsOf(body, 'data');
    expect(sortedKeys(item)).toEqual([...BRAND_KEYS].sort());
    expect(item).toMatchObject({
      sid: brand.sid,
      account_sid: account.sid,
      status: 'FAILED',
      brand_type: 'STANDARD',
      identity_status: null,
      failure_reason: 'Registration error',
      tcr_id: null,
      url: `${MESSAGING}/a2p/BrandRegistrations/${brand.sid}`,
      errors: [
        {
          url: 'https://www.twilio.com/docs/api/errors/30701',
          error_code: 30701,
          description: REGION_ERROR.description,
          fields: ['region'],
        },
      ],
      links: {
        brand_vettings: `${MESSAGING}/a2p/BrandRegistrations/${brand.sid}/Vettings`,
        brand_registration_otps: `${MESSAGING}/a2p/BrandRegistrations/${brand.sid}/SmsOtp`,
      },
    });
    expect(item?.date_created).toMatch(ISO_8601);
    expect(item?.customer_profile_bundle_sid).toMatch(/^BU[0-9a-f]{32}$/);
  });

  it('lists and fetches through the twilio package, following every page', async () => {
    const account = await kit.control.seedAccount();
    const seeded = [];
    for (const status of ['APPROVED', 'PENDING', 'IN_REVIEW'] as const) {
      seeded.push(await kit.control.seedBrand(account.sid, { status, brandType: 'SOLE_PROPRIETOR' }));
    }
    const brands = clientFor(account).messaging.v1.brandRegistrations;

    const listed = await brands.list({ pageSize: 1 });
    expect(listed.map((brand) => [brand.sid, brand.status, brand.brandType])).toEqual(
      inListOrder(seeded).map((brand) => [brand.sid, brand.status, 'SOLE_PROPRIETOR']),
    );
    const pages = await kit.control.requests({ accountSid: account.sid, pathIncludes: '/a2p/BrandRegistrations' });
    expect(pages).toHaveLength(3);

    const [approved] = seeded;
    await expect(brands(approved?.sid ?? '').fetch()).resolves.toMatchObject({
      sid: approved?.sid,
      status: 'APPROVED',
    });
  });

  it("answers 404 / 20404 for another account's brand and an unknown one, and lists only the caller's", async () => {
    const account = await kit.control.seedAccount();
    const other = await kit.control.seedAccount();
    const theirs = await kit.control.seedBrand(other.sid);

    for (const sid of [theirs.sid, `BN${'0'.repeat(32)}`]) {
      const response = await messaging(account, `/v1/a2p/BrandRegistrations/${sid}`);
      expect(response.status).toBe(404);
      expect(await jsonOf(response)).toMatchObject({ code: 20404, status: 404 });
    }
    expect(itemsOf(await jsonOf(await messaging(account, '/v1/a2p/BrandRegistrations')), 'data')).toEqual([]);
  });

  it('shows a review Twilio made later, and keeps what the patch leaves out', async () => {
    const account = await kit.control.seedAccount();
    const brand = await kit.control.seedBrand(account.sid, { failureReason: 'Registration error' });

    const reviewed = await kit.control.updateBrand(brand.sid, {
      status: 'APPROVED',
      identityStatus: 'VERIFIED',
      tcrId: 'BXXXXXX',
      failureReason: null,
    });
    expect(reviewed).toMatchObject({ status: 'APPROVED', identityStatus: 'VERIFIED', brandType: 'STANDARD' });
    const fetched = await clientFor(account).messaging.v1.brandRegistrations(brand.sid).fetch();
    expect(fetched).toMatchObject({ status: 'APPROVED', identityStatus: 'VERIFIED', tcrId: 'BXXXXXX' });
    expect(fetched.failureReason).toBeNull();
  });
});

describe('campaigns of a Messaging Service', () => {
  it('puts exactly the spec fields on the wire, under "compliance"', async () => {
    const { account, service } = await accountWithService();
    const brand = await kit.control.seedBrand(account.sid, { status: 'APPROVED' });
    const campaign = await kit.control.seedCampaign(account.sid, service.sid, {
      status: 'VERIFIED',
      brandRegistrationSid: brand.sid,
      campaignId: 'CFOOBAR',
    });

    const listUrl = `${MESSAGING}/Services/${service.sid}/Compliance/Usa2p`;
    const body = await jsonOf(await messaging(account, `/v1/Services/${service.sid}/Compliance/Usa2p`));
    expect(body.meta).toMatchObject({ key: 'compliance', url: `${listUrl}?PageSize=50&Page=0` });
    const [item] = itemsOf(body, 'compliance');
    expect(sortedKeys(item)).toEqual([...CAMPAIGN_KEYS].sort());
    expect(item).toMatchObject({
      sid: campaign.sid,
      account_sid: account.sid,
      messaging_service_sid: service.sid,
      brand_registration_sid: brand.sid,
      campaign_status: 'VERIFIED',
      campaign_id: 'CFOOBAR',
      us_app_to_person_usecase: 'CUSTOMER_CARE',
      errors: [],
      url: `${listUrl}/${campaign.sid}`,
    });
    expect(String(item?.description).length).toBeGreaterThanOrEqual(40);
  });

  it('lists and fetches through the twilio package, with the reasons of a failed campaign', async () => {
    const { account, service } = await accountWithService();
    const failure = { code: 30897, description: 'Rejected due to disallowed content.', fields: ['MESSAGE_FLOW'] };
    const campaign = await kit.control.seedCampaign(account.sid, service.sid, { status: 'FAILED', errors: [failure] });
    const campaigns = clientFor(account).messaging.v1.services(service.sid).usAppToPerson;

    const [listed] = await campaigns.list();
    expect(listed).toMatchObject({ sid: campaign.sid, campaignStatus: 'FAILED' });
    expect(listed?.errors).toEqual([
      {
        url: 'https://www.twilio.com/docs/api/errors/30897',
        error_code: 30897,
        description: failure.description,
        fields: ['MESSAGE_FLOW'],
      },
    ]);
    await expect(campaigns(campaign.sid).fetch()).resolves.toMatchObject({ sid: campaign.sid });

    await kit.control.updateCampaign(campaign.sid, { status: 'VERIFIED', errors: [] });
    await expect(campaigns(campaign.sid).fetch()).resolves.toMatchObject({ campaignStatus: 'VERIFIED', errors: [] });
  });

  it("answers 404 / 20404 for another account's service and for a campaign of another service", async () => {
    const { account, service } = await accountWithService();
    const second = await kit.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Back office' });
    const other = await accountWithService();
    const elsewhere = await kit.control.seedCampaign(account.sid, second.sid);

    const theirList = await messaging(account, `/v1/Services/${other.service.sid}/Compliance/Usa2p`);
    expect(theirList.status).toBe(404);
    expect(await jsonOf(theirList)).toMatchObject({ code: 20404 });
    const wrongService = await messaging(account, `/v1/Services/${service.sid}/Compliance/Usa2p/${elsewhere.sid}`);
    expect(wrongService.status).toBe(404);
    expect(
      itemsOf(await jsonOf(await messaging(account, `/v1/Services/${service.sid}/Compliance/Usa2p`)), 'compliance'),
    ).toEqual([]);
  });
});

describe('business profiles (Trust Hub customer profiles)', () => {
  it('puts exactly the spec fields on the wire, errors as Trust Hub lists them', async () => {
    const account = await kit.control.seedAccount();
    const profile = await kit.control.seedCustomerProfile(account.sid, {
      status: 'twilio-rejected',
      friendlyName: 'Acme Plumbing',
      errors: [{ code: 18601 }],
    });

    const body = await jsonOf(await trustHub(account, '/v1/CustomerProfiles'));
    expect(body.meta).toMatchObject({ key: 'results', url: `${TRUSTHUB}/CustomerProfiles?PageSize=50&Page=0` });
    const [item] = itemsOf(body, 'results');
    expect(sortedKeys(item)).toEqual([...PROFILE_KEYS].sort());
    expect(item).toMatchObject({
      sid: profile.sid,
      account_sid: account.sid,
      friendly_name: 'Acme Plumbing',
      status: 'twilio-rejected',
      errors: [{ code: 18601 }],
      valid_until: null,
      url: `${TRUSTHUB}/CustomerProfiles/${profile.sid}`,
    });
    expect(item?.policy_sid).toMatch(/^RN[0-9a-f]{32}$/);
  });

  it('filters by Status through the twilio package, and refuses a status Trust Hub does not know', async () => {
    const account = await kit.control.seedAccount();
    const draft = await kit.control.seedCustomerProfile(account.sid);
    const approved = await kit.control.seedCustomerProfile(account.sid, {
      status: 'twilio-approved',
      validUntil: '2027-11-24T10:00:00Z',
    });
    await kit.control.seedCustomerProfile((await kit.control.seedAccount()).sid, { status: 'twilio-approved' });
    const profiles = clientFor(account).trusthub.v1.customerProfiles;

    expect((await profiles.list()).map((profile) => profile.sid)).toEqual(
      inListOrder([draft, approved]).map((profile) => profile.sid),
    );
    const [onlyApproved, ...rest] = await profiles.list({ status: 'twilio-approved' });
    expect(rest).toEqual([]);
    expect(onlyApproved).toMatchObject({ sid: approved.sid, validUntil: new Date('2027-11-24T10:00:00Z') });

    const refused = await trustHub(account, '/v1/CustomerProfiles?Status=approved');
    expect(refused.status).toBe(400);
    expect(await jsonOf(refused)).toMatchObject({ code: 20001 });
  });

  it('shows a review Twilio made later', async () => {
    const account = await kit.control.seedAccount();
    const profile = await kit.control.seedCustomerProfile(account.sid, { status: 'in-review' });
    const updated = await kit.control.updateCustomerProfile(profile.sid, { status: 'twilio-approved' });
    expect(updated).toMatchObject({ status: 'twilio-approved', friendlyName: 'My business profile' });
    const [listed] = await clientFor(account).trusthub.v1.customerProfiles.list();
    expect(listed?.status).toBe('twilio-approved');
  });
});

describe('A2P routes and the control API', () => {
  it('refuse a suspended account with 403 / 20403', async () => {
    const { account, service } = await accountWithService();
    await kit.control.updateAccount(account.sid, { status: 'suspended' });
    for (const response of [
      await messaging(account, '/v1/a2p/BrandRegistrations'),
      await messaging(account, `/v1/Services/${service.sid}/Compliance/Usa2p`),
      await trustHub(account, '/v1/CustomerProfiles'),
    ]) {
      expect(response.status).toBe(403);
      expect(await jsonOf(response)).toMatchObject({ code: 20403 });
    }
  });

  it('refuses fixtures for unknown accounts, services of another account, bad values and unknown SIDs', async () => {
    const { account, service } = await accountWithService();
    const other = await accountWithService();
    const refusals = [
      kit.control.seedBrand(`AC${'0'.repeat(32)}`),
      kit.control.seedCampaign(account.sid, other.service.sid),
      kit.control.seedBrand(account.sid, { brandScore: 101 }),
      kit.control.seedCampaign(account.sid, service.sid, { status: 'verified' }),
      kit.control.updateBrand(`BN${'0'.repeat(32)}`, { status: 'APPROVED' }),
      kit.control.updateCampaign(`QE${'0'.repeat(32)}`, { status: 'VERIFIED' }),
      kit.control.updateCustomerProfile(`BU${'0'.repeat(32)}`, { status: 'twilio-approved' }),
    ];
    const statuses = [];
    for (const refusal of refusals) {
      const error = await rejectionOf(refusal);
      expect(error).toBeInstanceOf(FakeTwilioControlError);
      statuses.push((error as FakeTwilioControlError).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 404, 404, 404]);
  });

  it('forgets every registration on reset', async () => {
    const { account, service } = await accountWithService();
    await kit.control.seedBrand(account.sid);
    await kit.control.seedCampaign(account.sid, service.sid);
    await kit.control.seedCustomerProfile(account.sid);
    kit.fake.state.reset();
    expect(kit.fake.state.a2p.brandsOf(account.sid)).toEqual([]);
    expect(kit.fake.state.a2p.campaignsOf(service.sid)).toEqual([]);
    expect(kit.fake.state.a2p.customerProfilesOf(account.sid)).toEqual([]);
  });
});
