/**
 * "Why isn't my number working?" against the fake Twilio through the real
 * core: every check fails on an account set up to break it (changed "in the
 * Console" through the fake's control API), every fix Gleam can make repairs
 * it and the re-check passes, and offline the local copy still answers.
 * Main answers findings (reason codes and facts); their words are the
 * renderer's, and test/renderer/doctor asserts them.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_AGENT_DRAFT, type AgentDraft } from '../../shared/domain/agents';
import {
  DOCTOR_CHECK_IDS,
  TWILIO_CONSOLE_PAGES,
  type DoctorCheck,
  type DoctorCheckId,
  type DoctorReport,
} from '../../shared/domain/doctor';
import type { SeedAccountInput } from '../../tools/fake-twilio/control-client';
import { createCoreHarness, TEST_ORIGIN, type CoreHarness } from '../support/core-with-fake';
import { createMemoryLogger } from '../support/memory-logger';
import type { UsSmsRegistration } from '../../shared/domain/a2p';
import { createDoctorService } from '../../electron/main/services/doctor-service';
import { createPriceBook } from '../../electron/main/services/price-book';

let harness: CoreHarness;

beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

const AGENT: AgentDraft = { ...EMPTY_AGENT_DRAFT, name: 'Front desk', greeting: 'Hello!' };
const PHONE_NUMBER = '+13035550100';
const TWIML_APP = `AP${'a'.repeat(32)}`;
const SIP_TRUNK = `TK${'b'.repeat(32)}`;

interface SetUp {
  account?: SeedAccountInput;
  /** Seeds a Messaging Service (with this setting) and connects with it. */
  messagingService?: { useInboundWebhookOnNumber: boolean };
  agent?: Partial<AgentDraft>;
  assign?: boolean;
}

/** An account with one number (voice and SMS), connected and synced, and an agent the number is given to. */
async function setUp(options: SetUp = {}) {
  const account = await harness.control.seedAccount(options.account ?? {});
  const service = options.messagingService
    ? await harness.control.seedMessagingService({
        accountSid: account.sid,
        friendlyName: 'Shop texts',
        useInboundWebhookOnNumber: options.messagingService.useInboundWebhookOnNumber,
      })
    : null;
  const number = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: PHONE_NUMBER });
  await harness.core().services.connection.connect({
    accountSid: account.sid,
    authToken: account.authToken,
    ...(service ? { messagingServiceSid: service.sid } : {}),
  });
  await harness.core().refreshFromTwilio();
  const agent = harness.core().services.agents.save({ agent: { ...AGENT, ...options.agent } });
  if (options.assign ?? true) {
    const { outcomes } = await harness
      .core()
      .services.assignments.run({ jobId: randomUUID(), action: 'assign', agentId: agent.id, numberSids: [number.sid] });
    expect(outcomes).toMatchObject([{ outcome: 'done' }]);
  }
  return { account, number, agent, service };
}

const checkOf = (report: DoctorReport, id: DoctorCheckId): DoctorCheck => {
  const found = report.checks.find((entry) => entry.id === id);
  if (!found) throw new Error(`no ${id} check in the report`);
  return found;
};

const statuses = (report: DoctorReport) =>
  Object.fromEntries(report.checks.map((entry) => [entry.id, entry.status])) as Record<DoctorCheckId, string>;

const doctor = () => harness.core().services.doctor;

describe('a number that works', () => {
  it('passes every check, in order, for an assigned number of a registered Messaging Service', async () => {
    const { account, number, service } = await setUp({ messagingService: { useInboundWebhookOnNumber: true } });
    await harness.control.seedCampaign(account.sid, service?.sid ?? '', { status: 'VERIFIED' });
    await harness.core().services.a2p.refresh();

    const report = await doctor().check(number.sid);

    expect(report.checks.map((entry) => entry.id)).toEqual([...DOCTOR_CHECK_IDS]);
    expect(report).toMatchObject({ numberSid: number.sid, phoneNumber: PHONE_NUMBER, offline: false });
    expect(Object.entries(statuses(report)).filter(([, status]) => status !== 'pass')).toEqual([]);
    expect(checkOf(report, 'balance').finding).toEqual({
      kind: 'balance-ok',
      balance: { amount: '20.00', currency: 'USD' },
    });
  });

  it('answers through the IPC registry with the contract’s shape', async () => {
    const { number } = await setUp();
    const sender = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true };

    const reply = await harness.core().registry.invoke(sender, 'doctor:check', { numberSid: number.sid });

    expect(reply).toMatchObject({ ok: true, value: { numberSid: number.sid, checks: expect.any(Array) as unknown } });
    expect(
      await harness.core().registry.invoke(sender, 'doctor:fix', { numberSid: number.sid, fix: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('the account', () => {
  it('fails the credentials check when the Auth Token was changed in the Console, and still answers from the local copy', async () => {
    const { account, number } = await setUp();
    await harness.control.updateAccount(account.sid, { authToken: 'f'.repeat(32) });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'credentials')).toMatchObject({
      status: 'fail',
      remedies: [{ kind: 'open-settings' }, { kind: 'console', url: TWILIO_CONSOLE_PAGES.dashboard }],
    });
    expect(statuses(report)).toMatchObject({
      'account-active': 'unknown',
      'number-owned': 'unknown',
      'webhooks-match': 'unknown',
      'trial-limits': 'pass',
      'number-assigned': 'pass',
      'agent-active': 'pass',
    });
    expect(checkOf(report, 'number-owned').finding).toMatchObject({
      kind: 'not-checked',
      why: { reason: 'credentials-refused' },
    });
    expect(checkOf(report, 'trial-limits').asOf).not.toBeNull();
  });

  it('fails when no account is connected', async () => {
    const { number } = await setUp();
    await harness.core().services.connection.disconnect();

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'credentials')).toMatchObject({ status: 'fail', remedies: [{ kind: 'open-settings' }] });
    expect(checkOf(report, 'webhooks-match')).toMatchObject({ status: 'unknown' });
  });

  it('fails the account check for a suspended account and points to Billing', async () => {
    const { account, number } = await setUp();
    await harness.control.updateAccount(account.sid, { status: 'suspended' });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'credentials').status).toBe('pass');
    expect(checkOf(report, 'account-active')).toMatchObject({
      status: 'fail',
      finding: { kind: 'account-inactive', status: 'suspended' },
      remedies: [{ kind: 'console', page: 'billing', url: TWILIO_CONSOLE_PAGES.billing }],
    });
    expect(checkOf(report, 'number-owned').finding).toMatchObject({
      kind: 'not-checked',
      why: { reason: 'account-inactive' },
    });
    expect(checkOf(report, 'webhooks-match').remedies).toEqual([]);
  });

  it('warns about a trial account’s limits, with the Console pages that lift them', async () => {
    const { number } = await setUp({ account: { type: 'Trial' } });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'trial-limits')).toMatchObject({
      status: 'warning',
      finding: { kind: 'trial-account' },
      remedies: [
        { kind: 'console', url: TWILIO_CONSOLE_PAGES.verifiedCallers },
        { kind: 'console', url: TWILIO_CONSOLE_PAGES.upgrade },
      ],
    });
  });

  it('fails an empty balance and warns about one below the number’s monthly fee', async () => {
    const { account, number } = await setUp({ account: { balance: '0.00' } });
    expect(checkOf(await doctor().check(number.sid), 'balance')).toMatchObject({
      status: 'fail',
      remedies: [{ kind: 'console', url: TWILIO_CONSOLE_PAGES.billing }],
    });

    await harness.control.updateAccount(account.sid, { balance: '0.50' });
    expect(checkOf(await doctor().check(number.sid), 'balance')).toMatchObject({
      status: 'warning',
      finding: {
        kind: 'balance-below-fee',
        balance: { amount: '0.50', currency: 'USD' },
        monthlyFee: { amount: '1.15', currency: 'USD' },
      },
    });
  });

  it('says a subaccount has no balance data, without calling it a failure', async () => {
    const main = await harness.control.seedAccount({});
    const { number } = await setUp({ account: { ownerAccountSid: main.sid } });

    expect(checkOf(await doctor().check(number.sid), 'balance')).toMatchObject({
      status: 'unknown',
      finding: { kind: 'subaccount' },
      remedies: [],
    });
  });
});

describe('the number', () => {
  it('fails when the number was released outside Gleam', async () => {
    const { number } = await setUp();
    const { api } = await harness.core().services.connection.connected();
    await api.releaseNumber(number.sid);

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'number-owned')).toMatchObject({
      status: 'fail',
      remedies: [{ kind: 'console', url: TWILIO_CONSOLE_PAGES.activeNumbers }],
    });
    expect(checkOf(report, 'webhooks-match').status).toBe('unknown');
  });

  it('fails when no agent answers it, offering the assign flow', async () => {
    const { number } = await setUp({ assign: false });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'number-assigned')).toMatchObject({
      status: 'fail',
      remedies: [{ kind: 'assign', blockedReason: null }],
    });
    expect(statuses(report)).toMatchObject({ 'agent-active': 'unknown', 'webhooks-match': 'unknown' });
  });

  it('fails an inactive agent, and the fix sets it Active through the agents service', async () => {
    const { number, agent } = await setUp({ agent: { status: 'inactive' } });

    const report = await doctor().check(number.sid);
    expect(checkOf(report, 'agent-active')).toMatchObject({
      status: 'fail',
      remedies: [{ kind: 'fix', fix: 'activate-agent', blockedReason: null }],
    });

    const fixed = await doctor().fix(number.sid, 'activate-agent');

    expect(fixed.fixError).toBeNull();
    expect(checkOf(fixed.report, 'agent-active').status).toBe('pass');
    expect(harness.core().services.agents.list()).toMatchObject([
      { id: agent.id, status: 'active', name: 'Front desk' },
    ]);
  });

  it('fails webhooks changed in the Console, shows the drift on the list at once, and the repair fixes them', async () => {
    const { account, number, agent } = await setUp();
    await harness.control.updateOwnedNumber(number.sid, { smsUrl: 'https://someone-else.example.com/sms' });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'webhooks-match')).toMatchObject({
      status: 'fail',
      finding: { kind: 'webhooks-elsewhere', agentName: 'Front desk', fields: ['smsUrl'] },
      remedies: [{ kind: 'fix', fix: 'repair-webhooks', blockedReason: null }],
    });
    expect(checkOf(report, 'no-override').status).toBe('pass');
    // The doctor kept Twilio's copy, so the list agrees without a sync.
    expect(harness.core().services.numbers.list().numbers[0]?.assignment).toMatchObject({ status: 'drifted' });

    const fixed = await doctor().fix(number.sid, 'repair-webhooks');

    expect(fixed.fixError).toBeNull();
    expect(checkOf(fixed.report, 'webhooks-match').status).toBe('pass');
    const [live] = await harness.control.ownedNumbers(account.sid);
    expect(live?.smsUrl).toBe(`https://hooks.gleam.ai/twilio/agents/${agent.id}/sms`);
  });

  it('fails a SIP trunk or TwiML App that takes over the number, and the repair clears it', async () => {
    const { account, number } = await setUp();
    await harness.control.updateOwnedNumber(number.sid, { trunkSid: SIP_TRUNK, smsApplicationSid: TWIML_APP });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'no-override')).toMatchObject({
      status: 'fail',
      finding: { kind: 'override', fields: ['smsApplicationSid', 'trunkSid'], agentName: 'Front desk' },
      remedies: [
        { kind: 'fix', fix: 'repair-webhooks' },
        { kind: 'console', page: 'number', url: `${TWILIO_CONSOLE_PAGES.activeNumbers}/${number.sid}/configure` },
      ],
    });
    expect(checkOf(report, 'webhooks-match').status).toBe('pass');

    const fixed = await doctor().fix(number.sid, 'repair-webhooks');

    expect(checkOf(fixed.report, 'no-override').status).toBe('pass');
    expect((await harness.control.ownedNumbers(account.sid))[0]).toMatchObject({
      trunkSid: null,
      smsApplicationSid: null,
    });
  });

  it('offers the assign flow for a TwiML App on a number no agent answers', async () => {
    const { number } = await setUp({ assign: false });
    await harness.control.updateOwnedNumber(number.sid, { voiceApplicationSid: TWIML_APP });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'no-override')).toMatchObject({
      status: 'fail',
      remedies: [{ kind: 'assign' }, { kind: 'console' }],
    });
  });
});

describe('the Messaging Service', () => {
  it('fails when the connected service answers the number’s texts itself, and the fix lets the number’s webhook answer', async () => {
    const { number, service } = await setUp({ messagingService: { useInboundWebhookOnNumber: false }, assign: false });
    if (!service) throw new Error('no service');
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });

    const report = await doctor().check(number.sid);
    expect(checkOf(report, 'messaging-service')).toMatchObject({
      status: 'fail',
      finding: { kind: 'service-answers', serviceName: 'Shop texts', agentName: null, connectedService: true },
      remedies: [{ kind: 'fix', fix: 'use-number-sms-webhook', blockedReason: null }],
    });

    const fixed = await doctor().fix(number.sid, 'use-number-sms-webhook');

    expect(fixed.fixError).toBeNull();
    expect(checkOf(fixed.report, 'messaging-service').status).toBe('pass');
    expect(await harness.control.messagingService(service.sid)).toMatchObject({ useInboundWebhookOnNumber: true });
  });

  it('fails for another service, explaining the Console setting instead of changing a service Gleam does not manage', async () => {
    const { account, number } = await setUp();
    const other = await harness.control.seedMessagingService({
      accountSid: account.sid,
      friendlyName: 'Marketing',
      useInboundWebhookOnNumber: false,
    });
    await harness.control.addNumberToService({ serviceSid: other.sid, numberSid: number.sid });

    const check = checkOf(await doctor().check(number.sid), 'messaging-service');

    expect(check).toMatchObject({
      status: 'fail',
      finding: { kind: 'service-answers', serviceName: 'Marketing', agentName: 'Front desk', connectedService: false },
      remedies: [{ kind: 'console', url: TWILIO_CONSOLE_PAGES.messagingServices }],
    });
  });

  it('passes a number in a service that uses each number’s own webhook', async () => {
    const { number, service } = await setUp({ messagingService: { useInboundWebhookOnNumber: true } });
    // Assigning added the number to the connected service.
    expect(await harness.control.serviceNumbers(service?.sid ?? '')).toEqual([number.sid]);

    expect(checkOf(await doctor().check(number.sid), 'messaging-service')).toMatchObject({
      status: 'pass',
      finding: { kind: 'service-defers', serviceName: 'Shop texts' },
    });
  });
});

describe('offline', () => {
  it('says which checks need Twilio, answers the rest from the local copy, and turns off fixes that need Twilio', async () => {
    const { number } = await setUp({ agent: { status: 'inactive' } });
    await harness.control.updateOwnedNumber(number.sid, { voiceUrl: 'https://someone-else.example.com/voice' });
    const unreachable = 'http://gleam-offline.invalid';
    harness.startCore({
      twilioHosts: {
        'api.twilio.com': unreachable,
        'messaging.twilio.com': unreachable,
        'pricing.twilio.com': unreachable,
        'trusthub.twilio.com': unreachable,
      },
    });

    const report = await doctor().check(number.sid);

    expect(report.offline).toBe(true);
    for (const id of [
      'credentials',
      'account-active',
      'number-owned',
      'webhooks-match',
      'messaging-service',
    ] as const) {
      expect(checkOf(report, id), id).toMatchObject({ status: 'unknown', offline: true });
    }
    expect(checkOf(report, 'credentials').finding).toEqual({
      kind: 'not-checked',
      why: { reason: 'offline' },
      lastKnown: null,
    });
    expect(statuses(report)).toMatchObject({
      'trial-limits': 'pass',
      'number-assigned': 'pass',
      'agent-active': 'fail',
    });
    // The balance the last costs sync saved, with its date.
    expect(checkOf(report, 'balance')).toMatchObject({
      status: 'pass',
      offline: false,
      asOf: expect.any(String) as string,
    });
    expect(checkOf(report, 'agent-active').remedies).toMatchObject([{ fix: 'activate-agent', blockedReason: null }]);

    const fixed = await doctor().fix(number.sid, 'repair-webhooks');
    expect(fixed.fixError).toMatchObject({ reason: 'failed', error: { code: 'offline' } });
    const activated = await doctor().fix(number.sid, 'activate-agent');
    expect(activated.fixError).toBeNull();
    expect(checkOf(activated.report, 'agent-active').status).toBe('pass');
  });

  it('turns off the assign flow with the reason, offline', async () => {
    const { number } = await setUp({ assign: false });
    harness.startCore({ twilioHosts: { 'api.twilio.com': 'http://gleam-offline.invalid' } });

    const report = await doctor().check(number.sid);

    expect(checkOf(report, 'number-assigned')).toMatchObject({
      status: 'fail',
      remedies: [{ kind: 'assign', blockedReason: 'offline' }],
    });
  });
});

describe('US texting registration (A2P 10DLC)', () => {
  /** A doctor whose A2P source answers as given; the real one reads the A2P feature's local copy. */
  function doctorWith(registration: UsSmsRegistration) {
    const core = harness.core();
    const clock = () => new Date();
    return createDoctorService({
      db: core.db,
      connection: core.services.connection,
      agents: core.services.agents,
      assignments: core.services.assignments,
      prices: createPriceBook({ db: core.db, logger: createMemoryLogger(), clock }),
      webhookBaseUrl: () => core.services.settings.webhookBaseUrl(),
      emit: () => undefined,
      clock,
      logger: createMemoryLogger(),
      usSmsRegistration: () => registration,
    });
  }

  it.each<[UsSmsRegistration, string]>([
    [{ state: 'registered', campaignSid: `QE${'a'.repeat(32)}`, asOf: '2026-11-20T10:00:00.000Z' }, 'pass'],
    [{ state: 'not_registered', reason: 'campaign_not_approved', campaignStage: 'in_review', asOf: null }, 'warning'],
    [{ state: 'not_registered', reason: 'campaign_not_approved', campaignStage: 'failed', asOf: null }, 'fail'],
    [{ state: 'not_registered', reason: 'no_campaign', campaignStage: null, asOf: null }, 'fail'],
    [{ state: 'not_registered', reason: 'no_messaging_service', campaignStage: null, asOf: null }, 'fail'],
    [{ state: 'unknown', reason: 'never_read' }, 'unknown'],
  ])('a US number that texts: %j is a %s', async (registration, status) => {
    const { number } = await setUp();
    const check = checkOf(await doctorWith(registration).check(number.sid), 'us-sms-registration');
    expect(check.status).toBe(status);
    expect(check.remedies.map((remedy) => remedy.kind)).toEqual(status === 'pass' ? [] : ['open-settings']);
  });

  it('reads the A2P feature in the app: without a Messaging Service nothing is registered', async () => {
    const { number } = await setUp();
    const check = checkOf(await doctor().check(number.sid), 'us-sms-registration');
    expect(check.status).toBe('fail');
    expect(check.finding).toEqual({ kind: 'registration-no-service' });
  });
});
