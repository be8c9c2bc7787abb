/** Opens the Agents screen of the whole app against scripted main-process answers. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FakeHandlers } from '../support/fake-bridge';
import { renderApp } from '../support/render-app';
import { connected, numberList } from '../numbers/test-fixtures';

export async function openAgentsScreen(handlers: FakeHandlers) {
  const app = renderApp({
    'connection:getStatus': () => connected(),
    'numbers:list': () => numberList([]),
    ...handlers,
  });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Agents' }));
  await screen.findByRole('heading', { level: 1, name: 'Agents' });
  return { ...app, user };
}

/** Opens one agent from the list. */
export async function openAgent(handlers: FakeHandlers, name: string) {
  const app = await openAgentsScreen(handlers);
  await app.user.click(await screen.findByRole('button', { name }));
  await screen.findByRole('heading', { level: 1, name });
  return app;
}
