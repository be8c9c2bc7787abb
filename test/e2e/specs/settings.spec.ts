import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { findSecret, scannedFiles } from '../../support/secret-scan';
import { enterCredentials, screenshot as saveScreenshot } from '../harness/ui';

const screenshot = (page: Page, name: string) => saveScreenshot(page, test.info(), name);

test.describe('Settings → Twilio Configuration', () => {
  test('connects with valid credentials: green check, name, status and type; survives a restart', async ({
    app,
    gleam,
    twilio,
  }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Bright Smile Dental', type: 'Full' });
    // Pasted values often carry spaces; they are trimmed.
    await enterCredentials(app, `  ${account.sid} `, ` ${account.authToken}\t`);

    const card = app.getByTestId('connected-account');
    await expect(card.getByText('Connected to Twilio')).toBeVisible();
    await expect(card.getByText('Bright Smile Dental')).toBeVisible();
    await expect(card.getByText('Active', { exact: true })).toBeVisible();
    await expect(card.getByText('Full (upgraded)')).toBeVisible();
    await expect(card.getByText(`${account.sid.slice(0, 6)}…${account.sid.slice(-4)}`)).toBeVisible();
    await expect(card.getByTestId('trial-note')).toHaveCount(0);
    await expect(app.getByRole('navigation', { name: 'Main' })).toContainText('Twilio: Bright Smile Dental');
    await screenshot(app, 'settings-connected');

    // Connecting checks the account first; everything after it (the first sync of numbers) only reads.
    const requests = await twilio.requests({ accountSid: account.sid });
    expect(requests[0]).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${account.sid}.json` });
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);

    await gleam.restart();
    await expect(app.getByTestId('connected-account').getByText('Bright Smile Dental')).toBeVisible();
  });

  test('explains trial limits for a trial account', async ({ app, twilio }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Trial Co', type: 'Trial' });
    await enterCredentials(app, account.sid, account.authToken);
    await expect(app.getByTestId('trial-note')).toContainText('verified');
  });

  test('says "Invalid credentials" with the three hints for a wrong token, and stores nothing', async ({
    app,
    gleam,
    twilio,
  }) => {
    const account = await twilio.seedAccount();
    const wrongToken = account.authToken.replace(/^./, (first) => (first === 'a' ? 'b' : 'a'));
    await enterCredentials(app, account.sid, wrongToken);

    const alert = app.getByRole('alert');
    await expect(alert.getByText('Invalid credentials')).toBeVisible();
    await expect(alert.getByRole('listitem')).toHaveCount(3);
    await expect(alert).toContainText('begins with AC');
    await expect(alert).toContainText('whole Auth Token');
    await expect(alert).toContainText('spaces');
    await screenshot(app, 'settings-invalid-credentials');

    expect(scannedFiles(gleam.dataDir)).not.toContain('twilio-credentials.json');
    expect(gleam.core.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    await gleam.restart();
    await expect(app.getByRole('form', { name: 'Twilio credentials' })).toBeVisible();
  });

  test('catches a malformed Account SID in the form, without any network call', async ({ app, gleam, twilio }) => {
    const malformed = 'AC123-not-a-sid';
    await enterCredentials(app, malformed, 'a'.repeat(32));
    await expect(app.getByText('Account SID starts with AC and has 34 characters')).toBeVisible();
    await expect(app.getByLabel('Account SID', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(app.getByLabel('Account SID', { exact: true })).toBeFocused();
    await screenshot(app, 'settings-malformed-sid');

    expect(gleam.ipcLog.map((exchange) => exchange.channel)).not.toContain('connection:connect');
    expect(await twilio.requests({ accountSid: malformed })).toEqual([]);
  });

  test('says when Twilio cannot be reached, instead of hanging', async ({ app, twilio }) => {
    const account = await twilio.seedAccount();
    // Every attempt's connection is cut: the app retries the read, then gives up with a clear message.
    await twilio.injectFault({ kind: 'drop', times: 3, match: { pathIncludes: account.sid } });
    await enterCredentials(app, account.sid, account.authToken);
    await expect(app.getByRole('alert')).toContainText('Twilio did not respond');
    await expect(app.getByRole('button', { name: 'Save Configuration' })).toBeEnabled();
    expect(await twilio.requests({ accountSid: account.sid })).toHaveLength(3);
  });

  test('gives up on a Twilio that never answers, within the request timeout', async ({ app, twilio }) => {
    const account = await twilio.seedAccount();
    await twilio.injectFault({ kind: 'timeout', match: { pathIncludes: account.sid } });
    await enterCredentials(app, account.sid, account.authToken);
    await expect(app.getByText('Checking your credentials with Twilio…')).toBeVisible();
    await expect(app.getByRole('alert')).toContainText('Twilio did not answer in time');
  });

  test.describe('with nothing listening at Twilio’s address', () => {
    test.use({ twilioHosts: { 'api.twilio.com': 'http://127.0.0.1:9', 'messaging.twilio.com': 'http://127.0.0.1:9' } });

    test('says Twilio did not respond', async ({ app }) => {
      await enterCredentials(app, `AC${'1'.repeat(32)}`, '2'.repeat(32));
      await expect(app.getByRole('alert')).toContainText('Twilio did not respond');
      await screenshot(app, 'settings-unreachable');
    });
  });

  test('verifies a Messaging Service SID and shows its name; an unknown one is named and nothing is stored', async ({
    app,
    gleam,
    twilio,
  }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Corner Bakery' });
    const service = await twilio.seedMessagingService({ accountSid: account.sid, friendlyName: 'Bakery SMS' });
    const unknownService = `MG${'9'.repeat(32)}`;

    await enterCredentials(app, account.sid, account.authToken, unknownService);
    await expect(app.getByText('That Messaging Service does not exist in this Twilio account').first()).toBeVisible();
    expect(gleam.core.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });

    await app.getByLabel('Messaging Service SID (optional)').fill(service.sid);
    await app.getByRole('button', { name: 'Save Configuration' }).click();
    await expect(app.getByTestId('messaging-service')).toContainText('Bakery SMS');
    await expect(app.getByTestId('messaging-service')).toContainText(service.sid);
  });

  test('adds, replaces and removes a Messaging Service after connecting', async ({ app, twilio }) => {
    const account = await twilio.seedAccount();
    const first = await twilio.seedMessagingService({ accountSid: account.sid, friendlyName: 'Main line SMS' });
    await enterCredentials(app, account.sid, account.authToken);
    await expect(app.getByText('No Messaging Service is set.')).toBeVisible();

    const section = app.getByRole('region', { name: 'Messaging Service (optional)' });
    await section.getByLabel('Messaging Service SID').fill('MG-short');
    await section.getByRole('button', { name: 'Save Messaging Service' }).click();
    await expect(section.getByText('Messaging Service SID starts with MG')).toBeVisible();

    await section.getByLabel('Messaging Service SID').fill(first.sid);
    await section.getByRole('button', { name: 'Save Messaging Service' }).click();
    await expect(app.getByTestId('messaging-service')).toContainText('Main line SMS');

    await section.getByRole('button', { name: 'Stop using this service' }).click();
    await expect(app.getByText('No Messaging Service is set.')).toBeVisible();
  });

  test('disconnects after a confirmation, keeping the account in local history', async ({ app, gleam, twilio }) => {
    const account = await twilio.seedAccount({ friendlyName: 'Riverside Clinic' });
    await enterCredentials(app, account.sid, account.authToken);
    await app.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = app.getByRole('alertdialog', { name: 'Disconnect Twilio?' });
    await expect(dialog).toContainText('Riverside Clinic');
    await screenshot(app, 'settings-disconnect-confirm');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();

    await expect(app.getByTestId('previous-account')).toContainText('Riverside Clinic');
    await expect(app.getByRole('form', { name: 'Twilio credentials' })).toBeVisible();
    expect(scannedFiles(gleam.dataDir)).not.toContain('twilio-credentials.json');
    await gleam.restart();
    await expect(app.getByTestId('previous-account')).toContainText('Riverside Clinic');
  });

  test.describe('on a computer without OS encryption', () => {
    test.use({ encryption: 'unavailable' });

    test('connects for this session only and says why', async ({ app, gleam, twilio }) => {
      const account = await twilio.seedAccount({ friendlyName: 'Session Only Ltd' });
      await enterCredentials(app, account.sid, account.authToken);
      await expect(
        app.getByText(
          'Your computer’s secure storage is not available, so the Auth Token is kept only until you quit Gleam. You will need to enter it again next time.',
        ),
      ).toBeVisible();
      expect(scannedFiles(gleam.dataDir)).not.toContain('twilio-credentials.json');
      await gleam.restart();
      await expect(app.getByRole('form', { name: 'Twilio credentials' })).toBeVisible();
    });
  });

  test('refuses IPC calls from a frame that is not the app’s own main frame', async ({ app }) => {
    await app.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>embedded</p>';
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener('load', resolve));
    });
    const child = app.frames().find((frame) => frame !== app.mainFrame());
    if (!child) throw new Error('no child frame');
    const reply = await child.evaluate(() =>
      (window as unknown as { __gleamIpc: (c: string, i: unknown) => Promise<unknown> }).__gleamIpc(
        'connection:getStatus',
        {},
      ),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('leaves the Auth Token in no log, database file or IPC reply, even after network errors', async ({
    app,
    gleam,
    twilio,
  }) => {
    const account = await twilio.seedAccount();
    const credentials = { accountSid: account.sid, authToken: account.authToken };
    await twilio.injectFault({ kind: 'drop', times: 3, match: { pathIncludes: account.sid } });
    await enterCredentials(app, account.sid, account.authToken);
    await expect(app.getByRole('alert')).toContainText('Twilio did not respond');
    // Three 503s: the first attempt and both retries of the read.
    await twilio.injectFault({ kind: 'status', status: 503, match: { pathIncludes: account.sid }, times: 3 });
    await app.getByRole('button', { name: 'Save Configuration' }).click();
    await expect(app.getByRole('alert')).toContainText('Twilio did not respond');
    await app.getByRole('button', { name: 'Save Configuration' }).click();
    await expect(app.getByTestId('connected-account')).toBeVisible();
    await app.getByRole('button', { name: 'Check again' }).click();
    await expect(app.getByRole('button', { name: 'Check again' })).toBeEnabled();

    const files = scannedFiles(gleam.dataDir);
    expect(files).toEqual(expect.arrayContaining(['logs/main.log', 'gleam.sqlite', 'twilio-credentials.json']));
    expect(files.some((file) => file.endsWith('-wal'))).toBe(true);
    expect(gleam.ipcLog.length).toBeGreaterThan(3);
    expect(findSecret(credentials, { dataDir: gleam.dataDir, ipcLog: gleam.ipcLog })).toEqual([]);
  });
});
