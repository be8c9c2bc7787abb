import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent, AgentDraft } from '../../../shared/domain/agents';
import { appError } from '../../../shared/errors';
import { inputsTo } from '../support/fake-bridge';
import { deferred, numberList, ownedNumber, THREE_NUMBERS } from '../numbers/test-fixtures';
import { agent, assignedTo, failedWith, FRONT_DESK, FRONT_DESK_ID, NIGHT_LINE, outcome, UUID } from './test-fixtures';
import { openAgent, openAgentsScreen } from './test-kit';

afterEach(() => {
  vi.restoreAllMocks();
});

/** agents:save as main answers it: the draft with an id and counts. */
const saved = (draft: AgentDraft): Agent => ({ ...agent({ id: FRONT_DESK_ID }), ...draft });

/**
 * Opens the editor from the empty list and waits, as a person does without noticing, for the editor's title
 * to take focus (a frame later): typing before that would lose keystrokes to the move.
 */
async function openNewAgentEditor(user: UserEvent): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Create your first agent' }));
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'New agent' })),
  );
}

describe('Agents → list', () => {
  it('starts with a clear first step when there are no agents', async () => {
    const { user } = await openAgentsScreen({ 'agents:list': () => ({ agents: [] }) });
    expect(await screen.findByText('No agents yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New agent' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create your first agent' }));
    expect(screen.getByRole('heading', { level: 1, name: 'New agent' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Agent details' })).toBeTruthy();
  });

  it('lists each agent with status, language, voice, numbers and what needs attention', async () => {
    await openAgentsScreen({
      'agents:list': () => ({
        agents: [
          { ...NIGHT_LINE, language: 'es-US', numberCount: 1 },
          { ...FRONT_DESK, numberCount: 12, attentionCount: 2 },
        ],
      }),
    });
    const table = await screen.findByRole('table', { name: 'Agents' });
    const [, front, night] = within(table).getAllByRole('row');
    expect(front?.textContent).toMatch(/Front Desk.*Active.*English \(US\).*Alloy.*12.*2 numbers need attention/);
    expect(night?.textContent).toMatch(/Night Line.*Inactive.*Calls not answered.*Spanish \(US\).*Sage.*1/);
    expect(night?.textContent).not.toMatch(/attention/);
    expect(screen.getByRole('button', { name: 'New agent' })).toBeTruthy();
  });
});

describe('Agents → kept current', () => {
  it('reloads agents on `agents:changed` and numbers on `numbers:changed`', async () => {
    let agents: Agent[] = [];
    let numbers = [ownedNumber(1)];
    const { emit, user } = await openAgentsScreen({
      'agents:list': () => ({ agents }),
      'numbers:list': () => numberList(numbers),
    });
    expect(await screen.findByText('No agents yet')).toBeTruthy();

    agents = [{ ...FRONT_DESK, numberCount: 1 }];
    act(() => emit('agents:changed', {}));
    await user.click(await screen.findByRole('button', { name: 'Front Desk' }));
    expect(await screen.findByText('No numbers yet', { exact: false })).toBeTruthy();

    numbers = [assignedTo(ownedNumber(1), FRONT_DESK)];
    act(() => emit('numbers:changed', {}));
    expect(await screen.findByRole('list', { name: 'Numbers assigned to Front Desk' })).toBeTruthy();
  });
});

describe('Agents → editor', () => {
  it('checks the name and the forwarding number before saving, and says the rule', async () => {
    const { user, calls } = await openAgentsScreen({ 'agents:list': () => ({ agents: [] }) });
    await openNewAgentEditor(user);

    await user.click(screen.getByRole('button', { name: 'Save agent' }));
    expect(screen.getByText('Give the agent a name.')).toBeTruthy();
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(name));

    const forwarding = screen.getByLabelText('Forwarding number (optional)');
    await user.type(forwarding, '415-555-0100');
    await user.tab();
    expect(screen.getByText('A phone number in international format, such as +14155550100.')).toBeTruthy();
    expect(forwarding.getAttribute('aria-invalid')).toBe('true');
    expect(inputsTo(calls, 'agents:save')).toEqual([]);

    // A fixed value clears its message as soon as it is right.
    await user.clear(forwarding);
    await user.type(forwarding, '+14155550100');
    expect(screen.queryByText('A phone number in international format, such as +14155550100.')).toBeNull();
  });

  it('creates an agent with trimmed values and opens it', async () => {
    let agents: Agent[] = [];
    const { user, calls } = await openAgentsScreen({
      'agents:list': () => ({ agents }),
      'agents:save': ({ agent: draft }) => {
        const created = saved(draft);
        agents = [created];
        return { agent: created };
      },
    });
    await openNewAgentEditor(user);
    await user.type(screen.getByLabelText('Name'), '  Front Desk ');
    await user.type(screen.getByLabelText('Greeting'), 'Hello!');
    await user.type(screen.getByLabelText('Instructions'), 'Take messages.');
    await user.selectOptions(screen.getByLabelText('Language'), 'French');
    await user.type(screen.getByLabelText('Forwarding number (optional)'), '+14155550100');
    await user.click(screen.getByRole('button', { name: 'Save agent' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Front Desk' })).toBeTruthy();
    expect(inputsTo(calls, 'agents:save')).toEqual([
      {
        agent: {
          name: 'Front Desk',
          greeting: 'Hello!',
          instructions: 'Take messages.',
          voice: 'alloy',
          language: 'fr-FR',
          status: 'active',
          forwardingNumber: '+14155550100',
        },
      },
    ]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
  });

  it('shows main’s validation answer on the field it names, and keeps the form', async () => {
    const { user } = await openAgentsScreen({
      'agents:list': () => ({ agents: [] }),
      'agents:save': () => {
        throw appError('validation', {
          fieldErrors: { 'agent.forwardingNumber': 'Gleam cannot forward to this number.' },
        });
      },
    });
    await openNewAgentEditor(user);
    await user.type(screen.getByLabelText('Name'), 'Front Desk');
    await user.type(screen.getByLabelText('Forwarding number (optional)'), '+14155550100');
    await user.click(screen.getByRole('button', { name: 'Save agent' }));

    expect(await screen.findByText('Gleam cannot forward to this number.')).toBeTruthy();
    expect(screen.getByLabelText('Forwarding number (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(within(screen.getByRole('alert')).getByText('Some of the details are not valid')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Front Desk');
  });

  it('edits an agent: Save is off while saving, and an inactive agent says its calls go unanswered', async () => {
    const save = deferred<{ agent: Agent }>();
    const { user, calls } = await openAgent(
      {
        'agents:list': () => ({ agents: [FRONT_DESK] }),
        'agents:save': () => save.promise,
      },
      'Front Desk',
    );
    await user.click(screen.getByRole('button', { name: 'Edit agent' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Edit Front Desk' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Greeting').value).toBe(FRONT_DESK.greeting);
    expect(screen.getByLabelText<HTMLSelectElement>('Voice').value).toBe('alloy');

    await user.click(screen.getByRole('radio', { name: 'Inactive' }));
    expect(screen.getByText(/Front Desk is inactive: calls to its numbers will not be answered/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Voice'), 'Sage');
    await user.click(screen.getByRole('button', { name: 'Save agent' }));

    expect(screen.getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true);
    expect(inputsTo(calls, 'agents:save')).toEqual([
      { id: FRONT_DESK_ID, agent: expect.objectContaining({ status: 'inactive', voice: 'sage' }) as unknown },
    ]);
    await act(async () => {
      save.resolve({ agent: { ...FRONT_DESK, status: 'inactive', voice: 'sage' } });
      await save.promise;
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Front Desk' })).toBeTruthy();
    expect(screen.getByText(/calls to its numbers will not be answered while it is inactive/)).toBeTruthy();
  });
});

describe('Agents → detail', () => {
  const front = { ...FRONT_DESK, numberCount: 3, attentionCount: 2 };
  const numbers = [
    assignedTo(THREE_NUMBERS[0] ?? ownedNumber(1), front, { messaging: 'member' }),
    assignedTo(THREE_NUMBERS[1] ?? ownedNumber(2), front, { status: 'drifted', messaging: 'other-service' }),
    assignedTo(THREE_NUMBERS[2] ?? ownedNumber(3), front, {
      status: 'assigning',
      error: failedWith('twilio_unavailable'),
      messaging: 'failed',
      messagingError: appError('twilio_rejected', {
        twilioCode: 21606,
        hints: ['The number cannot be added to this service.'],
      }).data,
    }),
    ownedNumber(4),
  ];

  it('shows each number with its state and Messaging Service note, those needing attention first', async () => {
    await openAgent(
      { 'agents:list': () => ({ agents: [front] }), 'numbers:list': () => numberList(numbers) },
      'Front Desk',
    );
    const list = await screen.findByRole('list', { name: 'Numbers assigned to Front Desk' });
    const items = within(list).getAllByTestId('agent-number');
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toMatch(/\(212\) 555-0199.*Changed in Twilio.*outside Gleam/);
    expect(items[0]?.textContent).toMatch(/In another Messaging Service — remove it there first/);
    expect(items[1]?.textContent).toMatch(/\(800\) 555-0123.*Setup failed.*Twilio did not respond/);
    expect(items[1]?.textContent).toMatch(/The number cannot be added to this service/);
    expect(items[2]?.textContent).toMatch(/\(415\) 555-0100.*Set up.*Already in your Messaging Service/);
    expect(screen.getByText(/2 numbers need attention/)).toBeTruthy();
  });

  it('repairs a drifted number in one click', async () => {
    const { user, calls } = await openAgent(
      {
        'agents:list': () => ({ agents: [front] }),
        'numbers:list': () => numberList(numbers),
        'assignments:run': ({ jobId, numberSids }) => ({
          jobId,
          outcomes: numbers.filter((number) => numberSids.includes(number.sid)).map((n) => outcome(n, 'done')),
        }),
      },
      'Front Desk',
    );
    await user.click(await screen.findByRole('button', { name: 'Repair (212) 555-0199' }));
    const [run] = inputsTo(calls, 'assignments:run');
    expect(run).toEqual({
      jobId: expect.stringMatching(UUID) as unknown,
      action: 'repair',
      agentId: front.id,
      numberSids: [numbers[1]?.sid],
    });
    expect(await screen.findByText('Repaired 1 number: calls go to Front Desk again.')).toBeTruthy();
  });

  it('asks before keeping Twilio’s settings, saying the number leaves the agent and Twilio is untouched', async () => {
    const { user, calls } = await openAgent(
      {
        'agents:list': () => ({ agents: [front] }),
        'numbers:list': () => numberList(numbers),
        'assignments:run': ({ jobId }) => ({ jobId, outcomes: [outcome(numbers[1] ?? ownedNumber(2), 'done')] }),
      },
      'Front Desk',
    );
    const keep = await screen.findByRole('button', { name: 'Keep Twilio’s settings for (212) 555-0199…' });
    await user.click(keep);
    const dialog = screen.getByRole('alertdialog', { name: 'Keep Twilio’s settings for (212) 555-0199?' });
    expect(dialog.textContent).toMatch(/unassigns the number from Front Desk without changing anything in Twilio/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(inputsTo(calls, 'assignments:run')).toEqual([]);
    expect(document.activeElement).toBe(keep);

    await user.click(keep);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Keep Twilio’s settings' }));
    expect(inputsTo(calls, 'assignments:run')).toEqual([
      expect.objectContaining({ action: 'adopt', numberSids: [numbers[1]?.sid] }) as unknown,
    ]);
    expect(
      await screen.findByText(/Kept Twilio’s settings for 1 number, which no longer belongs to Front Desk/),
    ).toBeTruthy();
  });

  it('retries a failed assign as an assign, and a failed unassign as an unassign', async () => {
    const stuck = assignedTo(ownedNumber(5, { phoneNumber: '+16465550005' }), front, {
      status: 'unassigning',
      error: failedWith('rate_limited'),
    });
    const { user, calls } = await openAgent(
      {
        'agents:list': () => ({ agents: [front] }),
        'numbers:list': () => numberList([...numbers, stuck]),
        'assignments:run': ({ jobId }) => ({ jobId, outcomes: [] }),
      },
      'Front Desk',
    );
    await user.click(await screen.findByRole('button', { name: 'Retry (800) 555-0123' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Retry (646) 555-0005' })).toHaveProperty('disabled', false),
    );
    await user.click(screen.getByRole('button', { name: 'Retry (646) 555-0005' }));
    expect(
      inputsTo(calls, 'assignments:run').map(({ action, agentId, numberSids }) => ({ action, agentId, numberSids })),
    ).toEqual([
      { action: 'assign', agentId: front.id, numberSids: [numbers[2]?.sid] },
      { action: 'unassign', agentId: front.id, numberSids: [stuck.sid] },
    ]);
  });
});

describe('Agents → delete', () => {
  const front = { ...FRONT_DESK, numberCount: 2 };
  const mine = [
    assignedTo(THREE_NUMBERS[0] ?? ownedNumber(1), front),
    assignedTo(THREE_NUMBERS[1] ?? ownedNumber(2), front),
  ];

  it('lists the numbers that will be unassigned and restored, and deletes only after confirming', async () => {
    let agents: Agent[] = [front];
    const { user, calls } = await openAgent(
      {
        'agents:list': () => ({ agents }),
        'numbers:list': () => numberList(mine),
        'agents:delete': ({ jobId }) => {
          agents = [];
          return { jobId, deleted: true, outcomes: mine.map((number) => outcome(number, 'done')) };
        },
      },
      'Front Desk',
    );
    await user.click(screen.getByRole('button', { name: 'Delete agent…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Front Desk?' });
    expect(dialog.textContent).toMatch(/This cannot be undone/);
    expect(dialog.textContent).toMatch(/unassigns its 2 numbers and restores the Twilio settings they had before/);
    const listed = within(within(dialog).getByRole('list', { name: 'Numbers to unassign' })).getAllByRole('listitem');
    expect(listed.map((item) => item.textContent)).toEqual([
      '(212) 555-0199 · Emergency line',
      '(415) 555-0100 · Front desk',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Delete agent' }));
    expect(inputsTo(calls, 'agents:delete')).toEqual([{ id: front.id, jobId: expect.stringMatching(UUID) as unknown }]);
    expect(
      await screen.findByText(/Deleted Front Desk\. Its 2 numbers went back to the settings they had before/),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Agents' })).toBeTruthy();
    expect(await screen.findByText('No agents yet')).toBeTruthy();
  });

  it('keeps the agent and names the numbers that could not be unassigned, and retries with a new job', async () => {
    const { user, calls } = await openAgent(
      {
        'agents:list': () => ({ agents: [front] }),
        'numbers:list': () => numberList(mine),
        'agents:delete': ({ jobId }) => ({
          jobId,
          deleted: false,
          outcomes: [
            outcome(mine[0] ?? ownedNumber(1), 'done'),
            outcome(mine[1] ?? ownedNumber(2), 'failed', failedWith('twilio_unavailable')),
          ],
        }),
      },
      'Front Desk',
    );
    await user.click(screen.getByRole('button', { name: 'Delete agent…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete agent' }));

    const failures = await screen.findByRole('alert');
    expect(failures.textContent).toMatch(/Could not unassign 1 number:.*\(212\) 555-0199 — Twilio did not respond/);
    expect(
      screen.getByText('Front Desk was not deleted, because Gleam could not unassign all of its numbers.'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Front Desk' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    const [first, second] = inputsTo(calls, 'agents:delete');
    expect(second?.id).toBe(front.id);
    expect(second?.jobId).toMatch(UUID);
    expect(second?.jobId).not.toBe(first?.jobId);
  });
});
