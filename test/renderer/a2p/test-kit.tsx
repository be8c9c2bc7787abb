/** Opens Settings, where the A2P 10DLC section lives, against scripted main-process answers. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import type { FakeHandlers } from '../support/fake-bridge';
import { renderApp } from '../support/render-app';
import { ALL_APPROVED, connectedWith, SERVICE } from './test-fixtures';

export const A2P_REGION = 'A2P 10DLC registration';

export const a2pRegion = () => screen.getByRole('region', { name: A2P_REGION });
export const refreshStatusButton = () => within(a2pRegion()).getByRole('button', { name: 'Refresh status' });
/** A step of the list, by its title ("Brand"); its accessible name ends with its status. */
export const stepItem = (title: string) =>
  within(within(a2pRegion()).getByRole('list', { name: 'Registration steps' })).getByRole('listitem', {
    name: new RegExp(`^\\d\\. ${title} `),
  });

export async function openA2pSection(handlers: FakeHandlers = {}) {
  const app = renderApp({
    'connection:getStatus': () => connectedWith(SERVICE),
    'a2p:status': () => ALL_APPROVED,
    'a2p:refresh': () => ALL_APPROVED,
    ...handlers,
  });
  const user = userEvent.setup();
  // Settings is the screen the app opens on; wait until it knows whether Twilio is connected.
  await waitFor(() => expect(app.container.querySelector('[data-ready="true"]')).not.toBeNull());
  await screen.findByRole('region', { name: A2P_REGION });
  return { ...app, user };
}
