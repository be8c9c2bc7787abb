/**
 * Twilio's IncomingPhoneNumber resource as it arrives on the wire, and the
 * owned number Gleam makes of it. Kept free of the SDK so the numbers-sync
 * worker can map pages without loading it.
 */
import { z } from 'zod';
import {
  configurationFromWire,
  NUMBER_CONFIGURATION_FIELDS,
  type NumberConfigurationWireKey,
} from '../../../shared/domain/number-configuration';
import type { Capabilities } from '../../../shared/domain/numbers';
import { formatPhoneNumber } from '../../../shared/phone-number';
import type { TwilioNumber } from '../domain/twilio-number';

const isFlagSet = (flags: Record<string, unknown>, name: string) =>
  (flags[name] ?? flags[name.toUpperCase()] ?? flags[`${name.charAt(0).toUpperCase()}${name.slice(1)}`]) === true;

/** Capability flags, whatever the case of Twilio's keys (available numbers use "SMS"/"MMS"). */
export function capabilitiesOf(raw: unknown): Capabilities {
  if (typeof raw !== 'object' || raw === null) return { voice: false, sms: false, mms: false, fax: false };
  const flags = raw as Record<string, unknown>;
  return {
    voice: isFlagSet(flags, 'voice'),
    sms: isFlagSet(flags, 'sms'),
    mms: isFlagSet(flags, 'mms'),
    fax: isFlagSet(flags, 'fax'),
  };
}

const configurationResource = z.object(
  Object.fromEntries(NUMBER_CONFIGURATION_FIELDS.map(({ wire }) => [wire, z.string().nullish()])) as Record<
    NumberConfigurationWireKey,
    z.ZodOptional<z.ZodNullable<z.ZodString>>
  >,
);

/**
 * An IncomingPhoneNumber resource as Twilio sends it: the fields Gleam keeps,
 * checked here once because the sync writes them in bulk without per-row
 * database checks.
 */
export const incomingNumberResource = z.object({
  sid: z.string().startsWith('PN'),
  phone_number: z.string().regex(/^\+[1-9]\d{1,14}$/),
  friendly_name: z.string().nullable(),
  capabilities: z.unknown(),
  date_created: z.string().nullable(),
  ...configurationResource.shape,
});

export type IncomingNumberResource = z.infer<typeof incomingNumberResource>;

export const incomingNumberPage = z.object({
  incoming_phone_numbers: z.array(incomingNumberResource),
  next_page_uri: z.string().nullable(),
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TWILIO_UTC_DATE = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) \+0000$/;
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Twilio dates are RFC 2822 ("Mon, 16 Aug 2010 23:00:23 +0000"); kept as ISO
 * 8601. Twilio writes them in UTC, in that one shape, which is rewritten as
 * text: a sync converts one per number and Date's parser took four times as
 * long. Anything else, or a day the month does not have, goes through Date.
 */
export function isoDateOf(rfc2822: string | null): string | null {
  if (!rfc2822) return null;
  const parts = TWILIO_UTC_DATE.exec(rfc2822);
  if (parts) {
    const [, day = '', monthName = '', year = '', hours = '', minutes = '', seconds = ''] = parts;
    const month = MONTHS.indexOf(monthName);
    const days = month === 1 && isLeapYear(Number(year)) ? 29 : DAYS_IN_MONTH[month];
    if (days !== undefined && day !== '00' && Number(day) <= days) {
      return `${year}-${String(month + 1).padStart(2, '0')}-${day}T${hours}:${minutes}:${seconds}.000Z`;
    }
  }
  const date = new Date(rfc2822);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function numberOf(resource: IncomingNumberResource): TwilioNumber {
  return {
    sid: resource.sid,
    phoneNumber: resource.phone_number,
    // Twilio names a number by its formatted self unless someone named it; null is that default, unsent.
    friendlyName: resource.friendly_name ?? formatPhoneNumber(resource.phone_number),
    capabilities: capabilitiesOf(resource.capabilities),
    configuration: configurationFromWire(resource),
    dateCreated: isoDateOf(resource.date_created),
  };
}
