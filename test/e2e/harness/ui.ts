/** Steps that several specs take through the UI, as a person would. */
import path from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { FakeTwilioControl, SeedAccountInput, SeededAccount } from '../../../tools/fake-twilio/control-client';

/** Screenshots for people to look at, collected in test-results/screenshots. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(testInfo.project.outputDir, '..', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}

export async function openScreen(
  page: Page,
  name: 'Setup guide' | 'Phone Numbers' | 'Agents' | 'Costs' | 'Settings' | 'Help',
) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
}

export async function enterCredentials(page: Page, accountSid: string, authToken: string, messagingServiceSid = '') {
  await openScreen(page, 'Settings');
  await page.getByLabel('Account SID', { exact: true }).fill(accountSid);
  await page.getByLabel('Auth Token', { exact: true }).fill(authToken);
  if (messagingServiceSid) await page.getByLabel('Messaging Service SID (optional)').fill(messagingServiceSid);
  await page.getByRole('button', { name: 'Save Configuration' }).click();
}

/** Seeds an account on the fake Twilio and connects it in Settings. */
export async function connectNewAccount(
  page: Page,
  twilio: FakeTwilioControl,
  account: SeedAccountInput = {},
): Promise<SeededAccount> {
  const seeded = await twilio.seedAccount(account);
  await enterCredentials(page, seeded.sid, seeded.authToken);
  await expect(page.getByTestId('connected-account')).toBeVisible();
  return seeded;
}

/** In the open Buy Number panel: searches one area code and returns the first number found, with its E.164. */
export async function searchAreaCode(page: Page, areaCode: string): Promise<{ result: Locator; phoneNumber: string }> {
  const form = page.getByRole('form', { name: 'Search for a number' });
  await expect(page.getByLabel('Country')).not.toHaveValue('');
  await form.getByLabel('Area code').fill(areaCode);
  await form.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page
    .getByRole('region', { name: 'Search results' })
    .getByRole('listitem')
    .filter({ has: page.locator('data') })
    .first();
  return { result, phoneNumber: (await result.locator('data').first().getAttribute('value')) ?? '' };
}
