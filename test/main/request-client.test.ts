import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GleamRequestClient, parseRetryAfterMs, TwilioTransportError } from '../../electron/main/twilio/request-client';
import { closeServers } from '../support/loopback-servers';

type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const servers: http.Server[] = [];
const tempDirs: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await closeServers(servers);
});

interface Served {
  baseUrl: string;
  hits: () => number;
  /** TCP connections accepted, whether or not a request followed. */
  connections: () => number;
  /** The Authorization header of each request received. */
  authorizations: string[];
}

/** A loopback server that answers the n-th request with replies[n] (the last one repeats). */
async function serve(replies: Reply[], tls?: { key: string; cert: string }): Promise<Served> {
  let hits = 0;
  let connections = 0;
  const authorizations: string[] = [];
  const handler: http.RequestListener = (request, response) => {
    const reply = replies[Math.min(hits, replies.length - 1)];
    hits += 1;
    authorizations.push(request.headers.authorization ?? '');
    reply?.(request, response);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  server.on('connection', () => (connections += 1));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    hits: () => hits,
    connections: () => connections,
    authorizations,
  };
}

/** An HTTP proxy on loopback that records what it is asked for and forwards nothing. */
async function proxy(): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  const server = http.createServer((request, response) => {
    asked.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    asked.push(`CONNECT ${request.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, asked };
}

/**
 * A self-signed certificate for 127.0.0.1, made for these tests only (valid
 * until 2126): no trust store vouches for it unless a test says so.
 */
const LOOPBACK_TLS = {
  cert: `-----BEGIN CERTIFICATE-----
MIIBrzCCAVWgAwIBAgIUJB6aabV/ZvK60E5FhHmQX9UVU9owCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTR2xlYW0gdGVzdCBsb29wYmFjazAgFw0yNjEyMDQxOTU5MTNa
GA8yMTI2MTExMDE5NTkxM1owHjEcMBoGA1UEAwwTR2xlYW0gdGVzdCBsb29wYmFj
azBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABPC5GluEJCSO3tr9zXHEwZG3vNiV
U6oplRBk3jc+hi2UmRdidpJH17Fhag9oJStxSX5f0DNFi1wgZk0ntOGIwL+jbzBt
MB0GA1UdDgQWBBSlt+oaO3jl/PdBthTjqYdm9DP99DAfBgNVHSMEGDAWgBSlt+oa
O3jl/PdBthTjqYdm9DP99DAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGHBH8A
AAGCCWxvY2FsaG9zdDAKBggqhkjOPQQDAgNIADBFAiEAko80XJ++ZkE7NuWeIVXB
DqEaHD8CkeupbL7rbRxGSCcCIB3Q1iuQg453hKhqVqhb2WBjMxnYy5d4kAkFfCkP
7SqQ
-----END CERTIFICATE-----
`,
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgew0OrGX+y0PStZUv
WBZUDHIRmIqQlDqaNhlN9Uauh2qhRANCAATwuRpbhCQkjt7a/c1xxMGRt7zYlVOq
KZUQZN43PoYtlJkXYnaSR9exYWoPaCUrcUl+X9AzRYtcIGZNJ7ThiMC/
-----END PRIVATE KEY-----
`,
};

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gleam-request-client-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
const drop: Reply = (request) => request.socket.destroy();

function client(baseUrl: string, sleeps: number[] = [], maxAttempts = 3) {
  return new GleamRequestClient({
    hosts: { 'api.twilio.com': baseUrl },
    timeoutMs: 500,
    retry: { maxAttempts, baseDelayMs: 100, maxDelayMs: 5_000 },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
  });
}

const ACCOUNT_URL = 'https://api.twilio.com/2010-04-01/Accounts/AC1.json';
const credentials = { username: 'AC1', password: 'super-secret-token' };

describe('GleamRequestClient', () => {
  it('sends requests for a mapped Twilio host to its base URL', async () => {
    const server = await serve([json(200, { sid: 'AC1' })]);
    const response = await client(server.baseUrl).request({ method: 'get', uri: ACCOUNT_URL, ...credentials });
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ sid: 'AC1' });
  });

  it('waits as long as Retry-After says before retrying a 429', async () => {
    const server = await serve([json(429, { code: 20429 }, { 'Retry-After': '2' }), json(200, { ok: true })]);
    const sleeps: number[] = [];
    const response = await client(server.baseUrl, sleeps).request({ method: 'post', uri: ACCOUNT_URL, ...credentials });
    expect(response.statusCode).toBe(200);
    expect(sleeps).toEqual([2000]);
    expect(server.hits()).toBe(2);
  });

  it('backs off with jitter when a 429 has no Retry-After, and gives up after the last attempt', async () => {
    const server = await serve([json(429, { code: 20429 })]);
    const sleeps: number[] = [];
    const response = await client(server.baseUrl, sleeps).request({ method: 'get', uri: ACCOUNT_URL, ...credentials });
    expect(response.statusCode).toBe(429);
    expect(server.hits()).toBe(3);
    // Half of each step fixed, half random (random() = 0.5 here): 100 → 75, 200 → 150.
    expect(sleeps).toEqual([75, 150]);
  });

  it('never repeats a POST whose connection dropped: Twilio may have done it', async () => {
    const server = await serve([drop]);
    const attempt = client(server.baseUrl).request({ method: 'post', uri: ACCOUNT_URL, ...credentials });
    await expect(attempt).rejects.toBeInstanceOf(TwilioTransportError);
    expect(server.hits()).toBe(1);
  });

  it('retries a read whose connection dropped', async () => {
    const server = await serve([drop, json(200, { sid: 'AC1' })]);
    const response = await client(server.baseUrl).request({ method: 'get', uri: ACCOUNT_URL, ...credentials });
    expect(response.statusCode).toBe(200);
    expect(server.hits()).toBe(2);
  });

  it('retries a read that met a 503, but not a POST', async () => {
    const readServer = await serve([json(503, { code: 20500 }), json(200, {})]);
    expect((await client(readServer.baseUrl).request({ method: 'get', uri: ACCOUNT_URL })).statusCode).toBe(200);
    const writeServer = await serve([json(503, { code: 20500 }), json(200, {})]);
    expect((await client(writeServer.baseUrl).request({ method: 'post', uri: ACCOUNT_URL })).statusCode).toBe(503);
    expect(writeServer.hits()).toBe(1);
  });

  it('times out a request that gets no answer, without retrying it', async () => {
    const server = await serve([() => undefined]);
    const attempt = client(server.baseUrl).request({ method: 'get', uri: ACCOUNT_URL, ...credentials });
    await expect(attempt).rejects.toMatchObject({ failure: 'timeout' });
    expect(server.hits()).toBe(1);
  });

  it('reports a refused connection, after retrying it (nothing was sent)', async () => {
    const server = await serve([json(200, {})]);
    const closedUrl = server.baseUrl;
    await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()));
    const sleeps: number[] = [];
    const attempt = client(closedUrl, sleeps).request({ method: 'post', uri: ACCOUNT_URL, ...credentials });
    await expect(attempt).rejects.toMatchObject({ failure: 'refused' });
    expect(sleeps).toHaveLength(2);
  });

  it('keeps credentials out of transport errors', async () => {
    const server = await serve([drop]);
    const error: unknown = await client(server.baseUrl, [], 1)
      .request({ method: 'get', uri: ACCOUNT_URL, ...credentials })
      .catch((caught: unknown) => caught);
    const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
    const everything = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error);
    expect(everything).not.toContain(credentials.password);
    expect(everything).not.toContain(basic);
  });
});

describe('GleamRequestClient: where the credentials may go', () => {
  it('refuses a URL that is not https on a Twilio host without connecting, and names only its origin', async () => {
    const server = await serve([json(200, { sid: 'AC1' })]);
    const refused = [
      `${server.baseUrl}/2010-04-01/Accounts/AC1.json`,
      'http://api.twilio.com/2010-04-01/Accounts/AC1.json',
      'https://api.twilio.com:8443/2010-04-01/Accounts/AC1.json',
      'https://api.twilio.com.evil.example/2010-04-01/Accounts/AC1.json',
    ];
    for (const uri of refused) {
      const error: unknown = await client(server.baseUrl)
        .request({ method: 'get', uri, ...credentials })
        .then(
          () => 'sent',
          (caught: unknown) => caught,
        );
      expect(error, uri).toBeInstanceOf(Error);
      expect(String(error)).toBe(`Error: Not a Twilio API URL: ${new URL(uri).origin}`);
      expect(String(error)).not.toContain(credentials.password);
    }
    expect(server.connections()).toBe(0);
  });

  it('does not trust a certificate that only TWILIO_CA_BUNDLE vouches for', async () => {
    const server = await serve([json(200, { sid: 'AC1' })], LOOPBACK_TLS);
    vi.stubEnv('TWILIO_CA_BUNDLE', tempFile('bundle.pem', LOOPBACK_TLS.cert));
    const attempt = client(server.baseUrl).request({ method: 'get', uri: ACCOUNT_URL, ...credentials });
    await expect(attempt).rejects.toBeInstanceOf(TwilioTransportError);
    expect(server.authorizations).toEqual([]);
  });

  it('does not even read TWILIO_CA_BUNDLE, so a path to nothing cannot stop it', async () => {
    const server = await serve([json(200, { sid: 'AC1' })]);
    vi.stubEnv('TWILIO_CA_BUNDLE', path.join(os.tmpdir(), 'gleam-no-such-bundle.pem'));
    const response = await client(server.baseUrl).request({ method: 'get', uri: ACCOUNT_URL, ...credentials });
    expect(response.statusCode).toBe(200);
  });

  it('never goes through a proxy named in HTTP_PROXY or HTTPS_PROXY', async () => {
    const server = await serve([json(200, { sid: 'AC1' })], LOOPBACK_TLS);
    const middle = await proxy();
    vi.stubEnv('HTTP_PROXY', middle.url);
    vi.stubEnv('HTTPS_PROXY', middle.url);
    await client(server.baseUrl)
      .request({ method: 'get', uri: ACCOUNT_URL, ...credentials })
      .catch(() => undefined);
    expect(middle.asked).toEqual([]);
    // It went straight to the mapped host, which (untrusted here) never saw the credentials either.
    expect(server.connections()).toBeGreaterThan(0);
    expect(server.authorizations).toEqual([]);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
  });
});
