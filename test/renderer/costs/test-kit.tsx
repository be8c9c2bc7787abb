/** Opens the Costs screen of the whole app against scripted main-process answers. */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import type { FakeHandlers } from '../support/fake-bridge';
import { renderApp } from '../support/render-app';
import { connected } from '../numbers/test-fixtures';
import { costSummary, SYNC_RESULT } from './test-fixtures';

export async function openCostsScreen(handlers: FakeHandlers = {}) {
  const app = renderApp({
    'connection:getStatus': () => connected(),
    'costs:summary': () => costSummary(),
    'costs:sync': () => SYNC_RESULT,
    ...handlers,
  });
  const user = userEvent.setup();
  // The screen opens knowing whether Twilio is connected, as it does in the app once it has started.
  await waitFor(() => expect(app.container.querySelector('[data-ready="true"]')).not.toBeNull());
  await user.click(screen.getByRole('button', { name: 'Costs' }));
  await screen.findByRole('heading', { level: 1, name: 'Costs' });
  return { ...app, user };
}
