/** Pure helpers for phone numbers: formats, and the digit patterns Twilio's filters use. */

export const E164 = /^\+[1-9]\d{1,14}$/;

export const isE164 = (text: string) => E164.test(text);

/** NANP: +1 then ten digits. Twilio formats these "(415) 555-0100" and knows them by area code. */
const NANP = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** "(415) 555-0100" for NANP numbers, as Twilio names them by default; other numbers stay E.164. */
export function friendlyPhoneNumber(e164: string): string {
  const match = NANP.exec(e164);
  return match ? `(${match[1] ?? ''}) ${match[2] ?? ''}-${match[3] ?? ''}` : e164;
}

/** The area code of a NANP number, undefined for any other. */
export function areaCodeOf(e164: string): string | undefined {
  return NANP.exec(e164)?.[1];
}

/** Toll-free NANP area codes (8XX with repeated digits). */
const TOLL_FREE_AREA_CODES = new Set(['800', '833', '844', '855', '866', '877', '888']);

export function isTollFree(e164: string): boolean {
  const areaCode = areaCodeOf(e164);
  return areaCode !== undefined && TOLL_FREE_AREA_CODES.has(areaCode);
}

/** Canadian area codes: the NANP numbers that are not the United States' (Caribbean members aside). */
const CANADIAN_AREA_CODES = new Set([
  ...'204 226 236 249 250 263 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438 450 468 474'.split(' '),
  ...'506 514 519 548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825'.split(' '),
  ...'867 873 879 902 905'.split(' '),
]);

/**
 * The ISO country of a number, for numbers the fake did not sell from its
 * inventory (which knows their country): NANP numbers are Canadian by area
 * code and American otherwise, +44 is GB, and anything else is unknown.
 */
export function isoCountryOf(e164: string): string | null {
  const areaCode = areaCodeOf(e164);
  if (areaCode !== undefined) return CANADIAN_AREA_CODES.has(areaCode) ? 'CA' : 'US';
  if (e164.startsWith('+44')) return 'GB';
  return null;
}

/** The number without "+" and country calling code; for lack of a numbering plan, only +1 and +44 are known. */
export function nationalDigits(e164: string): string {
  if (e164.startsWith('+1')) return e164.slice(2);
  if (e164.startsWith('+44')) return e164.slice(3);
  return e164.slice(1);
}

const KEYPAD: Readonly<Record<string, string>> = {
  a: '2',
  b: '2',
  c: '2',
  d: '3',
  e: '3',
  f: '3',
  g: '4',
  h: '4',
  i: '4',
  j: '5',
  k: '5',
  l: '5',
  m: '6',
  n: '6',
  o: '6',
  p: '7',
  q: '7',
  r: '7',
  s: '7',
  t: '8',
  u: '8',
  v: '8',
  w: '9',
  x: '9',
  y: '9',
  z: '9',
};

/**
 * A "contains" pattern as a RegExp over digits: letters become their phone
 * keypad digit (Twilio's vanity search, "FLOWERS" → 3569377) and `*` matches
 * any one digit. Undefined when the pattern has anything else in it.
 */
export function digitPattern(pattern: string): RegExp | undefined {
  if (!/^[0-9a-zA-Z*]+$/.test(pattern)) return undefined;
  // The pattern is ASCII by now, so a per-character replace is safe.
  const source = pattern.toLowerCase().replace(/[a-z*]/g, (char) => (char === '*' ? '\\d' : (KEYPAD[char] ?? char)));
  return new RegExp(source);
}
