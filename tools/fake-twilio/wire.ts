/**
 * Twilio's wire format: how resources, lists and errors look in JSON.
 *
 * Two dialects coexist. The 2010-04-01 API (api.twilio.com) uses RFC 2822
 * dates, a relative `uri` ending in `.json`, `subresource_uris`, and lists
 * paged with top-level `*_page_uri` fields. The v1/v2 APIs (messaging,
 * pricing, trusthub) use ISO 8601 dates, an absolute `url`, `links`, and a
 * `meta` block with absolute `*_page_url`s.
 *
 * Every serialiser emits every property the official OpenAPI schema lists for
 * the resource (null where Twilio has no value) because the contract suite
 * checks these bodies against the specs, and the app must cope with the full
 * shape. Absolute URLs name Twilio's real origins, as Twilio does, so a client
 * following a paging link goes through its own host mapping.
 */
import type { CallStatus, MessageDirection, MessageStatus, NumberType } from './control-schema';
import { friendlyPhoneNumber } from './phone-number-util';
import type {
  AddressRequirement,
  EmergencyAddressStatus,
  FakeAccount,
  FakeAvailableNumber,
  FakeIncomingNumber,
  FakeMessagingService,
  FakePriceList,
  FakeServiceNumber,
} from './state';
import { twilioOrigin } from './twilio-hosts';
import type { FakeBrand, FakeCampaign, FakeCustomerProfile, FakeRegistrationError } from './a2p-state';
import type { FakeCall, FakeMessage, UsageFigures } from './usage-state';

// ----- dates -----

/** "Tue, 24 Nov 2026 21:52:58 +0000" — the 2010-04-01 API's date format. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** "2026-11-24T21:52:58Z" — the v1 APIs' date format (no milliseconds). */
export function iso8601(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ----- errors -----

export interface TwilioErrorJson {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function twilioErrorJson(status: number, code: number, message: string): TwilioErrorJson {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

// ----- api.twilio.com 2010-04-01 -----

const V2010 = '/2010-04-01';

/** Keys exactly as the spec's FetchAccount example lists them; values are relative URIs. */
const ACCOUNT_SUBRESOURCES = {
  available_phone_numbers: 'AvailablePhoneNumbers.json',
  calls: 'Calls.json',
  conferences: 'Conferences.json',
  incoming_phone_numbers: 'IncomingPhoneNumbers.json',
  notifications: 'Notifications.json',
  outgoing_caller_ids: 'OutgoingCallerIds.json',
  recordings: 'Recordings.json',
  transcriptions: 'Transcriptions.json',
  addresses: 'Addresses.json',
  signing_keys: 'SigningKeys.json',
  connect_apps: 'ConnectApps.json',
  sip: 'SIP.json',
  authorized_connect_apps: 'AuthorizedConnectApps.json',
  usage: 'Usage.json',
  keys: 'Keys.json',
  applications: 'Applications.json',
  short_codes: 'SMS/ShortCodes.json',
  queues: 'Queues.json',
  messages: 'Messages.json',
  balance: 'Balance.json',
} as const;

/** `api.v2010.account` */
export interface AccountJson {
  auth_token: string | null;
  date_created: string | null;
  date_updated: string | null;
  friendly_name: string | null;
  owner_account_sid: string | null;
  sid: string | null;
  status: FakeAccount['status'];
  subresource_uris: Record<keyof typeof ACCOUNT_SUBRESOURCES, string> | null;
  type: FakeAccount['type'];
  uri: string | null;
}

export function accountPath(sid: string): string {
  return `${V2010}/Accounts/${sid}`;
}

/** Includes `auth_token` because Twilio does; the app is the one that must strip it. */
export function accountJson(account: FakeAccount): AccountJson {
  const base = accountPath(account.sid);
  const subresourceUris = Object.fromEntries(
    Object.entries(ACCOUNT_SUBRESOURCES).map(([key, file]) => [key, `${base}/${file}`]),
  ) as Record<keyof typeof ACCOUNT_SUBRESOURCES, string>;
  return {
    auth_token: account.authToken,
    date_created: rfc2822(account.dateCreated),
    date_updated: rfc2822(account.dateUpdated),
    friendly_name: account.friendlyName,
    owner_account_sid: account.ownerAccountSid,
    sid: account.sid,
    status: account.status,
    subresource_uris: subresourceUris,
    type: account.type,
    uri: `${base}.json`,
  };
}

/** `api.v2010.account.balance` — the balance stays a string, as on the wire. */
export interface BalanceJson {
  account_sid: string | null;
  balance: string | null;
  currency: string | null;
}

export function balanceJson(account: FakeAccount): BalanceJson {
  return { account_sid: account.sid, balance: account.balance, currency: account.currency };
}

/** `api.v2010.account.incoming_phone_number`; `type` only on the generic endpoints (see below). */
export interface IncomingPhoneNumberJson {
  account_sid: string | null;
  address_sid: string | null;
  address_requirements: AddressRequirement;
  api_version: string | null;
  beta: boolean | null;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean } | null;
  date_created: string | null;
  date_updated: string | null;
  friendly_name: string | null;
  identity_sid: string | null;
  phone_number: string | null;
  origin: string | null;
  sid: string | null;
  sms_application_sid: string | null;
  sms_fallback_method: 'GET' | 'POST' | null;
  sms_fallback_url: string | null;
  sms_method: 'GET' | 'POST' | null;
  sms_url: string | null;
  status_callback: string | null;
  status_callback_method: 'GET' | 'POST' | null;
  trunk_sid: string | null;
  uri: string | null;
  voice_receive_mode: 'voice' | 'fax';
  voice_application_sid: string | null;
  voice_caller_id_lookup: boolean | null;
  voice_fallback_method: 'GET' | 'POST' | null;
  voice_fallback_url: string | null;
  voice_method: 'GET' | 'POST' | null;
  voice_url: string | null;
  emergency_status: 'Active' | 'Inactive';
  emergency_address_sid: string | null;
  emergency_address_status: EmergencyAddressStatus;
  bundle_sid: string | null;
  status: string | null;
  type?: string | null;
}

export function incomingPhoneNumberPath(accountSid: string, sid: string): string {
  return `${accountPath(accountSid)}/IncomingPhoneNumbers/${sid}.json`;
}

/**
 * Unset webhooks are "" (Twilio's stored value) and unset SIDs null (the
 * spec's SID patterns do not admit ""). The generic endpoints' schema has
 * `type`; the Local/TollFree/Mobile schemas do not, so those omit it.
 */
export function incomingPhoneNumberJson(
  number: FakeIncomingNumber,
  options: { includeType: boolean } = { includeType: true },
): IncomingPhoneNumberJson {
  const json: IncomingPhoneNumberJson = {
    account_sid: number.accountSid,
    address_sid: number.addressSid,
    address_requirements: number.addressRequirements,
    api_version: number.apiVersion,
    beta: number.beta,
    capabilities: { ...number.capabilities },
    date_created: rfc2822(number.dateCreated),
    date_updated: rfc2822(number.dateUpdated),
    friendly_name: number.friendlyName,
    identity_sid: number.identitySid,
    phone_number: number.phoneNumber,
    origin: number.origin,
    sid: number.sid,
    sms_application_sid: number.smsApplicationSid,
    sms_fallback_method: number.smsFallbackMethod,
    sms_fallback_url: number.smsFallbackUrl,
    sms_method: number.smsMethod,
    sms_url: number.smsUrl,
    status_callback: number.statusCallback,
    status_callback_method: number.statusCallbackMethod,
    trunk_sid: number.trunkSid,
    uri: incomingPhoneNumberPath(number.accountSid, number.sid),
    voice_receive_mode: number.voiceReceiveMode,
    voice_application_sid: number.voiceApplicationSid,
    voice_caller_id_lookup: number.voiceCallerIdLookup,
    voice_fallback_method: number.voiceFallbackMethod,
    voice_fallback_url: number.voiceFallbackUrl,
    voice_method: number.voiceMethod,
    voice_url: number.voiceUrl,
    emergency_status: number.emergencyStatus,
    emergency_address_sid: number.emergencyAddressSid,
    emergency_address_status: number.emergencyAddressStatus,
    bundle_sid: number.bundleSid,
    status: number.status,
  };
  return options.includeType ? { ...json, type: number.type } : json;
}

/**
 * `api.v2010.account.available_phone_number_country.available_phone_number_local`
 * (Mobile and TollFree have the same properties). Latitude and longitude are
 * strings although the spec says number: Twilio sends "37.788500".
 */
export interface AvailablePhoneNumberJson {
  friendly_name: string | null;
  phone_number: string | null;
  lata: string | null;
  locality: string | null;
  rate_center: string | null;
  latitude: string | null;
  longitude: string | null;
  region: string | null;
  postal_code: string | null;
  iso_country: string | null;
  address_requirements: string | null;
  beta: boolean | null;
  /**
   * The spec's schema spells these keys in lower case, but the live API sends
   * "SMS" and "MMS" here (and lower case on IncomingPhoneNumbers); the schema
   * neither requires its keys nor forbids others, so the wire's spelling also
   * passes validation, and the app has to read both.
   */
  capabilities: { voice: boolean; SMS: boolean; MMS: boolean; fax: boolean } | null;
}

export function availablePhoneNumberJson(number: FakeAvailableNumber): AvailablePhoneNumberJson {
  return {
    friendly_name: friendlyPhoneNumber(number.phoneNumber),
    phone_number: number.phoneNumber,
    lata: number.lata,
    locality: number.locality,
    rate_center: number.rateCenter,
    latitude: number.latitude,
    longitude: number.longitude,
    region: number.region,
    postal_code: number.postalCode,
    iso_country: number.isoCountry,
    address_requirements: number.addressRequirements,
    beta: number.beta,
    capabilities: {
      voice: number.capabilities.voice,
      SMS: number.capabilities.sms,
      MMS: number.capabilities.mms,
      fax: number.capabilities.fax,
    },
  };
}

/** Path segment and subresource key of each type's list, in Twilio's order. */
export const NUMBER_TYPE_LISTS: readonly { type: NumberType; file: 'Local' | 'TollFree' | 'Mobile'; key: string }[] = [
  { type: 'local', file: 'Local', key: 'local' },
  { type: 'toll-free', file: 'TollFree', key: 'toll_free' },
  { type: 'mobile', file: 'Mobile', key: 'mobile' },
];

/** `api.v2010.account.available_phone_number_country` */
export interface AvailablePhoneNumberCountryJson {
  country_code: string | null;
  country: string | null;
  uri: string | null;
  beta: boolean | null;
  subresource_uris: Record<string, string> | null;
}

export function availablePhoneNumberCountryJson(
  accountSid: string,
  isoCountry: string,
  country: string,
  types: ReadonlySet<NumberType>,
): AvailablePhoneNumberCountryJson {
  const base = `${accountPath(accountSid)}/AvailablePhoneNumbers/${isoCountry}`;
  const subresourceUris = Object.fromEntries(
    NUMBER_TYPE_LISTS.filter((list) => types.has(list.type)).map((list) => [list.key, `${base}/${list.file}.json`]),
  );
  return { country_code: isoCountry, country, uri: `${base}.json`, beta: false, subresource_uris: subresourceUris };
}

// ----- api.twilio.com 2010-04-01: calls, messages, usage -----

/** Keys as the spec's FetchCall example lists them. */
const CALL_SUBRESOURCES = {
  notifications: 'Notifications.json',
  recordings: 'Recordings.json',
  payments: 'Payments.json',
  events: 'Events.json',
  siprec: 'Siprec.json',
  streams: 'Streams.json',
  transcriptions: 'Transcriptions.json',
  user_defined_message_subscriptions: 'UserDefinedMessageSubscriptions.json',
  user_defined_messages: 'UserDefinedMessages.json',
} as const;

/** Relative URIs of a resource's subresources, each `${base}/${file}${query}`. */
function subresourceUris<K extends string>(base: string, files: Record<K, string>, query = ''): Record<K, string> {
  const entries = Object.entries<string>(files).map(([key, file]) => [key, `${base}/${file}${query}`]);
  return Object.fromEntries(entries) as Record<K, string>;
}

/** `api.v2010.account.call` */
export interface CallJson {
  sid: string | null;
  date_created: string | null;
  date_updated: string | null;
  parent_call_sid: string | null;
  account_sid: string | null;
  to: string | null;
  to_formatted: string | null;
  from: string | null;
  from_formatted: string | null;
  phone_number_sid: string | null;
  status: CallStatus;
  start_time: string | null;
  end_time: string | null;
  duration: string | null;
  price: string | null;
  price_unit: string | null;
  direction: string | null;
  answered_by: string | null;
  api_version: string | null;
  forwarded_from: string | null;
  group_sid: string | null;
  caller_name: string | null;
  queue_time: string | null;
  trunk_sid: string | null;
  uri: string | null;
  subresource_uris: Record<keyof typeof CALL_SUBRESOURCES, string> | null;
}

/**
 * The fake's calls are plain PSTN calls, answered by a person, without
 * child legs, trunks, forwarding or caller-name lookup: those are null. The
 * duration is a string of seconds, as on the wire.
 */
export function callJson(call: FakeCall): CallJson {
  const base = `${accountPath(call.accountSid)}/Calls/${call.sid}`;
  return {
    sid: call.sid,
    date_created: rfc2822(call.dateCreated),
    date_updated: rfc2822(call.dateUpdated),
    parent_call_sid: null,
    account_sid: call.accountSid,
    to: call.to,
    to_formatted: friendlyPhoneNumber(call.to),
    from: call.from,
    from_formatted: friendlyPhoneNumber(call.from),
    phone_number_sid: call.phoneNumberSid,
    status: call.status,
    start_time: rfc2822(call.startTime),
    end_time: rfc2822(call.endTime),
    duration: String(call.duration),
    price: call.price,
    price_unit: call.priceUnit,
    direction: call.direction,
    answered_by: null,
    api_version: '2010-04-01',
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri: `${base}.json`,
    subresource_uris: subresourceUris(base, CALL_SUBRESOURCES),
  };
}

/** Keys as the spec's FetchMessage example lists them. */
const MESSAGE_SUBRESOURCES = { media: 'Media.json', feedback: 'Feedback.json' } as const;

/** `api.v2010.account.message` */
export interface MessageJson {
  body: string | null;
  num_segments: string | null;
  direction: MessageDirection;
  from: string | null;
  to: string | null;
  date_updated: string | null;
  price: string | null;
  error_message: string | null;
  uri: string | null;
  account_sid: string | null;
  num_media: string | null;
  status: MessageStatus;
  messaging_service_sid: string | null;
  sid: string | null;
  date_sent: string | null;
  date_created: string | null;
  error_code: number | null;
  price_unit: string | null;
  api_version: string | null;
  subresource_uris: Record<keyof typeof MESSAGE_SUBRESOURCES, string> | null;
}

/** The fake's messages are SMS without media, and none failed: no error code or message. */
export function messageJson(message: FakeMessage): MessageJson {
  const base = `${accountPath(message.accountSid)}/Messages/${message.sid}`;
  return {
    body: message.body,
    num_segments: String(message.numSegments),
    direction: message.direction,
    from: message.from,
    to: message.to,
    date_updated: rfc2822(message.dateUpdated),
    price: message.price,
    error_message: null,
    uri: `${base}.json`,
    account_sid: message.accountSid,
    num_media: '0',
    status: message.status,
    messaging_service_sid: message.messagingServiceSid,
    sid: message.sid,
    date_sent: rfc2822(message.dateSent),
    date_created: rfc2822(message.dateCreated),
    error_code: null,
    price_unit: message.priceUnit,
    api_version: '2010-04-01',
    subresource_uris: subresourceUris(base, MESSAGE_SUBRESOURCES),
  };
}

/** "2026-11-24T21:52:58+00:00" — the `as_of` format of usage records. */
export function usageTimestamp(date: Date): string {
  return iso8601(date).replace(/Z$/, '+00:00');
}

/** Keys as the spec's usage-record examples list them; each list is filtered to the record's category. */
const USAGE_SUBRESOURCES = {
  all_time: 'AllTime.json',
  daily: 'Daily.json',
  last_month: 'LastMonth.json',
  monthly: 'Monthly.json',
  this_month: 'ThisMonth.json',
  today: 'Today.json',
  yearly: 'Yearly.json',
  yesterday: 'Yesterday.json',
} as const;

/**
 * `api.v2010.account.usage.usage_record` and its Monthly, ThisMonth…
 * variants, which have the same properties. The price is a string although
 * the spec says number: Twilio sends "2192.84855".
 */
export interface UsageRecordJson {
  account_sid: string | null;
  api_version: string | null;
  as_of: string | null;
  category: string | null;
  count: string | null;
  count_unit: string | null;
  description: string | null;
  end_date: string | null;
  price: string | null;
  price_unit: string | null;
  start_date: string | null;
  subresource_uris: Record<keyof typeof USAGE_SUBRESOURCES, string> | null;
  uri: string | null;
  usage: string | null;
  usage_unit: string | null;
}

/** The days a usage record covers, YYYY-MM-DD, both included. */
export interface UsagePeriod {
  start: string;
  end: string;
}

/**
 * One usage record. `listPath` is the list it is served in (e.g.
 * `…/Usage/Records/Monthly.json`), which its `uri` names with its category
 * and dates, as Twilio's does.
 */
export function usageRecordJson(
  accountSid: string,
  listPath: string,
  figures: UsageFigures,
  period: UsagePeriod,
  asOf: Date,
): UsageRecordJson {
  const category = new URLSearchParams({ Category: figures.category }).toString();
  const dates = new URLSearchParams({ StartDate: period.start, EndDate: period.end }).toString();
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    as_of: usageTimestamp(asOf),
    category: figures.category,
    count: figures.count,
    count_unit: figures.countUnit,
    description: figures.description,
    end_date: period.end,
    price: figures.price,
    price_unit: figures.priceUnit,
    start_date: period.start,
    subresource_uris: subresourceUris(`${accountPath(accountSid)}/Usage/Records`, USAGE_SUBRESOURCES, `?${category}`),
    uri: `${listPath}?${category}&${dates}`,
    usage: figures.usage,
    usage_unit: figures.usageUnit,
  };
}

// ----- messaging.twilio.com v1 -----

const SERVICE_LINKS = {
  phone_numbers: 'PhoneNumbers',
  short_codes: 'ShortCodes',
  alpha_senders: 'AlphaSenders',
  messages: 'Messages',
  us_app_to_person: 'Compliance/Usa2p',
  us_app_to_person_usecases: 'Compliance/Usa2p/Usecases',
  channel_senders: 'ChannelSenders',
  destination_alpha_senders: 'DestinationAlphaSenders',
} as const;

/** `messaging.v1.service` */
export interface MessagingServiceJson {
  sid: string | null;
  account_sid: string | null;
  friendly_name: string | null;
  date_created: string | null;
  date_updated: string | null;
  inbound_request_url: string | null;
  inbound_method: 'GET' | 'POST' | null;
  fallback_url: string | null;
  fallback_method: 'GET' | 'POST' | null;
  status_callback: string | null;
  sticky_sender: boolean | null;
  mms_converter: boolean | null;
  smart_encoding: boolean | null;
  scan_message_content: 'inherit' | 'enable' | 'disable';
  fallback_to_long_code: boolean | null;
  area_code_geomatch: boolean | null;
  synchronous_validation: boolean | null;
  validity_period: number;
  url: string | null;
  links: Record<keyof typeof SERVICE_LINKS, string> | null;
  usecase: string | null;
  us_app_to_person_registered: boolean | null;
  use_inbound_webhook_on_number: boolean | null;
}

export const MESSAGING_V1 = `${twilioOrigin('messaging.twilio.com')}/v1`;

export function messagingServiceJson(service: FakeMessagingService): MessagingServiceJson {
  const url = messagingServiceUrl(service.sid);
  const links = Object.fromEntries(
    Object.entries(SERVICE_LINKS).map(([key, path]) => [key, `${url}/${path}`]),
  ) as Record<keyof typeof SERVICE_LINKS, string>;
  return {
    sid: service.sid,
    account_sid: service.accountSid,
    friendly_name: service.friendlyName,
    date_created: iso8601(service.dateCreated),
    date_updated: iso8601(service.dateUpdated),
    inbound_request_url: service.inboundRequestUrl,
    inbound_method: service.inboundMethod,
    fallback_url: service.fallbackUrl,
    fallback_method: service.fallbackMethod,
    status_callback: service.statusCallback,
    sticky_sender: service.stickySender,
    mms_converter: service.mmsConverter,
    smart_encoding: service.smartEncoding,
    scan_message_content: service.scanMessageContent,
    fallback_to_long_code: service.fallbackToLongCode,
    area_code_geomatch: service.areaCodeGeomatch,
    synchronous_validation: service.synchronousValidation,
    validity_period: service.validityPeriod,
    url,
    links,
    usecase: service.usecase,
    us_app_to_person_registered: service.usAppToPersonRegistered,
    use_inbound_webhook_on_number: service.useInboundWebhookOnNumber,
  };
}

export function messagingServiceUrl(serviceSid: string): string {
  return `${MESSAGING_V1}/Services/${serviceSid}`;
}

/** `messaging.v1.service.phone_number` */
export interface ServicePhoneNumberJson {
  sid: string | null;
  account_sid: string | null;
  service_sid: string | null;
  date_created: string | null;
  date_updated: string | null;
  phone_number: string | null;
  country_code: string | null;
  /** "Can be: `Voice`, `SMS`, and `MMS`" (spec); the spec's example lists them as MMS, SMS, Voice. */
  capabilities: string[] | null;
  url: string | null;
}

export function servicePhoneNumberJson(member: FakeServiceNumber, number: FakeIncomingNumber): ServicePhoneNumberJson {
  const capabilities = [
    ...(number.capabilities.mms ? ['MMS'] : []),
    ...(number.capabilities.sms ? ['SMS'] : []),
    ...(number.capabilities.voice ? ['Voice'] : []),
  ];
  return {
    sid: number.sid,
    account_sid: number.accountSid,
    service_sid: member.serviceSid,
    date_created: iso8601(member.dateCreated),
    date_updated: iso8601(member.dateUpdated),
    phone_number: number.phoneNumber,
    country_code: number.isoCountry,
    capabilities,
    url: `${messagingServiceUrl(member.serviceSid)}/PhoneNumbers/${number.sid}`,
  };
}

// ----- A2P 10DLC: messaging.twilio.com v1 and trusthub.twilio.com v1 -----

/** Brands and campaigns list why Twilio refused them with a link to the error's page. */
export interface RegistrationErrorJson {
  url: string;
  error_code: number;
  description: string;
  fields: string[];
}

function registrationErrorJson(error: FakeRegistrationError): RegistrationErrorJson {
  return {
    url: `https://www.twilio.com/docs/api/errors/${error.code}`,
    error_code: error.code,
    description: error.description,
    fields: [...error.fields],
  };
}

/** `messaging.v1.brand_registrations` */
export interface BrandRegistrationJson {
  sid: string | null;
  account_sid: string | null;
  customer_profile_bundle_sid: string | null;
  a2p_profile_bundle_sid: string | null;
  date_created: string | null;
  date_updated: string | null;
  brand_type: string | null;
  status: FakeBrand['status'];
  tcr_id: string | null;
  failure_reason: string | null;
  errors: RegistrationErrorJson[] | null;
  url: string | null;
  brand_score: number | null;
  brand_feedback: string[] | null;
  identity_status: FakeBrand['identityStatus'];
  russell_3000: boolean | null;
  government_entity: boolean | null;
  tax_exempt_status: string | null;
  skip_automatic_sec_vet: boolean | null;
  mock: boolean | null;
  links: { brand_vettings: string; brand_registration_otps: string } | null;
}

export const BRAND_REGISTRATIONS_URL = `${MESSAGING_V1}/a2p/BrandRegistrations`;

/** A small business's brand: no stock listing, no government or tax-exempt status, never a mock. */
export function brandRegistrationJson(brand: FakeBrand): BrandRegistrationJson {
  const url = `${BRAND_REGISTRATIONS_URL}/${brand.sid}`;
  return {
    sid: brand.sid,
    account_sid: brand.accountSid,
    customer_profile_bundle_sid: brand.customerProfileBundleSid,
    a2p_profile_bundle_sid: brand.a2pProfileBundleSid,
    date_created: iso8601(brand.dateCreated),
    date_updated: iso8601(brand.dateUpdated),
    brand_type: brand.brandType,
    status: brand.status,
    tcr_id: brand.tcrId,
    failure_reason: brand.failureReason,
    errors: brand.errors.map(registrationErrorJson),
    url,
    brand_score: brand.brandScore,
    brand_feedback: null,
    identity_status: brand.identityStatus,
    russell_3000: false,
    government_entity: false,
    tax_exempt_status: null,
    skip_automatic_sec_vet: false,
    mock: false,
    links: { brand_vettings: `${url}/Vettings`, brand_registration_otps: `${url}/SmsOtp` },
  };
}

/**
 * `messaging.v1.service.us_app_to_person`, exactly: the spec's response is
 * oneOf this and a v2 shape that also requires privacy_policy_url and
 * terms_and_conditions_url, and this one allows no other property, so
 * adding anything (links, say) would match neither.
 */
export interface UsAppToPersonJson {
  sid: string | null;
  account_sid: string | null;
  brand_registration_sid: string | null;
  messaging_service_sid: string | null;
  description: string | null;
  message_samples: string[] | null;
  us_app_to_person_usecase: string | null;
  has_embedded_links: boolean | null;
  has_embedded_phone: boolean | null;
  subscriber_opt_in: boolean | null;
  age_gated: boolean | null;
  direct_lending: boolean | null;
  campaign_status: string | null;
  campaign_id: string | null;
  is_externally_registered: boolean | null;
  rate_limits: Record<string, unknown> | null;
  message_flow: string | null;
  opt_in_message: string | null;
  opt_out_message: string | null;
  help_message: string | null;
  opt_in_keywords: string[] | null;
  opt_out_keywords: string[] | null;
  help_keywords: string[] | null;
  date_created: string | null;
  date_updated: string | null;
  url: string | null;
  mock: boolean | null;
  errors: RegistrationErrorJson[] | null;
}

export function usAppToPersonListUrl(serviceSid: string): string {
  return `${messagingServiceUrl(serviceSid)}/Compliance/Usa2p`;
}

/** The fake's campaigns use Twilio's default opt-out handling, so the keyword and reply fields are null. */
export function usAppToPersonJson(campaign: FakeCampaign): UsAppToPersonJson {
  return {
    sid: campaign.sid,
    account_sid: campaign.accountSid,
    brand_registration_sid: campaign.brandRegistrationSid,
    messaging_service_sid: campaign.messagingServiceSid,
    description: campaign.description,
    message_samples: [
      'Hi, this is your reminder of tomorrow’s appointment at 3pm. Reply STOP to opt out.',
      'Thanks for your message, we will call you back within the hour.',
    ],
    us_app_to_person_usecase: campaign.useCase,
    has_embedded_links: false,
    has_embedded_phone: false,
    subscriber_opt_in: true,
    age_gated: false,
    direct_lending: false,
    campaign_status: campaign.status,
    campaign_id: campaign.campaignId,
    is_externally_registered: false,
    // Carriers set throughput only once the campaign is registered with them.
    rate_limits:
      campaign.status === 'VERIFIED' ? { att: { mps: 4, msg_class: 'T' }, tmobile: { brand_tier: 'LOW' } } : null,
    message_flow:
      'Customers text the business number first, or give their number at the front desk and agree to texts.',
    opt_in_message: null,
    opt_out_message: null,
    help_message: null,
    opt_in_keywords: null,
    opt_out_keywords: null,
    help_keywords: null,
    date_created: iso8601(campaign.dateCreated),
    date_updated: iso8601(campaign.dateUpdated),
    url: `${usAppToPersonListUrl(campaign.messagingServiceSid)}/${campaign.sid}`,
    mock: false,
    errors: campaign.errors.map(registrationErrorJson),
  };
}

export const TRUSTHUB_V1 = `${twilioOrigin('trusthub.twilio.com')}/v1`;

/** `trusthub.v1.customer_profile` */
export interface CustomerProfileJson {
  sid: string | null;
  account_sid: string | null;
  policy_sid: string | null;
  friendly_name: string | null;
  status: FakeCustomerProfile['status'];
  valid_until: string | null;
  email: string | null;
  status_callback: string | null;
  date_created: string | null;
  date_updated: string | null;
  url: string | null;
  links: {
    customer_profiles_entity_assignments: string;
    customer_profiles_evaluations: string;
    customer_profiles_channel_endpoint_assignment: string;
  } | null;
  errors: { code: number }[] | null;
}

export const CUSTOMER_PROFILES_URL = `${TRUSTHUB_V1}/CustomerProfiles`;

export function customerProfileJson(profile: FakeCustomerProfile): CustomerProfileJson {
  const url = `${CUSTOMER_PROFILES_URL}/${profile.sid}`;
  return {
    sid: profile.sid,
    account_sid: profile.accountSid,
    policy_sid: profile.policySid,
    friendly_name: profile.friendlyName,
    status: profile.status,
    valid_until: profile.validUntil && iso8601(profile.validUntil),
    email: profile.email,
    status_callback: null,
    date_created: iso8601(profile.dateCreated),
    date_updated: iso8601(profile.dateUpdated),
    url,
    links: {
      customer_profiles_entity_assignments: `${url}/EntityAssignments`,
      customer_profiles_evaluations: `${url}/Evaluations`,
      customer_profiles_channel_endpoint_assignment: `${url}/ChannelEndpointAssignments`,
    },
    errors: profile.errors.map((error) => ({ code: error.code })),
  };
}

// ----- pricing.twilio.com v1 -----

export const PRICING_V1 = `${twilioOrigin('pricing.twilio.com')}/v1`;

/** `pricing.v1.phone_number.phone_number_country` (a list item) */
export interface PhoneNumberCountryJson {
  country: string | null;
  iso_country: string | null;
  url: string | null;
}

export function phoneNumberCountryJson(list: FakePriceList): PhoneNumberCountryJson {
  return {
    country: list.country,
    iso_country: list.isoCountry,
    url: `${PRICING_V1}/PhoneNumbers/Countries/${list.isoCountry}`,
  };
}

/**
 * `pricing.v1.phone_number.phone_number_country-instance`. Prices are strings
 * although the spec says number (its `x-twilio.overrideType` is string):
 * Twilio sends "1.15".
 */
export interface PhoneNumberCountryInstanceJson extends PhoneNumberCountryJson {
  phone_number_prices: { number_type: string; base_price: string; current_price: string }[] | null;
  price_unit: string | null;
}

export function phoneNumberCountryInstanceJson(list: FakePriceList): PhoneNumberCountryInstanceJson {
  const { country, iso_country, url } = phoneNumberCountryJson(list);
  return {
    country,
    iso_country,
    phone_number_prices: list.prices.map((price) => ({
      number_type: price.numberType,
      base_price: price.basePrice,
      current_price: price.currentPrice,
    })),
    price_unit: list.priceUnit,
    url,
  };
}

// ----- paging -----

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
const PAGING_PARAMS = new Set(['Page', 'PageSize', 'PageToken']);

/** One page cut from a full result list, plus what the links need. */
interface PageSlice<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Index of the first item of this page in the full list. */
  start: number;
  hasNext: boolean;
  /** Non-paging query parameters, echoed in every link as Twilio does. */
  filters: [string, string][];
}

function intParam(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}

/**
 * Page tokens are opaque to clients. Twilio's are "PA"/"PB" plus the SID next
 * to the page boundary; the fake uses the same prefixes with the offset of the
 * page's first item, which is all it needs to stay stateless.
 */
function pageToken(direction: 'next' | 'previous', offset: number): string {
  return `${direction === 'next' ? 'PA' : 'PB'}${offset}`;
}

function offsetFromToken(token: string | undefined): number | undefined {
  const match = token === undefined ? null : /^P[AB](\d+)$/.exec(token);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The page size a list request asks for: PageSize clamped to 1…1000, 50 when absent. */
export function requestedPageSize(query: Record<string, string>): number {
  return intParam(query.PageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
}

function slicePage<T>(all: readonly T[], query: Record<string, string>): PageSlice<T> {
  const pageSize = requestedPageSize(query);
  const page = intParam(query.Page, 0, 0, Number.MAX_SAFE_INTEGER);
  const start = offsetFromToken(query.PageToken) ?? page * pageSize;
  const filters = Object.entries(query).filter(([key]) => !PAGING_PARAMS.has(key));
  return {
    items: all.slice(start, start + pageSize),
    page,
    pageSize,
    start,
    hasNext: start + pageSize < all.length,
    filters,
  };
}

function pageQuery(slice: PageSlice<unknown>, page: number, token?: string): string {
  const params = new URLSearchParams(slice.filters);
  params.set('PageSize', String(slice.pageSize));
  params.set('Page', String(page));
  if (token !== undefined) params.set('PageToken', token);
  return params.toString();
}

export interface V2010PageJson {
  page: number;
  page_size: number;
  start: number;
  end: number;
  uri: string;
  first_page_uri: string;
  next_page_uri: string | null;
  previous_page_uri: string | null;
}

/**
 * A 2010-04-01 list page: `{ [key]: items, page, page_size, start, end, uri,
 * first_page_uri, next_page_uri, previous_page_uri }`, URIs relative to
 * api.twilio.com. `path` is the list's path without query (e.g.
 * `/2010-04-01/Accounts.json`); `query` the request's query.
 */
export function pageV2010<K extends string, T>(
  key: K,
  path: string,
  query: Record<string, string>,
  all: readonly T[],
): V2010PageJson & Record<K, T[]> {
  const slice = slicePage(all, query);
  const { page, pageSize, start } = slice;
  const link = (targetPage: number, token?: string) => `${path}?${pageQuery(slice, targetPage, token)}`;
  const meta: V2010PageJson = {
    page,
    page_size: pageSize,
    start,
    // Index of the last item on the page; Twilio reports 0 (= start) for an empty page.
    end: Math.max(start, start + slice.items.length - 1),
    uri: link(page, query.PageToken),
    first_page_uri: link(0),
    next_page_uri: slice.hasNext ? link(page + 1, pageToken('next', start + pageSize)) : null,
    previous_page_uri: page > 0 ? link(page - 1, pageToken('previous', Math.max(0, start - pageSize))) : null,
  };
  return { ...meta, [key]: slice.items } as V2010PageJson & Record<K, T[]>;
}

export interface V1PageMetaJson {
  page: number;
  page_size: number;
  first_page_url: string;
  previous_page_url: string | null;
  url: string;
  next_page_url: string | null;
  key: string;
}

/**
 * A v1 list page: `{ [key]: items, meta: { page, page_size, first_page_url,
 * previous_page_url, url, next_page_url, key } }`. `listUrl` is the list's
 * absolute URL on Twilio's origin, without query.
 */
export function pageV1<K extends string, T>(
  key: K,
  listUrl: string,
  query: Record<string, string>,
  all: readonly T[],
): { meta: V1PageMetaJson } & Record<K, T[]> {
  const slice = slicePage(all, query);
  const { page, pageSize, start } = slice;
  const link = (targetPage: number, token?: string) => `${listUrl}?${pageQuery(slice, targetPage, token)}`;
  const meta: V1PageMetaJson = {
    page,
    page_size: pageSize,
    first_page_url: link(0),
    previous_page_url: page > 0 ? link(page - 1, pageToken('previous', Math.max(0, start - pageSize))) : null,
    url: link(page, query.PageToken),
    next_page_url: slice.hasNext ? link(page + 1, pageToken('next', start + pageSize)) : null,
    key,
  };
  return { meta, [key]: slice.items } as { meta: V1PageMetaJson } & Record<K, T[]>;
}
