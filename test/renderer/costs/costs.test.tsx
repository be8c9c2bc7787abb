import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Balance, CostSyncResult } from '../../../shared/domain/costs';
import { appError } from '../../../shared/errors';
import { formatDateTime } from '../../../renderer/src/lib/format-date';
import { inputsTo, type FakeBridge } from '../support/fake-bridge';
import { deferred } from '../numbers/test-fixtures';
import { costSummary, MONTHS, neverSynced, numberCosts, SYNC_RESULT, SYNCED_AT } from './test-fixtures';
import { openCostsScreen } from './test-kit';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The cost channels called so far, in order. */
const costCalls = (calls: FakeBridge['calls']) =>
  calls.map((call) => call.channel).filter((channel) => channel.startsWith('costs:'));

const region = (name: string) => screen.getByRole('region', { name });
const refreshButton = () => screen.getByRole('button', { name: 'Refresh' });

describe('Costs → figures', () => {
  it('shows amounts in whole cents, half a cent rounded up, keeping the exact figure', async () => {
    await openCostsScreen();
    const monthToDate = await screen.findByRole('region', { name: 'Month to date' });
    const spent = within(monthToDate).getByText('$12.35');
    expect(spent.getAttribute('value')).toBe('12.345');
    expect(spent.getAttribute('title')).toBe('$12.345');
    expect(monthToDate.textContent).toContain('Projected for November: $15.03');
    expect(monthToDate.textContent).toMatch(/first 24 of 30 days/);

    const balance = within(region('Balance')).getByText('$20.51');
    expect(balance.getAttribute('title')).toBe('$20.505');
    expect(region('Balance').textContent).toContain(`As of ${formatDateTime(SYNCED_AT)}`);

    const fees = region('Number fees');
    expect(fees.textContent).toMatch(/\$5\.60 a month/);
    expect(fees.textContent).toContain('3 local numbers in US × $1.15 = $3.45');
    expect(fees.textContent).toContain('1 toll-free number in US × $2.15 = $2.15');
    expect(within(fees).queryByText('typical')).toBeNull();

    const [, front, released] = within(screen.getByRole('table', { name: 'By number' })).getAllByRole('row');
    expect(front?.textContent).toMatch(/\(415\) 555-0100.*Front desk.*Front Desk.*14 \(52 min\).*3 \(7 min\)/);
    expect(front?.textContent).toMatch(/9 \(11 segments\).*4 \(6 segments\).*\$12\.34$/);
    expect(released?.textContent).toMatch(/\(212\) 555-0199\(released\)No agent.*\$0\.03$/);

    const [, frontAgent, noAgent] = within(screen.getByRole('table', { name: 'By agent' })).getAllByRole('row');
    expect(frontAgent?.textContent).toMatch(/Front Desk1.*59 \(52 in, 7 out\).*17 \(11 in, 6 out\).*\$12\.34/);
    expect(noAgent?.textContent).toMatch(/No agent.*\$0\.03/);
  });

  it('says when the figures are from and whose they are', async () => {
    await openCostsScreen();
    expect(await screen.findByText(formatDateTime(SYNCED_AT), { selector: '.costs-as-of time' })).toBeTruthy();
    expect(document.querySelector('.costs-as-of')?.textContent).toBe(
      `Acme Plumbing · As of ${formatDateTime(SYNCED_AT)}`,
    );
  });

  it('says that a subaccount has no balance of its own, and when the balance is unknown', async () => {
    let balance: Balance = { state: 'subaccount' };
    const { emit } = await openCostsScreen({ 'costs:summary': () => costSummary({ balance }) });
    await waitFor(() =>
      expect(region('Balance').textContent).toContain(
        'Subaccounts have no balance of their own; the main account pays',
      ),
    );

    balance = { state: 'unknown' };
    act(() => emit('costs:changed', {}));
    await waitFor(() => expect(region('Balance').textContent).toContain('Unknown until Gleam can reach Twilio'));
  });

  it('labels typical prices as the setup guide’s, possibly out of date, with SMS carrier fees extra', async () => {
    await openCostsScreen({
      'costs:summary': () =>
        costSummary({
          recurring: {
            byType: [
              {
                type: 'local',
                country: 'US',
                count: 2,
                unitPrice: { amount: '1.15', currency: 'USD', source: 'typical', asOf: null },
                monthlyMicros: 2_300_000,
              },
              { type: 'mobile', country: 'GB', count: 1, unitPrice: null, monthlyMicros: null },
            ],
            totalMicros: 2_300_000,
            currency: 'USD',
            includesTypical: true,
            unpriced: 1,
          },
        }),
    });
    const fees = await screen.findByRole('region', { name: 'Number fees' });
    const badge = within(fees).getAllByText('typical')[0];
    const note = document.getElementById(badge?.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toMatch(/Typical prices from Gleam’s setup guide/);
    expect(note?.textContent).toMatch(/may be out of date/);
    expect(note?.textContent).toMatch(/SMS carrier fees are extra/);
    expect(fees.textContent).toContain('2 local numbers in US × $1.15typical = $2.30');
    expect(fees.textContent).toContain('1 mobile number in GB: price unknown, not in the total');
    expect(fees.textContent).toContain('1 number is not in the total: Gleam does not know its monthly price in USD.');
  });

  it('says when Twilio has not priced some calls or messages yet', async () => {
    await openCostsScreen({
      'costs:summary': () => costSummary({ byNumber: [numberCosts('+14155550100', { inboundCalls: 2, unrated: 2 })] }),
    });
    expect(
      await screen.findByText(/Twilio has not priced 2 calls or messages yet, so their cost is missing/),
    ).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'By number' })).getByText('2 not priced yet')).toBeTruthy();
  });
});

describe('Costs → chart', () => {
  it('draws one bar group per month, the months with no saved figures empty, and says what it shows', async () => {
    await openCostsScreen();
    const chart = await screen.findByRole('img', { name: /^Costs over the last 12 months/ });
    expect(chart.getAttribute('aria-label')).toBe(
      'Costs over the last 12 months, December 2025 to November 2026: $70.23 in all. ' +
        'Highest: March 2026, $7.80. No figures saved for 3 months. The By month table has every figure.',
    );
    const bars = chart.querySelectorAll('[data-testid="costs-chart-month"]');
    expect([...bars].map((bar) => bar.getAttribute('data-month'))).toEqual(MONTHS);
    expect([...bars].map((bar) => bar.querySelectorAll('.costs-bar').length)).toEqual([
      0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    ]);
    expect([...bars].map((bar) => bar.querySelectorAll('.costs-bar-empty').length)).toEqual([
      1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(bars[3]?.querySelector('title')?.textContent).toBe(
      'March 2026: $7.80 (Calls $1.44, SMS $0.51, Numbers $5.60, Other $0.25)',
    );
    expect(chart.textContent).toContain('$8.00');
    expect(within(screen.getByRole('list', { name: 'Chart legend' })).getAllByRole('listitem')).toHaveLength(5);

    const rows = within(screen.getByRole('table', { name: 'By month' })).getAllByRole('row');
    expect(rows).toHaveLength(2 + 12);
    expect(rows[2]?.textContent).toBe('Dec 2025No figures saved for this month');
    expect(rows[13]?.textContent).toBe('Nov 2026120304025$1.44$0.51$5.60$0.25$7.80');
  });
});

describe('Costs → keeping up to date', () => {
  it('shows the saved figures at once, updates from Twilio with progress, then reads them again', async () => {
    const sync = deferred<CostSyncResult>();
    const { calls, emit, user } = await openCostsScreen({ 'costs:sync': () => sync.promise });
    expect(await screen.findByText('Updating from Twilio…')).toBeTruthy();
    expect(costCalls(calls)).toEqual(['costs:summary', 'costs:sync']);
    expect(await screen.findByRole('region', { name: 'Month to date' })).toBeTruthy();
    expect(refreshButton()).toHaveProperty('disabled', true);

    act(() => emit('costs:syncProgress', { stage: 'calls', loaded: 120 }));
    expect(screen.getByText('Updating from Twilio… 120 call records')).toBeTruthy();
    act(() => emit('costs:syncProgress', { stage: 'messages', loaded: 1 }));
    expect(screen.getByText('Updating from Twilio… 1 message record')).toBeTruthy();

    await act(async () => {
      sync.resolve(SYNC_RESULT);
      await sync.promise;
    });
    expect(await screen.findByText('Up to date with Twilio: 3 new calls and 1 new message.')).toBeTruthy();
    await waitFor(() => expect(costCalls(calls)).toEqual(['costs:summary', 'costs:sync', 'costs:summary']));

    await user.click(refreshButton());
    await waitFor(() => expect(costCalls(calls).filter((channel) => channel === 'costs:sync')).toHaveLength(2));
  });

  it('keeps the saved figures on screen when the update fails, with the reason', async () => {
    const { user } = await openCostsScreen({
      'costs:sync': () => {
        throw appError('twilio_unavailable');
      },
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Twilio did not respond')).toBeTruthy();
    expect(within(region('Month to date')).getByText('$12.35')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'By number' })).toBeTruthy();
    expect(refreshButton()).toHaveProperty('disabled', false);

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads the figures again when main says usage, numbers or agents changed', async () => {
    let spent = 12_345_000;
    const { emit } = await openCostsScreen({
      'costs:summary': () =>
        costSummary({
          monthToDate: {
            month: '2026-11',
            spentMicros: spent,
            projectedMicros: spent + 1_000_000,
            daysElapsed: 24,
            daysInMonth: 30,
          },
        }),
    });
    await waitFor(() => expect(within(region('Month to date')).getByText('$12.35')).toBeTruthy());
    spent = 20_000_000;
    act(() => emit('costs:changed', {}));
    await waitFor(() => expect(within(region('Month to date')).getByText('$20.00')).toBeTruthy());
    expect(region('Month to date').textContent).toContain('Projected for November: $21.00');

    // Fees come from the numbers owned, names from the agents: their changes count too.
    spent = 30_000_000;
    act(() => emit('numbers:changed', {}));
    await waitFor(() => expect(within(region('Month to date')).getByText('$30.00')).toBeTruthy());
    spent = 40_000_000;
    act(() => emit('agents:changed', {}));
    await waitFor(() => expect(within(region('Month to date')).getByText('$40.00')).toBeTruthy());
  });
});

describe('Costs → offline', () => {
  it('shows the saved figures as of when they were saved, and does not try Twilio until the network is back', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { calls } = await openCostsScreen();
    expect(await screen.findByRole('region', { name: 'Month to date' })).toBeTruthy();
    expect(within(region('Month to date')).getByText('$12.35')).toBeTruthy();

    const refresh = refreshButton();
    expect(refresh).toHaveProperty('disabled', true);
    const note = document.getElementById(refresh.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toContain('Offline.');
    expect(note?.textContent).toContain(
      `These are the figures saved on this computer, as of ${formatDateTime(SYNCED_AT)}.`,
    );
    expect(costCalls(calls)).toEqual(['costs:summary']);

    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(costCalls(calls)).toContain('costs:sync'));
  });

  it('treats an "offline" answer to the update as offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    await openCostsScreen({
      'costs:sync': () => {
        throw appError('offline');
      },
    });
    expect(await screen.findByText(/These are the figures saved on this computer/)).toBeTruthy();
    expect(refreshButton()).toHaveProperty('disabled', true);
    expect(within(region('Month to date')).getByText('$12.35')).toBeTruthy();
  });
});

describe('Costs → empty', () => {
  it('before any update, says what will appear and, without an account, leads to Settings', async () => {
    const { calls, user, store } = await openCostsScreen({
      'connection:getStatus': () => ({ state: 'disconnected', previousAccount: null }),
      'costs:summary': () => neverSynced({ account: null }),
    });
    expect(await screen.findByText('No cost figures yet')).toBeTruthy();
    expect(screen.getByText(/the last 12 months as a chart/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Month to date' })).toBeNull();
    expect(refreshButton()).toHaveProperty('disabled', true);
    expect(costCalls(calls)).toEqual(['costs:summary']);

    await user.click(screen.getByRole('button', { name: 'Connect Twilio in Settings' }));
    expect(store.getState().screen).toBe('settings');
  });

  it('before any update of a connected account, reads the figures from Twilio at once', async () => {
    let synced = false;
    const { calls } = await openCostsScreen({
      'costs:summary': () => (synced ? costSummary() : neverSynced()),
      'costs:sync': () => {
        synced = true;
        return SYNC_RESULT;
      },
    });
    expect(await screen.findByRole('region', { name: 'Month to date' })).toBeTruthy();
    expect(costCalls(calls)).toEqual(['costs:summary', 'costs:sync', 'costs:summary']);
    expect(screen.queryByText('No cost figures yet')).toBeNull();
  });

  it('says so when a month had no calls or messages', async () => {
    await openCostsScreen({ 'costs:summary': () => costSummary({ byNumber: [], byAgent: [] }) });
    expect(await screen.findByText('No calls or messages in November 2026')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'By number' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'By agent' })).toBeNull();
  });
});

describe('Costs → month', () => {
  it('reads the chosen month again, and exports that month', async () => {
    const { calls, user } = await openCostsScreen({
      'costs:summary': ({ month = '2026-11' }) =>
        month === '2026-11' ? costSummary() : costSummary({ month, byNumber: [], byAgent: [] }),
      'costs:exportCsv': ({ month }) => ({ savedTo: `/Users/sam/gleam-costs-${month}.csv` }),
    });
    const picker = await screen.findByRole('combobox', { name: 'Month' });
    const options = within(picker)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toHaveLength(12);
    expect([options[0], options[1], options.at(-1)]).toEqual(['November 2026', 'October 2026', 'December 2025']);
    expect((picker as HTMLSelectElement).value).toBe('2026-11');

    await user.selectOptions(picker, 'October 2026');
    expect(await screen.findByText('No calls or messages in October 2026')).toBeTruthy();
    expect(inputsTo(calls, 'costs:summary').at(-1)).toEqual({ month: '2026-10' });

    await user.click(screen.getByRole('button', { name: 'Export CSV…' }));
    expect(await screen.findByText('/Users/sam/gleam-costs-2026-10.csv')).toBeTruthy();
    expect(inputsTo(calls, 'costs:exportCsv')).toEqual([{ month: '2026-10' }]);
  });
});

describe('Costs → export', () => {
  it('says where the file was saved, nothing when cancelled, and why it failed', async () => {
    let answer: () => { savedTo: string | null } = () => ({ savedTo: '/Users/sam/gleam-costs-2026-11.csv' });
    const { calls, user } = await openCostsScreen({ 'costs:exportCsv': () => answer() });
    const exportButton = await screen.findByRole('button', { name: 'Export CSV…' });

    await user.click(exportButton);
    const saved = await screen.findByText(/^Saved to/);
    expect(saved.textContent).toBe('Saved to /Users/sam/gleam-costs-2026-11.csv Dismiss');
    expect(inputsTo(calls, 'costs:exportCsv')).toEqual([{ month: '2026-11' }]);

    answer = () => ({ savedTo: null });
    await user.click(exportButton);
    await waitFor(() => expect(inputsTo(calls, 'costs:exportCsv')).toHaveLength(2));
    await waitFor(() => expect(exportButton).toHaveProperty('disabled', false));
    expect(screen.queryByText(/^Saved to/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    answer = () => {
      throw appError('internal');
    };
    await user.click(exportButton);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Something went wrong')).toBeTruthy();
    expect(screen.queryByText(/^Saved to/)).toBeNull();
  });
});
