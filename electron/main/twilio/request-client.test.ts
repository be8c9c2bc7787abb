import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GleamRequestClient, parseRetryAfterMs, TwilioTransportError } from './request-client';

type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** A loopback server that answers the n-th request with replies[n] (the last one repeats). */
async function serve(replies: Reply[]): Promise<{ baseUrl: string; hits: () => number }> {
  let hits = 0;
  const server = http.createServer((request, response) => {
    const reply = replies[Math.min(hits, replies.length - 1)];
    hits += 1;
    reply?.(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, hits: () => hits };
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

describe('parseRetryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
  });
});
