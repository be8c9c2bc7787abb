import type { Locator, Page } from '@playwright/test';
import { EMPTY_AGENT_DRAFT } from '../../../shared/domain/agents';
import type { FakeTwilioControl, SeedAccountInput, SeededAccount } from '../../../tools/fake-twilio/control-client';
import { expect, test, type GleamHost } from '../fixtures';
import { assignToNewAgent } from '../harness/core-steps';
import { enterCredentials, openScreen, screenshot as saveScreenshot } from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

/** +14155557101 → (415) 555-7101, as the app writes US numbers. */
const formatted = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

/** Each test's own number (the fake is shared); a repeated run takes another. */
const numberFor = (testIndex: number) =>
  `+1415555${String(70 + testIndex + 3 * test.info().repeatEachIndex).padStart(2, '0')}01`;

/** Seeds an account owning one number and connects it, waiting for the refresh connecting starts. */
async function connectWithNumber(
  page: Page,
  gleam: GleamHost,
  twilio: FakeTwilioControl,
  phoneNumber: string,
  account: SeedAccountInput = {},
): Promise<SeededAccount> {
  const seeded = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing', ...account });
  await twilio.seedOwnedNumber({ accountSid: seeded.sid, phoneNumber, friendlyName: 'Front desk' });
  await enterCredentials(page, seeded.sid, seeded.authToken);
  await expect(page.getByTestId('connected-account')).toBeVisible();
  await gleam.core.refreshFromTwilio();
  return seeded;
}

async function openDoctor(page: Page, phoneNumber: string): Promise<Locator> {
  await openScreen(page, 'Phone Numbers');
  await page.getByRole('button', { name: `Check ${formatted(phoneNumber)}` }).click();
  const dialog = page.getByRole('dialog', { name: `Why isn't ${formatted(phoneNumber)} working?` });
  await expect(dialog.getByRole('list', { name: 'Checks' })).toBeVisible();
  return dialog;
}

/** One check's list item, found by its title. */
const checkItem = (dialog: Locator, title: string) =>
  dialog
    .getByRole('list', { name: 'Checks' })
    .getByRole('listitem')
    .filter({ has: dialog.page().getByRole('heading', { level: 3, name: title }) });

test.describe("Why isn't my number working?", () => {
  test('finds the inactive agent and the changed webhooks, and repairs both', async ({ app, gleam, twilio }) => {
    const phoneNumber = numberFor(0);
    const account = await connectWithNumber(app, gleam, twilio, phoneNumber);
    const { agent, numberSid } = await assignToNewAgent(gleam, 'Reception', phoneNumber);
    // Someone changes the number in the Twilio Console, and the agent is paused.
    await twilio.updateOwnedNumber(numberSid, {
      voiceUrl: 'https://old.example.com/voice',
      trunkSid: `TK${'a'.repeat(32)}`,
    });
    gleam.core.services.agents.save({
      id: agent.id,
      agent: { ...EMPTY_AGENT_DRAFT, name: 'Reception', status: 'inactive' },
    });

    const dialog = await openDoctor(app, phoneNumber);
    await expect(checkItem(dialog, 'The agent is Active')).toContainText('Fail');
    await expect(checkItem(dialog, 'Twilio sends calls and texts to the agent')).toContainText('Fail');
    await expect(checkItem(dialog, 'No TwiML App or SIP trunk takes over')).toContainText('Fail');
    await expect(checkItem(dialog, 'Twilio accepts Gleam’s credentials')).toContainText('Pass');
    await screenshot(app, 'doctor-problems');

    await dialog.getByRole('button', { name: 'Set Reception to Active' }).click();
    await expect(checkItem(dialog, 'The agent is Active')).toContainText('Pass');
    await checkItem(dialog, 'Twilio sends calls and texts to the agent')
      .getByRole('button', { name: 'Repair' })
      .click();
    await expect(checkItem(dialog, 'Twilio sends calls and texts to the agent')).toContainText('Pass');
    await expect(checkItem(dialog, 'No TwiML App or SIP trunk takes over')).toContainText('Pass');
    await screenshot(app, 'doctor-repaired');

    const repaired = (await twilio.ownedNumbers(account.sid)).find((number) => number.sid === numberSid);
    expect(repaired).toMatchObject({ trunkSid: null });
    expect(repaired?.voiceUrl).not.toBe('https://old.example.com/voice');

    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(app.getByRole('button', { name: `Check ${formatted(phoneNumber)}` })).toBeFocused();
  });

  test('explains a suspended trial account with no balance and a number no agent answers', async ({
    app,
    gleam,
    twilio,
  }) => {
    const phoneNumber = numberFor(1);
    const account = await connectWithNumber(app, gleam, twilio, phoneNumber, { type: 'Trial', balance: '0.00' });
    await twilio.updateAccount(account.sid, { status: 'suspended' });

    const dialog = await openDoctor(app, phoneNumber);
    await expect(checkItem(dialog, 'The Twilio account is active')).toContainText('Fail');
    await expect(checkItem(dialog, 'Trial account limits')).toContainText('Warning');
    await expect(checkItem(dialog, 'Enough Twilio balance')).toContainText('Fail');
    await expect(checkItem(dialog, 'An agent answers the number')).toContainText('Fail');
    await screenshot(app, 'doctor-account');

    // A suspended account cannot take new webhooks: the assign flow waits, and says why.
    const giveToAgent = checkItem(dialog, 'An agent answers the number').getByRole('button', {
      name: 'Give it to an agent…',
    });
    await expect(giveToAgent).toBeDisabled();
    await expect(giveToAgent).toHaveAccessibleDescription(/.+/);

    // Funds added in the Console: Twilio reactivates the account, and a new check says so.
    await twilio.updateAccount(account.sid, { status: 'active', balance: '25.00' });
    await dialog.getByRole('button', { name: 'Check again' }).click();
    await expect(checkItem(dialog, 'The Twilio account is active')).toContainText('Pass');
    await expect(checkItem(dialog, 'Enough Twilio balance')).toContainText('Pass');
    await giveToAgent.click();
    await expect(dialog).toBeHidden();
    await expect(app.getByRole('dialog', { name: 'Assign 1 number to an agent' })).toBeVisible();
  });

  test('finds texts taken over by the Messaging Service and no A2P registration, and lets the number answer', async ({
    app,
    gleam,
    twilio,
  }) => {
    const phoneNumber = numberFor(3);
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
    const number = await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber, friendlyName: 'Front desk' });
    // A service set up in the Console to answer texts itself: the number's own SMS webhook is ignored.
    const service = await twilio.seedMessagingService({
      accountSid: account.sid,
      friendlyName: 'Texts',
      useInboundWebhookOnNumber: false,
    });
    await twilio.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
    await enterCredentials(app, account.sid, account.authToken, service.sid);
    await expect(app.getByTestId('connected-account')).toBeVisible();
    await gleam.core.refreshFromTwilio();

    const dialog = await openDoctor(app, phoneNumber);
    const messaging = checkItem(dialog, 'No Messaging Service takes over texts');
    await expect(messaging).toContainText('Fail');
    await expect(checkItem(dialog, 'Registered for texting US numbers (A2P 10DLC)')).toContainText('Fail');
    await screenshot(app, 'doctor-messaging');

    await messaging.getByRole('button', { name: 'Let each number answer its own texts in “Texts”' }).click();
    await expect(messaging).toContainText('Pass');
    expect(await twilio.messagingService(service.sid)).toMatchObject({ useInboundWebhookOnNumber: true });
    // Registration is the person's to do in the Console: the check says so and links there.
    await expect(checkItem(dialog, 'Registered for texting US numbers (A2P 10DLC)')).toContainText('Fail');
  });

  test('says the credentials no longer work when the Auth Token was changed in the Console', async ({
    app,
    gleam,
    twilio,
  }) => {
    const phoneNumber = numberFor(4);
    const account = await connectWithNumber(app, gleam, twilio, phoneNumber);
    await twilio.updateAccount(account.sid, { authToken: 'f'.repeat(32) });

    const dialog = await openDoctor(app, phoneNumber);
    await expect(checkItem(dialog, 'Twilio accepts Gleam’s credentials')).toContainText('Fail');
    await screenshot(app, 'doctor-credentials');
  });

  test('offline: answers what the local copy knows, and says which checks need Twilio', async ({
    app,
    gleam,
    twilio,
  }) => {
    const phoneNumber = numberFor(2);
    const account = await connectWithNumber(app, gleam, twilio, phoneNumber);
    await assignToNewAgent(gleam, 'Reception', phoneNumber);
    // Offline for the page and for main: Twilio drops every request for this account.
    await twilio.injectFault({ kind: 'drop', times: 1_000, match: { pathIncludes: account.sid } });
    await app.context().setOffline(true);

    const dialog = await openDoctor(app, phoneNumber);
    await expect(checkItem(dialog, 'An agent answers the number')).toContainText('Pass');
    await expect(checkItem(dialog, 'The agent is Active')).toContainText('Pass');
    await expect(checkItem(dialog, 'Twilio accepts Gleam’s credentials')).toContainText('Unknown');
    await expect(checkItem(dialog, 'Twilio sends calls and texts to the agent')).toContainText('Unknown');
    await screenshot(app, 'doctor-offline');
    await app.context().setOffline(false);
  });
});
