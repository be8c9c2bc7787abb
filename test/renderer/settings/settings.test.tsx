import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import type { ConnectionStatus } from '../../../shared/domain/connection';
import { renderApp } from '../support/render-app';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'fedcba9876543210fedcba9876543210';

const DISCONNECTED: ConnectionStatus = { state: 'disconnected', previousAccount: null };
const connected = (type: 'Trial' | 'Full'): ConnectionStatus => ({
  state: 'connected',
  account: { sidMask: 'AC0123…cdef', friendlyName: 'Acme Plumbing', status: 'active', type, isSubaccount: false },
  tokenStorage: 'encrypted',
  tokenStorageReason: null,
  lastVerifiedAt: '2026-11-24T10:00:00.000Z',
  messagingService: null,
});

async function fillCredentials(accountSid: string, authToken: string) {
  const user = userEvent.setup();
  await screen.findByRole('form', { name: 'Twilio credentials' });
  await user.type(screen.getByLabelText('Account SID'), accountSid);
  await user.type(screen.getByLabelText('Auth Token'), authToken);
  await user.click(screen.getByRole('button', { name: 'Save Configuration' }));
  return user;
}

describe('Settings → Twilio Configuration', () => {
  it('names the field and the rule for a malformed SID, and asks main nothing', async () => {
    const { calls } = renderApp({ 'connection:getStatus': () => DISCONNECTED });
    await fillCredentials('AB12345', TOKEN);
    expect(await screen.findByText(/Account SID starts with AC and has 34 characters/)).toBeTruthy();
    expect(screen.getByLabelText('Account SID').getAttribute('aria-invalid')).toBe('true');
    // What the app reads at start (the status, and what main last found of Twilio) and nothing more.
    const aboutTwilio = (channel: string) => channel.startsWith('connection:') || channel.startsWith('reachability:');
    expect(calls.map((call) => call.channel).filter(aboutTwilio)).toEqual([
      'connection:getStatus',
      'reachability:status',
    ]);
  });

  it('sends trimmed credentials and shows the green check with the account name and a trial note', async () => {
    const { calls } = renderApp({
      'connection:getStatus': () => DISCONNECTED,
      'connection:connect': () => connected('Trial'),
    });
    await fillCredentials(`  ${SID} `, ` ${TOKEN}`);
    const card = await screen.findByTestId('connected-account');
    expect(within(card).getByText('Connected to Twilio')).toBeTruthy();
    expect(within(card).getByText('Acme Plumbing')).toBeTruthy();
    expect(within(card).getByText('Active')).toBeTruthy();
    expect(within(card).getByTestId('trial-note').textContent).toMatch(/one phone number/);
    expect(calls.find((call) => call.channel === 'connection:connect')?.input).toEqual({
      accountSid: SID,
      authToken: TOKEN,
      messagingServiceSid: '',
    });
  });

  it('shows "Invalid credentials" with the three hints, keeping the form', async () => {
    renderApp({
      'connection:getStatus': () => DISCONNECTED,
      'connection:connect': () => {
        throw appError('invalid_credentials');
      },
    });
    await fillCredentials(SID, TOKEN);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Invalid credentials')).toBeTruthy();
    expect(within(alert).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Save Configuration' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Account SID').value).toBe(SID);
  });

  it('opens the matching help section from an error', async () => {
    renderApp({
      'connection:getStatus': () => DISCONNECTED,
      'connection:connect': () => {
        throw appError('invalid_credentials');
      },
    });
    const user = await fillCredentials(SID, TOKEN);
    await user.click(await screen.findByRole('button', { name: 'Troubleshooting help' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Help' })).toBeTruthy();
    expect(document.activeElement?.id).toBe('help-credentials');
  });

  it.each([
    [
      'encrypt-declined',
      'Your computer’s secure storage did not let Gleam encrypt the Auth Token (for example, the keychain prompt was declined), so it is kept only until you quit Gleam. To save it, connect again and allow access.',
    ],
    [
      'linux-unprotected',
      'On Linux, Gleam cannot check that a system keyring (such as GNOME Keyring or KWallet) protects a saved Auth Token: without one, it would be saved under a key anyone can reproduce. So the Auth Token is kept only until you quit Gleam, and you will need to enter it again next time.',
    ],
    [
      'no-secure-storage',
      'Your computer’s secure storage is not available, so the Auth Token is kept only until you quit Gleam. You will need to enter it again next time.',
    ],
  ] as const)('says why the Auth Token is kept for this session only (%s)', async (reason, words) => {
    renderApp({
      'connection:getStatus': () => ({ ...connected('Full'), tokenStorage: 'session', tokenStorageReason: reason }),
    });
    const card = await screen.findByTestId('connected-account');
    expect(within(card).getByText(words).getAttribute('role')).toBe('status');
  });

  it('asks before disconnecting, and Cancel keeps the connection', async () => {
    const { calls } = renderApp({
      'connection:getStatus': () => connected('Full'),
      'connection:disconnect': () => DISCONNECTED,
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Disconnect Twilio?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((call) => call.channel === 'connection:disconnect')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(screen.getByRole('form', { name: 'Twilio credentials' })).toBeTruthy());
    expect(dialog.isConnected).toBe(false);
  });
});
