/**
 * The fake's calls, messages and usage records, which the Costs screen
 * reads: the exact wire, Twilio's inclusive time filters, newest-first
 * paging, usage derived from the records (so the bill and its records
 * agree), prices Twilio fills in later, the usage date parameters, and the
 * control API that seeds all of it. Driven through the official `twilio`
 * package where it proves the shapes, raw HTTP where the exact wire is
 * under test.
 */
import { describe, expect, it } from 'vitest';
import {
  FakeTwilioControlError,
  type SeedCallInput,
  type SeededAccount,
  type SeedMessageInput,
} from './control-client';
import { addMoney, addQuantity, isZeroAmount } from './money';
import { FakeState } from './state';
import { jsonOf, rejectionOf, useFakeTwilio } from './test-kit';

// Property names of the official schemas (twilio-oai spec/json, commit d50069b), copied so this
// suite runs without the specs; the contract suite checks the full schemas through Prism.
const CALL_KEYS = [
  'sid',
  'date_created',
  'date_updated',
  'parent_call_sid',
  'account_sid',
  'to',
  'to_formatted',
  'from',
  'from_formatted',
  'phone_number_sid',
  'status',
  'start_time',
  'end_time',
  'duration',
  'price',
  'price_unit',
  'direction',
  'answered_by',
  'api_version',
  'forwarded_from',
  'group_sid',
  'caller_name',
  'queue_time',
  'trunk_sid',
  'uri',
  'subresource_uris',
];
const MESSAGE_KEYS = [
  'body',
  'num_segments',
  'direction',
  'from',
  'to',
  'date_updated',
  'price',
  'error_message',
  'uri',
  'account_sid',
  'num_media',
  'status',
  'messaging_service_sid',
  'sid',
  'date_sent',
  'date_created',
  'error_code',
  'price_unit',
  'api_version',
  'subresource_uris',
];
/** usage_record and its Monthly, ThisMonth and LastMonth variants alike. */
const USAGE_RECORD_KEYS = [
  'account_sid',
  'api_version',
  'as_of',
  'category',
  'count',
  'count_unit',
  'description',
  'end_date',
  'price',
  'price_unit',
  'start_date',
  'subresource_uris',
  'uri',
  'usage',
  'usage_unit',
];
const V2010_PAGE_KEYS = [
  'page',
  'page_size',
  'start',
  'end',
  'uri',
  'first_page_uri',
  'next_page_uri',
  'previous_page_uri',
];
const RFC_2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
const AS_OF = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

const OURS = '+14155550100';
const CALLER = '+14155550199';
const OTHER = '+14155550123';

const kit = useFakeTwilio();
const { clientFor, raw } = kit;

type Json = Record<string, unknown>;

/** GET on api.twilio.com as this account, with a query. */
function get(account: SeededAccount, path: string, query: Record<string, string> = {}) {
  const qs = new URLSearchParams(query).toString();
  return raw('api.twilio.com', `/2010-04-01/Accounts/${account.sid}/${path}${qs === '' ? '' : `?${qs}`}`, {
    credentials: account,
  });
}

/** A list's items under `key`, asserting a 200. */
async function itemsOf(account: SeededAccount, path: string, key: string, query: Record<string, string> = {}) {
  const response = await get(account, path, query);
  expect(response.status).toBe(200);
  return (await jsonOf(response))[key] as Json[];
}

const sidsOf = (items: readonly Json[]) => items.map((item) => item.sid);

/** Usage records as `category → record`, for one list. */
async function usageOf(account: SeededAccount, list: string, query: Record<string, string> = {}) {
  const records = await itemsOf(account, `Usage/Records${list}.json`, 'usage_records', query);
  return new Map(records.map((record) => [record.category as string, record]));
}

const OCTOBER = { StartDate: '2025-10-01', EndDate: '2025-10-31' };

const call = (overrides: Partial<SeedCallInput> = {}): SeedCallInput => ({
  from: CALLER,
  to: OURS,
  direction: 'inbound',
  startTime: '2025-10-03T12:00:00Z',
  durationSeconds: 60,
  price: '-0.0085',
  ...overrides,
});

const message = (overrides: Partial<SeedMessageInput> = {}): SeedMessageInput => ({
  from: OURS,
  to: CALLER,
  direction: 'outbound-api',
  dateSent: '2025-10-05T09:30:00Z',
  numSegments: 1,
  price: '-0.0079',
  ...overrides,
});

/** Today and the day `days` from it, UTC; read before and after a request, so a midnight in between is allowed. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('calls', () => {
  it("puts exactly the spec fields on the wire, with RFC 2822 times and the owned number's SID", async () => {
    const account = await kit.control.seedAccount();
    const owned = await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: OURS });
    const { sids } = await kit.control.seedCalls(account.sid, [
      call({ durationSeconds: 61, price: '-0.0170' }),
      call({ from: OURS, to: CALLER, direction: 'outbound-api' }),
      call({ to: OTHER, price: null }),
    ]);
    const [inbound, outbound, elsewhere] = sids;

    const response = await get(account, `Calls/${inbound ?? ''}.json`);
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...CALL_KEYS].sort());
    expect(body).toMatchObject({
      sid: inbound,
      account_sid: account.sid,
      from: CALLER,
      from_formatted: '(415) 555-0199',
      to: OURS,
      to_formatted: '(415) 555-0100',
      direction: 'inbound',
      status: 'completed',
      start_time: 'Fri, 03 Oct 2025 12:00:00 +0000',
      end_time: 'Fri, 03 Oct 2025 12:01:01 +0000',
      duration: '61',
      price: '-0.0170',
      price_unit: 'USD',
      phone_number_sid: owned.sid,
      parent_call_sid: null,
      api_version: '2010-04-01',
      uri: `/2010-04-01/Accounts/${account.sid}/Calls/${inbound ?? ''}.json`,
    });
    expect(body.date_created).toMatch(RFC_2822);
    expect((body.subresource_uris as Json).recordings).toBe(
      `/2010-04-01/Accounts/${account.sid}/Calls/${inbound ?? ''}/Recordings.json`,
    );

    // An outbound call names the number it came from; a number the account does not own, none.
    const calls = await itemsOf(account, 'Calls.json', 'calls');
    const byCallSid = new Map(calls.map((item) => [item.sid, item]));
    expect(byCallSid.get(outbound)).toMatchObject({ direction: 'outbound-api', phone_number_sid: owned.sid });
    expect(byCallSid.get(elsewhere)).toMatchObject({ phone_number_sid: null, price: null });
  });

  it('lists through the twilio package, which reads the times and sends StartTime> as a date-time', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedCalls(account.sid, [
      call({ startTime: '2025-10-01T23:59:59Z' }),
      call({ startTime: '2025-10-02T00:00:00Z', durationSeconds: 90 }),
    ]);
    const calls = await clientFor(account)
      .api.v2010.accounts(account.sid)
      .calls.list({ startTimeAfter: new Date('2025-10-02T00:00:00Z') });
    expect(calls.map((item) => [item.startTime.toISOString(), item.duration, item.price])).toEqual([
      ['2025-10-02T00:00:00.000Z', '90', '-0.0085'],
    ]);
    const [request] = await kit.control.requests({ pathIncludes: '/Calls.json' });
    expect(request?.query['StartTime>']).toBe('2025-10-02T00:00:00Z');
  });

  it('reads StartTime and EndTime days inclusively: >= on or after, <= on or before, = on', async () => {
    const account = await kit.control.seedAccount();
    const { sids } = await kit.control.seedCalls(account.sid, [
      call({ startTime: '2025-10-01T00:00:00Z' }),
      // Ends ten seconds into the 2nd.
      call({ startTime: '2025-10-01T23:59:50Z', durationSeconds: 20 }),
      call({ startTime: '2025-10-02T12:00:00Z' }),
      call({ startTime: '2025-10-03T00:00:00Z' }),
    ]);
    const [first, lastOfDay, second, third] = sids;
    const list = (query: Record<string, string>) =>
      itemsOf(account, 'Calls.json', 'calls', query).then((calls) => sidsOf(calls));

    expect(await list({})).toEqual([third, second, lastOfDay, first]);
    expect(await list({ 'StartTime>': '2025-10-02' })).toEqual([third, second]);
    expect(await list({ 'StartTime<': '2025-10-01' })).toEqual([lastOfDay, first]);
    expect(await list({ StartTime: '2025-10-01' })).toEqual([lastOfDay, first]);
    expect(await list({ 'StartTime>': '2025-10-01', 'StartTime<': '2025-10-02' })).toEqual([second, lastOfDay, first]);
    // A date-time compares the instant itself.
    expect(await list({ 'StartTime>': '2025-10-01T23:59:50Z' })).toEqual([third, second, lastOfDay]);
    expect(await list({ 'StartTime<': '2025-10-01T23:59:50+00:00' })).toEqual([lastOfDay, first]);
    expect(await list({ StartTime: '2025-10-02T14:00:00+02:00' })).toEqual([second]);
    expect(await list({ EndTime: '2025-10-02' })).toEqual([second, lastOfDay]);
    expect(await list({ 'EndTime<': '2025-10-01' })).toEqual([first]);
    expect(await list({ 'EndTime>': '2025-10-03' })).toEqual([third]);
  });

  it('filters by To, From and Status', async () => {
    const account = await kit.control.seedAccount();
    const { sids } = await kit.control.seedCalls(account.sid, [
      call({ startTime: '2025-10-03T12:00:00Z' }),
      call({ startTime: '2025-10-03T13:00:00Z', from: OURS, to: OTHER, direction: 'outbound-dial' }),
      call({ startTime: '2025-10-03T14:00:00Z', status: 'no-answer', durationSeconds: 0, price: '0' }),
    ]);
    const [answered, dialled, missed] = sids;
    const list = (query: Record<string, string>) =>
      itemsOf(account, 'Calls.json', 'calls', query).then((calls) => sidsOf(calls));

    expect(await list({ To: OURS })).toEqual([missed, answered]);
    expect(await list({ From: OURS })).toEqual([dialled]);
    expect(await list({ Status: 'no-answer' })).toEqual([missed]);
    expect(await list({ Status: 'completed', To: OTHER })).toEqual([dialled]);
    // The fake's calls have no child legs.
    expect(await list({ ParentCallSid: `CA${'0'.repeat(32)}` })).toEqual([]);
  });

  it('pages newest first with ties broken by SID, and the twilio package follows every page', async () => {
    const account = await kit.control.seedAccount();
    const sameTime = '2025-10-10T10:00:00Z';
    const { sids } = await kit.control.seedCalls(account.sid, [
      call({ startTime: '2025-10-01T10:00:00Z' }),
      call({ startTime: sameTime }),
      call({ startTime: sameTime }),
      call({ startTime: sameTime }),
      call({ startTime: '2025-10-20T10:00:00Z' }),
    ]);
    const tied = sids.slice(1, 4).sort();
    const expected = [sids[4], ...tied, sids[0]];

    const seen: unknown[] = [];
    let path: string | null = `/2010-04-01/Accounts/${account.sid}/Calls.json?PageSize=2`;
    while (path !== null) {
      const response = await raw('api.twilio.com', path, { credentials: account });
      const page = await jsonOf(response);
      expect(Object.keys(page).sort()).toEqual([...V2010_PAGE_KEYS, 'calls'].sort());
      seen.push(...sidsOf(page.calls as Json[]));
      path = page.next_page_uri as string | null;
    }
    expect(seen).toEqual(expected);

    const listed = await clientFor(account).api.v2010.accounts(account.sid).calls.list({ pageSize: 2 });
    expect(listed.map((item) => item.sid)).toEqual(expected);
  });

  it("answers 404 / 20404 for another account's call, an unknown SID and another account's list", async () => {
    const mine = await kit.control.seedAccount();
    const theirs = await kit.control.seedAccount();
    const {
      sids: [theirCall],
    } = await kit.control.seedCalls(theirs.sid, [call()]);

    for (const response of [
      await get(mine, `Calls/${theirCall ?? ''}.json`),
      await get(mine, `Calls/CA${'0'.repeat(32)}.json`),
      await raw('api.twilio.com', `/2010-04-01/Accounts/${theirs.sid}/Calls/${theirCall ?? ''}.json`, {
        credentials: mine,
      }),
      await raw('api.twilio.com', `/2010-04-01/Accounts/${theirs.sid}/Calls.json`, { credentials: mine }),
    ]) {
      expect(response.status).toBe(404);
      expect(await jsonOf(response)).toMatchObject({ status: 404, code: 20404 });
    }
    expect(await itemsOf(mine, 'Calls.json', 'calls')).toEqual([]);
  });

  it.each([
    ['StartTime>', 'yesterday'],
    ['StartTime<', '2025-02-30'],
    ['EndTime', '2025-10-01T25:00:00Z'],
    ['Status', 'done'],
  ])('answers 400 / 20001 for %s=%s', async (name, value) => {
    const account = await kit.control.seedAccount();
    const response = await get(account, 'Calls.json', { [name]: value });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({ code: 20001, message: `Invalid parameter: ${name}` });
  });
});

describe('messages', () => {
  it('puts exactly the spec fields on the wire, body included, with default statuses by direction', async () => {
    const account = await kit.control.seedAccount();
    const service = await kit.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Front desk' });
    const { sids } = await kit.control.seedMessages(account.sid, [
      message({ body: 'See you at 3pm', numSegments: 2, price: '-0.0158', messagingServiceSid: service.sid }),
      message({ from: CALLER, to: OURS, direction: 'inbound', dateSent: '2025-10-05T09:31:00Z', price: null }),
    ]);
    const [sent, received] = sids;

    const response = await get(account, `Messages/${sent ?? ''}.json`);
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...MESSAGE_KEYS].sort());
    expect(body).toMatchObject({
      sid: sent,
      account_sid: account.sid,
      from: OURS,
      to: CALLER,
      direction: 'outbound-api',
      status: 'delivered',
      body: 'See you at 3pm',
      num_segments: '2',
      num_media: '0',
      price: '-0.0158',
      price_unit: 'USD',
      messaging_service_sid: service.sid,
      error_code: null,
      error_message: null,
      date_sent: 'Sun, 05 Oct 2025 09:30:00 +0000',
      uri: `/2010-04-01/Accounts/${account.sid}/Messages/${sent ?? ''}.json`,
    });
    expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(body.date_created).toMatch(RFC_2822);

    const fetched = await clientFor(account)
      .api.v2010.accounts(account.sid)
      .messages(received ?? '')
      .fetch();
    expect(fetched).toMatchObject({ status: 'received', direction: 'inbound', price: null, body: '' });
    expect(fetched.dateSent.toISOString()).toBe('2025-10-05T09:31:00.000Z');
  });

  it('filters by To, From and inclusive DateSent days, newest first', async () => {
    const account = await kit.control.seedAccount();
    const { sids } = await kit.control.seedMessages(account.sid, [
      message({ dateSent: '2025-10-01T00:00:00Z' }),
      message({ dateSent: '2025-10-01T23:59:59Z', from: CALLER, to: OURS, direction: 'inbound' }),
      message({ dateSent: '2025-10-02T08:00:00Z', to: OTHER, direction: 'outbound-reply' }),
    ]);
    const [first, reply, second] = sids;
    const list = (query: Record<string, string>) =>
      itemsOf(account, 'Messages.json', 'messages', query).then((messages) => sidsOf(messages));

    expect(await list({})).toEqual([second, reply, first]);
    expect(await list({ 'DateSent>': '2025-10-01' })).toEqual([second, reply, first]);
    expect(await list({ 'DateSent<': '2025-10-01' })).toEqual([reply, first]);
    expect(await list({ DateSent: '2025-10-02' })).toEqual([second]);
    expect(await list({ 'DateSent>': '2025-10-01T12:00:00Z' })).toEqual([second, reply]);
    expect(await list({ To: OURS })).toEqual([reply]);
    expect(await list({ From: OURS, 'DateSent<': '2025-10-01' })).toEqual([first]);

    const response = await get(account, 'Messages.json', { 'DateSent>': 'last week' });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({ code: 20001, message: 'Invalid parameter: DateSent>' });
  });

  it("answers 404 / 20404 for another account's message", async () => {
    const mine = await kit.control.seedAccount();
    const theirs = await kit.control.seedAccount();
    const {
      sids: [theirMessage],
    } = await kit.control.seedMessages(theirs.sid, [message()]);
    const response = await get(mine, `Messages/${theirMessage ?? ''}.json`);
    expect(response.status).toBe(404);
    expect(await jsonOf(response)).toMatchObject({ code: 20404 });
  });
});

describe('usage records', () => {
  it('derives calls-inbound from the calls: billed minutes, exact price, every spec field', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedCalls(account.sid, [
      call({ durationSeconds: 61 }),
      call({ durationSeconds: 60 }),
      call({ durationSeconds: 1 }),
      // Another month: not in October's figures.
      call({ startTime: '2025-11-01T00:00:00Z', durationSeconds: 600, price: '-1.00' }),
    ]);

    const response = await get(account, 'Usage/Records/Monthly.json', OCTOBER);
    expect(response.status).toBe(200);
    const page = await jsonOf(response);
    expect(Object.keys(page).sort()).toEqual([...V2010_PAGE_KEYS, 'usage_records'].sort());
    const records = page.usage_records as Json[];
    expect(records.map((record) => record.category)).toEqual(['calls', 'calls-inbound', 'totalprice']);
    const inbound = records[1] ?? {};
    expect(Object.keys(inbound).sort()).toEqual([...USAGE_RECORD_KEYS].sort());
    expect(inbound).toEqual({
      account_sid: account.sid,
      api_version: '2010-04-01',
      as_of: expect.stringMatching(AS_OF) as unknown,
      category: 'calls-inbound',
      count: '3',
      count_unit: 'calls',
      description: 'Inbound Voice Minutes',
      start_date: '2025-10-01',
      end_date: '2025-10-31',
      // 61 s is two started minutes, 60 s one, 1 s one.
      usage: '4',
      usage_unit: 'minutes',
      price: '0.0255',
      price_unit: 'usd',
      uri: `/2010-04-01/Accounts/${account.sid}/Usage/Records/Monthly.json?Category=calls-inbound&StartDate=2025-10-01&EndDate=2025-10-31`,
      subresource_uris: expect.objectContaining({
        monthly: `/2010-04-01/Accounts/${account.sid}/Usage/Records/Monthly.json?Category=calls-inbound`,
        all_time: `/2010-04-01/Accounts/${account.sid}/Usage/Records/AllTime.json?Category=calls-inbound`,
      }) as unknown,
    });
    expect(Object.keys(inbound.subresource_uris as Json).sort()).toEqual(
      ['all_time', 'daily', 'last_month', 'monthly', 'this_month', 'today', 'yearly', 'yesterday'].sort(),
    );
    expect(records[0]).toMatchObject({ description: 'Voice Minutes', count: '3', usage: '4', price: '0.0255' });
    expect(records[2]).toMatchObject({
      description: 'Total Price',
      count: '0',
      usage: '0.0255',
      usage_unit: 'usd',
      price: '0.0255',
    });
  });

  it('splits outbound calls (API and dialled) from inbound, and SMS by direction in messages and segments', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedCalls(account.sid, [
      call({ durationSeconds: 30, price: '-0.0085' }),
      call({ from: OURS, to: CALLER, direction: 'outbound-api', durationSeconds: 125, price: '-0.0420' }),
      call({ from: OURS, to: OTHER, direction: 'outbound-dial', durationSeconds: 59, price: '-0.0140' }),
    ]);
    await kit.control.seedMessages(account.sid, [
      message({ numSegments: 3, price: '-0.0237' }),
      message({ direction: 'outbound-reply', numSegments: 1, price: '-0.0079' }),
      message({ from: CALLER, to: OURS, direction: 'inbound', numSegments: 2, price: '-0.0158' }),
    ]);

    const usage = await usageOf(account, '/Monthly', OCTOBER);
    const figures = (category: string) => {
      const record = usage.get(category) ?? {};
      return [record.count, record.usage, record.price];
    };
    expect([...usage.keys()]).toEqual([
      'calls',
      'calls-inbound',
      'calls-outbound',
      'sms',
      'sms-inbound',
      'sms-outbound',
      'totalprice',
    ]);
    expect(figures('calls-inbound')).toEqual(['1', '1', '0.0085']);
    expect(figures('calls-outbound')).toEqual(['2', '4', '0.0560']);
    expect(figures('calls')).toEqual(['3', '5', '0.0645']);
    expect(figures('sms-inbound')).toEqual(['1', '2', '0.0158']);
    expect(figures('sms-outbound')).toEqual(['2', '4', '0.0316']);
    expect(figures('sms')).toEqual(['3', '6', '0.0474']);
    expect(usage.get('sms')).toMatchObject({
      description: 'SMS Messages',
      count_unit: 'messages',
      usage_unit: 'segments',
    });
    expect(usage.get('totalprice')?.price).toBe('0.1119');
  });

  it('counts unrated calls and messages but prices them only once Twilio rates them', async () => {
    const account = await kit.control.seedAccount();
    const {
      sids: [unratedCall],
    } = await kit.control.seedCalls(account.sid, [call({ price: null }), call({ durationSeconds: 61 })]);
    const {
      sids: [unratedMessage],
    } = await kit.control.seedMessages(account.sid, [message({ price: null })]);

    const before = await usageOf(account, '/Monthly', OCTOBER);
    expect(before.get('calls-inbound')).toMatchObject({ count: '2', usage: '3', price: '0.0085' });
    expect(before.get('sms-outbound')).toMatchObject({ count: '1', usage: '1', price: '0' });
    expect(before.get('totalprice')?.price).toBe('0.0085');

    const rated = await kit.control.rateCall(unratedCall ?? '', '-0.0170');
    expect(rated).toMatchObject({ sid: unratedCall, price: '-0.0170', durationSeconds: 60 });
    expect(rated.dateUpdated > rated.endTime).toBe(true);
    await kit.control.rateMessage(unratedMessage ?? '', '-0.0079');

    const after = await usageOf(account, '/Monthly', OCTOBER);
    expect(after.get('calls-inbound')).toMatchObject({ count: '2', usage: '3', price: '0.0255' });
    expect(after.get('sms-outbound')).toMatchObject({ count: '1', price: '0.0079' });
    expect(after.get('totalprice')?.price).toBe('0.0334');
    const fetched = await clientFor(account)
      .api.v2010.accounts(account.sid)
      .calls(unratedCall ?? '')
      .fetch();
    expect(fetched.price).toBe('-0.0170');
  });

  it('sums calls, SMS and seeded categories into totalprice, a seeded phonenumbers charge included', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedCalls(account.sid, [call({ price: '-0.0085' })]);
    await kit.control.seedMessages(account.sid, [message({ price: '-0.0079' })]);
    await kit.control.seedUsageRecords(account.sid, [
      { category: 'phonenumbers', month: '2025-10', price: '1.15', count: '1', usage: '1' },
      { category: 'a2p-registration-fees', month: '2025-10', price: '4.00' },
      // Seeding a month again replaces it.
      { category: 'phonenumbers', month: '2025-10', price: '2.30', count: '2', usage: '2' },
      { category: 'phonenumbers', month: '2025-11', price: '2.30', count: '2', usage: '2' },
    ]);

    const usage = await usageOf(account, '/Monthly', OCTOBER);
    expect(usage.get('phonenumbers')).toMatchObject({
      description: 'Phone Numbers',
      count: '2',
      count_unit: 'numbers',
      usage: '2',
      usage_unit: 'numbers',
      price: '2.30',
      price_unit: 'usd',
    });
    expect(usage.get('a2p-registration-fees')).toMatchObject({ description: 'A2P Registration Fees', count: '0' });
    expect(usage.get('totalprice')?.price).toBe('6.3164');
  });

  it('gives Monthly records per category per month, totalprice for every month, each covering its month', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedCalls(account.sid, [
      call({ startTime: '2025-10-03T12:00:00Z' }),
      call({ startTime: '2025-12-31T23:59:59Z', price: '-0.0170' }),
    ]);
    const records = await itemsOf(account, 'Usage/Records/Monthly.json', 'usage_records', {
      StartDate: '2025-10-15',
      EndDate: '2025-12-10',
    });
    expect(records.map((record) => [record.start_date, record.end_date, record.category, record.price])).toEqual([
      ['2025-10-01', '2025-10-31', 'calls', '0.0085'],
      ['2025-10-01', '2025-10-31', 'calls-inbound', '0.0085'],
      ['2025-10-01', '2025-10-31', 'totalprice', '0.0085'],
      ['2025-11-01', '2025-11-30', 'totalprice', '0'],
      ['2025-12-01', '2025-12-31', 'calls', '0.0170'],
      ['2025-12-01', '2025-12-31', 'calls-inbound', '0.0170'],
      ['2025-12-01', '2025-12-31', 'totalprice', '0.0170'],
    ]);

    const totals = await itemsOf(account, 'Usage/Records/Monthly.json', 'usage_records', {
      Category: 'totalprice',
      StartDate: '2025-10-15',
      EndDate: '2025-12-10',
      PageSize: '2',
    });
    expect(totals.map((record) => record.start_date)).toEqual(['2025-10-01', '2025-11-01']);
    // Without dates: every month from the first with usage to this one.
    const allMonths = await itemsOf(account, 'Usage/Records/Monthly.json', 'usage_records', {
      Category: 'totalprice',
      PageSize: '1000',
    });
    expect(allMonths[0]?.start_date).toBe('2025-10-01');
    expect(allMonths.at(-1)?.start_date).toBe(`${dayFromNow(0).slice(0, 7)}-01`);
  });

  it('gives one record per category for the whole period on Records.json, and all time without StartDate', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedCalls(account.sid, [
      call({ startTime: '2025-09-20T08:00:00Z', price: '-0.0100' }),
      call({ startTime: '2025-10-03T12:00:00Z' }),
      call({ startTime: '2025-10-31T23:59:59Z' }),
    ]);

    const october = await usageOf(account, '', { ...OCTOBER, Category: 'calls' });
    expect([...october.values()]).toEqual([
      expect.objectContaining({ start_date: '2025-10-01', end_date: '2025-10-31', count: '2', price: '0.0170' }),
    ]);
    expect(october.get('calls')?.uri).toBe(
      `/2010-04-01/Accounts/${account.sid}/Usage/Records.json?Category=calls&StartDate=2025-10-01&EndDate=2025-10-31`,
    );

    const today = dayFromNow(0);
    const allTime = await usageOf(account, '');
    expect(allTime.get('calls')).toMatchObject({ start_date: '2025-09-20', count: '3', price: '0.0270' });
    expect([today, dayFromNow(0)]).toContain(allTime.get('calls')?.end_date);
  });

  it("reads StartDate and EndDate offsets from the fake's today", async () => {
    const account = await kit.control.seedAccount();
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await kit.control.seedCalls(account.sid, [call({ startTime: daysAgo(10) }), call({ startTime: daysAgo(40) })]);

    const before = [dayFromNow(-30), dayFromNow(0)];
    const usage = await usageOf(account, '', { StartDate: '-30days', EndDate: '+0days', Category: 'calls' });
    const after = [dayFromNow(-30), dayFromNow(0)];
    const record = usage.get('calls');
    expect(record?.count).toBe('1');
    expect([before, after]).toContainEqual([record?.start_date, record?.end_date]);

    const older = await usageOf(account, '', { StartDate: '-45days', EndDate: '-20days', Category: 'calls' });
    expect(older.get('calls')?.count).toBe('1');
  });

  it('gives ThisMonth and LastMonth their own month, whatever the dates asked', async () => {
    const account = await kit.control.seedAccount();
    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    const lastMonthDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
    await kit.control.seedCalls(account.sid, [
      call({ startTime: now.toISOString(), price: '-0.0170' }),
      call({ startTime: lastMonthDay.toISOString() }),
    ]);

    const current = await usageOf(account, '/ThisMonth', OCTOBER);
    expect(current.get('calls')).toMatchObject({ start_date: `${thisMonth}-01`, count: '1', price: '0.0170' });
    const previous = await usageOf(account, '/LastMonth');
    expect(previous.get('calls')).toMatchObject({
      start_date: `${lastMonthDay.toISOString().slice(0, 7)}-01`,
      count: '1',
      price: '0.0085',
    });
  });

  it('reads usage through the twilio package', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedCalls(account.sid, [call()]);
    const records = await clientFor(account)
      .api.v2010.accounts(account.sid)
      .usage.records.monthly.list({
        category: 'calls-inbound',
        startDate: new Date('2025-10-01T00:00:00Z'),
        endDate: new Date('2025-10-31T00:00:00Z'),
      });
    expect(records.map((record) => [record.category, record.count, record.usage, record.price])).toEqual([
      ['calls-inbound', '1', '1', '0.0085'],
    ]);
    const [request] = await kit.control.requests({ pathIncludes: '/Usage/Records/Monthly.json' });
    expect(request?.query).toMatchObject({ StartDate: '2025-10-01', EndDate: '2025-10-31' });
  });

  it('returns only totalprice, at zero, for an account without usage', async () => {
    const account = await kit.control.seedAccount();
    const records = await itemsOf(account, 'Usage/Records/ThisMonth.json', 'usage_records');
    expect(records.map((record) => [record.category, record.count, record.price])).toEqual([['totalprice', '0', '0']]);
  });

  it.each([
    [{ StartDate: 'yesterday' }, 'StartDate'],
    [{ StartDate: '2025-02-30' }, 'StartDate'],
    [{ EndDate: '-30 days' }, 'EndDate'],
    [{ StartDate: '2025-11-01', EndDate: '2025-10-31' }, 'StartDate'],
  ])('answers 400 / 20001 for %j', async (query, name) => {
    const account = await kit.control.seedAccount();
    for (const list of ['Usage/Records.json', 'Usage/Records/Monthly.json']) {
      const response = await get(account, list, query);
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ status: 400, code: 20001, message: `Invalid parameter: ${name}` });
    }
  });
});

describe('control API for calls, messages and usage', () => {
  it('answers SIDs in input order and keeps what it was given', async () => {
    const account = await kit.control.seedAccount();
    const { sids } = await kit.control.seedCalls(account.sid, [call({ durationSeconds: 5 }), call()]);
    expect(sids).toHaveLength(2);
    expect(sids.every((sid) => /^CA[0-9a-f]{32}$/.test(sid))).toBe(true);
    const [first] = sids;
    expect(kit.fake.state.usage.getCall(first ?? '')?.duration).toBe(5);

    const rated = await kit.control.rateMessage(
      (await kit.control.seedMessages(account.sid, [message({ body: 'hello', price: null })])).sids[0] ?? '',
      '-0.0079',
    );
    expect(rated).toMatchObject({ body: 'hello', price: '-0.0079', status: 'delivered', numSegments: 1 });

    await kit.control.reset();
    expect(kit.fake.state.usage.getCall(first ?? '')).toBeUndefined();
    expect(kit.fake.state.usage.getMessage(rated.sid)).toBeUndefined();
  });

  it.each<[string, () => Promise<unknown>, number, RegExp]>([
    [
      'a positive call price',
      () => kit.control.seedCalls(`AC${'1'.repeat(32)}`, [call({ price: '0.0085' })]),
      400,
      /negative[\s\S]*price/,
    ],
    [
      'a caller that is not E.164',
      () => kit.control.seedCalls(`AC${'1'.repeat(32)}`, [call({ from: '4155550199' })]),
      400,
      /E\.164[\s\S]*from/,
    ],
    [
      'a start time that is not ISO 8601',
      () => kit.control.seedCalls(`AC${'1'.repeat(32)}`, [call({ startTime: 'yesterday' })]),
      400,
      /ISO 8601[\s\S]*startTime/,
    ],
    [
      'an unknown direction',
      () => kit.control.seedMessages(`AC${'1'.repeat(32)}`, [message({ direction: 'sideways' as never })]),
      400,
      /direction/,
    ],
    [
      'a misspelt field',
      () => kit.control.seedMessages(`AC${'1'.repeat(32)}`, [{ ...message(), segments: 2 } as never]),
      400,
      /segments/,
    ],
    ['no calls at all', () => kit.control.seedCalls(`AC${'1'.repeat(32)}`, []), 400, /expected array[\s\S]*at calls/],
    ['calls of an unknown account', () => kit.control.seedCalls(`AC${'1'.repeat(32)}`, [call()]), 400, /seed it first/],
    [
      'a month out of range',
      () =>
        kit.control.seedUsageRecords(`AC${'1'.repeat(32)}`, [
          { category: 'phonenumbers', month: '2025-13', price: '1' },
        ]),
      400,
      /month such as/,
    ],
    [
      'a derived category',
      () => kit.control.seedUsageRecords(`AC${'1'.repeat(32)}`, [{ category: 'calls', month: '2025-10', price: '1' }]),
      400,
      /computed from the seeded calls/,
    ],
    [
      'a negative usage price',
      () =>
        kit.control.seedUsageRecords(`AC${'1'.repeat(32)}`, [
          { category: 'phonenumbers', month: '2025-10', price: '-1.15' },
        ]),
      400,
      /decimal string[\s\S]*price/,
    ],
    ['rating an unknown call', () => kit.control.rateCall(`CA${'0'.repeat(32)}`, '-0.0085'), 404, /does not exist/],
    ['a rating that is not a charge', () => kit.control.rateMessage(`SM${'0'.repeat(32)}`, 'free'), 400, /negative/],
  ])('refuses %s with a readable message', async (_label, request, status, text) => {
    const error = await rejectionOf(request());
    expect(error).toBeInstanceOf(FakeTwilioControlError);
    expect(error).toMatchObject({ status });
    expect((error as Error).message).toMatch(text);
  });
});

describe('UsageStore', () => {
  it('adds money exactly where floating point would drift', () => {
    const state = new FakeState({ now: () => new Date('2026-11-24T21:52:58.789Z') });
    const account = state.createAccount();
    state.usage.seedCalls({
      accountSid: account.sid,
      calls: Array.from({ length: 10 }, () => call({ price: '-0.1' })),
    });
    const figures = state.usage.usageBetween(account, '2025-10-01', '2025-10-31');
    expect(figures.find((item) => item.category === 'calls')).toMatchObject({
      count: '10',
      usage: '10',
      price: '1.00',
    });
    expect(state.usage.asOf().toISOString()).toBe('2026-11-24T21:52:58.000Z');
  });

  it('sums with the money helpers: two decimals for money, none added to counts, zero however written', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
    expect(addMoney('0', '0.0085')).toBe('0.0085');
    expect(addQuantity('2', '3')).toBe('5');
    expect([isZeroAmount('-0.000'), isZeroAmount('0.0001')]).toEqual([true, false]);
  });

  it('is emptied by FakeState.reset', () => {
    const state = new FakeState();
    const account = state.createAccount();
    const [seeded] = state.usage.seedMessages({ accountSid: account.sid, messages: [message()] });
    state.reset();
    expect(state.usage.getMessage(seeded?.sid ?? '')).toBeUndefined();
  });
});
