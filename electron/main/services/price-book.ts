/**
 * Monthly number prices: Twilio's Pricing API, cached in SQLite with the date
 * fetched and refreshed once a day; when Twilio's price is unknown, the
 * setup guide's typical US prices, marked `typical` so the screen can say
 * they are approximate and may be out of date.
 */
import type { Database } from 'better-sqlite3';
import type { MonthlyPrice, NumberType } from '../../../shared/domain/numbers';
import type { Logger } from '../infrastructure/logger';
import type { Clock } from '../infrastructure/clock';
import { cachedPrices, savePrices } from '../db/prices-repo';
import type { NumbersApi } from '../twilio/numbers-api';

/** The setup guide's typical prices (US). SMS carrier fees are extra. */
const TYPICAL_PRICES: Partial<Record<string, Partial<Record<NumberType, string>>>> = {
  US: { local: '1.15', 'toll-free': '2.15' },
};

const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

export interface PriceBook {
  priceOf(isoCountry: string | null, type: NumberType): MonthlyPrice | null;
  /** Fetches Twilio's prices for countries whose cache is missing or older than a day; failures keep the cache. */
  refresh(api: Pick<NumbersApi, 'numberPrices'>, countries: Iterable<string>): Promise<void>;
}

export function createPriceBook(deps: { db: Database; logger: Logger; clock: Clock }): PriceBook {
  const { db, logger, clock } = deps;
  const key = (country: string, type: NumberType) => `${country}:${type}`;
  let cache = new Map(cachedPrices(db).map((price) => [key(price.isoCountry, price.type), price]));
  const fetchedAt = (country: string) =>
    Math.max(
      0,
      ...[...cache.values()]
        .filter((price) => price.isoCountry === country)
        .map((price) => Date.parse(price.fetchedAt)),
    );

  return {
    priceOf(isoCountry, type) {
      if (isoCountry === null) return null;
      const cached = cache.get(key(isoCountry, type));
      if (cached) return { amount: cached.amount, currency: cached.currency, source: 'twilio', asOf: cached.fetchedAt };
      const typical = TYPICAL_PRICES[isoCountry]?.[type];
      return typical ? { amount: typical, currency: 'USD', source: 'typical', asOf: null } : null;
    },

    async refresh(api, countries) {
      const now = clock();
      for (const country of new Set(countries)) {
        if (now.getTime() - fetchedAt(country) < REFRESH_AFTER_MS) continue;
        try {
          const prices = await api.numberPrices(country);
          savePrices(
            db,
            prices.map((price) => ({ isoCountry: country, ...price, fetchedAt: now.toISOString() })),
          );
        } catch (error) {
          logger.warn('number prices not refreshed', { country, error: String(error) });
        }
      }
      cache = new Map(cachedPrices(db).map((price) => [key(price.isoCountry, price.type), price]));
    },
  };
}

/**
 * The country of a number from its calling code, for numbers synced from
 * Twilio (which does not say). +1 is read as the US: its prices equal
 * Canada's for the number types Gleam sells.
 */
const CALLING_CODES: [prefix: string, country: string][] = [
  ['+1', 'US'],
  ['+44', 'GB'],
  ['+61', 'AU'],
  ['+353', 'IE'],
  ['+64', 'NZ'],
];

export function countryOfNumber(phoneNumber: string): string | null {
  return CALLING_CODES.find(([prefix]) => phoneNumber.startsWith(prefix))?.[1] ?? null;
}
