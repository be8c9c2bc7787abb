/**
 * What the fake's own test files share: one fake per file (reset before each
 * test), the `twilio` SDK with its own request client pointed at the fake, and
 * plain HTTP for wire-level assertions. Nothing here comes from the app: the
 * fake is checked against Twilio's own client, as any outside suite would use it.
 */
import twilio, { type Twilio } from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import type TwilioResponse from 'twilio/lib/http/response';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeTwilioControl } from './control-client';
import { startFakeTwilio, type FakeTwilio } from './server';
import type { TwilioHost } from './twilio-hosts';

export interface Credentials {
  sid: string;
  authToken: string;
}

export interface ClientOptions {
  timeoutMs?: number;
  /** Tries in all for a request Twilio answers 429 (the SDK's own retry); 1, no retry, unless given. */
  maxAttempts?: number;
  hosts?: FakeTwilio['hosts'];
}

/** How a request the fake did not answer ended, as the socket reported it. */
export type TransportFailure = 'timeout' | 'reset' | 'refused' | 'other';

/** A request that got no HTTP answer from the fake (a `timeout` or `drop` fault, say). */
export class TransportError extends Error {
  constructor(readonly failure: TransportFailure) {
    super(`no answer from the fake Twilio (${failure})`);
    this.name = 'TransportError';
  }
}

const FAILURE_BY_CODE: Readonly<Record<string, TransportFailure>> = {
  ECONNABORTED: 'timeout',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  ERR_BAD_RESPONSE: 'reset',
  ECONNREFUSED: 'refused',
};

/**
 * The SDK's request client with each Twilio host swapped for the fake's base
 * URL; a request that gets no HTTP answer rejects with a TransportError.
 */
class FakeHostsRequestClient extends RequestClient {
  constructor(
    private readonly hosts: FakeTwilio['hosts'],
    { timeoutMs = 2000, maxAttempts = 1 }: ClientOptions,
  ) {
    super({ timeout: timeoutMs, autoRetry: maxAttempts > 1, maxRetries: maxAttempts - 1, maxRetryDelay: 20 });
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    const url = new URL(opts.uri);
    const base = this.hosts[url.hostname as TwilioHost];
    if (!base) throw new Error(`the fake does not serve ${url.hostname}`);
    try {
      return await super.request({ ...opts, uri: `${base}${url.pathname}${url.search}` });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
      throw new TransportError(FAILURE_BY_CODE[code] ?? 'other');
    }
  }
}

export interface RawInit {
  credentials?: Credentials;
  method?: string;
  form?: Record<string, string>;
  hosts?: FakeTwilio['hosts'];
}

export interface FakeTwilioKit {
  readonly fake: FakeTwilio;
  readonly control: FakeTwilioControl;
  clientFor: (credentials: Credentials, options?: ClientOptions) => Twilio;
  /** Plain HTTP to one host of the fake. */
  raw: (host: TwilioHost, path: string, init?: RawInit) => Promise<Response>;
}

export const basic = (credentials: Credentials) =>
  `Basic ${Buffer.from(`${credentials.sid}:${credentials.authToken}`).toString('base64')}`;

export async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Registers the file's hooks: start the fake once, reset it before each test, close it at the end. */
export function useFakeTwilio(): FakeTwilioKit {
  let started: { fake: FakeTwilio; control: FakeTwilioControl } | null = null;
  beforeAll(async () => {
    const fake = await startFakeTwilio();
    started = { fake, control: new FakeTwilioControl(fake.controlUrl) };
  });
  afterAll(async () => {
    await started?.fake.close();
  });
  beforeEach(async () => {
    await started?.control.reset();
  });
  const current = () => {
    if (!started) throw new Error('the fake starts in beforeAll');
    return started;
  };

  return {
    get fake() {
      return current().fake;
    },
    get control() {
      return current().control;
    },
    clientFor: (credentials, options = {}) => {
      const httpClient = new FakeHostsRequestClient(options.hosts ?? current().fake.hosts, options);
      return twilio(credentials.sid, credentials.authToken, { httpClient });
    },
    raw: (host, path, init = {}) => {
      const headers: Record<string, string> = {};
      if (init.credentials) headers.Authorization = basic(init.credentials);
      if (init.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      return fetch(`${(init.hosts ?? current().fake.hosts)[host]}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      });
    },
  };
}
