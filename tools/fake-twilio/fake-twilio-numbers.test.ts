/**
 * The fake's phone numbers and prices: owned numbers (list, buy, update,
 * release), the available-number search, Pricing v1, and faults that act
 * after a request took effect. Driven through the official `twilio` package
 * like the app, and raw HTTP where the exact wire is under test.
 */
import { describe, expect, it } from 'vitest';
import { FakeTwilioControlError, type SeededAccount } from './control-client';
import { jsonOf, rejectionOf, TransportError, useFakeTwilio } from './test-kit';
import { compareMoney, subtractMoney } from './money';
import { digitPattern, friendlyPhoneNumber } from './phone-number-util';
import { FakeState } from './state';

// Property names of the official schemas (twilio-oai spec/json, commit d50069b), copied so this
// suite runs without the specs; the contract suite checks the full schemas through Prism.
const INCOMING_NUMBER_KEYS = [
  'account_sid',
  'address_sid',
  'address_requirements',
  'api_version',
  'beta',
  'capabilities',
  'date_created',
  'date_updated',
  'friendly_name',
  'identity_sid',
  'phone_number',
  'origin',
  'sid',
  'sms_application_sid',
  'sms_fallback_method',
  'sms_fallback_url',
  'sms_method',
  'sms_url',
  'status_callback',
  'status_callback_method',
  'trunk_sid',
  'uri',
  'voice_receive_mode',
  'voice_application_sid',
  'voice_caller_id_lookup',
  'voice_fallback_method',
  'voice_fallback_url',
  'voice_method',
  'voice_url',
  'emergency_status',
  'emergency_address_sid',
  'emergency_address_status',
  'bundle_sid',
  'status',
  'type',
];
/** incoming_phone_number_local / _toll_free / _mobile: the same, without `type`. */
const TYPED_INCOMING_NUMBER_KEYS = INCOMING_NUMBER_KEYS.filter((key) => key !== 'type');
const AVAILABLE_NUMBER_KEYS = [
  'friendly_name',
  'phone_number',
  'lata',
  'locality',
  'rate_center',
  'latitude',
  'longitude',
  'region',
  'postal_code',
  'iso_country',
  'address_requirements',
  'beta',
  'capabilities',
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
const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

const kit = useFakeTwilio();
const { clientFor, raw } = kit;

/** The account's IncomingPhoneNumbers list resource, as the app reaches it. */
const numbersOf = (account: SeededAccount) => clientFor(account).api.v2010.accounts(account.sid).incomingPhoneNumbers;

/** Buys over raw HTTP, for assertions on the status and exact body. */
function buy(account: SeededAccount, form: Record<string, string>, list = 'IncomingPhoneNumbers.json') {
  return raw('api.twilio.com', `/2010-04-01/Accounts/${account.sid}/${list}`, {
    credentials: account,
    method: 'POST',
    form,
  });
}

/** Searches over raw HTTP; answers the numbers found. */
async function search(account: SeededAccount, list: string, query: Record<string, string> = {}) {
  const qs = new URLSearchParams(query).toString();
  const response = await raw(
    'api.twilio.com',
    `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/${list}${qs === '' ? '' : `?${qs}`}`,
    { credentials: account },
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { available_phone_numbers: Record<string, unknown>[] };
  return body.available_phone_numbers;
}

const phoneNumbersOf = (items: readonly Record<string, unknown>[]) => items.map((item) => item.phone_number);

async function balanceOf(account: SeededAccount): Promise<string> {
  return (await clientFor(account).api.v2010.accounts(account.sid).balance.fetch()).balance;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('owned numbers: list', () => {
  it('pages 2,500 numbers at 1,000 a page, and the twilio package gets them all in order', async () => {
    const account = await kit.control.seedAccount();
    await expect(kit.control.seedOwnedNumbers({ accountSid: account.sid, count: 2500 })).resolves.toEqual({
      count: 2500,
    });

    const listed = await numbersOf(account).list({ pageSize: 1000 });
    expect(listed).toHaveLength(2500);
    const expected = await kit.control.ownedNumbers(account.sid);
    expect(listed.map((number) => number.sid)).toEqual(expected.map((number) => number.sid));
    // Created in the same second, so the order is by SID: stable from page to page.
    const sids = listed.map((number) => number.sid);
    expect(sids).toEqual([...sids].sort());
    expect(new Set(listed.map((number) => number.phoneNumber)).size).toBe(2500);

    const pages = await kit.control.requests({ pathIncludes: '/IncomingPhoneNumbers.json' });
    expect(pages.map((request) => [request.query.PageSize, request.query.PageToken])).toEqual([
      ['1000', undefined],
      ['1000', 'PA1000'],
      ['1000', 'PA2000'],
    ]);
  });

  it('lists a number added after an earlier listing', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550171' });
    expect(await numbersOf(account).list({ pageSize: 1000 })).toHaveLength(1);
    await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550174' });
    expect(await numbersOf(account).list({ pageSize: 1000 })).toHaveLength(2);
  });

  it('seeds 10,000 numbers and lists them all', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedOwnedNumbers({ accountSid: account.sid, count: 10_000, areaCode: '303' });
    const listed = await numbersOf(account).list({ pageSize: 1000 });
    expect(listed).toHaveLength(10_000);
    expect(listed[0]?.phoneNumber).toMatch(/^\+1303\d{7}$/);
    expect(new Set(listed.map((number) => number.phoneNumber)).size).toBe(10_000);
  });

  it('puts exactly the spec fields on the wire: "" for unset webhooks, null for unset SIDs', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550100' });
    const response = await raw(
      'api.twilio.com',
      `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers/${seeded.sid}.json`,
      { credentials: account },
    );
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...INCOMING_NUMBER_KEYS].sort());
    expect(body).toMatchObject({
      sid: seeded.sid,
      account_sid: account.sid,
      phone_number: '+14155550100',
      friendly_name: '(415) 555-0100',
      type: 'local',
      origin: 'twilio',
      status: 'in-use',
      voice_url: '',
      voice_method: 'POST',
      sms_url: '',
      status_callback: '',
      voice_application_sid: null,
      sms_application_sid: null,
      trunk_sid: null,
      capabilities: { voice: true, sms: true, mms: true, fax: false },
      uri: `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers/${seeded.sid}.json`,
    });
    expect(body.date_created).toMatch(RFC_2822);
  });

  it('lists each type on its own endpoint, whose items have no `type`', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550100' });
    await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+18005550100' });
    await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+447700900100', type: 'mobile' });

    const numbers = numbersOf(account);
    // Seeded within the same second, so their list order is by (random) SID: compare sorted.
    const all = (await numbers.list()).map((number) => [number.phoneNumber, number.type]);
    expect(all.sort()).toEqual([
      ['+14155550100', 'local'],
      ['+18005550100', 'toll-free'],
      ['+447700900100', 'mobile'],
    ]);
    expect((await numbers.local.list()).map((number) => number.phoneNumber)).toEqual(['+14155550100']);
    expect((await numbers.tollFree.list()).map((number) => number.phoneNumber)).toEqual(['+18005550100']);
    expect((await numbers.mobile.list()).map((number) => number.phoneNumber)).toEqual(['+447700900100']);

    const response = await raw(
      'api.twilio.com',
      `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers/Local.json`,
      {
        credentials: account,
      },
    );
    const body = (await response.json()) as { incoming_phone_numbers: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual([...V2010_PAGE_KEYS, 'incoming_phone_numbers'].sort());
    expect(Object.keys(body.incoming_phone_numbers[0] ?? {}).sort()).toEqual([...TYPED_INCOMING_NUMBER_KEYS].sort());
  });

  it('filters by PhoneNumber (contains, digits only), FriendlyName (exact) and Origin', async () => {
    const account = await kit.control.seedAccount();
    for (const [phoneNumber, friendlyName] of [
      ['+14155550100', 'Front desk'],
      ['+14155550101', 'Front desk 2'],
      ['+12125550100', 'NYC'],
    ] as const) {
      await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber, friendlyName });
    }
    const numbers = numbersOf(account);
    // Sorted: numbers seeded within one second are listed by (random) SID.
    const phones = async (params: Parameters<typeof numbers.list>[0]) =>
      (await numbers.list(params)).map((number) => number.phoneNumber).sort();

    expect(await phones({ phoneNumber: '+14155550100' })).toEqual(['+14155550100']);
    expect(await phones({ phoneNumber: '+1415' })).toEqual(['+14155550100', '+14155550101']);
    expect(await phones({ phoneNumber: '5550100' })).toEqual(['+12125550100', '+14155550100']);
    expect(await phones({ phoneNumber: '(415) 555-01*1' })).toEqual(['+14155550101']);
    expect(await phones({ friendlyName: 'Front desk' })).toEqual(['+14155550100']);
    expect(await phones({ origin: 'twilio' })).toHaveLength(3);
    expect(await phones({ origin: 'hosted' })).toEqual([]);
  });

  it("hides another account's numbers (404 / 20404)", async () => {
    const owner = await kit.control.seedAccount();
    const stranger = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({ accountSid: owner.sid, phoneNumber: '+14155550100' });

    expect(await numbersOf(stranger).list()).toEqual([]);
    await expect(numbersOf(stranger)(seeded.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(numbersOf(owner)(seeded.sid).fetch()).resolves.toMatchObject({ sid: seeded.sid });
  });
});

describe('owned numbers: purchase', () => {
  it('buys a listed number: 201, owned, off the market and its monthly price charged', async () => {
    const account = await kit.control.seedAccount({ balance: '20.00' });
    const response = await buy(account, {
      PhoneNumber: '+14155550100',
      FriendlyName: 'Reception agent',
      VoiceUrl: 'https://hooks.example.com/voice',
      SmsUrl: 'https://hooks.example.com/sms',
      SmsMethod: 'GET',
    });
    expect(response.status).toBe(201);
    const body = await jsonOf(response);
    expect(Object.keys(body).sort()).toEqual([...INCOMING_NUMBER_KEYS].sort());
    expect(body).toMatchObject({
      phone_number: '+14155550100',
      friendly_name: 'Reception agent',
      voice_url: 'https://hooks.example.com/voice',
      voice_method: 'POST',
      sms_url: 'https://hooks.example.com/sms',
      sms_method: 'GET',
      type: 'local',
    });
    expect(body.sid).toMatch(/^PN[0-9a-f]{32}$/);

    expect((await kit.control.ownedNumbers(account.sid)).map((number) => number.phoneNumber)).toEqual(['+14155550100']);
    expect(await balanceOf(account)).toBe('18.85');
    expect(phoneNumbersOf(await search(account, 'US/Local.json', { Contains: '4155550100' }))).toEqual([]);
  });

  it('buys through the twilio package on the type-specific endpoints at their own price', async () => {
    const account = await kit.control.seedAccount({ balance: '10.00' });
    const numbers = numbersOf(account);
    const tollFree = await numbers.tollFree.create({ phoneNumber: '+18885550100' });
    expect(tollFree.phoneNumber).toBe('+18885550100');
    expect(tollFree.friendlyName).toBe('(888) 555-0100');
    expect(await balanceOf(account)).toBe('7.85');

    const mobile = await numbers.mobile.create({ phoneNumber: '+447700900100' });
    expect(mobile.capabilities).toEqual({ voice: true, sms: true, mms: false, fax: false });
    expect(await balanceOf(account)).toBe('6.70');

    // A toll-free number is not for sale on the Local endpoint.
    await expect(numbers.local.create({ phoneNumber: '+18885550101' })).rejects.toMatchObject({
      status: 400,
      code: 21422,
    });
  });

  it('follows Twilio magic numbers: …0000 unavailable, …0001 invalid, …0006 always available', async () => {
    const first = await kit.control.seedAccount();
    const second = await kit.control.seedAccount();
    await expect(numbersOf(first).create({ phoneNumber: '+15005550000' })).rejects.toMatchObject({
      status: 400,
      code: 21422,
      message: 'PhoneNumber +15005550000 is not available',
    });
    await expect(numbersOf(first).create({ phoneNumber: '+15005550001' })).rejects.toMatchObject({
      status: 400,
      code: 21421,
    });
    await expect(numbersOf(first).create({ phoneNumber: '+15005550006' })).resolves.toMatchObject({
      phoneNumber: '+15005550006',
    });
    await expect(numbersOf(second).create({ phoneNumber: '+15005550006' })).resolves.toMatchObject({
      phoneNumber: '+15005550006',
    });
  });

  it.each<[string, string, number, string]>([
    ['a number that is not E.164', '4155550100', 21421, 'PhoneNumber 4155550100 is invalid'],
    ['a number not in the inventory', '+14155550199', 21422, 'PhoneNumber +14155550199 is not available'],
  ])('refuses %s', async (_label, phoneNumber, code, message) => {
    const account = await kit.control.seedAccount();
    await expect(numbersOf(account).create({ phoneNumber })).rejects.toMatchObject({ status: 400, code, message });
    expect(await kit.control.ownedNumbers(account.sid)).toEqual([]);
    expect(await balanceOf(account)).toBe('20.00');
  });

  it('refuses a number someone already bought (21422), and one taken between search and purchase', async () => {
    const first = await kit.control.seedAccount();
    const second = await kit.control.seedAccount();
    await numbersOf(first).create({ phoneNumber: '+14155550100' });
    await expect(numbersOf(second).create({ phoneNumber: '+14155550100' })).rejects.toMatchObject({ code: 21422 });
    await expect(numbersOf(first).create({ phoneNumber: '+14155550100' })).rejects.toMatchObject({ code: 21422 });

    expect(phoneNumbersOf(await search(second, 'US/Local.json', { Contains: '4155550101' }))).toEqual(['+14155550101']);
    await kit.control.removeAvailableNumber('+14155550101');
    await expect(numbersOf(second).create({ phoneNumber: '+14155550101' })).rejects.toMatchObject({ code: 21422 });
    expect(await kit.control.ownedNumbers(second.sid)).toEqual([]);
  });

  it('buys the first available number of an AreaCode, as Twilio does', async () => {
    const account = await kit.control.seedAccount();
    const numbers = numbersOf(account);
    await expect(numbers.create({ areaCode: '212' })).resolves.toMatchObject({ phoneNumber: '+12125550100' });
    await expect(numbers.create({ areaCode: '212' })).resolves.toMatchObject({ phoneNumber: '+12125550101' });
    await expect(numbers.create({ areaCode: '500' })).resolves.toMatchObject({ phoneNumber: '+15005550006' });
    const purchases = await kit.control.requests({ method: 'POST', pathIncludes: '/IncomingPhoneNumbers.json' });
    expect(purchases.map((request) => request.form.AreaCode)).toEqual(['212', '212', '500']);
  });

  it.each<[string, Record<string, string>, string, number, string]>([
    [
      'AreaCode 533',
      { AreaCode: '533' },
      'IncomingPhoneNumbers.json',
      21452,
      'No phone numbers found in area code 533',
    ],
    ['an area code with no stock', { AreaCode: '999' }, 'IncomingPhoneNumbers.json', 21452, 'area code 999'],
    ['a malformed area code', { AreaCode: '41' }, 'IncomingPhoneNumbers.json', 21451, 'Invalid area code'],
    ['an area code starting with 1', { AreaCode: '141' }, 'IncomingPhoneNumbers.json', 21451, 'Invalid area code'],
    ['AreaCode on Local.json', { AreaCode: '415' }, 'IncomingPhoneNumbers/Local.json', 21457, 'AreaCode'],
    ['AreaCode on TollFree.json', { AreaCode: '800' }, 'IncomingPhoneNumbers/TollFree.json', 21457, 'AreaCode'],
  ])('answers %s with 400 / its code', async (_label, form, list, code, message) => {
    const account = await kit.control.seedAccount();
    const response = await buy(account, form, list);
    expect(response.status).toBe(400);
    const body = await jsonOf(response);
    expect(body).toMatchObject({ code, status: 400, more_info: `https://www.twilio.com/docs/errors/${code}` });
    expect(body.message).toContain(message);
    expect(await kit.control.ownedNumbers(account.sid)).toEqual([]);
  });

  it('limits a Trial account to one number (10002)', async () => {
    const trial = await kit.control.seedAccount({ type: 'Trial' });
    await numbersOf(trial).create({ phoneNumber: '+14155550100' });
    await expect(numbersOf(trial).create({ phoneNumber: '+14155550101' })).rejects.toMatchObject({
      status: 400,
      code: 10002,
      message: 'Trial accounts are limited to one phone number',
    });
    expect(await kit.control.ownedNumbers(trial.sid)).toHaveLength(1);
  });

  it('refuses a purchase the balance cannot cover (10001) and allows one it just covers', async () => {
    const poor = await kit.control.seedAccount({ balance: '1.14' });
    await expect(numbersOf(poor).create({ phoneNumber: '+14155550100' })).rejects.toMatchObject({
      status: 400,
      code: 10001,
      message: 'Account is not active',
    });
    expect(await balanceOf(poor)).toBe('1.14');

    const exact = await kit.control.seedAccount({ balance: '1.15' });
    await numbersOf(exact).create({ phoneNumber: '+14155550100' });
    expect(await balanceOf(exact)).toBe('0.00');
  });

  it("charges a subaccount's purchase to its main account", async () => {
    const main = await kit.control.seedAccount({ balance: '5.00' });
    const sub = await kit.control.seedAccount({ ownerAccountSid: main.sid });
    const number = await clientFor(main)
      .api.v2010.accounts(sub.sid)
      .incomingPhoneNumbers.create({ phoneNumber: '+14155550100' });
    expect(number.accountSid).toBe(sub.sid);
    expect(await balanceOf(main)).toBe('3.85');
  });

  it('checks field names before suspension: unknown field 20001, then suspended 403 / 20403', async () => {
    const account = await kit.control.seedAccount();
    const misspelt = await buy(account, { PhoneNumber: '+14155550100', VoiceURL: 'https://hooks.example.com/v' });
    expect(misspelt.status).toBe(400);
    expect(await jsonOf(misspelt)).toMatchObject({ code: 20001, message: 'Invalid parameter: VoiceURL' });
    expect(await kit.control.ownedNumbers(account.sid)).toEqual([]);

    await kit.control.updateAccount(account.sid, { status: 'suspended' });
    expect(await jsonOf(await buy(account, { PhoneNumber: '+14155550100', Bogus: 'x' }))).toMatchObject({
      code: 20001,
      message: 'Invalid parameter: Bogus',
    });
    const suspended = await buy(account, { PhoneNumber: '+14155550100' });
    expect(suspended.status).toBe(403);
    expect(await jsonOf(suspended)).toMatchObject({ code: 20403 });
    expect(await kit.control.ownedNumbers(account.sid)).toEqual([]);
  });

  it('validates configuration values on purchase', async () => {
    const account = await kit.control.seedAccount();
    const badMethod = await buy(account, { PhoneNumber: '+14155550100', VoiceMethod: 'PUT' });
    expect(await jsonOf(badMethod)).toMatchObject({
      status: 400,
      code: 20001,
      message: 'Invalid parameter: VoiceMethod',
    });
    const badUrl = await buy(account, { PhoneNumber: '+14155550100', SmsUrl: 'not a url' });
    expect(await jsonOf(badUrl)).toMatchObject({ status: 400, code: 20001, message: 'Invalid parameter: SmsUrl' });
    expect(await kit.control.ownedNumbers(account.sid)).toEqual([]);
  });
});

describe('owned numbers: update and release', () => {
  it('updates the configuration and clears URLs and SIDs with ""', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550100',
      voiceApplicationSid: `AP${'a'.repeat(32)}`,
      smsApplicationSid: `AP${'b'.repeat(32)}`,
    });
    const number = numbersOf(account)(seeded.sid);

    const assigned = await number.update({
      voiceUrl: 'https://hooks.example.com/voice',
      voiceMethod: 'POST',
      smsUrl: 'https://hooks.example.com/sms',
      statusCallback: 'https://hooks.example.com/status',
      voiceApplicationSid: '',
      smsApplicationSid: '',
      friendlyName: 'Agent: Reception',
    });
    expect(assigned).toMatchObject({
      voiceUrl: 'https://hooks.example.com/voice',
      smsUrl: 'https://hooks.example.com/sms',
      statusCallback: 'https://hooks.example.com/status',
      voiceApplicationSid: null,
      smsApplicationSid: null,
      friendlyName: 'Agent: Reception',
    });

    const cleared = await number.update({ voiceUrl: '', smsUrl: '', statusCallback: '' });
    expect(cleared).toMatchObject({ voiceUrl: '', smsUrl: '', statusCallback: '', friendlyName: 'Agent: Reception' });
    expect(await kit.control.ownedNumbers(account.sid)).toMatchObject([
      { voiceUrl: '', smsUrl: '', statusCallback: '' },
    ]);
  });

  it('clears voice_application_sid when a trunk is set, and the trunk when an application is', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550100',
      voiceApplicationSid: `AP${'a'.repeat(32)}`,
    });
    const number = numbersOf(account)(seeded.sid);
    await expect(number.update({ trunkSid: `TK${'1'.repeat(32)}` })).resolves.toMatchObject({
      trunkSid: `TK${'1'.repeat(32)}`,
      voiceApplicationSid: null,
    });
    await expect(number.update({ voiceApplicationSid: `AP${'2'.repeat(32)}` })).resolves.toMatchObject({
      trunkSid: null,
      voiceApplicationSid: `AP${'2'.repeat(32)}`,
    });
  });

  it.each<[string, Record<string, string>, string]>([
    ['a field the update does not take', { PhoneNumber: '+14155550101' }, 'Invalid parameter: PhoneNumber'],
    ['a misspelt field', { SmsURL: 'https://hooks.example.com/sms' }, 'Invalid parameter: SmsURL'],
    ['a method other than GET or POST', { SmsMethod: 'PATCH' }, 'Invalid parameter: SmsMethod'],
    ['a malformed SID', { TrunkSid: 'TK123' }, 'Invalid parameter: TrunkSid'],
  ])('refuses %s with 400 / 20001 and changes nothing', async (_label, form, message) => {
    const account = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550100' });
    const response = await raw(
      'api.twilio.com',
      `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers/${seeded.sid}.json`,
      { credentials: account, method: 'POST', form: { VoiceUrl: 'https://hooks.example.com/v', ...form } },
    );
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({ code: 20001, message });
    expect(await kit.control.ownedNumbers(account.sid)).toMatchObject([{ voiceUrl: '', trunkSid: null }]);
  });

  it('releases a number with 204, after which it is 404 / 20404', async () => {
    const account = await kit.control.seedAccount();
    const bought = await numbersOf(account).create({ phoneNumber: '+14155550100' });
    const path = `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers/${bought.sid}.json`;

    const released = await raw('api.twilio.com', path, { credentials: account, method: 'DELETE' });
    expect(released.status).toBe(204);
    expect(await released.text()).toBe('');
    expect(await kit.control.ownedNumbers(account.sid)).toEqual([]);

    await expect(numbersOf(account)(bought.sid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      message: `The requested resource ${path} was not found`,
    });
    await expect(numbersOf(account)(bought.sid).remove()).rejects.toMatchObject({ status: 404, code: 20404 });
    // Like Twilio's aging period, a released number is not for sale again straight away.
    await expect(numbersOf(account).create({ phoneNumber: '+14155550100' })).rejects.toMatchObject({ code: 21422 });
  });
});

describe('available numbers', () => {
  it('lists the countries on sale with their types', async () => {
    const account = await kit.control.seedAccount();
    const countries = await clientFor(account).api.v2010.accounts(account.sid).availablePhoneNumbers.list();
    expect(countries.map((country) => [country.countryCode, Object.keys(country.subresourceUris)])).toEqual([
      ['CA', ['local', 'toll_free']],
      ['GB', ['local', 'mobile']],
      ['US', ['local', 'toll_free']],
    ]);
    expect(countries[2]).toMatchObject({
      country: 'United States',
      beta: false,
      uri: `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/US.json`,
    });
    expect(countries[2]?.subresourceUris.local).toBe(
      `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/US/Local.json`,
    );
  });

  it('answers a search with spec items: strings for lat/long, SMS/MMS capability keys, formatted names', async () => {
    const account = await kit.control.seedAccount();
    const response = await raw(
      'api.twilio.com',
      `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/US/Local.json?AreaCode=415&PageSize=5`,
      { credentials: account },
    );
    const body = (await response.json()) as Record<string, unknown> & {
      available_phone_numbers: Record<string, unknown>[];
    };
    expect(Object.keys(body).sort()).toEqual([...V2010_PAGE_KEYS, 'available_phone_numbers'].sort());
    expect(body.next_page_uri).toBeNull();
    expect(body.available_phone_numbers).toHaveLength(5);
    const first = body.available_phone_numbers[0] ?? {};
    expect(Object.keys(first).sort()).toEqual([...AVAILABLE_NUMBER_KEYS].sort());
    expect(first).toEqual({
      friendly_name: '(415) 555-0100',
      phone_number: '+14155550100',
      lata: '722',
      locality: 'San Francisco',
      rate_center: 'SNFC CNTRL',
      latitude: '37.788500',
      longitude: '-122.399700',
      region: 'CA',
      postal_code: '94105',
      iso_country: 'US',
      address_requirements: 'none',
      beta: false,
      capabilities: { voice: true, SMS: true, MMS: true, fax: false },
    });
  });

  it('returns only the first PageSize matches (default 50) with no next page', async () => {
    const account = await kit.control.seedAccount();
    expect(await search(account, 'US/Local.json')).toHaveLength(50);
    expect(await search(account, 'US/Local.json', { PageSize: '1000' })).toHaveLength(280);
    expect(await search(account, 'US/TollFree.json', { PageSize: '1000' })).toHaveLength(60);
    expect(await search(account, 'GB/Mobile.json')).toHaveLength(10);
  });

  it('searches through the twilio package', async () => {
    const account = await kit.control.seedAccount();
    const found = await clientFor(account)
      .api.v2010.accounts(account.sid)
      .availablePhoneNumbers('US')
      .local.list({ areaCode: 512, smsEnabled: false, limit: 100 });
    expect(found.map((number) => number.phoneNumber)).toEqual([
      '+15125550104',
      '+15125550109',
      '+15125550114',
      '+15125550119',
      '+15125550124',
      '+15125550129',
      '+15125550134',
      '+15125550139',
    ]);
    expect(found.every((number) => number.locality === 'Austin' && number.region === 'TX')).toBe(true);
  });

  it('matches Contains on the national number, with keypad letters and * for any digit', async () => {
    const account = await kit.control.seedAccount();
    // KL = 55, so "KL01*9" is 5501?9: lines 0109, 0119, 0129 and 0139.
    expect(phoneNumbersOf(await search(account, 'US/Local.json', { AreaCode: '415', Contains: 'KL01*9' }))).toEqual([
      '+14155550109',
      '+14155550119',
      '+14155550129',
      '+14155550139',
    ]);
    expect(phoneNumbersOf(await search(account, 'US/Local.json', { Contains: '+1206555013*' }))).toHaveLength(10);
    expect(await search(account, 'US/Local.json', { Contains: '4155550199' })).toEqual([]);
  });

  it('filters by capabilities, region, locality and postal code', async () => {
    const account = await kit.control.seedAccount();
    const sf = { AreaCode: '415', PageSize: '100' };
    expect(await search(account, 'US/Local.json', { ...sf, SmsEnabled: 'false' })).toHaveLength(8);
    expect(await search(account, 'US/Local.json', { ...sf, MmsEnabled: 'true' })).toHaveLength(24);
    const smsOnly = await search(account, 'US/Local.json', { ...sf, SmsEnabled: 'true', MmsEnabled: 'false' });
    expect(smsOnly.map((item) => item.capabilities)).toEqual(
      Array.from({ length: 8 }, () => ({ voice: true, SMS: true, MMS: false, fax: false })),
    );

    const texas = await search(account, 'US/Local.json', { InRegion: 'tx', PageSize: '100' });
    expect(texas).toHaveLength(40);
    expect(new Set(texas.map((item) => item.locality))).toEqual(new Set(['Austin']));
    const sausalito = await search(account, 'US/Local.json', { InLocality: 'SAUSALITO', PageSize: '100' });
    expect(phoneNumbersOf(sausalito)).toEqual(Array.from({ length: 10 }, (_, i) => `+141555501${30 + i}`));
    expect(await search(account, 'US/Local.json', { InPostalCode: '94105', PageSize: '100' })).toHaveLength(30);
  });

  it('finds nothing in area code 533 and refuses a malformed area code (21451)', async () => {
    const account = await kit.control.seedAccount();
    expect(await search(account, 'US/Local.json', { AreaCode: '533' })).toEqual([]);
    for (const areaCode of ['41', '015', '4155']) {
      const response = await raw(
        'api.twilio.com',
        `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/US/Local.json?AreaCode=${areaCode}`,
        { credentials: account },
      );
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ code: 21451, message: 'Invalid area code' });
    }
  });

  it('answers 404 for a country or type not on sale', async () => {
    const account = await kit.control.seedAccount();
    for (const list of ['ZZ/Local.json', 'GB/TollFree.json']) {
      const response = await raw(
        'api.twilio.com',
        `/2010-04-01/Accounts/${account.sid}/AvailablePhoneNumbers/${list}`,
        {
          credentials: account,
        },
      );
      expect(response.status).toBe(404);
      expect(await jsonOf(response)).toMatchObject({ code: 20404 });
    }
  });

  it('sells seeded numbers and forgets them on reset', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedAvailableNumbers({
      country: 'US',
      type: 'local',
      numbers: [
        {
          phoneNumber: '+17205550100',
          locality: 'Boulder',
          region: 'CO',
          postalCode: '80302',
          capabilities: { mms: false },
        },
      ],
    });
    expect(await search(account, 'US/Local.json', { InLocality: 'Boulder' })).toMatchObject([
      { phone_number: '+17205550100', postal_code: '80302', capabilities: { voice: true, SMS: true, MMS: false } },
    ]);
    await kit.control.reset();
    const again = await kit.control.seedAccount();
    expect(await search(again, 'US/Local.json', { InLocality: 'Boulder' })).toEqual([]);
  });
});

describe('pricing', () => {
  it('lists countries with v1 paging and fetches one country’s number prices as strings', async () => {
    const account = await kit.control.seedAccount();
    const pricing = clientFor(account).pricing.v1.phoneNumbers;
    const countries = await pricing.countries.list();
    expect(countries.map((country) => [country.isoCountry, country.country])).toEqual([
      ['CA', 'Canada'],
      ['GB', 'United Kingdom'],
      ['US', 'United States'],
    ]);
    expect(countries[0]?.url).toBe('https://pricing.twilio.com/v1/PhoneNumbers/Countries/CA');

    const response = await raw('pricing.twilio.com', '/v1/PhoneNumbers/Countries/US', { credentials: account });
    expect(await response.json()).toEqual({
      country: 'United States',
      iso_country: 'US',
      phone_number_prices: [
        { number_type: 'local', base_price: '1.15', current_price: '1.15' },
        { number_type: 'toll free', base_price: '2.15', current_price: '2.15' },
      ],
      price_unit: 'USD',
      url: 'https://pricing.twilio.com/v1/PhoneNumbers/Countries/US',
    });
    const gb = await pricing.countries('GB').fetch();
    expect(gb.phoneNumberPrices.map((price) => [price.numberType, price.currentPrice])).toEqual([
      ['local', '1.15'],
      ['mobile', '1.15'],
    ]);
  });

  it('answers 404 / 20404 for an unknown country and 401 without credentials', async () => {
    const account = await kit.control.seedAccount();
    await expect(clientFor(account).pricing.v1.phoneNumbers.countries('ZZ').fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      message: 'The requested resource /PhoneNumbers/Countries/ZZ was not found',
    });
    expect((await raw('pricing.twilio.com', '/v1/PhoneNumbers/Countries/US')).status).toBe(401);
  });

  it('charges purchases at prices set by a test, until reset', async () => {
    const account = await kit.control.seedAccount({ balance: '10.00' });
    await kit.control.setPrices({
      country: 'US',
      prices: [{ numberType: 'local', basePrice: '1.15', currentPrice: '0.50' }],
    });
    await numbersOf(account).create({ phoneNumber: '+14155550100' });
    expect(await balanceOf(account)).toBe('9.50');
    const fetched = await clientFor(account).pricing.v1.phoneNumbers.countries('US').fetch();
    expect(fetched.phoneNumberPrices.map((price) => price.numberType)).toEqual(['local']);

    await kit.control.reset();
    const again = await kit.control.seedAccount();
    const restored = await clientFor(again).pricing.v1.phoneNumbers.countries('US').fetch();
    expect(restored.phoneNumberPrices.map((price) => price.currentPrice)).toEqual(['1.15', '2.15']);
  });
});

describe('faults after commit', () => {
  it('drops the connection after the purchase took effect', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'drop', afterCommit: true, match: { method: 'POST' } });
    const error = await rejectionOf(numbersOf(account).create({ phoneNumber: '+14155550100' }));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ failure: 'reset' });

    expect((await kit.control.ownedNumbers(account.sid)).map((number) => number.phoneNumber)).toEqual(['+14155550100']);
    expect(await balanceOf(account)).toBe('18.85');
    expect(await kit.control.requests({ method: 'POST' })).toMatchObject([{ status: null }]);
  });

  it('never answers a purchase it performed (timeout afterCommit)', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'timeout', afterCommit: true });
    const error = await rejectionOf(
      clientFor(account, { timeoutMs: 300 }).api.v2010.accounts(account.sid).incomingPhoneNumbers.create({
        phoneNumber: '+14155550100',
      }),
    );
    expect(error).toMatchObject({ failure: 'timeout' });
    expect(await kit.control.ownedNumbers(account.sid)).toHaveLength(1);
  });

  it('holds the answer of a performed purchase for the latency, leaving a window to look', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'latency', ms: 400, afterCommit: true });
    const pending = buy(account, { PhoneNumber: '+14155550100' });
    await waitFor(async () => (await kit.control.ownedNumbers(account.sid)).length === 1);
    expect((await kit.control.requests())[0]?.status).toBeNull();

    const response = await pending;
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toMatchObject({ phone_number: '+14155550100' });
  });

  it('leaves nothing done when an ordinary drop fault fires', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.injectFault({ kind: 'drop' });
    await expect(numbersOf(account).create({ phoneNumber: '+14155550100' })).rejects.toBeInstanceOf(TransportError);
    expect(await kit.control.ownedNumbers(account.sid)).toEqual([]);
    expect(await balanceOf(account)).toBe('20.00');
  });
});

describe('control API: numbers', () => {
  it('seeds an owned number with its configuration and returns it in camelCase', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({
      accountSid: account.sid,
      phoneNumber: '+14155550105',
      friendlyName: 'Existing line',
      voiceUrl: 'https://other.example.com/voice',
      smsMethod: 'GET',
      trunkSid: `TK${'f'.repeat(32)}`,
    });
    expect(seeded).toMatchObject({
      sid: expect.stringMatching(/^PN[0-9a-f]{32}$/) as unknown,
      accountSid: account.sid,
      phoneNumber: '+14155550105',
      friendlyName: 'Existing line',
      type: 'local',
      voiceUrl: 'https://other.example.com/voice',
      smsMethod: 'GET',
      trunkSid: `TK${'f'.repeat(32)}`,
      voiceApplicationSid: null,
      // The inventory entry it took was voice + SMS + MMS.
      capabilities: { voice: true, sms: true, mms: true, fax: false },
    });
    // Taken off the market.
    expect(await search(account, 'US/Local.json', { Contains: '4155550105' })).toEqual([]);
  });

  it('changes a number "outside the app", visible through the API', async () => {
    const account = await kit.control.seedAccount();
    const seeded = await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550100' });
    const patched = await kit.control.updateOwnedNumber(seeded.sid, {
      voiceUrl: 'https://someone-else.example.com/voice',
      capabilities: { sms: false },
    });
    expect(patched.capabilities).toEqual({ voice: true, sms: false, mms: true, fax: false });
    const fetched = await numbersOf(account)(seeded.sid).fetch();
    expect(fetched.voiceUrl).toBe('https://someone-else.example.com/voice');
    expect(fetched.capabilities).toMatchObject({ sms: false });
  });

  it('seeds bulk numbers with names, unique across calls and clear of the inventory', async () => {
    const account = await kit.control.seedAccount();
    await kit.control.seedOwnedNumbers({ accountSid: account.sid, count: 3, friendlyNamePrefix: 'Bulk ' });
    await kit.control.seedOwnedNumbers({ accountSid: account.sid, count: 2, type: 'toll-free' });
    const owned = await kit.control.ownedNumbers(account.sid);
    const byPhoneNumber = owned
      .map((number) => [number.phoneNumber, number.friendlyName, number.type])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byPhoneNumber).toEqual([
      ['+14150000000', 'Bulk 1', 'local'],
      ['+14150000001', 'Bulk 2', 'local'],
      ['+14150000002', 'Bulk 3', 'local'],
      ['+18000000000', '(800) 000-0000', 'toll-free'],
      ['+18000000001', '(800) 000-0001', 'toll-free'],
    ]);

    const other = await kit.control.seedAccount();
    await kit.control.seedOwnedNumbers({ accountSid: other.sid, count: 1 });
    expect((await kit.control.ownedNumbers(other.sid))[0]?.phoneNumber).toBe('+14150000003');
  });

  it.each<[string, () => Promise<unknown>, number, RegExp]>([
    [
      'a number that is already owned',
      async () => {
        const account = await kit.control.seedAccount();
        await kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550100' });
        return kit.control.seedOwnedNumber({ accountSid: account.sid, phoneNumber: '+14155550100' });
      },
      409,
      /already owned/,
    ],
    [
      'a number that is not E.164',
      () => kit.control.seedOwnedNumber({ accountSid: `AC${'1'.repeat(32)}`, phoneNumber: '415-555-0100' }),
      400,
      /E\.164/,
    ],
    [
      'numbers for an unknown account',
      () => kit.control.seedOwnedNumbers({ accountSid: `AC${'1'.repeat(32)}`, count: 1 }),
      400,
      /seed it first/,
    ],
    [
      'a patch of an unknown number',
      () => kit.control.updateOwnedNumber(`PN${'1'.repeat(32)}`, {}),
      404,
      /does not exist/,
    ],
    ['removing a number not for sale', () => kit.control.removeAvailableNumber('+19995550100'), 404, /inventory/],
    [
      'an unknown price type',
      () =>
        kit.control.setPrices({
          country: 'US',
          prices: [{ numberType: 'tollfree', basePrice: '1', currentPrice: '1' }],
        } as never),
      400,
      /numberType/,
    ],
  ])('refuses %s with a readable message', async (_label, call, status, message) => {
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(FakeTwilioControlError);
    expect(error).toMatchObject({ status });
    expect((error as Error).message).toMatch(message);
  });
});

describe('number helpers', () => {
  it('does exact decimal money arithmetic', () => {
    expect(subtractMoney('20.00', '1.15')).toBe('18.85');
    expect(subtractMoney('1.15', '1.15')).toBe('0.00');
    expect(subtractMoney('0.10', '0.2')).toBe('-0.10');
    expect(subtractMoney('5', '0.0085')).toBe('4.9915');
    expect(compareMoney('1.14', '1.15')).toBe(-1);
    expect(compareMoney('1.150', '1.15')).toBe(0);
    expect(compareMoney('-1', '0.00')).toBe(-1);
  });

  it('maps vanity letters to keypad digits and * to any digit', () => {
    expect(digitPattern('FLOWERS')?.source).toBe('3569377');
    expect(digitPattern('0*0')?.test('4155550100')).toBe(true);
    expect(digitPattern('0*0')?.test('4155550111')).toBe(false);
    expect(digitPattern('jkl')?.test('4155550100')).toBe(true);
    expect(digitPattern('55-1')).toBeUndefined();
    expect(friendlyPhoneNumber('+14155550100')).toBe('(415) 555-0100');
    expect(friendlyPhoneNumber('+447700900100')).toBe('+447700900100');
  });

  it('seeds 10,000 numbers directly into the state, ordered and indexed', () => {
    const state = new FakeState({ now: () => new Date('2026-11-24T21:52:58Z') });
    const account = state.createAccount();
    const seeded = state.seedOwnedNumbers({ accountSid: account.sid, count: 10_000 });
    expect(seeded).toHaveLength(10_000);
    const listed = state.incomingNumbersOf(account.sid);
    expect(listed.map((number) => number.sid)).toEqual(seeded.map((number) => number.sid).sort());
    expect(state.isOwned('+14150009999')).toBe(true);
    expect(state.familyNumberCount(account.sid)).toBe(10_000);
  });
});
