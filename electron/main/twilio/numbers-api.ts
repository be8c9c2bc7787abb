/**
 * Phone-number operations on Twilio, as plain domain values. Every method
 * runs inside the gateway's `call` wrapper, which maps and logs failures.
 */
import twilio, { type Twilio } from 'twilio';
import type { AvailableNumber, Capabilities, NumberType } from '../../../shared/domain/numbers';

/** An owned number as Twilio describes it now. */
export interface TwilioNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  capabilities: Capabilities;
  voiceUrl: string;
  smsUrl: string;
  voiceApplicationSid: string;
  smsApplicationSid: string;
  trunkSid: string;
  dateCreated: string | null;
}

export interface AvailableNumberQuery {
  country: string;
  type: NumberType;
  areaCode?: string | undefined;
  contains?: string | undefined;
  locality?: string | undefined;
  region?: string | undefined;
  capabilities: { voice: boolean; sms: boolean; mms: boolean };
  limit: number;
}

export interface TwilioNumberPrice {
  type: NumberType;
  amount: string;
  currency: string;
}

export interface NumbersApi {
  /** Pages through every owned number; `onPage` runs after each page; stops when `signal` aborts. */
  listOwnedNumbers(onPage: (page: TwilioNumber[]) => void | Promise<void>, signal: AbortSignal): Promise<void>;
  /** SIDs of owned numbers of one type (Twilio lists toll-free and mobile numbers separately). */
  listOwnedSidsOfType(type: 'toll-free' | 'mobile', signal: AbortSignal): Promise<Set<string>>;
  findOwnedNumber(phoneNumber: string): Promise<TwilioNumber | null>;
  buyNumber(phoneNumber: string): Promise<TwilioNumber>;
  /** false when Twilio no longer had the number (already released). */
  releaseNumber(sid: string): Promise<boolean>;
  searchAvailable(query: AvailableNumberQuery): Promise<AvailableNumber[]>;
  availableCountries(): Promise<{ code: string; name: string }[]>;
  numberPrices(country: string): Promise<TwilioNumberPrice[]>;
  balance(): Promise<{ amount: string; currency: string }>;
}

const PAGE_SIZE = 1000;

/** Capability flags, whatever the case of Twilio's keys (available numbers use "SMS"/"MMS"). */
export function capabilitiesOf(raw: unknown): Capabilities {
  if (typeof raw !== 'object' || raw === null) return { voice: false, sms: false, mms: false, fax: false };
  const flags = raw as Record<string, unknown>;
  const flag = (name: string) =>
    (flags[name] ?? flags[name.toUpperCase()] ?? flags[`${name.charAt(0).toUpperCase()}${name.slice(1)}`]) === true;
  return { voice: flag('voice'), sms: flag('sms'), mms: flag('mms'), fax: flag('fax') };
}

interface IncomingNumberLike {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  capabilities: unknown;
  voiceUrl: string | null;
  smsUrl: string | null;
  voiceApplicationSid: string | null;
  smsApplicationSid: string | null;
  trunkSid: string | null;
  dateCreated: Date | null;
}

function numberOf(instance: IncomingNumberLike): TwilioNumber {
  return {
    sid: instance.sid,
    phoneNumber: instance.phoneNumber,
    friendlyName: instance.friendlyName,
    capabilities: capabilitiesOf(instance.capabilities),
    voiceUrl: instance.voiceUrl ?? '',
    smsUrl: instance.smsUrl ?? '',
    voiceApplicationSid: instance.voiceApplicationSid ?? '',
    smsApplicationSid: instance.smsApplicationSid ?? '',
    trunkSid: instance.trunkSid ?? '',
    dateCreated:
      instance.dateCreated && !Number.isNaN(instance.dateCreated.getTime()) ? instance.dateCreated.toISOString() : null,
  };
}

interface AvailableLike {
  phoneNumber: string;
  friendlyName: string;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  isoCountry: string;
  capabilities: unknown;
  addressRequirements: string;
}

function availableNumberOf(item: AvailableLike): AvailableNumber {
  return {
    phoneNumber: item.phoneNumber,
    friendlyName: item.friendlyName,
    locality: item.locality || null,
    region: item.region || null,
    postalCode: item.postalCode || null,
    isoCountry: item.isoCountry,
    capabilities: capabilitiesOf(item.capabilities),
    addressRequired: item.addressRequirements !== '' && item.addressRequirements !== 'none',
  };
}

const cancelled = () => new DOMException('The operation was aborted', 'AbortError');

/** Twilio's Pricing names number types with a space. */
const PRICING_TYPES: Record<string, NumberType> = { local: 'local', 'toll free': 'toll-free', mobile: 'mobile' };

interface PageLike<T> {
  instances: T[];
  nextPage(): Promise<PageLike<T>> | undefined;
}

/** Hands each page to `onPage` while the next one is already being fetched. */
async function eachPage<T>(
  first: Promise<PageLike<T>>,
  onPage: (items: T[]) => void | Promise<void>,
  signal: AbortSignal,
) {
  let page: PageLike<T> | undefined = await first;
  while (page) {
    if (signal.aborted) throw cancelled();
    const next = page.nextPage();
    // A failed prefetch is reported when awaited below, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined);
    await onPage(page.instances);
    page = await next;
  }
  if (signal.aborted) throw cancelled();
}

export function createNumbersApi(client: Twilio, accountSid: string): NumbersApi {
  const account = client.api.v2010.accounts(accountSid);
  const incoming = account.incomingPhoneNumbers;

  return {
    listOwnedNumbers: (onPage, signal) =>
      eachPage(incoming.page({ pageSize: PAGE_SIZE }), (items) => onPage(items.map(numberOf)), signal),

    async listOwnedSidsOfType(type, signal) {
      const sids = new Set<string>();
      const first: Promise<PageLike<{ sid: string }>> =
        type === 'toll-free'
          ? incoming.tollFree.page({ pageSize: PAGE_SIZE })
          : incoming.mobile.page({ pageSize: PAGE_SIZE });
      await eachPage(first, (items) => items.forEach((item) => sids.add(item.sid)), signal);
      return sids;
    },

    async findOwnedNumber(phoneNumber) {
      const matches = await incoming.list({ phoneNumber, limit: 20 });
      const match = matches.find((instance) => instance.phoneNumber === phoneNumber);
      return match ? numberOf(match) : null;
    },

    async buyNumber(phoneNumber) {
      // Only ever an exact number: AreaCode would buy a random number on every call.
      return numberOf(await incoming.create({ phoneNumber }));
    },

    async releaseNumber(sid) {
      try {
        return await incoming(sid).remove();
      } catch (error) {
        // Already gone at Twilio: released elsewhere, or by an earlier attempt whose answer was lost.
        if (error instanceof twilio.RestException && error.status === 404) return false;
        throw error;
      }
    },

    async searchAvailable(query) {
      const country = account.availablePhoneNumbers(query.country);
      // The same filters for every type (Twilio's Local, TollFree and Mobile lists take identical parameters).
      const filters = {
        ...(query.areaCode ? { areaCode: Number(query.areaCode) } : {}),
        ...(query.contains ? { contains: query.contains } : {}),
        ...(query.locality ? { inLocality: query.locality } : {}),
        ...(query.region ? { inRegion: query.region } : {}),
        ...(query.capabilities.voice ? { voiceEnabled: true } : {}),
        ...(query.capabilities.sms ? { smsEnabled: true } : {}),
        ...(query.capabilities.mms ? { mmsEnabled: true } : {}),
        limit: query.limit,
      };
      const results: AvailableLike[] =
        query.type === 'local'
          ? await country.local.list(filters)
          : query.type === 'toll-free'
            ? await country.tollFree.list(filters)
            : await country.mobile.list(filters);
      return results.map(availableNumberOf);
    },

    async availableCountries() {
      const countries = await account.availablePhoneNumbers.list();
      return countries.map((country) => ({ code: country.countryCode, name: country.country }));
    },

    async numberPrices(country) {
      const prices = await client.pricing.v1.phoneNumbers.countries(country).fetch();
      return prices.phoneNumberPrices.flatMap((price) => {
        const type = PRICING_TYPES[(price.numberType ?? '').toLowerCase()];
        // Typed as numbers by the SDK, sent as strings by Twilio: keep the exact text.
        const amount = price.currentPrice ?? price.basePrice;
        return type && amount !== undefined ? [{ type, amount: String(amount), currency: prices.priceUnit }] : [];
      });
    },

    async balance() {
      const balance = await account.balance.fetch();
      return { amount: balance.balance, currency: balance.currency };
    },
  };
}
