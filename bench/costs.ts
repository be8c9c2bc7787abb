/**
 * The Costs screen's queries over 1,000,000 call records.
 *
 * A database like a busy account's after a year: 500 numbers, 5 agents with
 * 100 numbers each, 1,000,000 calls spread over 12 months, written through
 * the sync's own save path (so the rollup triggers do their work as in the
 * app; that time is printed too). Then each query the summary runs, and the
 * whole summary, are timed against `SELECT count(*) FROM call_records` in
 * the same run — plus, for scale, the by-number figures computed straight
 * from the records, which is what the summary would cost without rollups.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { configurationFromWire } from '../shared/domain/number-configuration';
import { EMPTY_AGENT_DRAFT } from '../shared/domain/agents';
import { insertAgent } from '../electron/main/db/agents-repo';
import { beginAssignment } from '../electron/main/db/assignments-repo';
import {
  numberListings,
  recordsCurrency,
  rollupsOfMonth,
  saveRecords,
  usageRecordsBetween,
} from '../electron/main/db/costs-repo';
import { openDatabase } from '../electron/main/db/database';
import { ownedNumberKinds, saveNumbers } from '../electron/main/db/numbers-repo';
import { costSummary, monthOf, monthsUpTo } from '../electron/main/services/cost-summary';
import { createPriceBook } from '../electron/main/services/price-book';
import { createMemoryLogger } from '../test/support/memory-logger';
import type { UsageEvent } from '../electron/main/domain/usage';
import { timedEach, type Comparison } from './measure';

const CALLS = 1_000_000;
const NUMBERS = 500;
const AGENTS = 5;
const BATCH = 10_000;
const ROUNDS = 15;
const ACCOUNT = `AC${'b'.repeat(32)}`;

const phoneNumberOf = (index: number) => `+1720${String(index).padStart(7, '0')}`;

/** A fixed pseudo-random sequence, so every run measures the same data. */
function sequence(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % limit;
  };
}

function seed(db: ReturnType<typeof openDatabase>['db'], now: Date): number {
  db.prepare(
    `INSERT INTO accounts (sid, friendly_name, status, type, connected, last_verified_at)
     VALUES (?, 'Bench', 'active', 'Full', 1, ?)`,
  ).run(ACCOUNT, now.toISOString());
  const numberSids = Array.from({ length: NUMBERS }, (_, index) => `PN${String(index).padStart(32, '0')}`);
  saveNumbers(
    db,
    numberSids.map((sid, index) => ({
      sid,
      accountSid: ACCOUNT,
      phoneNumber: phoneNumberOf(index),
      friendlyName: `Line ${index + 1}`,
      type: 'local' as const,
      isoCountry: 'US',
      capabilities: { voice: true, sms: true, mms: false, fax: false },
      configuration: configurationFromWire({}),
      dateCreated: null,
      syncedAt: now.toISOString(),
    })),
  );
  for (let agent = 0; agent < AGENTS; agent += 1) {
    const id = `00000000-0000-4000-8000-${String(agent).padStart(12, '0')}`;
    insertAgent(db, id, { ...EMPTY_AGENT_DRAFT, name: `Agent ${agent + 1}` }, now.toISOString());
    for (const numberSid of numberSids.slice(agent * 100, agent * 100 + 100)) {
      beginAssignment(db, { numberSid, agentId: id, previousConfiguration: configurationFromWire({}), at: '' });
    }
  }

  const next = sequence(42);
  const yearStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1);
  const span = now.getTime() - yearStart;
  const started = performance.now();
  for (let written = 0; written < CALLS; written += BATCH) {
    const batch: UsageEvent[] = Array.from({ length: BATCH }, (_, offset) => {
      const inbound = next(3) > 0;
      return {
        sid: `CA${String(written + offset).padStart(32, '0')}`,
        direction: inbound ? 'inbound' : 'outbound',
        ourNumber: phoneNumberOf(next(NUMBERS)),
        status: 'completed',
        at: new Date(yearStart + Math.floor((next(1_000_000) / 1_000_000) * span)).toISOString(),
        amount: next(900),
        costMicros: next(50) === 0 ? null : (inbound ? 8_500 : 14_000) * (1 + next(5)),
        priceUnit: 'USD',
      };
    });
    saveRecords(db, 'call', ACCOUNT, batch);
  }
  return performance.now() - started;
}

export function benchCosts(): Comparison[] {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-bench-costs-'));
  const { db } = openDatabase(path.join(dataDir, 'gleam.sqlite'));
  try {
    const now = new Date();
    const writeMs = seed(db, now);
    console.log(
      `\nCosts — ${CALLS.toLocaleString('en-US')} call records written through the sync's save path in ` +
        `${(writeMs / 1000).toFixed(1)} s (${((writeMs * 1000) / CALLS).toFixed(1)} µs a record, rollups included)`,
    );

    const month = monthOf(now);
    const months = monthsUpTo(now, 12);
    const prices = createPriceBook({ db, logger: createMemoryLogger(), clock: () => now });
    const countMs = timedEach(ROUNDS, () => db.prepare('SELECT count(*) FROM call_records').pluck().get());
    const baseline = 'SQLite: SELECT count(*) FROM call_records';
    const name = (what: string) => `Costs — ${what}, over ${CALLS.toLocaleString('en-US')} call records`;
    const compare = (what: string, subject: string, run: () => unknown): Comparison => ({
      name: name(what),
      subject,
      baseline,
      subjectMs: timedEach(ROUNDS, run),
      baselineMs: countMs,
      goal: null,
    });

    const busyNumbers = rollupsOfMonth(db, ACCOUNT, month).map((row) => row.ourNumber);
    return [
      compare('the whole summary (what the screen asks for)', 'app: costs.summary()', () =>
        costSummary({ db, prices, clock: () => now }, month),
      ),
      compare('query: usage records of 12 months', 'usageRecordsBetween', () =>
        usageRecordsBetween(db, ACCOUNT, months[0] ?? month, month),
      ),
      compare("query: a month's rollups by number", 'rollupsOfMonth', () => rollupsOfMonth(db, ACCOUNT, month)),
      compare('query: names and agents of the numbers', 'numberListings', () =>
        numberListings(db, ACCOUNT, busyNumbers),
      ),
      compare('query: owned numbers by type and country', 'ownedNumberKinds', () => ownedNumberKinds(db, ACCOUNT)),
      compare('query: the currency of the records', 'recordsCurrency', () => recordsCurrency(db, ACCOUNT)),
      compare(
        "for scale: a month's by-number figures straight from the records",
        'SQLite: GROUP BY over call_records, no rollups',
        () =>
          db
            .prepare(
              `SELECT our_number, direction, count(*), sum((duration_seconds + 59) / 60), sum(cost_micros)
               FROM call_records WHERE account_sid = ? AND started_at >= ? AND started_at < ?
               GROUP BY our_number, direction`,
            )
            .all(ACCOUNT, `${month}-01`, `${month}-32`),
      ),
    ];
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
