/**
 * A person's first day with the built app, driven by clicks: connect, sync an
 * account's 2,500 numbers (the sync worker from out/main), buy one, create an
 * agent, give it the number, open Costs; quit, and start again on the same
 * data folder. Electron's runtime is the recording stand-in; the code is the
 * shipped bundle (the modules main loaded are checked).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { waitUntilReady } from '../fixtures';
import { findSecret } from '../../support/secret-scan';
import { enterCredentials, openScreen, screenshot as saveScreenshot, searchAreaCode } from '../harness/ui';
import type { BuiltApp } from './driver';
import { expect, test } from './fixtures';

const REPOSITORY = path.resolve(import.meta.dirname, '..', '..', '..');
const STAND_IN = path.join('test', 'e2e', 'built-app', 'stand-in');
const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

async function started(builtApp: BuiltApp): Promise<Page> {
  const page = await builtApp.start();
  await waitUntilReady(page);
  return page;
}

/** The repository files main loaded, relative to it (packages under node_modules left out). */
const ownModulesLoaded = (builtApp: BuiltApp) =>
  builtApp
    .callsTo('module.load')
    .map((call) => String(call.args[0]))
    .filter((url) => url.startsWith('file://'))
    .map((url) => path.relative(REPOSITORY, new URL(url).pathname))
    .filter((file) => !file.startsWith('node_modules') && !file.startsWith('..'));

test.describe('The built app, start to finish', () => {
  test('connects, syncs 2,500 numbers, buys one, gives it to a new agent, opens Costs, and starts again', async ({
    builtApp,
    twilio,
  }) => {
    test.setTimeout(180_000);
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
    await twilio.seedOwnedNumbers({ accountSid: account.sid, count: 2_500, areaCode: '720' });
    let page = await started(builtApp);
    // A fresh install opens on the setup guide.
    await expect(page.getByRole('heading', { level: 1, name: 'Set up Gleam' })).toBeVisible();

    await enterCredentials(page, account.sid, account.authToken);
    await expect(page.getByTestId('connected-account')).toContainText('Harbor Plumbing');
    expect(builtApp.callsTo('safeStorage.encryptStringAsync')).toHaveLength(1);
    const credentials = fs.readFileSync(path.join(builtApp.userDataDir, 'twilio-credentials.json'), 'utf8');
    expect(credentials).not.toContain(account.authToken);

    await openScreen(page, 'Phone Numbers');
    await expect(page.getByText('Showing 2,500 of 2,500 numbers')).toBeVisible({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Buy Number' }).first().click();
    const { result: firstResult, phoneNumber: chosen } = await searchAreaCode(page, '415');
    expect(chosen).toMatch(/^\+1415\d{7}$/);
    await firstResult.getByRole('button', { name: /^Buy / }).click();
    const confirmation = page.getByRole('alertdialog');
    await expect(confirmation).toContainText('$1.15');
    await confirmation.getByRole('button', { name: 'Buy number' }).click();
    await expect(confirmation).toBeHidden();
    await expect(page.getByText('Showing 2,501 of 2,501 numbers')).toBeVisible();
    const purchases = await twilio.requests({ accountSid: account.sid, method: 'POST' });
    expect(purchases.filter((request) => request.path.endsWith('/IncomingPhoneNumbers.json'))).toHaveLength(1);

    await openScreen(page, 'Agents');
    await page.getByRole('button', { name: 'Create your first agent' }).click();
    const agentForm = page.getByRole('form', { name: 'Agent details' });
    await agentForm.getByLabel('Name').fill('Front Desk');
    await agentForm.getByLabel('Greeting').fill('Thanks for calling Harbor Plumbing, how can I help?');
    await agentForm.getByRole('button', { name: 'Save agent' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Front Desk' })).toBeVisible();

    const display = `(${chosen.slice(2, 5)}) ${chosen.slice(5, 8)}-${chosen.slice(8)}`;
    await page.getByRole('button', { name: 'Assign numbers…' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign numbers to Front Desk' });
    await assign.getByLabel('Search numbers').fill(chosen.slice(2));
    await assign.getByRole('checkbox', { name: new RegExp(display.replace(/[()]/g, '\\$&')) }).check();
    await assign.getByRole('button', { name: 'Review changes' }).click();
    await assign.getByRole('button', { name: 'Assign 1 number' }).click();
    await expect(page.getByRole('list', { name: 'Numbers assigned to Front Desk' })).toContainText(display);
    const bought = (await twilio.ownedNumbers(account.sid)).find((number) => number.phoneNumber === chosen);
    expect(bought?.voiceUrl).toMatch(/^https:\/\/hooks\.gleam\.ai\/twilio\/agents\/[0-9a-f-]{36}\/voice$/);

    await openScreen(page, 'Costs');
    await expect(page.getByRole('heading', { level: 1, name: 'Costs' })).toBeVisible();
    await expect(page.getByText(/^Up to date with Twilio/)).toBeVisible();
    await screenshot(page, 'built-app-costs');
    // The export's save dialog is Electron's: the stand-in asks the driver, which accepts the suggested place.
    const suggested: (string | null)[] = [];
    builtApp.saveDialog = (defaultPath) => {
      suggested.push(defaultPath);
      return defaultPath;
    };
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await expect.poll(() => suggested).toEqual([expect.stringMatching(/gleam-costs-\d{4}-\d{2}\.csv$/)]);
    const savedTo = suggested[0] ?? '';
    expect(path.dirname(savedTo)).toBe(path.join(builtApp.home, 'Documents'));
    await expect(page.getByText(savedTo)).toBeVisible();
    expect(fs.readFileSync(savedTo, 'utf8')).toMatch(/^\uFEFFMonth,Phone number,Name,Agent,/);

    // The code that ran is the bundle — its entry, its chunk and the sync worker — and no TypeScript source.
    const appModules = new Set(ownModulesLoaded(builtApp).filter((file) => !file.startsWith(STAND_IN)));
    expect(appModules).toContain(path.join('out', 'main', 'index.js'));
    expect(appModules).toContain(path.join('out', 'main', 'numbers-sync-worker.js'));
    expect([...appModules].filter((file) => !file.startsWith(path.join('out', 'main', 'assets')))).toHaveLength(2);
    expect(
      [...appModules].every((file) => file.startsWith(`out${path.sep}main${path.sep}`) && file.endsWith('.js')),
    ).toBe(true);

    expect(await builtApp.closeWindow()).toBe(0);

    page = await started(builtApp);
    expect(builtApp.callsTo('safeStorage.decryptStringAsync').length).toBeGreaterThanOrEqual(1);
    await openScreen(page, 'Phone Numbers');
    await expect(page.getByText('Showing 2,501 of 2,501 numbers')).toBeVisible();
    await expect(page.getByTestId('number-row').filter({ has: page.locator(`data[value="${chosen}"]`) })).toContainText(
      'Front Desk',
    );
    await openScreen(page, 'Settings');
    await expect(page.getByTestId('connected-account')).toContainText('Harbor Plumbing');
    await screenshot(page, 'built-app-after-restart');

    expect(
      findSecret({ accountSid: account.sid, authToken: account.authToken }, { dataDir: builtApp.home, ipcLog: [] }),
    ).toEqual([]);
    expect(builtApp.pageErrors).toEqual([]);
  });

  test.describe('on Linux', () => {
    test.use({ platform: 'linux' });

    test('keeps the token for this session only, says why, and asks again after a restart', async ({
      builtApp,
      twilio,
    }) => {
      const account = await twilio.seedAccount({ friendlyName: 'Session Only Ltd' });
      let page = await started(builtApp);
      await enterCredentials(page, account.sid, account.authToken);
      await expect(page.getByText(/On Linux, Gleam cannot check that a system keyring/)).toBeVisible();
      await expect(page.getByTestId('connected-account')).toContainText('Session Only Ltd');
      // Not even handed to safeStorage, whose Linux fallback would encrypt it with a fixed key.
      expect(builtApp.callsTo('safeStorage.encryptStringAsync')).toEqual([]);
      expect(fs.existsSync(path.join(builtApp.userDataDir, 'twilio-credentials.json'))).toBe(false);
      await screenshot(page, 'built-app-linux-session-only');

      expect(await builtApp.closeWindow()).toBe(0);
      page = await started(builtApp);
      await openScreen(page, 'Settings');
      await expect(page.getByRole('form', { name: 'Twilio credentials' })).toBeVisible();
    });
  });
});
