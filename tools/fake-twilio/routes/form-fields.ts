/**
 * Parsers for the form fields of Twilio's write operations, shared by the
 * routes. A bad value is 400 / 20001 "Invalid parameter: Name", and so is a
 * field the operation does not take: Twilio ignores unknown fields, but
 * Prism cannot catch a misspelt one either, and a misspelt `VoiceUrl` would
 * otherwise pass every test while configuring nothing.
 */
import { invalidParameter, TwilioApiError } from '../twilio-route';

/** Turns one form value into the changes it stands for. */
export type FieldParser<Changes> = (value: string, name: string) => Changes;

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

/** "" clears a webhook, as on Twilio; anything else must be an absolute http(s) URL. */
export function webhook(value: string, name: string): string {
  if (value !== '' && !HTTP_URL.test(value)) throw invalidParameter(name);
  return value;
}

/** A webhook whose unset value Twilio shows as null (the v1 APIs): "" clears it to null. */
export function nullableWebhook(value: string, name: string): string | null {
  return webhook(value, name) === '' ? null : value;
}

export function method(value: string, name: string): 'GET' | 'POST' {
  const upper = value.toUpperCase();
  if (upper !== 'GET' && upper !== 'POST') throw invalidParameter(name);
  return upper;
}

/** "" clears a SID (the resource then shows null); anything else must match the spec's pattern. */
export function sid(prefix: string): (value: string, name: string) => string | null {
  const pattern = new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
  return (value, name) => {
    if (value === '') return null;
    if (!pattern.test(value)) throw invalidParameter(name);
    return value;
  };
}

export function oneOf<const T extends string>(allowed: readonly T[]): (value: string, name: string) => T {
  return (value, name) => {
    const found = allowed.find((candidate) => candidate === value);
    if (found === undefined) throw invalidParameter(name);
    return found;
  };
}

export function boolean(value: string, name: string): boolean {
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw invalidParameter(name);
}

/** An integer within bounds, written in plain decimal digits. */
export function integer(min: number, max: number): (value: string, name: string) => number {
  return (value, name) => {
    if (!/^\d+$/.test(value)) throw invalidParameter(name);
    const parsed = Number(value);
    if (parsed < min || parsed > max) throw invalidParameter(name);
    return parsed;
  };
}

/** Up to 64 characters, as Twilio documents for every FriendlyName. */
export function friendlyName(value: string, name: string): string {
  if (value.length > 64) throw invalidParameter(name);
  return value;
}

export function rejectUnknownFields(form: Record<string, string>, allowed: ReadonlySet<string>): void {
  const unknown = Object.keys(form).find((name) => !allowed.has(name));
  if (unknown !== undefined) throw invalidParameter(unknown);
}

/** The value of a required field; Twilio's 400 / 20001 when it is absent. */
export function requiredField(form: Record<string, string>, name: string): string {
  const value = form[name];
  if (value === undefined) throw new TwilioApiError(400, 20001, `Missing required parameter ${name} in the post body`);
  return value;
}

/** Applies the parser of every field present in the form; fields without a parser are left alone. */
export function parseFields<Changes extends object>(
  form: Record<string, string>,
  parsers: Readonly<Record<string, FieldParser<Changes>>>,
): Changes {
  let changes = {} as Changes;
  for (const [name, value] of Object.entries(form)) {
    const parse = parsers[name];
    if (parse) changes = { ...changes, ...parse(value, name) };
  }
  return changes;
}
