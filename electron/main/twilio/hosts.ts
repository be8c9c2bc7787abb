/**
 * Which base URL each Twilio host is reached at.
 *
 * Production always talks to Twilio itself. Development and tests may point
 * hosts at the fake Twilio (or at a Prism proxy in front of it) through
 * GLEAM_TWILIO_HOSTS, a JSON map such as
 * `{"api.twilio.com":"http://127.0.0.1:4010"}`. The composition root ignores
 * the variable in packaged builds.
 */
import { z } from 'zod';

export const TWILIO_HOSTS = [
  'api.twilio.com',
  'messaging.twilio.com',
  'pricing.twilio.com',
  'trusthub.twilio.com',
] as const;
export type TwilioHost = (typeof TWILIO_HOSTS)[number];
export type TwilioHostMap = Partial<Record<TwilioHost, string>>;

const BaseUrlSchema = z.url().refine((value) => /^https?:\/\//.test(value), { message: 'must be an http(s) URL' });

const HostMapSchema = z.partialRecord(z.enum(TWILIO_HOSTS), BaseUrlSchema);

/** Parses GLEAM_TWILIO_HOSTS; throws a readable error for a malformed value. */
export function parseTwilioHostMap(json: string): TwilioHostMap {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('GLEAM_TWILIO_HOSTS is not valid JSON');
  }
  const parsed = HostMapSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`GLEAM_TWILIO_HOSTS is not a map of Twilio host to base URL: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Rewrites a Twilio URL onto its mapped base URL, keeping path and query. */
export function mapTwilioUrl(uri: string, hosts: TwilioHostMap): string {
  const url = new URL(uri);
  const base = hosts[url.hostname as TwilioHost];
  if (base === undefined) return uri;
  const target = new URL(base);
  const basePath = target.pathname.replace(/\/$/, '');
  return `${target.origin}${basePath}${url.pathname}${url.search}`;
}
