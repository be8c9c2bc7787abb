import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appError } from '../../../../shared/errors';
import type { Settings } from '../../../../shared/ipc/contract';
import { inputsTo } from '../../test-support/fake-bridge';
import { renderApp } from '../../test-support/render-app';
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

  it('refuses an address that is not https before asking main, and saves a good one trimmed', async () => {
    let current = settingsWith(DEFAULT);
    const { section, user, calls } = await openAdvanced({
      'settings:get': () => current,
      'settings:setWebhookBaseUrl': ({ webhookBaseUrl }) => {
        current = settingsWith(webhookBaseUrl ?? DEFAULT);
        return current;
      },
    });
    const field = within(section).getByLabelText('Webhook base URL');
    await user.clear(field);
    await user.type(field, 'http://hooks.acme.example');
    await user.click(within(section).getByRole('button', { name: 'Save webhook URL' }));
    expect(
      within(section).getByText('Enter an https:// address without a query, like https://hooks.example.com.'),
    ).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(inputsTo(calls, 'settings:setWebhookBaseUrl')).toEqual([]);

    await user.clear(field);
    await user.type(field, ' https://hooks.acme.example ');
    await user.click(within(section).getByRole('button', { name: 'Save webhook URL' }));
    expect(await within(section).findByText(/Saved\. Gleam now uses https:\/\/hooks\.acme\.example/)).toBeTruthy();
    expect(inputsTo(calls, 'settings:setWebhookBaseUrl')).toEqual([{ webhookBaseUrl: 'https://hooks.acme.example' }]);
    expect(within(section).getByText(/Gleam’s default is https:\/\/hooks\.gleam\.example/)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Use default' }));
    await waitFor(() =>
      expect(inputsTo(calls, 'settings:setWebhookBaseUrl')).toEqual([
        { webhookBaseUrl: 'https://hooks.acme.example' },
        { webhookBaseUrl: null },
      ]),
    );
    await waitFor(() =>
      expect(within(section).getByLabelText<HTMLInputElement>('Webhook base URL').value).toBe(DEFAULT),
    );
  });

  it('shows main’s refusal on the field and through the error notice', async () => {
    const { section, user } = await openAdvanced({
      'settings:get': () => settingsWith(DEFAULT),
      'settings:setWebhookBaseUrl': () => {
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
