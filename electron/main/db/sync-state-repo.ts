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

export interface CostsSyncState {
  /** When usage records were last brought up to date. */
  usageSyncedAt: string | null;
  /** When call and message records were last brought up to date. */
  recordsSyncedAt: string | null;
  /** The newest call / message a complete listing saw (ISO); null before the first complete one. */
  callsThrough: string | null;
  messagesThrough: string | null;
}

export function costsSyncState(db: Database, accountSid: string): CostsSyncState {
  const row = db
    .prepare(
      `SELECT usage_synced_at AS usageSyncedAt, records_synced_at AS recordsSyncedAt,
         calls_through AS callsThrough, messages_through AS messagesThrough
       FROM sync_state WHERE account_sid = ?`,
    )
    .get(accountSid) as CostsSyncState | undefined;
  return row ?? { usageSyncedAt: null, recordsSyncedAt: null, callsThrough: null, messagesThrough: null };
}

/** Records what a complete step of a cost sync reached; fields left out keep their value. */
export function recordCostsSync(db: Database, accountSid: string, update: Partial<CostsSyncState>): void {
  const next = { ...costsSyncState(db, accountSid), ...update };
  db.prepare(
    `INSERT INTO sync_state (account_sid, usage_synced_at, records_synced_at, calls_through, messages_through)
     VALUES (@accountSid, @usageSyncedAt, @recordsSyncedAt, @callsThrough, @messagesThrough)
     ON CONFLICT (account_sid) DO UPDATE SET usage_synced_at = excluded.usage_synced_at,
       records_synced_at = excluded.records_synced_at, calls_through = excluded.calls_through,
       messages_through = excluded.messages_through`,
  ).run({ accountSid, ...next });
}

export interface A2pSyncState {
  /** When the A2P registrations were last read in full; null: never. */
  syncedAt: string | null;
  /** The Messaging Service whose campaigns that read covered; null when none was set. */
  campaignsServiceSid: string | null;
}

export function a2pSyncState(db: Database, accountSid: string): A2pSyncState {
  const row = db
    .prepare(
      `SELECT a2p_synced_at AS syncedAt, a2p_campaigns_service_sid AS campaignsServiceSid
       FROM sync_state WHERE account_sid = ?`,
    )
    .get(accountSid) as A2pSyncState | undefined;
  return row ?? { syncedAt: null, campaignsServiceSid: null };
}

export function recordA2pSync(db: Database, accountSid: string, state: A2pSyncState): void {
  db.prepare(
    `INSERT INTO sync_state (account_sid, a2p_synced_at, a2p_campaigns_service_sid)
     VALUES (@accountSid, @syncedAt, @campaignsServiceSid)
     ON CONFLICT (account_sid) DO UPDATE SET a2p_synced_at = excluded.a2p_synced_at,
       a2p_campaigns_service_sid = excluded.a2p_campaigns_service_sid`,
  ).run({ accountSid, ...state });
}
