/**
 * "Why isn't anything working?" when the network is up and Twilio is not:
 * the real core against the fake Twilio, whose connections are dropped as a
 * Twilio refusing them would. Main says so before anyone clicks, keeps
 * asking, and recovers by itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoreHarness, TEST_ORIGIN, type CoreHarness } from '../support/core-with-fake';

let harness: CoreHarness;
beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

const sender = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true };

/** Vitest's polling, with room for the probe's interval and the fake's answers on a busy machine. */
const WAIT = { timeout: 10_000, interval: 20 };

const reachabilityEvents = () =>
  harness.events.filter((entry) => entry.event === 'reachability:changed').map((entry) => entry.payload);

describe('Twilio reachability', () => {
  it('says Twilio cannot be reached when it stops answering, asks again by itself, and refreshes once it answers', async () => {
    const core = harness.startCore({ twilioProbeIntervalMs: 50 });
    await harness.connect();
    expect(core.services.reachability.status()).toMatchObject({ state: 'reachable', unreachableSince: null });

    // Twilio drops every connection: the refresh at start (here: after connecting again) fails.
    await harness.control.injectFault({ kind: 'drop', times: 10_000 });
    await core.refreshFromTwilio();
    const { state, unreachableSince } = core.services.reachability.status();
    expect(state).toBe('unreachable');
    expect(Date.parse(unreachableSince ?? '')).not.toBeNaN();
    expect(await core.registry.invoke(sender, 'reachability:status', {})).toMatchObject({
      ok: true,
      value: { state: 'unreachable' },
    });
    expect(reachabilityEvents().at(-1)).toMatchObject({ state: 'unreachable' });

    // Main keeps asking while it cannot get through; nothing changes until Twilio answers.
    const asked = (await harness.control.requests()).length;
    await vi.waitFor(async () => expect((await harness.control.requests()).length).toBeGreaterThan(asked + 1), WAIT);
    expect(core.services.reachability.status().state).toBe('unreachable');

    await harness.control.clearFaults();
    await harness.control.clearRequests();
    await vi.waitFor(() => expect(core.services.reachability.status().state).toBe('reachable'), WAIT);
    expect(reachabilityEvents().at(-1)).toMatchObject({ state: 'reachable', unreachableSince: null });
    // What the failure left undone runs again: the numbers are listed.
    await vi.waitFor(async () => {
      const reads = await harness.control.requests({ method: 'GET' });
      expect(reads.some((request) => request.path.endsWith('/IncomingPhoneNumbers.json'))).toBe(true);
    }, WAIT);
  });

  it('counts any answer as Twilio answering, a refusal included, and Retry asks at once', async () => {
    const core = harness.startCore({ twilioProbeIntervalMs: 60_000 });
    await harness.connect();
    await harness.control.injectFault({ kind: 'status', status: 503, times: 10_000, match: { method: 'GET' } });
    await core.refreshFromTwilio();
    expect(core.services.reachability.status().state).toBe('unreachable');

    // Twilio answering "no such number" is Twilio answering.
    await harness.control.clearFaults();
    await harness.control.injectFault({ kind: 'status', status: 404, match: { method: 'GET' } });
    expect(await core.registry.invoke(sender, 'reachability:check', {})).toMatchObject({
      ok: true,
      value: { state: 'reachable' },
    });
  });

  it('has nothing to ask with no account connected', async () => {
    const core = harness.startCore({ twilioProbeIntervalMs: 60_000 });
    expect(await core.services.reachability.check()).toEqual({
      state: 'unknown',
      unreachableSince: null,
      lastAnsweredAt: null,
    });
    expect(await harness.control.requests()).toEqual([]);
  });
});
