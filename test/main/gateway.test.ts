import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSecretRedactor } from '../../electron/main/infrastructure/secret-redactor';
import { createMemoryLogger } from '../support/memory-logger';
import { createTwilioGateway } from '../../electron/main/twilio/gateway';
import type { TwilioHostMap } from '../../electron/main/twilio/hosts';
import { closeServers } from '../support/loopback-servers';

const servers: http.Server[] = [];
let tempDir: string | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
  await closeServers(servers);
});

interface Seen {
  /** Each request as `METHOD url Authorization`, CONNECT tunnels included. */
  requests: string[];
}

/** A loopback server recording every request (and proxy tunnel) it is asked for. */
async function listen(answer: (request: http.IncomingMessage) => unknown): Promise<Seen & { baseUrl: string }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''} ${request.headers.authorization ?? '-'}`);
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(answer(request)));
  });
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, requests };
}

const credentials = { accountSid: 'AC00000000000000000000000000000001', authToken: 'super-secret-token' };
const basic = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;

function gateway(hosts: TwilioHostMap) {
  return createTwilioGateway({
    hosts,
    timeoutMs: 2_000,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    logger: createMemoryLogger(),
    redactor: createSecretRedactor(),
  });
}

/** What malware running as the user can put in the app's environment before it starts. */
function stubHostileEnvironment(proxyUrl: string): void {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'gleam-gateway-'));
  const bundle = path.join(tempDir, 'bundle.pem');
  writeFileSync(bundle, rootCertificates[0] ?? '');
  vi.stubEnv('TWILIO_REGION', 'evil.example/');
  vi.stubEnv('TWILIO_EDGE', 'sydney');
  vi.stubEnv('HTTP_PROXY', proxyUrl);
  vi.stubEnv('HTTPS_PROXY', proxyUrl);
  vi.stubEnv('TWILIO_CA_BUNDLE', bundle);
}

describe('Twilio gateway: where the credentials go', () => {
  it('sends every request to the configured host whatever TWILIO_REGION, TWILIO_EDGE and the proxy variables say', async () => {
    const account = {
      sid: credentials.accountSid,
      friendly_name: 'Main',
      status: 'active',
      type: 'Full',
      owner_account_sid: credentials.accountSid,
    };
    const twilioApi = await listen(() => account);
    const elsewhere = await listen(() => ({}));
    stubHostileEnvironment(elsewhere.baseUrl);

    const outcome = await gateway({ 'api.twilio.com': twilioApi.baseUrl })
      .forAccount(credentials)
      .fetchAccount()
      .catch((error: unknown) => error);

    expect(elsewhere.requests).toEqual([]);
    expect(twilioApi.requests).toEqual([`GET /2010-04-01/Accounts/${credentials.accountSid}.json ${basic}`]);
    expect(outcome).toMatchObject({ sid: credentials.accountSid, status: 'active' });
  });

  it('does not follow a next-page link off Twilio, and sends it no credentials', async () => {
    const elsewhere = await listen(() => ({ phone_numbers: [], meta: { next_page_url: null } }));
    const messaging = await listen(() => ({
      phone_numbers: [{ sid: 'PN1', service_sid: 'MG1', account_sid: credentials.accountSid }],
      meta: { key: 'phone_numbers', next_page_url: `${elsewhere.baseUrl}/v1/Services/MG1/PhoneNumbers?Page=1` },
    }));

    const outcome = await gateway({ 'messaging.twilio.com': messaging.baseUrl })
      .forAccount(credentials)
      .listServiceNumberSids('MG1')
      .catch((error: unknown) => error);

    expect(elsewhere.requests).toEqual([]);
    expect(outcome).toMatchObject({ data: { code: 'internal' } });
    expect(JSON.stringify(outcome) + String(outcome)).not.toContain(credentials.authToken);
  });
});
