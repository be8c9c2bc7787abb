/**
 * The checks of "Why isn't my number working?": each is a pure function of
 * what the number doctor found (the local copy and, when it could ask,
 * Twilio), answering a status, a finding with the facts behind it and the
 * remedies; the renderer's doctor feature puts findings into words.
 *
 * A check that needs Twilio and could not ask says why (`not-checked`, and
 * `offline` when this computer is offline); a check the local copy answers
 * says how old that answer is (`asOf`).
 */
import {
  TWILIO_CONSOLE_PAGES,
  twilioConsoleNumberPage,
  type DoctorBlockedReason,
  type DoctorCheck,
  type DoctorCheckId,
  type DoctorCheckStatus,
  type DoctorFinding,
  type DoctorLastKnown,
  type DoctorNotChecked,
  type DoctorRemedy,
  type DoctorWebhookField,
} from '../../../shared/domain/doctor';
import type { NumberConfiguration } from '../../../shared/domain/number-configuration';
import type { MonthlyPrice } from '../../../shared/domain/numbers';
import type { UsSmsRegistration } from '../../../shared/domain/a2p';
import type { AppErrorData } from '../../../shared/errors';
import { toMicros } from '../../../shared/money';
import type { AccountRow } from '../db/accounts-repo';
import type { AgentRecord } from '../db/agents-repo';
import type { AssignmentRecord } from '../db/assignments-repo';
import type { StoredBalance } from '../db/costs-repo';
import type { MessagingServiceSettings } from '../domain/messaging-service';
import { driftedFields, OVERRIDING_FIELDS, type ManagedConfiguration } from './webhooks';
import { balanceCovers } from '../infrastructure/balance';

/** Why Twilio did not answer: this computer is offline, or Twilio failed with this error. */
export type Unanswered = { reason: 'offline' } | { reason: 'twilio-error'; error: AppErrorData };

/** What Twilio said, or why it was not asked. */
export type Answer<T> = { known: true; value: T } | { known: false; why: DoctorNotChecked };

/** How far Gleam got with Twilio, as the credentials check found out. */
export type TwilioAccess =
  | { kind: 'ready'; account: AccountRow; isSubaccount: boolean }
  /** Twilio knows the account but refuses everything else: suspended or closed (account null if it did not say which). */
  | { kind: 'inactive'; account: AccountRow | null }
  | { kind: 'not-connected' }
  /** The number belongs to an account that is not the connected one (local history). */
  | { kind: 'other-account' }
  /** Twilio does not accept the saved credentials. */
  | { kind: 'refused' }
  | { kind: 'unreachable'; why: Unanswered };

export type AccessProblem = Exclude<TwilioAccess, { kind: 'ready' }>;

/** Why checks that need Twilio were not run. */
export function notAsked(access: AccessProblem): DoctorNotChecked {
  switch (access.kind) {
    case 'inactive':
      return { reason: 'account-inactive' };
    case 'not-connected':
      return { reason: 'not-connected' };
    case 'other-account':
      return { reason: 'other-account' };
    case 'refused':
      return { reason: 'credentials-refused' };
    case 'unreachable':
      return access.why;
  }
}

/** Why a remedy that changes Twilio cannot run now; null when it can. */
export function twilioBlockedReason(access: TwilioAccess): DoctorBlockedReason | null {
  switch (access.kind) {
    case 'ready':
      return null;
    case 'inactive':
      return 'account-inactive';
    case 'not-connected':
      return 'not-connected';
    case 'other-account':
      return 'other-account';
    case 'refused':
      return 'credentials-refused';
    case 'unreachable':
      return access.why.reason === 'offline' ? 'offline' : 'twilio-unreachable';
  }
}

interface CheckParts {
  status: DoctorCheckStatus;
  finding: DoctorFinding;
  asOf?: string | null;
  remedies?: DoctorRemedy[];
}

function check(id: DoctorCheckId, parts: CheckParts): DoctorCheck {
  const { finding } = parts;
  return {
    id,
    status: parts.status,
    finding,
    offline: finding.kind === 'not-checked' && finding.why.reason === 'offline',
    asOf: parts.asOf ?? null,
    remedies: parts.remedies ?? [],
  };
}

/** A check that could not be run, for the reason given; `lastKnown` is what the local copy said, and when. */
const unknownBecause = (
  id: DoctorCheckId,
  why: DoctorNotChecked,
  lastKnown: { fact: DoctorLastKnown; asOf: string } | null = null,
) =>
  check(id, {
    status: 'unknown',
    finding: { kind: 'not-checked', why, lastKnown: lastKnown?.fact ?? null },
    asOf: lastKnown?.asOf ?? null,
  });

const OPEN_SETTINGS: DoctorRemedy = { kind: 'open-settings' };

/** A Console page as a remedy (the number's own page is built where its SID is known). */
function consolePage(page: keyof typeof TWILIO_CONSOLE_PAGES): DoctorRemedy {
  return { kind: 'console', page, url: TWILIO_CONSOLE_PAGES[page] };
}

const ADD_FUNDS = consolePage('billing');

export function credentialsCheck(access: TwilioAccess): DoctorCheck {
  switch (access.kind) {
    case 'ready':
    case 'inactive':
      return check('credentials', {
        status: 'pass',
        finding: { kind: 'credentials-accepted', accountName: access.account?.friendlyName ?? null },
      });
    case 'not-connected':
      return check('credentials', {
        status: 'fail',
        finding: { kind: 'no-account-connected' },
        remedies: [OPEN_SETTINGS],
      });
    case 'other-account':
      return check('credentials', {
        status: 'fail',
        finding: { kind: 'other-account-connected' },
        remedies: [OPEN_SETTINGS],
      });
    case 'refused':
      return check('credentials', {
        status: 'fail',
        finding: { kind: 'credentials-refused' },
        remedies: [OPEN_SETTINGS, consolePage('dashboard')],
      });
    case 'unreachable':
      return unknownBecause('credentials', access.why);
  }
}

export function accountActiveCheck(access: TwilioAccess, lastKnown: AccountRow | null): DoctorCheck {
  if (access.kind === 'ready') {
    return check('account-active', { status: 'pass', finding: { kind: 'account-active' } });
  }
  if (access.kind === 'inactive') {
    const status = access.account?.status ?? null;
    return check('account-active', {
      status: 'fail',
      finding: { kind: 'account-inactive', status },
      remedies: status === 'closed' ? [OPEN_SETTINGS] : [ADD_FUNDS],
    });
  }
  return unknownBecause(
    'account-active',
    notAsked(access),
    lastKnown ? { fact: { fact: 'account-status', status: lastKnown.status }, asOf: lastKnown.lastVerifiedAt } : null,
  );
}

/** Trial limits come from the account's type, which the local copy knows too. */
export function trialLimitsCheck(access: TwilioAccess, lastKnown: AccountRow | null): DoctorCheck {
  const fresh = access.kind === 'ready' || access.kind === 'inactive' ? access.account : null;
  const account = fresh ?? lastKnown;
  if (!account) return unknownBecause('trial-limits', { reason: 'not-connected' });
  const asOf = fresh ? null : account.lastVerifiedAt;
  if (account.type === 'Full') {
    return check('trial-limits', { status: 'pass', finding: { kind: 'full-account' }, asOf });
  }
  return check('trial-limits', {
    status: 'warning',
    finding: { kind: 'trial-account' },
    asOf,
    remedies: [consolePage('verifiedCallers'), consolePage('upgrade')],
  });
}

/** `live`: Twilio's copy of the number now, null when the account no longer owns it. */
export function numberOwnedCheck(live: Answer<unknown>, syncedAt: string): DoctorCheck {
  if (!live.known) {
    return unknownBecause('number-owned', live.why, { fact: { fact: 'number-owned' }, asOf: syncedAt });
  }
  if (live.value === null) {
    return check('number-owned', {
      status: 'fail',
      finding: { kind: 'number-released' },
      remedies: [consolePage('activeNumbers')],
    });
  }
  return check('number-owned', { status: 'pass', finding: { kind: 'number-owned' } });
}

export interface AssignedAgent {
  assignment: AssignmentRecord;
  agent: AgentRecord;
}

export function numberAssignedCheck(assigned: AssignedAgent | null, access: TwilioAccess): DoctorCheck {
  const blockedReason = twilioBlockedReason(access);
  if (!assigned) {
    return check('number-assigned', {
      status: 'fail',
      finding: { kind: 'no-agent' },
      remedies: [{ kind: 'assign', blockedReason }],
    });
  }
  const { assignment, agent } = assigned;
  const agentName = agent.name;
  const problem = assignment.lastError;
  switch (assignment.status) {
    case 'configured':
      return check('number-assigned', { status: 'pass', finding: { kind: 'agent-answers', agentName } });
    case 'assigning':
      return problem === null
        ? check('number-assigned', { status: 'warning', finding: { kind: 'assigning', agentName, problem } })
        : check('number-assigned', {
            status: 'fail',
            finding: { kind: 'assigning', agentName, problem },
            remedies: [{ kind: 'fix', fix: 'repair-webhooks', blockedReason }],
          });
    case 'unassigning':
      return check('number-assigned', { status: 'fail', finding: { kind: 'unassigning', agentName, problem } });
  }
}

/** The agent's status is Gleam's own, so this check answers offline too. */
export function agentActiveCheck(assigned: AssignedAgent | null): DoctorCheck {
  if (!assigned) return unknownBecause('agent-active', { reason: 'no-agent' });
  const agentName = assigned.agent.name;
  if (assigned.agent.status === 'active') {
    return check('agent-active', { status: 'pass', finding: { kind: 'agent-active', agentName } });
  }
  return check('agent-active', {
    status: 'fail',
    finding: { kind: 'agent-inactive', agentName },
    remedies: [{ kind: 'fix', fix: 'activate-agent', blockedReason: null }],
  });
}

type OverridingField = (typeof OVERRIDING_FIELDS)[number];

/** The webhook fields: every managed field but those that take over from the webhooks (the next check's). */
const isWebhookField = (field: keyof ManagedConfiguration): field is Exclude<typeof field, OverridingField> =>
  !(OVERRIDING_FIELDS as readonly string[]).includes(field);

/**
 * Drift, as the Phone Numbers list computes it (webhooks.ts), on Twilio's
 * configuration of the number right now; the TwiML App and SIP trunk fields
 * are the next check's.
 */
export function webhooksMatchCheck(
  live: Answer<NumberConfiguration | null>,
  assigned: AssignedAgent | null,
  expected: ManagedConfiguration | null,
  access: TwilioAccess,
): DoctorCheck {
  if (!assigned || !expected) return unknownBecause('webhooks-match', { reason: 'no-agent-to-compare' });
  if (!live.known) return unknownBecause('webhooks-match', live.why);
  if (live.value === null) return unknownBecause('webhooks-match', { reason: 'number-not-in-account' });
  const fields: DoctorWebhookField[] = driftedFields(live.value, expected).filter(isWebhookField);
  const agentName = assigned.agent.name;
  if (fields.length === 0) {
    return check('webhooks-match', { status: 'pass', finding: { kind: 'webhooks-match', agentName } });
  }
  return check('webhooks-match', {
    status: 'fail',
    finding: { kind: 'webhooks-elsewhere', agentName, fields },
    remedies: [{ kind: 'fix', fix: 'repair-webhooks', blockedReason: twilioBlockedReason(access) }],
  });
}

export function noOverrideCheck(
  live: Answer<NumberConfiguration | null>,
  numberSid: string,
  assigned: AssignedAgent | null,
  access: TwilioAccess,
): DoctorCheck {
  if (!live.known) return unknownBecause('no-override', live.why);
  if (live.value === null) return unknownBecause('no-override', { reason: 'number-not-in-account' });
  const configuration = live.value;
  const fields = OVERRIDING_FIELDS.filter((field) => configuration[field] !== '');
  if (fields.length === 0) return check('no-override', { status: 'pass', finding: { kind: 'no-override' } });
  const blockedReason = twilioBlockedReason(access);
  return check('no-override', {
    status: 'fail',
    finding: { kind: 'override', fields, agentName: assigned?.agent.name ?? null },
    remedies: [
      assigned ? { kind: 'fix', fix: 'repair-webhooks', blockedReason } : { kind: 'assign', blockedReason },
      { kind: 'console', page: 'number', url: twilioConsoleNumberPage(numberSid) },
    ],
  });
}

/** The Messaging Service a number is in (null: none), or `too-many` when more services exist than were looked at. */
export type ServiceOfNumber = MessagingServiceSettings | null | 'too-many';

export function messagingServiceCheck(
  canText: boolean,
  found: Answer<ServiceOfNumber>,
  connectedServiceSid: string | null,
  assigned: AssignedAgent | null,
  access: TwilioAccess,
): DoctorCheck {
  if (!canText) return check('messaging-service', { status: 'pass', finding: { kind: 'cannot-receive-texts' } });
  if (!found.known) return unknownBecause('messaging-service', found.why);
  const service = found.value;
  if (service === 'too-many') {
    return check('messaging-service', {
      status: 'unknown',
      finding: { kind: 'too-many-services' },
      remedies: [consolePage('messagingServices')],
    });
  }
  if (service === null) return check('messaging-service', { status: 'pass', finding: { kind: 'in-no-service' } });
  const serviceName = service.friendlyName;
  if (service.usesNumbersOwnSmsWebhooks) {
    return check('messaging-service', { status: 'pass', finding: { kind: 'service-defers', serviceName } });
  }
  const connectedService = service.sid === connectedServiceSid;
  return check('messaging-service', {
    status: 'fail',
    finding: { kind: 'service-answers', serviceName, agentName: assigned?.agent.name ?? null, connectedService },
    // Another service may serve other numbers that rely on its settings: the person decides, in the Console.
    remedies: connectedService
      ? [{ kind: 'fix', fix: 'use-number-sms-webhook', blockedReason: twilioBlockedReason(access) }]
      : [consolePage('messagingServices')],
  });
}

function judgeBalance(
  balance: { amount: string; currency: string },
  monthlyPrice: MonthlyPrice | null,
  asOf: string | null,
): DoctorCheck {
  const amount = { amount: balance.amount, currency: balance.currency };
  const micros = toMicros(balance.amount);
  if (micros !== null && micros <= 0) {
    return check('balance', {
      status: 'fail',
      finding: { kind: 'balance-empty', balance: amount },
      asOf,
      remedies: [ADD_FUNDS],
    });
  }
  if (monthlyPrice && balanceCovers(balance, monthlyPrice) === false) {
    return check('balance', {
      status: 'warning',
      finding: {
        kind: 'balance-below-fee',
        balance: amount,
        monthlyFee: { amount: monthlyPrice.amount, currency: monthlyPrice.currency },
      },
      asOf,
      remedies: [ADD_FUNDS],
    });
  }
  return check('balance', { status: 'pass', finding: { kind: 'balance-ok', balance: amount }, asOf });
}

/**
 * Twilio's balance now, or else the last one Gleam saved (the costs sync
 * keeps it). Subaccounts have no balance of their own: not a failure.
 */
export function balanceCheck(
  fresh: Answer<{ amount: string; currency: string }> | 'subaccount',
  stored: StoredBalance | null,
  monthlyPrice: MonthlyPrice | null,
): DoctorCheck {
  if (fresh === 'subaccount') return check('balance', { status: 'unknown', finding: { kind: 'subaccount' } });
  if (fresh.known) return judgeBalance(fresh.value, monthlyPrice, null);
  if (stored) return judgeBalance(stored, monthlyPrice, stored.fetchedAt);
  return unknownBecause('balance', fresh.why);
}

/** The A2P 10DLC answer as a check: texts from US numbers to US phones need an approved campaign. */
function registrationVerdict(registration: UsSmsRegistration): CheckParts {
  const remedies = [OPEN_SETTINGS];
  switch (registration.state) {
    case 'registered':
      return { status: 'pass', finding: { kind: 'campaign-approved' }, asOf: registration.asOf };
    case 'unknown':
      return { status: 'unknown', finding: { kind: 'registration-not-read', reason: registration.reason }, remedies };
    case 'not_registered':
      break;
  }
  const asOf = registration.asOf;
  switch (registration.reason) {
    case 'no_messaging_service':
      return { status: 'fail', finding: { kind: 'registration-no-service' }, remedies };
    case 'no_campaign':
      return { status: 'fail', finding: { kind: 'no-campaign' }, asOf, remedies };
    case 'campaign_not_approved':
      return registration.campaignStage === 'draft' || registration.campaignStage === 'in_review'
        ? { status: 'warning', finding: { kind: 'campaign-waiting' }, asOf, remedies }
        : { status: 'fail', finding: { kind: 'campaign-not-approved' }, asOf, remedies };
  }
}

/** Registration applies to texts from US numbers; `registration` is the A2P feature's local answer. */
export function usSmsRegistrationCheck(
  appliesTo: { canText: boolean; isUsNumber: boolean },
  registration: UsSmsRegistration,
): DoctorCheck {
  if (!appliesTo.canText) {
    return check('us-sms-registration', { status: 'pass', finding: { kind: 'cannot-send-texts' } });
  }
  if (!appliesTo.isUsNumber) {
    return check('us-sms-registration', { status: 'pass', finding: { kind: 'not-a-us-number' } });
  }
  return check('us-sms-registration', registrationVerdict(registration));
}
