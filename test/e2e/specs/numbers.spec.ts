import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { connectNewAccount, enterCredentials, openScreen, screenshot as saveScreenshot } from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

const rows = (page: Page) => page.getByTestId('number-row');

async function openBuyNumber(page: Page) {
  await openScreen(page, 'Phone Numbers');
  await page.getByRole('button', { name: 'Buy Number' }).first().click();
  await expect(page.getByRole('form', { name: 'Search for a number' })).toBeVisible();
  await expect(page.getByLabel('Country')).not.toHaveValue('');
}

async function search(page: Page, filters: { areaCode?: string; city?: string; region?: string; contains?: string }) {
  const form = page.getByRole('form', { name: 'Search for a number' });
  await form.getByLabel('Area code').fill(filters.areaCode ?? '');
  await form.getByLabel('City').fill(filters.city ?? '');
  await form.getByLabel('State or region').fill(filters.region ?? '');
  await form.getByLabel('Number contains').fill(filters.contains ?? '');
  await form.getByRole('button', { name: 'Search', exact: true }).click();
}

/** The numbers found (an error's hints are list items too; results carry the number as data). */
const results = (page: Page) =>
  page
    .getByRole('region', { name: 'Search results' })
    .getByRole('listitem')
    .filter({ has: page.locator('data') });

test.describe('Phone Numbers', () => {
  test('shows numbers bought elsewhere after connecting, and Sync picks up new ones', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550171', friendlyName: 'Main line' });
    await twilio.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+18885550172',
      type: 'toll-free',
      voiceUrl: 'https://example.com/voice',
    });
    await twilio.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550173',
      voiceApplicationSid: `AP${'a'.repeat(32)}`,
    });
    await enterCredentials(app, account.sid, account.authToken);
    await expect(app.getByTestId('connected-account')).toBeVisible();

    await openScreen(app, 'Phone Numbers');
    await expect(rows(app)).toHaveCount(3);
    await expect(app.getByText('Main line')).toBeVisible();
    await expect(rows(app).filter({ hasText: '(888) 555-0172' })).toContainText('Toll-free');
    await expect(rows(app).filter({ hasText: '(415) 555-0171' })).toContainText('$1.15');

    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550174' });
    await app.getByRole('button', { name: 'Sync with Twilio' }).click();
    await expect(rows(app)).toHaveCount(4);
    await expect(app.getByText(/1 new/)).toBeVisible();
    await screenshot(app, 'numbers-list');
  });

  test('marks the numbers that are in the Messaging Service set in Settings', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
    const member = await twilio.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550193',
      friendlyName: 'Texts line',
    });
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550194', friendlyName: 'Calls only' });
    const service = await twilio.seedMessagingService({ accountSid: account.sid, friendlyName: 'Reminders' });
    await twilio.addNumberToService({ serviceSid: service.sid, numberSid: member.sid });
    await enterCredentials(app, account.sid, account.authToken, service.sid);
    await expect(app.getByTestId('connected-account')).toBeVisible();

    await openScreen(app, 'Phone Numbers');
    await expect(rows(app)).toHaveCount(2);
    await expect(rows(app).filter({ hasText: 'Texts line' }).getByText('(in your Messaging Service)')).toBeAttached();
    await expect(rows(app).filter({ hasText: 'Calls only' }).getByText('(in your Messaging Service)')).toHaveCount(0);
    await screenshot(app, 'numbers-messaging-service');
  });

  test('stays usable with 10,000 numbers: virtualized, searchable', async ({ app, twilio }) => {
    test.setTimeout(60_000);
    const account = await twilio.seedAccount();
    await twilio.seedOwnedNumbers({ accountSid: account.sid, count: 10_000, areaCode: '720' });
    await enterCredentials(app, account.sid, account.authToken);
    await openScreen(app, 'Phone Numbers');
    await expect(app.getByText(/Showing 10,000 of 10,000 numbers/)).toBeVisible({ timeout: 30_000 });
    expect(await rows(app).count()).toBeLessThan(100);
    await screenshot(app, 'numbers-list-10000');

    await app.getByLabel('Search your numbers').fill('7200009');
    await expect(app.getByText('Showing 1,000 of 10,000 numbers')).toBeVisible();
    await app.getByLabel('Search your numbers').fill('+17200001234');
    await expect(app.getByText('Showing 1 of 10,000 numbers')).toBeVisible();
    await expect(rows(app)).toHaveCount(1);
  });

  test('fits the default window without sideways scrolling, two lines a row; one line a row when wide', async ({
    app,
    twilio,
  }) => {
    const account = await twilio.seedAccount();
    const longName = 'After-hours line for the Burlington clinic';
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+18025550100', friendlyName: longName });
    await twilio.seedOwnedNumbers({ accountSid: account.sid, count: 3, areaCode: '802' });
    // The app's first window is 1,200 × 800 (electron/main/window.ts).
    await app.setViewportSize({ width: 1200, height: 800 });
    await enterCredentials(app, account.sid, account.authToken);
    await openScreen(app, 'Phone Numbers');
    await expect(rows(app)).toHaveCount(4);

    const table = app.getByRole('table', { name: 'Phone numbers' });
    const sidewaysOverflow = () => table.evaluate((element) => element.scrollWidth - element.clientWidth);
    // A label that does not fit is cut off (overflow: hidden), so its header is wider inside than out.
    const cutHeaders = () =>
      table
        .getByRole('columnheader')
        .evaluateAll((headers) =>
          headers
            .filter((header) => header.textContent !== '' && header.scrollWidth > header.clientWidth)
            .map((header) => header.textContent),
        );
    const row = rows(app).filter({ hasText: '(802) 555-0100' });

    expect(await sidewaysOverflow()).toBe(0);
    expect(await cutHeaders()).toEqual([]);
    await expect(row.getByRole('button', { name: 'Release (802) 555-0100…' })).toBeInViewport({ ratio: 1 });
    await expect(row.getByRole('button', { name: 'Check (802) 555-0100' })).toBeInViewport({ ratio: 1 });
    await expect(row.getByRole('cell', { name: longName })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Local', exact: true })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Added' })).toBeHidden();
    await expect(table.getByRole('columnheader', { name: 'Type' })).toBeHidden();
    await screenshot(app, 'numbers-default-window');

    await app.getByRole('button', { name: /^Name/ }).click();
    await expect(table.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows(app).last()).toContainText(longName);

    await app.setViewportSize({ width: 1700, height: 900 });
    await expect(table.getByRole('columnheader', { name: /^Added/ })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: /^Type/ })).toBeVisible();
    expect(await sidewaysOverflow()).toBe(0);
    expect(await cutHeaders()).toEqual([]);
    const added = row.getByRole('cell', { name: /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/ });
    expect(await added.evaluate((cell) => cell.scrollWidth - cell.clientWidth)).toBe(0);
    await screenshot(app, 'numbers-wide-window');
  });

  test('searches with each filter, confirms the monthly price, and buys one number', async ({ app, twilio }) => {
    const account = await connectNewAccount(app, twilio, { friendlyName: 'Sunset Dental' });
    await openBuyNumber(app);

    await search(app, { areaCode: '415' });
    await expect(results(app).first()).toContainText('(415)');
    await search(app, { city: 'Sausalito' });
    await expect(results(app)).toHaveCount(10);
    await search(app, { region: 'TX' });
    await expect(results(app).first()).toContainText('Austin');
    await search(app, { areaCode: '212', contains: '0120' });
    await expect(results(app)).toHaveCount(1);
    await expect(results(app).first()).toContainText('(212) 555-0120');

    await app.getByRole('checkbox', { name: 'MMS' }).check();
    await search(app, { areaCode: '617' });
    for (const result of await results(app).all()) await expect(result).toContainText('MMS');
    await app.getByRole('checkbox', { name: 'MMS' }).uncheck();

    await app.getByRole('radio', { name: 'Toll-free' }).check();
    await search(app, {});
    await expect(results(app).first()).toContainText(/\((800|888|877)\)/);
    await expect(app.getByText('$2.15').first()).toBeVisible();

    await app.getByRole('radio', { name: 'Local' }).check();
    await search(app, { areaCode: '415' });
    await screenshot(app, 'numbers-search-results');
    const chosen = (await results(app).first().locator('data').first().getAttribute('value')) ?? '';
    await results(app).first().getByRole('button', { name: /^Buy / }).click();

    const dialog = app.getByRole('alertdialog');
    await expect(dialog).toContainText('$1.15');
    await expect(dialog).toContainText('Twilio bills');
    await expect(dialog).toContainText('$20.00');
    await screenshot(app, 'numbers-purchase-confirmation');
    await dialog.getByRole('button', { name: 'Buy number' }).dblclick();
    await expect(dialog).toBeHidden();

    await expect(rows(app).filter({ has: app.locator(`data[value="${chosen}"]`) })).toHaveCount(1);
    const owned = await twilio.ownedNumbers(account.sid);
    expect(owned.map((number) => number.phoneNumber)).toEqual([chosen]);
    const posts = await twilio.requests({ accountSid: account.sid, method: 'POST' });
    expect(posts.filter((request) => request.path.endsWith('/IncomingPhoneNumbers.json'))).toHaveLength(1);
    expect(posts.every((request) => !('AreaCode' in request.form))).toBe(true);
  });

  test('when the chosen number was just taken, says so and lets another be picked', async ({ app, twilio }) => {
    await connectNewAccount(app, twilio);
    await openBuyNumber(app);
    await search(app, { areaCode: '303' });
    const first = results(app).first();
    const taken = (await first.locator('data').first().getAttribute('value')) ?? '';
    await twilio.removeAvailableNumber(taken);
    await first.getByRole('button', { name: /^Buy / }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Buy number' }).click();

    await expect(app.getByRole('alert').filter({ hasText: 'Number not available' })).toBeVisible();
    await expect(app.getByText('Pick another number from these results')).toBeVisible();
    await screenshot(app, 'numbers-not-available');
    const other = (await results(app).nth(1).locator('data').first().getAttribute('value')) ?? '';
    await app
      .getByRole('button', { name: `Buy ${other.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '($1) $2-$3')}…` })
      .click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Buy number' }).click();
    await expect(app.getByRole('alertdialog')).toBeHidden();
    await expect(rows(app)).toHaveCount(1);
  });

  test('explains searches that find nothing or use an invalid area code', async ({ app, twilio }) => {
    await connectNewAccount(app, twilio);
    await openBuyNumber(app);
    await search(app, { areaCode: '533' });
    await expect(app.getByRole('region', { name: 'Search results' })).toContainText(/no numbers/i);
    await search(app, { areaCode: '012' });
    await expect(app.getByRole('alert')).toContainText('That area code is not valid');
    await search(app, { areaCode: '41' });
    await expect(app.getByText(/3 digits|three digits/i).first()).toBeVisible();
  });

  test('says a too-low balance before buying, and nothing is bought', async ({ app, twilio }) => {
    const account = await connectNewAccount(app, twilio, { balance: '0.40' });
    await openBuyNumber(app);
    await search(app, { areaCode: '415' });
    await results(app).first().getByRole('button', { name: /^Buy / }).click();
    const dialog = app.getByRole('alertdialog');
    await expect(dialog).toContainText('$0.40');
    await expect(dialog.getByText(/balance.*is too low/i)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Buy number' })).toBeDisabled();
    await screenshot(app, 'numbers-insufficient-balance');
    expect(await twilio.requests({ accountSid: account.sid, method: 'POST' })).toEqual([]);
  });

  test('explains the trial limit of one number', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({ type: 'Trial' });
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550175' });
    await enterCredentials(app, account.sid, account.authToken);
    await openBuyNumber(app);
    await search(app, { areaCode: '415' });
    await results(app).first().getByRole('button', { name: /^Buy / }).click();
    const dialog = app.getByRole('alertdialog');
    await expect(dialog).toContainText(/trial/i);
    await expect(dialog.getByRole('button', { name: 'Buy number' })).toBeDisabled();
  });

  test('says when Twilio keeps rate-limiting a purchase', async ({ app, twilio }) => {
    const account = await connectNewAccount(app, twilio);
    await openBuyNumber(app);
    await search(app, { areaCode: '512' });
    await twilio.injectFault({ kind: 'rate_limit', times: 3, match: { method: 'POST' } });
    await results(app).first().getByRole('button', { name: /^Buy / }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Buy number' }).click();
    await expect(app.getByRole('alertdialog')).toContainText('Twilio asked Gleam to slow down');
    expect(await twilio.ownedNumbers(account.sid)).toEqual([]);
  });

  test('releases a number after a confirmation and records it in the activity log', async ({ app, twilio }) => {
    const account = await twilio.seedAccount();
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550176' });
    await enterCredentials(app, account.sid, account.authToken);
    await openScreen(app, 'Phone Numbers');
    await app.getByRole('button', { name: 'Release (415) 555-0176…' }).click();
    const dialog = app.getByRole('alertdialog', { name: 'Release (415) 555-0176?' });
    await expect(dialog).toContainText(/cannot be undone/i);
    await screenshot(app, 'numbers-release-confirmation');
    await dialog.getByRole('button', { name: 'Release number' }).click();
    await expect(rows(app)).toHaveCount(0);
    expect(await twilio.ownedNumbers(account.sid)).toEqual([]);

    await app.getByRole('tab', { name: 'Activity' }).click();
    await expect(app.getByRole('table')).toContainText('Released');
    await expect(app.getByRole('table')).toContainText('(415) 555-0176');
  });

  test('offline: shows the saved copy and disables buying, syncing and releasing with the reason', async ({
    app,
    twilio,
  }) => {
    const account = await twilio.seedAccount();
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550177' });
    await enterCredentials(app, account.sid, account.authToken);
    await openScreen(app, 'Phone Numbers');
    await expect(rows(app)).toHaveCount(1);

    await app.context().setOffline(true);
    await expect(app.getByText(/Offline/).first()).toBeVisible();
    await expect(rows(app)).toHaveCount(1);
    await expect(app.getByRole('button', { name: 'Buy Number' }).first()).toBeDisabled();
    await expect(app.getByRole('button', { name: 'Sync with Twilio' })).toBeDisabled();
    await expect(app.getByRole('button', { name: 'Release (415) 555-0177…' })).toBeDisabled();
    await screenshot(app, 'numbers-offline');
    await app.context().setOffline(false);
    await expect(app.getByRole('button', { name: 'Sync with Twilio' })).toBeEnabled();
  });

  test('Twilio not answering while the computer is online: says so at start, with Retry, and recovers', async ({
    app,
    gleam,
    twilio,
  }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550169' });
    await enterCredentials(app, account.sid, account.authToken);
    await openScreen(app, 'Phone Numbers');
    await expect(rows(app)).toHaveCount(1);

    // Twilio refuses this account's every connection; the app starts again and its refresh from Twilio fails.
    const refusing = await twilio.injectFault({ kind: 'drop', times: 10_000, match: { pathIncludes: account.sid } });
    await gleam.restart();
    await gleam.core.refreshFromTwilio();
    await openScreen(app, 'Phone Numbers');
    const note = app.getByText(/^Twilio can’t be reached — showing the copy from /);
    await expect(note).toBeVisible();
    await expect(rows(app)).toHaveCount(1);
    await expect(app.getByRole('button', { name: 'Buy Number' }).first()).toBeDisabled();
    await expect(app.getByRole('button', { name: 'Sync with Twilio' })).toBeDisabled();
    await expect(app.getByRole('navigation', { name: 'Main' })).toContainText('Twilio: can’t be reached');
    await screenshot(app, 'numbers-twilio-unreachable');

    // Retry while Twilio still refuses: once it has tried, it says the same.
    await app.getByRole('button', { name: 'Retry now' }).click();
    await expect(app.getByRole('button', { name: 'Retry now' })).toBeEnabled();
    await expect(note).toBeVisible();
    await twilio.removeFault(refusing.id);
    await app.getByRole('button', { name: 'Retry now' }).click();
    await expect(note).toBeHidden();
    await expect(app.getByRole('button', { name: 'Sync with Twilio' })).toBeEnabled();
    await expect(app.getByRole('navigation', { name: 'Main' })).toContainText('Twilio: Harbor Plumbing');
  });
});
