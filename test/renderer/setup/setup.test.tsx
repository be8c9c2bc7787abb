import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../shared/domain/connection';
import { SETUP_STEP_IDS, type SetupPlace, type SetupProgress } from '../../../shared/domain/setup';
import { inputsTo } from '../support/fake-bridge';
import { renderApp } from '../support/render-app';
import { connected, numberList, THREE_NUMBERS } from '../numbers/test-fixtures';

const DISCONNECTED: ConnectionStatus = { state: 'disconnected', previousAccount: null };

/** Main's side of the guide: done steps fixed by the test, the place kept as main keeps it. */
function setupHandlers(done: readonly string[], place: SetupPlace) {
  let saved = place;
  const progress = (): SetupProgress => ({
    steps: SETUP_STEP_IDS.map((id) => ({ id, done: done.includes(id), skipped: saved.skipped.includes(id) })),
    current: saved.current,
    finished: saved.finished,
  });
  return {
    'setup:progress': progress,
    'setup:save': (next: SetupPlace) => {
      saved = next;
      return progress();
    },
  };
}

const steps = () => within(screen.getByRole('navigation', { name: 'Setup steps' }));

describe('Setup guide', () => {
  it('opens at start on a fresh install, on the step the person was on', async () => {
    renderApp({
      'connection:getStatus': () => DISCONNECTED,
      ...setupHandlers([], { current: 'connect', skipped: [], finished: false }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Gleam' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Step 1 of 5: Connect your Twilio account' })).toBeTruthy();
    expect(
      steps()
        .getByRole('button', { name: /Connect your Twilio account/ })
        .getAttribute('aria-current'),
    ).toBe('step');
    expect(screen.getByRole('form', { name: 'Twilio credentials' })).toBeTruthy();
  });

  it('does not open once every required step is done, even if never finished', async () => {
    renderApp({
      'connection:getStatus': () => connected(),
      'numbers:list': () => numberList(THREE_NUMBERS),
      ...setupHandlers(['connect', 'number', 'agent', 'assign'], { current: 'agent', skipped: [], finished: false }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Set up Gleam' })).toBeNull();
  });

  it('saves a skipped step, moves on, and says what the next step waits for', async () => {
    const user = userEvent.setup();
    const { calls } = renderApp({
      'connection:getStatus': () => connected(),
      'numbers:list': () => numberList(THREE_NUMBERS),
      ...setupHandlers(['connect', 'number'], { current: 'agent', skipped: [], finished: false }),
    });
    await screen.findByRole('heading', { level: 2, name: 'Step 3 of 5: Create your first agent' });
    await user.click(screen.getByRole('button', { name: 'Skip this step' }));

    const title = await screen.findByRole('heading', { level: 2, name: 'Step 4 of 5: Give the number to the agent' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(inputsTo(calls, 'setup:save')).toEqual([{ current: 'assign', skipped: ['agent'], finished: false }]);
    expect(steps().getByRole('button', { name: /Create your first agent/ }).textContent).toContain('Skipped');
    expect(screen.getByText('There is no agent to give the number to yet.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Go to step 3: Create your first agent' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Step 3 of 5: Create your first agent' })).toBeTruthy();
  });

  it('closing the guide saves it as finished and goes to Phone Numbers', async () => {
    const user = userEvent.setup();
    const { calls } = renderApp({
      'connection:getStatus': () => connected(),
      'numbers:list': () => numberList(THREE_NUMBERS),
      ...setupHandlers(['connect'], { current: 'number', skipped: [], finished: false }),
    });
    await user.click(await screen.findByRole('button', { name: 'Close the guide and finish later' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Phone Numbers' })).toBeTruthy();
    expect(inputsTo(calls, 'setup:save')).toEqual([{ current: 'number', skipped: [], finished: true }]);
  });
});
