import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configurationFromWire } from '../../../shared/domain/number-configuration';
import { errorLine } from '../../../shared/errors';
import { getAssignment } from './assignments-repo';
import { listActivity } from './activity-repo';
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

describe('migration 5: costs', () => {
  it('keeps what sync_state held and adds the cost columns empty', () => {
    const db = migratedTo(4);
    db.prepare(
      "INSERT INTO sync_state (account_sid, numbers_synced_at, numbers_count) VALUES (?, '2026-11-01T00:00:00Z', 7)",
    ).run(ACCOUNT);
    migrate(
      db,
      null,
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    expect(db.prepare('SELECT * FROM sync_state').get()).toEqual({
      account_sid: ACCOUNT,
      numbers_synced_at: '2026-11-01T00:00:00Z',
      numbers_count: 7,
      usage_synced_at: null,
      records_synced_at: null,
      calls_through: null,
      messages_through: null,
    });
  });

  /** The rollups, and the same figures computed from the records themselves. */
  const rollups = (db: Database) =>
    db.prepare('SELECT * FROM usage_rollups WHERE records > 0 ORDER BY month, our_number, kind').all();
  const fromRecords = (db: Database) =>
    db
      .prepare(
        `SELECT account_sid, month, our_number, kind, count(*) AS records, sum(quantity) AS quantity,
           sum(coalesce(cost_micros, 0)) AS cost_micros, sum(cost_micros IS NULL) AS unrated
         FROM (
           SELECT account_sid, substr(started_at, 1, 7) AS month, our_number,
             CASE direction WHEN 'inbound' THEN 'call-in' ELSE 'call-out' END AS kind,
             (duration_seconds + 59) / 60 AS quantity, cost_micros FROM call_records
           UNION ALL
           SELECT account_sid, substr(sent_at, 1, 7), our_number,
             CASE direction WHEN 'inbound' THEN 'sms-in' ELSE 'sms-out' END, segments, cost_micros FROM message_records
         )
         GROUP BY account_sid, month, our_number, kind ORDER BY month, our_number, kind`,
      )
      .all();

  it('keeps the rollups equal to the records through inserts and updates', () => {
    const db = migratedTo(5);
    const insertCall = db.prepare(
      `INSERT INTO call_records (sid, account_sid, direction, our_number, status, started_at, duration_seconds,
         cost_micros, price_unit) VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, 'USD')`,
    );
    const insertMessage = db.prepare(
      `INSERT INTO message_records (sid, account_sid, direction, our_number, status, sent_at, segments, cost_micros,
         price_unit) VALUES (?, ?, ?, ?, 'delivered', ?, ?, ?, 'USD')`,
    );
    // A fixed pseudo-random sequence: varied, and the same on every run.
    let seed = 7;
    const next = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % limit;
    };
    const numbers = ['+13035550100', '+13035550101', '+18005550100'];
    for (let index = 0; index < 300; index += 1) {
      const direction = next(2) === 0 ? 'inbound' : 'outbound';
      const number = numbers[next(numbers.length)];
      const at = `2026-${String(9 + next(3)).padStart(2, '0')}-1${next(10)}T10:00:00Z`;
      const cost = next(5) === 0 ? null : next(50_000);
      if (next(3) === 0) insertMessage.run(`SM${index}`, ACCOUNT, direction, number, at, 1 + next(3), cost);
      else insertCall.run(`CA${index}`, ACCOUNT, direction, number, at, next(400), cost);
    }
    expect(rollups(db).length).toBeGreaterThan(10);
    expect(rollups(db)).toEqual(fromRecords(db));

    // Twilio prices unrated records later, a call's duration grows, a record moves month.
    db.prepare("UPDATE call_records SET cost_micros = 8500 WHERE cost_micros IS NULL AND sid GLOB 'CA1*'").run();
    db.prepare("UPDATE call_records SET duration_seconds = duration_seconds + 61 WHERE sid GLOB 'CA2*'").run();
    db.prepare("UPDATE message_records SET sent_at = '2026-08-01T00:00:00Z' WHERE sid GLOB 'SM3*'").run();
    expect(rollups(db)).toEqual(fromRecords(db));
    expect(db.prepare('SELECT count(*) FROM usage_rollups WHERE unrated > 0').pluck().get()).toBeGreaterThan(0);
  });

  it('counts a call by its billable minutes, rounded up as Twilio bills', () => {
    const db = migratedTo(5);
    const insert = db.prepare(
      `INSERT INTO call_records (sid, account_sid, direction, our_number, status, started_at, duration_seconds,
         cost_micros) VALUES (?, ?, 'inbound', '+13035550100', 'completed', '2026-11-02T10:00:00Z', ?, 8500)`,
    );
    for (const [sid, seconds] of [
      ['CA1', 0],
      ['CA2', 1],
      ['CA3', 60],
      ['CA4', 61],
    ] as const)
      insert.run(sid, ACCOUNT, seconds);
    expect(db.prepare('SELECT records, quantity, cost_micros, unrated FROM usage_rollups').get()).toEqual({
      records: 4,
      quantity: 0 + 1 + 1 + 2,
      cost_micros: 34_000,
      unrated: 0,
    });
  });
});

describe('migration 6: A2P 10DLC registrations', () => {
  it('keeps what sync_state held and adds the A2P columns empty', () => {
    const db = migratedTo(5);
    db.prepare(
      "INSERT INTO sync_state (account_sid, numbers_synced_at, usage_synced_at) VALUES (?, '2026-11-01T00:00:00Z', 'x')",
    ).run(ACCOUNT);
    migrate(db, null);
    expect(db.prepare('SELECT * FROM sync_state').get()).toMatchObject({
      account_sid: ACCOUNT,
      numbers_synced_at: '2026-11-01T00:00:00Z',
      usage_synced_at: 'x',
      a2p_synced_at: null,
      a2p_campaigns_service_sid: null,
    });
  });

  it('keeps registrations of known accounts only, with readable issues', () => {
    const db = migratedTo(6);
    const insertBrand = (sid: string, account: string, issues = '[]') =>
      db
        .prepare("INSERT INTO a2p_brands (sid, account_sid, status, issues) VALUES (?, ?, 'FAILED', ?)")
        .run(sid, account, issues);
    insertBrand(`BN${'a'.repeat(32)}`, ACCOUNT, '[{"code":30701,"description":"Bad region","fields":["region"]}]');
    expect(() => insertBrand(`BN${'b'.repeat(32)}`, `AC${'9'.repeat(32)}`)).toThrow(/FOREIGN KEY/);
    expect(() => insertBrand(`BN${'c'.repeat(32)}`, ACCOUNT, 'not json')).toThrow(/CHECK/);

    db.prepare(
      "INSERT INTO a2p_business_profiles (sid, account_sid, status, friendly_name) VALUES (?, ?, 'draft', 'Shop')",
    ).run(`BU${'a'.repeat(32)}`, ACCOUNT);
    const insertCampaign = (service: string | null) =>
      db
        .prepare(
          `INSERT INTO a2p_campaigns (sid, account_sid, messaging_service_sid, status) VALUES (?, ?, ?, 'VERIFIED')`,
        )
        .run(`QE${'a'.repeat(32)}`, ACCOUNT, service);
    // A campaign is always one Messaging Service's.
    expect(() => insertCampaign(null)).toThrow(/NOT NULL/);
    insertCampaign(`MG${'a'.repeat(32)}`);
    expect(db.prepare('SELECT issues FROM a2p_business_profiles').pluck().get()).toBe('[]');
  });
});

describe('migration 7: Messaging Service membership', () => {
  it('keeps what sync_state held and adds the membership columns empty', () => {
    const db = migratedTo(6);
    db.prepare("INSERT INTO sync_state (account_sid, numbers_synced_at, a2p_synced_at) VALUES (?, 'n', 'a')").run(
      ACCOUNT,
    );
    migrate(db, null);
    expect(db.prepare('SELECT * FROM sync_state').get()).toMatchObject({
      account_sid: ACCOUNT,
      numbers_synced_at: 'n',
      a2p_synced_at: 'a',
      service_members_sid: null,
      service_members_synced_at: null,
    });
  });

  it('keeps each number once per service, for known accounts only', () => {
    const db = migratedTo(7);
    const insert = (account: string, number: string) =>
      db
        .prepare('INSERT INTO messaging_service_numbers (account_sid, service_sid, number_sid) VALUES (?, ?, ?)')
        .run(account, `MG${'a'.repeat(32)}`, number);
    insert(ACCOUNT, `PN${'1'.repeat(32)}`);
    expect(() => insert(ACCOUNT, `PN${'1'.repeat(32)}`)).toThrow(/UNIQUE/);
    expect(() => insert(`AC${'9'.repeat(32)}`, `PN${'2'.repeat(32)}`)).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 8: assignment errors as reason codes and error data', () => {
  const INTERRUPTED =
    'Gleam stopped before Twilio confirmed this change. Retry to finish it; Twilio may already have part of it.';
  const AGENT = '0b7f6c1e-3d2a-4c5b-8e9f-1a2b3c4d5e6f';
  const numberSid = (n: number) => `PN${String(n).padStart(32, '0')}`;

  /** A version 7 database with one assignment per row given, as version 7 wrote them. */
  function withAssignments(
    rows: { status: string; lastError: string | null; messaging: string | null; messagingError: string | null }[],
  ) {
    const db = migratedTo(7);
    db.prepare(
      `INSERT INTO agents (id, name, greeting, instructions, voice, language, status, created_at, updated_at)
       VALUES (?, 'Front desk', '', '', 'alloy', 'en-US', 'active', 'now', 'now')`,
    ).run(AGENT);
    rows.forEach((row, index) => {
      const sid = numberSid(index + 1);
      db.prepare(
        `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, number_type, voice, sms, mms, fax,
           fingerprint, synced_at)
         VALUES (?, ?, ?, '', 'local', 1, 1, 0, 0, '', 'now')`,
      ).run(sid, ACCOUNT, `+1303555010${index}`);
      db.prepare(
        `INSERT INTO number_assignments (number_sid, agent_id, status, previous_configuration, messaging,
           messaging_error, last_error, assigned_at, updated_at)
         VALUES (@sid, @agent, @status, @previous, @messaging, @messagingError, @lastError, 'now', 'now')`,
      ).run({ sid, agent: AGENT, previous: JSON.stringify(configurationFromWire({})), ...row });
    });
    return db;
  }

  it('turns the interrupted sentence into its code, and a failure’s line into error data that reads the same', () => {
    const failedLine = 'Twilio could not do this: This number cannot take calls.';
    const db = withAssignments([
      { status: 'assigning', lastError: INTERRUPTED, messaging: null, messagingError: null },
      { status: 'unassigning', lastError: failedLine, messaging: null, messagingError: null },
      { status: 'configured', lastError: null, messaging: 'added', messagingError: null },
    ]);
    migrate(db, null);

    expect(getAssignment(db, numberSid(1))?.lastError).toEqual({ reason: 'interrupted' });
    const failed = getAssignment(db, numberSid(2))?.lastError;
    expect(failed).toEqual({ reason: 'failed', error: { code: 'internal', message: failedLine, hints: [] } });
    expect(failed?.reason === 'failed' && errorLine(failed.error)).toBe(failedLine);
    expect(getAssignment(db, numberSid(3))).toMatchObject({ lastError: null, messagingError: null });
  });

  it('keeps a refused Messaging Service join as its error, and drops what the other-service state says itself', () => {
    const db = withAssignments([
      {
        status: 'configured',
        lastError: null,
        messaging: 'failed',
        messagingError: 'Could not add it to your Messaging Service: Twilio did not respond',
      },
      {
        status: 'configured',
        lastError: null,
        messaging: 'other-service',
        messagingError: 'It is in another Messaging Service. Remove it there to send texts through yours.',
      },
    ]);
    migrate(db, null);

    expect(getAssignment(db, numberSid(1))?.messagingError).toEqual({
      code: 'internal',
      message: 'Twilio did not respond',
      hints: [],
    });
    expect(getAssignment(db, numberSid(2))).toMatchObject({ messaging: 'other-service', messagingError: null });
  });
});

describe('migration 9: activity details as reason codes and error data', () => {
  it('turns the two sentences main wrote into their codes, and a failure’s message into error data that reads the same', () => {
    const db = migratedTo(8);
    const insert = (id: number, detail: string | null) =>
      db
        .prepare(
          `INSERT INTO activity_log (id, account_sid, at, kind, phone_number, outcome, detail)
           VALUES (?, ?, '2026-11-24T10:00:00.000Z', 'release', '+13035550100', 'failed', ?)`,
        )
        .run(id, ACCOUNT, detail);
    insert(4, 'It had already been released outside Gleam.');
    insert(3, 'Unexpected error');
    insert(2, 'Number not available');
    insert(1, null);
    migrate(db, null);

    expect(listActivity(db, ACCOUNT).map((entry) => entry.detail)).toEqual([
      { reason: 'released-elsewhere' },
      { reason: 'unexpected' },
      { reason: 'failed', error: { code: 'internal', message: 'Number not available', hints: [] } },
      null,
    ]);
  });
});
