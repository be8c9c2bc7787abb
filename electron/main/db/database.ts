/**
 * Opens the app database with the pragmas every connection needs: WAL for
 * concurrent reads during writes, foreign keys enforced, FULL synchronous
 * because purchase records are money, and a busy timeout instead of
 * immediate "database is locked" errors. Then migrates it.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate, type MigrationResult } from './migrations';

export interface OpenedDatabase {
  db: Database;
  migration: MigrationResult;
}

/**
 * Runs `write` in a transaction that takes the write lock first (BEGIN
 * IMMEDIATE), waiting up to the busy timeout for it. Two connections write
 * this database (the app's and the numbers-sync worker's); a transaction
 * that reads and then writes would otherwise fail at once with "database is
 * locked" whenever the other connection committed in between. Nested calls
 * become savepoints.
 */
export function inWriteTransaction<T>(db: Database, write: () => T): T {
  return db.transaction(write).immediate();
}

/**
 * A connection with the pragmas, to a database the app has already opened
 * and migrated (the numbers-sync worker's own connection).
 */
export function openConnection(filePath: string): Database {
  const db = new BetterSqlite3(filePath);
  try {
    if (filePath !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `filePath` ':memory:' opens a private in-memory database (tests). */
export function openDatabase(filePath: string): OpenedDatabase {
  const inMemory = filePath === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const db = openConnection(filePath);
  try {
    const migration = migrate(db, inMemory ? null : filePath);
    return { db, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}
