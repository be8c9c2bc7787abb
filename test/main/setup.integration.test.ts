/**
 * The setup guide's progress against the real core and the fake Twilio:
 * each step is done exactly when the app's state says so, and the person's
 * place in the guide survives a restart.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EMPTY_AGENT_DRAFT } from '../../shared/domain/agents';
import { setupNeedsAttention, type SetupProgress } from '../../shared/domain/setup';
import { setSetting } from '../../electron/main/db/settings-repo';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';
import { releaseNumber } from '../support/purchase-steps';

let harness: CoreHarness;
beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

const doneSteps = (progress: SetupProgress) => progress.steps.filter((step) => step.done).map((step) => step.id);

it('ticks each step from the app’s real state, not from what the guide was told', async () => {
  const core = harness.core();
  const fresh = await core.services.setup.progress();
  expect(fresh).toMatchObject({ current: 'connect', finished: false });
  expect(doneSteps(fresh)).toEqual([]);
  expect(setupNeedsAttention(fresh)).toBe(true);

  const account = await harness.control.seedAccount({});
  const { sid: numberSid } = await harness.control.seedOwnedNumber({
    accountSid: account.sid,
    phoneNumber: '+14155550151',
  });
  await core.services.connection.connect({ accountSid: account.sid, authToken: account.authToken });
  expect(doneSteps(await core.services.setup.progress())).toEqual(['connect']);

  // A number bought elsewhere counts once the sync has brought it in.
  await core.refreshFromTwilio();
  expect(doneSteps(await core.services.setup.progress())).toEqual(['connect', 'number']);

  const agent = core.services.agents.save({ agent: { ...EMPTY_AGENT_DRAFT, name: 'Front desk', greeting: 'Hello!' } });
  expect(doneSteps(await core.services.setup.progress())).toEqual(['connect', 'number', 'agent']);

  await core.services.assignments.run({
    jobId: randomUUID(),
    action: 'assign',
    agentId: agent.id,
    numberSids: [numberSid],
  });
  const assigned = await core.services.setup.progress();
  expect(doneSteps(assigned)).toEqual(['connect', 'number', 'agent', 'assign']);
  // Every required step is done: the guide no longer needs to open at start, finished or not.
  expect(setupNeedsAttention(assigned)).toBe(false);

  const service = await harness.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Texts' });
  await core.services.connection.setMessagingService({ messagingServiceSid: service.sid });
  expect(doneSteps(await core.services.setup.progress())).toEqual([
    'connect',
    'number',
    'agent',
    'assign',
    'messaging',
  ]);

  // Released, unassigned or disconnected: the steps are to do again.
  await releaseNumber(core, numberSid);
  expect(doneSteps(await core.services.setup.progress())).toEqual(['connect', 'agent', 'messaging']);
  await core.services.connection.disconnect();
  expect(doneSteps(await core.services.setup.progress())).toEqual(['agent']);
});

it('keeps the current step, the skipped steps and "finished" across a restart', async () => {
  const saved = await harness.core().services.setup.save({ current: 'assign', skipped: ['agent'], finished: false });
  expect(saved.current).toBe('assign');
  expect(saved.steps.find((step) => step.id === 'agent')).toMatchObject({ skipped: true, done: false });

  const restarted = harness.startCore();
  expect(await restarted.services.setup.progress()).toEqual(saved);

  const finished = await restarted.services.setup.save({ current: 'assign', skipped: ['agent'], finished: true });
  expect(setupNeedsAttention(finished)).toBe(false);
  expect((await harness.startCore().services.setup.progress()).finished).toBe(true);
});

it('starts the guide over when the saved place cannot be read, instead of failing', async () => {
  setSetting(harness.core().db, 'setupPlace', '{"current":"nowhere"');
  expect(await harness.core().services.setup.progress()).toMatchObject({ current: 'connect', finished: false });
  setSetting(harness.core().db, 'setupPlace', JSON.stringify({ current: 'elsewhere', skipped: [], finished: true }));
  expect(await harness.core().services.setup.progress()).toMatchObject({ current: 'connect', finished: false });
});
