import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { listOwnedNumbers } from '../db/numbers-repo';
import type { IncomingNumberResource } from '../twilio/incoming-number';
import { createNumbersSyncThread, type NumbersSyncThread } from './numbers-sync-thread';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const resource = (n: number): IncomingNumberResource => ({
  sid: `PN${String(n).padStart(32, '0')}`,
  phone_number: `+1303555${String(n).padStart(4, '0')}`,
  friendly_name: `Line ${n}`,
  capabilities: { voice: true, sms: true, mms: false, fax: false },
  date_created: 'Mon, 16 Aug 2010 23:00:23 +0000',
  voice_url: n === 2 ? 'https://example.com/voice' : '',
  trunk_sid: null,
});

let dir: string;
let db: Database;
let thread: NumbersSyncThread;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-sync-thread-'));
  const file = path.join(dir, 'gleam.sqlite');
  db = openDatabase(file).db;
  db.prepare(
    `INSERT INTO accounts (sid, friendly_name, status, type, connected, last_verified_at)
     VALUES (?, 'Shop', 'active', 'Full', 1, 'now')`,
  ).run(ACCOUNT);
  thread = createNumbersSyncThread(file);
});

afterEach(async () => {
  await thread.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const scope = { accountSid: ACCOUNT, tollFreeSids: [], mobileSids: [`PN${String(3).padStart(32, '0')}`] };

describe('the numbers-sync worker', () => {
  it('writes pages on its own connection, visible to the app, and releases what was not listed', async () => {
    await thread.begin(scope);
    expect(await thread.writePage([resource(1), resource(2)], '2026-11-24T10:00:00.000Z')).toBe(2);
    expect(await thread.writePage([resource(3)], '2026-11-24T10:00:01.000Z')).toBe(3);
    expect(await thread.finish('2026-11-24T10:00:02.000Z')).toEqual({
      total: 3,
      added: 3,
      removed: 0,
      countries: ['US'],
    });
    const stored = listOwnedNumbers(db, ACCOUNT);
    expect(stored.map((number) => [number.phoneNumber, number.type, number.configuration.voiceUrl])).toEqual([
      ['+13035550001', 'local', ''],
      ['+13035550002', 'local', 'https://example.com/voice'],
      ['+13035550003', 'mobile', ''],
    ]);
    expect(stored[0]?.dateCreated).toBe('2010-08-16T23:00:23.000Z');

    await thread.begin(scope);
    await thread.writePage([resource(2)], '2026-11-24T11:00:00.000Z');
    expect(await thread.finish('2026-11-24T11:00:01.000Z')).toMatchObject({ total: 1, added: 0, removed: 2 });
    expect(listOwnedNumbers(db, ACCOUNT).map((number) => number.phoneNumber)).toEqual(['+13035550002']);
  });

  it('rewrites only numbers whose description changed', async () => {
    await thread.begin(scope);
    await thread.writePage([resource(1), resource(2)], 'first');
    await thread.finish('first');
    await thread.begin(scope);
    await thread.writePage([resource(1), { ...resource(2), friendly_name: 'Renamed' }], 'second');
    await thread.finish('second');
    const syncedAt = db.prepare('SELECT phone_number, synced_at FROM phone_numbers ORDER BY phone_number').raw().all();
    expect(syncedAt).toEqual([
      ['+13035550001', 'first'],
      ['+13035550002', 'second'],
    ]);
  });

  it('marks nothing released when a sync is abandoned', async () => {
    await thread.begin(scope);
    await thread.writePage([resource(1), resource(2)], 'first');
    await thread.finish('first');
    await thread.begin(scope);
    await thread.writePage([resource(1)], 'second');
    await thread.abandon();
    expect(listOwnedNumbers(db, ACCOUNT)).toHaveLength(2);
  });

  it("reports the writer's errors to the caller", async () => {
    await expect(thread.writePage([resource(1)], 'now')).rejects.toThrow('No numbers sync has begun');
  });

  it('fails the pending call when the worker dies, and starts a new worker for the next call', async () => {
    const pending = thread.begin(scope);
    await thread.close();
    await expect(pending).rejects.toThrow(/stopped/);
    await thread.begin(scope);
    expect(await thread.writePage([resource(1)], 'now')).toBe(1);
  });
});

it('keeps a plain Node process alive while a call to the worker is pending, and lets it exit once idle', () => {
  // A process whose only work is a call to the worker: it must print the answer, then exit by itself.
  const script = `
    import { createNumbersSyncThread } from ${JSON.stringify(new URL('./numbers-sync-thread.ts', import.meta.url).href)};
    createNumbersSyncThread(${JSON.stringify(path.join(dir, 'gleam.sqlite'))})
      .begin(${JSON.stringify(scope)})
      .then(() => console.log('answered'));
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.stdout.trim()).toBe('answered');
  expect(result.status).toBe(0);
});
