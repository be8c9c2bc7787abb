import type { Page } from '@playwright/test';
import type { FakeTwilioControl, SeededAccount } from '../../../tools/fake-twilio/control-client';
import { expect, test } from '../fixtures';
import { enterCredentials, openScreen, screenshot as saveScreenshot } from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

const TWIML_APP = `AP${'c'.repeat(32)}`;
const HOOKS = 'https://hooks.gleam.ai/twilio/agents';

async function connect(page: Page, account: SeededAccount, messagingServiceSid = '') {
  await enterCredentials(page, account.sid, account.authToken, messagingServiceSid);
  await expect(page.getByTestId('connected-account')).toBeVisible();
}

async function createAgent(page: Page, name: string) {
  await openScreen(page, 'Agents');
  const first = page.getByRole('button', { name: 'Create your first agent' });
  if (await first.isVisible()) await first.click();
  else await page.getByRole('button', { name: 'New agent' }).click();
  const form = page.getByRole('form', { name: 'Agent details' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Greeting').fill(`Thanks for calling ${name}, how can I help?`);
  await form.getByLabel('Instructions').fill('Answer questions about opening hours and book appointments.');
  await form.getByLabel('Forwarding number (optional)').fill('+14155550199');
  await form.getByRole('button', { name: 'Save agent' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** From the agent's page: pick numbers, review the changes, confirm, and wait for the job to finish. */
async function assignFromAgent(page: Page, agentName: string, numbers: string[]) {
  await page.getByRole('button', { name: 'Assign numbers…' }).click();
  const dialog = page.getByRole('dialog', { name: `Assign numbers to ${agentName}` });
  for (const number of numbers) await dialog.getByRole('checkbox', { name: new RegExp(escape(number)) }).check();
  await dialog.getByRole('button', { name: 'Review changes' }).click();
  await expect(dialog.getByRole('list', { name: 'Changes per number' })).toBeVisible();
  await dialog
    .getByRole('button', { name: `Assign ${numbers.length} number${numbers.length === 1 ? '' : 's'}` })
    .click();
}

const escape = (text: string) => text.replace(/[()]/g, '\\$&');

/** +13030000017 → (303) 000-0017, as the app writes US numbers. */
const formatted = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

const liveNumber = async (twilio: FakeTwilioControl, account: SeededAccount, phoneNumber: string) => {
  const number = (await twilio.ownedNumbers(account.sid)).find((candidate) => candidate.phoneNumber === phoneNumber);
  if (!number) throw new Error(`the fake has no ${phoneNumber}`);
  return number;
};

test.describe('Agents', () => {
  test('creates an agent and assigning a number sets exactly its webhooks on Twilio', async ({
    app,
    twilio,
    gleam,
  }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Harbor Plumbing' });
    const seeded = await twilio.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550181',
      voiceUrl: 'https://old.example.com/voice',
      voiceApplicationSid: TWIML_APP,
    });
    await connect(app, account);

    await openScreen(app, 'Agents');
    await expect(app.getByRole('button', { name: 'Create your first agent' })).toBeVisible();
    await app.getByRole('button', { name: 'Create your first agent' }).click();
    await app.getByRole('form', { name: 'Agent details' }).getByLabel('Forwarding number (optional)').fill('415 555');
    await app.getByRole('form', { name: 'Agent details' }).getByLabel('Name').fill('Front Desk');
    await app.getByRole('button', { name: 'Save agent' }).click();
    await expect(app.getByText(/^A phone number in international format/)).toBeVisible();
    await screenshot(app, 'agent-editor');
    await app
      .getByRole('form', { name: 'Agent details' })
      .getByLabel('Forwarding number (optional)')
      .fill('+14155550199');
    await app.getByRole('button', { name: 'Save agent' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Front Desk' })).toBeVisible();
    const agentId = gleam.core.services.agents.list()[0]?.id ?? '';

    await twilio.clearRequests();
    await app.getByRole('button', { name: 'Assign numbers…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Assign numbers to Front Desk' });
    await dialog.getByRole('checkbox', { name: /\(415\) 555-0181/ }).check();
    await dialog.getByRole('button', { name: 'Review changes' }).click();
    await expect(dialog.getByRole('list', { name: 'Changes per number' })).toContainText(/TwiML App/);
    await screenshot(app, 'assignment-preview');
    await dialog.getByRole('button', { name: 'Assign 1 number' }).click();

    const assigned = app.getByRole('list', { name: 'Numbers assigned to Front Desk' });
    await expect(assigned).toContainText('(415) 555-0181');
    await screenshot(app, 'agent-with-number');

    const updates = await twilio.requests({ method: 'POST', pathIncludes: `IncomingPhoneNumbers/${seeded.sid}` });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.form).toEqual({
      VoiceUrl: `${HOOKS}/${agentId}/voice`,
      VoiceMethod: 'POST',
      VoiceFallbackUrl: `${HOOKS}/${agentId}/voice-fallback`,
      VoiceFallbackMethod: 'POST',
      StatusCallback: `${HOOKS}/${agentId}/call-status`,
      StatusCallbackMethod: 'POST',
      SmsUrl: `${HOOKS}/${agentId}/sms`,
      SmsMethod: 'POST',
      VoiceApplicationSid: '',
      SmsApplicationSid: '',
      TrunkSid: '',
    });
    expect(await liveNumber(twilio, account, '+14155550181')).toMatchObject({
      voiceUrl: `${HOOKS}/${agentId}/voice`,
      voiceApplicationSid: null,
    });

    await openScreen(app, 'Phone Numbers');
    await expect(app.getByTestId('number-row').filter({ hasText: '(415) 555-0181' })).toContainText('Front Desk');
  });

  test('unassigning puts back the number’s previous configuration, TwiML App included', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({});
    await twilio.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550182',
      voiceUrl: 'https://old.example.com/voice',
      voiceMethod: 'GET',
      smsUrl: 'https://old.example.com/sms',
      voiceApplicationSid: TWIML_APP,
    });
    await connect(app, account);
    const before = await liveNumber(twilio, account, '+14155550182');
    await createAgent(app, 'Night Line');
    await assignFromAgent(app, 'Night Line', ['(415) 555-0182']);
    await expect(app.getByRole('list', { name: 'Numbers assigned to Night Line' })).toContainText('(415) 555-0182');

    await app.getByRole('button', { name: 'Unassign (415) 555-0182…' }).click();
    const confirm = app.getByRole('alertdialog', { name: 'Unassign (415) 555-0182?' });
    await expect(confirm).toContainText(/before/i);
    await screenshot(app, 'unassign-confirmation');
    await confirm.getByRole('button', { name: 'Unassign', exact: true }).click();
    await expect(app.getByRole('list', { name: 'Numbers assigned to Night Line' })).toHaveCount(0);

    const { dateUpdated: _updatedBefore, ...configurationBefore } = before;
    const { dateUpdated: _updatedAfter, ...configurationAfter } = await liveNumber(twilio, account, '+14155550182');
    expect(configurationAfter).toEqual(configurationBefore);
  });

  test('adds SMS numbers to the Messaging Service and removes them again', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({});
    const service = await twilio.seedMessagingService({ accountSid: account.sid, friendlyName: 'Harbor texts' });
    const number = await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550183' });
    await connect(app, account, service.sid);
    await createAgent(app, 'Texting');

    await assignFromAgent(app, 'Texting', ['(415) 555-0183']);
    await expect(app.getByRole('list', { name: 'Numbers assigned to Texting' })).toContainText('(415) 555-0183');
    await expect.poll(() => twilio.serviceNumbers(service.sid)).toEqual([number.sid]);
    expect(await twilio.messagingService(service.sid)).toMatchObject({ useInboundWebhookOnNumber: true });

    await app.getByRole('button', { name: 'Unassign (415) 555-0183…' }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Unassign', exact: true }).click();
    await expect.poll(() => twilio.serviceNumbers(service.sid)).toEqual([]);
  });

  test('deleting an agent lists its numbers, then puts them back as they were', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({});
    await twilio.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550185',
      voiceUrl: 'https://old.example.com/voice',
    });
    await connect(app, account);
    await createAgent(app, 'Seasonal');
    await assignFromAgent(app, 'Seasonal', ['(415) 555-0185']);
    await expect(app.getByRole('list', { name: 'Numbers assigned to Seasonal' })).toContainText('(415) 555-0185');

    await app.getByRole('button', { name: 'Delete agent…' }).click();
    const confirm = app.getByRole('alertdialog', { name: 'Delete Seasonal?' });
    await expect(confirm.getByRole('list', { name: 'Numbers to unassign' })).toContainText('(415) 555-0185');
    await screenshot(app, 'delete-agent-confirmation');
    await confirm.getByRole('button', { name: 'Delete agent' }).click();

    await expect(app.getByText(/Deleted Seasonal/)).toBeVisible();
    await expect
      .poll(async () => (await liveNumber(twilio, account, '+14155550185')).voiceUrl)
      .toBe('https://old.example.com/voice');
  });

  test('flags a number changed in the Twilio Console and repairs it in one click', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({});
    const number = await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550184' });
    await connect(app, account);
    await createAgent(app, 'Bookings');
    await assignFromAgent(app, 'Bookings', ['(415) 555-0184']);
    await expect(app.getByRole('list', { name: 'Numbers assigned to Bookings' })).toContainText('(415) 555-0184');

    await twilio.updateOwnedNumber(number.sid, { voiceUrl: 'https://someone-else.example.com/voice' });
    await openScreen(app, 'Phone Numbers');
    await app.getByRole('button', { name: 'Sync with Twilio' }).click();
    const row = app.getByTestId('number-row').filter({ hasText: '(415) 555-0184' });
    await expect(row).toContainText('Changed in Twilio');
    await screenshot(app, 'drift-warning');

    // The Agents screen opens where it was left: on Bookings.
    await openScreen(app, 'Agents');
    await expect(app.getByRole('heading', { level: 1, name: 'Bookings' })).toBeVisible();
    await app.getByRole('button', { name: 'Repair (415) 555-0184' }).click();
    await expect
      .poll(async () => (await liveNumber(twilio, account, '+14155550184')).voiceUrl)
      .toContain('/twilio/agents/');
    await expect(app.getByRole('button', { name: 'Repair (415) 555-0184' })).toHaveCount(0);
  });

  test('assigns 200 numbers through rate limits, lists the one that failed, and retry fixes it', async ({
    app,
    twilio,
  }) => {
    // 200 updates through rate limits take 20–40 s on a two-core machine: more than the default test time.
    test.slow();
    const account = await twilio.seedAccount({});
    await twilio.seedOwnedNumbers({ accountSid: account.sid, count: 200, areaCode: '303' });
    await connect(app, account);
    await createAgent(app, 'Overflow');
    const numbers = await twilio.ownedNumbers(account.sid);
    const broken = numbers[17];
    if (!broken) throw new Error('seeded too few numbers');
    // One fault applies per request, the oldest matching one first: the specific ones go first.
    await twilio.injectFault({
      kind: 'status',
      status: 400,
      twilioCode: 21606,
      message: 'The phone number is not eligible for this change',
      times: 100,
      match: { method: 'POST', pathIncludes: `IncomingPhoneNumbers/${broken.sid}` },
    });
    await twilio.injectFault({
      kind: 'rate_limit',
      retryAfterSeconds: 1,
      times: 15,
      match: { method: 'POST', pathIncludes: 'IncomingPhoneNumbers/PN' },
    });
    await twilio.injectFault({ kind: 'latency', ms: 30, times: 100_000, match: { method: 'POST' } });

    await openScreen(app, 'Phone Numbers');
    await app.getByRole('checkbox', { name: 'Select all shown numbers' }).check();
    await app.getByRole('button', { name: 'Assign to agent…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Assign 200 numbers to an agent' });
    await dialog.getByLabel('Agent').selectOption({ label: 'Overflow' });
    await dialog.getByRole('button', { name: 'Review changes' }).click();
    await dialog.getByRole('button', { name: 'Assign 200 numbers' }).click();

    const progress = app.getByRole('progressbar', { name: 'Assignment progress' });
    await expect(progress).toBeVisible();
    await screenshot(app, 'bulk-progress');
    await expect(app.getByText('Assigned 199 numbers to Overflow.', { exact: false })).toBeVisible({ timeout: 60_000 });
    const failures = app.getByRole('alert').filter({ hasText: 'Could not assign 1 number' });
    await expect(failures).toContainText('The phone number is not eligible for this change');
    await expect(failures).toContainText(formatted(broken.phoneNumber));
    await screenshot(app, 'bulk-result');

    await twilio.clearFaults();
    await app.getByRole('button', { name: 'Retry failed' }).click();
    await expect(app.getByRole('button', { name: 'Retry failed' })).toHaveCount(0, { timeout: 30_000 });
    await expect(app.getByText('Assigned 1 number to Overflow.', { exact: false })).toBeVisible();
    const assigned = (await twilio.ownedNumbers(account.sid)).filter((number) =>
      number.voiceUrl.includes('/twilio/agents/'),
    );
    expect(assigned).toHaveLength(200);
  });

  test('a new webhook address in Settings → Advanced marks assigned numbers for repair', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({});
    await twilio.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550186' });
    await connect(app, account);
    await createAgent(app, 'Reception');
    await assignFromAgent(app, 'Reception', ['(415) 555-0186']);
    await expect(app.getByRole('list', { name: 'Numbers assigned to Reception' })).toContainText('Set up');

    await openScreen(app, 'Settings');
    const advanced = app.getByRole('form', { name: 'Webhook address' });
    await advanced.getByLabel('Webhook base URL').fill('http://hooks.example.com');
    await advanced.getByRole('button', { name: 'Save webhook URL' }).click();
    await expect(advanced).toContainText('https://');
    await screenshot(app, 'settings-advanced-invalid');
    await advanced.getByLabel('Webhook base URL').fill('https://Hooks.Example.com/');
    await advanced.getByRole('button', { name: 'Save webhook URL' }).click();
    // Main checked the address and asks, with what it will receive, before anything is changed.
    const confirmation = app.getByRole('alertdialog', { name: 'Send your agents’ calls to this address?' });
    await expect(confirmation).toContainText('https://hooks.example.com');
    await expect(confirmation).toContainText('can make calls that your Twilio account pays for');
    await screenshot(app, 'settings-advanced-confirm');
    await confirmation.getByRole('button', { name: 'Use this address' }).click();
    await expect(advanced.getByLabel('Webhook base URL')).toHaveValue('https://hooks.example.com');
    await screenshot(app, 'settings-advanced');

    await openScreen(app, 'Agents');
    await expect(app.getByRole('button', { name: 'Repair (415) 555-0186' })).toBeVisible();
    await app.getByRole('button', { name: 'All agents' }).click();
    await expect(app.getByRole('table', { name: 'Agents' })).toContainText('Reception');
    await screenshot(app, 'agents-list');
    await app.getByRole('button', { name: 'Reception' }).click();
    await app.getByRole('button', { name: 'Repair (415) 555-0186' }).click();
    await expect
      .poll(async () => (await liveNumber(twilio, account, '+14155550186')).voiceUrl)
      .toMatch(/^https:\/\/hooks\.example\.com\/twilio\/agents\//);
  });
});
