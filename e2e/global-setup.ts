/**
 * Starts what the e2e suite talks to, once for all workers, and hands it to
 * them through the environment:
 *   GLEAM_TWILIO_HOSTS        JSON map of Twilio host → base URL
 *   GLEAM_FAKE_TWILIO_CONTROL the fake's control API
 * If GLEAM_TWILIO_HOSTS is already set, nothing is started: the suite runs
 * against those hosts (and GLEAM_FAKE_TWILIO_CONTROL, if given).
 * With GLEAM_CONTRACT=1, Prism proxies validate all traffic against Twilio's
 * specs (after proving on a canary that they catch a violation), and any
 * violation fails the run.
 */
import path from 'node:path';
import { FakeTwilioControl } from './fake-twilio/control-client';
import { startFakeTwilio } from './fake-twilio/server';
import { checkPrismCatchesViolations, startPrismProxies, type PrismProxies } from './harness/prism';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.GLEAM_TWILIO_HOSTS) return () => Promise.resolve();

  const fake = await startFakeTwilio();
  let prism: PrismProxies | null = null;
  const stop = async () => {
    await prism?.close();
    await fake.close();
  };
  try {
    if (process.env.GLEAM_CONTRACT === '1') {
      prism = await startPrismProxies(fake.hosts, path.join(process.cwd(), 'test-results', 'prism'));
      await checkPrismCatchesViolations(prism, new FakeTwilioControl(fake.controlUrl));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  process.env.GLEAM_TWILIO_HOSTS = JSON.stringify(prism ? prism.hosts : fake.hosts);
  process.env.GLEAM_FAKE_TWILIO_CONTROL = fake.controlUrl;

  return async () => {
    const violations = prism?.violations() ?? [];
    await stop();
    if (violations.length > 0) {
      throw new Error(`Twilio spec violations (${violations.length}):\n${violations.join('\n')}`);
    }
    if (prism) console.log('Contract check: 0 Twilio spec violations.');
  };
}
