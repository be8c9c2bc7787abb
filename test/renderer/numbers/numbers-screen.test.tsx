import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncResult } from '../../../shared/domain/numbers';
import { appError } from '../../../shared/errors';
import { inputsTo, type FakeHandlers } from '../support/fake-bridge';
import { channelsCalled, giveElementsAHeight, openNumbersScreen } from './test-kit';
import { deferred, numberList, ownedNumber, sidFor, THREE_NUMBERS } from './test-fixtures';

beforeEach(() => {
  giveElementsAHeight();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const rows = () => screen.queryAllByTestId('number-row');
const rowTexts = () => rows().map((row) => within(row).getAllByRole('cell')[1]?.textContent);

describe('Phone Numbers → list', () => {
  it('shows each number formatted, with its E.164 form, type, capabilities, price and webhook state', async () => {
    await openNumbersScreen({ 'numbers:list': () => numberList(THREE_NUMBERS) });
    await waitFor(() => expect(rows()).toHaveLength(3));

    const front = within(screen.getByText('(415) 555-0100').closest<HTMLElement>('[role="row"]') ?? document.body);
    expect(screen.getByText('(415) 555-0100').getAttribute('value')).toBe('+14155550100');
    expect(screen.getByText('(415) 555-0100').getAttribute('title')).toBe('+14155550100');
    expect(front.getByText('Front desk')).toBeTruthy();
    expect(front.getByText('Local')).toBeTruthy();
    expect(front.getByText('Set elsewhere')).toBeTruthy();
    expect(front.getByText('$1.15')).toBeTruthy();

    const tollFree = within(screen.getByText('(800) 555-0123').closest<HTMLElement>('[role="row"]') ?? document.body);
    expect(tollFree.getByText('Toll-free')).toBeTruthy();
    expect(tollFree.getByText('TwiML App or SIP trunk')).toBeTruthy();
    expect(tollFree.queryByText('SMS')).toBeNull();

    // Only the Emergency line's price is a typical one, and the page says what that means.
    const typical = within(screen.getByTestId('numbers-list')).getAllByText('typical');
    expect(typical).toHaveLength(1);
    expect(typical[0]?.closest('[role="row"]')?.textContent).toContain('Emergency line');
    const explanation = document.getElementById(typical[0]?.getAttribute('aria-describedby') ?? '');
    expect(explanation?.textContent).toMatch(/could not get this price from Twilio/);

    expect(screen.getByText('Showing 3 of 3 numbers')).toBeTruthy();
    expect(screen.getByText('Acme Plumbing')).toBeTruthy();
    expect(screen.getByText('Last synced 5 minutes ago')).toBeTruthy();
  });

  it('renders only a screenful of rows for 10,000 numbers, and still searches all of them', async () => {
    const numbers = Array.from({ length: 10_000 }, (_, index) => ownedNumber(index));
    const { user } = await openNumbersScreen({ 'numbers:list': () => numberList(numbers) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(40);
    expect(screen.getByText('Showing 10,000 of 10,000 numbers')).toBeTruthy();
    expect(screen.getByTestId('numbers-list').getAttribute('aria-rowcount')).toBe('10001');

    await user.type(screen.getByRole('searchbox', { name: 'Search your numbers' }), 'Line 9999');
    await waitFor(() => expect(screen.getByText('Showing 1 of 10,000 numbers')).toBeTruthy());
    expect(rows()).toHaveLength(1);
  });

  it.each(['415', '(415)', '+1415'])('narrows the rows when searching for "%s"', async (text) => {
    const { user } = await openNumbersScreen({ 'numbers:list': () => numberList(THREE_NUMBERS) });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.type(screen.getByRole('searchbox', { name: 'Search your numbers' }), text);
    await waitFor(() => expect(rowTexts()).toEqual(['(415) 555-0100']));
    expect(screen.getByText('Showing 1 of 3 numbers')).toBeTruthy();
  });

  it('filters by type and by capability, and "Show all" clears the filters', async () => {
    const { user } = await openNumbersScreen({ 'numbers:list': () => numberList(THREE_NUMBERS) });
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.selectOptions(screen.getByLabelText('Type'), 'Toll-free');
    await waitFor(() => expect(rowTexts()).toEqual(['(800) 555-0123']));

    await user.selectOptions(screen.getByLabelText('Type'), 'All types');
    await user.selectOptions(screen.getByLabelText('Can do'), 'MMS');
    await waitFor(() => expect(rowTexts()).toEqual(['(212) 555-0199']));

    await user.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('sorts by a column header, toggling the direction with the keyboard too', async () => {
    const { user } = await openNumbersScreen({ 'numbers:list': () => numberList(THREE_NUMBERS) });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const numberHeader = screen.getByRole('columnheader', { name: /Number/ });
    expect(numberHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(rowTexts()).toEqual(['(212) 555-0199', '(415) 555-0100', '(800) 555-0123']);

    await user.click(within(numberHeader).getByRole('button'));
    expect(numberHeader.getAttribute('aria-sort')).toBe('descending');
    await waitFor(() => expect(rowTexts()).toEqual(['(800) 555-0123', '(415) 555-0100', '(212) 555-0199']));

    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    within(nameHeader).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(numberHeader.getAttribute('aria-sort')).toBe('none');
    await waitFor(() => expect(rowTexts()).toEqual(['(212) 555-0199', '(415) 555-0100', '(800) 555-0123']));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rowTexts()).toEqual(['(800) 555-0123', '(415) 555-0100', '(212) 555-0199']));
  });

  it('asks to connect Twilio when there is no account at all', async () => {
    const { user, store } = await openNumbersScreen({
      'numbers:list': () => numberList([], { account: null, lastSyncedAt: null }),
    });
    await user.click(await screen.findByRole('button', { name: 'Connect Twilio in Settings' }));
    expect(store.getState().screen).toBe('settings');
  });

  it('offers Buy Number and Sync with Twilio when the account has no numbers yet', async () => {
    await openNumbersScreen({ 'numbers:list': () => numberList([], { lastSyncedAt: null }) });
    expect(await screen.findByText('No phone numbers yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Buy Number' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sync with Twilio' })).toBeTruthy();
    expect(screen.getByText('Not synced with Twilio yet')).toBeTruthy();
  });

  it('says a disconnected account’s list is local history, and turns off actions that need Twilio', async () => {
    await openNumbersScreen({
      'numbers:list': () =>
        numberList(THREE_NUMBERS, { account: { sidMask: 'AC0123…cdef', friendlyName: 'Old Co', connected: false } }),
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByText(/history Gleam saved on this computer/)).toBeTruthy();
    const sync = screen.getByRole('button', { name: 'Sync with Twilio' });
    expect(sync).toHaveProperty('disabled', true);
    expect(document.getElementById(sync.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/not connected/);
  });
});

describe('Phone Numbers → sync', () => {
  it('shows progress from main’s events, can be cancelled, and reports what changed', async () => {
    const sync = deferred<SyncResult>();
    const { user, emit, calls } = await openNumbersScreen({
      'numbers:list': () => numberList(THREE_NUMBERS),
      'numbers:sync': () => sync.promise,
      'numbers:cancelSync': () => ({ cancelled: true }),
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Sync with Twilio' }));
    const bar = await screen.findByRole('progressbar', { name: 'Sync progress' });
    expect(screen.getByRole('button', { name: 'Syncing…' })).toHaveProperty('disabled', true);

    act(() => emit('numbers:syncProgress', { loaded: 40, expected: 120 }));
    expect(bar.getAttribute('value')).toBe('40');
    expect(bar.getAttribute('max')).toBe('120');
    expect(screen.getByText(/40 numbers loaded of about 120/)).toBeTruthy();

    // A first sync has nothing to compare with: the bar has no end.
    act(() => emit('numbers:syncProgress', { loaded: 50, expected: null }));
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
    expect(screen.getByText(/50 numbers loaded/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cancel sync' }));
    expect(channelsCalled(calls)).toContain('numbers:cancelSync');

    await act(async () => {
      sync.resolve({ total: 5, added: 3, removed: 1, syncedAt: new Date().toISOString() });
      await sync.promise;
    });
    expect(await screen.findByText(/Synced: 3 new, 1 removed/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The list is read again so the new numbers show.
    await waitFor(() => expect(channelsCalled(calls).filter((channel) => channel === 'numbers:list')).toHaveLength(2));
  });

  it('shows a failed sync through the error notice, with its hints', async () => {
    const { user } = await openNumbersScreen({
      'numbers:list': () => numberList(THREE_NUMBERS),
      'numbers:sync': () => {
        throw appError('twilio_unavailable');
      },
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Sync with Twilio' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Twilio did not respond')).toBeTruthy();
    expect(within(alert).getByText('Wait a minute and try again.')).toBeTruthy();
  });
});

describe('Phone Numbers → offline', () => {
  it('keeps showing the saved list and turns off Buy, Sync and Release, saying why', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    await openNumbersScreen({ 'numbers:list': () => numberList(THREE_NUMBERS) });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'Buy Number' })).toHaveProperty('disabled', false);

    onLine.mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });

    expect(screen.getByText('Offline — showing the copy saved on this computer.')).toBeTruthy();
    expect(rows()).toHaveLength(3);
    const controls = [
      screen.getByRole('button', { name: 'Buy Number' }),
      screen.getByRole('button', { name: 'Sync with Twilio' }),
      ...screen.getAllByRole('button', { name: /^Release / }),
    ];
    expect(controls).toHaveLength(5);
    for (const control of controls) {
      expect(control).toHaveProperty('disabled', true);
      const reason = document.getElementById(control.getAttribute('aria-describedby') ?? '');
      expect(reason?.textContent).toMatch(/Offline/);
    }

    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.queryByText('Offline — showing the copy saved on this computer.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Buy Number' })).toHaveProperty('disabled', false);
  });

  it('treats an "offline" answer from main as offline even when the system says online', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const { user } = await openNumbersScreen({
      'numbers:list': () => numberList(THREE_NUMBERS),
      'numbers:sync': () => {
        throw appError('offline');
      },
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Sync with Twilio' }));
    expect(await screen.findByText('Offline — showing the copy saved on this computer.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Buy Number' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(screen.getByRole('button', { name: 'Buy Number' })).toHaveProperty('disabled', false);
  });
});

describe('Phone Numbers → Twilio can’t be reached', () => {
  const UNREACHABLE = {
    state: 'unreachable' as const,
    unreachableSince: '2026-11-24T10:05:00.000Z',
    lastAnsweredAt: '2026-11-24T10:00:00.000Z',
  };
  const REACHABLE = { state: 'reachable' as const, unreachableSince: null, lastAnsweredAt: '2026-11-24T10:06:00.000Z' };

  it('says so before anything is clicked, turns off what needs Twilio, and comes back when Twilio answers', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    let answers = false;
    const { emit, calls, user } = await openNumbersScreen({
      'numbers:list': () => ({ ...numberList(THREE_NUMBERS), lastSyncedAt: '2026-11-24T09:00:00.000Z' }),
      'reachability:status': () => UNREACHABLE,
      'reachability:check': () => (answers ? REACHABLE : UNREACHABLE),
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const note = await screen.findByText(/^Twilio can’t be reached — showing the copy from /);
    expect(note.textContent).toContain(
      new Date('2026-11-24T09:00:00.000Z').toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    );
    const controls = [
      screen.getByRole('button', { name: 'Buy Number' }),
      screen.getByRole('button', { name: 'Sync with Twilio' }),
      ...screen.getAllByRole('button', { name: /^Release / }),
    ];
    for (const control of controls) {
      expect(control).toHaveProperty('disabled', true);
      const reason = document.getElementById(control.getAttribute('aria-describedby') ?? '');
      expect(reason?.textContent).toMatch(/Twilio is not answering/);
    }
    expect(screen.getByText(/^Twilio: can’t be reached/)).toBeTruthy();

    // Retry while Twilio still does not answer: nothing changes.
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(inputsTo(calls, 'reachability:check')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Buy Number' })).toHaveProperty('disabled', true);

    // Main found Twilio answering again, by itself.
    answers = true;
    act(() => emit('reachability:changed', REACHABLE));
    expect(screen.queryByText(/^Twilio can’t be reached/)).toBeNull();
    for (const control of controls) expect(control).toHaveProperty('disabled', false);
    expect(screen.queryByText(/^Twilio: can’t be reached/)).toBeNull();
  });
});

describe('Phone Numbers → release', () => {
  /** Main's side of a release: each opened dialog gets a confirmation for its number, which releasing takes. */
  function releaseHandlers(release: (sid: string) => { alreadyReleased: boolean }) {
    const confirmed = new Map<string, string>();
    return {
      confirmed,
      handlers: {
        'purchases:prepareRelease': ({ sid }: { sid: string }) => {
          const id = crypto.randomUUID();
          confirmed.set(id, sid);
          return { confirmation: { id, expiresAt: '2026-11-24T10:10:00.000Z' } };
        },
        'purchases:release': ({ confirmationId }: { confirmationId: string }) => {
          const sid = confirmed.get(confirmationId);
          if (!sid) throw appError('confirmation_invalid');
          return release(sid);
        },
      } satisfies FakeHandlers,
    };
  }

  it('asks first, names the number, and releases only after confirming', async () => {
    let owned = THREE_NUMBERS;
    const main = releaseHandlers((sid) => {
      owned = owned.filter((number) => number.sid !== sid);
      return { alreadyReleased: false };
    });
    const { user, calls } = await openNumbersScreen({
      'numbers:list': () => numberList(owned),
      ...main.handlers,
      'purchases:activity': () => ({ entries: [] }),
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const releaseButton = screen.getByRole('button', { name: 'Release (415) 555-0100…' });

    await user.click(releaseButton);
    let dialog = screen.getByRole('alertdialog', { name: 'Release (415) 555-0100?' });
    expect(within(dialog).getByText('This cannot be undone.')).toBeTruthy();
    expect(dialog.textContent).toMatch(/goes back to\s+Twilio/);
    // It has no agent, so there is nothing to unassign first (numbers-assignments.test.tsx covers one that has).
    expect(dialog.textContent).not.toMatch(/unassigns it/);
    expect(document.activeElement?.textContent).toBe('Cancel');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(releaseButton);
    expect(channelsCalled(calls)).not.toContain('purchases:release');

    await user.click(releaseButton);
    dialog = screen.getByRole('alertdialog');
    const confirm = within(dialog).getByRole('button', { name: 'Release number' });
    // Until main's confirmation for the number arrives, there is nothing to release with.
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false));
    await user.click(confirm);

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // Each opening of the dialog got main's confirmation for that number; the release sent the second one only.
    const [, second] = [...main.confirmed.keys()];
    expect(inputsTo(calls, 'purchases:prepareRelease')).toEqual([{ sid: sidFor(1) }, { sid: sidFor(1) }]);
    expect(inputsTo(calls, 'purchases:release')).toEqual([{ confirmationId: second }]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText('(415) 555-0100 was released and has gone back to Twilio.', { exact: false })).toBeTruthy();
    // The row is gone, so focus lands on the list rather than nowhere.
    expect(document.activeElement).toBe(screen.getByTestId('numbers-list'));
  });

  it('keeps the dialog open with the error when the release fails, and tries again with a new confirmation', async () => {
    let attempts = 0;
    const main = releaseHandlers(() => {
      attempts += 1;
      if (attempts === 1) throw appError('rate_limited');
      return { alreadyReleased: false };
    });
    const { user, calls } = await openNumbersScreen({
      'numbers:list': () => numberList(THREE_NUMBERS),
      ...main.handlers,
      'purchases:activity': () => ({ entries: [] }),
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Release (800) 555-0123…' }));
    const confirm = screen.getByRole('button', { name: 'Release number' });
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false));
    await user.click(confirm);
    const dialog = screen.getByRole('alertdialog');
    expect(await within(dialog).findByText('Twilio asked Gleam to slow down')).toBeTruthy();
    const tryAgain = within(dialog).getByRole('button', { name: 'Try again' });
    expect(tryAgain).toHaveProperty('disabled', false);

    await user.click(tryAgain);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const [first, second] = [...main.confirmed.keys()];
    expect(inputsTo(calls, 'purchases:release')).toEqual([{ confirmationId: first }, { confirmationId: second }]);
  });
});

describe('Phone Numbers → activity', () => {
  it('lists purchases and releases with their outcome', async () => {
    const { user } = await openNumbersScreen({
      'numbers:list': () => numberList(THREE_NUMBERS),
      'purchases:activity': () => ({
        entries: [
          {
            id: 4,
            at: '2026-11-24T10:15:00.000Z',
            kind: 'release',
            phoneNumber: '+14155550101',
            monthlyPrice: null,
            outcome: 'failed',
            detail: { reason: 'unexpected' },
          },
          {
            id: 3,
            at: '2026-11-24T10:10:00.000Z',
            kind: 'release',
            phoneNumber: '+14155550102',
            monthlyPrice: null,
            outcome: 'succeeded',
            detail: { reason: 'released-elsewhere' },
          },
          {
            id: 2,
            at: '2026-11-24T10:05:00.000Z',
            kind: 'release',
            phoneNumber: '+14155550100',
            monthlyPrice: null,
            outcome: 'succeeded',
            detail: null,
          },
          {
            id: 1,
            at: '2026-11-24T10:00:00.000Z',
            kind: 'purchase',
            phoneNumber: '+14155550100',
            monthlyPrice: { amount: '1.15', currency: 'USD' },
            outcome: 'failed',
            detail: { reason: 'failed', error: appError('number_not_available').data },
          },
        ],
      }),
    });
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const table = await screen.findByRole('table', { name: 'Purchases and releases' });
    const [, unexpected, releasedElsewhere, released, bought] = within(table).getAllByRole('row');
    expect(unexpected?.textContent).toMatch(/Released.*\(415\) 555-0101.*Failed.*Unexpected error$/);
    expect(releasedElsewhere?.textContent).toMatch(
      /Released.*\(415\) 555-0102.*Done.*It had already been released outside Gleam\.$/,
    );
    expect(released?.textContent).toMatch(/Released.*\(415\) 555-0100.*Done/);
    expect(bought?.textContent).toMatch(/Bought.*\$1\.15.*Failed.*Number not available/);
  });

  it('says when there is nothing yet, and the tabs follow the arrow keys', async () => {
    const { user } = await openNumbersScreen({
      'numbers:list': () => numberList(THREE_NUMBERS),
      'purchases:activity': () => ({ entries: [] }),
    });
    screen.getByRole('tab', { name: 'Numbers' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Activity' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('No activity yet')).toBeTruthy();
  });
});
