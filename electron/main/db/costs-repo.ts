/**
 * The local copy of what the account spent: usage records, call and
 * message records (whose rollups the database keeps, migration 5) and the
 * last balance seen.
 */
import type { Database } from 'better-sqlite3';
import type { UsageEvent, UsageRecord } from '../domain/usage';
import { inWriteTransaction } from './database';

export type RecordKind = 'call' | 'message';

/** Calls and messages share one shape; only the table and the names of two columns differ. */
const RECORD_TABLES: Record<RecordKind, { table: string; at: string; amount: string }> = {
  call: { table: 'call_records', at: 'started_at', amount: 'duration_seconds' },
  message: { table: 'message_records', at: 'sent_at', amount: 'segments' },
};

/**
 * Saves a page of records and answers how many were new. A record seen
 * before is updated only when Twilio changed it (a price filled in, a call
 * that ended), so unchanged pages write nothing and the rollups move only
 * by what changed.
 */
export function saveRecords(db: Database, kind: RecordKind, accountSid: string, events: readonly UsageEvent[]): number {
  const { table, at, amount } = RECORD_TABLES[kind];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${table} (sid, account_sid, direction, our_number, status, ${at}, ${amount},
       cost_micros, price_unit)
     VALUES (@sid, @accountSid, @direction, @ourNumber, @status, @at, @amount, @costMicros, @priceUnit)`,
  );
  const update = db.prepare(
    `UPDATE ${table} SET status = @status, ${at} = @at, ${amount} = @amount, cost_micros = @costMicros,
       price_unit = @priceUnit
     WHERE sid = @sid AND (status IS NOT @status OR ${at} IS NOT @at OR ${amount} IS NOT @amount
       OR cost_micros IS NOT @costMicros OR price_unit IS NOT @priceUnit)`,
  );
  return inWriteTransaction(db, () => {
    let added = 0;
    for (const event of events) {
      const row = { ...event, accountSid };
      if (insert.run(row).changes > 0) added += 1;
      else update.run(row);
    }
    return added;
  });
}

/** Records Twilio had not priced when last seen, with times in [from, before), newest first. */
export function unratedRecordSids(
  db: Database,
  kind: RecordKind,
  accountSid: string,
  range: { from: string; before: string },
  limit: number,
): string[] {
  const { table, at } = RECORD_TABLES[kind];
  return db
    .prepare(
      `SELECT sid FROM ${table}
       WHERE account_sid = ? AND cost_micros IS NULL AND ${at} >= ? AND ${at} < ? ORDER BY ${at} DESC LIMIT ?`,
    )
    .pluck()
    .all(accountSid, range.from, range.before, limit) as string[];
}

export function saveUsageRecords(db: Database, accountSid: string, records: readonly UsageRecord[]): void {
  const upsert = db.prepare(
    `INSERT INTO usage_records (account_sid, category, month, count, usage, usage_unit, cost_micros, price_unit)
     VALUES (@accountSid, @category, @month, @count, @usage, @usageUnit, @costMicros, @priceUnit)
     ON CONFLICT (account_sid, category, month) DO UPDATE SET count = excluded.count, usage = excluded.usage,
       usage_unit = excluded.usage_unit, cost_micros = excluded.cost_micros, price_unit = excluded.price_unit`,
  );
  inWriteTransaction(db, () => {
    for (const record of records) upsert.run({ ...record, accountSid });
  });
}

/** Usage records of the months `fromMonth` to `toMonth` (YYYY-MM, inclusive). */
export function usageRecordsBetween(
  db: Database,
  accountSid: string,
  fromMonth: string,
  toMonth: string,
): UsageRecord[] {
  return db
    .prepare(
      `SELECT category, month, count, usage, usage_unit AS usageUnit, cost_micros AS costMicros,
         price_unit AS priceUnit
       FROM usage_records WHERE account_sid = ? AND month BETWEEN ? AND ?`,
    )
    .all(accountSid, fromMonth, toMonth) as UsageRecord[];
}

export type RollupKind = 'call-in' | 'call-out' | 'sms-in' | 'sms-out';

export interface RollupRow {
  ourNumber: string;
  kind: RollupKind;
  records: number;
  /** Billable minutes or segments. */
  quantity: number;
  costMicros: number;
  unrated: number;
}

/** Each number's calls and messages in a month, by kind. */
export function rollupsOfMonth(db: Database, accountSid: string, month: string): RollupRow[] {
  return db
    .prepare(
      `SELECT our_number AS ourNumber, kind, records, quantity, cost_micros AS costMicros, unrated
       FROM usage_rollups WHERE account_sid = ? AND month = ? AND records > 0`,
    )
    .all(accountSid, month) as RollupRow[];
}

/** The currency the account's records are priced in, from the newest priced record; null if none yet. */
export function recordsCurrency(db: Database, accountSid: string): string | null {
  return (
    (db
      .prepare(
        `SELECT price_unit FROM call_records
         WHERE account_sid = ? AND price_unit IS NOT NULL ORDER BY started_at DESC LIMIT 1`,
      )
      .pluck()
      .get(accountSid) as string | undefined) ?? null
  );
}

export interface StoredBalance {
  amount: string;
  currency: string;
  fetchedAt: string;
}

export function saveBalance(db: Database, accountSid: string, balance: StoredBalance): void {
  db.prepare(
    `INSERT INTO account_balances (account_sid, amount, currency, fetched_at)
     VALUES (@accountSid, @amount, @currency, @fetchedAt)
     ON CONFLICT (account_sid) DO UPDATE SET amount = excluded.amount, currency = excluded.currency,
       fetched_at = excluded.fetched_at`,
  ).run({ accountSid, ...balance });
}

export function storedBalance(db: Database, accountSid: string): StoredBalance | null {
  return (
    (db
      .prepare('SELECT amount, currency, fetched_at AS fetchedAt FROM account_balances WHERE account_sid = ?')
      .get(accountSid) as StoredBalance | undefined) ?? null
  );
}

export interface NumberListing {
  phoneNumber: string;
  friendlyName: string;
  released: boolean;
  agent: { id: string; name: string } | null;
}

/**
 * What the local copy says of these phone numbers: name, whether still
 * owned, and the agent each is assigned to now. A number owned again after
 * a release is described by its live row.
 */
export function numberListings(
  db: Database,
  accountSid: string,
  phoneNumbers: readonly string[],
): Map<string, NumberListing> {
  const rows = db
    .prepare(
      `SELECT p.phone_number AS phoneNumber, p.friendly_name AS friendlyName, p.released_at IS NOT NULL AS released,
         a.id AS agentId, a.name AS agentName
       FROM phone_numbers p
       LEFT JOIN number_assignments n ON n.number_sid = p.sid
       LEFT JOIN agents a ON a.id = n.agent_id
       WHERE p.account_sid = ? AND p.phone_number IN (SELECT value FROM json_each(?))
       ORDER BY released DESC, p.released_at`,
    )
    .all(accountSid, JSON.stringify(phoneNumbers)) as {
    phoneNumber: string;
    friendlyName: string;
    released: 0 | 1;
    agentId: string | null;
    agentName: string | null;
  }[];
  // Released rows come first, so a live row for the same number replaces them.
  return new Map(
    rows.map((row) => [
      row.phoneNumber,
      {
        phoneNumber: row.phoneNumber,
        friendlyName: row.friendlyName,
        released: row.released === 1,
        agent: row.agentId !== null && row.agentName !== null ? { id: row.agentId, name: row.agentName } : null,
      },
    ]),
  );
}
