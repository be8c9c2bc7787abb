/** Doctor reports for this feature's tests, shaped by the contract's types. */
import {
  DOCTOR_CHECK_IDS,
  TWILIO_CONSOLE_PAGES,
  type DoctorCheck,
  type DoctorCheckId,
  type DoctorFinding,
  type DoctorReport,
} from '../../../shared/domain/doctor';

/** What each check finds on a number that works. */
const FINE: Record<DoctorCheckId, DoctorFinding> = {
  credentials: { kind: 'credentials-accepted', accountName: 'Acme Plumbing' },
  'account-active': { kind: 'account-active' },
  'trial-limits': { kind: 'full-account' },
  'number-owned': { kind: 'number-owned' },
  'number-assigned': { kind: 'agent-answers', agentName: 'Front Desk' },
  'agent-active': { kind: 'agent-active', agentName: 'Front Desk' },
  'webhooks-match': { kind: 'webhooks-match', agentName: 'Front Desk' },
  'no-override': { kind: 'no-override' },
  'messaging-service': { kind: 'in-no-service' },
  balance: { kind: 'balance-ok', balance: { amount: '20.00', currency: 'USD' } },
  'us-sms-registration': { kind: 'campaign-approved' },
};

export function passing(id: DoctorCheckId, overrides: Partial<DoctorCheck> = {}): DoctorCheck {
  return {
    id,
    status: 'pass',
    finding: FINE[id],
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
  finding: { kind: 'webhooks-elsewhere', agentName: 'Front Desk', fields: ['voiceUrl'] },
  remedies: [{ kind: 'fix', fix: 'repair-webhooks', blockedReason: null }],
};

export const TRIAL: Partial<DoctorCheck> = {
  status: 'warning',
  finding: { kind: 'trial-account' },
  remedies: [{ kind: 'console', page: 'verifiedCallers', url: TWILIO_CONSOLE_PAGES.verifiedCallers }],
};

const OFFLINE = {
  status: 'unknown',
  offline: true,
  finding: { kind: 'not-checked', why: { reason: 'offline' }, lastKnown: null },
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
        finding: { kind: 'no-agent' },
        remedies: [{ kind: 'assign', blockedReason: 'offline' }],
      },
      'agent-active': {
        status: 'fail',
        finding: { kind: 'agent-inactive', agentName: 'Front Desk' },
        remedies: [{ kind: 'fix', fix: 'activate-agent', blockedReason: null }],
      },
      balance: { asOf: new Date(Date.now() - 2 * 3600_000).toISOString() },
    },
    { offline: true },
  );
}
