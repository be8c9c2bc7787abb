/**
 * How the doctor's findings read: each check's title, what it found and what
 * to do about it, the labels of its remedies, each status in a word or two,
 * and the report in one sentence. Main answers reason codes and facts; every
 * word a person reads in the dialog is written here.
 */
import type {
  DoctorBlockedReason,
  DoctorCheck,
  DoctorCheckId,
  DoctorCheckStatus,
  DoctorFinding,
  DoctorFix,
  DoctorFixError,
  DoctorNotChecked,
  DoctorRemedy,
  DoctorReport,
  DoctorWebhookField,
  TwilioConsolePage,
} from '../../../../shared/domain/doctor';
import { errorLine } from '../../../../shared/errors';
import { formatMoney } from '../../../../shared/money';
import { problemText } from '../assignments/assignment-text';
import { countOf } from '../../lib/format';

/** Each check's heading: what it makes sure of. */
export const DOCTOR_CHECK_TITLES: Readonly<Record<DoctorCheckId, string>> = {
  credentials: 'Twilio accepts Gleam’s credentials',
  'account-active': 'The Twilio account is active',
  'trial-limits': 'Trial account limits',
  'number-owned': 'The number is still in your Twilio account',
  'number-assigned': 'An agent answers the number',
  'agent-active': 'The agent is Active',
  'webhooks-match': 'Twilio sends calls and texts to the agent',
  'no-override': 'No TwiML App or SIP trunk takes over',
  'messaging-service': 'No Messaging Service takes over texts',
  balance: 'Enough Twilio balance',
  'us-sms-registration': 'Registered for texting US numbers (A2P 10DLC)',
};

/** A finding in words: what Gleam found, further explanation or steps (a sentence each), and its fix's label. */
export interface FindingText {
  message: string;
  details: string[];
  /** The label of the fix the finding offers, when it offers one. */
  fixLabel?: string;
}

/** Why a check was not run, in a sentence. */
function notCheckedText(why: DoctorNotChecked): string {
  switch (why.reason) {
    case 'account-inactive':
      return 'Not checked: Twilio answers nothing else while the account is not active.';
    case 'not-connected':
      return 'Not checked: no Twilio account is connected.';
    case 'other-account':
      return 'Not checked: this number’s Twilio account is not the one connected now.';
    case 'credentials-refused':
      return 'Not checked: Twilio does not accept the saved credentials.';
    case 'offline':
      return 'Offline: Gleam could not reach Twilio to check this.';
    case 'twilio-error':
      return `Not checked: ${errorLine(why.error).replace(/\.$/, '')}.`;
    case 'no-agent':
      return 'Not checked: no agent answers this number yet.';
    case 'no-agent-to-compare':
      return 'Not checked: there is no agent to compare with yet.';
    case 'number-not-in-account':
      return 'Not checked: the number is not in your account.';
  }
}

/** What each webhook field is for, in words. */
const WHAT_FIELD_HANDLES: Record<DoctorWebhookField, string> = {
  voiceUrl: 'calls',
  voiceMethod: 'calls',
  smsUrl: 'texts',
  smsMethod: 'texts',
  statusCallback: 'call status updates',
  statusCallbackMethod: 'call status updates',
  voiceFallbackUrl: 'the backup for calls',
  voiceFallbackMethod: 'the backup for calls',
};

const WHAT_OVERRIDES: Record<Extract<DoctorFinding, { kind: 'override' }>['fields'][number], string> = {
  voiceApplicationSid: 'A TwiML App answers its calls',
  smsApplicationSid: 'A TwiML App answers its texts',
  trunkSid: 'A SIP trunk takes its calls',
};

/** "calls, texts and call status updates" */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const money = (amount: { amount: string; currency: string }) => formatMoney(amount.amount, amount.currency);

/** What the finding says, in plain words. */
export function findingText(finding: DoctorFinding): FindingText {
  const only = (message: string, details: string[] = []): FindingText => ({ message, details });
  switch (finding.kind) {
    case 'not-checked': {
      const lastKnown = finding.lastKnown;
      if (lastKnown === null) return only(notCheckedText(finding.why));
      return only(notCheckedText(finding.why), [
        lastKnown.fact === 'account-status'
          ? `When Gleam last checked, the account was ${lastKnown.status}.`
          : 'At the last sync it was in your account.',
      ]);
    }
    case 'credentials-accepted':
      return only(
        finding.accountName === null
          ? 'Twilio accepted the saved Account SID and Auth Token.'
          : `Twilio accepted the saved Account SID and Auth Token for “${finding.accountName}”.`,
      );
    case 'no-account-connected':
      return only('No Twilio account is connected, so nothing can reach this number’s agent.', [
        'Connect your Twilio account in Settings → Twilio Configuration.',
      ]);
    case 'other-account-connected':
      return only('This number belongs to a Twilio account that is not connected now.', [
        'Connect that account again in Settings to manage this number.',
      ]);
    case 'credentials-refused':
      return only('Twilio no longer accepts the saved Account SID and Auth Token.', [
        'This happens when the Auth Token is changed in the Twilio Console.',
        'Copy the current Auth Token from the Console dashboard and enter it in Settings → Twilio Configuration.',
      ]);
    case 'account-active':
      return only('Twilio says the account is active.');
    case 'account-inactive':
      if (finding.status === 'closed') {
        return only('Twilio has closed this account, so it no longer connects calls or texts.', [
          'A closed account cannot be used again. Connect another Twilio account in Settings.',
        ]);
      }
      return only(
        finding.status === null
          ? 'Twilio says this account is not active, so it does not connect calls or texts.'
          : 'Twilio has suspended this account, so it does not connect calls or texts.',
        [
          'A suspended account has usually run out of balance. Add funds in the Twilio Console.',
          'After a payment, Twilio can take 5 to 10 minutes to make the account active again.',
        ],
      );
    case 'full-account':
      return only('This is a full (upgraded) account: no trial limits.');
    case 'trial-account':
      return only(
        'This is a Twilio trial account: it can own one phone number, and it calls and texts only phone numbers verified in the Twilio Console.',
        [
          'Calls from numbers that are not verified do not get through, and callers first hear a short trial message from Twilio.',
          'Verify the numbers you test with in the Twilio Console, or upgrade the account to remove these limits.',
        ],
      );
    case 'number-owned':
      return only('Your Twilio account still owns this number.');
    case 'number-released':
      return only('Twilio says your account no longer owns this number: it was released outside Gleam.', [
        'A released number cannot be brought back by Gleam. Buy another number and give it to the agent.',
        'The next sync of your numbers takes it off this list.',
      ]);
    case 'no-agent':
      return only('No agent is set to answer this number, so Twilio has nowhere to send its calls and texts.', [
        'Give it to an agent: Gleam then sets up the number in Twilio for you.',
      ]);
    case 'agent-answers':
      return only(`${finding.agentName} answers this number.`);
    case 'assigning':
      return finding.problem === null
        ? only(`Gleam is setting this number up for ${finding.agentName} right now.`)
        : {
            message: `Setting this number up for ${finding.agentName} did not finish: ${problemText(finding.problem)}`,
            details: [],
            fixLabel: 'Try again',
          };
    case 'unassigning':
      return only(
        finding.problem === null
          ? `Gleam is taking this number away from ${finding.agentName}.`
          : `Taking this number away from ${finding.agentName} did not finish: ${problemText(finding.problem)}`,
        ['Use Fix… on the number’s row to finish unassigning it, then give it to an agent again.'],
      );
    case 'agent-active':
      return only(`${finding.agentName} is Active.`);
    case 'agent-inactive':
      return {
        message: `${finding.agentName} is set to Inactive, so it does not answer calls or texts.`,
        details: [],
        fixLabel: `Set ${finding.agentName} to Active`,
      };
    case 'webhooks-match':
      return only(`Twilio sends this number’s calls and texts to ${finding.agentName}.`);
    case 'webhooks-elsewhere': {
      const handled = [...new Set(finding.fields.map((field) => WHAT_FIELD_HANDLES[field]))];
      return {
        message: `Twilio sends this number’s ${listInWords(handled)} somewhere other than ${finding.agentName}.`,
        details: [
          'Its settings were changed outside Gleam (in the Twilio Console, say), or the webhook address in Settings → Advanced changed since it was set up.',
          `Repair sets it up for ${finding.agentName} again.`,
        ],
        fixLabel: 'Repair',
      };
    }
    case 'no-override':
      return only('No TwiML App or SIP trunk is set on this number.');
    case 'override': {
      const overrides = finding.fields.map((field) => WHAT_OVERRIDES[field]);
      return {
        message: `${overrides.join('. ')}. Twilio gives these priority over the webhooks, so ${finding.agentName ?? 'an agent'} never gets them.`,
        details: [
          'Gleam clears it, and keeps a note of it: unassigning the number later puts it back.',
          'If you set it up on purpose in the Twilio Console, change it there instead.',
        ],
        ...(finding.agentName === null ? {} : { fixLabel: `Clear it and send calls to ${finding.agentName}` }),
      };
    }
    case 'cannot-receive-texts':
      return only('This number cannot receive texts, so no Messaging Service is involved.');
    case 'too-many-services':
      return only('Not checked: your account has more Messaging Services than Gleam looks through.', [
        'In the Twilio Console, check whether this number is in a Messaging Service.',
      ]);
    case 'in-no-service':
      return only('This number is in no Messaging Service, so its own settings decide where texts go.');
    case 'service-defers':
      return only(
        `This number is in the Messaging Service “${finding.serviceName}”, which lets each number’s own settings answer texts.`,
      );
    case 'service-answers': {
      const name = `“${finding.serviceName}”`;
      const message = `This number is in the Messaging Service ${name}, whose own settings answer its texts, so they never reach ${finding.agentName ?? 'the agent'}.`;
      return finding.connectedService
        ? {
            message,
            details: [
              `This is the Messaging Service set in Gleam’s Settings. Gleam can set it to use each number’s own settings for texts, as it does when it assigns numbers.`,
              'That applies to every number in the service: numbers whose own settings are empty then get no answer to texts.',
            ],
            fixLabel: `Let each number answer its own texts in ${name}`,
          }
        : only(message, [
            `In the Twilio Console, open Messaging → Services → ${name} → Integration and choose “Defer to sender’s webhook” for incoming messages, or remove this number from that service.`,
          ]);
    }
    case 'balance-empty':
      return only(
        `Your Twilio balance is ${money(finding.balance)}. Twilio stops connecting calls and texts when the balance runs out.`,
        ['Add funds or turn on auto-recharge in the Twilio Console (Billing).'],
      );
    case 'balance-below-fee':
      return only(
        `Your Twilio balance (${money(finding.balance)}) is less than this number’s monthly fee (${money(finding.monthlyFee)}).`,
        ['When the balance runs out, Twilio stops connecting calls and may suspend the account.'],
      );
    case 'balance-ok':
      return only(`Your Twilio balance is ${money(finding.balance)}.`);
    case 'subaccount':
      return only('Subaccount: no balance data.', [
        'Twilio keeps the balance on the main account, which pays for this subaccount’s calls and texts.',
      ]);
    case 'cannot-send-texts':
      return only('This number cannot send texts, so A2P 10DLC registration does not apply.');
    case 'not-a-us-number':
      return only('A2P 10DLC registration is for US numbers; this number is not one.');
    case 'campaign-approved':
      return only('The Messaging Service’s A2P 10DLC campaign is approved, so US carriers accept its texts.');
    case 'registration-not-read':
      return only(
        finding.reason === 'never_read'
          ? 'Gleam has not read the A2P 10DLC registration from Twilio yet. Refresh it in Settings → A2P 10DLC.'
          : 'The Messaging Service was changed since Gleam last read the A2P 10DLC registration. Refresh it in Settings → A2P 10DLC.',
      );
    case 'registration-no-service':
      return only('No Messaging Service is set in Gleam, so there is no A2P 10DLC campaign for this number’s texts.', [
        'US carriers block or filter texts from unregistered 10-digit numbers.',
      ]);
    case 'no-campaign':
      return only('The Messaging Service has no A2P 10DLC campaign, so US carriers block or filter its texts.');
    case 'campaign-waiting':
      return only('The A2P 10DLC campaign is waiting for approval, which usually takes one to two weeks.');
    case 'campaign-not-approved':
      return only('The A2P 10DLC campaign is not approved: Settings → A2P 10DLC shows why.');
  }
}

/** Each Console page, as its link reads. */
const CONSOLE_LINK_LABEL: Record<TwilioConsolePage, string> = {
  dashboard: 'Open the Twilio Console dashboard',
  billing: 'Add funds in the Twilio Console',
  upgrade: 'Upgrade in the Twilio Console',
  verifiedCallers: 'Verify a phone number in the Twilio Console',
  activeNumbers: 'See your numbers in the Twilio Console',
  messagingServices: 'Open Messaging Services',
  number: 'See the number in the Twilio Console',
};

/** A remedy's button or link text; a fix is labelled by the finding that offers it. */
export function remedyLabel(remedy: DoctorRemedy, words: FindingText): string {
  switch (remedy.kind) {
    case 'fix':
      // Main offers a fix only with a finding that names it.
      return words.fixLabel ?? '';
    case 'assign':
      return 'Give it to an agent…';
    case 'open-settings':
      return 'Open Settings';
    case 'console':
      return CONSOLE_LINK_LABEL[remedy.page];
  }
}

/** Why a remedy is turned off, in a sentence. */
export function blockedReasonText(reason: DoctorBlockedReason): string {
  switch (reason) {
    case 'account-inactive':
      return 'Twilio accepts no changes while the account is not active.';
    case 'not-connected':
    case 'other-account':
      return 'Connect this number’s Twilio account in Settings first.';
    case 'credentials-refused':
      return 'Update the Twilio credentials in Settings first.';
    case 'offline':
      return 'You are offline, and this needs Twilio.';
    case 'twilio-unreachable':
      return 'Gleam cannot reach Twilio right now. Try again in a minute.';
  }
}

/** Why a fix did not work, in a sentence. */
export function fixErrorText(error: DoctorFixError): string {
  switch (error.reason) {
    case 'no-agent':
      return 'No agent answers this number.';
    case 'no-messaging-service':
      return 'No Messaging Service is set in Settings.';
    case 'repair-stopped':
      return 'The repair was stopped before it finished.';
    case 'busy':
    case 'failed':
      return problemText(error);
  }
}

const STATUS_LABEL: Record<DoctorCheckStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  warning: 'Warning',
  unknown: 'Unknown',
};

/** "Fail", or "Unknown — offline" for a check Twilio was needed for and could not be reached. */
export function statusLabel(check: Pick<DoctorCheck, 'status' | 'offline'>): string {
  return check.status === 'unknown' && check.offline ? 'Unknown — offline' : STATUS_LABEL[check.status];
}

/** "Found 2 problems and 1 warning. 3 checks could not be run." */
export function summarizeReport(report: DoctorReport): string {
  const count = (status: DoctorCheckStatus) => report.checks.filter((check) => check.status === status).length;
  const problems = count('fail');
  const warnings = count('warning');
  const unknown = count('unknown');
  const found = [
    problems > 0 ? countOf(problems, 'problem') : null,
    warnings > 0 ? countOf(warnings, 'warning') : null,
  ].filter((part): part is string => part !== null);
  const headline = found.length > 0 ? `Found ${found.join(' and ')}.` : 'No problems found in what Gleam could check.';
  const notRun =
    unknown > 0 ? ` ${countOf(unknown, 'check')} could not be answered${report.offline ? ' while offline' : ''}.` : '';
  return `${headline}${notRun}`;
}

/** What the summary says while a fix runs. */
export const FIXING_TEXT: Record<DoctorFix, string> = {
  'activate-agent': 'Setting the agent to Active, then checking again…',
  'repair-webhooks': 'Setting the number up for its agent again, then checking again…',
  'use-number-sms-webhook': 'Changing the Messaging Service, then checking again…',
};
