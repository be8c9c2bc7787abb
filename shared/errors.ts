/**
 * The app's closed set of error codes, and the words a person sees for each.
 *
 * Errors cross IPC as plain data (Electron drops custom fields of thrown
 * errors), so every failure is an `AppErrorData`: a code the UI can branch
 * on, a plain message, and hints that say what to do next. Twilio errors are
 * mapped onto these codes in one place (electron/main/twilio/twilio-errors.ts).
 *
 * This catalogue is the only place main's errors get their words: where a
 * code's own words are too general, main names a reason (`reasonError`), and
 * the reason's words live here too.
 */
import { z } from 'zod';
import { formatMoney } from './money';
import type { CredentialsUnreadable, SecureStorageUnavailable } from './domain/connection';

export const ERROR_CODES = [
  'invalid_credentials',
  'account_inactive',
  'insufficient_funds',
  'trial_limit',
  'test_credentials',
  'offline',
  'twilio_unavailable',
  'rate_limited',
  'twilio_rejected',
  'number_not_available',
  'number_invalid',
  'invalid_area_code',
  'no_numbers_in_area',
  'purchase_in_progress',
  'purchase_not_made',
  'confirmation_invalid',
  'price_changed',
  'cancelled',
  'validation',
  'not_found',
  'not_connected',
  'forbidden',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Topics of the in-app help that error messages link to. */
export const HELP_TOPICS = ['credentials', 'connection', 'account-status', 'buying-numbers'] as const;
export const HelpTopicSchema = z.enum(HELP_TOPICS);
export type HelpTopic = z.infer<typeof HelpTopicSchema>;

/** Situations more specific than their code, each with its own words below (REASON_COPY). */
export const ERROR_REASONS = [
  'number_not_listed',
  'number_left_account',
  'number_not_in_account',
  'number_released_elsewhere',
  'number_not_assigned',
  'number_already_owned',
  'agent_gone',
  'agent_not_chosen',
  'job_running',
  'unknown_request',
  'saving_unavailable',
  'unexpected',
  'twilio_timeout',
  'purchase_unconfirmed',
  'messaging_service_missing',
  'connected_service_missing',
  'credentials_unreadable',
  'price_changed_since_confirmed',
  'balance_below_price',
] as const;
export const ErrorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

export const AppErrorDataSchema = z.object({
  code: ErrorCodeSchema,
  /** The situation the message words, when it is more specific than the code. */
  reason: ErrorReasonSchema.optional(),
  message: z.string(),
  hints: z.array(z.string()),
  helpTopic: HelpTopicSchema.optional(),
  /** Per-field messages for forms, keyed by the input field's name. */
  fieldErrors: z.record(z.string(), z.string()).optional(),
  retryAfterSeconds: z.number().optional(),
  twilioCode: z.number().optional(),
  moreInfo: z.string().optional(),
});
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

interface ErrorCopy {
  message: string;
  hints: string[];
  helpTopic?: HelpTopic;
}

/** Default wording per code; callers may give a more specific message. */
export const ERROR_COPY: Record<ErrorCode, ErrorCopy> = {
  invalid_credentials: {
    message: 'Invalid credentials',
    hints: [
      'Check the Account SID: it begins with AC. Copy it again from the Twilio Console dashboard.',
      'Make sure you copied the whole Auth Token. In the Console, click the eye icon to show it, then copy all 32 characters.',
      'Check that nothing extra came along when you pasted, such as spaces or a line break inside the value.',
    ],
    helpTopic: 'credentials',
  },
  account_inactive: {
    message: 'This Twilio account is not active',
    hints: [
      'Sign in to the Twilio Console to see whether the account is suspended or closed.',
      'If the balance ran out, add funds. Twilio can take 5 to 10 minutes to reactivate the account.',
    ],
    helpTopic: 'account-status',
  },
  insufficient_funds: {
    message: 'Your Twilio balance is too low',
    hints: [
      'Add funds or a payment method in the Twilio Console (Billing).',
      'After a payment, Twilio can take 5 to 10 minutes to reactivate the account.',
    ],
    helpTopic: 'account-status',
  },
  trial_limit: {
    message: 'Twilio trial accounts cannot do this',
    hints: [
      'A trial account can own one phone number and can only call and text verified numbers.',
      'Upgrade the account in the Twilio Console to remove these limits.',
    ],
    helpTopic: 'account-status',
  },
  test_credentials: {
    message: 'These look like Twilio test credentials',
    hints: [
      'Test credentials cannot read your account. Use the live Account SID and Auth Token from the Console dashboard.',
    ],
    helpTopic: 'credentials',
  },
  offline: {
    message: 'You appear to be offline',
    hints: ['Check your internet connection, then try again.'],
    helpTopic: 'connection',
  },
  twilio_unavailable: {
    message: 'Twilio did not respond',
    hints: [
      'Twilio may be having a problem, or a firewall or proxy may be blocking it.',
      'Wait a minute and try again.',
    ],
    helpTopic: 'connection',
  },
  rate_limited: {
    message: 'Twilio asked Gleam to slow down',
    hints: ['Wait a few seconds and try again.'],
  },
  twilio_rejected: {
    message: 'Twilio could not do this',
    hints: ['Twilio’s explanation is below. Its documentation link has more detail.'],
  },
  number_not_available: {
    message: 'Number not available',
    hints: [
      'Someone else may have just taken it: pick another number from the results, or try a different area code.',
      'Check that your Twilio account is verified (Twilio Console → Account).',
      'Check that a payment method is set up in the Twilio Console (Billing).',
    ],
    helpTopic: 'buying-numbers',
  },
  number_invalid: {
    message: 'That is not a valid phone number',
    hints: ['Pick a number from the search results.'],
    helpTopic: 'buying-numbers',
  },
  invalid_area_code: {
    message: 'That area code is not valid',
    hints: ['An area code has three digits and does not start with 0 or 1, such as 415.'],
    helpTopic: 'buying-numbers',
  },
  no_numbers_in_area: {
    message: 'No numbers are available in that area code',
    hints: ['Try a nearby area code, or search by city or state instead.'],
    helpTopic: 'buying-numbers',
  },
  purchase_in_progress: {
    message: 'This number is already being bought',
    hints: ['Wait for the first purchase to finish; Gleam will not buy it twice.'],
  },
  purchase_not_made: {
    message: 'Twilio did not buy the number',
    hints: [
      'Twilio had a problem while buying it. Gleam asked afterwards: your account does not own the number, so nothing was bought or charged.',
      'Try again in a minute. If Twilio keeps failing, its status page says whether it has an outage.',
    ],
    helpTopic: 'buying-numbers',
  },
  confirmation_invalid: {
    message: 'This needs confirming again',
    hints: [
      'Gleam asks before anything is bought, released or redirected, and each confirmation is good for one try within ten minutes.',
      'Nothing was done. Look at the details again and confirm.',
    ],
  },
  price_changed: {
    message: 'The monthly price changed since you confirmed',
    hints: ['Nothing was bought. Check the new price, then confirm again if you still want the number.'],
    helpTopic: 'buying-numbers',
  },
  cancelled: {
    message: 'Stopped',
    hints: [],
  },
  validation: {
    message: 'Some of the details are not valid',
    hints: ['Correct the highlighted fields and try again.'],
  },
  not_found: {
    message: 'Not found',
    hints: [],
  },
  not_connected: {
    message: 'No Twilio account is connected',
    hints: ['Open Settings and connect your Twilio account first.'],
    helpTopic: 'credentials',
  },
  forbidden: {
    message: 'This request was refused',
    hints: ['Only Gleam’s own window may ask for this.'],
  },
  internal: {
    message: 'Something went wrong',
    hints: ['Try again. If it keeps happening, the app log has the details for support.'],
  },
};

/** An amount as Twilio states it: a decimal string and its currency. */
interface Amount {
  amount: string;
  currency: string;
}

/**
 * Why the computer's secure storage cannot keep the Auth Token. Exported because the same words also say, in
 * Settings, why a token is kept for this session only.
 */
export const SECURE_STORAGE_UNAVAILABLE_TEXT: Readonly<Record<SecureStorageUnavailable, string>> = {
  'no-secure-storage':
    'Your computer’s secure storage is not available, so the Auth Token is kept only until you quit Gleam. You will need to enter it again next time.',
  'linux-unprotected':
    'On Linux, Gleam cannot check that a system keyring (such as GNOME Keyring or KWallet) protects a saved Auth Token: without one, it would be saved under a key anyone can reproduce. So the Auth Token is kept only until you quit Gleam, and you will need to enter it again next time.',
};

/** Why saved credentials could not be read: the first hint of `credentials_unreadable`. */
const CREDENTIALS_UNREADABLE_TEXT: Readonly<Record<CredentialsUnreadable, string>> = {
  ...SECURE_STORAGE_UNAVAILABLE_TEXT,
  'decrypt-declined':
    'Your computer’s secure storage did not decrypt the saved Auth Token (for example, the keychain is locked or access was declined). The credentials stay saved, and Gleam tries again the next time it needs them.',
  'damaged-file':
    'The file holding your saved Twilio credentials is damaged, so Gleam cannot read it. Connecting again replaces it.',
};

/** A reason, with the facts its words need (most need none). */
export type ReasonFacts =
  | {
      reason: 'credentials_unreadable';
      /** Why the credential store could not read them. */ why: CredentialsUnreadable;
    }
  | { reason: 'price_changed_since_confirmed'; confirmed: Amount | null; current: Amount | null }
  | { reason: 'balance_below_price'; balance: Amount; price: Amount };

/** The reasons whose words need no facts. */
export type PlainReason = Exclude<ErrorReason, ReasonFacts['reason']>;

/** A reason's code, and its words; without hints of its own, it has its code's. */
interface ReasonCopy {
  code: ErrorCode;
  message: string;
  hints?: string[];
}

const REASON_COPY = {
  number_not_listed: { code: 'not_found', message: 'This number is not in your list any more' },
  number_left_account: { code: 'not_found', message: 'This number is not in your Twilio account any more' },
  number_not_in_account: { code: 'not_found', message: 'That number is not in this account any more' },
  number_released_elsewhere: { code: 'not_found', message: 'This number was released outside Gleam' },
  number_not_assigned: { code: 'not_found', message: 'This number is not assigned to an agent' },
  number_already_owned: { code: 'number_not_available', message: 'This account already owns that number', hints: [] },
  agent_gone: { code: 'not_found', message: 'That agent no longer exists' },
  agent_not_chosen: { code: 'validation', message: 'Choose the agent to assign the numbers to' },
  job_running: { code: 'validation', message: 'That job is already running' },
  unknown_request: { code: 'validation', message: 'Unknown request' },
  saving_unavailable: { code: 'internal', message: 'Saving files is not available in this build' },
  unexpected: { code: 'internal', message: 'Something unexpected went wrong' },
  twilio_timeout: { code: 'twilio_unavailable', message: 'Twilio did not answer in time' },
  purchase_unconfirmed: {
    code: 'twilio_unavailable',
    message: 'Twilio did not confirm the purchase',
    hints: [
      'Gleam will check with Twilio whether the number was bought before doing anything else, and will not buy it twice.',
      'Look at the list of numbers after the next sync, or try again in a minute.',
    ],
  },
  messaging_service_missing: {
    code: 'not_found',
    message: 'That Messaging Service does not exist in this Twilio account',
  },
  connected_service_missing: {
    code: 'not_found',
    message: 'The Messaging Service set in Settings no longer exists in this Twilio account',
  },
} as const satisfies Record<PlainReason, ReasonCopy>;

/** The plain reasons worded for a code: what a Twilio operation may name instead of the code's own words. */
export type ReasonOfCode<C extends ErrorCode> = {
  [R in PlainReason]: (typeof REASON_COPY)[R]['code'] extends C ? R : never;
}[PlainReason];

const amountText = (amount: Amount | null) => (amount ? formatMoney(amount.amount, amount.currency) : 'unknown');

function reasonCopy(facts: ReasonFacts | { reason: PlainReason }): ReasonCopy {
  switch (facts.reason) {
    case 'credentials_unreadable':
      return {
        code: 'not_connected',
        message: 'Gleam could not read your saved Twilio credentials',
        hints: [
          CREDENTIALS_UNREADABLE_TEXT[facts.why],
          'To replace them, open Settings and connect your Twilio account again.',
        ],
      };
    case 'price_changed_since_confirmed':
      return {
        code: 'price_changed',
        message: `The monthly price changed from ${amountText(facts.confirmed)} to ${amountText(facts.current)} since you confirmed`,
      };
    case 'balance_below_price':
      return {
        code: 'insufficient_funds',
        message: `Your Twilio balance (${amountText(facts.balance)}) is less than this number’s monthly price (${amountText(facts.price)})`,
      };
    default:
      return REASON_COPY[facts.reason];
  }
}

/** The error type thrown inside main and re-thrown by the renderer's api client. */
export class AppError extends Error {
  readonly data: AppErrorData;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'AppError';
    this.data = data;
  }

  get code(): ErrorCode {
    return this.data.code;
  }
}

/** What may be added to an error's words: facts from Twilio, per-field messages, a retry delay. */
export type ErrorExtras = Partial<Omit<AppErrorData, 'code' | 'reason' | 'message'>>;

/** Builds an error from a code's own words, with optional extras. */
export function appError(code: ErrorCode, extras: ErrorExtras = {}): AppError {
  const copy = ERROR_COPY[code];
  return new AppError({
    code,
    message: copy.message,
    hints: copy.hints,
    ...(copy.helpTopic ? { helpTopic: copy.helpTopic } : {}),
    ...extras,
  });
}

/** Builds the error of a named reason: its code, with the reason's words (and the code's hints unless it has its own). */
export function reasonError(reason: PlainReason | ReasonFacts, extras: ErrorExtras = {}): AppError {
  const facts = typeof reason === 'string' ? { reason } : reason;
  const copy = reasonCopy(facts);
  const base = appError(copy.code).data;
  return new AppError({
    ...base,
    reason: facts.reason,
    message: copy.message,
    hints: copy.hints ?? base.hints,
    ...extras,
  });
}

/**
 * An error in one line, as lists of failures show it (one per number): Twilio's own explanation follows the
 * message when Twilio refused, since it names the problem.
 */
export function errorLine(error: AppErrorData): string {
  const twilioSays = error.code === 'twilio_rejected' && error.twilioCode !== undefined ? error.hints[0] : undefined;
  return twilioSays ? `${error.message}: ${twilioSays}` : error.message;
}
