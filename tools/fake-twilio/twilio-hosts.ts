/**
 * The Twilio hosts the fake impersonates. Kept here rather than imported from
 * the app so the fake stays a stand-in for Twilio, not a consumer of the code
 * it tests.
 */
export const TWILIO_HOSTS = [
  'api.twilio.com',
  'messaging.twilio.com',
  'pricing.twilio.com',
  'trusthub.twilio.com',
] as const;

export type TwilioHost = (typeof TWILIO_HOSTS)[number];

/**
 * The public origin of a host. Resource URLs carry Twilio's own origin (as the
 * real API does) so the client's host mapping applies to paging links too.
 */
export function twilioOrigin(host: TwilioHost): string {
  return `https://${host}`;
}
