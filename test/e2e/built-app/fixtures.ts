/**
 * The built-app suite's Playwright `test`: the e2e suite's `twilio` fixture,
 * and `builtApp`, the app as `npm start` runs it (driver.ts), on a fresh home
 * folder for each test. After each test, every seeded account's token is
 * looked for in that whole home folder (the data folder, logs, documents), in
 * every IPC message between main and the page and in everything main asked of
 * Electron.
 */
import path from 'node:path';
import { expect } from '@playwright/test';
import { test as e2eTest } from '../fixtures';
import { findSecret, recordSecretScan, scanForSeededSecrets } from '../../support/secret-scan';
import { BuiltApp, type BuiltAppOptions } from './driver';

const REPOSITORY = path.resolve(import.meta.dirname, '..', '..', '..');

interface Fixtures {
  /** Windows unless a test says otherwise: on Linux the app saves no token (see stand-in/launch.ts). */
  platform: NonNullable<BuiltAppOptions['platform']>;
  builtApp: BuiltApp;
}

export const test = e2eTest.extend<Fixtures>({
  platform: ['win32', { option: true }],

  builtApp: async ({ browser, twilio, platform }, use, testInfo) => {
    const twilioHosts = process.env.GLEAM_TWILIO_HOSTS;
    if (!twilioHosts) throw new Error('GLEAM_TWILIO_HOSTS is not set: run the suite through its Playwright config');
    const app = new BuiltApp({
      browser,
      appDir: REPOSITORY,
      home: testInfo.outputPath('home'),
      twilioHosts,
      platform,
    });
    await use(app);
    await app.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('main-process-output', { body: app.output.join('') });
    }
    const scan = scanForSeededSecrets(twilio, { dataDir: app.home, ipcLog: app.ipcLog });
    // What main asked of Electron (dialogs, links, the keychain) must not carry a token either.
    const electronCalls = app.calls.map((call) => ({
      channel: `electron ${call.api}`,
      reply: { ok: true as const, value: call.args },
    }));
    scan.findings.push(
      ...twilio.seededCredentials.flatMap((credentials) =>
        findSecret(credentials, { dataDir: testInfo.outputPath('no-files'), ipcLog: electronCalls }),
      ),
    );
    recordSecretScan(testInfo, scan);
    expect(scan.findings, 'an Auth Token was left where it must never be').toEqual([]);
  },
});

export { expect };
