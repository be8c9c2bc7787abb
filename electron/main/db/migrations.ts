/**
 * Schema migrations, numbered by SQLite's `user_version`.
 *
 * Policy: migrations only ever append; each runs once, in order, and all
 * pending ones run in a single transaction, so a failure leaves the database
 * exactly as it was. A database whose version is newer than this build knows
 * is refused rather than guessed at. Before migrating a database that already
 * holds data, a copy is written next to it (`VACUUM INTO`). Every migration
 * has its own test in migrations.test.ts.
 */
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { systemClock, type Clock } from '../infrastructure/clock';

export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Twilio accounts',
    up(db) {
      db.exec(`
        CREATE TABLE accounts (
          sid TEXT PRIMARY KEY CHECK (sid GLOB 'AC*' AND length(sid) = 34),
          friendly_name TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
          type TEXT NOT NULL CHECK (type IN ('Trial', 'Full')),
          owner_account_sid TEXT,
          messaging_service_sid TEXT CHECK (messaging_service_sid IS NULL OR messaging_service_sid GLOB 'MG*'),
          messaging_service_name TEXT,
          connected INTEGER NOT NULL DEFAULT 0 CHECK (connected IN (0, 1)),
          last_verified_at TEXT NOT NULL,
          disconnected_at TEXT
        ) STRICT;
        -- At most one account is connected at a time.
        CREATE UNIQUE INDEX accounts_one_connected ON accounts (connected) WHERE connected = 1;
      `);
    },
  },
  {
    version: 2,
    description: 'Phone numbers, the purchase journal, prices and the activity log',
    up(db) {
      db.exec(`
        CREATE TABLE phone_numbers (
          sid TEXT PRIMARY KEY CHECK (sid GLOB 'PN*'),
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          phone_number TEXT NOT NULL CHECK (phone_number GLOB '+[1-9]*'),
          friendly_name TEXT NOT NULL,
          number_type TEXT NOT NULL CHECK (number_type IN ('local', 'toll-free', 'mobile')),
          iso_country TEXT,
          voice INTEGER NOT NULL CHECK (voice IN (0, 1)),
          sms INTEGER NOT NULL CHECK (sms IN (0, 1)),
          mms INTEGER NOT NULL CHECK (mms IN (0, 1)),
          fax INTEGER NOT NULL CHECK (fax IN (0, 1)),
          voice_url TEXT NOT NULL DEFAULT '',
          sms_url TEXT NOT NULL DEFAULT '',
          voice_application_sid TEXT NOT NULL DEFAULT '',
          sms_application_sid TEXT NOT NULL DEFAULT '',
          trunk_sid TEXT NOT NULL DEFAULT '',
          date_created TEXT,
          -- Twilio's description of the number when last written; a sync rewrites only rows whose description changed.
          fingerprint TEXT NOT NULL,
          synced_at TEXT NOT NULL,
          -- Set when the number was released, in Gleam or elsewhere; the row stays as history.
          released_at TEXT
        ) STRICT;
        -- A number can be owned once: two live rows for one E.164 number would mean two purchases.
        CREATE UNIQUE INDEX phone_numbers_owned_once ON phone_numbers (phone_number) WHERE released_at IS NULL;
        CREATE INDEX phone_numbers_by_account ON phone_numbers (account_sid, released_at);

        -- The purchase journal: an intent is written before Twilio is asked to buy, and
        -- settled from Twilio's answer, or by reconciliation after a crash or a lost answer.
        CREATE TABLE purchase_intents (
          id TEXT PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          phone_number TEXT NOT NULL CHECK (phone_number GLOB '+[1-9]*'),
          number_type TEXT NOT NULL CHECK (number_type IN ('local', 'toll-free', 'mobile')),
          iso_country TEXT NOT NULL,
          monthly_price TEXT,
          price_currency TEXT,
          state TEXT NOT NULL CHECK (state IN ('pending', 'unknown', 'bought', 'failed')),
          number_sid TEXT,
          error_code TEXT,
          created_at TEXT NOT NULL,
          settled_at TEXT
        ) STRICT;
        -- At most one unsettled purchase per number: a second click or window cannot start another.
        CREATE UNIQUE INDEX purchase_intents_one_open ON purchase_intents (phone_number)
          WHERE state IN ('pending', 'unknown');

        CREATE TABLE number_prices (
          iso_country TEXT NOT NULL,
          number_type TEXT NOT NULL CHECK (number_type IN ('local', 'toll-free', 'mobile')),
          amount TEXT NOT NULL,
          currency TEXT NOT NULL,
          fetched_at TEXT NOT NULL,
          PRIMARY KEY (iso_country, number_type)
        ) STRICT;

        CREATE TABLE activity_log (
          id INTEGER PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          at TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('purchase', 'release')),
          phone_number TEXT NOT NULL,
          amount TEXT,
          currency TEXT,
          outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'pending')),
          detail TEXT,
          -- The purchase this entry reports, so settling it updates the same line.
          purchase_id TEXT UNIQUE REFERENCES purchase_intents (id)
        ) STRICT;

        CREATE TABLE sync_state (
          account_sid TEXT PRIMARY KEY REFERENCES accounts (sid),
          numbers_synced_at TEXT,
          numbers_count INTEGER
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    description: "Phone numbers keep each number's full webhook configuration; bulk-friendly table",
    up(db) {
      // The full configuration is what assigning an agent saves and restores, and what drift compares.
      // Rows are checked where they arrive (incoming-number.ts), not by per-row CHECKs, which were half
      // the cost of writing a 10,000-number sync. The foreign key and the one-live-row index stay.
      db.exec(`
        CREATE TABLE phone_numbers_v3 (
          sid TEXT PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          phone_number TEXT NOT NULL,
          friendly_name TEXT NOT NULL,
          number_type TEXT NOT NULL,
          iso_country TEXT,
          voice INTEGER NOT NULL,
          sms INTEGER NOT NULL,
          mms INTEGER NOT NULL,
          fax INTEGER NOT NULL,
          voice_url TEXT NOT NULL DEFAULT '',
          voice_method TEXT NOT NULL DEFAULT '',
          voice_fallback_url TEXT NOT NULL DEFAULT '',
          voice_fallback_method TEXT NOT NULL DEFAULT '',
          status_callback TEXT NOT NULL DEFAULT '',
          status_callback_method TEXT NOT NULL DEFAULT '',
          sms_url TEXT NOT NULL DEFAULT '',
          sms_method TEXT NOT NULL DEFAULT '',
          sms_fallback_url TEXT NOT NULL DEFAULT '',
          sms_fallback_method TEXT NOT NULL DEFAULT '',
          voice_application_sid TEXT NOT NULL DEFAULT '',
          sms_application_sid TEXT NOT NULL DEFAULT '',
          trunk_sid TEXT NOT NULL DEFAULT '',
          date_created TEXT,
          fingerprint TEXT NOT NULL,
          synced_at TEXT NOT NULL,
          released_at TEXT
        ) STRICT;
        -- An empty fingerprint matches nothing, so the next sync rewrites every row with the new columns filled.
        INSERT INTO phone_numbers_v3 (sid, account_sid, phone_number, friendly_name, number_type, iso_country,
          voice, sms, mms, fax, voice_url, sms_url, voice_application_sid, sms_application_sid, trunk_sid,
          date_created, fingerprint, synced_at, released_at)
        SELECT sid, account_sid, phone_number, friendly_name, number_type, iso_country,
          voice, sms, mms, fax, voice_url, sms_url, voice_application_sid, sms_application_sid, trunk_sid,
          date_created, '', synced_at, released_at
        FROM phone_numbers;
        DROP TABLE phone_numbers;
        ALTER TABLE phone_numbers_v3 RENAME TO phone_numbers;
        CREATE UNIQUE INDEX phone_numbers_owned_once ON phone_numbers (phone_number) WHERE released_at IS NULL;
      `);
    },
  },
  {
    version: 4,
    description: 'Agents, the assignment of numbers to them, and settings',
    up(db) {
      db.exec(`
        -- Agents are Gleam's, not the Twilio account's: they stay when an account is disconnected.
        CREATE TABLE agents (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
          greeting TEXT NOT NULL,
          instructions TEXT NOT NULL,
          voice TEXT NOT NULL,
          language TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
          forwarding_number TEXT NOT NULL DEFAULT '' CHECK (forwarding_number = '' OR forwarding_number GLOB '+[1-9]*'),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- One row per assigned number. It is written before Twilio is changed and removed only after
        -- the number was put back, so a number is never half-configured without this row saying so.
        CREATE TABLE number_assignments (
          number_sid TEXT PRIMARY KEY REFERENCES phone_numbers (sid),
          agent_id TEXT NOT NULL REFERENCES agents (id),
          -- assigning / unassigning: that work is under way, or failed (last_error) and needs a retry.
          status TEXT NOT NULL CHECK (status IN ('assigning', 'configured', 'unassigning')),
          -- The number's Twilio configuration before Gleam first changed it (JSON), put back on unassign.
          previous_configuration TEXT NOT NULL,
          -- The Messaging Service Gleam added the number to (removed again on unassign), and how that went.
          messaging_service_sid TEXT,
          messaging TEXT CHECK (messaging IS NULL OR messaging IN ('added', 'member', 'other-service', 'failed')),
          messaging_error TEXT,
          last_error TEXT,
          assigned_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX number_assignments_by_agent ON number_assignments (agent_id);

        -- App settings the main process needs (the webhook base URL); window bounds stay in electron-store.
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 5,
    description: 'Costs: usage records, call and message records with monthly rollups, the balance',
    up(db) {
      db.exec(`
        -- Twilio's monthly usage records (the bill by category), for the categories the Costs screen shows.
        CREATE TABLE usage_records (
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          category TEXT NOT NULL,
          month TEXT NOT NULL,
          count TEXT NOT NULL,
          usage TEXT NOT NULL,
          usage_unit TEXT NOT NULL,
          cost_micros INTEGER NOT NULL,
          price_unit TEXT NOT NULL,
          PRIMARY KEY (account_sid, category, month)
        ) STRICT;

        -- Call and message records keep only what costs need: no caller numbers, no message bodies.
        -- our_number is the account's side (the number called, or calling); cost_micros is positive
        -- for a charge and NULL until Twilio prices the record.
        CREATE TABLE call_records (
          sid TEXT PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
          our_number TEXT NOT NULL,
          status TEXT NOT NULL,
          started_at TEXT NOT NULL,
          duration_seconds INTEGER NOT NULL,
          cost_micros INTEGER,
          price_unit TEXT
        ) STRICT;
        CREATE INDEX call_records_by_start ON call_records (account_sid, started_at);
        CREATE INDEX call_records_unrated ON call_records (account_sid, started_at) WHERE cost_micros IS NULL;

        CREATE TABLE message_records (
          sid TEXT PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
          our_number TEXT NOT NULL,
          status TEXT NOT NULL,
          sent_at TEXT NOT NULL,
          segments INTEGER NOT NULL,
          cost_micros INTEGER,
          price_unit TEXT
        ) STRICT;
        CREATE INDEX message_records_by_sent ON message_records (account_sid, sent_at);
        CREATE INDEX message_records_unrated ON message_records (account_sid, sent_at) WHERE cost_micros IS NULL;

        -- Per number, month and kind: kept exact by the triggers below whatever writes the records, so the
        -- Costs screen sums a few rows per number instead of scanning a million records.
        -- quantity: billable minutes (each call rounded up to the minute, as Twilio bills) or segments.
        CREATE TABLE usage_rollups (
          account_sid TEXT NOT NULL,
          month TEXT NOT NULL,
          our_number TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('call-in', 'call-out', 'sms-in', 'sms-out')),
          records INTEGER NOT NULL,
          quantity INTEGER NOT NULL,
          cost_micros INTEGER NOT NULL,
          unrated INTEGER NOT NULL,
          PRIMARY KEY (account_sid, month, our_number, kind)
        ) STRICT, WITHOUT ROWID;
        ${rollupTriggers('call_records', 'started_at', (row) => `(${row}.duration_seconds + 59) / 60`, 'call')}
        ${rollupTriggers('message_records', 'sent_at', (row) => `${row}.segments`, 'sms')}

        CREATE TABLE account_balances (
          account_sid TEXT PRIMARY KEY REFERENCES accounts (sid),
          amount TEXT NOT NULL,
          currency TEXT NOT NULL,
          fetched_at TEXT NOT NULL
        ) STRICT;

        -- usage_synced_at / records_synced_at: when each was last complete (the "as of" times).
        -- calls_through / messages_through: the newest record a complete listing saw; the next sync
        -- asks Twilio only for records from that day on.
        ALTER TABLE sync_state ADD COLUMN usage_synced_at TEXT;
        ALTER TABLE sync_state ADD COLUMN records_synced_at TEXT;
        ALTER TABLE sync_state ADD COLUMN calls_through TEXT;
        ALTER TABLE sync_state ADD COLUMN messages_through TEXT;
      `);
    },
  },
  {
    version: 6,
    description: 'A2P 10DLC: the business profiles, brands and campaigns last read from Twilio',
    up(db) {
      db.exec(`
        -- Twilio's registrations as last read, replaced whole on every read, so the A2P section answers
        -- offline. status is Twilio's word as sent; issues is Twilio's reasons for a refusal, as JSON
        -- ([{code, description, fields}]).
        CREATE TABLE a2p_business_profiles (
          sid TEXT PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          status TEXT NOT NULL,
          friendly_name TEXT NOT NULL,
          valid_until TEXT,
          issues TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issues)),
          updated_at TEXT
        ) STRICT;
        CREATE INDEX a2p_business_profiles_by_account ON a2p_business_profiles (account_sid);

        CREATE TABLE a2p_brands (
          sid TEXT PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          status TEXT NOT NULL,
          brand_type TEXT,
          identity_status TEXT,
          failure_reason TEXT,
          issues TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issues)),
          updated_at TEXT
        ) STRICT;
        CREATE INDEX a2p_brands_by_account ON a2p_brands (account_sid);

        -- The campaigns of one Messaging Service: the one set in Settings when they were read.
        CREATE TABLE a2p_campaigns (
          sid TEXT PRIMARY KEY,
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          messaging_service_sid TEXT NOT NULL,
          status TEXT NOT NULL,
          use_case TEXT,
          brand_sid TEXT,
          issues TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issues)),
          updated_at TEXT
        ) STRICT;
        CREATE INDEX a2p_campaigns_by_service ON a2p_campaigns (account_sid, messaging_service_sid);

        -- a2p_synced_at: when the registrations were last read in full (the "as of" time).
        -- a2p_campaigns_service_sid: the Messaging Service whose campaigns that read covered; NULL when
        -- none was set, so a service set later is known not to have been read yet.
        ALTER TABLE sync_state ADD COLUMN a2p_synced_at TEXT;
        ALTER TABLE sync_state ADD COLUMN a2p_campaigns_service_sid TEXT;
      `);
    },
  },
  {
    version: 7,
    description: 'Messaging Service membership: the numbers of the service set in Settings, as last read',
    up(db) {
      db.exec(`
        -- The phone number SIDs in the account's Messaging Service, replaced whole by each numbers sync
        -- (and kept current when Gleam adds or removes one), so the list shows membership offline.
        CREATE TABLE messaging_service_numbers (
          account_sid TEXT NOT NULL REFERENCES accounts (sid),
          service_sid TEXT NOT NULL,
          number_sid TEXT NOT NULL,
          PRIMARY KEY (account_sid, service_sid, number_sid)
        ) STRICT, WITHOUT ROWID;

        -- service_members_sid: the service whose members were last read; NULL when none was, so a service
        -- set later shows membership as not known yet rather than as "not a member".
        ALTER TABLE sync_state ADD COLUMN service_members_sid TEXT;
        ALTER TABLE sync_state ADD COLUMN service_members_synced_at TEXT;
      `);
    },
  },
  {
    version: 8,
    description: 'Assignment errors as reason codes and error data (JSON) instead of sentences',
    up(db) {
      // What earlier versions stored: a number interrupted mid-change got this sentence; a failed change got
      // its error's one line, which is all that is left of that error, so it becomes the message of an
      // `internal` error (its code is not known) and reads as before. A refused Messaging Service join kept
      // the job's note, the prefix before the error's line; `other-service` kept a sentence its state says.
      db.prepare(
        `UPDATE number_assignments SET last_error = CASE last_error
           WHEN @interrupted THEN json_object('reason', 'interrupted')
           ELSE json_object('reason', 'failed',
             'error', json_object('code', 'internal', 'message', last_error, 'hints', json_array()))
         END
         WHERE last_error IS NOT NULL`,
      ).run({
        interrupted:
          'Gleam stopped before Twilio confirmed this change. Retry to finish it; Twilio may already have part of it.',
      });
      db.prepare(
        `UPDATE number_assignments SET messaging_error = CASE
           WHEN messaging = 'failed' THEN json_object('code', 'internal', 'hints', json_array(), 'message',
             CASE WHEN substr(messaging_error, 1, length(@prefix)) = @prefix
               THEN substr(messaging_error, length(@prefix) + 1) ELSE messaging_error END)
         END
         WHERE messaging_error IS NOT NULL`,
      ).run({ prefix: 'Could not add it to your Messaging Service: ' });
    },
  },
  {
    version: 9,
    description: 'Activity details as reason codes and error data (JSON) instead of sentences',
    up(db) {
      // What earlier versions stored: a release that found the number gone, and a failure that was not an
      // AppError, got these sentences; any other detail is a failure's message, which is all that is left of
      // that error, so it becomes the message of an `internal` error (its code is not known) and reads as before.
      db.prepare(
        `UPDATE activity_log SET detail = CASE detail
           WHEN @releasedElsewhere THEN json_object('reason', 'released-elsewhere')
           WHEN @unexpected THEN json_object('reason', 'unexpected')
           ELSE json_object('reason', 'failed',
             'error', json_object('code', 'internal', 'message', detail, 'hints', json_array()))
         END
         WHERE detail IS NOT NULL`,
      ).run({ releasedElsewhere: 'It had already been released outside Gleam.', unexpected: 'Unexpected error' });
    },
  },
];

type TriggerRow = 'new' | 'old';

/**
 * Migration 5's triggers, which add each record to its rollup row when
 * inserted and move it when updated (a price Twilio filled in later).
 * `quantity` gives the SQL of a row's billable amount; `kindPrefix` names
 * call or SMS rows. Part of a migration: never change what it writes.
 */
function rollupTriggers(
  table: string,
  timeColumn: string,
  quantity: (row: TriggerRow) => string,
  kindPrefix: 'call' | 'sms',
): string {
  const rollup = (row: TriggerRow, sign: '+' | '-') => {
    const amount = quantity(row);
    return `
      INSERT INTO usage_rollups (account_sid, month, our_number, kind, records, quantity, cost_micros, unrated)
      VALUES (${row}.account_sid, substr(${row}.${timeColumn}, 1, 7), ${row}.our_number,
        CASE ${row}.direction WHEN 'inbound' THEN '${kindPrefix}-in' ELSE '${kindPrefix}-out' END,
        ${sign}1, ${sign}(${amount}), ${sign}coalesce(${row}.cost_micros, 0), ${sign}(${row}.cost_micros IS NULL))
      ON CONFLICT (account_sid, month, our_number, kind) DO UPDATE SET
        records = records + excluded.records, quantity = quantity + excluded.quantity,
        cost_micros = cost_micros + excluded.cost_micros, unrated = unrated + excluded.unrated;`;
  };
  return `
    CREATE TRIGGER ${table}_rollup_insert AFTER INSERT ON ${table} BEGIN ${rollup('new', '+')} END;
    CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} BEGIN ${rollup('old', '-')} ${rollup('new', '+')} END;`;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data was saved by a newer version of Gleam Desktop (schema ${found}; this version understands up to ${supported}). Update the app to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationResult {
  from: number;
  to: number;
  backupPath: string | null;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest version. `filePath` is where backups go;
 * in-memory databases (filePath null) are not backed up.
 */
export function migrate(
  db: Database,
  filePath: string | null,
  migrations: readonly Migration[] = MIGRATIONS,
  now: Clock = systemClock,
): MigrationResult {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  if (current === latest) return { from: current, to: current, backupPath: null };

  let backupPath: string | null = null;
  if (filePath !== null && current > 0) {
    backupPath = `${filePath}.v${current}-${now().toISOString().replace(/[:.]/g, '-')}.bak`;
    fs.rmSync(backupPath, { force: true });
    db.prepare('VACUUM INTO ?').run(backupPath);
  }

  const pending = migrations.filter((migration) => migration.version > current);
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from: current, to: latest, backupPath };
}
