/**
 * Starts what the e2e suite talks to, once for all workers, and hands it to
 * them through the environment:
 *   GLEAM_TWILIO_HOSTS        JSON map of Twilio host → base URL
 *   GLEAM_FAKE_TWILIO_CONTROL the fake's control API
 * If GLEAM_TWILIO_HOSTS is already set, nothing is started: the suite runs
 * against those hosts (and GLEAM_FAKE_TWILIO_CONTROL, if given).
 * When the `contract` project is selected, Prism proxies validate all traffic against Twilio's
 * specs (after proving on a canary that they catch a violation), and any
 * violation fails the run. At the end it prints the total of the per-test
 * secret scans.
 */
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { FakeTwilioControl } from '../../tools/fake-twilio/control-client';
import { startFakeTwilio } from '../../tools/fake-twilio/server';
import { checkPrismCatchesViolations, startPrismProxies, type PrismProxies } from './harness/prism';
import { secretScanTotals } from '../support/secret-scan';

/** One line for each project of the run: what its per-test secret scans (see fixtures.ts) looked through. */
function reportSecretScans(config: FullConfig) {
  for (const project of config.filteredProjects) {
    const totals = secretScanTotals(project.outputDir);
    if (totals.tests === 0) continue;
    console.log(
      `Secret scan (${project.name}): ${totals.tests} tests, ${totals.tokens} Auth Tokens looked for in ` +
        `${totals.files} files (logs, SQLite with its WAL, credentials, exports) and ${totals.ipcReplies} IPC ` +
        `replies: ${totals.findings} found.`,
    );
  }
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (process.env.GLEAM_TWILIO_HOSTS) {
    return () => {
      reportSecretScans(config);
      return Promise.resolve();
    };
  }

  const fake = await startFakeTwilio();
  let prism: PrismProxies | null = null;
  const stop = async () => {
    await prism?.close();
    await fake.close();
  };
  try {
    if (config.filteredProjects.some((project) => project.name === 'contract')) {
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
    reportSecretScans(config);
    const violations = prism?.violations() ?? [];
    await stop();
    if (violations.length > 0) {
      throw new Error(`Twilio spec violations (${violations.length}):\n${violations.join('\n')}`);
    }
    if (prism) console.log('Contract check: 0 Twilio spec violations.');
  };
}
