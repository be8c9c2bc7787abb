import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inWriteTransaction, openConnection, openDatabase } from './database';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-database-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('write transactions across connections (the app and the numbers-sync worker)', () => {
  it('hold the write lock from the start, so no other commit slips between their read and their write', () => {
    const file = path.join(dir, 'gleam.sqlite');
    const app = openDatabase(file).db;
    const worker = openConnection(file);
    worker.pragma('busy_timeout = 0');
    try {
      inWriteTransaction(app, () => {
        app.prepare('SELECT count(*) FROM settings').get();
        expect(() => worker.prepare("INSERT INTO settings (key, value) VALUES ('a', 'b')").run()).toThrow(
          /locked|busy/i,
        );
        app.prepare("INSERT INTO settings (key, value) VALUES ('webhookBaseUrl', 'https://x.example.com')").run();
      });
      expect(worker.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });
    } finally {
      worker.close();
      app.close();
    }
  });

  it('without it, a read-then-write transaction fails at once when the other connection committed meanwhile', () => {
    const file = path.join(dir, 'gleam.sqlite');
    const app = openDatabase(file).db;
    const worker = openConnection(file);
    try {
      const readThenWrite = app.transaction(() => {
        app.prepare('SELECT count(*) FROM settings').get();
        worker.prepare("INSERT INTO settings (key, value) VALUES ('a', 'b')").run();
        app.prepare("INSERT INTO settings (key, value) VALUES ('c', 'd')").run();
      });
      expect(() => readThenWrite.deferred()).toThrow(/locked|busy/i);
    } finally {
      worker.close();
      app.close();
    }
  });
});
