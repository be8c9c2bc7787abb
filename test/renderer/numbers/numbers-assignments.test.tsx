import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentResult } from '../../../shared/domain/agents';
import { inputsTo } from '../support/fake-bridge';
import { assignedTo, failedWith, FRONT_DESK, NIGHT_LINE, outcome, UUID } from '../agents/test-fixtures';
import { deferred, numberList, ownedNumber, THREE_NUMBERS } from './test-fixtures';
import { giveElementsAHeight, openNumbersScreen } from './test-kit';

beforeEach(() => {
  giveElementsAHeight();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const [frontLine = ownedNumber(1), emergency = ownedNumber(2), tollFree = ownedNumber(3)] = THREE_NUMBERS;
const OWNED = [
  assignedTo(frontLine, FRONT_DESK),
  assignedTo(emergency, FRONT_DESK, { status: 'drifted' }),
  assignedTo(tollFree, NIGHT_LINE, { status: 'assigning', error: failedWith('twilio_unavailable') }),
  ownedNumber(4, { phoneNumber: '+16465550004', friendlyName: 'Spare' }),
];
const AGENTS = { agents: [FRONT_DESK, NIGHT_LINE] };

const rowOf = (formatted: string) => {
  const row = screen.getByText(formatted).closest<HTMLElement>('[role="row"]');
  if (!row) throw new Error(`no row for ${formatted}`);
  return row;
};
const agentCell = (formatted: string) => within(rowOf(formatted)).getAllByRole('cell')[7];

/** Echoes every number of a run as done. */
const allDone = ({ jobId, numberSids }: { jobId: string; numberSids: string[] }) => ({
  jobId,
  outcomes: OWNED.filter((number) => numberSids.includes(number.sid)).map((number) => outcome(number, 'done')),
});

describe('Phone Numbers → agents', () => {
  it('shows each number’s agent, with markers for changed, failed and inactive', async () => {
    await openNumbersScreen({ 'numbers:list': () => numberList(OWNED), 'agents:list': () => AGENTS });
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(4));
    expect(screen.getByRole('columnheader', { name: /Agent/ })).toBeTruthy();
    expect(agentCell('(415) 555-0100')?.textContent).toBe('Front Desk');
    expect(agentCell('(212) 555-0199')?.textContent).toBe('Front DeskChanged in Twilio');
    expect(agentCell('(800) 555-0123')?.textContent).toBe('Night LineSetup failedAgent inactive');
    expect(agentCell('(646) 555-0004')?.textContent).toBe('—No agent');
    // Only numbers needing attention offer a fix.
    expect(screen.getAllByRole('button', { name: /^Fix / }).map((button) => button.getAttribute('aria-label'))).toEqual(
      ['Fix (212) 555-0199…', 'Fix (800) 555-0123…'],
    );
  });

  it('filters by agent and by "Needs attention"', async () => {
    const { user } = await openNumbersScreen({ 'numbers:list': () => numberList(OWNED), 'agents:list': () => AGENTS });
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(4));
    await user.selectOptions(screen.getByLabelText('Agent'), 'Needs attention');
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(2));
    await user.selectOptions(screen.getByLabelText('Agent'), 'No agent');
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Agent'), 'Night Line');
    await waitFor(() => expect(screen.getByText('Showing 1 of 4 numbers')).toBeTruthy());
  });

  it('assigns ticked numbers to a chosen agent after a preview, with progress, then clears the ticks', async () => {
    const run = deferred<AssignmentResult>();
    const { user, calls, emit } = await openNumbersScreen({
      'numbers:list': () => numberList(OWNED),
      'agents:list': () => AGENTS,
      'assignments:run': () => run.promise,
    });
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(4));
    expect(screen.queryByRole('group', { name: 'Selected numbers' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Select (646) 555-0004' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select (800) 555-0123' }));
    const toolbar = screen.getByRole('group', { name: 'Selected numbers' });
    expect(toolbar.textContent).toMatch(/2 numbers selected/);

    await user.click(within(toolbar).getByRole('button', { name: 'Assign to agent…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign 2 numbers to an agent' });
    expect(within(dialog).getByRole('button', { name: 'Review changes' })).toHaveProperty('disabled', true);
    await user.selectOptions(within(dialog).getByLabelText('Agent'), 'Front Desk');
    await user.click(within(dialog).getByRole('button', { name: 'Review changes' }));
    expect(within(dialog).getByText('2 numbers will be assigned to Front Desk.')).toBeTruthy();
    expect(within(dialog).getByText('Currently assigned to Night Line — will move.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Assign 2 numbers' }));

    expect(inputsTo(calls, 'assignments:run')).toEqual([
      {
        jobId: expect.stringMatching(UUID) as unknown,
        action: 'assign',
        agentId: FRONT_DESK.id,
        numberSids: [tollFree.sid, OWNED[3]?.sid],
      },
    ]);
    const [started] = inputsTo(calls, 'assignments:run');
    const jobId = started?.jobId ?? '';
    const numberSids = started?.numberSids ?? [];
    act(() => emit('assignments:progress', { jobId, done: 1, failed: 0, total: 2 }));
    expect(screen.getByRole('progressbar', { name: 'Assignment progress' }).getAttribute('aria-valuenow')).toBe('1');
    await act(async () => {
      run.resolve(allDone({ jobId, numberSids }));
      await run.promise;
    });
    expect(await screen.findByText(/Assigned 2 numbers to Front Desk\./)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Selected numbers' })).toBeNull();
  });

  it('unassigns only the ticked numbers that have an agent, after a confirmation saying settings come back', async () => {
    const { user, calls } = await openNumbersScreen({
      'numbers:list': () => numberList(OWNED),
      'agents:list': () => AGENTS,
      'assignments:run': allDone,
    });
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(4));
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown numbers' }));
    const toolbar = screen.getByRole('group', { name: 'Selected numbers' });
    expect(toolbar.textContent).toMatch(/4 numbers selected.*Unassign applies to the 3 numbers with an agent/);
    await user.click(within(toolbar).getByRole('button', { name: 'Unassign…' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Unassign 3 numbers?' });
    expect(dialog.textContent).toMatch(/restores the Twilio settings they had before they were assigned/);
    expect(
      within(within(dialog).getByRole('list', { name: 'Numbers to unassign' })).getAllByRole('listitem'),
    ).toHaveLength(3);
    await user.click(within(dialog).getByRole('button', { name: 'Unassign' }));

    const [run] = inputsTo(calls, 'assignments:run');
    expect(run?.action).toBe('unassign');
    expect(run?.numberSids).toEqual(OWNED.slice(0, 3).map((number) => number.sid));
    expect(await screen.findByText(/Unassigned 3 numbers\. Their previous Twilio settings are back\./)).toBeTruthy();
  });

  it('offers Repair and "Keep Twilio’s settings" for a drifted row', async () => {
    const { user, calls } = await openNumbersScreen({
      'numbers:list': () => numberList(OWNED),
      'agents:list': () => AGENTS,
      'assignments:run': allDone,
    });
    await user.click(await screen.findByRole('button', { name: 'Fix (212) 555-0199…' }));
    let dialog = screen.getByRole('dialog', { name: '(212) 555-0199 needs attention' });
    expect(dialog.textContent).toMatch(/Changed in Twilio/);
    await user.click(within(dialog).getByRole('button', { name: 'Keep Twilio’s settings…' }));
    dialog = screen.getByRole('alertdialog', { name: 'Keep Twilio’s settings for (212) 555-0199?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(inputsTo(calls, 'assignments:run')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Fix (212) 555-0199…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Repair' }));
    expect(inputsTo(calls, 'assignments:run')).toEqual([
      expect.objectContaining({ action: 'repair', agentId: FRONT_DESK.id, numberSids: [emergency.sid] }) as unknown,
    ]);
    expect(await screen.findByText(/Repaired 1 number/)).toBeTruthy();
  });

  it('says in the release dialog that an assigned number is unassigned from its agent first', async () => {
    const { user } = await openNumbersScreen({ 'numbers:list': () => numberList(OWNED), 'agents:list': () => AGENTS });
    await user.click(await screen.findByRole('button', { name: 'Release (415) 555-0100…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Release (415) 555-0100?' });
    expect(dialog.textContent).toMatch(/assigned to Front Desk: Gleam unassigns it from Front Desk first/);
  });

  it('turns bulk assigning off while offline, saying why', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { user } = await openNumbersScreen({ 'numbers:list': () => numberList(OWNED), 'agents:list': () => AGENTS });
    await user.click(await screen.findByRole('checkbox', { name: 'Select (415) 555-0100' }));
    for (const name of ['Assign to agent…', 'Unassign…', 'Fix (212) 555-0199…']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveProperty('disabled', true);
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Offline/);
    }
  });
});
