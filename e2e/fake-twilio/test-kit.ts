/**
 * What the fake's own test files share: one fake per file (reset before each
 * test), a `twilio` client pointed at it the way the app points its own, and
 * plain HTTP for wire-level assertions.
 */
import twilio, { type Twilio } from 'twilio';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { GleamRequestClient } from '../../electron/main/twilio/request-client';
import { FakeTwilioControl } from './control-client';
import { startFakeTwilio, type FakeTwilio } from './server';
import type { TwilioHost } from './twilio-hosts';

export interface Credentials {
  sid: string;
  authToken: string;
}

export interface ClientOptions {
  timeoutMs?: number;
  maxAttempts?: number;
  hosts?: FakeTwilio['hosts'];
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
      const httpClient = new GleamRequestClient({
        hosts: options.hosts ?? current().fake.hosts,
        timeoutMs: options.timeoutMs ?? 2000,
        retry: { maxAttempts: options.maxAttempts ?? 1, baseDelayMs: 1, maxDelayMs: 20 },
      });
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
