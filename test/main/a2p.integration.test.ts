/**
 * A2P 10DLC status against the fake Twilio through the real gateway: what a
 * read brings into the local copy and how it is worded in Gleam's stages,
 * the campaigns of the Messaging Service set in Settings (and only those),
 * the answer the number checks get, paging across hosts, one read at a time,
 * and answering offline from the copy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeededAccount } from '../../tools/fake-twilio/control-client';
import { AppError } from '../../shared/errors';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';

let harness: CoreHarness;

beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

/** A connected account whose Messaging Service is set in Settings. */
async function connectWithService(): Promise<{ account: SeededAccount; serviceSid: string }> {
  const account = await harness.connect();
  const service = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Texts' });
  await harness.core().services.connection.setMessagingService({ messagingServiceSid: service.sid });
  return { account, serviceSid: service.sid };
}

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('A2P status', () => {
  it('reads business profiles, brands and the service’s campaigns, with Twilio’s reasons, into the local copy', async () => {
    const { account, serviceSid } = await connectWithService();
    const profile = await harness.control.seedCustomerProfile(account.sid, {
      status: 'twilio-approved',
      friendlyName: 'Acme Plumbing',
      validUntil: '2027-11-24T10:00:00Z',
    });
    const failed = await harness.control.seedBrand(account.sid, {
      status: 'FAILED',
      failureReason: 'Registration error',
      errors: [{ code: 30701, description: 'Invalid State/Region/Province.', fields: ['region'] }],
    });
    const campaign = await harness.control.seedCampaign(account.sid, serviceSid, { status: 'IN_PROGRESS' });
    const otherService = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Old' });
    await harness.control.seedCampaign(account.sid, otherService.sid, { status: 'VERIFIED' });
    harness.events.length = 0;

    const refreshed = await harness.core().services.a2p.refresh();

    expect(refreshed.account).toEqual({ friendlyName: account.friendlyName });
    expect(refreshed.messagingService).toEqual({ sid: serviceSid, friendlyName: 'Texts' });
    expect(refreshed.profiles).toEqual([
      {
        sid: profile.sid,
        stage: 'approved',
        twilioStatus: 'twilio-approved',
        friendlyName: 'Acme Plumbing',
        validUntil: '2027-11-24T10:00:00.000Z',
        issues: [],
        updatedAt: new Date(profile.dateUpdated).toISOString(),
      },
    ]);
    expect(refreshed.brands).toEqual([
      expect.objectContaining({
        sid: failed.sid,
        stage: 'failed',
        twilioStatus: 'FAILED',
        brandType: 'STANDARD',
        identityStatus: null,
        failureReason: 'Registration error',
        issues: [{ code: 30701, description: 'Invalid State/Region/Province.', fields: ['region'] }],
      }),
    ]);
    // Only the campaigns of the service set in Settings.
    expect(refreshed.campaigns).toEqual([
      expect.objectContaining({ sid: campaign.sid, stage: 'in_review', twilioStatus: 'IN_PROGRESS' }),
    ]);
    expect(harness.events.filter((event) => event.event === 'a2p:changed')).toHaveLength(1);

    // The copy answers by itself, as of the read.
    await expect(harness.core().services.a2p.status()).resolves.toEqual(refreshed);
    expect(refreshed.asOf).not.toBeNull();
  });

  it('replaces the copy on each read, with what Twilio decided since', async () => {
    const { account, serviceSid } = await connectWithService();
    const brand = await harness.control.seedBrand(account.sid, { status: 'IN_REVIEW' });
    const campaign = await harness.control.seedCampaign(account.sid, serviceSid);
    const first = await harness.core().services.a2p.refresh();
    expect(first.brands.map((entry) => entry.stage)).toEqual(['in_review']);

    await harness.control.updateBrand(brand.sid, { status: 'APPROVED', identityStatus: 'VERIFIED' });
    await harness.control.updateCampaign(campaign.sid, {
      status: 'FAILED',
      errors: [{ code: 30897, description: 'Disallowed content.', fields: ['MESSAGE_FLOW'] }],
    });
    await harness.control.seedCustomerProfile(account.sid, { status: 'in-review' });
    const second = await harness.core().services.a2p.refresh();

    expect(second.brands).toEqual([expect.objectContaining({ stage: 'approved', identityStatus: 'VERIFIED' })]);
    expect(second.campaigns).toEqual([
      expect.objectContaining({
        stage: 'failed',
        issues: [{ code: 30897, description: 'Disallowed content.', fields: ['MESSAGE_FLOW'] }],
      }),
    ]);
    expect(second.profiles.map((entry) => entry.stage)).toEqual(['in_review']);
  });

  it('is read after connecting, with the rest of the background refresh', async () => {
    const account = await harness.connect();
    const status = await harness.core().services.a2p.status();
    expect(status.asOf).not.toBeNull();
    expect(status).toMatchObject({ profiles: [], brands: [], campaigns: null, messagingService: null });
    const reads = await harness.control.requests({ accountSid: account.sid, method: 'GET' });
    expect(reads.map((request) => request.path)).toEqual(
      expect.arrayContaining(['/v1/CustomerProfiles', '/v1/a2p/BrandRegistrations']),
    );
    // No Messaging Service is set, so there are no campaigns to ask for.
    expect(reads.filter((request) => request.path.includes('/Compliance/Usa2p'))).toEqual([]);
  });

  it('follows Twilio’s paging links on the messaging and Trust Hub hosts', async () => {
    const account = await harness.connect();
    for (let index = 0; index < 1_001; index += 1) {
      harness.fake.state.a2p.seedBrand({ accountSid: account.sid, status: 'APPROVED' });
      harness.fake.state.a2p.seedCustomerProfile({ accountSid: account.sid });
    }
    await harness.control.clearRequests();

    const status = await harness.core().services.a2p.refresh();
    expect(status.brands).toHaveLength(1_001);
    expect(status.profiles).toHaveLength(1_001);
    const brandPages = await harness.control.requests({ pathIncludes: '/a2p/BrandRegistrations' });
    expect(brandPages.map((request) => request.query.PageToken ?? null)).toEqual([null, 'PA1000']);
    expect(await harness.control.requests({ pathIncludes: '/CustomerProfiles' })).toHaveLength(2);
  });

  it('reads once for calls that come while a read runs', async () => {
    const account = await harness.connect();
    await harness.control.clearRequests();
    const [first, second] = await Promise.all([
      harness.core().services.a2p.refresh(),
      harness.core().services.a2p.refresh(),
    ]);
    expect(second).toEqual(first);
    expect(await harness.control.requests({ accountSid: account.sid, pathIncludes: '/a2p/' })).toHaveLength(1);
  });

  it('keeps answering from the copy, as of the last read, when Twilio cannot be reached', async () => {
    const { account } = await connectWithService();
    await harness.control.seedBrand(account.sid, { status: 'APPROVED' });
    const saved = await harness.core().services.a2p.refresh();
    await harness.control.injectFault({ kind: 'drop', times: 1_000 });

    const failure = await rejectionOf(harness.core().services.a2p.refresh());
    expect(failure).toBeInstanceOf(AppError);
    await expect(harness.core().services.a2p.status()).resolves.toEqual(saved);
    await harness.control.clearFaults();
  });

  it('says a Messaging Service that no longer exists in plain words', async () => {
    await harness.connect();
    // Set in Settings, then gone from the account: the fake knows no such service.
    harness
      .core()
      .db.prepare('UPDATE accounts SET messaging_service_sid = ?, messaging_service_name = ?')
      .run(`MG${'0'.repeat(32)}`, 'Deleted');
    const failure = await rejectionOf(harness.core().services.a2p.refresh());
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).data).toMatchObject({
      code: 'not_found',
      message: 'The Messaging Service set in Settings no longer exists in this Twilio account',
    });
  });

  it('shows nothing and cannot read without a connected account', async () => {
    const account = await harness.connect();
    await harness.core().services.connection.disconnect();
    await expect(harness.core().services.a2p.status()).resolves.toEqual({
      account: null,
      messagingService: null,
      asOf: null,
      profiles: [],
      brands: [],
      campaigns: null,
    });
    const failure = await rejectionOf(harness.core().services.a2p.refresh());
    expect((failure as AppError).data.code).toBe('not_connected');
    expect(harness.core().services.a2p.usSmsRegistration(account.sid)).toEqual({
      state: 'not_registered',
      reason: 'no_messaging_service',
      campaignStage: null,
      asOf: null,
    });
  });
});

describe('US SMS registration, for the number checks', () => {
  it('is registered only with an approved campaign on the service set in Settings', async () => {
    const { account, serviceSid } = await connectWithService();
    const a2p = harness.core().services.a2p;
    // Connecting read before the service was set: its campaigns are not known yet.
    expect(a2p.usSmsRegistration(account.sid)).toEqual({ state: 'unknown', reason: 'service_not_read' });

    const { asOf } = await a2p.refresh();
    expect(a2p.usSmsRegistration(account.sid)).toEqual({
      state: 'not_registered',
      reason: 'no_campaign',
      campaignStage: null,
      asOf,
    });

    const campaign = await harness.control.seedCampaign(account.sid, serviceSid, { status: 'IN_PROGRESS' });
    const inReview = await a2p.refresh();
    expect(a2p.usSmsRegistration(account.sid)).toEqual({
      state: 'not_registered',
      reason: 'campaign_not_approved',
      campaignStage: 'in_review',
      asOf: inReview.asOf,
    });

    await harness.control.updateCampaign(campaign.sid, { status: 'VERIFIED' });
    const approved = await a2p.refresh();
    expect(a2p.usSmsRegistration(account.sid)).toEqual({
      state: 'registered',
      campaignSid: campaign.sid,
      asOf: approved.asOf,
    });

    // Another service set in Settings: its campaigns are unknown until the next read.
    const other = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Other' });
    await harness.core().services.connection.setMessagingService({ messagingServiceSid: other.sid });
    expect(a2p.usSmsRegistration(account.sid)).toEqual({ state: 'unknown', reason: 'service_not_read' });
    await expect(a2p.status()).resolves.toMatchObject({ campaigns: null, asOf: approved.asOf });
  });

  it('is unknown for an account never read, and not registered without a Messaging Service', async () => {
    const account = await harness.connect();
    const a2p = harness.core().services.a2p;
    expect(a2p.usSmsRegistration(`AC${'0'.repeat(32)}`)).toEqual({ state: 'unknown', reason: 'never_read' });
    expect(a2p.usSmsRegistration(account.sid)).toEqual({
      state: 'not_registered',
      reason: 'no_messaging_service',
      campaignStage: null,
      asOf: null,
    });
  });

  it('answers from the copy alone, so offline too', async () => {
    const { account, serviceSid } = await connectWithService();
    await harness.control.seedCampaign(account.sid, serviceSid, { status: 'VERIFIED' });
    await harness.core().services.a2p.refresh();
    await harness.control.injectFault({ kind: 'drop', times: 1_000 });
    await harness.control.clearRequests();

    expect(harness.core().services.a2p.usSmsRegistration(account.sid)).toMatchObject({ state: 'registered' });
    expect(await harness.control.requests()).toEqual([]);
    await harness.control.clearFaults();
  });
});
