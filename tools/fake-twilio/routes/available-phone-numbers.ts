/**
 * api.twilio.com 2010-04-01 AvailablePhoneNumbers: the countries on sale and
 * a search of the fake's inventory. Twilio answers a search with a single
 * page of at most PageSize matches and no next page, and so does the fake.
 */
import type { NumberType } from '../control-schema';
import { countryName, PRICE_NUMBER_TYPE } from '../default-catalog';
import { digitPattern, nationalDigits } from '../phone-number-util';
import type { FakeAvailableNumber, FakeState } from '../state';
import {
  defineRoute,
  invalidParameter,
  ok,
  resourceNotFound,
  TwilioApiError,
  type JsonReply,
  type RouteContext,
  type TwilioRoute,
} from '../twilio-route';
import {
  accountPath,
  availablePhoneNumberCountryJson,
  availablePhoneNumberJson,
  NUMBER_TYPE_LISTS,
  pageV2010,
  requestedPageSize,
} from '../wire';
import { scopedAccount } from './api-v2010';

const BASE = '/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers';

/**
 * Countries on sale and the number types each offers: whatever the
 * inventory holds or the price lists name, so a country stays listed after
 * its last number is sold.
 */
function catalog(state: FakeState): Map<string, Set<NumberType>> {
  const countries = new Map<string, Set<NumberType>>();
  const add = (isoCountry: string, type: NumberType) => {
    const types = countries.get(isoCountry) ?? new Set<NumberType>();
    types.add(type);
    countries.set(isoCountry, types);
  };
  for (const number of state.allAvailableNumbers()) add(number.isoCountry, number.type);
  for (const list of state.allPriceLists()) {
    for (const { type } of NUMBER_TYPE_LISTS) {
      if (list.prices.some((price) => price.numberType === PRICE_NUMBER_TYPE[type])) add(list.isoCountry, type);
    }
  }
  return countries;
}

type Filter = (number: FakeAvailableNumber) => boolean;

function booleanParam(query: Record<string, string>, name: string): boolean | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw invalidParameter(name);
}

const sameText = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The search filters Twilio documents. NearNumber, NearLatLong and Distance
 * are accepted and ignored: the fake has no geography.
 */
function searchFilters(query: Record<string, string>): Filter[] {
  const filters: Filter[] = [];
  const { AreaCode: areaCode, Contains: contains } = query;
  if (areaCode !== undefined) {
    if (!/^[2-9]\d{2}$/.test(areaCode)) throw new TwilioApiError(400, 21451, 'Invalid area code');
    filters.push((number) => nationalDigits(number.phoneNumber).startsWith(areaCode));
  }
  if (contains !== undefined) {
    // "+1415…" matches against the whole number; anything else against the national number.
    const international = contains.startsWith('+');
    const pattern = digitPattern(international ? contains.slice(1) : contains);
    if (!pattern) throw invalidParameter('Contains');
    filters.push((number) =>
      pattern.test(international ? number.phoneNumber.slice(1) : nationalDigits(number.phoneNumber)),
    );
  }
  const capabilityParams = [
    ['SmsEnabled', 'sms'],
    ['MmsEnabled', 'mms'],
    ['VoiceEnabled', 'voice'],
    ['FaxEnabled', 'fax'],
  ] as const;
  for (const [name, capability] of capabilityParams) {
    const wanted = booleanParam(query, name);
    if (wanted !== undefined) filters.push((number) => number.capabilities[capability] === wanted);
  }
  const beta = booleanParam(query, 'Beta');
  if (beta !== undefined) filters.push((number) => number.beta === beta);
  const exclusions = [
    ['ExcludeAllAddressRequired', 'any'],
    ['ExcludeLocalAddressRequired', 'local'],
    ['ExcludeForeignAddressRequired', 'foreign'],
  ] as const;
  for (const [name, requirement] of exclusions) {
    if (booleanParam(query, name) === true) filters.push((number) => number.addressRequirements !== requirement);
  }
  const { InRegion: region, InLocality: locality, InPostalCode: postalCode, InLata: lata } = query;
  const { InRateCenter: rateCenter } = query;
  if (region !== undefined) filters.push((number) => sameText(number.region, region));
  if (locality !== undefined) filters.push((number) => sameText(number.locality, locality));
  if (postalCode !== undefined) filters.push((number) => sameText(number.postalCode, postalCode));
  if (lata !== undefined) filters.push((number) => number.lata === lata);
  if (rateCenter !== undefined) filters.push((number) => sameText(number.rateCenter, rateCenter));
  return filters;
}

function search(ctx: RouteContext<'AccountSid' | 'CountryCode'>, type: NumberType): JsonReply {
  scopedAccount(ctx);
  const isoCountry = ctx.params.CountryCode.toUpperCase();
  if (catalog(ctx.state).get(isoCountry)?.has(type) !== true) throw resourceNotFound(ctx.host, ctx.path);
  const filters = searchFilters(ctx.query);
  const limit = requestedPageSize(ctx.query);
  const matches: FakeAvailableNumber[] = [];
  for (const number of ctx.state.availableNumbers(isoCountry, type)) {
    if (matches.length >= limit) break;
    if (filters.every((filter) => filter(number))) matches.push(number);
  }
  return ok(pageV2010('available_phone_numbers', ctx.path, ctx.query, matches.map(availablePhoneNumberJson)));
}

const typedRoutes = NUMBER_TYPE_LISTS.map(({ type, file }) =>
  defineRoute({
    method: 'GET',
    path: `${BASE}/{CountryCode}/${file}.json` as const,
    handler: (ctx) => search(ctx, type),
  }),
);

export const availablePhoneNumberRoutes: TwilioRoute[] = [
  // The spec's list has only `countries` and `uri`: no paging fields.
  defineRoute({
    method: 'GET',
    path: `${BASE}.json` as const,
    handler: (ctx) => {
      const account = scopedAccount(ctx);
      const countries = [...catalog(ctx.state)]
        .map(([isoCountry, types]) =>
          availablePhoneNumberCountryJson(account.sid, isoCountry, countryName(isoCountry), types),
        )
        .sort((a, b) => (a.country ?? '').localeCompare(b.country ?? ''));
      return ok({ countries, uri: `${accountPath(account.sid)}/AvailablePhoneNumbers.json` });
    },
  }),
  ...typedRoutes,
  defineRoute({
    method: 'GET',
    path: `${BASE}/{CountryCode}.json` as const,
    handler: (ctx) => {
      const account = scopedAccount(ctx);
      const isoCountry = ctx.params.CountryCode.toUpperCase();
      const types = catalog(ctx.state).get(isoCountry);
      if (!types) throw resourceNotFound(ctx.host, ctx.path);
      return ok(availablePhoneNumberCountryJson(account.sid, isoCountry, countryName(isoCountry), types));
    },
  }),
];
