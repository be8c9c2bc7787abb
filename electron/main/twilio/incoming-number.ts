/**
 * Twilio's IncomingPhoneNumber resource as it arrives on the wire, and the
 * owned number Gleam makes of it. Kept free of the SDK so the numbers-sync
 * worker can map pages without loading it.
 */
import { z } from 'zod';
import {
  configurationFromWire,
  NUMBER_CONFIGURATION_FIELDS,
  type NumberConfiguration,
  type NumberConfigurationWireKey,
} from '../../../shared/domain/number-configuration';
import type { Capabilities } from '../../../shared/domain/numbers';

/** An owned number as Twilio describes it now. */
export interface TwilioNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  capabilities: Capabilities;
  configuration: NumberConfiguration;
  dateCreated: string | null;
}

/** Capability flags, whatever the case of Twilio's keys (available numbers use "SMS"/"MMS"). */
export function capabilitiesOf(raw: unknown): Capabilities {
  if (typeof raw !== 'object' || raw === null) return { voice: false, sms: false, mms: false, fax: false };
  const flags = raw as Record<string, unknown>;
  const flag = (name: string) =>
    (flags[name] ?? flags[name.toUpperCase()] ?? flags[`${name.charAt(0).toUpperCase()}${name.slice(1)}`]) === true;
  return { voice: flag('voice'), sms: flag('sms'), mms: flag('mms'), fax: flag('fax') };
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

/** Twilio dates are RFC 2822 ("Mon, 16 Aug 2010 23:00:23 +0000"); kept as ISO 8601. */
function isoDateOf(rfc2822: string | null): string | null {
  const date = rfc2822 ? new Date(rfc2822) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

export function numberOf(resource: IncomingNumberResource): TwilioNumber {
  return {
    sid: resource.sid,
    phoneNumber: resource.phone_number,
    friendlyName: resource.friendly_name ?? '',
    capabilities: capabilitiesOf(resource.capabilities),
    configuration: configurationFromWire(resource),
    dateCreated: isoDateOf(resource.date_created),
  };
}
