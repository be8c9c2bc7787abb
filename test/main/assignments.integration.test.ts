/**
 * Agents and number assignment against the fake Twilio through the real
 * gateway: the exact fields Twilio receives, restoring on unassign, drift and
 * repair, bulk jobs with rate limits and failures, deleting an agent.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_AGENT_DRAFT, type AgentDraft } from '../../shared/domain/agents';
import type { SeededAccount } from '../../tools/fake-twilio/control-client';
import { configurationFromWire } from '../../shared/domain/number-configuration';
import { beginAssignment } from '../../electron/main/db/assignments-repo';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';

let harness: CoreHarness;

beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

const DRAFT: AgentDraft = {
  ...EMPTY_AGENT_DRAFT,
  name: 'Front desk',
  greeting: 'Thanks for calling!',
  instructions: 'Book appointments.',
};

const TWIML_APP = `AP${'a'.repeat(32)}`;

/** Connects the account (waiting for the sync that follows) and creates the agent the tests assign to. */
async function connectWithAgent(account: SeededAccount, messagingServiceSid?: string) {
  await harness.core().services.connection.connect({
    accountSid: account.sid,
    authToken: account.authToken,
    ...(messagingServiceSid ? { messagingServiceSid } : {}),
  });
  await harness.core().refreshFromTwilio();
  return harness.core().services.agents.save({ agent: DRAFT });
}

async function setUp(numbers: { phoneNumber: string; voiceUrl?: string; voiceApplicationSid?: string }[]) {
  const account = await harness.control.seedAccount({});
  const seeded = [];
  for (const number of numbers) {
    seeded.push(await harness.control.seedOwnedNumber({ accountSid: account.sid, ...number }));
  }
  const agent = await connectWithAgent(account);
  return { account, agent, seeded };
}

/** An account with `count` numbers, all synced, and an agent. */
async function setUpMany(count: number) {
  const account = await harness.control.seedAccount({});
  await harness.control.seedOwnedNumbers({ accountSid: account.sid, count, areaCode: '303' });
  const agent = await connectWithAgent(account);
  const sids = harness
    .core()
    .services.numbers.list()
    .numbers.map((number) => number.sid);
  return { agent, sids };
}

const run = (input: { action: 'assign' | 'unassign' | 'repair' | 'adopt'; numberSids: string[]; agentId?: string }) =>
  harness.core().services.assignments.run({ jobId: randomUUID(), ...input });

const liveNumber = async (accountSid: string, sid: string) => {
  const number = (await harness.control.ownedNumbers(accountSid)).find((candidate) => candidate.sid === sid);
  if (!number) throw new Error(`the fake has no ${sid}`);
  return number;
};

const assignmentOf = (sid: string) =>
  harness
    .core()
    .services.numbers.list()
    .numbers.find((number) => number.sid === sid)?.assignment ?? null;

describe('assigning a number', () => {
  it('points every webhook at the agent in one request and clears a TwiML App that would override them', async () => {
    const { account, agent, seeded } = await setUp([
      { phoneNumber: '+13035550100', voiceUrl: 'https://old.example.com/voice', voiceApplicationSid: TWIML_APP },
    ]);
    const sid = seeded[0]?.sid ?? '';
    await harness.control.clearRequests();

    const result = await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });

    expect(result.outcomes).toEqual([expect.objectContaining({ numberSid: sid, outcome: 'done', error: null })]);
    const updates = await harness.control.requests({ method: 'POST', pathIncludes: `IncomingPhoneNumbers/${sid}` });
    expect(updates).toHaveLength(1);
    const base = `https://hooks.gleam.ai/twilio/agents/${agent.id}`;
    expect(await liveNumber(account.sid, sid)).toMatchObject({
      voiceUrl: `${base}/voice`,
      voiceMethod: 'POST',
      voiceFallbackUrl: `${base}/voice-fallback`,
      voiceFallbackMethod: 'POST',
      statusCallback: `${base}/call-status`,
      statusCallbackMethod: 'POST',
      smsUrl: `${base}/sms`,
      smsMethod: 'POST',
      voiceApplicationSid: null,
      smsApplicationSid: null,
      trunkSid: null,
    });
    expect(assignmentOf(sid)).toMatchObject({ agentId: agent.id, agentName: 'Front desk', status: 'configured' });
    expect(harness.core().services.agents.list()).toEqual([
      expect.objectContaining({ numberCount: 1, attentionCount: 0 }),
    ]);
  });

  it('puts back exactly what the number had, application SID included, when unassigned', async () => {
    const { account, agent, seeded } = await setUp([
      { phoneNumber: '+13035550100', voiceUrl: 'https://old.example.com/voice', voiceApplicationSid: TWIML_APP },
    ]);
    const sid = seeded[0]?.sid ?? '';
    const before = await liveNumber(account.sid, sid);
    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });

    const result = await run({ action: 'unassign', numberSids: [sid] });

    expect(result.outcomes[0]).toMatchObject({ outcome: 'done' });
    const after = await liveNumber(account.sid, sid);
    for (const field of ['voiceUrl', 'voiceMethod', 'smsUrl', 'statusCallback', 'voiceFallbackUrl'] as const) {
      expect(after[field], field).toBe(before[field]);
    }
    expect(after.voiceApplicationSid).toBe(TWIML_APP);
    expect(assignmentOf(sid)).toBeNull();
  });

  it('keeps the configuration from before Gleam when a number moves to another agent', async () => {
    const { account, agent, seeded } = await setUp([
      { phoneNumber: '+13035550100', voiceUrl: 'https://old.example.com/voice' },
    ]);
    const sid = seeded[0]?.sid ?? '';
    const other = harness.core().services.agents.save({ agent: { ...DRAFT, name: 'Night line' } });
    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    await run({ action: 'assign', agentId: other.id, numberSids: [sid] });
    expect((await liveNumber(account.sid, sid)).voiceUrl).toContain(other.id);

    await run({ action: 'unassign', numberSids: [sid] });
    expect((await liveNumber(account.sid, sid)).voiceUrl).toBe('https://old.example.com/voice');
  });

  it('shows a failed assignment with its error until a retry succeeds', async () => {
    const { agent, seeded } = await setUp([{ phoneNumber: '+13035550100' }]);
    const sid = seeded[0]?.sid ?? '';
    await harness.control.injectFault({
      kind: 'status',
      status: 400,
      twilioCode: 21606,
      times: 1,
      match: { method: 'POST', pathIncludes: `IncomingPhoneNumbers/${sid}` },
    });

    const failed = await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    const refused = { reason: 'failed', error: { code: 'twilio_rejected', twilioCode: 21606 } };
    expect(failed.outcomes[0]).toMatchObject({ outcome: 'failed', error: refused });
    expect(assignmentOf(sid)).toMatchObject({ status: 'assigning', error: refused });

    const retried = await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    expect(retried.outcomes[0]).toMatchObject({ outcome: 'done' });
    expect(assignmentOf(sid)).toMatchObject({ status: 'configured', error: null });
  });
});

describe('drift', () => {
  it('flags a number changed outside Gleam after a sync, and repair sets it back', async () => {
    const { account, agent, seeded } = await setUp([{ phoneNumber: '+13035550100' }]);
    const sid = seeded[0]?.sid ?? '';
    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    await harness.control.updateOwnedNumber(sid, { voiceUrl: 'https://someone-else.example.com/voice' });

    await harness.core().services.numbers.sync();
    expect(assignmentOf(sid)).toMatchObject({ status: 'drifted' });
    expect(harness.core().services.agents.list()[0]).toMatchObject({ attentionCount: 1 });

    await run({ action: 'repair', numberSids: [sid] });
    expect((await liveNumber(account.sid, sid)).voiceUrl).toContain(agent.id);
    expect(assignmentOf(sid)).toMatchObject({ status: 'configured' });
  });

  it('adopting the change forgets the assignment and leaves Twilio alone', async () => {
    const { account, agent, seeded } = await setUp([{ phoneNumber: '+13035550100' }]);
    const sid = seeded[0]?.sid ?? '';
    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    await harness.control.updateOwnedNumber(sid, { voiceUrl: 'https://someone-else.example.com/voice' });
    await harness.core().services.numbers.sync();
    await harness.control.clearRequests();

    await run({ action: 'adopt', numberSids: [sid] });

    expect(assignmentOf(sid)).toBeNull();
    expect(await harness.control.requests({ method: 'POST' })).toHaveLength(0);
    expect((await liveNumber(account.sid, sid)).voiceUrl).toBe('https://someone-else.example.com/voice');
  });

  it('counts every assigned number as drifted after the webhook base URL changes', async () => {
    const { agent, seeded } = await setUp([{ phoneNumber: '+13035550100' }]);
    const sid = seeded[0]?.sid ?? '';
    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    const { confirmation } = harness.core().services.settings.prepareWebhookBaseUrl('https://hooks.example.com');
    harness.core().services.settings.setWebhookBaseUrl(confirmation.id);
    expect(assignmentOf(sid)).toMatchObject({ status: 'drifted' });
    await run({ action: 'repair', numberSids: [sid] });
    expect(assignmentOf(sid)).toMatchObject({ status: 'configured' });
  });
});

describe('bulk jobs', () => {
  it('assigns many numbers through rate limits, lists a permanent failure, and a retry fixes it', async () => {
    const { agent, sids } = await setUpMany(40);
    const broken = sids[7] ?? '';
    await harness.control.injectFault({
      kind: 'rate_limit',
      retryAfterSeconds: 0,
      times: 12,
      match: { method: 'POST', pathIncludes: 'IncomingPhoneNumbers/PN' },
    });
    await harness.control.injectFault({
      kind: 'status',
      status: 400,
      twilioCode: 21606,
      times: 100,
      match: { method: 'POST', pathIncludes: `IncomingPhoneNumbers/${broken}` },
    });
    harness.events.length = 0;
    const jobId = randomUUID();

    const result = await harness
      .core()
      .services.assignments.run({ jobId, action: 'assign', agentId: agent.id, numberSids: sids });

    expect(result.outcomes.filter((outcome) => outcome.outcome === 'done')).toHaveLength(39);
    expect(
      result.outcomes.filter((outcome) => outcome.outcome === 'failed').map((outcome) => outcome.numberSid),
    ).toEqual([broken]);
    const progress = harness.events.flatMap((entry) =>
      entry.event === 'assignments:progress' && 'jobId' in entry.payload ? [entry.payload] : [],
    );
    expect(progress.at(-1)).toEqual({ jobId, done: 40, failed: 1, total: 40 });
    expect(new Set(progress.map((entry) => entry.done)).size).toBe(41);

    await harness.control.clearFaults();
    const retried = await run({ action: 'assign', agentId: agent.id, numberSids: [broken] });
    expect(retried.outcomes[0]).toMatchObject({ outcome: 'done' });
    expect(harness.core().services.agents.list()[0]).toMatchObject({ numberCount: 40, attentionCount: 0 });
  });

  it('stops starting numbers when cancelled and lists the rest as not started', async () => {
    const { agent, sids } = await setUpMany(20);
    await harness.control.injectFault({ kind: 'latency', ms: 100, times: 100, match: { method: 'POST' } });
    const jobId = randomUUID();

    const running = harness
      .core()
      .services.assignments.run({ jobId, action: 'assign', agentId: agent.id, numberSids: sids });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(harness.core().services.assignments.cancel(jobId)).toBe(true);
    const result = await running;

    const cancelled = result.outcomes.filter((outcome) => outcome.outcome === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(result.outcomes.filter((outcome) => outcome.outcome === 'failed')).toHaveLength(0);
    for (const outcome of cancelled) expect(assignmentOf(outcome.numberSid)).toBeNull();
  });
  it('stops starting numbers when the app closes', async () => {
    const { agent, sids } = await setUpMany(20);
    await harness.control.injectFault({ kind: 'latency', ms: 100, times: 100, match: { method: 'POST' } });

    const running = harness
      .core()
      .services.assignments.run({ jobId: randomUUID(), action: 'assign', agentId: agent.id, numberSids: sids });
    await new Promise((resolve) => setTimeout(resolve, 150));
    harness.core().services.assignments.cancelAll();
    const result = await running;

    expect(result.outcomes.filter((outcome) => outcome.outcome === 'cancelled').length).toBeGreaterThan(0);
    const posted = await harness.control.requests({ method: 'POST', pathIncludes: 'IncomingPhoneNumbers/PN' });
    expect(posted.length).toBeLessThan(sids.length);
  });
});

describe('deleting an agent', () => {
  it('unassigns and restores its numbers first', async () => {
    const { account, agent, seeded } = await setUp([
      { phoneNumber: '+13035550100', voiceUrl: 'https://old.example.com/voice' },
    ]);
    const sid = seeded[0]?.sid ?? '';
    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });

    const result = await harness.core().services.agents.delete({ id: agent.id, jobId: randomUUID() });

    expect(result.deleted).toBe(true);
    expect(harness.core().services.agents.list()).toEqual([]);
    expect((await liveNumber(account.sid, sid)).voiceUrl).toBe('https://old.example.com/voice');
  });

  it('keeps the agent when a number cannot be unassigned', async () => {
    const { agent, seeded } = await setUp([{ phoneNumber: '+13035550100' }]);
    const sid = seeded[0]?.sid ?? '';
    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    await harness.control.injectFault({
      kind: 'status',
      status: 400,
      twilioCode: 21606,
      times: 10,
      match: { method: 'POST', pathIncludes: `IncomingPhoneNumbers/${sid}` },
    });

    const result = await harness.core().services.agents.delete({ id: agent.id, jobId: randomUUID() });

    expect(result.deleted).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ outcome: 'failed' });
    expect(harness.core().services.agents.list()).toHaveLength(1);
    expect(assignmentOf(sid)).toMatchObject({
      status: 'unassigning',
      error: { reason: 'failed', error: { code: 'twilio_rejected', twilioCode: 21606 } },
    });
  });
});

describe('after a crash', () => {
  it('shows a change a dead process left under way as interrupted, and Retry finishes it', async () => {
    const { agent, seeded } = await setUp([{ phoneNumber: '+13035550190' }]);
    const sid = seeded[0]?.sid ?? '';
    // What a process killed between writing the assignment row and hearing from Twilio leaves behind.
    beginAssignment(harness.core().db, {
      numberSid: sid,
      agentId: agent.id,
      previousConfiguration: configurationFromWire({}),
      at: new Date().toISOString(),
    });

    const restarted = harness.startCore();
    const assignment = () => restarted.services.numbers.list().numbers.find((number) => number.sid === sid)?.assignment;
    expect(assignment()).toMatchObject({ status: 'assigning', error: { reason: 'interrupted' } });

    await run({ action: 'assign', agentId: agent.id, numberSids: [sid] });
    expect(assignment()).toMatchObject({ status: 'configured', error: null });
  });
});

describe('Messaging Service membership', () => {
  async function setUpWithService() {
    const account = await harness.control.seedAccount({});
    const service = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Texts' });
    const number = await harness.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+13035550100' });
    const agent = await connectWithAgent(account, service.sid);
    return { account, service, number, agent };
  }

  it('adds an SMS number to the service, makes the service use the number’s webhook, and removes it on unassign', async () => {
    const { service, number, agent } = await setUpWithService();

    await run({ action: 'assign', agentId: agent.id, numberSids: [number.sid] });

    expect(await harness.control.serviceNumbers(service.sid)).toEqual([number.sid]);
    expect(await harness.control.messagingService(service.sid)).toMatchObject({ useInboundWebhookOnNumber: true });
    expect(assignmentOf(number.sid)).toMatchObject({ messaging: 'added', messagingError: null });
    // The list's membership column follows at once, without waiting for the next sync.
    const listed = () =>
      harness
        .core()
        .services.numbers.list()
        .numbers.find((owned) => owned.sid === number.sid);
    expect(listed()?.inMessagingService).toBe(true);

    await run({ action: 'unassign', numberSids: [number.sid] });
    expect(await harness.control.serviceNumbers(service.sid)).toEqual([]);
    expect(listed()?.inMessagingService).toBe(false);
  });

  it('leaves a number that was already in the service where it is', async () => {
    const { service, number, agent } = await setUpWithService();
    await harness.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });

    const result = await run({ action: 'assign', agentId: agent.id, numberSids: [number.sid] });
    expect(result.outcomes[0]).toMatchObject({ outcome: 'done', note: { reason: 'already-in-service' } });
    expect(assignmentOf(number.sid)).toMatchObject({ messaging: 'member' });

    await run({ action: 'unassign', numberSids: [number.sid] });
    expect(await harness.control.serviceNumbers(service.sid)).toEqual([number.sid]);
  });

  it('says so when the number is in another service, and still assigns it', async () => {
    const { account, number, agent } = await setUpWithService();
    const other = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Other' });
    await harness.control.addNumberToService({ serviceSid: other.sid, numberSid: number.sid });

    const result = await run({ action: 'assign', agentId: agent.id, numberSids: [number.sid] });

    expect(result.outcomes[0]).toMatchObject({
      outcome: 'done',
      note: { reason: 'in-other-service' },
    });
    expect(assignmentOf(number.sid)).toMatchObject({ status: 'configured', messaging: 'other-service' });
    expect(await harness.control.serviceNumbers(other.sid)).toEqual([number.sid]);
  });
});
