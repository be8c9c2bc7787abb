/** Doctor reports for this feature's tests, shaped by the contract's types. */
import {
  DOCTOR_CHECK_IDS,
  TWILIO_CONSOLE_PAGES,
  type DoctorCheck,
  type DoctorCheckId,
  type DoctorReport,
} from '../../../shared/domain/doctor';

export function passing(id: DoctorCheckId, overrides: Partial<DoctorCheck> = {}): DoctorCheck {
  return {
    id,
    status: 'pass',
    message: `${id} is fine.`,
    details: [],
    offline: false,
    asOf: null,
    remedies: [],
    ...overrides,
  };
}

/** A report where every check passes except those given. */
export function reportFor(
  numberSid: string,
  phoneNumber: string,
  changed: Partial<Record<DoctorCheckId, Partial<DoctorCheck>>> = {},
  overrides: Partial<DoctorReport> = {},
): DoctorReport {
  return {
    numberSid,
    phoneNumber,
    checkedAt: '2026-11-24T10:00:00.000Z',
    offline: false,
    checks: DOCTOR_CHECK_IDS.map((id) => passing(id, changed[id])),
    ...overrides,
  };
}

export const DRIFTED: Partial<DoctorCheck> = {
  status: 'fail',
  message: 'Twilio sends this number’s calls somewhere other than Front Desk.',
  remedies: [{ kind: 'fix', fix: 'repair-webhooks', label: 'Repair', blockedReason: null }],
};

export const TRIAL: Partial<DoctorCheck> = {
  status: 'warning',
  message: 'This is a Twilio trial account.',
  remedies: [
    {
      kind: 'console',
      label: 'Verify a phone number in the Twilio Console',
      url: TWILIO_CONSOLE_PAGES.verifiedCallers,
    },
  ],
};

const OFFLINE = {
  status: 'unknown',
  offline: true,
  message: 'Offline: Gleam could not reach Twilio to check this.',
} as const;

/** What main answers offline: Twilio's checks unknown, the local ones answered, Twilio fixes turned off. */
export function offlineReport(numberSid: string, phoneNumber: string): DoctorReport {
  return reportFor(
    numberSid,
    phoneNumber,
    {
      credentials: OFFLINE,
      'account-active': OFFLINE,
      'number-owned': OFFLINE,
      'webhooks-match': OFFLINE,
      'no-override': OFFLINE,
      'messaging-service': OFFLINE,
      'number-assigned': {
        status: 'fail',
        message: 'No agent is set to answer this number.',
        remedies: [
          { kind: 'assign', label: 'Give it to an agent…', blockedReason: 'You are offline, and this needs Twilio.' },
        ],
      },
      'agent-active': {
        status: 'fail',
        message: 'Front Desk is set to Inactive.',
        remedies: [{ kind: 'fix', fix: 'activate-agent', label: 'Set Front Desk to Active', blockedReason: null }],
      },
      balance: { asOf: new Date(Date.now() - 2 * 3600_000).toISOString() },
    },
    { offline: true },
  );
}
