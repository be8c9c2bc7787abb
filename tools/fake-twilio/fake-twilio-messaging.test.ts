/**
 * The fake's Messaging Service membership: updating a service, the numbers
 * in its sender pool (list, add with Twilio's refusals, fetch, remove), a
 * released number leaving its service, faults and the request log on these
 * routes, the control API that seeds and inspects memberships, and the full
 * webhook configuration of an owned number. Driven through the official
 * `twilio` package where it proves the shapes, raw HTTP where the exact wire
 * is under test.
 */
import { describe, expect, it } from 'vitest';
import {
  FakeTwilioControlError,
  type CapabilitiesInput,
  type SeededAccount,
  type SeededNumber,
} from './control-client';
import { isoCountryOf } from './phone-number-util';
import { jsonOf, rejectionOf, TransportError, useFakeTwilio, type RawInit } from './test-kit';

// Property names of the official schemas (twilio-oai, twilio_messaging_v1.json), copied so this
// suite runs without the specs; the contract suite checks the full schemas through Prism.
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
/** `messaging.v1.service.phone_number` */
const SERVICE_NUMBER_KEYS = [
  'sid',
  'account_sid',
  'service_sid',
  'date_created',
  'date_updated',
  'phone_number',
  'country_code',
  'capabilities',
  'url',
];
const V1_META_KEYS = ['page', 'page_size', 'first_page_url', 'previous_page_url', 'url', 'next_page_url', 'key'];
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MESSAGING = 'https://messaging.twilio.com/v1';

const kit = useFakeTwilio();
const { clientFor, raw } = kit;

/** Plain HTTP to the messaging host as this account. */
const messaging = (account: SeededAccount, path: string, init: Omit<RawInit, 'credentials'> = {}) =>
  raw('messaging.twilio.com', path, { ...init, credentials: account });

/** The service's sender pool, as the app reaches it. */
const poolOf = (account: SeededAccount, serviceSid: string) =>
  clientFor(account).messaging.v1.services(serviceSid).phoneNumbers;

/** An account with one Messaging Service. */
async function accountWithService(useInboundWebhookOnNumber?: boolean) {
  const account = await kit.control.seedAccount();
  const service = await kit.control.seedMessagingService({
    accountSid: account.sid,
    friendlyName: 'Front desk',
    useInboundWebhookOnNumber,
  });
  return { account, service };
}

/** Adds over raw HTTP, for assertions on the status and exact body. */
function addRaw(account: SeededAccount, serviceSid: string, form: Record<string, string>) {
  return messaging(account, `/v1/Services/${serviceSid}/PhoneNumbers`, { method: 'POST', form });
}

/** Gives the account a number; capabilities are the inventory entry's unless given. */
const seedNumber = (account: SeededAccount, phoneNumber: string, capabilities?: CapabilitiesInput) =>
  kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber, capabilities });

describe('Messaging Service update', () => {
  it('sets UseInboundWebhookOnNumber and FriendlyName through the twilio package, and back', async () => {
    const { account, service } = await accountWithService();
    const services = clientFor(account).messaging.v1.services;

    const updated = await services(service.sid).update({
      useInboundWebhookOnNumber: true,
      friendlyName: 'Reception pool',
    });
    expect(updated).toMatchObject({
      sid: service.sid,
      accountSid: account.sid,
      friendlyName: 'Reception pool',
      useInboundWebhookOnNumber: true,
    });
    await expect(kit.control.messagingService(service.sid)).resolves.toMatchObject({
      friendlyName: 'Reception pool',
      useInboundWebhookOnNumber: true,
    });
    await expect(services(service.sid).fetch()).resolves.toMatchObject({ useInboundWebhookOnNumber: true });

    await services(service.sid).update({ useInboundWebhookOnNumber: false });
    await expect(kit.control.messagingService(service.sid)).resolves.toMatchObject({
      friendlyName: 'Reception pool',
      useInboundWebhookOnNumber: false,
    });
    expect(
      (await kit.control.requests({ method: 'POST', pathIncludes: '/v1/Services/' })).map((request) => request.form),
    ).toEqual([
      { UseInboundWebhookOnNumber: 'true', FriendlyName: 'Reception pool' },
      { UseInboundWebhookOnNumber: 'false' },
    ]);
  });

  it('answers 200 with the full service exactly as GET returns it', async () => {
    const { account, service } = await accountWithService();
    const path = `/v1/Services/${service.sid}`;
    const response = await messaging(account, path, {
      method: 'POST',
      form: { UseInboundWebhookOnNumber: 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...SERVICE_KEYS].sort());
    expect(body).toMatchObject({ sid: service.sid, use_inbound_webhook_on_number: true, friendly_name: 'Front desk' });
    expect(body.date_updated).toMatch(ISO_8601);
    expect(body).toEqual(await jsonOf(await messaging(account, path)));
  });

  it('updates the other spec fields, and "" clears a URL to null', async () => {
    const account = await kit.control.seedAccount();
    const service = await kit.control.seedMessagingService({
      accountSid: account.sid,
      friendlyName: 'Alerts',
      inboundRequestUrl: 'https://hooks.example.com/in',
      statusCallback: 'https://hooks.example.com/status',
    });
    const response = await messaging(account, `/v1/Services/${service.sid}`, {
      method: 'POST',
      form: {
        InboundRequestUrl: '',
        InboundMethod: 'GET',
        FallbackUrl: 'https://hooks.example.com/fallback',
        FallbackMethod: 'GET',
        StatusCallback: '',
        StickySender: 'false',
        MmsConverter: 'false',
        SmartEncoding: 'false',
        ScanMessageContent: 'enable',
        FallbackToLongCode: 'true',
        AreaCodeGeomatch: 'false',
        ValidityPeriod: '600',
        SynchronousValidation: 'false',
        Usecase: 'notifications',
      },
    });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({
      friendly_name: 'Alerts',
      inbound_request_url: null,
      inbound_method: 'GET',
      fallback_url: 'https://hooks.example.com/fallback',
      fallback_method: 'GET',
      status_callback: null,
      sticky_sender: false,
      mms_converter: false,
      smart_encoding: false,
      scan_message_content: 'enable',
      fallback_to_long_code: true,
      area_code_geomatch: false,
      validity_period: 600,
      synchronous_validation: false,
      usecase: 'notifications',
      use_inbound_webhook_on_number: false,
    });
    await expect(kit.control.messagingService(service.sid)).resolves.toMatchObject({
      inboundRequestUrl: null,
      fallbackUrl: 'https://hooks.example.com/fallback',
      statusCallback: null,
      usecase: 'notifications',
    });
  });

  it.each<[string, Record<string, string>, string]>([
    ['a boolean that is not true or false', { UseInboundWebhookOnNumber: 'yes' }, 'UseInboundWebhookOnNumber'],
    ['a field the update does not take', { PhoneNumberSid: `PN${'1'.repeat(32)}` }, 'PhoneNumberSid'],
    ['a misspelt field', { UseInboundWebhookOnNumbers: 'true' }, 'UseInboundWebhookOnNumbers'],
    ['a method other than GET or POST', { InboundMethod: 'PUT' }, 'InboundMethod'],
    ['an empty name', { FriendlyName: '' }, 'FriendlyName'],
    ['a name over 64 characters', { FriendlyName: 'x'.repeat(65) }, 'FriendlyName'],
    ['a URL that is not http(s)', { InboundRequestUrl: 'ftp://example.com' }, 'InboundRequestUrl'],
    ['a validity period out of range', { ValidityPeriod: '36001' }, 'ValidityPeriod'],
  ])('refuses %s with 400 / 20001 and changes nothing', async (_label, form, field) => {
    const { account, service } = await accountWithService();
    const response = await messaging(account, `/v1/Services/${service.sid}`, {
      method: 'POST',
      // A valid change alongside, which must not be applied either.
      form: { UseInboundWebhookOnNumber: 'true', ...form },
    });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toEqual({
      code: 20001,
      message: `Invalid parameter: ${field}`,
      more_info: 'https://www.twilio.com/docs/errors/20001',
      status: 400,
    });
    await expect(kit.control.messagingService(service.sid)).resolves.toEqual(service);
  });

  it("answers 404 / 20404 for an unknown service and another account's, changing nothing", async () => {
    const { account: owner, service } = await accountWithService();
    const other = await kit.control.seedAccount();
    await expect(
      clientFor(other).messaging.v1.services(service.sid).update({ useInboundWebhookOnNumber: true }),
    ).rejects.toMatchObject({
      status: 404,
      code: 20404,
      message: `The requested resource /Services/${service.sid} was not found`,
    });
    const unknownSid = `MG${'0'.repeat(32)}`;
    await expect(
      clientFor(owner).messaging.v1.services(unknownSid).update({ friendlyName: 'Nope' }),
    ).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(kit.control.messagingService(service.sid)).resolves.toMatchObject({
      useInboundWebhookOnNumber: false,
    });
  });
});

describe('Messaging Service phone numbers: add, list, fetch, remove', () => {
  it('adds an owned number through the twilio package and answers the spec resource', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');

    const added = await poolOf(account, service.sid).create({ phoneNumberSid: number.sid });
    expect(added).toMatchObject({
      sid: number.sid,
      accountSid: account.sid,
      serviceSid: service.sid,
      phoneNumber: '+14155550100',
      countryCode: 'US',
      capabilities: ['MMS', 'SMS', 'Voice'],
      url: `${MESSAGING}/Services/${service.sid}/PhoneNumbers/${number.sid}`,
    });
    expect(added.dateCreated).toBeInstanceOf(Date);
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([number.sid]);
  });

  it('answers 201 with exactly the spec fields, ISO dates and capabilities as strings', async () => {
    const { account, service } = await accountWithService();
    // Index 3 of the 415 inventory is voice + SMS without MMS.
    const number = await seedNumber(account, '+14155550103');

    const response = await addRaw(account, service.sid, { PhoneNumberSid: number.sid });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...SERVICE_NUMBER_KEYS].sort());
    expect(body).toMatchObject({
      sid: number.sid,
      account_sid: account.sid,
      service_sid: service.sid,
      phone_number: '+14155550103',
      country_code: 'US',
      capabilities: ['SMS', 'Voice'],
      url: `${MESSAGING}/Services/${service.sid}/PhoneNumbers/${number.sid}`,
    });
    expect(body.date_created).toMatch(ISO_8601);
    expect(body.date_updated).toMatch(ISO_8601);
  });

  it('gives each number its country: from the inventory, or told by the number', async () => {
    const { account, service } = await accountWithService();
    const toronto = await seedNumber(account, '+14165550100');
    const london = await seedNumber(account, '+447700900100');
    const pool = poolOf(account, service.sid);
    await expect(pool.create({ phoneNumberSid: toronto.sid })).resolves.toMatchObject({ countryCode: 'CA' });
    await expect(pool.create({ phoneNumberSid: london.sid })).resolves.toMatchObject({ countryCode: 'GB' });
    expect([isoCountryOf('+16045550199'), isoCountryOf('+12125550100'), isoCountryOf('+33612345678')]).toEqual([
      'CA',
      'US',
      null,
    ]);
  });

  it('lists the pool in the order numbers joined, paged with v1 meta, through the twilio package', async () => {
    const { account, service } = await accountWithService();
    const sids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const number = await seedNumber(account, `+1415555010${i}`);
      // Every fifth inventory number (…0104) is voice-only; seed it with SMS so it may join.
      if (i === 4) await kit.control.updateOwnedNumber(number.sid, { capabilities: { sms: true } });
      await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
      sids.push(number.sid);
    }

    const listed = await poolOf(account, service.sid).list({ pageSize: 2 });
    expect(listed.map((member) => member.sid)).toEqual(sids);
    expect(listed.every((member) => member.serviceSid === service.sid)).toBe(true);
    const pages = await kit.control.requests({ method: 'GET', pathIncludes: '/PhoneNumbers' });
    expect(pages.map((request) => request.query.PageToken)).toEqual([undefined, 'PA2', 'PA4']);

    const listUrl = `${MESSAGING}/Services/${service.sid}/PhoneNumbers`;
    const first = await messaging(account, `/v1/Services/${service.sid}/PhoneNumbers?PageSize=2`);
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as { meta: Record<string, unknown>; phone_numbers: { sid: string }[] };
    expect(Object.keys(firstBody).sort()).toEqual(['meta', 'phone_numbers']);
    expect(Object.keys(firstBody.meta).sort()).toEqual([...V1_META_KEYS].sort());
    expect(firstBody.meta).toEqual({
      page: 0,
      page_size: 2,
      first_page_url: `${listUrl}?PageSize=2&Page=0`,
      previous_page_url: null,
      url: `${listUrl}?PageSize=2&Page=0`,
      next_page_url: `${listUrl}?PageSize=2&Page=1&PageToken=PA2`,
      key: 'phone_numbers',
    });
    expect(firstBody.phone_numbers.map((item) => item.sid)).toEqual(sids.slice(0, 2));
    for (const item of firstBody.phone_numbers)
      expect(Object.keys(item).sort()).toEqual([...SERVICE_NUMBER_KEYS].sort());

    const last = await messaging(account, `/v1/Services/${service.sid}/PhoneNumbers?PageSize=2&Page=2&PageToken=PA4`);
    const lastBody = (await last.json()) as { meta: Record<string, unknown>; phone_numbers: { sid: string }[] };
    expect(lastBody.phone_numbers.map((item) => item.sid)).toEqual(sids.slice(4));
    expect(lastBody.meta).toMatchObject({
      page: 2,
      next_page_url: null,
      previous_page_url: `${listUrl}?PageSize=2&Page=1&PageToken=PB2`,
    });
  });

  it('lists an empty pool as an empty page', async () => {
    const { account, service } = await accountWithService();
    await expect(poolOf(account, service.sid).list()).resolves.toEqual([]);
    const response = await messaging(account, `/v1/Services/${service.sid}/PhoneNumbers`);
    expect(await jsonOf(response)).toMatchObject({
      phone_numbers: [],
      meta: { page: 0, page_size: 50, next_page_url: null, key: 'phone_numbers' },
    });
  });

  it('fetches a member as listed, and answers 404 / 20404 for a number not in the service', async () => {
    const { account, service } = await accountWithService();
    const member = await seedNumber(account, '+14155550100');
    const outsider = await seedNumber(account, '+14155550101');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: member.sid });

    const path = `/v1/Services/${service.sid}/PhoneNumbers/${member.sid}`;
    const fetched = await messaging(account, path);
    expect(fetched.status).toBe(200);
    const listed = (await jsonOf(await messaging(account, `/v1/Services/${service.sid}/PhoneNumbers`))) as {
      phone_numbers: unknown[];
    };
    expect(await jsonOf(fetched)).toEqual(listed.phone_numbers[0]);
    await expect(poolOf(account, service.sid)(member.sid).fetch()).resolves.toMatchObject({
      sid: member.sid,
      phoneNumber: '+14155550100',
    });

    await expect(poolOf(account, service.sid)(outsider.sid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      message: `The requested resource /Services/${service.sid}/PhoneNumbers/${outsider.sid} was not found`,
    });
  });

  it('removes a member with 204 and an empty body; then it is 404 / 20404, still owned', async () => {
    const { account, service } = await accountWithService();
    const first = await seedNumber(account, '+14155550100');
    const second = await seedNumber(account, '+14155550101');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: first.sid });
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: second.sid });

    const path = `/v1/Services/${service.sid}/PhoneNumbers/${first.sid}`;
    const removed = await messaging(account, path, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([second.sid]);
    await expect(poolOf(account, service.sid)(second.sid).remove()).resolves.toBe(true);
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([]);

    const again = await messaging(account, path, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(await jsonOf(again)).toMatchObject({ code: 20404, status: 404 });
    await expect(poolOf(account, service.sid)(first.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    // Leaving a service does not release the number.
    const owned = (await kit.control.ownedNumbers(account.sid)).map((number) => number.sid);
    expect(owned.sort()).toEqual([first.sid, second.sid].sort());
    // And it may join again.
    await expect(poolOf(account, service.sid).create({ phoneNumberSid: first.sid })).resolves.toMatchObject({
      sid: first.sid,
    });
  });

  it("answers 404 / 20404 on every pool route for an unknown service and another account's", async () => {
    const { account: owner, service } = await accountWithService();
    const other = await kit.control.seedAccount();
    const number = await seedNumber(owner, '+14155550100');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
    const otherNumber = await seedNumber(other, '+14155550101');
    const unknownSid = `MG${'0'.repeat(32)}`;

    for (const [account, serviceSid] of [
      [other, service.sid],
      [owner, unknownSid],
    ] as const) {
      const base = `/v1/Services/${serviceSid}/PhoneNumbers`;
      const answers = await Promise.all([
        messaging(account, base),
        addRaw(account, serviceSid, { PhoneNumberSid: account === other ? otherNumber.sid : number.sid }),
        messaging(account, `${base}/${number.sid}`),
        messaging(account, `${base}/${number.sid}`, { method: 'DELETE' }),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(await jsonOf(answer)).toMatchObject({ code: 20404, status: 404 });
      }
    }
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([number.sid]);
  });

  it('answers 403 / 20403 to a suspended account', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');
    await kit.control.updateAccount(account.sid, { status: 'suspended' });
    const response = await addRaw(account, service.sid, { PhoneNumberSid: number.sid });
    expect(response.status).toBe(403);
    expect(await jsonOf(response)).toMatchObject({ code: 20403 });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([]);
  });
});

describe('Messaging Service phone numbers: refusals', () => {
  it('requires PhoneNumberSid (400 / 20001) and takes no other field', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');

    const missing = await addRaw(account, service.sid, {});
    expect(missing.status).toBe(400);
    expect(await jsonOf(missing)).toEqual({
      code: 20001,
      message: 'Missing required parameter PhoneNumberSid in the post body',
      more_info: 'https://www.twilio.com/docs/errors/20001',
      status: 400,
    });
    const extra = await addRaw(account, service.sid, { PhoneNumberSid: number.sid, PhoneNumber: '+14155550100' });
    expect(extra.status).toBe(400);
    expect(await jsonOf(extra)).toMatchObject({ code: 20001, message: 'Invalid parameter: PhoneNumber' });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([]);
  });

  it.each<[string, (account: SeededAccount) => Promise<string>]>([
    [
      'a number of another account',
      async () => (await seedNumber(await kit.control.seedAccount(), '+14155550101')).sid,
    ],
    [
      'a number of a subaccount',
      async (account) => {
        const sub = await kit.control.seedAccount({ ownerAccountSid: account.sid });
        return (await seedNumber(sub, '+14155550101')).sid;
      },
    ],
    ['a SID no number has', () => Promise.resolve(`PN${'9'.repeat(32)}`)],
    ['a malformed SID', () => Promise.resolve('PN123')],
    [
      'a released number',
      async (account) => {
        const number = await seedNumber(account, '+14155550101');
        await clientFor(account).api.v2010.accounts(account.sid).incomingPhoneNumbers(number.sid).remove();
        return number.sid;
      },
    ],
  ])('refuses %s with 400 / 21421', async (_label, numberSidOf) => {
    const { account, service } = await accountWithService();
    const numberSid = await numberSidOf(account);
    const response = await addRaw(account, service.sid, { PhoneNumberSid: numberSid });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toEqual({
      code: 21421,
      message: 'The provided PhoneNumberSid is invalid',
      more_info: 'https://www.twilio.com/docs/errors/21421',
      status: 400,
    });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([]);
  });

  it('refuses a number already in this service with 409 / 21710', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');
    await poolOf(account, service.sid).create({ phoneNumberSid: number.sid });

    await expect(poolOf(account, service.sid).create({ phoneNumberSid: number.sid })).rejects.toMatchObject({
      status: 409,
      code: 21710,
      message: 'Phone Number or Short Code is already in the Messaging Service',
    });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([number.sid]);
  });

  it('refuses a number in another service with 400 / 21712, until it leaves that one', async () => {
    const { account, service } = await accountWithService();
    const second = await kit.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Marketing' });
    const number = await seedNumber(account, '+14155550100');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });

    const refused = await addRaw(account, second.sid, { PhoneNumberSid: number.sid });
    expect(refused.status).toBe(400);
    expect(await jsonOf(refused)).toMatchObject({
      code: 21712,
      message: 'Phone Number is already associated with another Messaging Service',
    });
    await expect(kit.control.serviceNumbers(second.sid)).resolves.toEqual([]);
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([number.sid]);

    await poolOf(account, service.sid)(number.sid).remove();
    await expect(poolOf(account, second.sid).create({ phoneNumberSid: number.sid })).resolves.toMatchObject({
      serviceSid: second.sid,
    });
  });

  it('refuses a number with neither SMS nor MMS (400 / 21715) and takes an MMS-only one', async () => {
    const { account, service } = await accountWithService();
    // Index 4 of the 415 inventory is voice-only.
    const voiceOnly = await seedNumber(account, '+14155550104');
    expect(voiceOnly.capabilities).toMatchObject({ sms: false, mms: false });
    const mmsOnly = await seedNumber(account, '+14155550100', { sms: false, mms: true });

    const refused = await addRaw(account, service.sid, { PhoneNumberSid: voiceOnly.sid });
    expect(refused.status).toBe(400);
    expect(await jsonOf(refused)).toMatchObject({ code: 21715 });
    await expect(poolOf(account, service.sid).create({ phoneNumberSid: mmsOnly.sid })).resolves.toMatchObject({
      capabilities: ['MMS', 'Voice'],
    });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([mmsOnly.sid]);
  });

  it('refuses a 401st sender with 400 / 21714, and takes it once there is room', async () => {
    const { account, service } = await accountWithService();
    const numbers = kit.fake.state.seedOwnedNumbers({ accountSid: account.sid, count: 401 });
    for (const number of numbers.slice(0, 400)) kit.fake.state.addNumberToService(service.sid, number.sid);
    const last = numbers[400];
    if (!last) throw new Error('seeded 401 numbers');

    await expect(poolOf(account, service.sid).create({ phoneNumberSid: last.sid })).rejects.toMatchObject({
      status: 400,
      code: 21714,
    });
    expect(kit.fake.state.serviceNumbersOf(service.sid)).toHaveLength(400);
    await expect(poolOf(account, service.sid).list({ pageSize: 1000 })).resolves.toHaveLength(400);

    await poolOf(account, service.sid)(numbers[0]?.sid ?? '').remove();
    await expect(poolOf(account, service.sid).create({ phoneNumberSid: last.sid })).resolves.toMatchObject({
      sid: last.sid,
    });
  });
});

describe('a number leaving its account leaves its service', () => {
  it('takes a released number out of its service, as Twilio does', async () => {
    const { account, service } = await accountWithService();
    const released = await seedNumber(account, '+14155550100');
    const kept = await seedNumber(account, '+14155550101');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: released.sid });
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: kept.sid });

    const numbers = clientFor(account).api.v2010.accounts(account.sid).incomingPhoneNumbers;
    await expect(numbers(released.sid).remove()).resolves.toBe(true);

    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([kept.sid]);
    const listed = await poolOf(account, service.sid).list();
    expect(listed.map((member) => member.sid)).toEqual([kept.sid]);
    await expect(poolOf(account, service.sid)(released.sid).fetch()).rejects.toMatchObject({ status: 404 });
    expect(kit.fake.state.serviceOfNumber(released.sid)).toBeUndefined();
  });

  it('takes a number moved to a subaccount out of its service', async () => {
    const { account, service } = await accountWithService();
    const sub = await kit.control.seedAccount({ ownerAccountSid: account.sid });
    const number = await seedNumber(account, '+14155550100');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });

    await clientFor(account).api.v2010.accounts(account.sid).incomingPhoneNumbers(number.sid).update({
      accountSid: sub.sid,
    });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([]);
  });
});

describe('faults and the request log on the membership routes', () => {
  it('answers a matching status fault without adding, records it, then adds', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');
    await kit.control.injectFault({
      kind: 'status',
      status: 503,
      match: { host: 'messaging.twilio.com', method: 'POST', pathIncludes: '/PhoneNumbers' },
    });

    // A list does not match the fault.
    await expect(poolOf(account, service.sid).list()).resolves.toEqual([]);
    await expect(poolOf(account, service.sid).create({ phoneNumberSid: number.sid })).rejects.toMatchObject({
      status: 503,
      code: 20503,
    });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([]);
    await poolOf(account, service.sid).create({ phoneNumberSid: number.sid });

    const log = await kit.control.requests({ host: 'messaging.twilio.com', pathIncludes: '/PhoneNumbers' });
    expect(log).toMatchObject([
      { method: 'GET', path: `/v1/Services/${service.sid}/PhoneNumbers`, accountSid: account.sid, status: 200 },
      {
        method: 'POST',
        path: `/v1/Services/${service.sid}/PhoneNumbers`,
        form: { PhoneNumberSid: number.sid },
        status: 503,
      },
      { method: 'POST', form: { PhoneNumberSid: number.sid }, status: 201 },
    ]);
  });

  it('adds and then drops the answer with an afterCommit drop; a retry then gets 21710', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');
    await kit.control.injectFault({ kind: 'drop', afterCommit: true, match: { pathIncludes: '/PhoneNumbers' } });

    await expect(poolOf(account, service.sid).create({ phoneNumberSid: number.sid })).rejects.toBeInstanceOf(
      TransportError,
    );
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([number.sid]);
    await expect(poolOf(account, service.sid).create({ phoneNumberSid: number.sid })).rejects.toMatchObject({
      code: 21710,
    });
  });

  it('rate-limits a service update and a member removal matched by path', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
    await kit.control.injectFault({ kind: 'rate_limit', match: { method: 'POST', pathIncludes: service.sid } });
    await kit.control.injectFault({ kind: 'rate_limit', match: { method: 'DELETE', pathIncludes: number.sid } });
    const services = clientFor(account).messaging.v1.services;

    await expect(services(service.sid).update({ useInboundWebhookOnNumber: true })).rejects.toMatchObject({
      status: 429,
      code: 20429,
    });
    await expect(poolOf(account, service.sid)(number.sid).remove()).rejects.toMatchObject({ status: 429 });
    await expect(kit.control.messagingService(service.sid)).resolves.toMatchObject({
      useInboundWebhookOnNumber: false,
    });
    await expect(kit.control.serviceNumbers(service.sid)).resolves.toEqual([number.sid]);

    await services(service.sid).update({ useInboundWebhookOnNumber: true });
    await poolOf(account, service.sid)(number.sid).remove();
    const statuses = (await kit.control.requests({ host: 'messaging.twilio.com' })).map((r) => [r.method, r.status]);
    expect(statuses).toEqual([
      ['POST', 429],
      ['DELETE', 429],
      ['POST', 200],
      ['DELETE', 204],
    ]);
  });
});

describe('control API: Messaging Services and their numbers', () => {
  it('seeds a membership the API then lists, and answers its view', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');
    const seeded = await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
    expect(seeded).toEqual({
      serviceSid: service.sid,
      numberSid: number.sid,
      phoneNumber: '+14155550100',
      dateCreated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
    });
    const listed = await poolOf(account, service.sid).list();
    expect(listed.map((member) => [member.sid, member.phoneNumber])).toEqual([[number.sid, '+14155550100']]);
    // Seeding goes around the Twilio hosts: nothing in the request log but the list.
    expect(await kit.control.requests()).toHaveLength(1);
  });

  it('answers the service view, useInboundWebhookOnNumber false unless seeded true', async () => {
    const { service: plain } = await accountWithService();
    const { service: onNumber } = await accountWithService(true);
    await expect(kit.control.messagingService(plain.sid)).resolves.toEqual({
      ...plain,
      useInboundWebhookOnNumber: false,
    });
    expect(plain.useInboundWebhookOnNumber).toBe(false);
    await expect(kit.control.messagingService(onNumber.sid)).resolves.toMatchObject({
      sid: onNumber.sid,
      useInboundWebhookOnNumber: true,
    });
  });

  it.each<[string, () => Promise<unknown>, number, RegExp]>([
    ['an unknown service view', () => kit.control.messagingService(`MG${'0'.repeat(32)}`), 404, /does not exist/],
    [
      'the numbers of an unknown service',
      () => kit.control.serviceNumbers(`MG${'0'.repeat(32)}`),
      404,
      /does not exist/,
    ],
    [
      'a membership of an unknown service',
      () => kit.control.addNumberToService({ serviceSid: `MG${'0'.repeat(32)}`, numberSid: `PN${'1'.repeat(32)}` }),
      404,
      /does not exist/,
    ],
    [
      'a malformed number SID',
      async () => {
        const { service } = await accountWithService();
        return kit.control.addNumberToService({ serviceSid: service.sid, numberSid: 'PN123' });
      },
      400,
      /numberSid/,
    ],
    [
      "another account's number",
      async () => {
        const { service } = await accountWithService();
        const stranger = await seedNumber(await kit.control.seedAccount(), '+14155550100');
        return kit.control.addNumberToService({ serviceSid: service.sid, numberSid: stranger.sid });
      },
      400,
      /is not a phone number of account/,
    ],
    [
      'a number already in the service',
      async () => {
        const { account, service } = await accountWithService();
        const number = await seedNumber(account, '+14155550100');
        await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
        return kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
      },
      409,
      /already in Messaging Service/,
    ],
    [
      'a number in another service',
      async () => {
        const { account, service } = await accountWithService();
        const other = await kit.control.seedMessagingService({ accountSid: account.sid, friendlyName: 'Other' });
        const number = await seedNumber(account, '+14155550100');
        await kit.control.addNumberToService({ serviceSid: other.sid, numberSid: number.sid });
        return kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
      },
      409,
      /another Messaging Service/,
    ],
    [
      'a voice-only number',
      async () => {
        const { account, service } = await accountWithService();
        const number = await seedNumber(account, '+14155550104');
        return kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
      },
      400,
      /neither SMS nor MMS/,
    ],
  ])('refuses %s with a readable message', async (_label, call, status, message) => {
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(FakeTwilioControlError);
    expect(error).toMatchObject({ status });
    expect((error as Error).message).toMatch(message);
  });

  it('forgets memberships on reset', async () => {
    const { account, service } = await accountWithService();
    const number = await seedNumber(account, '+14155550100');
    await kit.control.addNumberToService({ serviceSid: service.sid, numberSid: number.sid });
    await kit.control.reset();
    expect(kit.fake.state.serviceOfNumber(number.sid)).toBeUndefined();
    expect(kit.fake.state.serviceNumbersOf(service.sid)).toEqual([]);
  });
});

describe('owned numbers: the whole webhook configuration', () => {
  const APP_VOICE = `AP${'a'.repeat(32)}`;
  const APP_SMS = `AP${'b'.repeat(32)}`;
  const TRUNK = `TK${'c'.repeat(32)}`;
  /** Every configuration field of a number, as the control API shows it. */
  const configOf = (number: SeededNumber | undefined) => ({
    friendlyName: number?.friendlyName,
    voiceUrl: number?.voiceUrl,
    voiceMethod: number?.voiceMethod,
    voiceFallbackUrl: number?.voiceFallbackUrl,
    voiceFallbackMethod: number?.voiceFallbackMethod,
    statusCallback: number?.statusCallback,
    statusCallbackMethod: number?.statusCallbackMethod,
    smsUrl: number?.smsUrl,
    smsMethod: number?.smsMethod,
    smsFallbackUrl: number?.smsFallbackUrl,
    smsFallbackMethod: number?.smsFallbackMethod,
    voiceApplicationSid: number?.voiceApplicationSid,
    smsApplicationSid: number?.smsApplicationSid,
    trunkSid: number?.trunkSid,
  });
  const FULL_CONFIG = {
    friendlyName: 'Agent: Reception',
    voiceUrl: 'https://hooks.example.com/voice',
    voiceMethod: 'GET',
    voiceFallbackUrl: 'https://hooks.example.com/voice-fallback',
    voiceFallbackMethod: 'GET',
    statusCallback: 'https://hooks.example.com/status',
    statusCallbackMethod: 'GET',
    smsUrl: 'https://hooks.example.com/sms',
    smsMethod: 'GET',
    smsFallbackUrl: 'https://hooks.example.com/sms-fallback',
    smsFallbackMethod: 'GET',
    voiceApplicationSid: APP_VOICE,
    smsApplicationSid: APP_SMS,
    trunkSid: TRUNK,
  } as const;
  const CLEARED_CONFIG = {
    friendlyName: '',
    voiceUrl: '',
    voiceMethod: 'POST',
    voiceFallbackUrl: '',
    voiceFallbackMethod: 'POST',
    statusCallback: '',
    statusCallbackMethod: 'POST',
    smsUrl: '',
    smsMethod: 'POST',
    smsFallbackUrl: '',
    smsFallbackMethod: 'POST',
    voiceApplicationSid: null,
    smsApplicationSid: null,
    trunkSid: null,
  } as const;

  it('stores all fourteen fields of one update, and "" clears each (null for the SIDs)', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await seedNumber(account, '+14155550100');
    const path = `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers/${seeded.sid}.json`;
    const post = (form: Record<string, string>) =>
      raw('api.twilio.com', path, { credentials: account, method: 'POST', form });

    const set = await post({
      FriendlyName: 'Agent: Reception',
      VoiceUrl: 'https://hooks.example.com/voice',
      VoiceMethod: 'GET',
      VoiceFallbackUrl: 'https://hooks.example.com/voice-fallback',
      VoiceFallbackMethod: 'GET',
      StatusCallback: 'https://hooks.example.com/status',
      StatusCallbackMethod: 'GET',
      SmsUrl: 'https://hooks.example.com/sms',
      SmsMethod: 'GET',
      SmsFallbackUrl: 'https://hooks.example.com/sms-fallback',
      SmsFallbackMethod: 'GET',
      VoiceApplicationSid: APP_VOICE,
      SmsApplicationSid: APP_SMS,
      TrunkSid: TRUNK,
    });
    expect(set.status).toBe(200);
    expect(await jsonOf(set)).toMatchObject({
      friendly_name: 'Agent: Reception',
      voice_url: 'https://hooks.example.com/voice',
      voice_method: 'GET',
      voice_fallback_url: 'https://hooks.example.com/voice-fallback',
      voice_fallback_method: 'GET',
      status_callback: 'https://hooks.example.com/status',
      status_callback_method: 'GET',
      sms_url: 'https://hooks.example.com/sms',
      sms_method: 'GET',
      sms_fallback_url: 'https://hooks.example.com/sms-fallback',
      sms_fallback_method: 'GET',
      voice_application_sid: APP_VOICE,
      sms_application_sid: APP_SMS,
      trunk_sid: TRUNK,
    });
    expect(configOf((await kit.control.ownedNumbers(account.sid))[0])).toEqual(FULL_CONFIG);

    const cleared = await post({
      FriendlyName: '',
      VoiceUrl: '',
      VoiceMethod: 'POST',
      VoiceFallbackUrl: '',
      VoiceFallbackMethod: 'POST',
      StatusCallback: '',
      StatusCallbackMethod: 'POST',
      SmsUrl: '',
      SmsMethod: 'POST',
      SmsFallbackUrl: '',
      SmsFallbackMethod: 'POST',
      VoiceApplicationSid: '',
      SmsApplicationSid: '',
      TrunkSid: '',
    });
    expect(cleared.status).toBe(200);
    expect(await jsonOf(cleared)).toMatchObject({
      voice_url: '',
      voice_fallback_url: '',
      status_callback: '',
      sms_url: '',
      sms_fallback_url: '',
      voice_application_sid: null,
      sms_application_sid: null,
      trunk_sid: null,
    });
    expect(configOf((await kit.control.ownedNumbers(account.sid))[0])).toEqual(CLEARED_CONFIG);
  });

  it('takes the same fields through the twilio package', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await seedNumber(account, '+14155550100');
    const updated = await clientFor(account)
      .api.v2010.accounts(account.sid)
      .incomingPhoneNumbers(seeded.sid)
      .update({
        ...FULL_CONFIG,
      });
    expect(updated).toMatchObject({ ...FULL_CONFIG });
    expect(configOf((await kit.control.ownedNumbers(account.sid))[0])).toEqual(FULL_CONFIG);
  });

  it.each(['VoiceMethod', 'VoiceFallbackMethod', 'StatusCallbackMethod', 'SmsMethod', 'SmsFallbackMethod'])(
    'refuses %s other than GET or POST with 400 / 20001',
    async (field) => {
      const account = await kit.control.seedAccount();
      const seeded = await seedNumber(account, '+14155550100');
      const response = await raw(
        'api.twilio.com',
        `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers/${seeded.sid}.json`,
        { credentials: account, method: 'POST', form: { [field]: 'DELETE' } },
      );
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ code: 20001, message: `Invalid parameter: ${field}` });
      expect(configOf((await kit.control.ownedNumbers(account.sid))[0])).toEqual(configOf(seeded));
    },
  );

  it('seeds a number with the whole configuration, SIDs included, visible through the API', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550100',
      ...FULL_CONFIG,
    });
    expect(configOf(seeded)).toEqual(FULL_CONFIG);
    expect(configOf((await kit.control.ownedNumbers(account.sid))[0])).toEqual(FULL_CONFIG);
    const fetched = await clientFor(account).api.v2010.accounts(account.sid).incomingPhoneNumbers(seeded.sid).fetch();
    expect(fetched).toMatchObject({ ...FULL_CONFIG });

    const patched = await kit.control.updateOwnedNumber(seeded.sid, {
      voiceApplicationSid: null,
      smsApplicationSid: null,
      trunkSid: null,
      smsUrl: '',
    });
    expect(patched).toMatchObject({ voiceApplicationSid: null, smsApplicationSid: null, trunkSid: null, smsUrl: '' });
  });
});
