/**
 * Money without binary floats. Twilio sends amounts as decimal strings
 * ("1.15", "-0.0085", sometimes null until rated); they are parsed into
 * integer micro-units (millionths), compared and summed as integers, and
 * turned back into text only for display.
 */
export const MICROS_PER_UNIT = 1_000_000;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Micro-units of a decimal string, or null when the text is not a decimal. Digits past the sixth are rounded half up. */
export function toMicros(decimal: string): number | null {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const padded = (fraction + '0000000').slice(0, 7);
  const roundUp = Number(padded[6]) >= 5 ? 1 : 0;
  const micros = Number(whole) * MICROS_PER_UNIT + Number(padded.slice(0, 6)) + roundUp;
  if (!Number.isSafeInteger(micros)) return null;
  return sign ? -micros : micros;
}

/** "1.15" style text with at least two decimals and no trailing zeros beyond them. */
export function fromMicros(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const absolute = Math.abs(micros);
  const whole = Math.floor(absolute / MICROS_PER_UNIT);
  const fraction = String(absolute % MICROS_PER_UNIT)
    .padStart(6, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${sign}${whole}.${fraction}`;
}

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', CAD: 'CA$', GBP: '£', EUR: '€', AUD: 'A$' };

/** How a locale writes a number's whole part (its grouping, e.g. 1,234 or 1.234 or 1,23,456) and decimal mark. */
interface LocaleDigits {
  whole: Intl.NumberFormat;
  decimalMark: string;
}
const localeDigits = new Map<string, LocaleDigits>();

function digitsOf(locale: string | undefined): LocaleDigits {
  const key = locale ?? '';
  let digits = localeDigits.get(key);
  if (!digits) {
    const decimalMark = new Intl.NumberFormat(locale).formatToParts(0.5).find((part) => part.type === 'decimal');
    digits = {
      whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      decimalMark: decimalMark?.value ?? '.',
    };
    localeDigits.set(key, digits);
  }
  return digits;
}

/**
 * "1,234.56" from "1234.56" as the locale writes numbers (the app's counts and dates follow it too). The whole
 * part goes through Intl as a BigInt, never a float. Only for display: exports keep `fromMicros`' text.
 */
function grouped(text: string, locale: string | undefined): string {
  const { whole, decimalMark } = digitsOf(locale);
  const [integer = '0', fraction] = text.split('.');
  return whole.format(BigInt(integer)) + (fraction === undefined ? '' : decimalMark + fraction);
}

/**
 * "-$1,234.15" from "-1234.15": grouped as the locale writes numbers, the currency's symbol after the sign, or its
 * code after the amount when it has none here.
 */
function withCurrency(text: string, currency: string, locale: string | undefined): string {
  const negative = text.startsWith('-');
  const amount = grouped(negative ? text.slice(1) : text, locale);
  const symbol = CURRENCY_SYMBOLS[currency.toUpperCase()];
  if (!symbol) return `${negative ? '-' : ''}${amount} ${currency.toUpperCase()}`;
  return `${negative ? '-' : ''}${symbol}${amount}`;
}

/**
 * "$1.15", "£0.0085": as many decimals as the amount has, at least two. `locale` is for tests: people see their
 * own, the runtime's.
 */
export function formatMoney(decimal: string, currency: string, locale?: string): string {
  const micros = toMicros(decimal);
  if (micros === null) return `${decimal} ${currency}`;
  return withCurrency(fromMicros(micros), currency, locale);
}

export const MICROS_PER_CENT = 10_000;

/**
 * "$12.35" from 12_345_000 micros: whole cents, a half cent rounded up (away
 * from zero for charges shown negative), as a bill reads. Totals summed from
 * per-call prices carry fractions of a cent that would only distract.
 */
export function formatMicros(micros: number, currency: string, locale?: string): string {
  const cents = Math.floor((Math.abs(micros) + MICROS_PER_CENT / 2) / MICROS_PER_CENT);
  // A magnitude that rounds to zero cents reads "$0.00", never "-$0.00".
  const rounded = cents === 0 ? 0 : Math.sign(micros) * cents * MICROS_PER_CENT;
  return withCurrency(fromMicros(rounded), currency, locale);
}
