/**
 * Which Twilio hosts the app's requests may name, and which base URL each is
 * reached at.
 *
 * A request carries the account's credentials, so it may only name https on
 * one of TWILIO_HOSTS (default port); the request client refuses anything
 * else before a byte is sent. Production always talks to Twilio itself.
 * Development and tests may point those hosts at the fake Twilio (or at a
 * Prism proxy in front of it) through GLEAM_TWILIO_HOSTS, a JSON map such as
 * `{"api.twilio.com":"http://127.0.0.1:4010"}`: the mapping is applied after
 * the check, so a mapped base URL is reached only through its Twilio host. The
 * composition root ignores the variable in packaged builds.
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

/** Whether a request may be sent to this URL with the account's credentials. */
export function isTwilioUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.port === '' && (TWILIO_HOSTS as readonly string[]).includes(url.hostname);
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
