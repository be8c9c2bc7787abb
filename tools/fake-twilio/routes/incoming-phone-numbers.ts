/**
 * api.twilio.com 2010-04-01 IncomingPhoneNumbers: list, buy, fetch, update
 * and release an account's numbers.
 *
 * Unlike Twilio, which ignores form fields it does not know, the fake answers
 * 400 / 20001 for any field the spec does not list for the operation: Prism
 * cannot catch a misspelt field (it ignores them too), and a misspelt
 * `VoiceUrl` would otherwise pass every test while configuring nothing.
 */
import type { NumberCapabilities, NumberType } from '../control-schema';
import { PRICE_NUMBER_TYPE } from '../default-catalog';
import { compareMoney, subtractMoney } from '../money';
import { areaCodeOf, digitPattern, isE164 } from '../phone-number-util';
import type { AddressRequirement, FakeAccount, FakeIncomingNumber, FakeState, IncomingNumberChanges } from '../state';
import {
  accountSuspended,
  created,
  defineRoute,
  invalidParameter,
  noContent,
  ok,
  resourceNotFound,
  TwilioApiError,
  type JsonReply,
  type RouteContext,
  type TwilioRoute,
} from '../twilio-route';
import { incomingPhoneNumberJson, NUMBER_TYPE_LISTS, pageV2010 } from '../wire';
import { scopedAccount } from './api-v2010';
import {
  boolean,
  friendlyName,
  method,
  oneOf,
  parseFields,
  rejectUnknownFields,
  sid,
  webhook,
  type FieldParser,
} from './form-fields';

const BASE = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers';

// ----- form fields -----

type ConfigParser = FieldParser<IncomingNumberChanges>;

const applicationSid = sid('AP');
const addressSid = sid('AD');

/**
 * The configuration fields shared by the create and update operations,
 * exactly as the spec's request bodies list them, each with its parser.
 */
const CONFIG_FIELDS: Readonly<Record<string, ConfigParser>> = {
  ApiVersion: (v, n) => ({ apiVersion: oneOf(['2010-04-01', '2008-08-01'])(v, n) }),
  FriendlyName: (v, n) => ({ friendlyName: friendlyName(v, n) }),
  SmsApplicationSid: (v, n) => ({ smsApplicationSid: applicationSid(v, n) }),
  SmsFallbackMethod: (v, n) => ({ smsFallbackMethod: method(v, n) }),
  SmsFallbackUrl: (v, n) => ({ smsFallbackUrl: webhook(v, n) }),
  SmsMethod: (v, n) => ({ smsMethod: method(v, n) }),
  SmsUrl: (v, n) => ({ smsUrl: webhook(v, n) }),
  StatusCallback: (v, n) => ({ statusCallback: webhook(v, n) }),
  StatusCallbackMethod: (v, n) => ({ statusCallbackMethod: method(v, n) }),
  VoiceApplicationSid: (v, n) => ({ voiceApplicationSid: applicationSid(v, n) }),
  VoiceCallerIdLookup: (v, n) => ({ voiceCallerIdLookup: boolean(v, n) }),
  VoiceFallbackMethod: (v, n) => ({ voiceFallbackMethod: method(v, n) }),
  VoiceFallbackUrl: (v, n) => ({ voiceFallbackUrl: webhook(v, n) }),
  VoiceMethod: (v, n) => ({ voiceMethod: method(v, n) }),
  VoiceUrl: (v, n) => ({ voiceUrl: webhook(v, n) }),
  EmergencyStatus: (v, n) => ({ emergencyStatus: oneOf(['Active', 'Inactive'])(v, n) }),
  EmergencyAddressSid: (v, n) => ({ emergencyAddressSid: addressSid(v, n) }),
  TrunkSid: (v, n) => ({ trunkSid: sid('TK')(v, n) }),
  IdentitySid: (v, n) => ({ identitySid: sid('RI')(v, n) }),
  AddressSid: (v, n) => ({ addressSid: addressSid(v, n) }),
  VoiceReceiveMode: (v, n) => ({ voiceReceiveMode: oneOf(['voice', 'fax'])(v, n) }),
  BundleSid: (v, n) => ({ bundleSid: sid('BU')(v, n) }),
};

const withConfig = (...names: string[]) => new Set([...Object.keys(CONFIG_FIELDS), ...names]);
/**
 * CreateIncomingPhoneNumber. The Local/TollFree/Mobile variants list no
 * AreaCode, but it is let through there to be answered 21457, as Twilio does.
 */
const CREATE_FIELDS = withConfig('PhoneNumber', 'AreaCode');
/** UpdateIncomingPhoneNumber. */
const UPDATE_FIELDS = withConfig('AccountSid');

function parseConfig(form: Record<string, string>): IncomingNumberChanges {
  return parseFields(form, CONFIG_FIELDS);
}

/**
 * "Setting a trunk_sid will automatically delete your voice_application_sid
 * and vice versa" (spec), unless the request sets both.
 */
function withRoutingRule(changes: IncomingNumberChanges): IncomingNumberChanges {
  const { trunkSid, voiceApplicationSid } = changes;
  if (typeof trunkSid === 'string' && voiceApplicationSid === undefined)
    return { ...changes, voiceApplicationSid: null };
  if (typeof voiceApplicationSid === 'string' && trunkSid === undefined) return { ...changes, trunkSid: null };
  return changes;
}

// ----- helpers -----

/** Twilio lets a suspended account change nothing; checked in the handler so field errors come first. */
function requireActive(...accounts: FakeAccount[]): void {
  if (accounts.some((account) => account.status === 'suspended')) throw accountSuspended();
}

/** Subaccounts have no balance or plan of their own: their main account pays. */
function billingAccount(state: FakeState, account: FakeAccount): FakeAccount {
  return state.getAccount(account.ownerAccountSid) ?? account;
}

function ownNumber(ctx: RouteContext<'AccountSid' | 'Sid'>): { account: FakeAccount; number: FakeIncomingNumber } {
  const account = scopedAccount(ctx);
  const number = ctx.state.getIncomingNumber(ctx.params.Sid);
  if (number?.accountSid !== account.sid) throw resourceNotFound(ctx.host, ctx.path);
  return { account, number };
}

/**
 * The PhoneNumber filter is a "contains" match on the digits, so "+1415"
 * finds every 415 number; punctuation is ignored and `*` matches any digit.
 */
function phoneNumberMatcher(filter: string | undefined): ((number: FakeIncomingNumber) => boolean) | undefined {
  if (filter === undefined) return undefined;
  const stripped = filter.replace(/[^0-9a-zA-Z*]/g, '');
  if (stripped === '') return undefined;
  const pattern = digitPattern(stripped);
  if (!pattern) throw invalidParameter('PhoneNumber');
  return (number) => pattern.test(number.phoneNumber.slice(1));
}

function listNumbers(ctx: RouteContext<'AccountSid'>, type: NumberType | undefined): JsonReply {
  const account = scopedAccount(ctx);
  const { FriendlyName: name, Origin: origin, Beta: beta } = ctx.query;
  const phoneNumberMatches = phoneNumberMatcher(ctx.query.PhoneNumber);
  const betaValue = beta === undefined ? undefined : boolean(beta, 'Beta');
  const filtered =
    type === undefined &&
    name === undefined &&
    origin === undefined &&
    betaValue === undefined &&
    phoneNumberMatches === undefined;
  const all = ctx.state.incomingNumbersOf(account.sid);
  const numbers = filtered
    ? all
    : all.filter(
        (number) =>
          (type === undefined || number.type === type) &&
          (name === undefined || number.friendlyName === name) &&
          (origin === undefined || number.origin === origin) &&
          (betaValue === undefined || number.beta === betaValue) &&
          (phoneNumberMatches === undefined || phoneNumberMatches(number)),
      );
  // Serialise only the page, not the whole (possibly 10,000-number) list.
  const page = pageV2010('incoming_phone_numbers', ctx.path, ctx.query, numbers);
  return ok({
    ...page,
    incoming_phone_numbers: page.incoming_phone_numbers.map((number) =>
      incomingPhoneNumberJson(number, { includeType: type === undefined }),
    ),
  });
}

// ----- purchase -----

/** Twilio's test numbers, which behave the same on every account (docs: test credentials). */
const MAGIC_UNAVAILABLE = '+15005550000';
const MAGIC_INVALID = '+15005550001';
const MAGIC_AVAILABLE = '+15005550006';
/** AreaCode 500 buys the always-available magic number; 533 never has numbers. */
const MAGIC_AREA_CODE = '500';
const EMPTY_AREA_CODE = '533';

/** What a purchase would take: an inventory entry, or the magic number that anyone may buy. */
interface Candidate {
  phoneNumber: string;
  isoCountry: string;
  type: NumberType;
  capabilities: NumberCapabilities;
  addressRequirements: AddressRequirement;
  beta: boolean;
  /** False for the magic number, which is never taken off the market. */
  exclusive: boolean;
}

const MAGIC_CANDIDATE: Candidate = {
  phoneNumber: MAGIC_AVAILABLE,
  isoCountry: 'US',
  type: 'local',
  capabilities: { voice: true, sms: true, mms: true, fax: false },
  addressRequirements: 'none',
  beta: false,
  exclusive: false,
};

const notAvailable = (phoneNumber: string) =>
  new TwilioApiError(400, 21422, `PhoneNumber ${phoneNumber} is not available`);
const invalidNumber = (phoneNumber: string) => new TwilioApiError(400, 21421, `PhoneNumber ${phoneNumber} is invalid`);
const noneInAreaCode = (areaCode: string) =>
  new TwilioApiError(400, 21452, `No phone numbers found in area code ${areaCode}`);

function candidateByPhoneNumber(state: FakeState, phoneNumber: string, type: NumberType | undefined): Candidate {
  if (phoneNumber === MAGIC_UNAVAILABLE) throw notAvailable(phoneNumber);
  if (phoneNumber === MAGIC_INVALID) throw invalidNumber(phoneNumber);
  if (phoneNumber === MAGIC_AVAILABLE) return MAGIC_CANDIDATE;
  if (!isE164(phoneNumber)) throw invalidNumber(phoneNumber);
  const listed = state.availableNumber(phoneNumber);
  // A number of another type is not for sale on a type-specific endpoint.
  if (!listed || state.isOwned(phoneNumber) || (type !== undefined && listed.type !== type)) {
    throw notAvailable(phoneNumber);
  }
  return { ...listed, exclusive: true };
}

/** Twilio provisions the first available local number of the area code; the app must never rely on this. */
function candidateByAreaCode(state: FakeState, areaCode: string): Candidate {
  if (!/^[2-9]\d{2}$/.test(areaCode)) throw new TwilioApiError(400, 21451, 'Invalid area code');
  if (areaCode === MAGIC_AREA_CODE) return MAGIC_CANDIDATE;
  if (areaCode === EMPTY_AREA_CODE) throw noneInAreaCode(areaCode);
  const listed = state
    .allAvailableNumbers()
    .find((number) => number.type === 'local' && areaCodeOf(number.phoneNumber) === areaCode);
  if (!listed) throw noneInAreaCode(areaCode);
  return { ...listed, exclusive: true };
}

/**
 * The purchase rules, in this order: unknown fields (20001), suspended
 * account (20403), AreaCode on a type-specific endpoint (21457), then the
 * number itself (magic numbers, 21421 invalid, 21422 not available, 21451 /
 * 21452 for AreaCode), then the account's plan (10002 Trial limit) and funds
 * (10001). Success takes the number off the market, charges its monthly
 * price to the paying account and answers 201.
 */
function purchase(ctx: RouteContext<'AccountSid'>, type: NumberType | undefined): JsonReply {
  const account = scopedAccount(ctx);
  rejectUnknownFields(ctx.form, CREATE_FIELDS);
  const payer = billingAccount(ctx.state, account);
  requireActive(ctx.account, account, payer);
  const config = withRoutingRule(parseConfig(ctx.form));
  const { PhoneNumber: phoneNumber, AreaCode: areaCode } = ctx.form;
  if (type !== undefined && areaCode !== undefined) {
    throw new TwilioApiError(400, 21457, 'AreaCode parameter not supported for this number type; use PhoneNumber');
  }

  let candidate: Candidate;
  if (phoneNumber !== undefined) candidate = candidateByPhoneNumber(ctx.state, phoneNumber, type);
  else if (areaCode !== undefined) candidate = candidateByAreaCode(ctx.state, areaCode);
  else throw new TwilioApiError(400, 20001, 'Missing required parameter: PhoneNumber or AreaCode');

  if (payer.type === 'Trial' && ctx.state.familyNumberCount(payer.sid) >= 1) {
    throw new TwilioApiError(400, 10002, 'Trial accounts are limited to one phone number');
  }
  // A number the fake has no price for is free rather than unbuyable.
  const price = ctx.state.monthlyPrice(candidate.isoCountry, PRICE_NUMBER_TYPE[candidate.type]) ?? '0.00';
  if (compareMoney(payer.balance, price) < 0) throw new TwilioApiError(400, 10001, 'Account is not active');

  const number = ctx.state.createIncomingNumber(
    {
      ...config,
      accountSid: account.sid,
      phoneNumber: candidate.phoneNumber,
      isoCountry: candidate.isoCountry,
      type: candidate.type,
      capabilities: candidate.capabilities,
      addressRequirements: candidate.addressRequirements,
      beta: candidate.beta,
    },
    { exclusive: candidate.exclusive },
  );
  ctx.state.updateAccount(payer.sid, { balance: subtractMoney(payer.balance, price) });
  return created(incomingPhoneNumberJson(number, { includeType: type === undefined }));
}

// ----- update -----

function update(ctx: RouteContext<'AccountSid' | 'Sid'>): JsonReply {
  const { account, number } = ownNumber(ctx);
  rejectUnknownFields(ctx.form, UPDATE_FIELDS);
  requireActive(ctx.account, account);
  const changes = withRoutingRule(parseConfig(ctx.form));
  const target = ctx.form.AccountSid;
  if (target !== undefined && target !== number.accountSid) {
    // A number moves only within the caller's own family of accounts.
    const destination = ctx.state.getAccount(target);
    const visible =
      destination !== undefined &&
      (destination.sid === ctx.account.sid || destination.ownerAccountSid === ctx.account.sid);
    if (!visible) throw invalidParameter('AccountSid');
    return ok(incomingPhoneNumberJson(ctx.state.updateIncomingNumber(number.sid, { ...changes, accountSid: target })));
  }
  return ok(incomingPhoneNumberJson(ctx.state.updateIncomingNumber(number.sid, changes)));
}

// ----- routes -----

const typedRoutes = NUMBER_TYPE_LISTS.flatMap(({ type, file }) => [
  defineRoute({
    method: 'GET',
    path: `${BASE}/${file}.json` as const,
    handler: (ctx) => listNumbers(ctx, type),
  }),
  defineRoute({
    method: 'POST',
    path: `${BASE}/${file}.json` as const,
    allowSuspended: true,
    handler: (ctx) => purchase(ctx, type),
  }),
]);

export const incomingPhoneNumberRoutes: TwilioRoute[] = [
  defineRoute({
    method: 'GET',
    path: `${BASE}.json` as const,
    handler: (ctx) => listNumbers(ctx, undefined),
  }),
  // Purchase and update check suspension themselves, after the field-name check.
  defineRoute({
    method: 'POST',
    path: `${BASE}.json` as const,
    allowSuspended: true,
    handler: (ctx) => purchase(ctx, undefined),
  }),
  // Before {Sid}.json, which would otherwise take "Local" for a SID.
  ...typedRoutes,
  defineRoute({
    method: 'GET',
    path: `${BASE}/{Sid}.json` as const,
    handler: (ctx) => ok(incomingPhoneNumberJson(ownNumber(ctx).number)),
  }),
  defineRoute({
    method: 'POST',
    path: `${BASE}/{Sid}.json` as const,
    allowSuspended: true,
    handler: update,
  }),
  defineRoute({
    method: 'DELETE',
    path: `${BASE}/{Sid}.json` as const,
    handler: (ctx) => {
      const { number } = ownNumber(ctx);
      ctx.state.deleteIncomingNumber(number.sid);
      return noContent();
    },
  }),
];
