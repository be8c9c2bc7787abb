import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { DatabaseTooNewError, MIGRATIONS, migrate, schemaVersion, type Migration } from './migrations';

let dir: string;
const open: Database[] = [];
const track = (db: Database) => {
  open.push(db);
  return db;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-migrations-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration runner', () => {
  it('brings a new database to the latest version with the connection pragmas', () => {
    const { db, migration } = openDatabase(path.join(dir, 'gleam.sqlite'));
    track(db);
    expect(migration).toEqual({ from: 0, to: MIGRATIONS.at(-1)?.version, backupPath: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('refuses a database written by a newer version, leaving it untouched', () => {
    const file = path.join(dir, 'gleam.sqlite');
    const newer = new BetterSqlite3(file);
    newer.pragma('user_version = 999');
    newer.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    const check = track(new BetterSqlite3(file));
    expect(schemaVersion(check)).toBe(999);
  });

  it('backs up a database that holds data before migrating it', () => {
    const file = path.join(dir, 'gleam.sqlite');
    const db = track(new BetterSqlite3(file));
    const first: Migration = { version: 1, description: 'notes', up: (d) => d.exec('CREATE TABLE notes (text TEXT)') };
    const second: Migration = { version: 2, description: 'tags', up: (d) => d.exec('CREATE TABLE tags (name TEXT)') };
    migrate(db, file, [first]);
    db.prepare("INSERT INTO notes VALUES ('keep me')").run();

    const result = migrate(db, file, [first, second], () => new Date('2026-11-24T10:00:00Z'));
    expect(result.from).toBe(1);
    expect(result.to).toBe(2);
    expect(result.backupPath).not.toBeNull();
    const backup = track(new BetterSqlite3(result.backupPath ?? ''));
    expect(schemaVersion(backup)).toBe(1);
    expect(backup.prepare('SELECT text FROM notes').get()).toEqual({ text: 'keep me' });
  });

  it('rolls back every pending migration when one fails', () => {
    const db = track(new BetterSqlite3(':memory:'));
    const good: Migration = { version: 1, description: 'ok', up: (d) => d.exec('CREATE TABLE a (x)') };
    const bad: Migration = { version: 2, description: 'broken', up: (d) => d.exec('CREATE TABLE nonsense (') };
    expect(() => migrate(db, null, [good, bad])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
  });
});

describe('migration 1: accounts', () => {
  const at = '2026-11-24T10:00:00.000Z';
  const sid = (n: number) => `AC${String(n).padStart(32, '0')}`;
  const insert = (db: Database, values: Record<string, unknown>) =>
    db
      .prepare(
        `INSERT INTO accounts (sid, friendly_name, status, type, connected, last_verified_at)
         VALUES (@sid, @name, @status, @type, @connected, @at)`,
      )
      .run({ sid: sid(1), name: 'Acme', status: 'active', type: 'Full', connected: 0, at, ...values });

  it('creates the accounts table with its checks', () => {
    const db = track(new BetterSqlite3(':memory:'));
    migrate(
      db,
      null,
      MIGRATIONS.filter((m) => m.version <= 1),
    );
    insert(db, {});
    expect(() => insert(db, { sid: 'XX123' })).toThrow(/CHECK/);
    expect(() => insert(db, { sid: sid(2), status: 'sleeping' })).toThrow(/CHECK/);
    expect(() => insert(db, { sid: sid(3), type: 'Gold' })).toThrow(/CHECK/);
  });

  it('allows at most one connected account', () => {
    const db = track(new BetterSqlite3(':memory:'));
    migrate(
      db,
      null,
      MIGRATIONS.filter((m) => m.version <= 1),
    );
    insert(db, { sid: sid(1), connected: 1 });
    insert(db, { sid: sid(2), connected: 0 });
    expect(() => insert(db, { sid: sid(3), connected: 1 })).toThrow(/UNIQUE/);
  });
});

const ACCOUNT = `AC${'1'.repeat(32)}`;
const migratedTo = (version: number) => {
  const db = track(new BetterSqlite3(':memory:'));
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    null,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  db.prepare(
    `INSERT INTO accounts (sid, friendly_name, status, type, connected, last_verified_at)
     VALUES (?, 'Shop', 'active', 'Full', 1, '2026-01-01T00:00:00.000Z')`,
  ).run(ACCOUNT);
  return db;
};

describe('migration 2: numbers and the purchase journal', () => {
  const insertNumber = (db: Database, sid: string, phoneNumber: string, releasedAt: string | null = null) =>
    db
      .prepare(
        `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, number_type, voice, sms, mms, fax,
           fingerprint, synced_at, released_at)
         VALUES (?, ?, ?, '', 'local', 1, 1, 0, 0, '', 'now', ?)`,
      )
      .run(sid, ACCOUNT, phoneNumber, releasedAt);
  const insertIntent = (db: Database, id: string, state: string) =>
    db
      .prepare(
        `INSERT INTO purchase_intents (id, account_sid, phone_number, number_type, iso_country, state, created_at)
         VALUES (?, ?, '+13035550100', 'local', 'US', ?, 'now')`,
      )
      .run(id, ACCOUNT, state);

  it('lets a number be owned by one live row only, released rows aside', () => {
    const db = migratedTo(2);
    insertNumber(db, `PN${'a'.repeat(32)}`, '+13035550100', 'earlier');
    insertNumber(db, `PN${'b'.repeat(32)}`, '+13035550100');
    expect(() => insertNumber(db, `PN${'c'.repeat(32)}`, '+13035550100')).toThrow(/UNIQUE/);
  });

  it('keeps at most one open purchase per number', () => {
    const db = migratedTo(2);
    insertIntent(db, 'first', 'bought');
    insertIntent(db, 'second', 'pending');
    expect(() => insertIntent(db, 'third', 'unknown')).toThrow(/UNIQUE/);
  });
});

describe('migration 3: full number configuration', () => {
  it('carries every number over, with empty new columns and a fingerprint that forces a rewrite', () => {
    const db = migratedTo(2);
    db.prepare(
      `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, number_type, voice, sms, mms, fax,
         voice_url, voice_application_sid, fingerprint, synced_at, released_at)
       VALUES (?, ?, '+13035550100', 'Front desk', 'local', 1, 1, 0, 0, 'https://example.com/v', ?, 'old', 'then', NULL)`,
    ).run(`PN${'a'.repeat(32)}`, ACCOUNT, `AP${'f'.repeat(32)}`);
    migrate(db, null);
    const row = db.prepare('SELECT * FROM phone_numbers').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      phone_number: '+13035550100',
      friendly_name: 'Front desk',
      voice_url: 'https://example.com/v',
      voice_application_sid: `AP${'f'.repeat(32)}`,
      voice_method: '',
      status_callback: '',
      fingerprint: '',
      released_at: null,
    });
  });

  it('still allows one live row per number and only numbers of a known account', () => {
    const db = migratedTo(3);
    const insert = (sid: string, account: string) =>
      db
        .prepare(
          `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, number_type, voice, sms, mms, fax,
             fingerprint, synced_at)
           VALUES (?, ?, '+13035550100', '', 'local', 1, 1, 0, 0, '', 'now')`,
        )
        .run(sid, account);
    expect(() => insert(`PN${'a'.repeat(32)}`, `AC${'9'.repeat(32)}`)).toThrow(/FOREIGN KEY/);
    insert(`PN${'a'.repeat(32)}`, ACCOUNT);
    expect(() => insert(`PN${'b'.repeat(32)}`, ACCOUNT)).toThrow(/UNIQUE/);
  });
});
