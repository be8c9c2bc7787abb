/**
 * The checks of "Why isn't my number working?", in plain words: each is a
 * pure function of what the number doctor found (the local copy and, when it
 * could ask, Twilio), so what a person reads follows from the facts alone.
 *
 * A check that needs Twilio and could not ask says why (`unknown`, and
 * `offline` when this computer is offline); a check the local copy answers
 * says how old that answer is (`asOf`).
 */
import {
  TWILIO_CONSOLE_PAGES,
  twilioConsoleNumberPage,
  type DoctorCheck,
  type DoctorCheckId,
  type DoctorCheckStatus,
  type DoctorRemedy,
} from '../../../shared/domain/doctor';
import type { NumberConfiguration } from '../../../shared/domain/number-configuration';
import type { MonthlyPrice } from '../../../shared/domain/numbers';
import type { UsSmsRegistration } from '../../../shared/domain/a2p';
import { formatMoney, toMicros } from '../../../shared/money';
import type { AssignmentProblem } from '../../../shared/domain/agents';
import { errorLine } from '../../../shared/errors';
import type { AccountRow } from '../db/accounts-repo';
import type { AgentRecord } from '../db/agents-repo';
import type { AssignmentRecord } from '../db/assignments-repo';
import type { StoredBalance } from '../db/costs-repo';
import type { MessagingServiceSettings } from '../domain/messaging-service';
import { driftedFields, OVERRIDING_FIELDS, type ManagedConfiguration } from './webhooks';
import { balanceCovers } from '../infrastructure/balance';

/** What Twilio said, or why it was not asked. */
export type Answer<T> = { known: true; value: T } | { known: false; why: string; offline: boolean };

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
  | { kind: 'unreachable'; why: string; offline: boolean };

export type AccessProblem = Exclude<TwilioAccess, { kind: 'ready' }>;

/** Why checks that need Twilio were not run. */
export function notAsked(access: AccessProblem): { why: string; offline: boolean } {
  switch (access.kind) {
    case 'inactive':
      return { why: 'Not checked: Twilio answers nothing else while the account is not active.', offline: false };
    case 'not-connected':
      return { why: 'Not checked: no Twilio account is connected.', offline: false };
    case 'other-account':
      return { why: 'Not checked: this number’s Twilio account is not the one connected now.', offline: false };
    case 'refused':
      return { why: 'Not checked: Twilio does not accept the saved credentials.', offline: false };
    case 'unreachable':
      return { why: access.why, offline: access.offline };
  }
}

/** Why a remedy that changes Twilio cannot run now; null when it can. */
export function twilioBlockedReason(access: TwilioAccess): string | null {
  switch (access.kind) {
    case 'ready':
      return null;
    case 'inactive':
      return 'Twilio accepts no changes while the account is not active.';
    case 'not-connected':
    case 'other-account':
      return 'Connect this number’s Twilio account in Settings first.';
    case 'refused':
      return 'Update the Twilio credentials in Settings first.';
    case 'unreachable':
      return access.offline
        ? 'You are offline, and this needs Twilio.'
        : 'Gleam cannot reach Twilio right now. Try again in a minute.';
  }
}

interface CheckParts {
  status: DoctorCheckStatus;
  message: string;
  details?: string[];
  offline?: boolean;
  asOf?: string | null;
  remedies?: DoctorRemedy[];
}

function check(id: DoctorCheckId, parts: CheckParts): DoctorCheck {
  return {
    id,
    status: parts.status,
    message: parts.message,
    details: parts.details ?? [],
    offline: parts.offline ?? false,
    asOf: parts.asOf ?? null,
    remedies: parts.remedies ?? [],
  };
}

/** A check that could not be run, for the reason given; `lastKnown` is what the local copy said, and when. */
const unknownBecause = (
  id: DoctorCheckId,
  reason: { why: string; offline: boolean },
  lastKnown: { detail: string; asOf: string } | null = null,
) =>
  check(id, {
    status: 'unknown',
    message: reason.why,
    offline: reason.offline,
    details: lastKnown ? [lastKnown.detail] : [],
    asOf: lastKnown?.asOf ?? null,
  });

const OPEN_SETTINGS: DoctorRemedy = { kind: 'open-settings', label: 'Open Settings' };
const ADD_FUNDS: DoctorRemedy = {
  kind: 'console',
  label: 'Add funds in the Twilio Console',
  url: TWILIO_CONSOLE_PAGES.billing,
};

export function credentialsCheck(access: TwilioAccess): DoctorCheck {
  switch (access.kind) {
    case 'ready':
    case 'inactive':
      return check('credentials', {
        status: 'pass',
        message: access.account
          ? `Twilio accepted the saved Account SID and Auth Token for “${access.account.friendlyName}”.`
          : 'Twilio accepted the saved Account SID and Auth Token.',
      });
    case 'not-connected':
      return check('credentials', {
        status: 'fail',
        message: 'No Twilio account is connected, so nothing can reach this number’s agent.',
        details: ['Connect your Twilio account in Settings → Twilio Configuration.'],
        remedies: [OPEN_SETTINGS],
      });
    case 'other-account':
      return check('credentials', {
        status: 'fail',
        message: 'This number belongs to a Twilio account that is not connected now.',
        details: ['Connect that account again in Settings to manage this number.'],
        remedies: [OPEN_SETTINGS],
      });
    case 'refused':
      return check('credentials', {
        status: 'fail',
        message: 'Twilio no longer accepts the saved Account SID and Auth Token.',
        details: [
          'This happens when the Auth Token is changed in the Twilio Console.',
          'Copy the current Auth Token from the Console dashboard and enter it in Settings → Twilio Configuration.',
        ],
        remedies: [
          OPEN_SETTINGS,
          { kind: 'console', label: 'Open the Twilio Console dashboard', url: TWILIO_CONSOLE_PAGES.dashboard },
        ],
      });
    case 'unreachable':
      return unknownBecause('credentials', access);
  }
}

export function accountActiveCheck(access: TwilioAccess, lastKnown: AccountRow | null): DoctorCheck {
  if (access.kind === 'ready') {
    return check('account-active', { status: 'pass', message: 'Twilio says the account is active.' });
  }
  if (access.kind === 'inactive') {
    const closed = access.account?.status === 'closed';
    return check('account-active', {
      status: 'fail',
      message: closed
        ? 'Twilio has closed this account, so it no longer connects calls or texts.'
        : access.account
          ? 'Twilio has suspended this account, so it does not connect calls or texts.'
          : 'Twilio says this account is not active, so it does not connect calls or texts.',
      details: closed
        ? ['A closed account cannot be used again. Connect another Twilio account in Settings.']
        : [
            'A suspended account has usually run out of balance. Add funds in the Twilio Console.',
            'After a payment, Twilio can take 5 to 10 minutes to make the account active again.',
          ],
      remedies: closed ? [OPEN_SETTINGS] : [ADD_FUNDS],
    });
  }
  return unknownBecause(
    'account-active',
    notAsked(access),
    lastKnown
      ? { detail: `When Gleam last checked, the account was ${lastKnown.status}.`, asOf: lastKnown.lastVerifiedAt }
      : null,
  );
}

/** Trial limits come from the account's type, which the local copy knows too. */
export function trialLimitsCheck(access: TwilioAccess, lastKnown: AccountRow | null): DoctorCheck {
  const fresh = access.kind === 'ready' || access.kind === 'inactive' ? access.account : null;
  const account = fresh ?? lastKnown;
  if (!account) {
    return unknownBecause('trial-limits', { why: 'Not checked: no Twilio account is connected.', offline: false });
  }
  const asOf = fresh ? null : account.lastVerifiedAt;
  if (account.type === 'Full') {
    return check('trial-limits', {
      status: 'pass',
      message: 'This is a full (upgraded) account: no trial limits.',
      asOf,
    });
  }
  return check('trial-limits', {
    status: 'warning',
    message:
      'This is a Twilio trial account: it can own one phone number, and it calls and texts only phone numbers verified in the Twilio Console.',
    details: [
      'Calls from numbers that are not verified do not get through, and callers first hear a short trial message from Twilio.',
      'Verify the numbers you test with in the Twilio Console, or upgrade the account to remove these limits.',
    ],
    asOf,
    remedies: [
      {
        kind: 'console',
        label: 'Verify a phone number in the Twilio Console',
        url: TWILIO_CONSOLE_PAGES.verifiedCallers,
      },
      { kind: 'console', label: 'Upgrade in the Twilio Console', url: TWILIO_CONSOLE_PAGES.upgrade },
    ],
  });
}

/** `live`: Twilio's copy of the number now, null when the account no longer owns it. */
export function numberOwnedCheck(live: Answer<unknown>, syncedAt: string): DoctorCheck {
  if (!live.known) {
    return unknownBecause('number-owned', live, {
      detail: 'At the last sync it was in your account.',
      asOf: syncedAt,
    });
  }
  if (live.value === null) {
    return check('number-owned', {
      status: 'fail',
      message: 'Twilio says your account no longer owns this number: it was released outside Gleam.',
      details: [
        'A released number cannot be brought back by Gleam. Buy another number and give it to the agent.',
        'The next sync of your numbers takes it off this list.',
      ],
      remedies: [
        { kind: 'console', label: 'See your numbers in the Twilio Console', url: TWILIO_CONSOLE_PAGES.activeNumbers },
      ],
    });
  }
  return check('number-owned', { status: 'pass', message: 'Your Twilio account still owns this number.' });
}

/** Why the assignment did not finish, in words until the doctor's words move to the renderer too. */
const problemText = (problem: AssignmentProblem): string =>
  problem.reason === 'interrupted'
    ? 'Gleam stopped before Twilio confirmed this change. Retry to finish it; Twilio may already have part of it.'
    : errorLine(problem.error);

export interface AssignedAgent {
  assignment: AssignmentRecord;
  agent: AgentRecord;
}

export function numberAssignedCheck(assigned: AssignedAgent | null, access: TwilioAccess): DoctorCheck {
  const blockedReason = twilioBlockedReason(access);
  if (!assigned) {
    return check('number-assigned', {
      status: 'fail',
      message: 'No agent is set to answer this number, so Twilio has nowhere to send its calls and texts.',
      details: ['Give it to an agent: Gleam then sets up the number in Twilio for you.'],
      remedies: [{ kind: 'assign', label: 'Give it to an agent…', blockedReason }],
    });
  }
  const { assignment, agent } = assigned;
  switch (assignment.status) {
    case 'configured':
      return check('number-assigned', { status: 'pass', message: `${agent.name} answers this number.` });
    case 'assigning':
      return assignment.lastError === null
        ? check('number-assigned', {
            status: 'warning',
            message: `Gleam is setting this number up for ${agent.name} right now.`,
          })
        : check('number-assigned', {
            status: 'fail',
            message: `Setting this number up for ${agent.name} did not finish: ${problemText(assignment.lastError)}`,
            remedies: [{ kind: 'fix', fix: 'repair-webhooks', label: 'Try again', blockedReason }],
          });
    case 'unassigning':
      return check('number-assigned', {
        status: 'fail',
        message:
          assignment.lastError === null
            ? `Gleam is taking this number away from ${agent.name}.`
            : `Taking this number away from ${agent.name} did not finish: ${problemText(assignment.lastError)}`,
        details: ['Use Fix… on the number’s row to finish unassigning it, then give it to an agent again.'],
      });
  }
}

/** The agent's status is Gleam's own, so this check answers offline too. */
export function agentActiveCheck(assigned: AssignedAgent | null): DoctorCheck {
  if (!assigned) {
    return unknownBecause('agent-active', { why: 'Not checked: no agent answers this number yet.', offline: false });
  }
  const { agent } = assigned;
  if (agent.status === 'active') {
    return check('agent-active', { status: 'pass', message: `${agent.name} is Active.` });
  }
  return check('agent-active', {
    status: 'fail',
    message: `${agent.name} is set to Inactive, so it does not answer calls or texts.`,
    remedies: [{ kind: 'fix', fix: 'activate-agent', label: `Set ${agent.name} to Active`, blockedReason: null }],
  });
}

type UrlField = Exclude<keyof ManagedConfiguration, (typeof OVERRIDING_FIELDS)[number]>;

/** What each webhook field is for, in words. */
const WHAT_FIELD_HANDLES: Record<UrlField, string> = {
  voiceUrl: 'calls',
  voiceMethod: 'calls',
  smsUrl: 'texts',
  smsMethod: 'texts',
  statusCallback: 'call status updates',
  statusCallbackMethod: 'call status updates',
  voiceFallbackUrl: 'the backup for calls',
  voiceFallbackMethod: 'the backup for calls',
};

const isUrlField = (field: keyof ManagedConfiguration): field is UrlField => field in WHAT_FIELD_HANDLES;

/** "calls, texts and call status updates" */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

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
  if (!assigned || !expected) {
    return unknownBecause('webhooks-match', {
      why: 'Not checked: there is no agent to compare with yet.',
      offline: false,
    });
  }
  if (!live.known) return unknownBecause('webhooks-match', live);
  if (live.value === null) {
    return unknownBecause('webhooks-match', { why: 'Not checked: the number is not in your account.', offline: false });
  }
  const handled = [
    ...new Set(
      driftedFields(live.value, expected)
        .filter(isUrlField)
        .map((f) => WHAT_FIELD_HANDLES[f]),
    ),
  ];
  const { agent } = assigned;
  if (handled.length === 0) {
    return check('webhooks-match', {
      status: 'pass',
      message: `Twilio sends this number’s calls and texts to ${agent.name}.`,
    });
  }
  return check('webhooks-match', {
    status: 'fail',
    message: `Twilio sends this number’s ${listInWords(handled)} somewhere other than ${agent.name}.`,
    details: [
      'Its settings were changed outside Gleam (in the Twilio Console, say), or the webhook address in Settings → Advanced changed since it was set up.',
      `Repair sets it up for ${agent.name} again.`,
    ],
    remedies: [{ kind: 'fix', fix: 'repair-webhooks', label: 'Repair', blockedReason: twilioBlockedReason(access) }],
  });
}

const WHAT_OVERRIDES: Record<(typeof OVERRIDING_FIELDS)[number], string> = {
  voiceApplicationSid: 'A TwiML App answers its calls',
  smsApplicationSid: 'A TwiML App answers its texts',
  trunkSid: 'A SIP trunk takes its calls',
};

export function noOverrideCheck(
  live: Answer<NumberConfiguration | null>,
  numberSid: string,
  assigned: AssignedAgent | null,
  access: TwilioAccess,
): DoctorCheck {
  if (!live.known) return unknownBecause('no-override', live);
  if (live.value === null) {
    return unknownBecause('no-override', { why: 'Not checked: the number is not in your account.', offline: false });
  }
  const configuration = live.value;
  const overrides = OVERRIDING_FIELDS.filter((field) => configuration[field] !== '').map((f) => WHAT_OVERRIDES[f]);
  if (overrides.length === 0) {
    return check('no-override', { status: 'pass', message: 'No TwiML App or SIP trunk is set on this number.' });
  }
  const blockedReason = twilioBlockedReason(access);
  const agentName = assigned?.agent.name ?? 'an agent';
  return check('no-override', {
    status: 'fail',
    message: `${overrides.join('. ')}. Twilio gives these priority over the webhooks, so ${agentName} never gets them.`,
    details: [
      'Gleam clears it, and keeps a note of it: unassigning the number later puts it back.',
      'If you set it up on purpose in the Twilio Console, change it there instead.',
    ],
    remedies: [
      assigned
        ? {
            kind: 'fix',
            fix: 'repair-webhooks',
            label: `Clear it and send calls to ${assigned.agent.name}`,
            blockedReason,
          }
        : { kind: 'assign', label: 'Give it to an agent…', blockedReason },
      { kind: 'console', label: 'See the number in the Twilio Console', url: twilioConsoleNumberPage(numberSid) },
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
  if (!canText) {
    return check('messaging-service', {
      status: 'pass',
      message: 'This number cannot receive texts, so no Messaging Service is involved.',
    });
  }
  if (!found.known) return unknownBecause('messaging-service', found);
  const service = found.value;
  if (service === 'too-many') {
    return check('messaging-service', {
      status: 'unknown',
      message: 'Not checked: your account has more Messaging Services than Gleam looks through.',
      details: ['In the Twilio Console, check whether this number is in a Messaging Service.'],
      remedies: [{ kind: 'console', label: 'Open Messaging Services', url: TWILIO_CONSOLE_PAGES.messagingServices }],
    });
  }
  if (service === null) {
    return check('messaging-service', {
      status: 'pass',
      message: 'This number is in no Messaging Service, so its own settings decide where texts go.',
    });
  }
  const name = `“${service.friendlyName}”`;
  if (service.usesNumbersOwnSmsWebhooks) {
    return check('messaging-service', {
      status: 'pass',
      message: `This number is in the Messaging Service ${name}, which lets each number’s own settings answer texts.`,
    });
  }
  const receiver = assigned?.agent.name ?? 'the agent';
  const message = `This number is in the Messaging Service ${name}, whose own settings answer its texts, so they never reach ${receiver}.`;
  if (service.sid === connectedServiceSid) {
    return check('messaging-service', {
      status: 'fail',
      message,
      details: [
        `This is the Messaging Service set in Gleam’s Settings. Gleam can set it to use each number’s own settings for texts, as it does when it assigns numbers.`,
        'That applies to every number in the service: numbers whose own settings are empty then get no answer to texts.',
      ],
      remedies: [
        {
          kind: 'fix',
          fix: 'use-number-sms-webhook',
          label: `Let each number answer its own texts in ${name}`,
          blockedReason: twilioBlockedReason(access),
        },
      ],
    });
  }
  // Another service may serve other numbers that rely on its settings: the person decides, in the Console.
  return check('messaging-service', {
    status: 'fail',
    message,
    details: [
      `In the Twilio Console, open Messaging → Services → ${name} → Integration and choose “Defer to sender’s webhook” for incoming messages, or remove this number from that service.`,
    ],
    remedies: [{ kind: 'console', label: 'Open Messaging Services', url: TWILIO_CONSOLE_PAGES.messagingServices }],
  });
}

function judgeBalance(
  balance: { amount: string; currency: string },
  monthlyPrice: MonthlyPrice | null,
  asOf: string | null,
): DoctorCheck {
  const shown = formatMoney(balance.amount, balance.currency);
  const micros = toMicros(balance.amount);
  if (micros !== null && micros <= 0) {
    return check('balance', {
      status: 'fail',
      message: `Your Twilio balance is ${shown}. Twilio stops connecting calls and texts when the balance runs out.`,
      details: ['Add funds or turn on auto-recharge in the Twilio Console (Billing).'],
      asOf,
      remedies: [ADD_FUNDS],
    });
  }
  if (monthlyPrice && balanceCovers(balance, monthlyPrice) === false) {
    return check('balance', {
      status: 'warning',
      message: `Your Twilio balance (${shown}) is less than this number’s monthly fee (${formatMoney(monthlyPrice.amount, monthlyPrice.currency)}).`,
      details: ['When the balance runs out, Twilio stops connecting calls and may suspend the account.'],
      asOf,
      remedies: [ADD_FUNDS],
    });
  }
  return check('balance', { status: 'pass', message: `Your Twilio balance is ${shown}.`, asOf });
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
  if (fresh === 'subaccount') {
    return check('balance', {
      status: 'unknown',
      message: 'Subaccount: no balance data.',
      details: ['Twilio keeps the balance on the main account, which pays for this subaccount’s calls and texts.'],
    });
  }
  if (fresh.known) return judgeBalance(fresh.value, monthlyPrice, null);
  if (stored) return judgeBalance(stored, monthlyPrice, stored.fetchedAt);
  return unknownBecause('balance', fresh);
}

/** The A2P 10DLC answer as a check: texts from US numbers to US phones need an approved campaign. */
function registrationVerdict(registration: UsSmsRegistration): CheckParts {
  const remedies = [OPEN_SETTINGS];
  switch (registration.state) {
    case 'registered':
      return {
        status: 'pass',
        message: 'The Messaging Service’s A2P 10DLC campaign is approved, so US carriers accept its texts.',
        asOf: registration.asOf,
      };
    case 'unknown':
      return {
        status: 'unknown',
        message:
          registration.reason === 'never_read'
            ? 'Gleam has not read the A2P 10DLC registration from Twilio yet. Refresh it in Settings → A2P 10DLC.'
            : 'The Messaging Service was changed since Gleam last read the A2P 10DLC registration. Refresh it in Settings → A2P 10DLC.',
        remedies,
      };
    case 'not_registered':
      break;
  }
  const asOf = registration.asOf;
  switch (registration.reason) {
    case 'no_messaging_service':
      return {
        status: 'fail',
        message: 'No Messaging Service is set in Gleam, so there is no A2P 10DLC campaign for this number’s texts.',
        details: ['US carriers block or filter texts from unregistered 10-digit numbers.'],
        remedies,
      };
    case 'no_campaign':
      return {
        status: 'fail',
        message: 'The Messaging Service has no A2P 10DLC campaign, so US carriers block or filter its texts.',
        asOf,
        remedies,
      };
    case 'campaign_not_approved':
      return registration.campaignStage === 'draft' || registration.campaignStage === 'in_review'
        ? {
            status: 'warning',
            message: 'The A2P 10DLC campaign is waiting for approval, which usually takes one to two weeks.',
            asOf,
            remedies,
          }
        : {
            status: 'fail',
            message: 'The A2P 10DLC campaign is not approved: Settings → A2P 10DLC shows why.',
            asOf,
            remedies,
          };
  }
}

/** Registration applies to texts from US numbers; `registration` is the A2P feature's local answer. */
export function usSmsRegistrationCheck(
  appliesTo: { canText: boolean; isUsNumber: boolean },
  registration: UsSmsRegistration,
): DoctorCheck {
  if (!appliesTo.canText) {
    return check('us-sms-registration', {
      status: 'pass',
      message: 'This number cannot send texts, so A2P 10DLC registration does not apply.',
    });
  }
  if (!appliesTo.isUsNumber) {
    return check('us-sms-registration', {
      status: 'pass',
      message: 'A2P 10DLC registration is for US numbers; this number is not one.',
    });
  }
  return check('us-sms-registration', registrationVerdict(registration));
}
