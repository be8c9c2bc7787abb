/**
 * The e2e suite's Playwright `test`, with fixtures:
 *   twilio — control of the fake Twilio (seed accounts and services, read the
 *            requests it received, inject faults); see fake-twilio/control-client.ts.
 *            After each test, the token of every account it seeded is looked
 *            for in the app's data folder and IPC replies (harness/secret-scan.ts).
 *   gleam  — the main-side host of this test's app: data folder, core,
 *            the IPC calls made and answered, restart()
 *   app    — a Page with the app loaded and ready, on a fresh data folder
 * Options: `encryption: 'unavailable'` starts the app as on a machine without
 * OS secret storage; `twilioHosts` points this test's app at other hosts;
 * `setupGuide: 'first-run'` opens the app as freshly installed, on the setup guide.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { parseTwilioHostMap, type TwilioHostMap } from '../../electron/main/twilio/hosts';
import { AppHost } from '../support/app-host';
import { recordSecretScan, scanForSeededSecrets, SecretTrackingControl } from '../support/secret-scan';
import { createTestCipher, createUnavailableCipher } from '../support/test-cipher';

function configuredTwilioHosts(): TwilioHostMap {
  const hosts = process.env.GLEAM_TWILIO_HOSTS;
  if (!hosts) throw new Error('GLEAM_TWILIO_HOSTS is not set: run the suite through playwright.config.ts');
  return parseTwilioHostMap(hosts);
}

export interface GleamHost extends AppHost {
  /** Quits and starts the app again on the same data folder, and reloads the page. */
  restart(): Promise<void>;
}

export async function waitUntilReady(page: Page): Promise<void> {
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
}

interface Fixtures {
  encryption: 'available' | 'unavailable';
  /** `first-run` opens the app as on a fresh install, setup guide first; otherwise the guide is finished. */
  setupGuide: 'finished' | 'first-run';
  /** Overrides GLEAM_TWILIO_HOSTS for one test (e.g. to make Twilio unreachable). */
  twilioHosts: TwilioHostMap | null;
  twilio: SecretTrackingControl;
  gleam: GleamHost;
  app: Page;
}

export const test = base.extend<Fixtures>({
  encryption: ['available', { option: true }],
  twilioHosts: [null, { option: true }],
  setupGuide: ['finished', { option: true }],

  twilio: async ({}, use) => {
    const controlUrl = process.env.GLEAM_FAKE_TWILIO_CONTROL;
    if (!controlUrl) {
      throw new Error('GLEAM_FAKE_TWILIO_CONTROL is not set: the twilio fixture needs the fake Twilio control API');
    }
    await use(new SecretTrackingControl(controlUrl));
  },

  gleam: async ({ encryption, twilioHosts: hostsOverride, setupGuide, twilio, page, baseURL }, use, testInfo) => {
    if (!baseURL) throw new Error('baseURL is not configured');
    const host = new AppHost({
      dataDir: testInfo.outputPath('gleam-data'),
      cipher: encryption === 'available' ? createTestCipher() : createUnavailableCipher(),
      twilioHosts: hostsOverride ?? configuredTwilioHosts(),
      trustedOrigin: new URL(baseURL).origin,
    }) as GleamHost;
    host.restart = async () => {
      host.stop();
      host.start();
      await page.reload();
      await waitUntilReady(page);
    };
    host.start();
    // Most tests are about one screen, not the guide that opens on a fresh install.
    if (setupGuide === 'finished')
      await host.core.services.setup.save({ current: 'connect', skipped: [], finished: true });
    await use(host);
    // Before stopping, so the database's write-ahead log is still there to be read.
    const scan = scanForSeededSecrets(twilio, { dataDir: host.dataDir, ipcLog: host.ipcLog });
    host.stop();
    recordSecretScan(testInfo, scan);
    expect(scan.findings, 'an Auth Token was left where it must never be').toEqual([]);
  },

  app: async ({ page, gleam }, use) => {
    await gleam.attach(page);
    await page.goto('/');
    await waitUntilReady(page);
    await use(page);
  },
});

export { expect };
