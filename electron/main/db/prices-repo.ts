import type { Database } from 'better-sqlite3';
import { inWriteTransaction } from './database';
import type { NumberType } from '../../../shared/domain/numbers';

export interface CachedPrice {
  isoCountry: string;
  type: NumberType;
  amount: string;
  currency: string;
  fetchedAt: string;
}

export function savePrices(db: Database, prices: readonly CachedPrice[]): void {
  const upsert = db.prepare(
    `INSERT INTO number_prices (iso_country, number_type, amount, currency, fetched_at)
     VALUES (@isoCountry, @type, @amount, @currency, @fetchedAt)
     ON CONFLICT (iso_country, number_type) DO UPDATE SET
       amount = excluded.amount, currency = excluded.currency, fetched_at = excluded.fetched_at`,
  );
  inWriteTransaction(db, () => {
    for (const price of prices) upsert.run(price);
  });
}

export function cachedPrices(db: Database): CachedPrice[] {
  return db
    .prepare(
      `SELECT iso_country AS isoCountry, number_type AS type, amount, currency, fetched_at AS fetchedAt
       FROM number_prices`,
    )
    .all() as CachedPrice[];
}
