import type { Database } from 'better-sqlite3';

export interface NumbersSyncState {
  syncedAt: string | null;
  count: number | null;
}

export function numbersSyncState(db: Database, accountSid: string): NumbersSyncState {
  const row = db
    .prepare('SELECT numbers_synced_at AS syncedAt, numbers_count AS count FROM sync_state WHERE account_sid = ?')
    .get(accountSid) as NumbersSyncState | undefined;
  return row ?? { syncedAt: null, count: null };
}

export function recordNumbersSync(db: Database, update: { accountSid: string; syncedAt: string; count: number }): void {
  db.prepare(
    `INSERT INTO sync_state (account_sid, numbers_synced_at, numbers_count) VALUES (@accountSid, @syncedAt, @count)
     ON CONFLICT (account_sid) DO UPDATE SET numbers_synced_at = excluded.numbers_synced_at,
       numbers_count = excluded.numbers_count`,
  ).run(update);
}
