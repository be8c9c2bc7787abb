/**
 * `npm run test:electron`: the built app in the real Electron, where its
 * binary can be downloaded (a developer's Mac or PC: `npx install-electron`
 * once). Proves what the stand-in suite cannot: that Electron itself loads
 * out/main, the sandboxed preload and the app:// pages, and that safeStorage,
 * the protocol handler and IPC behave as the stand-in models them. Skipped,
 * saying why, where the binary is absent (as on CI here).
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { test, expect, waitUntilReady } from '../fixtures';
import { enterCredentials, openScreen, screenshot } from '../harness/ui';

const REPOSITORY = path.resolve(import.meta.dirname, '..', '..', '..');
const ELECTRON_PACKAGE = path.join(REPOSITORY, 'node_modules', 'electron');

/**
 * The installed Electron binary, found the way the electron package's index.js finds it — but without its
 * fallback of downloading one, which cannot work offline and would hang the run.
 */
function installedElectron(): string | null {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, executable ?? 'electron')
    : executable && path.join(ELECTRON_PACKAGE, 'dist', executable);
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

test('launches the built app in Electron, connects, syncs and shows Phone Numbers', async ({ twilio }, testInfo) => {
  const executablePath = installedElectron();
  if (executablePath === null) {
    const reason =
      'The Electron binary is not installed (node_modules/electron/dist): run `npx install-electron` where it can ' +
      'be downloaded, then `npm run test:electron`.';
    // Said in the run's output too: the list reporter does not print a skip's reason.
    console.warn(`Skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }

  const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
  await twilio.seedOwnedNumbers({ accountSid: account.sid, count: 250, areaCode: '720' });
  const app = await electron.launch({
    executablePath,
    args: ['.'],
    cwd: REPOSITORY,
    env: {
      ...process.env,
      GLEAM_USER_DATA_DIR: testInfo.outputPath('user-data'),
      GLEAM_TWILIO_HOSTS: process.env.GLEAM_TWILIO_HOSTS ?? '',
    },
  });
  try {
    const page = await app.firstWindow();
    await waitUntilReady(page);
    expect(new URL(page.url()).origin).toBe('app://gleam');

    await enterCredentials(page, account.sid, account.authToken);
    await expect(page.getByTestId('connected-account')).toContainText('Harbor Plumbing');
    await openScreen(page, 'Phone Numbers');
    await expect(page.getByText('Showing 250 of 250 numbers')).toBeVisible({ timeout: 60_000 });
    await screenshot(page, testInfo, 'electron-phone-numbers');

    const credentials = fs.readFileSync(testInfo.outputPath('user-data', 'twilio-credentials.json'), 'utf8');
    expect(credentials).not.toContain(account.authToken);
  } finally {
    await app.close();
  }
});
