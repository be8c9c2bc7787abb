import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { FakeTwilioControl, SeededAccount } from '../../../tools/fake-twilio/control-client';
import { expect, test, type GleamHost } from '../fixtures';
import { assignToNewAgent } from '../harness/core-steps';
import { enterCredentials, openScreen, screenshot as saveScreenshot } from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

const now = new Date();
/** A time on a day of last month: always in the past, always in one month, whatever today is. */
const lastMonthAt = (day: number, hour = 12) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day, hour)).toISOString();
const LAST_MONTH = lastMonthAt(1).slice(0, 7);
/** "Oct 2026", as the By month table names a month. */
const LAST_MONTH_NAME = new Date(lastMonthAt(1)).toLocaleDateString('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * Each test's own two numbers: the fake Twilio is shared, and a number has
 * one owner. A repeated run (--repeat-each) takes another block.
 */
interface OfficeNumbers {
  frontDesk: string;
  backOffice: string;
}
const officeNumbers = (testBlock: number): OfficeNumbers => {
  const block = String(testBlock + 10 * test.info().repeatEachIndex).padStart(2, '0');
  return { frontDesk: `+1415555${block}01`, backOffice: `+1415555${block}02` };
};
/** +14155550201 → (415) 555-0201, as the app writes US numbers. */
const formatted = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
const CALLER = '+12125550123';

/**
 * Last month, by hand:
 *   Front desk (agent Reception): a call in, 61 s (2 billable minutes), $0.9770;
 *     a call out, 120 s (2 minutes), $0.0280 → $1.0050, shown $1.01 (half a
 *     cent rounds up; summed as binary floats it would drift to $1.00).
 *   Back office (no agent): a call in, 30 s (1 minute), $0.0085; a text out,
 *     2 segments, $0.0158; a text in, 1 segment, $0.0079 → $0.0322, shown $0.03.
 *   Numbers' monthly fees (usage record): $2.30.
 *   Month: calls $1.0135 ($1.01), SMS $0.0237 ($0.02), total $3.3372 ($3.34).
 */
async function seedLastMonth(twilio: FakeTwilioControl, account: SeededAccount, numbers: OfficeNumbers) {
  const { frontDesk, backOffice } = numbers;
  await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: frontDesk, friendlyName: 'Front desk' });
  await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: backOffice, friendlyName: 'Back office' });
  await twilio.seedCalls(account.sid, [
    {
      from: CALLER,
      to: frontDesk,
      direction: 'inbound',
      startTime: lastMonthAt(3),
      durationSeconds: 61,
      price: '-0.9770',
    },
    {
      from: frontDesk,
      to: CALLER,
      direction: 'outbound-api',
      startTime: lastMonthAt(5),
      durationSeconds: 120,
      price: '-0.0280',
    },
    {
      from: CALLER,
      to: backOffice,
      direction: 'inbound',
      startTime: lastMonthAt(7),
      durationSeconds: 30,
      price: '-0.0085',
    },
  ]);
  await twilio.seedMessages(account.sid, [
    {
      from: backOffice,
      to: CALLER,
      direction: 'outbound-api',
      dateSent: lastMonthAt(10),
      numSegments: 2,
      price: '-0.0158',
      body: 'Your plumber arrives at 3pm',
    },
    {
      from: CALLER,
      to: backOffice,
      direction: 'inbound',
      dateSent: lastMonthAt(11),
      numSegments: 1,
      price: '-0.0079',
      body: 'Thanks!',
    },
  ]);
  await twilio.seedUsageRecords(account.sid, [{ category: 'phonenumbers', month: LAST_MONTH, price: '2.30' }]);
}

/**
 * Connects in Settings and waits for the update from Twilio that connecting
 * starts in the background (numbers, then costs): it sees all that was seeded
 * before, and cannot overlap what the test does next.
 */
async function connect(page: Page, gleam: GleamHost, account: SeededAccount) {
  await enterCredentials(page, account.sid, account.authToken);
  await expect(page.getByTestId('connected-account')).toBeVisible();
  await gleam.core.refreshFromTwilio();
}

/** Opens Costs and waits for its first update from Twilio to finish. */
async function openCosts(page: Page) {
  await openScreen(page, 'Costs');
  await expect(page.getByText(/^Up to date with Twilio/)).toBeVisible();
}

/** A table's body rows as the cells' text, header cell first. */
async function rowTexts(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent.trim())),
    );
}

test.describe('Costs', () => {
  test('shows last month by month, number and agent to the cent, charts it and exports it as CSV', async ({
    app,
    twilio,
    gleam,
  }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing', balance: '42.50' });
    const numbers = officeNumbers(2);
    const { frontDesk, backOffice } = numbers;
    await seedLastMonth(twilio, account, numbers);
    await connect(app, gleam, account);
    await assignToNewAgent(gleam, 'Reception', frontDesk);
    await openCosts(app);

    await expect(app.getByRole('region', { name: 'Balance' })).toContainText('$42.50');
    await expect(app.getByRole('img', { name: /^Costs over the last 12 months/ })).toBeVisible();
    const byMonth = app.getByRole('table', { name: 'By month' });
    expect((await rowTexts(byMonth)).find((row) => row[0] === LAST_MONTH_NAME)).toEqual([
      LAST_MONTH_NAME,
      '3', // minutes in: 2 + 1
      '2', // minutes out
      '1', // segments in
      '2', // segments out
      '$1.01',
      '$0.02',
      '$2.30',
      '$0.00',
      '$3.34',
    ]);

    await app.getByLabel('Month', { exact: true }).selectOption(LAST_MONTH);
    const byNumber = app.getByRole('table', { name: 'By number' });
    await expect(byNumber.locator('tbody tr')).toHaveCount(2);
    expect(await rowTexts(byNumber)).toEqual([
      [
        formatted(frontDesk),
        'Front desk',
        'Reception',
        '1 (2 min)',
        '1 (2 min)',
        '0 (0 segments)',
        '0 (0 segments)',
        '$1.01',
      ],
      [
        formatted(backOffice),
        'Back office',
        'No agent',
        '1 (1 min)',
        '0 (0 min)',
        '1 (1 segment)',
        '1 (2 segments)',
        '$0.03',
      ],
    ]);
    expect(await rowTexts(app.getByRole('table', { name: 'By agent' }))).toEqual([
      ['Reception', '1', '4 (2 in, 2 out)', '0 (0 in, 0 out)', '$1.01'],
      ['No agent', '1', '1 (1 in, 0 out)', '3 (1 in, 2 out)', '$0.03'],
    ]);
    await screenshot(app, 'costs');

    await app.getByRole('button', { name: 'Export CSV…' }).click();
    const savedTo = path.join(gleam.exportDir, `gleam-costs-${LAST_MONTH}.csv`);
    await expect(app.getByText(savedTo)).toBeVisible();
    const csv = fs.readFileSync(savedTo, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Month,Phone number,Name,Agent,Still owned,Inbound calls,Inbound minutes,Outbound calls,Outbound minutes,' +
        'Inbound messages,Inbound segments,Outbound messages,Outbound segments,Calls cost,SMS cost,Total cost,' +
        'Not yet priced,Currency',
      // A leading + would make a spreadsheet read the number as a formula: the apostrophe keeps it text.
      `${LAST_MONTH},'${frontDesk},Front desk,Reception,yes,1,2,1,2,0,0,0,0,1.005,0.00,1.005,0,USD`,
      `${LAST_MONTH},'${backOffice},Back office,,yes,1,1,0,0,1,1,1,2,0.0085,0.0237,0.0322,0,USD`,
      '',
    ]);

    // Cancelling the save dialog writes nothing and says nothing went wrong.
    fs.rmSync(savedTo);
    await app
      .getByText(/^Saved to/)
      .getByRole('button', { name: 'Dismiss' })
      .click();
    gleam.saveDialogAnswer = 'cancel';
    await app.getByRole('button', { name: 'Export CSV…' }).click();
    await expect(app.getByRole('button', { name: 'Export CSV…' })).toBeEnabled();
    expect(fs.existsSync(savedTo)).toBe(false);
    await expect(app.getByText(/^Saved to/)).toHaveCount(0);
    await expect(app.getByRole('region', { name: 'Numbers and agents' }).getByRole('alert')).toHaveCount(0);
  });

  test('a refresh fetches only what is new, and prices Twilio filled in since', async ({ app, twilio, gleam }) => {
    const account = await twilio.seedAccount();
    const numbers = officeNumbers(3);
    const { frontDesk, backOffice } = numbers;
    await seedLastMonth(twilio, account, numbers);
    // Twilio has not priced this call yet when Gleam first sees it.
    const today = new Date(Date.now() - 60_000).toISOString();
    const {
      sids: [unpricedSid],
    } = await twilio.seedCalls(account.sid, [
      { from: CALLER, to: backOffice, direction: 'inbound', startTime: today, durationSeconds: 45, price: null },
    ]);
    await connect(app, gleam, account);
    await openCosts(app);
    await expect(app.getByText('1 not priced yet').first()).toBeVisible();

    await twilio.clearRequests();
    await twilio.rateCall(unpricedSid ?? '', '-0.0085');
    await twilio.seedCalls(account.sid, [
      { from: CALLER, to: frontDesk, direction: 'inbound', startTime: today, durationSeconds: 125, price: '-0.0255' },
    ]);
    await app.getByRole('button', { name: 'Refresh' }).click();
    await expect(app.getByText('Up to date with Twilio: 1 new call and 0 new messages.')).toBeVisible();

    const requests = await twilio.requests({ accountSid: account.sid });
    const listings = requests.filter((request) => /\/(Calls|Messages)\.json$/.test(request.path));
    // Only from the newest record's day on (today), not the year the first update read.
    expect(
      listings.map((request) => [
        request.path.split('/').at(-1),
        request.query['StartTime>'] ?? request.query['DateSent>'],
      ]),
    ).toEqual([
      ['Calls.json', today.slice(0, 10)],
      ['Messages.json', lastMonthAt(11).slice(0, 10)],
    ]);
    const usage = requests.filter((request) => request.path.endsWith('/Usage/Records/Monthly.json'));
    expect(usage.map((request) => request.query.StartDate)).toEqual([`${LAST_MONTH}-01`]);

    // This month: both of today's calls, priced: 1 + 3 minutes, $0.0085 + $0.0255 = $0.034 → $0.03.
    const byNumber = app.getByRole('table', { name: 'By number' });
    await expect(app.getByText(/not priced yet/)).toHaveCount(0);
    expect((await rowTexts(byNumber)).map((row) => [row[0], row[3], row.at(-1)])).toEqual([
      [formatted(frontDesk), '1 (3 min)', '$0.03'],
      [formatted(backOffice), '1 (1 min)', '$0.01'],
    ]);
  });

  test('offline, and after a restart without Twilio, shows the saved figures with the time they are from', async ({
    app,
    twilio,
    gleam,
  }) => {
    const account = await twilio.seedAccount({ balance: '42.50' });
    await seedLastMonth(twilio, account, officeNumbers(4));
    await connect(app, gleam, account);
    await openCosts(app);
    const fees = app.getByRole('region', { name: 'Number fees' });
    await expect(fees).toContainText('2 local numbers in US');
    const asOf = await app.locator('.costs-as-of time').first().textContent();
    expect(asOf).toBeTruthy();

    // Twilio unreachable, and the app started again: the update fails, the local copy answers.
    await twilio.injectFault({ kind: 'drop', times: 1_000, match: { pathIncludes: account.sid } });
    await gleam.restart();
    await openScreen(app, 'Costs');
    await expect(app.getByRole('alert')).toContainText('Twilio did not respond');
    await expect(app.locator('.costs-as-of')).toContainText(`As of ${asOf ?? ''}`);
    await expect(app.getByRole('region', { name: 'Balance' })).toContainText('$42.50');
    await expect(fees).toContainText('2 local numbers in US');
    const byMonth = app.getByRole('table', { name: 'By month' });
    expect((await rowTexts(byMonth)).find((row) => row[0] === LAST_MONTH_NAME)?.at(-1)).toBe('$3.34');
    await app.getByLabel('Month', { exact: true }).selectOption(LAST_MONTH);
    await expect(app.getByRole('table', { name: 'By number' }).locator('tbody tr')).toHaveCount(2);
    await screenshot(app, 'costs-twilio-unreachable');

    // The computer offline: Refresh is off, and the note says the figures are the saved ones, from when.
    await app.context().setOffline(true);
    await expect(app.locator('.costs-blocked')).toContainText(
      `Offline. These are the figures saved on this computer, as of ${asOf ?? ''}.`,
    );
    await expect(app.getByRole('button', { name: 'Refresh' })).toBeDisabled();
    await screenshot(app, 'costs-offline');
    await app.context().setOffline(false);
  });
});
