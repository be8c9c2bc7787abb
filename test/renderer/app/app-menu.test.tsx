/** The application menu's Help item (main sends `app:showHelp`) opens the Help screen from anywhere. */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connected } from '../numbers/test-fixtures';
import { renderApp } from '../support/render-app';

describe('application menu', () => {
  it('opens Help when the menu asks for it, whichever screen is showing', async () => {
    const app = renderApp({ 'connection:getStatus': () => connected() });
    await waitFor(() => expect(app.container.querySelector('[data-ready="true"]')).not.toBeNull());
    expect(screen.queryByRole('heading', { level: 1, name: 'Help' })).toBeNull();

    act(() => app.emit('app:showHelp', {}));
    expect(await screen.findByRole('heading', { level: 1, name: 'Help' })).toBeTruthy();
  });
});
