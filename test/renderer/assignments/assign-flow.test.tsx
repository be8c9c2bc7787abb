import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentResult } from '../../../shared/domain/agents';
import { appError } from '../../../shared/errors';
import { noteText, problemText } from '../../../renderer/src/features/assignments/assignment-text';
import { inputsTo } from '../support/fake-bridge';
import { assignedTo, failedWith, FRONT_DESK, NIGHT_LINE, outcome, UUID } from '../agents/test-fixtures';
import { openAgent } from '../agents/test-kit';
import { deferred, numberList, ownedNumber, THREE_NUMBERS } from '../numbers/test-fixtures';
import { giveElementsAHeight } from '../numbers/test-kit';

beforeEach(() => {
  giveElementsAHeight();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const [frontLine = ownedNumber(1), emergency = ownedNumber(2), tollFree = ownedNumber(3)] = THREE_NUMBERS;
/** Set elsewhere (external), with Night Line, with a TwiML App (override), and one Front Desk has already. */
const OWNED = [
  frontLine,
  assignedTo(emergency, NIGHT_LINE),
  tollFree,
  assignedTo(ownedNumber(4, { phoneNumber: '+16465550004' }), FRONT_DESK),
];

/** Assigns every number the dialog offers, through its preview; `confirm` names the last button. */
async function assignAllShown(user: UserEvent, confirm: string) {
  await user.click(screen.getByRole('button', { name: 'Assign numbers…' }));
  const dialog = screen.getByRole('dialog');
  await user.click(within(dialog).getByRole('checkbox', { name: 'Select all shown' }));
  await user.click(within(dialog).getByRole('button', { name: 'Review changes' }));
  await user.click(within(dialog).getByRole('button', { name: confirm }));
}

describe('Assign numbers → choose, preview, run with progress', () => {
  it('previews each change, runs one job with progress and Cancel, lists failures, and retries them', async () => {
    const runs = [deferred<AssignmentResult>(), deferred<AssignmentResult>()];
    let run = 0;
    const { user, calls, emit } = await openAgent(
      {
        'agents:list': () => ({ agents: [{ ...FRONT_DESK, numberCount: 1 }, NIGHT_LINE] }),
        'numbers:list': () => numberList(OWNED),
        'assignments:run': () => runs[run++]?.promise ?? Promise.reject(new Error('one run too many')),
        'assignments:cancel': () => ({ cancelled: true }),
      },
      'Front Desk',
    );

    await user.click(screen.getByRole('button', { name: 'Assign numbers…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign numbers to Front Desk' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search numbers' });
    expect(document.activeElement).toBe(search);
    // The number Front Desk already has is not offered; the one with Night Line says so.
    expect(within(dialog).getAllByTestId('picker-row')).toHaveLength(3);
    expect(within(dialog).getByRole('checkbox', { name: /\(212\) 555-0199.*Assigned to Night Line/ })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Review changes' })).toHaveProperty('disabled', true);

    await user.type(search, '212');
    await waitFor(() => expect(within(dialog).getAllByTestId('picker-row')).toHaveLength(1));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Select all shown' }));
    await user.clear(search);
    await waitFor(() => expect(within(dialog).getAllByTestId('picker-row')).toHaveLength(3));
    expect(within(dialog).getByRole('checkbox', { name: 'Select all shown' })).toHaveProperty('indeterminate', true);
    await user.click(within(dialog).getByRole('checkbox', { name: /\(415\) 555-0100/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /\(800\) 555-0123/ }));
    expect(within(dialog).getByText(/3 numbers selected/)).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Review changes' }));
    expect(within(dialog).getByText('3 numbers will be assigned to Front Desk.')).toBeTruthy();
    const perNumber = within(within(dialog).getByRole('list', { name: 'Changes per number' })).getAllByRole('listitem');
    const text = perNumber.map((item) => item.textContent).join('\n');
    expect(text).toMatch(
      /\(415\) 555-0100.*Will point at Front Desk\..*address set outside Gleam; it will be saved and restored if you unassign/,
    );
    expect(text).toMatch(/\(212\) 555-0199.*Currently assigned to Night Line — will move\./);
    expect(text).toMatch(
      /\(800\) 555-0123.*A TwiML App or SIP trunk is set and will be cleared \(restored if you unassign\)/,
    );
    expect(inputsTo(calls, 'assignments:run')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Assign 3 numbers' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const [first] = inputsTo(calls, 'assignments:run');
    expect(first?.jobId).toMatch(UUID);
    expect(first?.action).toBe('assign');
    expect(first?.agentId).toBe(FRONT_DESK.id);
    expect([...(first?.numberSids ?? [])].sort()).toEqual([frontLine.sid, emergency.sid, tollFree.sid].sort());
    const jobId = first?.jobId ?? '';

    const bar = screen.getByRole('progressbar', { name: 'Assignment progress' });
    expect(screen.getByText('Assigning 3 numbers to Front Desk…')).toBeTruthy();
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    // Another job's progress is not this one's.
    act(() => emit('assignments:progress', { jobId: crypto.randomUUID(), done: 3, failed: 0, total: 3 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    act(() => emit('assignments:progress', { jobId, done: 2, failed: 1, total: 3 }));
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(screen.getByText(/2 of 3 numbers finished, 1 failed/)).toBeTruthy();
    // Other assignment actions wait for this job.
    expect(screen.getByRole('button', { name: 'Assign numbers…' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Cancel remaining' }));
    expect(inputsTo(calls, 'assignments:cancel')).toEqual([{ jobId }]);
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toHaveProperty('disabled', true);

    await act(async () => {
      runs[0]?.resolve({
        jobId,
        outcomes: [
          outcome(frontLine, 'done'),
          outcome(emergency, 'failed', failedWith('twilio_unavailable')),
          outcome(tollFree, 'cancelled'),
        ],
      });
      await runs[0]?.promise;
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/Assigned 1 number to Front Desk\./)).toBeTruthy();
    const failures = screen.getByRole('alert');
    expect(failures.textContent).toMatch(/Could not assign 1 number:.*\(212\) 555-0199 — Twilio did not respond/);
    expect(screen.getByText(/Not started, because you cancelled \(1 number\)/).closest('div')?.textContent).toMatch(
      /\(800\) 555-0123/,
    );

    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    const [, second] = inputsTo(calls, 'assignments:run');
    expect(second).toEqual({
      jobId: expect.stringMatching(UUID) as unknown,
      action: 'assign',
      agentId: FRONT_DESK.id,
      numberSids: [emergency.sid, tollFree.sid],
    });
    expect(second?.jobId).not.toBe(jobId);
    await act(async () => {
      runs[1]?.resolve({
        jobId: second?.jobId ?? '',
        outcomes: [outcome(emergency, 'done'), outcome(tollFree, 'done')],
      });
      await runs[1]?.promise;
    });
    expect(screen.getByText(/Assigned 2 numbers to Front Desk\./)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Assigned 2 numbers/)).toBeNull();
  });

  it('says so when the whole run fails, and "Try again" sends the same numbers under a new job', async () => {
    let attempt = 0;
    const { user, calls } = await openAgent(
      {
        'agents:list': () => ({ agents: [FRONT_DESK] }),
        'numbers:list': () => numberList([frontLine]),
        'assignments:run': ({ jobId }) => {
          attempt += 1;
          if (attempt === 1) throw appError('twilio_unavailable');
          return { jobId, outcomes: [outcome(frontLine, 'done')] };
        },
      },
      'Front Desk',
    );
    await assignAllShown(user, 'Assign 1 number');
    expect(within(await screen.findByRole('alert')).getByText('Twilio did not respond')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText(/Assigned 1 number to Front Desk/);
    const [first, second] = inputsTo(calls, 'assignments:run');
    expect(second?.numberSids).toEqual(first?.numberSids);
    expect(second?.jobId).not.toBe(first?.jobId);
  });

  it('turns assigning off while offline, saying why', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await openAgent(
      {
        'agents:list': () => ({ agents: [{ ...FRONT_DESK, numberCount: 1 }] }),
        'numbers:list': () => numberList([assignedTo(frontLine, FRONT_DESK)]),
      },
      'Front Desk',
    );
    for (const name of ['Assign numbers…', 'Unassign (415) 555-0100…']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveProperty('disabled', true);
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
        /Offline.*assigning numbers need a connection to Twilio/,
      );
    }
    // Editing the agent needs no connection.
    expect(screen.getByRole('button', { name: 'Edit agent' })).toHaveProperty('disabled', false);
  });
});

describe('What a finished job and a number’s state say', () => {
  const front = { ...FRONT_DESK, numberCount: 3 };
  /** A number's line in the finished job's panel (the agent's own list shows the numbers too). */
  const listed = (formatted: string) =>
    within(screen.getByRole('region', { name: 'Done' }))
      .getByText(formatted)
      .closest('li')?.textContent;

  it('notes what it found on numbers that went through', async () => {
    const { user } = await openAgent(
      {
        'agents:list': () => ({ agents: [FRONT_DESK] }),
        'numbers:list': () => numberList(THREE_NUMBERS),
        'assignments:run': ({ jobId }) => ({
          jobId,
          outcomes: [
            outcome(frontLine, 'done', null, { reason: 'already-in-service' }),
            outcome(emergency, 'done', null, { reason: 'in-other-service' }),
            outcome(tollFree, 'done', null, {
              reason: 'service-refused',
              error: appError('twilio_rejected', { twilioCode: 21712, hints: ['Not allowed here.'] }).data,
            }),
          ],
        }),
      },
      'Front Desk',
    );
    await assignAllShown(user, 'Assign 3 numbers');

    await screen.findByText(/Assigned 3 numbers to Front Desk\./);
    expect(listed('(415) 555-0100')).toBe('(415) 555-0100 — It was already in your Messaging Service.');
    expect(listed('(212) 555-0199')).toBe(
      '(212) 555-0199 — It is in another Messaging Service. Remove it there to send texts through yours.',
    );
    expect(listed('(800) 555-0123')).toBe(
      '(800) 555-0123 — Could not add it to your Messaging Service: Twilio could not do this: Not allowed here.',
    );
  });

  it('says a change Gleam was making when it stopped must be retried', async () => {
    await openAgent(
      {
        'agents:list': () => ({ agents: [front] }),
        'numbers:list': () =>
          numberList([assignedTo(frontLine, front, { status: 'assigning', error: { reason: 'interrupted' } })]),
      },
      'Front Desk',
    );
    const [item] = within(await screen.findByRole('list', { name: 'Numbers assigned to Front Desk' })).getAllByTestId(
      'agent-number',
    );
    expect(item?.textContent).toContain('Setup failed');
    expect(item?.textContent).toContain(
      'Gleam stopped before Twilio confirmed this change. Retry to finish it; Twilio may already have part of it.',
    );
  });
});

describe('What unassigning notes, and why a number of a job failed', () => {
  it('reads the note and the failure main names', () => {
    expect(noteText({ reason: 'not-assigned' })).toBe('It was not assigned.');
    expect(noteText({ reason: 'released-elsewhere' })).toBe('It had been released outside Gleam.');
    expect(problemText({ reason: 'busy' })).toBe(
      'Another task is changing this number. Try again when it has finished.',
    );
  });
});
