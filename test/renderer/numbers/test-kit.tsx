/** Opens the Phone Numbers screen of the whole app against scripted main-process answers. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { FakeHandlers } from '../support/fake-bridge';
import { renderApp } from '../support/render-app';
import { connected } from './test-fixtures';

/**
 * jsdom lays nothing out, so every element is 0 px tall and the virtualizer
 * would render no rows. Giving elements a viewport-sized client height lets
 * it render the first screenful, as a real window would.
 */
export function giveElementsAHeight(pixels = 480) {
  return vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(pixels);
}

export async function openNumbersScreen(handlers: FakeHandlers) {
  const app = renderApp({ 'connection:getStatus': () => connected(), ...handlers });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Phone Numbers' }));
  await screen.findByRole('heading', { level: 1, name: 'Phone Numbers' });
  return { ...app, user };
}

/** The channels called so far, in order, without the app's own connection check. */
export function channelsCalled(calls: { channel: string }[]): string[] {
  return calls.map((call) => call.channel).filter((channel) => channel !== 'connection:getStatus');
}
