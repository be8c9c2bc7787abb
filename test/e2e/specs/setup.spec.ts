import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { openScreen, screenshot as saveScreenshot, searchAreaCode } from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

const HOOKS = 'https://hooks.gleam.ai/twilio/agents';

const stepTitle = (page: Page) => page.getByRole('heading', { level: 2, name: /^Step \d of 5/ });
const stepNav = (page: Page) => page.getByRole('navigation', { name: 'Setup steps' });
const stepLink = (page: Page, name: RegExp) => stepNav(page).getByRole('button', { name });

async function expectStep(page: Page, number: number, title: string) {
  await expect(stepTitle(page)).toHaveText(`Step ${number} of 5: ${title}`);
}

async function fillAgent(form: Locator, name: string) {
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Greeting').fill(`Thanks for calling ${name}, how can I help?`);
  await form.getByLabel('Instructions').fill('Take bookings Monday to Friday, 8 to 5.');
}

test.describe('Setup guide', () => {
  test.use({ setupGuide: 'first-run' });

  test('a fresh install walks from connecting Twilio to a number its agent answers, across a restart', async ({
    app,
    gleam,
    twilio,
  }) => {
    test.setTimeout(60_000);
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });

    // Step 1: connect, in the guide itself.
    await expect(app.getByRole('heading', { level: 1, name: 'Set up Gleam' })).toBeVisible();
    await expectStep(app, 1, 'Connect your Twilio account');
    await expect(stepLink(app, /Connect your Twilio account/)).toHaveAttribute('aria-current', 'step');
    await screenshot(app, 'setup-1-connect');
    await app.getByLabel('Account SID', { exact: true }).fill(account.sid);
    await app.getByLabel('Auth Token', { exact: true }).fill(account.authToken);
    await app.getByRole('button', { name: 'Save Configuration' }).click();
    await expect(app.getByTestId('connected-account')).toContainText('Harbor Plumbing');
    await expect(stepLink(app, /Connect your Twilio account/)).toContainText('Done');
    await app.getByRole('button', { name: 'Continue' }).click();

    // Step 2: nothing to import, so buy one, with the price confirmed first.
    await expectStep(app, 2, 'Get a phone number');
    await expect(stepTitle(app)).toBeFocused();
    await expect(app.getByTestId('setup-no-numbers')).toBeVisible();
    await app.getByRole('button', { name: 'Buy Number' }).click();
    const { result: firstResult, phoneNumber: chosen } = await searchAreaCode(app, '415');
    expect(chosen).toMatch(/^\+1415/);
    await firstResult.getByRole('button', { name: /^Buy / }).click();
    const confirmation = app.getByRole('alertdialog');
    await expect(confirmation).toContainText('$1.15');
    await confirmation.getByRole('button', { name: 'Buy number' }).click();
    await expect(confirmation).toBeHidden();
    const formattedChosen = `(${chosen.slice(2, 5)}) ${chosen.slice(5, 8)}-${chosen.slice(8)}`;
    await expect(app.getByTestId('setup-owned-numbers')).toContainText(formattedChosen);
    await expect(stepLink(app, /Get a phone number/)).toContainText('Done');
    await screenshot(app, 'setup-2-number');
    await app.getByRole('button', { name: 'Continue' }).click();
    await expectStep(app, 3, 'Create your first agent');

    // The guide's place survives a restart: it opens again on step 3, steps 1 and 2 done.
    await gleam.restart();
    await expectStep(app, 3, 'Create your first agent');
    await expect(stepLink(app, /Connect your Twilio account/)).toContainText('Done');
    await expect(stepLink(app, /Get a phone number/)).toContainText('Done');

    // Step 3: the Agents screen's own form, its checks included.
    const agentForm = app.getByRole('form', { name: 'Agent details' });
    await agentForm.getByRole('button', { name: 'Save agent' }).click();
    await expect(agentForm.getByLabel('Name')).toBeFocused();
    await fillAgent(agentForm, 'Front Desk');
    await screenshot(app, 'setup-3-agent');
    await agentForm.getByRole('button', { name: 'Save agent' }).click();
    await expect(app.getByTestId('setup-agents')).toContainText('Front Desk');
    await app.getByRole('button', { name: 'Continue' }).click();

    // Step 4: assign, through the same preview and job as on the Agents screen.
    await expectStep(app, 4, 'Give the number to the agent');
    await app.getByRole('button', { name: 'Choose a number for Front Desk…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Assign numbers to Front Desk' });
    await dialog.getByRole('checkbox', { name: new RegExp(formattedChosen.replace(/[()]/g, '\\$&')) }).check();
    await dialog.getByRole('button', { name: 'Review changes' }).click();
    await dialog.getByRole('button', { name: 'Assign 1 number' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.getByTestId('setup-assigned')).toContainText(formattedChosen);
    await expect(stepLink(app, /Give the number to the agent/)).toContainText('Done');
    await screenshot(app, 'setup-4-assign');

    const agentId = gleam.core.services.agents.list()[0]?.id ?? '';
    const live = (await twilio.ownedNumbers(account.sid)).find((number) => number.phoneNumber === chosen);
    expect(live).toMatchObject({
      voiceUrl: `${HOOKS}/${agentId}/voice`,
      smsUrl: `${HOOKS}/${agentId}/sms`,
      statusCallback: `${HOOKS}/${agentId}/call-status`,
      voiceFallbackUrl: `${HOOKS}/${agentId}/voice-fallback`,
    });
    await app.getByRole('button', { name: 'Continue' }).click();

    // Step 5 is optional: it explains texting and A2P, and can be skipped to finish.
    await expectStep(app, 5, 'Texting and A2P 10DLC (optional)');
    await expect(stepLink(app, /Texting and A2P 10DLC/)).toContainText('Optional');
    const a2p = app.getByRole('region', { name: 'A2P 10DLC registration' });
    await expect(a2p).toContainText(/one to two weeks/);
    await screenshot(app, 'setup-5-messaging');
    await app.getByRole('button', { name: 'Skip and finish' }).click();

    // Finished: the number, answered by its agent, on the Phone Numbers screen; the guide no longer opens by itself.
    await expect(app.getByRole('heading', { level: 1, name: 'Phone Numbers' })).toBeVisible();
    await expect(app.getByTestId('number-row').filter({ hasText: formattedChosen })).toContainText('Front Desk');
    const posts = await twilio.requests({ accountSid: account.sid, method: 'POST' });
    expect(posts.filter((request) => request.path.endsWith('/IncomingPhoneNumbers.json'))).toHaveLength(1);
    await gleam.restart();
    await expect(app.getByRole('heading', { level: 1, name: 'Set up Gleam' })).toBeHidden();
  });

  test('imports a number bought elsewhere; steps can be skipped, revisited and left for later', async ({
    app,
    twilio,
  }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Sunset Dental' });
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550161', friendlyName: 'Reception' });

    await app.getByLabel('Account SID', { exact: true }).fill(account.sid);
    await app.getByLabel('Auth Token', { exact: true }).fill(account.authToken);
    await app.getByRole('button', { name: 'Save Configuration' }).click();
    await expect(app.getByTestId('connected-account')).toBeVisible();
    await app.getByRole('button', { name: 'Continue' }).click();

    // The number already in the account is imported: the step is done without buying anything.
    await expect(app.getByTestId('setup-owned-numbers')).toContainText('(415) 555-0161');
    await expect(app.getByTestId('setup-owned-numbers')).toContainText('Reception');
    await expect(stepLink(app, /Get a phone number/)).toContainText('Done');
    await app.getByRole('button', { name: 'Continue' }).click();

    // Skipping the agent step: step 4 then says what it waits for and leads back.
    await expectStep(app, 3, 'Create your first agent');
    await app.getByRole('button', { name: 'Skip this step' }).click();
    await expectStep(app, 4, 'Give the number to the agent');
    await expect(stepLink(app, /Create your first agent/)).toContainText('Skipped');
    await expect(app.getByText('There is no agent to give the number to yet.')).toBeVisible();
    await screenshot(app, 'setup-skipped-step');
    await app.getByRole('button', { name: 'Go to step 3: Create your first agent' }).click();
    await expectStep(app, 3, 'Create your first agent');

    // Left for later: the app goes on, and the sidebar brings the guide back where it was.
    await app.getByRole('button', { name: 'Close the guide and finish later' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Phone Numbers' })).toBeVisible();
    await openScreen(app, 'Setup guide');
    await expectStep(app, 3, 'Create your first agent');
    await expect(stepLink(app, /Create your first agent/)).toContainText('Skipped');

    // Revisiting a done step from the list of steps.
    await stepLink(app, /Connect your Twilio account/).click();
    await expectStep(app, 1, 'Connect your Twilio account');
    await expect(app.getByTestId('connected-account')).toContainText('Sunset Dental');
  });
});
