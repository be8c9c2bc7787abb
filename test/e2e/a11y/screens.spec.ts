/**
 * Accessibility: axe-core (WCAG 2.1 A and AA rules) on every screen and the
 * dialogs and panels people work in, in the light and the dark theme. Any
 * serious or critical violation fails, listed with the elements it concerns.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { FakeTwilioControl } from '../../../tools/fake-twilio/control-client';
import { expect, test, type GleamHost } from '../fixtures';
import { assignToNewAgent } from '../harness/core-steps';
import { enterCredentials, openScreen, screenshot } from '../harness/ui';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical violations on the page as it is now, each with the elements it concerns. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? ''}): ${violation.help} — ` +
        violation.nodes.map((node) => node.target.join(' ')).join(', '),
    );
}

/** Checks the page and keeps a screenshot of it, per theme, for people to look at. */
async function expectAccessible(page: Page, what: string) {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const name = `a11y-${dark ? 'dark' : 'light'}-${what.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  await screenshot(page, test.info(), name);
  expect(await seriousViolations(page), what).toEqual([]);
}

const lastMonthAt = (day: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day, 12)).toISOString();
};

/** An account with two numbers, one assigned to an agent, and a month of calls: every screen has content. */
async function connectFurnishedAccount(page: Page, gleam: GleamHost, twilio: FakeTwilioControl, block: string) {
  const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
  const frontDesk = `+1415555${block}01`;
  await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: frontDesk, friendlyName: 'Front desk' });
  await twilio.seedOwnedNumber({
    accountSid: account.sid,
    phoneNumber: `+1415555${block}02`,
    friendlyName: 'Back office',
  });
  await twilio.seedCalls(account.sid, [
    {
      from: '+12125550123',
      to: frontDesk,
      direction: 'inbound',
      startTime: lastMonthAt(3),
      durationSeconds: 61,
      price: '-0.0170',
    },
  ]);
  await enterCredentials(page, account.sid, account.authToken);
  await expect(page.getByTestId('connected-account')).toBeVisible();
  await gleam.core.refreshFromTwilio();
  await assignToNewAgent(gleam, 'Reception', frontDesk);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`Accessibility, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('before connecting: Settings and the empty screens', async ({ app }) => {
      await expectAccessible(app, 'Settings, not connected');
      for (const screen of ['Setup guide', 'Phone Numbers', 'Agents', 'Costs', 'Help'] as const) {
        await openScreen(app, screen);
        await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
        await expectAccessible(app, `${screen}, not connected`);
      }
    });

    test('connected: every screen, the number search, the agent editor and a confirmation', async ({
      app,
      gleam,
      twilio,
    }) => {
      await connectFurnishedAccount(app, gleam, twilio, colorScheme === 'light' ? '61' : '62');
      await expectAccessible(app, 'Settings, connected');

      await openScreen(app, 'Phone Numbers');
      await expect(app.getByTestId('number-row')).toHaveCount(2);
      await expectAccessible(app, 'Phone Numbers');

      await app
        .getByRole('button', { name: /^Check \(415\) 555-\d{4}$/ })
        .first()
        .click();
      await expect(app.getByRole('dialog').getByRole('list', { name: 'Checks' })).toBeVisible();
      await expectAccessible(app, "Why isn't my number working");
      await app.keyboard.press('Escape');

      await app.getByRole('button', { name: 'Buy Number' }).first().click();
      const form = app.getByRole('form', { name: 'Search for a number' });
      await expect(app.getByLabel('Country')).not.toHaveValue('');
      await form.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(app.getByRole('region', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
      await expectAccessible(app, 'Buy Number with results');

      await openScreen(app, 'Phone Numbers');
      await app
        .getByRole('button', { name: /^Release \(415\) 555-\d{4}…$/ })
        .first()
        .click();
      await expect(app.getByRole('alertdialog')).toBeVisible();
      await expectAccessible(app, 'Release confirmation');
      await app.keyboard.press('Escape');

      await openScreen(app, 'Agents');
      await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(app, 'Agents');
      await app.getByRole('button', { name: 'New agent' }).click();
      await expect(app.getByRole('form', { name: 'Agent details' })).toBeVisible();
      await expectAccessible(app, 'Agent editor');

      await openScreen(app, 'Costs');
      await expect(app.getByRole('img', { name: /^Costs over the last 12 months/ })).toBeVisible();
      await expectAccessible(app, 'Costs');

      await openScreen(app, 'Help');
      await expectAccessible(app, 'Help');

      await openScreen(app, 'Setup guide');
      await expect(app.getByRole('heading', { level: 2, name: /^Step 1 of 5/ })).toBeVisible();
      await expectAccessible(app, 'Setup guide, connected');
      for (const step of ['Get a phone number', 'Give the number to the agent', 'Texting and A2P'] as const) {
        await app
          .getByRole('navigation', { name: 'Setup steps' })
          .getByRole('button', { name: new RegExp(step) })
          .click();
        await expect(app.getByRole('heading', { level: 2, name: new RegExp(step) })).toBeVisible();
        await expectAccessible(app, `Setup guide, ${step}`);
      }
    });
  });
}
