/** How numbers, prices, counts and times read, on every screen. */
import type { MonthlyPrice, NumberType, OwnedNumber, WebhookState } from '../../../shared/domain/numbers';
import { formatMoney } from '../../../shared/money';

export { formatPhoneNumber } from '../../../shared/phone-number';

export const NUMBER_TYPE_LABEL: Record<NumberType, string> = {
  local: 'Local',
  'toll-free': 'Toll-free',
  mobile: 'Mobile',
};

export const WEBHOOK_STATE_LABEL: Record<WebhookState, { label: string; explanation: string }> = {
  none: {
    label: 'Not set',
    explanation: 'Nothing answers calls to this number yet. Giving it to an agent sets this up.',
  },
  external: {
    label: 'Set elsewhere',
    explanation: 'Calls go to an address someone set outside Gleam. Giving it to an agent replaces it.',
  },
  override: {
    label: 'TwiML App or SIP trunk',
    explanation:
      'A TwiML App or SIP trunk in the Twilio Console handles this number’s calls and takes priority over the usual settings.',
  },
};

const SET_UP_BY_GLEAM = {
  label: 'Gleam',
  explanation: 'Gleam set this number up so its calls and texts go to its agent.',
};

/** Where the number's calls go: Gleam for an assigned number (unless changed in Twilio since), else its webhook state. */
export function callsGoTo(number: Pick<OwnedNumber, 'assignment' | 'webhookState'>): {
  label: string;
  explanation: string;
} {
  const { assignment } = number;
  return assignment && assignment.status !== 'drifted' ? SET_UP_BY_GLEAM : WEBHOOK_STATE_LABEL[number.webhookState];
}

export const TYPICAL_PRICE_EXPLANATION =
  'Gleam could not get this price from Twilio, so it shows a typical price instead. Twilio’s actual price may differ.';

export function formatPrice(price: Pick<MonthlyPrice, 'amount' | 'currency'>): string {
  return formatMoney(price.amount, price.currency);
}

const RELATIVE_STEPS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'year', seconds: 365 * 24 * 3600 },
  { unit: 'month', seconds: 30 * 24 * 3600 },
  { unit: 'week', seconds: 7 * 24 * 3600 },
  { unit: 'day', seconds: 24 * 3600 },
  { unit: 'hour', seconds: 3600 },
  { unit: 'minute', seconds: 60 },
];

/** "just now", "5 minutes ago", "yesterday". */
export function formatRelativeTime(iso: string, now: number): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const elapsedSeconds = Math.round((now - then) / 1000);
  if (Math.abs(elapsedSeconds) < 60) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const step of RELATIVE_STEPS) {
    if (Math.abs(elapsedSeconds) >= step.seconds) {
      return format.format(-Math.round(elapsedSeconds / step.seconds), step.unit);
    }
  }
  return 'just now';
}

/** "1 number", "2 numbers": counts read as sentences. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}
