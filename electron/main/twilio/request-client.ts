/**
 * The HTTP client under the official `twilio` package, and the last point
 * before the account's credentials leave the process.
 *
 * - Refuses, before connecting, any URL that is not https on a Twilio host
 *   (hosts.ts): the SDK rewrites hosts from TWILIO_REGION / TWILIO_EDGE and
 *   follows `next_page_url` links from response bodies, so URLs reaching this
 *   client are not all the app's own. Redirects are never followed.
 * - Honours none of the environment variables the SDK's RequestClient reads
 *   (TWILIO_CA_BUNDLE, HTTP_PROXY), nor Node's extra CA certificates: every
 *   https request goes over this client's own agent, direct, trusting Node's
 *   bundled roots only. Anything running as the user can set those variables.
 * - Maps each Twilio host to a configured base URL (dev/test seam only).
 * - Bounds every request with a timeout.
 * - Retries only what is safe to retry: a 429 (Twilio never processed it;
 *   honouring Retry-After, else jittered exponential backoff), a connection
 *   that was refused (nothing was sent), and for reads (idempotent) a reset
 *   connection or a 500/502/503/504. A POST whose fate is unknown is never repeated here; the
 *   caller reconciles instead.
 * - Replaces every network error with a TwilioTransportError that carries no
 *   request data: axios errors embed the `Authorization: Basic …` header.
 */
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { isTwilioUrl, mapTwilioUrl, type TwilioHostMap } from './hosts';

export type TransportFailure = 'offline' | 'timeout' | 'refused' | 'reset' | 'unknown';

/** A request that got no HTTP answer. Deliberately holds nothing but the kind and the request line. */
export class TwilioTransportError extends Error {
  readonly failure: TransportFailure;

  constructor(failure: TransportFailure, method: string, url: string) {
    super(`Twilio request failed (${failure}): ${method} ${url}`);
    this.name = 'TwilioTransportError';
    this.failure = failure;
  }
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** Longest wait we accept, from Retry-After or backoff. */
  maxDelayMs: number;
}

export interface GleamRequestClientOptions {
  hosts: TwilioHostMap;
  timeoutMs: number;
  retry: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /**
   * Told, once a request is done with, whether Twilio answered it: any response but a 5xx that outlived the
   * retries; not a refused, timed-out or dropped connection.
   */
  onAnswer?: (answered: boolean) => void;
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const RETRYABLE_READ_STATUSES = new Set([500, 502, 503, 504]);

function transportFailureOf(error: unknown): TransportFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (OFFLINE_CODES.has(code)) return 'offline';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_BAD_RESPONSE') return 'reset';
  return 'unknown';
}

export function parseRetryAfterMs(value: unknown, now: number): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Given explicitly: without a `ca` the SDK's constructor reads the file
 * TWILIO_CA_BUNDLE names, and Node's default store adds NODE_EXTRA_CA_CERTS.
 */
const BUNDLED_ROOTS = rootCertificates.join('\n');

export class GleamRequestClient extends twilio.RequestClient {
  private readonly options: Required<GleamRequestClientOptions>;

  constructor(options: GleamRequestClientOptions) {
    const agentOptions = { timeout: options.timeoutMs, keepAlive: true, ca: BUNDLED_ROOTS };
    super(agentOptions);
    // The SDK's constructor swaps in a proxy agent when HTTP_PROXY is set; this one never proxies.
    this.axios.defaults.httpsAgent = new https.Agent(agentOptions);
    this.options = { sleep: defaultSleep, random: Math.random, onAnswer: () => undefined, ...options };
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const { hosts, retry, sleep, timeoutMs } = this.options;
    const requested = new URL(opts.uri);
    // The origin only: it says what was wrong, and carries no credential.
    if (!isTwilioUrl(requested)) throw new Error(`Not a Twilio API URL: ${requested.origin}`);
    const uri = mapTwilioUrl(opts.uri, hosts);
    const isRead = opts.method.toUpperCase() === 'GET';
    const requestLine = uri.split('?')[0] ?? uri;

    for (let attempt = 1; ; attempt += 1) {
      const canRetry = attempt < retry.maxAttempts;
      let response: Response<TData>;
      try {
        // A redirect would go where the check above never looked.
        response = await super.request({ ...opts, uri, timeout: timeoutMs, allowRedirects: false });
      } catch (error) {
        const failure = transportFailureOf(error);
        const safeToRetry = failure === 'refused' || (isRead && failure === 'reset');
        if (canRetry && safeToRetry) {
          await sleep(this.backoffMs(attempt));
          continue;
        }
        this.options.onAnswer(false);
        throw new TwilioTransportError(failure, opts.method.toUpperCase(), requestLine);
      }
      if (canRetry && response.statusCode === 429) {
        const headers = (response.headers ?? {}) as Record<string, unknown>;
        const retryAfter = parseRetryAfterMs(headers['retry-after'], Date.now());
        await sleep(Math.min(retry.maxDelayMs, retryAfter ?? this.backoffMs(attempt)));
        continue;
      }
      if (canRetry && isRead && RETRYABLE_READ_STATUSES.has(response.statusCode)) {
        await sleep(this.backoffMs(attempt));
        continue;
      }
      this.options.onAnswer(response.statusCode < 500);
      return response;
    }
  }

  /** Exponential backoff with jitter: half of each step fixed, half random. */
  private backoffMs(attempt: number): number {
    const { baseDelayMs, maxDelayMs } = this.options.retry;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.options.random());
  }
}
