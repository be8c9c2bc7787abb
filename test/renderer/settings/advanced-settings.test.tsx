import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import type { Settings } from '../../../shared/ipc/contract';
import { inputsTo } from '../support/fake-bridge';
import { renderApp } from '../support/render-app';
import { connected } from '../numbers/test-fixtures';

const DEFAULT = 'https://hooks.gleam.example';
const settingsWith = (webhookBaseUrl: string): Settings => ({ webhookBaseUrl, defaultWebhookBaseUrl: DEFAULT });

async function openAdvanced(handlers: Parameters<typeof renderApp>[0]) {
  const app = renderApp({ 'connection:getStatus': () => connected(), ...handlers });
  const section = await screen.findByRole('region', { name: 'Advanced' });
  await within(section).findByLabelText('Webhook base URL');
  return { ...app, section, user: userEvent.setup() };
}

describe('Settings → Advanced', () => {
  it('explains the address in plain words and shows the one in use', async () => {
    const { section } = await openAdvanced({ 'settings:get': () => settingsWith(DEFAULT) });
    expect(section.textContent).toMatch(/Gleam tells Twilio to send that number’s calls and texts to this address/);
    expect(section.textContent).toMatch(
      /numbers already assigned to agents keep the old address until you repair them/,
    );
    expect(within(section).getByLabelText<HTMLInputElement>('Webhook base URL').value).toBe(DEFAULT);
    expect(within(section).getByRole('button', { name: 'Use default' })).toHaveProperty('disabled', true);
  });

  /** Main's side: an address is checked and given a confirmation, and set only with it; null is the default. */
  function webhookHandlers() {
    let current = settingsWith(DEFAULT);
    const confirmed = new Map<string, string>();
    const handlers = {
      'settings:get': () => current,
      'settings:prepareWebhookBaseUrl': ({ webhookBaseUrl }: { webhookBaseUrl: string }) => {
        const id = crypto.randomUUID();
        confirmed.set(id, webhookBaseUrl);
        return { webhookBaseUrl, confirmation: { id, expiresAt: '2026-11-24T10:10:00.000Z' } };
      },
      'settings:setWebhookBaseUrl': ({ confirmationId }: { confirmationId: string }) => {
        const address = confirmed.get(confirmationId);
        if (!address) throw appError('confirmation_invalid');
        current = settingsWith(address);
        return current;
      },
      'settings:useDefaultWebhookBaseUrl': () => {
        current = settingsWith(DEFAULT);
        return current;
      },
    } satisfies Parameters<typeof renderApp>[0];
    return { handlers, confirmed };
  }

  it('refuses an address that is not https before asking main, and sets a good one, trimmed, once confirmed', async () => {
    const main = webhookHandlers();
    const { section, user, calls } = await openAdvanced(main.handlers);
    const field = within(section).getByLabelText('Webhook base URL');
    await user.clear(field);
    await user.type(field, 'http://hooks.acme.example');
    await user.click(within(section).getByRole('button', { name: 'Save webhook URL' }));
    expect(
      within(section).getByText('Enter an https:// address without a query, like https://hooks.example.com.'),
    ).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(inputsTo(calls, 'settings:prepareWebhookBaseUrl')).toEqual([]);

    await user.clear(field);
    await user.type(field, ' https://hooks.acme.example ');
    await user.click(within(section).getByRole('button', { name: 'Save webhook URL' }));
    // Main checked it; before anything changes, the person is told what the address will receive.
    let dialog = await screen.findByRole('alertdialog', { name: 'Send your agents’ calls to this address?' });
    expect(dialog.textContent).toMatch(/https:\/\/hooks\.acme\.example/);
    expect(dialog.textContent).toMatch(/can make calls that your Twilio account pays for/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(inputsTo(calls, 'settings:setWebhookBaseUrl')).toEqual([]);

    await user.click(within(section).getByRole('button', { name: 'Save webhook URL' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Send your agents’ calls to this address?' });
    await user.click(within(dialog).getByRole('button', { name: 'Use this address' }));
    expect(await within(section).findByText(/Saved\. Gleam now uses https:\/\/hooks\.acme\.example/)).toBeTruthy();
    expect(inputsTo(calls, 'settings:prepareWebhookBaseUrl')).toEqual([
      { webhookBaseUrl: 'https://hooks.acme.example' },
      { webhookBaseUrl: 'https://hooks.acme.example' },
    ]);
    expect(inputsTo(calls, 'settings:setWebhookBaseUrl')).toEqual([{ confirmationId: [...main.confirmed.keys()][1] }]);
    expect(within(section).getByText(/Gleam’s default is https:\/\/hooks\.gleam\.example/)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Use default' }));
    await waitFor(() => expect(inputsTo(calls, 'settings:useDefaultWebhookBaseUrl')).toEqual([{}]));
    await waitFor(() =>
      expect(within(section).getByLabelText<HTMLInputElement>('Webhook base URL').value).toBe(DEFAULT),
    );
  });

  it('shows main’s refusal on the field and through the error notice', async () => {
    const { section, user } = await openAdvanced({
      'settings:get': () => settingsWith(DEFAULT),
      'settings:prepareWebhookBaseUrl': () => {
        throw appError('validation', { fieldErrors: { webhookBaseUrl: 'This address is too long.' } });
      },
    });
    const field = within(section).getByLabelText('Webhook base URL');
    await user.clear(field);
    await user.type(field, 'https://other.example');
    await user.click(within(section).getByRole('button', { name: 'Save webhook URL' }));
    expect(await within(section).findByText('This address is too long.')).toBeTruthy();
    expect(within(within(section).getByRole('alert')).getByText('Some of the details are not valid')).toBeTruthy();
  });
});
