/**
 * The Twilio configuration an agent's numbers get: Gleam's webhook URLs for
 * that agent under the webhook base URL, every method POST, and no TwiML App
 * or SIP trunk (either would silently take precedence over the URLs).
 *
 * Only the MANAGED fields are written on assign, compared for drift, and put
 * back on unassign; the SMS fallback is left as the user had it.
 */
import type { NumberConfiguration, NumberConfigurationKey } from '../../../shared/domain/number-configuration';

/** This build's webhook base URL, unless the user sets another in Settings → Advanced. */
export const DEFAULT_WEBHOOK_BASE_URL = 'https://hooks.gleam.ai';

export const MANAGED_FIELDS = [
  'voiceUrl',
  'voiceMethod',
  'voiceFallbackUrl',
  'voiceFallbackMethod',
  'statusCallback',
  'statusCallbackMethod',
  'smsUrl',
  'smsMethod',
  'voiceApplicationSid',
  'smsApplicationSid',
  'trunkSid',
] as const satisfies readonly NumberConfigurationKey[];

/** The managed fields that, when set, take precedence over the webhook URLs. */
export const OVERRIDING_FIELDS = [
  'voiceApplicationSid',
  'smsApplicationSid',
  'trunkSid',
] as const satisfies readonly (typeof MANAGED_FIELDS)[number][];

export type ManagedConfiguration = Pick<NumberConfiguration, (typeof MANAGED_FIELDS)[number]>;

export function agentConfiguration(baseUrl: string, agentId: string): ManagedConfiguration {
  const base = `${baseUrl.replace(/\/+$/, '')}/twilio/agents/${encodeURIComponent(agentId)}`;
  return {
    voiceUrl: `${base}/voice`,
    voiceMethod: 'POST',
    voiceFallbackUrl: `${base}/voice-fallback`,
    voiceFallbackMethod: 'POST',
    statusCallback: `${base}/call-status`,
    statusCallbackMethod: 'POST',
    smsUrl: `${base}/sms`,
    smsMethod: 'POST',
    voiceApplicationSid: '',
    smsApplicationSid: '',
    trunkSid: '',
  };
}

/** The managed fields whose live value differs from what the agent needs. */
export function driftedFields(
  live: NumberConfiguration,
  expected: ManagedConfiguration,
): (keyof ManagedConfiguration)[] {
  return MANAGED_FIELDS.filter((field) => live[field] !== expected[field]);
}

/**
 * What to send to put a number back as it was. Twilio always has a method, so
 * an empty saved method (never set) is left out rather than sent as invalid;
 * empty URLs and SIDs are sent, which clears them.
 */
export function restoringConfiguration(previous: NumberConfiguration): Partial<ManagedConfiguration> {
  const restore: Partial<ManagedConfiguration> = {};
  for (const field of MANAGED_FIELDS) {
    const value = previous[field];
    if (field.endsWith('Method') && value === '') continue;
    restore[field] = value;
  }
  return restore;
}
