import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { enterCredentials, openScreen, screenshot as saveScreenshot } from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

/** The A2P section of Settings and one of its steps, by its title ("Brand"). */
const section = (page: Page) => page.getByRole('region', { name: 'A2P 10DLC registration' });
const step = (page: Page, title: string): Locator =>
  section(page)
    .getByRole('list', { name: 'Registration steps' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(title) }) });

test.describe('A2P 10DLC registration', () => {
  test('shows each step as Twilio reports it: approved, refused with the reason, then in review and approved', async ({
    app,
    gleam,
    twilio,
  }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
    const service = await twilio.seedMessagingService({ accountSid: account.sid, friendlyName: 'Shop texts' });
    await twilio.seedCustomerProfile(account.sid, { status: 'twilio-approved' });
    const brand = await twilio.seedBrand(account.sid, { status: 'APPROVED', identityStatus: 'VERIFIED' });
    const campaign = await twilio.seedCampaign(account.sid, service.sid, {
      status: 'FAILED',
      brandRegistrationSid: brand.sid,
      errors: [{ code: 30896, description: 'The opt-in flow is not described.', fields: ['MESSAGE_FLOW'] }],
    });
    await enterCredentials(app, account.sid, account.authToken, service.sid);
    await expect(app.getByTestId('connected-account')).toBeVisible();
    await gleam.core.refreshFromTwilio();

    await expect(step(app, 'Business profile')).toContainText('Approved');
    await expect(step(app, 'Brand')).toContainText('Approved');
    await expect(step(app, 'Campaign')).toContainText('Not approved');
    await expect(step(app, 'Campaign')).toContainText('The opt-in flow is not described.');
    await expect(section(app)).toContainText(/one to two weeks/);
    await section(app).scrollIntoViewIfNeeded();
    await screenshot(app, 'a2p-failed');

    // Corrected and submitted again in the Console: in review, then approved.
    await twilio.updateCampaign(campaign.sid, { status: 'IN_PROGRESS', errors: [] });
    await section(app).getByRole('button', { name: 'Refresh status' }).click();
    await expect(step(app, 'Campaign')).toContainText('In review');
    await twilio.updateCampaign(campaign.sid, { status: 'VERIFIED', campaignId: 'CX4Z9QQ' });
    await section(app).getByRole('button', { name: 'Refresh status' }).click();
    await expect(step(app, 'Campaign')).toContainText('Approved');
    await screenshot(app, 'a2p-approved');
  });

  test('without a Messaging Service, explains that the campaign step needs one', async ({ app, gleam, twilio }) => {
    const account = await twilio.seedAccount();
    await twilio.seedBrand(account.sid, { status: 'PENDING' });
    await enterCredentials(app, account.sid, account.authToken);
    await expect(app.getByTestId('connected-account')).toBeVisible();
    await gleam.core.refreshFromTwilio();

    await expect(step(app, 'Brand')).toContainText('In review');
    await expect(step(app, 'Campaign')).toContainText('Needs a Messaging Service');
    await section(app).getByRole('button', { name: 'Set a Messaging Service in Settings' }).click();
    await expect(app.getByLabel('Messaging Service SID', { exact: true })).toBeFocused();

    await openScreen(app, 'Phone Numbers');
    await openScreen(app, 'Settings');
    await app.context().setOffline(true);
    await expect(section(app).getByRole('button', { name: 'Refresh status' })).toBeDisabled();
    await expect(step(app, 'Brand')).toContainText('In review');
    await app.context().setOffline(false);
  });
});
