/**
 * Where a Twilio number sends its calls and messages: the webhook URLs and
 * methods, and the TwiML App and SIP trunk SIDs that, when set, silently take
 * precedence over those URLs. Each field under three names: Gleam's, Twilio's
 * JSON (and Gleam's SQLite column), and Twilio's form parameter for updates.
 * An empty string means "not set".
 */
import { z } from 'zod';

export const NUMBER_CONFIGURATION_FIELDS = [
  { key: 'voiceUrl', wire: 'voice_url', param: 'VoiceUrl' },
  { key: 'voiceMethod', wire: 'voice_method', param: 'VoiceMethod' },
  { key: 'voiceFallbackUrl', wire: 'voice_fallback_url', param: 'VoiceFallbackUrl' },
  { key: 'voiceFallbackMethod', wire: 'voice_fallback_method', param: 'VoiceFallbackMethod' },
  { key: 'statusCallback', wire: 'status_callback', param: 'StatusCallback' },
  { key: 'statusCallbackMethod', wire: 'status_callback_method', param: 'StatusCallbackMethod' },
  { key: 'smsUrl', wire: 'sms_url', param: 'SmsUrl' },
  { key: 'smsMethod', wire: 'sms_method', param: 'SmsMethod' },
  { key: 'smsFallbackUrl', wire: 'sms_fallback_url', param: 'SmsFallbackUrl' },
  { key: 'smsFallbackMethod', wire: 'sms_fallback_method', param: 'SmsFallbackMethod' },
  { key: 'voiceApplicationSid', wire: 'voice_application_sid', param: 'VoiceApplicationSid' },
  { key: 'smsApplicationSid', wire: 'sms_application_sid', param: 'SmsApplicationSid' },
  { key: 'trunkSid', wire: 'trunk_sid', param: 'TrunkSid' },
] as const;

type Field = (typeof NUMBER_CONFIGURATION_FIELDS)[number];
export type NumberConfigurationKey = Field['key'];
export type NumberConfigurationWireKey = Field['wire'];

export const NumberConfigurationSchema = z.object(
  Object.fromEntries(NUMBER_CONFIGURATION_FIELDS.map(({ key }) => [key, z.string()])) as Record<
    NumberConfigurationKey,
    z.ZodString
  >,
);
export type NumberConfiguration = z.infer<typeof NumberConfigurationSchema>;

/*
 * The functions below spell the fields out instead of looping over the
 * table: a sync runs them for every number, and property access by a loop
 * variable measured ten times slower. Tests check they match the table.
 */

/** A configuration from Twilio's JSON (the wire names); missing means not set. */
export function configurationFromWire(
  source: Partial<Record<NumberConfigurationWireKey, string | null>>,
): NumberConfiguration {
  return {
    voiceUrl: source.voice_url ?? '',
    voiceMethod: source.voice_method ?? '',
    voiceFallbackUrl: source.voice_fallback_url ?? '',
    voiceFallbackMethod: source.voice_fallback_method ?? '',
    statusCallback: source.status_callback ?? '',
    statusCallbackMethod: source.status_callback_method ?? '',
    smsUrl: source.sms_url ?? '',
    smsMethod: source.sms_method ?? '',
    smsFallbackUrl: source.sms_fallback_url ?? '',
    smsFallbackMethod: source.sms_fallback_method ?? '',
    voiceApplicationSid: source.voice_application_sid ?? '',
    smsApplicationSid: source.sms_application_sid ?? '',
    trunkSid: source.trunk_sid ?? '',
  };
}

/** The inverse of configurationValues: the values in table order, from `offset` on (a database row's tail). */
export function configurationFromValues(values: readonly unknown[], offset = 0): NumberConfiguration {
  const text = (index: number) => {
    const value = values[offset + index];
    return typeof value === 'string' ? value : '';
  };
  return {
    voiceUrl: text(0),
    voiceMethod: text(1),
    voiceFallbackUrl: text(2),
    voiceFallbackMethod: text(3),
    statusCallback: text(4),
    statusCallbackMethod: text(5),
    smsUrl: text(6),
    smsMethod: text(7),
    smsFallbackUrl: text(8),
    smsFallbackMethod: text(9),
    voiceApplicationSid: text(10),
    smsApplicationSid: text(11),
    trunkSid: text(12),
  };
}

/** The values in NUMBER_CONFIGURATION_FIELDS order (for SQL parameters and fingerprints). */
export function configurationValues(configuration: NumberConfiguration): string[] {
  const c = configuration;
  return [
    c.voiceUrl,
    c.voiceMethod,
    c.voiceFallbackUrl,
    c.voiceFallbackMethod,
    c.statusCallback,
    c.statusCallbackMethod,
    c.smsUrl,
    c.smsMethod,
    c.smsFallbackUrl,
    c.smsFallbackMethod,
    c.voiceApplicationSid,
    c.smsApplicationSid,
    c.trunkSid,
  ];
}
