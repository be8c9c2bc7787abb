import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DoctorFixResult, DoctorReport } from '../../../shared/domain/doctor';
import { appError, reasonError } from '../../../shared/errors';
import { fixErrorText } from '../../../renderer/src/features/doctor/doctor-text';
import { inputsTo } from '../support/fake-bridge';
import { assignedTo, FRONT_DESK } from '../agents/test-fixtures';
import { deferred, numberList, ownedNumber, THREE_NUMBERS } from '../numbers/test-fixtures';
import { giveElementsAHeight, openNumbersScreen } from '../numbers/test-kit';
import { DRIFTED, offlineReport, reportFor, TRIAL } from './test-fixtures';
import { TWILIO_CONSOLE_PAGES } from '../../../shared/domain/doctor';

beforeEach(() => {
  giveElementsAHeight();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const [frontLine = ownedNumber(1)] = THREE_NUMBERS;
const OWNED = [assignedTo(frontLine, FRONT_DESK, { status: 'drifted' }), ...THREE_NUMBERS.slice(1)];
const FORMATTED = '(415) 555-0100';
const DIALOG_NAME = `Why isn't ${FORMATTED} working?`;
const AGENTS = { agents: [FRONT_DESK] };

/** A check's list item, found by its heading (role queries over the whole list are slow in jsdom). */
const checkItem = (dialog: HTMLElement, title: string) => {
  const item = within(dialog).getByRole('heading', { level: 3, name: title }).closest('li');
  if (!item) throw new Error(`no list item for ${title}`);
  return item;
};

async function openDoctor(report: DoctorReport | (() => Promise<DoctorReport>), extra = {}) {
  const opened = await openNumbersScreen({
    'numbers:list': () => numberList(OWNED),
    'agents:list': () => AGENTS,
    'doctor:check': typeof report === 'function' ? report : () => report,
    ...extra,
  });
  const button = await screen.findByRole('button', { name: `Check ${FORMATTED}` });
  await opened.user.click(button);
  return { ...opened, button, dialog: screen.getByRole('dialog', { name: DIALOG_NAME }) };
}

describe('Why isn’t this number working?', () => {
  it('offers a Check button on every row, named for its number, that says what it is for', async () => {
    await openNumbersScreen({ 'numbers:list': () => numberList(OWNED), 'agents:list': () => AGENTS });
    await waitFor(() => expect(screen.getAllByTestId('number-row')).toHaveLength(3));
    const buttons = screen.getAllByRole('button', { name: /^Check / });
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Check (212) 555-0199',
      'Check (415) 555-0100',
      'Check (800) 555-0123',
    ]);
    expect(buttons[1]?.getAttribute('title')).toBe("Why isn't this number working?");
  });

  it('opens a dialog with focus inside that lists each check with its status, and closes on Escape back to the button', async () => {
    const check = deferred<DoctorReport>();
    const { user, button, dialog, calls } = await openDoctor(() => check.promise);

    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(within(dialog).getByRole('status').textContent).toBe('Checking this number…');
    expect(inputsTo(calls, 'doctor:check')).toEqual([{ numberSid: frontLine.sid }]);

    await act(async () => {
      check.resolve(
        reportFor(frontLine.sid, frontLine.phoneNumber, { 'webhooks-match': DRIFTED, 'trial-limits': TRIAL }),
      );
      await check.promise;
    });
    const list = within(dialog).getByRole('list', { name: 'Checks' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .filter((item) => item.parentElement === list),
    ).toHaveLength(11);
    expect(within(dialog).getByRole('status').textContent).toBe('Found 1 problem and 1 warning.');
    const webhooks = checkItem(dialog, 'Twilio sends calls and texts to the agent');
    expect(webhooks.textContent).toContain('Fail');
    expect(webhooks.textContent).toContain('somewhere other than Front Desk');
    expect(checkItem(dialog, 'Trial account limits').textContent).toContain('Warning');
    expect(checkItem(dialog, 'The agent is Active').textContent).toContain('Pass');
    const link = within(checkItem(dialog, 'Trial account limits')).getByRole('link', {
      name: 'Verify a phone number in the Twilio Console (opens in your browser)',
    });
    expect(link.getAttribute('href')).toMatch(/^https:\/\/console\.twilio\.com\//);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: DIALOG_NAME })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('makes a fix, shows the checks run again, and puts focus on what happened', async () => {
    const fix = deferred<DoctorFixResult>();
    const { user, dialog, calls } = await openDoctor(
      reportFor(frontLine.sid, frontLine.phoneNumber, { 'webhooks-match': DRIFTED }),
      { 'doctor:fix': () => fix.promise },
    );

    await user.click(
      within(checkItem(dialog, 'Twilio sends calls and texts to the agent')).getByRole('button', { name: 'Repair' }),
    );
    expect(inputsTo(calls, 'doctor:fix')).toEqual([{ numberSid: frontLine.sid, fix: 'repair-webhooks' }]);
    expect(within(dialog).getByRole('status').textContent).toMatch(/then checking again/);
    expect(within(dialog).getByRole('button', { name: 'Check again' })).toHaveProperty('disabled', true);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveProperty('disabled', true);
    // A fix in flight must be seen through: Escape does not close the dialog.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: DIALOG_NAME })).toBeTruthy();

    await act(async () => {
      fix.resolve({ report: reportFor(frontLine.sid, frontLine.phoneNumber), fixError: null });
      await fix.promise;
    });
    const summary = within(dialog).getByRole('status');
    expect(summary.textContent).toBe('No problems found in what Gleam could check.');
    expect(document.activeElement).toBe(summary);
    expect(checkItem(dialog, 'Twilio sends calls and texts to the agent').textContent).toContain('Pass');
  });

  it('says when a fix did not work', async () => {
    const { user, dialog } = await openDoctor(
      reportFor(frontLine.sid, frontLine.phoneNumber, { 'webhooks-match': DRIFTED }),
      {
        'doctor:fix': () => ({
          report: reportFor(frontLine.sid, frontLine.phoneNumber, { 'webhooks-match': DRIFTED }),
          fixError: { reason: 'failed', error: appError('twilio_rejected').data },
        }),
      },
    );
    await user.click(within(dialog).getByRole('button', { name: 'Repair' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'The fix did not work: Twilio could not do this',
    );
  });

  it('runs the checks again on request', async () => {
    let answer = reportFor(frontLine.sid, frontLine.phoneNumber, { 'webhooks-match': DRIFTED });
    const { user, dialog, calls } = await openDoctor(() => Promise.resolve(answer));
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toBe('Found 1 problem.'));

    answer = reportFor(frontLine.sid, frontLine.phoneNumber);
    await user.click(within(dialog).getByRole('button', { name: 'Check again' }));

    await waitFor(() =>
      expect(within(dialog).getByRole('status').textContent).toBe('No problems found in what Gleam could check.'),
    );
    expect(inputsTo(calls, 'doctor:check')).toHaveLength(2);
  });

  it('offline: marks Twilio’s checks “Unknown — offline”, still answers the rest, and turns off fixes that need Twilio, saying why', async () => {
    const { user, dialog, calls } = await openDoctor(offlineReport(frontLine.sid, frontLine.phoneNumber), {
      'doctor:fix': () => ({ report: offlineReport(frontLine.sid, frontLine.phoneNumber), fixError: null }),
    });
    await waitFor(() => expect(within(dialog).getAllByText('Unknown — offline')).toHaveLength(6));
    expect(within(dialog).getByRole('status').textContent).toBe(
      'Found 2 problems. 6 checks could not be answered while offline.',
    );
    expect(checkItem(dialog, 'Enough Twilio balance').textContent).toMatch(/From Gleam’s saved copy \(2 hours ago\)/);

    const assign = within(checkItem(dialog, 'An agent answers the number')).getByRole('button', {
      name: 'Give it to an agent…',
    });
    expect(assign).toHaveProperty('disabled', true);
    expect(document.getElementById(assign.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'You are offline, and this needs Twilio.',
    );
    // Agents live in Gleam: setting one Active needs no connection.
    const activate = within(checkItem(dialog, 'The agent is Active')).getByRole('button', {
      name: 'Set Front Desk to Active',
    });
    expect(activate).toHaveProperty('disabled', false);
    await user.click(activate);
    expect(inputsTo(calls, 'doctor:fix')).toEqual([{ numberSid: frontLine.sid, fix: 'activate-agent' }]);
    // The screen's offline note agrees with the doctor.
    expect(screen.getByText(/Offline — showing the copy saved on this computer/)).toBeTruthy();
  });

  it('leaves for the assign flow of the number when no agent answers it', async () => {
    const { user, dialog, store } = await openDoctor(
      reportFor(frontLine.sid, frontLine.phoneNumber, {
        'number-assigned': {
          status: 'fail',
          finding: { kind: 'no-agent' },
          remedies: [{ kind: 'assign', blockedReason: null }],
        },
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Give it to an agent…' }));
    expect(screen.queryByRole('dialog', { name: DIALOG_NAME })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Assign 1 number to an agent' })).toBeTruthy();
    expect(store.getState().assignmentDialog).toEqual({ kind: 'assign-to-agent', numberSids: [frontLine.sid] });
  });

  it('shows why the checks could not run', async () => {
    const { dialog } = await openDoctor(() => Promise.reject(reasonError('number_not_listed')));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/This number is not in your list any more/);
  });

  it('opens Settings for the A2P 10DLC status', async () => {
    const { user, dialog } = await openDoctor(
      reportFor(frontLine.sid, frontLine.phoneNumber, {
        'us-sms-registration': {
          status: 'unknown',
          finding: { kind: 'registration-not-read', reason: 'never_read' },
          remedies: [{ kind: 'open-settings' }],
        },
      }),
      { 'connection:getStatus': () => ({ state: 'disconnected', previousAccount: null }) },
    );
    const registration = checkItem(dialog, 'Registered for texting US numbers (A2P 10DLC)');
    expect(registration.textContent).toContain('Unknown');
    await user.click(within(registration).getByRole('button', { name: 'Open Settings' }));
    expect(screen.queryByRole('dialog', { name: DIALOG_NAME })).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });
});

describe('What each check found, in words', () => {
  const usd = (amount: string) => ({ amount, currency: 'USD' });
  const TITLES = {
    credentials: 'Twilio accepts Gleam’s credentials',
    account: 'The Twilio account is active',
    trial: 'Trial account limits',
    owned: 'The number is still in your Twilio account',
    assigned: 'An agent answers the number',
    webhooks: 'Twilio sends calls and texts to the agent',
    override: 'No TwiML App or SIP trunk takes over',
    messaging: 'No Messaging Service takes over texts',
    balance: 'Enough Twilio balance',
    registration: 'Registered for texting US numbers (A2P 10DLC)',
  };

  it('words a suspended trial account, drifted webhooks, a takeover and a low balance', async () => {
    const { dialog } = await openDoctor(
      reportFor(frontLine.sid, frontLine.phoneNumber, {
        credentials: {
          status: 'unknown',
          offline: true,
          finding: { kind: 'not-checked', why: { reason: 'offline' }, lastKnown: null },
        },
        'account-active': { status: 'fail', finding: { kind: 'account-inactive', status: 'suspended' } },
        'trial-limits': { status: 'warning', finding: { kind: 'trial-account' } },
        'number-owned': {
          status: 'unknown',
          finding: { kind: 'not-checked', why: { reason: 'credentials-refused' }, lastKnown: null },
        },
        'webhooks-match': {
          status: 'fail',
          finding: { kind: 'webhooks-elsewhere', agentName: 'Front desk', fields: ['smsUrl', 'smsMethod'] },
        },
        'no-override': {
          status: 'fail',
          finding: { kind: 'override', fields: ['smsApplicationSid', 'trunkSid'], agentName: 'Front desk' },
        },
        'messaging-service': {
          status: 'fail',
          finding: { kind: 'service-answers', serviceName: 'Shop texts', agentName: null, connectedService: true },
        },
        balance: {
          status: 'warning',
          finding: { kind: 'balance-below-fee', balance: usd('0.50'), monthlyFee: usd('1.15') },
        },
        'us-sms-registration': { status: 'fail', finding: { kind: 'registration-no-service' } },
      }),
    );
    const text = (title: string) => checkItem(dialog, title).textContent;

    expect(text(TITLES.credentials)).toContain('Offline: Gleam could not reach Twilio to check this.');
    expect(text(TITLES.account)).toContain('Twilio has suspended this account, so it does not connect calls or texts.');
    expect(text(TITLES.trial)).toContain(
      'This is a Twilio trial account: it can own one phone number, and it calls and texts only phone numbers verified in the Twilio Console.',
    );
    expect(text(TITLES.owned)).toContain('Not checked: Twilio does not accept the saved credentials.');
    expect(text(TITLES.webhooks)).toContain('Twilio sends this number’s texts somewhere other than Front desk.');
    expect(text(TITLES.override)).toMatch(/A TwiML App answers its texts\. A SIP trunk takes its calls\./);
    expect(text(TITLES.messaging)).toContain(
      'This number is in the Messaging Service “Shop texts”, whose own settings answer its texts, so they never reach the agent.',
    );
    expect(text(TITLES.balance)).toContain(
      'Your Twilio balance ($0.50) is less than this number’s monthly fee ($1.15).',
    );
    expect(text(TITLES.registration)).toMatch(/No Messaging Service is set in Gleam/);
  });

  it('words an inactive account, a balance, and a service Gleam does not manage', async () => {
    const { dialog } = await openDoctor(
      reportFor(frontLine.sid, frontLine.phoneNumber, {
        'number-owned': {
          status: 'unknown',
          finding: { kind: 'not-checked', why: { reason: 'account-inactive' }, lastKnown: null },
        },
        'messaging-service': {
          status: 'fail',
          finding: {
            kind: 'service-answers',
            serviceName: 'Marketing',
            agentName: 'Front desk',
            connectedService: false,
          },
          remedies: [{ kind: 'console', page: 'messagingServices', url: TWILIO_CONSOLE_PAGES.messagingServices }],
        },
      }),
    );
    const text = (title: string) => checkItem(dialog, title).textContent;

    expect(text(TITLES.owned)).toMatch(/while the account is not active/);
    expect(text(TITLES.balance)).toContain('Your Twilio balance is $20.00.');
    expect(text(TITLES.messaging)).toMatch(/Defer to sender’s webhook/);
    expect(
      within(checkItem(dialog, TITLES.messaging)).getByRole('link', {
        name: 'Open Messaging Services (opens in your browser)',
      }),
    ).toBeTruthy();
  });

  it('words a subaccount’s balance and a service that lets the number answer', async () => {
    const { dialog } = await openDoctor(
      reportFor(frontLine.sid, frontLine.phoneNumber, {
        balance: { status: 'unknown', finding: { kind: 'subaccount' } },
        'messaging-service': { finding: { kind: 'service-defers', serviceName: 'Shop texts' } },
      }),
    );
    expect(checkItem(dialog, TITLES.balance).textContent).toContain('Subaccount: no balance data.');
    expect(checkItem(dialog, TITLES.messaging).textContent).toContain('“Shop texts”');
  });
});

describe('Why a fix did not work', () => {
  it('reads each reason main names', () => {
    expect(fixErrorText({ reason: 'failed', error: appError('offline').data })).toMatch(/offline/i);
    expect(fixErrorText({ reason: 'no-agent' })).toBe('No agent answers this number.');
    expect(fixErrorText({ reason: 'no-messaging-service' })).toBe('No Messaging Service is set in Settings.');
    expect(fixErrorText({ reason: 'repair-stopped' })).toBe('The repair was stopped before it finished.');
  });
});
