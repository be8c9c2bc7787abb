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
];

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
  now: () => Date = () => new Date(),
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
