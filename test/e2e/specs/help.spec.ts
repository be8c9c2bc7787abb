import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import {
  connectNewAccount,
  enterCredentials,
  openScreen,
  screenshot as saveScreenshot,
  searchAreaCode,
} from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

/** From an error on screen, its "Troubleshooting help" opens Help on the matching section, focused. */
async function followHelpFrom(page: Page, errorText: string, sectionTitle: string) {
  const alert = page.getByRole('alert').filter({ hasText: errorText });
  await alert.getByRole('button', { name: 'Troubleshooting help' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  const section = page.getByRole('region', { name: sectionTitle });
  await expect(section).toBeFocused();
  await expect(section).toBeInViewport();
  return section;
}

test.describe('Help from error messages', () => {
  test('invalid credentials lead to the advice on copying the SID and token', async ({ app, twilio }) => {
    const account = await twilio.seedAccount();
    await enterCredentials(
      app,
      account.sid,
      account.authToken.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    const section = await followHelpFrom(app, 'Invalid credentials', 'Twilio says the credentials are invalid');
    await expect(section).toContainText('AC');
    await screenshot(app, 'help-from-invalid-credentials');
  });

  test('an unreachable Twilio leads to the connection advice', async ({ app, twilio }) => {
    const account = await twilio.seedAccount();
    await twilio.injectFault({ kind: 'drop', times: 10, match: { pathIncludes: account.sid } });
    await enterCredentials(app, account.sid, account.authToken);
    await followHelpFrom(app, 'Twilio', 'Gleam cannot reach Twilio');
  });

  test('a number that cannot be bought leads to the buying advice, and Help leads back to the setup guide', async ({
    app,
    twilio,
  }) => {
    await connectNewAccount(app, twilio);
    await openScreen(app, 'Phone Numbers');
    await app.getByRole('button', { name: 'Buy Number' }).first().click();
    const { result: first, phoneNumber } = await searchAreaCode(app, '303');
    await twilio.removeAvailableNumber(phoneNumber);
    await first.getByRole('button', { name: /^Buy / }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Buy number' }).click();
    const section = await followHelpFrom(app, 'Number not available', 'A number cannot be bought');
    await expect(section).toContainText(/area code/i);

    await app.getByRole('button', { name: 'Open the setup guide' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Set up Gleam' })).toBeVisible();
  });
});
