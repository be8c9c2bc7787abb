/**
 * Phone-number operations on Twilio, as plain domain values. Every method
 * runs inside the gateway's `call` wrapper, which maps and logs failures.
 */
import twilio, { type Twilio } from 'twilio';
import { NUMBER_CONFIGURATION_FIELDS, type NumberConfiguration } from '../../../shared/domain/number-configuration';
import type { AvailableNumber, NumberType } from '../../../shared/domain/numbers';
import type { TwilioNumber } from '../domain/twilio-number';
import {
  capabilitiesOf,
  incomingNumberPage,
  incomingNumberResource,
  numberOf,
  type IncomingNumberResource,
} from './incoming-number';
import { createTwilioRest, eachPage } from './rest';

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
  /**
   * Pages through every owned number; `onPage` runs after each page, with
   * Twilio's resources as sent (checked, not mapped: the sync maps them off
   * the main thread); stops when `signal` aborts.
   */
  listOwnedNumbers(
    onPage: (page: IncomingNumberResource[]) => void | Promise<void>,
    signal: AbortSignal,
  ): Promise<void>;
  /** SIDs of owned numbers of one type (Twilio lists toll-free and mobile numbers separately). */
  listOwnedSidsOfType(type: 'toll-free' | 'mobile', signal: AbortSignal): Promise<Set<string>>;
  findOwnedNumber(phoneNumber: string): Promise<TwilioNumber | null>;
  ownsAnyNumber(): Promise<boolean>;
  /** The number as Twilio has it now; null when the account no longer owns it. */
  fetchOwnedNumber(sid: string): Promise<TwilioNumber | null>;
  /** Sets the given configuration fields (an empty string clears one); answers the number as updated. */
  configureNumber(sid: string, configuration: Partial<NumberConfiguration>): Promise<TwilioNumber>;
  buyNumber(phoneNumber: string): Promise<TwilioNumber>;
  /** false when Twilio no longer had the number (already released). */
  releaseNumber(sid: string): Promise<boolean>;
  searchAvailable(query: AvailableNumberQuery): Promise<AvailableNumber[]>;
  availableCountries(): Promise<{ code: string; name: string }[]>;
  numberPrices(country: string): Promise<TwilioNumberPrice[]>;
  balance(): Promise<{ amount: string; currency: string }>;
}

const PAGE_SIZE = 1000;

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

/** Twilio's Pricing names number types with a space. */
const PRICING_TYPES: Record<string, NumberType> = { local: 'local', 'toll free': 'toll-free', mobile: 'mobile' };

/** An owned-numbers page, as `eachPage` reads it. */
function ownedNumbersPage(body: unknown): { items: IncomingNumberResource[]; nextPageUri: string | null } {
  const page = incomingNumberPage.parse(body);
  return { items: page.incoming_phone_numbers, nextPageUri: page.next_page_uri };
}

export function createNumbersApi(client: Twilio, accountSid: string): NumbersApi {
  const account = client.api.v2010.accounts(accountSid);
  const rest = createTwilioRest(client);
  const incomingPath = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers`;
  const pageQuery = { PageSize: String(PAGE_SIZE) };

  return {
    listOwnedNumbers: (onPage, signal) =>
      eachPage(rest, { path: `${incomingPath}.json`, query: pageQuery }, ownedNumbersPage, onPage, signal),

    async listOwnedSidsOfType(type, signal) {
      const sids = new Set<string>();
      const typePath = `${incomingPath}/${type === 'toll-free' ? 'TollFree' : 'Mobile'}.json`;
      await eachPage(
        rest,
        { path: typePath, query: pageQuery },
        ownedNumbersPage,
        (resources) => resources.forEach((resource) => sids.add(resource.sid)),
        signal,
      );
      return sids;
    },

    async findOwnedNumber(phoneNumber) {
      const page = incomingNumberPage.parse(
        await rest.get(`${incomingPath}.json`, { PhoneNumber: phoneNumber, PageSize: '20' }),
      );
      const match = page.incoming_phone_numbers.find((resource) => resource.phone_number === phoneNumber);
      return match ? numberOf(match) : null;
    },

    async ownsAnyNumber() {
      const page = incomingNumberPage.parse(await rest.get(`${incomingPath}.json`, { PageSize: '1' }));
      return page.incoming_phone_numbers.length > 0;
    },

    async fetchOwnedNumber(sid) {
      try {
        return numberOf(incomingNumberResource.parse(await rest.get(`${incomingPath}/${sid}.json`)));
      } catch (error) {
        if (error instanceof twilio.RestException && error.status === 404) return null;
        throw error;
      }
    },

    async configureNumber(sid, configuration) {
      const form: Record<string, string> = {};
      for (const { key, param } of NUMBER_CONFIGURATION_FIELDS) {
        const value = configuration[key];
        if (value !== undefined) form[param] = value;
      }
      return numberOf(incomingNumberResource.parse(await rest.post(`${incomingPath}/${sid}.json`, form)));
    },

    async buyNumber(phoneNumber) {
      // Only ever an exact number: AreaCode would buy a random number on every call.
      return numberOf(
        incomingNumberResource.parse(await rest.post(`${incomingPath}.json`, { PhoneNumber: phoneNumber })),
      );
    },

    async releaseNumber(sid) {
      try {
        await rest.delete(`${incomingPath}/${sid}.json`);
        return true;
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
