/**
 * The fake Twilio, exercised the way the app uses it: through the official
 * `twilio` package on top of GleamRequestClient, plus raw HTTP where the wire
 * itself (headers, exact JSON keys, date formats) is what is under test.
 */
import { describe, expect, it } from 'vitest';
import { FakeTwilioControlError, type SeededAccount } from './control-client';
import { basic, jsonOf, rejectionOf, TransportError, useFakeTwilio } from './test-kit';
import { startFakeTwilio, type FakeTwilio } from './server';
import { FakeState } from './state';
import type { TwilioHost } from './twilio-hosts';
import { iso8601, pageV1, pageV2010, rfc2822 } from './wire';

// Property names of the official schemas (twilio-oai spec/json, commit d50069b), copied so this
// suite runs without the specs; the contract suite checks the full schemas through Prism.
const ACCOUNT_KEYS = [
  'auth_token',
  'date_created',
  'date_updated',
  'friendly_name',
  'owner_account_sid',
  'sid',
  'status',
  'subresource_uris',
  'type',
  'uri',
];
const ACCOUNT_SUBRESOURCE_KEYS = [
  'available_phone_numbers',
  'calls',
  'conferences',
  'incoming_phone_numbers',
  'notifications',
  'outgoing_caller_ids',
  'recordings',
  'transcriptions',
  'addresses',
  'signing_keys',
  'connect_apps',
  'sip',
  'authorized_connect_apps',
  'usage',
  'keys',
  'applications',
  'short_codes',
  'queues',
  'messages',
  'balance',
];
const BALANCE_KEYS = ['account_sid', 'balance', 'currency'];
const SERVICE_KEYS = [
  'sid',
  'account_sid',
  'friendly_name',
  'date_created',
  'date_updated',
  'inbound_request_url',
  'inbound_method',
  'fallback_url',
  'fallback_method',
  'status_callback',
  'sticky_sender',
  'mms_converter',
  'smart_encoding',
  'scan_message_content',
  'fallback_to_long_code',
  'area_code_geomatch',
  'synchronous_validation',
  'validity_period',
  'url',
  'links',
  'usecase',
  'us_app_to_person_registered',
  'use_inbound_webhook_on_number',
];
const RFC_2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const kit = useFakeTwilio();
const { clientFor, raw } = kit;

describe('wire helpers', () => {
  const date = new Date(Date.UTC(2026, 10, 24, 21, 52, 58));

  it('formats v2010 dates as RFC 2822 and v1 dates as ISO 8601 without milliseconds', () => {
    expect(rfc2822(date)).toBe('Tue, 24 Nov 2026 21:52:58 +0000');
    expect(rfc2822(new Date(Date.UTC(2026, 0, 5, 3, 4, 5)))).toBe('Mon, 05 Jan 2026 03:04:05 +0000');
    expect(iso8601(date)).toBe('2026-11-24T21:52:58Z');
  });

  it('pages a v2010 list with relative URIs, filters echoed and a PageToken on the next page', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const first = pageV2010('things', '/2010-04-01/Things.json', { Status: 'active', PageSize: '2' }, items);
    expect(first).toEqual({
      things: ['a', 'b'],
      page: 0,
      page_size: 2,
      start: 0,
      end: 1,
      uri: '/2010-04-01/Things.json?Status=active&PageSize=2&Page=0',
      first_page_uri: '/2010-04-01/Things.json?Status=active&PageSize=2&Page=0',
      next_page_uri: '/2010-04-01/Things.json?Status=active&PageSize=2&Page=1&PageToken=PA2',
      previous_page_uri: null,
    });
    const last = pageV2010('things', '/2010-04-01/Things.json', { PageSize: '2', Page: '2', PageToken: 'PA4' }, items);
    expect(last).toMatchObject({ things: ['e'], page: 2, start: 4, end: 4, next_page_uri: null });
    expect(last.previous_page_uri).toBe('/2010-04-01/Things.json?PageSize=2&Page=1&PageToken=PB2');

    const empty = pageV2010('things', '/2010-04-01/Things.json', {}, []);
    expect(empty).toMatchObject({ things: [], page_size: 50, start: 0, end: 0, next_page_uri: null });
  });

  it('pages a v1 list with absolute URLs in meta and caps the page size at 1000', () => {
    const url = 'https://messaging.twilio.com/v1/Things';
    const page = pageV1('things', url, { PageSize: '1' }, ['a', 'b']);
    expect(page).toEqual({
      things: ['a'],
      meta: {
        page: 0,
        page_size: 1,
        first_page_url: `${url}?PageSize=1&Page=0`,
        previous_page_url: null,
        url: `${url}?PageSize=1&Page=0`,
        next_page_url: `${url}?PageSize=1&Page=1&PageToken=PA1`,
        key: 'things',
      },
    });
    expect(pageV1('things', url, { PageSize: '5000' }, []).meta.page_size).toBe(1000);
  });
});

describe('Account fetch', () => {
  it('returns the Account through the twilio package, auth_token included', async () => {
    const seeded = await kit.control.seedAccount({ friendlyName: 'Acme Plumbing', type: 'Trial' });
    const account = await clientFor(seeded).api.v2010.accounts(seeded.sid).fetch();

    expect(account.sid).toBe(seeded.sid);
    expect(account.authToken).toBe(seeded.authToken);
    expect(account.friendlyName).toBe('Acme Plumbing');
    expect(account.status).toBe('active');
    expect(account.type).toBe('Trial');
    expect(account.ownerAccountSid).toBe(seeded.sid);
    expect(account.uri).toBe(`/2010-04-01/Accounts/${seeded.sid}.json`);
    // The SDK parses RFC 2822 strictly and leaves anything else as a string.
    expect(account.dateCreated).toBeInstanceOf(Date);
    expect(account.dateCreated.toISOString()).toBe(seeded.dateCreated);
    expect(Object.keys(account.subresourceUris)).toEqual(ACCOUNT_SUBRESOURCE_KEYS);
  });

  it('puts exactly the spec fields on the wire, as JSON with RFC 2822 dates', async () => {
    const seeded = await kit.control.seedAccount();
    const response = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`, { credentials: seeded });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...ACCOUNT_KEYS].sort());
    expect(body.date_created).toMatch(RFC_2822);
    expect(body.date_updated).toMatch(RFC_2822);
    expect(body.subresource_uris).toMatchObject({
      balance: `/2010-04-01/Accounts/${seeded.sid}/Balance.json`,
      short_codes: `/2010-04-01/Accounts/${seeded.sid}/SMS/ShortCodes.json`,
    });
  });

  it.each([
    ['a wrong token', (a: SeededAccount) => ({ sid: a.sid, authToken: '0'.repeat(32) })],
    ['an unknown SID', (a: SeededAccount) => ({ sid: `AC${'9'.repeat(32)}`, authToken: a.authToken })],
  ])('answers 401 / 20003 "Authenticate" for %s', async (_label, credentialsOf) => {
    const seeded = await kit.control.seedAccount();
    const error = await rejectionOf(clientFor(credentialsOf(seeded)).api.v2010.accounts(seeded.sid).fetch());
    expect(error).toMatchObject({
      status: 401,
      code: 20003,
      message: 'Authenticate',
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
  });

  it('answers 401 without credentials, with a Twilio error body and a Basic challenge', async () => {
    const seeded = await kit.control.seedAccount();
    const response = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await jsonOf(response)).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it('rejects the credentials of a closed account and of a rotated token', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.updateAccount(seeded.sid, { authToken: 'a'.repeat(32) });
    await expect(clientFor(seeded).api.v2010.accounts(seeded.sid).fetch()).rejects.toMatchObject({ status: 401 });

    const rotated = { sid: seeded.sid, authToken: 'a'.repeat(32) };
    await expect(clientFor(rotated).api.v2010.accounts(seeded.sid).fetch()).resolves.toMatchObject({
      status: 'active',
    });

    await kit.control.updateAccount(seeded.sid, { status: 'closed' });
    await expect(clientFor(rotated).api.v2010.accounts(seeded.sid).fetch()).rejects.toMatchObject({
      status: 401,
      code: 20003,
    });
  });

  it('hides other accounts (404 / 20404) but lets a main account read its subaccounts', async () => {
    const main = await kit.control.seedAccount();
    const sub = await kit.control.seedAccount({ ownerAccountSid: main.sid, friendlyName: 'Branch office' });
    const stranger = await kit.control.seedAccount();

    const asMain = clientFor(main);
    await expect(asMain.api.v2010.accounts(sub.sid).fetch()).resolves.toMatchObject({
      sid: sub.sid,
      ownerAccountSid: main.sid,
      friendlyName: 'Branch office',
    });
    await expect(asMain.api.v2010.accounts(stranger.sid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      message: `The requested resource /2010-04-01/Accounts/${stranger.sid}.json was not found`,
    });
    // A subaccount cannot look up at its parent.
    await expect(clientFor(sub).api.v2010.accounts(main.sid).fetch()).rejects.toMatchObject({ status: 404 });
  });

  it('lets a suspended account read its Account and Balance, and answers 403 / 20403 elsewhere', async () => {
    const seeded = await kit.control.seedAccount({ status: 'suspended' });
    const service = await kit.control.seedMessagingService({ accountSid: seeded.sid, friendlyName: 'Alerts' });
    const client = clientFor(seeded);

    await expect(client.api.v2010.accounts(seeded.sid).fetch()).resolves.toMatchObject({ status: 'suspended' });
    await expect(client.api.v2010.accounts(seeded.sid).balance.fetch()).resolves.toMatchObject({ balance: '20.00' });
    await expect(client.messaging.v1.services(service.sid).fetch()).rejects.toMatchObject({
      status: 403,
      code: 20403,
    });
  });
});

describe('Balance fetch', () => {
  it('returns the balance as a string with its currency', async () => {
    const seeded = await kit.control.seedAccount({ balance: '12.34', currency: 'EUR' });
    const balance = await clientFor(seeded).api.v2010.accounts(seeded.sid).balance.fetch();
    expect(balance).toMatchObject({ accountSid: seeded.sid, balance: '12.34', currency: 'EUR' });

    const response = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}/Balance.json`, {
      credentials: seeded,
    });
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...BALANCE_KEYS].sort());
    expect(body).toEqual({ account_sid: seeded.sid, balance: '12.34', currency: 'EUR' });
  });

  it('answers 404 / 20404 for a subaccount, which has no balance of its own', async () => {
    const main = await kit.control.seedAccount();
    const sub = await kit.control.seedAccount({ ownerAccountSid: main.sid });
    await expect(clientFor(main).api.v2010.accounts(sub.sid).balance.fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
    await expect(clientFor(sub).api.v2010.accounts(sub.sid).balance.fetch()).rejects.toMatchObject({ status: 404 });
  });
});

describe('Messaging Service fetch', () => {
  it('returns the Service through the twilio package', async () => {
    const seeded = await kit.control.seedAccount();
    const created = await kit.control.seedMessagingService({
      accountSid: seeded.sid,
      friendlyName: 'Appointment reminders',
      useInboundWebhookOnNumber: true,
      inboundRequestUrl: 'https://hooks.example.com/sms',
    });
    const service = await clientFor(seeded).messaging.v1.services(created.sid).fetch();

    expect(service).toMatchObject({
      sid: created.sid,
      accountSid: seeded.sid,
      friendlyName: 'Appointment reminders',
      useInboundWebhookOnNumber: true,
      inboundRequestUrl: 'https://hooks.example.com/sms',
      fallbackUrl: null,
      statusCallback: null,
      usecase: 'undeclared',
      usAppToPersonRegistered: false,
      url: `https://messaging.twilio.com/v1/Services/${created.sid}`,
    });
    expect(service.dateCreated).toBeInstanceOf(Date);
  });

  it('puts exactly the spec fields on the wire, with ISO 8601 dates and absolute links', async () => {
    const seeded = await kit.control.seedAccount();
    const created = await kit.control.seedMessagingService({ accountSid: seeded.sid, friendlyName: 'Alerts' });
    const response = await raw('messaging.twilio.com', `/v1/Services/${created.sid}`, { credentials: seeded });

    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...SERVICE_KEYS].sort());
    expect(body.date_created).toMatch(ISO_8601);
    expect(body.links).toMatchObject({
      phone_numbers: `https://messaging.twilio.com/v1/Services/${created.sid}/PhoneNumbers`,
      us_app_to_person: `https://messaging.twilio.com/v1/Services/${created.sid}/Compliance/Usa2p`,
    });
    expect(body.scan_message_content).toBe('inherit');
    expect(body.validity_period).toBe(36000);
  });

  it("answers 404 / 20404 for an unknown service and for another account's service", async () => {
    const owner = await kit.control.seedAccount();
    const other = await kit.control.seedAccount();
    const service = await kit.control.seedMessagingService({ accountSid: owner.sid, friendlyName: 'Mine' });
    const unknownSid = `MG${'0'.repeat(32)}`;

    await expect(clientFor(other).messaging.v1.services(service.sid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      message: `The requested resource /Services/${service.sid} was not found`,
    });
    await expect(clientFor(owner).messaging.v1.services(unknownSid).fetch()).rejects.toMatchObject({
      status: 404,
      message: `The requested resource /Services/${unknownSid} was not found`,
    });
  });
});

describe('routing', () => {
  it.each<[TwilioHost, string]>([
    ['api.twilio.com', '/2010-04-01/Accounts/{sid}/Nothing.json'],
    ['messaging.twilio.com', '/v1/Nothing'],
    ['pricing.twilio.com', '/v1/Messaging/Countries/US'],
    ['trusthub.twilio.com', '/v1/TrustProducts'],
  ])('answers 404 / 20404 in Twilio error shape for an unknown path on %s', async (host, template) => {
    const seeded = await kit.control.seedAccount();
    const response = await raw(host, template.replace('{sid}', seeded.sid), { credentials: seeded });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await jsonOf(response);
    expect(body).toMatchObject({ code: 20404, status: 404, more_info: 'https://www.twilio.com/docs/errors/20404' });
    expect(body.message).toMatch(/^The requested resource \/.+ was not found$/);
  });

  it('authenticates before routing, so an unknown path without credentials is a 401', async () => {
    const response = await raw('pricing.twilio.com', '/v1/Nothing');
    expect(response.status).toBe(401);
  });

  it('answers 405 for a known path with an unsupported method', async () => {
    const seeded = await kit.control.seedAccount();
    const response = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}/Balance.json`, {
      credentials: seeded,
      method: 'DELETE',
    });
    expect(response.status).toBe(405);
    expect(await jsonOf(response)).toMatchObject({ code: 20004 });
  });
});

describe('lists', () => {
  it('pages the Accounts list, and the twilio package follows next_page_uri through the host map', async () => {
    const main = await kit.control.seedAccount();
    for (let i = 0; i < 4; i += 1)
      await kit.control.seedAccount({ ownerAccountSid: main.sid, friendlyName: `Sub ${i}` });
    await kit.control.seedAccount(); // someone else's, never listed

    const accounts = await clientFor(main).api.v2010.accounts.list({ pageSize: 2 });
    expect(accounts).toHaveLength(5);
    expect(accounts[0]?.sid).toBe(main.sid);

    const pages = await kit.control.requests({ pathIncludes: '/Accounts.json' });
    expect(pages.map((request) => request.query.PageToken)).toEqual([undefined, 'PA2', 'PA4']);
    expect(pages.every((request) => request.status === 200)).toBe(true);
  });

  it('filters the Accounts list and shows a subaccount only itself', async () => {
    const main = await kit.control.seedAccount();
    const suspended = await kit.control.seedAccount({ ownerAccountSid: main.sid, status: 'suspended' });
    const active = await kit.control.seedAccount({ ownerAccountSid: main.sid, friendlyName: 'Warehouse' });

    const bySuspension = await clientFor(main).api.v2010.accounts.list({ status: 'suspended' });
    expect(bySuspension.map((account) => account.sid)).toEqual([suspended.sid]);
    const byName = await clientFor(main).api.v2010.accounts.list({ friendlyName: 'Warehouse' });
    expect(byName.map((account) => account.sid)).toEqual([active.sid]);
    const ownView = await clientFor(active).api.v2010.accounts.list();
    expect(ownView.map((account) => account.sid)).toEqual([active.sid]);
  });

  it('pages the Services list with absolute meta URLs', async () => {
    const seeded = await kit.control.seedAccount();
    for (const name of ['One', 'Two', 'Three']) {
      await kit.control.seedMessagingService({ accountSid: seeded.sid, friendlyName: name });
    }
    const services = await clientFor(seeded).messaging.v1.services.list({ pageSize: 2 });
    expect(services.map((service) => service.friendlyName)).toEqual(['One', 'Two', 'Three']);

    const response = await raw('messaging.twilio.com', '/v1/Services?PageSize=2', { credentials: seeded });
    const body = (await response.json()) as { meta: Record<string, unknown> };
    expect(body.meta).toMatchObject({
      key: 'services',
      page_size: 2,
      next_page_url: 'https://messaging.twilio.com/v1/Services?PageSize=2&Page=1&PageToken=PA2',
    });
  });
});

describe('request log', () => {
  it('records every request with its host, line, query, form, account and answer, but never the token', async () => {
    const seeded = await kit.control.seedAccount();
    await clientFor(seeded).api.v2010.accounts(seeded.sid).fetch();
    await raw('messaging.twilio.com', '/v1/Services/MGnope?Verbose=true', {
      credentials: seeded,
      method: 'POST',
      form: { FriendlyName: 'New name', UseInboundWebhookOnNumber: 'true' },
    });
    await raw('pricing.twilio.com', '/v1/Voice/Countries/US');

    const requests = await kit.control.requests();
    expect(requests).toMatchObject([
      {
        id: 1,
        host: 'api.twilio.com',
        method: 'GET',
        path: `/2010-04-01/Accounts/${seeded.sid}.json`,
        query: {},
        form: {},
        accountSid: seeded.sid,
        status: 200,
      },
      {
        host: 'messaging.twilio.com',
        method: 'POST',
        path: '/v1/Services/MGnope',
        query: { Verbose: 'true' },
        form: { FriendlyName: 'New name', UseInboundWebhookOnNumber: 'true' },
        accountSid: seeded.sid,
        // The update route exists; the service does not.
        status: 404,
      },
      { host: 'pricing.twilio.com', accountSid: null, status: 401 },
    ]);
    expect(requests[0]?.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const serialised = JSON.stringify(requests);
    expect(serialised).not.toContain(seeded.authToken);
    expect(serialised).not.toContain(basic(seeded).slice('Basic '.length));
  });

  it('filters by account, host, method and path, and can be cleared', async () => {
    const first = await kit.control.seedAccount();
    const second = await kit.control.seedAccount();
    await clientFor(first).api.v2010.accounts(first.sid).fetch();
    await clientFor(first).api.v2010.accounts(first.sid).balance.fetch();
    await clientFor(second).api.v2010.accounts(second.sid).fetch();
    await raw('messaging.twilio.com', '/v1/Services', { credentials: second, method: 'POST' });

    expect(await kit.control.requests({ accountSid: first.sid })).toHaveLength(2);
    expect(await kit.control.requests({ host: 'messaging.twilio.com' })).toHaveLength(1);
    expect(await kit.control.requests({ method: 'post' })).toHaveLength(1);
    expect(await kit.control.requests({ accountSid: first.sid, pathIncludes: 'Balance' })).toMatchObject([
      { path: `/2010-04-01/Accounts/${first.sid}/Balance.json` },
    ]);

    await kit.control.clearRequests();
    expect(await kit.control.requests()).toEqual([]);
  });
});

describe('faults', () => {
  it('answers an injected 503 once, with a Twilio error body, then recovers', async () => {
    const seeded = await kit.control.seedAccount();
    const client = clientFor(seeded);
    await kit.control.injectFault({ kind: 'status', status: 503 });

    await expect(client.api.v2010.accounts(seeded.sid).fetch()).rejects.toMatchObject({
      status: 503,
      code: 20503,
      message: 'Service Unavailable',
    });
    await expect(client.api.v2010.accounts(seeded.sid).fetch()).resolves.toMatchObject({ sid: seeded.sid });
  });

  it('uses the given Twilio code and message for a status fault', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'status', status: 400, twilioCode: 21422, message: 'Number not available' });
    await expect(clientFor(seeded).api.v2010.accounts(seeded.sid).fetch()).rejects.toMatchObject({
      status: 400,
      code: 21422,
      message: 'Number not available',
      moreInfo: 'https://www.twilio.com/docs/errors/21422',
    });
  });

  it('rate-limits with 429 / 20429 and Retry-After, which the request client honours', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'rate_limit', retryAfterSeconds: 0, times: 2 });

    const limited = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`, { credentials: seeded });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('0');
    expect(await jsonOf(limited)).toEqual({
      code: 20429,
      message: 'Too Many Requests',
      more_info: 'https://www.twilio.com/docs/errors/20429',
      status: 429,
    });

    // One use left: a retrying client gets the 429, waits, and succeeds.
    const account = await clientFor(seeded, { maxAttempts: 3 }).api.v2010.accounts(seeded.sid).fetch();
    expect(account.sid).toBe(seeded.sid);
    expect((await kit.control.requests()).map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it('applies only to matching requests, oldest fault first', async () => {
    const seeded = await kit.control.seedAccount();
    const client = clientFor(seeded);
    await kit.control.injectFault({ kind: 'status', status: 500, match: { pathIncludes: '/Balance.json' } });
    await kit.control.injectFault({ kind: 'status', status: 502, match: { host: 'api.twilio.com', method: 'GET' } });
    await kit.control.injectFault({ kind: 'status', status: 503 });

    await expect(client.api.v2010.accounts(seeded.sid).fetch()).rejects.toMatchObject({ status: 502 });
    await expect(client.api.v2010.accounts(seeded.sid).balance.fetch()).rejects.toMatchObject({ status: 500 });
    await expect(client.api.v2010.accounts(seeded.sid).balance.fetch()).rejects.toMatchObject({ status: 503 });
    await expect(client.api.v2010.accounts(seeded.sid).balance.fetch()).resolves.toMatchObject({ balance: '20.00' });
  });

  it('overwrites fields of a successful answer with a corrupt fault, leaving errors alone', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'corrupt', fields: { status: 'sleeping' }, times: 2 });
    const corrupted = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`, { credentials: seeded });
    expect(await jsonOf(corrupted)).toMatchObject({ sid: seeded.sid, status: 'sleeping' });

    const refused = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`, {
      credentials: { ...seeded, authToken: 'f'.repeat(32) },
    });
    expect(await jsonOf(refused)).toMatchObject({ code: 20003, status: 401 });
  });

  it('delays a request by a latency fault, then answers it normally', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'latency', ms: 250 });
    const started = Date.now();
    await clientFor(seeded).api.v2010.accounts(seeded.sid).fetch();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('never answers a timed-out request, which the client reports as a timeout', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'timeout' });
    const error = await rejectionOf(clientFor(seeded, { timeoutMs: 300 }).api.v2010.accounts(seeded.sid).fetch());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ failure: 'timeout' });
    expect(await kit.control.requests()).toMatchObject([
      { path: `/2010-04-01/Accounts/${seeded.sid}.json`, status: null },
    ]);
  });

  it('drops the connection without a response, which the client reports as a reset', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'drop' });
    const error = await rejectionOf(clientFor(seeded).api.v2010.accounts(seeded.sid).fetch());
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ failure: 'reset' });
    expect(await kit.control.requests()).toMatchObject([{ status: null }]);
  });

  it('releases a held request on reset', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'timeout' });
    const pending = raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`, { credentials: seeded });
    await waitFor(async () => (await kit.control.requests()).length === 1);
    await kit.control.reset();
    await expect(pending).rejects.toThrow();
  });

  it('can be cleared before they fire', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'drop', times: 5 });
    await kit.control.clearFaults();
    await expect(clientFor(seeded).api.v2010.accounts(seeded.sid).fetch()).resolves.toMatchObject({ sid: seeded.sid });
  });

  it('can end one fault and leave the others, so tests sharing the fake do not undo each other’s', async () => {
    const seeded = await kit.control.seedAccount();
    const mine = await kit.control.injectFault({ kind: 'drop', times: 5, match: { pathIncludes: seeded.sid } });
    const theirs = await kit.control.injectFault({ kind: 'status', status: 503, match: { pathIncludes: 'Elsewhere' } });
    await kit.control.removeFault(mine.id);
    await expect(clientFor(seeded).api.v2010.accounts(seeded.sid).fetch()).resolves.toMatchObject({ sid: seeded.sid });
    expect(kit.fake.state.faults().map((fault) => fault.id)).toEqual([theirs.id]);
    // An id already gone answers the same.
    await kit.control.removeFault(mine.id);
  });

  it('notes on each logged request the fault it applied, so a suite can count the faults that fired', async () => {
    const seeded = await kit.control.seedAccount();
    const accountPath = `/2010-04-01/Accounts/${seeded.sid}.json`;
    const limited = await kit.control.injectFault({ kind: 'rate_limit', times: 2, match: { pathIncludes: '.json' } });
    // Matches only the balance: the account fetch's successful retry passes it by, the balance request meets it.
    const lost = await kit.control.injectFault({ kind: 'drop', afterCommit: true, match: { pathIncludes: 'Balance' } });
    // Never matched: a fault that did not fire is not on any request.
    await kit.control.injectFault({ kind: 'status', status: 500, match: { pathIncludes: '/Calls.json' } });

    await clientFor(seeded, { maxAttempts: 3 }).api.v2010.accounts(seeded.sid).fetch();
    await expect(
      raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}/Balance.json`, { credentials: seeded }),
    ).rejects.toThrow();

    const rateLimited = { id: limited.id, kind: 'rate_limit', afterCommit: false };
    expect((await kit.control.requests()).map(({ path, status, fault }) => ({ path, status, fault }))).toEqual([
      { path: accountPath, status: 429, fault: rateLimited },
      { path: accountPath, status: 429, fault: rateLimited },
      { path: accountPath, status: 200, fault: null },
      {
        path: `/2010-04-01/Accounts/${seeded.sid}/Balance.json`,
        status: null,
        fault: { id: lost.id, kind: 'drop', afterCommit: true },
      },
    ]);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const isAddressInUse = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';

/**
 * A fake on a fixed port base that was free a moment ago. Only the base is
 * probed, so fakes started by test files running alongside may hold one of
 * the next four ports: such a base is given up and another probed.
 */
async function startOnProbedBase(): Promise<{ fixed: FakeTwilio; base: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const probe = await startFakeTwilio();
    const base = Number(new URL(probe.hosts['api.twilio.com']).port);
    await probe.close();
    try {
      return { fixed: await startFakeTwilio({ portBase: base }), base };
    } catch (error) {
      if (attempt >= 10 || !isAddressInUse(error)) throw error;
    }
  }
}

describe('a separately started fake', () => {
  it('adds the global latency to every request', async () => {
    const slow = await startFakeTwilio({ latencyMs: 200 });
    try {
      const seeded = slow.state.createAccount();
      const started = Date.now();
      const response = await raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`, {
        credentials: seeded,
        hosts: slow.hosts,
      });
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      await slow.close();
    }
  });

  it('closes promptly while a request is held and a keep-alive connection is idle', async () => {
    const other = await startFakeTwilio();
    const seeded = other.state.createAccount();
    // An idle keep-alive socket in the request client's agent…
    await clientFor(seeded, { hosts: other.hosts }).api.v2010.accounts(seeded.sid).fetch();
    // …and a request that will never be answered.
    other.state.addFault({ kind: 'timeout' });
    const held = raw('api.twilio.com', `/2010-04-01/Accounts/${seeded.sid}.json`, {
      credentials: seeded,
      hosts: other.hosts,
    });
    await waitFor(() => Promise.resolve(other.state.requests().length === 2));

    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(held).rejects.toThrow();
    await expect(fetch(`${other.hosts['api.twilio.com']}/`)).rejects.toThrow();
  });

  it('uses fixed ports from a port base', async () => {
    const { fixed, base } = await startOnProbedBase();
    try {
      expect(fixed.hosts).toEqual({
        'api.twilio.com': `http://127.0.0.1:${base}`,
        'messaging.twilio.com': `http://127.0.0.1:${base + 1}`,
        'pricing.twilio.com': `http://127.0.0.1:${base + 2}`,
        'trusthub.twilio.com': `http://127.0.0.1:${base + 3}`,
      });
      expect(fixed.controlUrl).toBe(`http://127.0.0.1:${base + 4}`);
    } finally {
      await fixed.close();
    }
  });
});

describe('control API', () => {
  it('seeds a valid random account with defaults', async () => {
    const seeded = await kit.control.seedAccount();
    expect(seeded.sid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(seeded.authToken).toMatch(/^[0-9a-f]{32}$/);
    expect(seeded).toMatchObject({ status: 'active', type: 'Full', ownerAccountSid: seeded.sid, currency: 'USD' });
    expect(kit.fake.state.getAccount(seeded.sid)?.authToken).toBe(seeded.authToken);
  });

  it('reports the host map of the running fake', async () => {
    expect(await kit.control.hosts()).toEqual(kit.fake.hosts);
  });

  it.each<[string, () => Promise<unknown>, number, RegExp]>([
    ['a malformed SID', () => kit.control.seedAccount({ sid: 'AC123' }), 400, /32 hex digits[\s\S]*at sid/],
    ['a misspelt field', () => kit.control.seedAccount({ frendlyName: 'x' } as never), 400, /frendlyName/],
    ['an unknown fault kind', () => kit.control.injectFault({ kind: 'explode' } as never), 400, /kind/],
    ['a fault without its parameter', () => kit.control.injectFault({ kind: 'latency' } as never), 400, /ms/],
    [
      'an unknown owner',
      () => kit.control.seedAccount({ ownerAccountSid: `AC${'1'.repeat(32)}` }),
      400,
      /seed it first/,
    ],
    [
      'a patch of an unknown account',
      () => kit.control.updateAccount(`AC${'2'.repeat(32)}`, {}),
      404,
      /does not exist/,
    ],
    [
      'a service of an unknown account',
      () => kit.control.seedMessagingService({ accountSid: `AC${'3'.repeat(32)}`, friendlyName: 'x' }),
      400,
      /seed it first/,
    ],
  ])('refuses %s with a readable message', async (_label, call, status, message) => {
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(FakeTwilioControlError);
    expect(error).toMatchObject({ status });
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a duplicate SID with 409', async () => {
    const seeded = await kit.control.seedAccount();
    await expect(kit.control.seedAccount({ sid: seeded.sid })).rejects.toMatchObject({ status: 409 });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${kit.fake.controlUrl}/faults`, { method: 'POST', body: '{nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The request body is not valid JSON' });
  });

  it('forgets everything on reset', async () => {
    const seeded = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'drop' });
    await clientFor(seeded)
      .api.v2010.accounts(seeded.sid)
      .fetch()
      .catch(() => undefined);
    await kit.control.reset();

    expect(await kit.control.requests()).toEqual([]);
    expect(kit.fake.state.faults()).toEqual([]);
    expect(kit.fake.state.getAccount(seeded.sid)).toBeUndefined();
  });
});

describe('FakeState', () => {
  it('stamps records with its clock in whole seconds', () => {
    const state = new FakeState({ now: () => new Date('2026-11-24T21:52:58.789Z') });
    const account = state.createAccount();
    expect(account.dateCreated.toISOString()).toBe('2026-11-24T21:52:58.000Z');
    expect(
      state.recordRequest({ host: 'api.twilio.com', method: 'GET', path: '/', query: {}, form: {}, accountSid: null })
        .time,
    ).toBe('2026-11-24T21:52:58.789Z');
  });

  it('counts a fault down over its `times` and then drops it', () => {
    const state = new FakeState();
    state.addFault({ kind: 'drop', times: 2 });
    const line = { host: 'api.twilio.com' as const, method: 'GET', path: '/x' };
    expect(state.takeFault(line)).toMatchObject({ kind: 'drop', remaining: 1 });
    expect(state.takeFault(line)).toMatchObject({ kind: 'drop', remaining: 0 });
    expect(state.takeFault(line)).toBeUndefined();
  });
});
