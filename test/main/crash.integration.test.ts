/**
 * The crash suite: a real app process (test-support/crash-child.ts) runs a
 * numbers sync, a bulk assign or a purchase against the fake Twilio and is
 * killed with SIGKILL at a random point inside the operation. Then, as on the
 * next start: the database passes `PRAGMA integrity_check`, what the dead
 * process left is a state its own rules allow (whole pages, intent before
 * POST, assignment row before the update), and after the core starts again
 * and refreshes from Twilio the journal is settled and the local state
 * matches Twilio's.
 *
 * Kill points are seeded: GLEAM_CRASH_SEED=<n> draws the same ones again
 * (timing on a busy machine still moves them a little), GLEAM_CRASH_RUNS=<n>
 * changes how many kills each operation gets (20 by default). Each point is
 * drawn uniformly inside the operation's window — from its first Twilio
 * request to its end — measured first by one uninterrupted run; a draw that
 * the process outran (it finished before the kill) does not count, shortens
 * the window to that run's duration, and is drawn again.
 */
import { randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { EMPTY_AGENT_DRAFT, type AgentDraft } from '../../shared/domain/agents';
import type { SeededAccount, SeededNumber } from '../../tools/fake-twilio/control-client';
import type { AppCore } from '../../electron/main/core';
import { listAssignments } from '../../electron/main/db/assignments-repo';
import { openIntents } from '../../electron/main/db/purchases-repo';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';
import { CrashChild, runRandom, type CrashOperation } from '../support/crash-kit';

const SEED = process.env.GLEAM_CRASH_SEED ? Number(process.env.GLEAM_CRASH_SEED) : randomInt(1, 2 ** 31);
const RUNS = process.env.GLEAM_CRASH_RUNS ? Number(process.env.GLEAM_CRASH_RUNS) : 20;
if (!Number.isSafeInteger(SEED) || !Number.isSafeInteger(RUNS) || RUNS < 1) {
  throw new Error('GLEAM_CRASH_SEED and GLEAM_CRASH_RUNS must be whole numbers (runs at least 1)');
}
console.log(`crash suite: seed ${SEED} (GLEAM_CRASH_SEED=${SEED} repeats it), ${RUNS} kills per operation`);

/** How long a run may take before the suite gives up on it; far above the few hundred ms one needs. */
const STEP_TIMEOUT_MS = 30_000;
/** Redraws allowed per run when the process finished before its kill; more means the window is mismeasured. */
const MAX_ATTEMPTS = 6;

interface Scenario {
  name: string;
  /** Whether the operation uses the numbers-sync worker, which the child then boots before it starts. */
  usesSyncWorker: boolean;
  account(): SeededAccount;
  /** Builds the state every run starts from: the local copy (in harness.dataDir) and Twilio's. */
  prepare(): Promise<void>;
  /** Puts Twilio as every run starts (undoing the last run) and injects its latency; answers the run's operation. */
  arm(random: () => number): Promise<{ operation: CrashOperation; variant: string }>;
  /** Runs at the instant of the kill, just before it: to note what Twilio had done by then. */
  atKill?(): void;
  /** The database as the killed process left it, before anything starts again; answers where the kill fell. */
  inspect(db: Database, context: string): Promise<string>;
  /** After the restart and its refresh from Twilio. */
  verifyRestarted(core: AppCore, context: string): Promise<void>;
  /** Totals over the runs worth printing, if any. */
  summary?(): string;
}

interface ScenarioReport {
  name: string;
  kills: number;
  redraws: number;
  windowMs: number;
  phases: Map<string, number>;
  /** Every run passed. */
  complete: boolean;
  summary: string;
}

const reports: ScenarioReport[] = [];

afterAll(() => {
  for (const report of reports) {
    const phases = [...report.phases].map(([phase, count]) => `${phase} ×${count}`).join(', ');
    console.log(
      `crash suite: ${report.name} — ${report.kills} kills inside a ~${Math.round(report.windowMs)} ms operation ` +
        `(${report.redraws} redrawn after it finished first): ${phases}${report.summary ? `; ${report.summary}` : ''}`,
    );
  }
  const counts = reports.map((report) => `${report.kills} ${report.name}`).join(' + ');
  const reconciled = reports.length > 0 && reports.every((report) => report.complete);
  console.log(`crash suite: seed ${SEED}, ${counts} kills, ${reconciled ? 'all reconciled' : 'NOT all reconciled'}`);
});

/**
 * The state every run starts from: the database through SQLite's own
 * consistent copy (VACUUM INTO: the closed core's numbers-sync worker may
 * still be letting go of the WAL), and the other files (credentials) as they are.
 */
function snapshotDataDir(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-crash-template-'));
  for (const entry of fs.readdirSync(from)) {
    if (!entry.startsWith('gleam.sqlite')) fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  }
  const db = new BetterSqlite3(path.join(from, 'gleam.sqlite'));
  try {
    db.prepare('VACUUM INTO ?').run(path.join(to, 'gleam.sqlite'));
  } finally {
    db.close();
  }
  return to;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the fake has answered every request the account made. A
 * request in its latency when the app died is still performed by Twilio
 * (the fake, like Twilio, does not notice the client is gone); the restart is
 * checked against Twilio as it is after that, not during it.
 */
async function quiesce(harness: CoreHarness, accountSid: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (harness.fake.state.requests({ accountSid }).some((request) => request.status === null)) {
    if (Date.now() > deadline) throw new Error('the fake never finished the requests of the killed process');
    await sleep(5);
  }
}

function checkIntegrity(db: Database, context: string): void {
  expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
  expect(db.pragma('foreign_key_check'), context).toEqual([]);
}

/** Resolves when the fake has received the account's first request: where the operation's window starts. */
async function firstRequest(harness: CoreHarness, accountSid: string, child: CrashChild): Promise<number> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (harness.fake.state.requests({ accountSid }).length === 0) {
    if (child.finished || Date.now() > deadline) {
      throw new Error(`the operation sent Twilio nothing: ${child.describe()}`);
    }
    await sleep(1);
  }
  return performance.now();
}

async function runScenario(harness: CoreHarness, scenario: Scenario): Promise<void> {
  await scenario.prepare();
  harness.core().close();
  const template = snapshotDataDir(harness.dataDir);
  const runDirs: string[] = [];
  const report: ScenarioReport = {
    name: scenario.name,
    kills: 0,
    redraws: 0,
    windowMs: 0,
    phases: new Map(),
    complete: false,
    summary: '',
  };
  /** A child on a fresh copy of the template: started early, it is warm by the time its run begins. */
  const spawnChild = (): { child: CrashChild; dataDir: string } => {
    // A folder per run: the last run's restarted core may still be closing its worker's connection.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-crash-run-'));
    runDirs.push(dataDir);
    fs.cpSync(template, dataDir, { recursive: true });
    const job = {
      dataDir,
      hosts: JSON.stringify(harness.fake.hosts),
      cipherKeyHex: harness.cipherKey.toString('hex'),
      warm: scenario.usesSyncWorker,
    };
    return { child: new CrashChild(job), dataDir };
  };
  let next = spawnChild();

  /**
   * One run: the child runs the operation and is killed `killAfterMs` after
   * its first Twilio request (null: not killed, to measure the window);
   * answers whether the kill fell inside the operation.
   */
  const runOnce = async (killAfterMs: number | null, random: () => number, label: string): Promise<boolean> => {
    const accountSid = scenario.account().sid;
    const { child, dataDir } = next;
    await child.said('warm', STEP_TIMEOUT_MS);
    harness.fake.state.clearFaults();
    const { operation, variant } = await scenario.arm(random);
    // The warm-up's listing is not part of the run.
    await quiesce(harness, accountSid);
    harness.fake.state.clearRequests();
    child.go(operation);
    await child.said('start', STEP_TIMEOUT_MS);
    const startedAt = await firstRequest(harness, accountSid, child);
    const kill: { at: number | null; requests: number } = { at: null, requests: 0 };
    const timer =
      killAfterMs === null
        ? undefined
        : setTimeout(
            () => {
              kill.at = performance.now() - startedAt;
              kill.requests = harness.fake.state.requests({ accountSid }).length;
              scenario.atKill?.();
              child.kill();
            },
            Math.max(0, startedAt + killAfterMs - performance.now()),
          );
    let stuck: NodeJS.Timeout | undefined;
    const end = await Promise.race([
      child.ended,
      new Promise<never>((_resolve, reject) => {
        stuck = setTimeout(() => {
          reject(new Error(`${scenario.name}: the child neither finished nor died: ${child.describe()}`));
        }, STEP_TIMEOUT_MS);
      }),
    ]).finally(() => {
      clearTimeout(timer);
      clearTimeout(stuck);
    });
    next = spawnChild();

    const at = kill.at === null ? '' : `killed ${Math.round(kill.at)} ms in, at request ${kill.requests}, `;
    const context = `${scenario.name} ${label} (GLEAM_CRASH_SEED=${SEED}; ${at}${variant})`;
    if (killAfterMs === null) {
      expect(child.lines, `${context}: the uninterrupted run must succeed; ${child.describe()}`).toContain('done');
      report.windowMs = (child.finishedAt ?? 0) - startedAt;
    } else if (child.finished) {
      // It outran its kill: the window was measured on a slower run. Its own duration is a better measure.
      report.windowMs = Math.min(report.windowMs, (child.finishedAt ?? 0) - startedAt);
    } else {
      expect(end.signal, `${context}: ${child.describe()}`).toBe('SIGKILL');
    }
    const inside = killAfterMs !== null && !child.finished;

    harness.fake.state.clearFaults();
    await quiesce(harness, accountSid);
    const db = new BetterSqlite3(path.join(dataDir, 'gleam.sqlite'));
    let phase: string;
    try {
      checkIntegrity(db, context);
      phase = await scenario.inspect(db, context);
    } finally {
      db.close();
    }

    const core = harness.startCore({ dataDir, logDir: path.join(dataDir, 'logs') });
    try {
      await core.refreshFromTwilio();
      await scenario.verifyRestarted(core, context);
      const check = new BetterSqlite3(core.paths.database, { readonly: true });
      try {
        checkIntegrity(check, `${context}, after the restart`);
      } finally {
        check.close();
      }
    } finally {
      core.close();
    }
    if (inside) report.phases.set(phase, (report.phases.get(phase) ?? 0) + 1);
    return inside;
  };

  try {
    await runOnce(null, runRandom(SEED, scenario.name, 'measure'), 'measuring run');
    expect(
      report.windowMs,
      `${scenario.name}: the operation must last long enough to be killed inside`,
    ).toBeGreaterThan(50);
    for (let run = 1; run <= RUNS; run += 1) {
      let attempt = 1;
      for (; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const random = runRandom(SEED, scenario.name, run, attempt);
        const killAfterMs = random() * report.windowMs;
        if (await runOnce(killAfterMs, random, `run ${run}, attempt ${attempt}`)) break;
        report.redraws += 1;
      }
      expect(attempt, `${scenario.name} run ${run}: the process kept finishing before its kill`).toBeLessThanOrEqual(
        MAX_ATTEMPTS,
      );
      report.kills += 1;
    }
    report.complete = true;
  } finally {
    report.summary = scenario.summary?.() ?? '';
    next.child.kill();
    await next.child.ended;
    reports.push(report);
    for (const dir of [template, ...runDirs]) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** Twilio's list order in pages of the sync's size (numbers-api.ts lists 1,000 a page). */
const SYNC_PAGE_SIZE = 1000;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Sync: 1,300 numbers synced once; then, in Twilio, one in twelve released,
 * 150 renamed and 250 bought elsewhere, so the killed sync has numbers to
 * write on both of its pages and numbers to mark released at the end.
 * Twilio does not change between runs: a sync only reads.
 */
function syncScenario(harness: CoreHarness): Scenario {
  let account: SeededAccount | null = null;
  const gone = new Set<string>();
  /** Per page of Twilio's list as the killed sync sees it: the numbers it has to write (new or renamed). */
  let changedByPage: SeededNumber[][] = [];
  let twilioCount = 0;
  const { control } = harness;
  const accountOf = () => {
    if (!account) throw new Error('not prepared');
    return account;
  };

  return {
    name: 'sync',
    usesSyncWorker: true,
    account: accountOf,
    async prepare() {
      account = await harness.connect();
      await control.seedOwnedNumbers({ accountSid: account.sid, count: 1100, areaCode: '303' });
      await control.seedOwnedNumbers({ accountSid: account.sid, count: 100, type: 'toll-free' });
      await control.seedOwnedNumbers({ accountSid: account.sid, count: 100, type: 'mobile', areaCode: '415' });
      await harness.core().services.numbers.sync();
      const before = await control.ownedNumbers(account.sid);
      expect(harness.core().services.numbers.list().numbers).toHaveLength(before.length);

      const renamed = new Set<string>();
      before.forEach((number, index) => {
        if (index % 12 === 5) {
          gone.add(number.sid);
          harness.fake.state.deleteIncomingNumber(number.sid);
        } else if (index % 8 === 3 && renamed.size < 150) {
          renamed.add(number.sid);
          harness.fake.state.patchOwnedNumber(number.sid, { friendlyName: `Renamed ${index}` });
        }
      });
      await control.seedOwnedNumbers({
        accountSid: account.sid,
        count: 250,
        areaCode: '720',
        friendlyNamePrefix: 'Bought elsewhere ',
      });
      const known = new Set(before.map((number) => number.sid));
      const now = await control.ownedNumbers(account.sid);
      twilioCount = now.length;
      changedByPage = chunk(now, SYNC_PAGE_SIZE).map((page) =>
        page.filter((number) => renamed.has(number.sid) || !known.has(number.sid)),
      );
      expect(changedByPage.length, 'the sync must have several pages to be killed between').toBeGreaterThanOrEqual(2);
      expect(changedByPage.every((page) => page.length > 0)).toBe(true);
    },

    async arm() {
      // The second page is fetched while the first is written; a slower answer for it leaves time in which
      // the first page is written and the second is not, instead of the two landing back to back.
      // The oldest matching fault applies, so the page faults come before the one for every other GET.
      const pages = { method: 'GET', pathIncludes: '/IncomingPhoneNumbers.json' };
      await control.injectFault({ kind: 'latency', ms: 25, match: pages });
      await control.injectFault({ kind: 'latency', ms: 120, match: pages });
      await control.injectFault({ kind: 'latency', ms: 25, times: 1_000, match: { method: 'GET' } });
      return { operation: { op: 'sync' }, variant: '25 ms a request, 120 ms for the second page' };
    },

    inspect(db, context) {
      const rows = db
        .prepare('SELECT sid, friendly_name AS friendlyName, released_at AS releasedAt FROM phone_numbers')
        .all() as { sid: string; friendlyName: string; releasedAt: string | null }[];
      const local = new Map(rows.map((row) => [row.sid, row]));
      // A page is written in one transaction, in order: each page's changes are all there or none are,
      // and a page is there only if every page before it is.
      const written = changedByPage.map((page) => {
        const count = page.filter((number) => local.get(number.sid)?.friendlyName === number.friendlyName).length;
        expect([0, page.length], `${context}: a page written in part`).toContain(count);
        return count === page.length;
      });
      const pages = written.findIndex((done) => !done);
      const pagesWritten = pages === -1 ? written.length : pages;
      expect(written.slice(pagesWritten), `${context}: a page written after one that was not`).not.toContain(true);
      // Gone numbers are released only after a complete listing, and all at once.
      const released = [...gone].filter((sid) => local.get(sid)?.releasedAt != null).length;
      expect([0, gone.size], `${context}: released in part`).toContain(released);
      if (released > 0)
        expect(pagesWritten, `${context}: released before the listing was complete`).toBe(written.length);
      return Promise.resolve(released > 0 ? 'listing finished' : `${pagesWritten} of ${written.length} pages written`);
    },

    async verifyRestarted(core, context) {
      const twilio = await control.ownedNumbers(accountOf().sid);
      expect(twilio).toHaveLength(twilioCount);
      const simplify = (numbers: { sid: string; phoneNumber: string; friendlyName: string; type: string }[]) =>
        numbers
          .map(({ sid, phoneNumber, friendlyName, type }) => ({ sid, phoneNumber, friendlyName, type }))
          .sort((a, b) => a.sid.localeCompare(b.sid));
      expect(simplify(core.services.numbers.list().numbers), `${context}: local numbers after the restart`).toEqual(
        simplify(twilio),
      );
    },
  };
}

const DRAFT: AgentDraft = {
  ...EMPTY_AGENT_DRAFT,
  name: 'Front desk',
  greeting: 'Thanks for calling!',
  instructions: 'Book appointments.',
};

const CONFIGURATION_FIELDS = [
  'voiceUrl',
  'voiceMethod',
  'voiceFallbackUrl',
  'voiceFallbackMethod',
  'smsUrl',
  'smsMethod',
  'smsFallbackUrl',
  'smsFallbackMethod',
  'statusCallback',
  'statusCallbackMethod',
  'voiceApplicationSid',
  'smsApplicationSid',
  'trunkSid',
] as const satisfies readonly (keyof SeededNumber)[];
type FakeConfiguration = Pick<SeededNumber, (typeof CONFIGURATION_FIELDS)[number]>;

const configurationOf = (number: SeededNumber): FakeConfiguration =>
  Object.fromEntries(CONFIGURATION_FIELDS.map((field) => [field, number[field]])) as FakeConfiguration;

/** What an agent's number looks like in Twilio once assigned (written out, not derived from webhooks.ts). */
function agentWebhooksIn(number: SeededNumber, agentId: string): boolean {
  const base = `https://hooks.gleam.ai/twilio/agents/${agentId}`;
  return (
    number.voiceUrl === `${base}/voice` &&
    number.voiceMethod === 'POST' &&
    number.voiceFallbackUrl === `${base}/voice-fallback` &&
    number.voiceFallbackMethod === 'POST' &&
    number.statusCallback === `${base}/call-status` &&
    number.statusCallbackMethod === 'POST' &&
    number.smsUrl === `${base}/sms` &&
    number.smsMethod === 'POST' &&
    number.voiceApplicationSid === null &&
    number.smsApplicationSid === null &&
    number.trunkSid === null
  );
}

const BULK_COUNT = 30;

/**
 * Bulk assign: 30 numbers with their own configurations (webhooks with GET,
 * a TwiML App, a SIP trunk, nothing) assigned to one agent in one job, as
 * the Assign dialog does; more than 10 first-time numbers, so the job syncs
 * first. Nothing resumes the job on the next start: a number whose update
 * was interrupted stays `assigning`, with an error that says so (and offers
 * Retry), until the person assigns it again, which is what is checked after
 * the restart. The configuration each row saved
 * before the crash is checked against Twilio's original too: it is what
 * unassigning will put back.
 */
function bulkAssignScenario(harness: CoreHarness): Scenario {
  let account: SeededAccount | null = null;
  let agentId = '';
  let original = new Map<string, FakeConfiguration>();
  /** Totals over the runs: numbers interrupted after and before Twilio applied their update, and what the restart showed. */
  const totals = { ahead: 0, behind: 0, shownAssigning: 0 };
  const { control } = harness;
  const accountOf = () => {
    if (!account) throw new Error('not prepared');
    return account;
  };
  const twilioNumbers = async () => new Map((await control.ownedNumbers(accountOf().sid)).map((n) => [n.sid, n]));
  const isOriginal = (number: SeededNumber | undefined) =>
    number !== undefined && JSON.stringify(configurationOf(number)) === JSON.stringify(original.get(number.sid));

  return {
    name: 'bulk assign',
    usesSyncWorker: true,
    account: accountOf,
    summary: () =>
      `${totals.ahead} numbers killed after Twilio applied their update and ${totals.behind} before; ` +
      `after the restarts ${totals.shownAssigning} shown interrupted with Retry, ` +
      'all configured once assigned again',
    async prepare() {
      account = await harness.connect();
      for (let index = 0; index < BULK_COUNT; index += 1) {
        const phoneNumber = `+1303555${String(100 + index).padStart(4, '0')}`;
        const own = { accountSid: account.sid, phoneNumber };
        const hex = (char: string) => char.repeat(32);
        if (index % 4 === 0) {
          await control.seedOwnedNumber({
            ...own,
            voiceUrl: `https://old.example.com/voice/${index}`,
            voiceMethod: 'GET',
            smsUrl: `https://old.example.com/sms/${index}`,
            smsFallbackUrl: 'https://old.example.com/sms-fallback',
          });
        } else if (index % 4 === 1) {
          await control.seedOwnedNumber({
            ...own,
            voiceApplicationSid: `AP${hex('a')}`,
            smsApplicationSid: `AP${hex('b')}`,
          });
        } else if (index % 4 === 2) {
          await control.seedOwnedNumber({
            ...own,
            trunkSid: `TK${hex('c')}`,
            statusCallback: 'https://old.example.com/s',
          });
        } else {
          await control.seedOwnedNumber(own);
        }
      }
      await harness.core().services.numbers.sync();
      agentId = harness.core().services.agents.save({ agent: DRAFT }).id;
      original = new Map([...(await twilioNumbers())].map(([sid, number]) => [sid, configurationOf(number)]));
      expect(original.size).toBe(BULK_COUNT);
    },

    async arm(random) {
      for (const [sid, configuration] of original) harness.fake.state.patchOwnedNumber(sid, configuration);
      // Either way the killed process cannot know: Twilio applies an update at once and the answer is slow,
      // or the update is applied when the delay ends, after the process may have died.
      const commitFirst = random() < 0.5;
      await control.injectFault({ kind: 'latency', ms: 20, times: 1_000, match: { method: 'GET' } });
      await control.injectFault({
        kind: 'latency',
        ms: 25,
        times: 1_000,
        afterCommit: commitFirst,
        match: { method: 'POST' },
      });
      return {
        operation: { op: 'bulk-assign', agentId, numberSids: [...original.keys()] },
        variant: commitFirst ? 'updates applied, then 25 ms to answer' : 'updates applied after 25 ms',
      };
    },

    async inspect(db, context) {
      const twilio = await twilioNumbers();
      const rows = new Map(listAssignments(db).map((row) => [row.numberSid, row]));
      let configured = 0;
      let assigning = 0;
      for (const [sid, number] of twilio) {
        const row = rows.get(sid);
        const where = `${context}: ${number.phoneNumber}`;
        if (!row) {
          // The row is written before Twilio is changed.
          expect(isOriginal(number), `${where} changed in Twilio without an assignment row`).toBe(true);
          continue;
        }
        expect(row.agentId, where).toBe(agentId);
        // What unassigning will put back: Twilio's configuration from before, nothing else.
        const saved = row.previousConfiguration;
        const before = original.get(sid);
        for (const field of CONFIGURATION_FIELDS) {
          // SQLite keeps an unset SID as '' where Twilio says null.
          expect(saved[field], `${where}: saved ${field}`).toBe(before?.[field] ?? '');
        }
        if (row.status === 'configured') {
          configured += 1;
          expect(agentWebhooksIn(number, agentId), `${where} recorded as configured`).toBe(true);
        } else {
          expect(row.status, where).toBe('assigning');
          assigning += 1;
          const ahead = agentWebhooksIn(number, agentId);
          if (ahead) totals.ahead += 1;
          else totals.behind += 1;
          expect(ahead || isOriginal(number), `${where} is neither as before nor as the agent needs`).toBe(true);
        }
      }
      if (rows.size === 0) return 'no number started';
      if (configured === BULK_COUNT) return 'every number configured';
      return assigning > 0 ? 'numbers mid-update' : 'between numbers';
    },

    async verifyRestarted(core, context) {
      const listed = () => new Map(core.services.numbers.list().numbers.map((number) => [number.sid, number]));
      const twilio = await twilioNumbers();
      const retry: string[] = [];
      for (const [sid, number] of listed()) {
        const where = `${context}: ${number.phoneNumber} after the restart`;
        const live = twilio.get(sid);
        const status = number.assignment?.status ?? null;
        // Never shown as set up while Twilio lacks the agent's webhooks; interrupted means not configured.
        expect(['configured', 'assigning', null], where).toContain(status);
        if (status === 'configured') expect(live && agentWebhooksIn(live, agentId), where).toBe(true);
        if (status === null) expect(isOriginal(live), where).toBe(true);
        if (status === 'assigning') {
          // Interrupted, and said so: the error is what makes the screens offer Retry.
          totals.shownAssigning += 1;
          expect(number.assignment?.error, where).not.toBeNull();
        }
        if (status !== 'configured') retry.push(sid);
      }
      if (retry.length > 0) {
        // What the person does next: assign the numbers that did not finish again (Retry, or the dialog).
        const again = await core.services.assignments.run({
          jobId: randomUUID(),
          action: 'assign',
          agentId,
          numberSids: retry,
        });
        expect(
          again.outcomes.filter((outcome) => outcome.outcome !== 'done'),
          context,
        ).toEqual([]);
      }
      const after = await twilioNumbers();
      for (const [sid, number] of listed()) {
        expect(number.assignment?.status, `${context}: ${number.phoneNumber} after retrying`).toBe('configured');
        const live = after.get(sid);
        expect(live && agentWebhooksIn(live, agentId), `${context}: ${number.phoneNumber} in Twilio`).toBe(true);
      }
    },
  };
}

const TO_BUY = '+15035550142';
const BALANCE = '1000.00';
const LOCAL_PRICE = '1.15';
const BALANCE_AFTER_PURCHASE = '998.85';

/**
 * Purchase: one exact number bought with a balance check first, as the Buy
 * dialog does after its quote. Every run buys the same number: the number
 * goes back on the market and the balance is put back before each run.
 */
function purchaseScenario(harness: CoreHarness): Scenario {
  let account: SeededAccount | null = null;
  /** The purchase's id (its confirmation's), as the killed process recorded it; null when it recorded none. */
  let intentId: string | null = null;
  /** What Twilio had when the process died: whether the POST had reached it, and whether it had sold the number. */
  let killedWhen = { posted: false, sold: false };
  const { control } = harness;
  const accountOf = () => {
    if (!account) throw new Error('not prepared');
    return account;
  };
  const twilioOwns = async () =>
    (await control.ownedNumbers(accountOf().sid)).some((number) => number.phoneNumber === TO_BUY);
  const isPurchase = (request: { path: string }) => request.path.endsWith('/IncomingPhoneNumbers.json');

  return {
    name: 'purchase',
    usesSyncWorker: false,
    account: accountOf,
    async prepare() {
      account = await harness.connect({ type: 'Full', balance: BALANCE });
      await control.seedAvailableNumbers({ country: 'US', type: 'local', numbers: [{ phoneNumber: TO_BUY }] });
      // The quote the Buy dialog shows first fills the price book, so the purchase has a price to record.
      const quote = await harness
        .core()
        .services.purchases.quote({ country: 'US', type: 'local', phoneNumber: TO_BUY });
      expect(quote.monthlyPrice?.amount).toBe(LOCAL_PRICE);
    },

    async arm(random) {
      for (const number of await control.ownedNumbers(accountOf().sid)) {
        harness.fake.state.deleteIncomingNumber(number.sid);
      }
      await control.seedAvailableNumbers({ country: 'US', type: 'local', numbers: [{ phoneNumber: TO_BUY }] });
      await control.updateAccount(accountOf().sid, { balance: BALANCE });
      const commitFirst = random() < 0.5;
      await control.injectFault({ kind: 'latency', ms: 30, times: 1_000, match: { method: 'GET' } });
      await control.injectFault({
        kind: 'latency',
        ms: 40,
        times: 1_000,
        afterCommit: commitFirst,
        match: { method: 'POST' },
      });
      intentId = null;
      killedWhen = { posted: false, sold: false };
      return {
        operation: { op: 'purchase', phoneNumber: TO_BUY },
        variant: commitFirst ? 'bought at once, answered after 40 ms' : 'bought after 40 ms',
      };
    },

    atKill() {
      const posts = harness.fake.state.requests({ accountSid: accountOf().sid, method: 'POST' }).filter(isPurchase);
      killedWhen = { posted: posts.length > 0, sold: harness.fake.state.isOwned(TO_BUY) };
    },

    async inspect(db, context) {
      const owned = await twilioOwns();
      const intents = db.prepare('SELECT id, state FROM purchase_intents').all() as { id: string; state: string }[];
      expect(intents.length, `${context}: intents`).toBeLessThanOrEqual(1);
      const intent = intents[0];
      intentId = intent?.id ?? null;
      // The intent is written before the POST: Twilio never sells the number without one.
      if (owned) expect(intent, `${context}: Twilio sold the number with no intent recorded`).toBeDefined();
      if (intent?.state === 'bought') expect(owned, `${context}: recorded as bought, Twilio disagrees`).toBe(true);
      // The activity line is written with the intent and settled with it.
      const activity = db.prepare('SELECT purchase_id AS purchaseId, outcome FROM activity_log').all();
      const expectedOutcome = intent?.state === 'bought' ? 'succeeded' : 'pending';
      expect(activity, `${context}: activity`).toEqual(
        intent ? [{ purchaseId: intent.id, outcome: expectedOutcome }] : [],
      );
      if (!intent) return 'before the intent';
      if (intent.state === 'bought') return 'bought and recorded';
      if (!killedWhen.posted) return 'intent written, POST not sent';
      if (killedWhen.sold) return 'bought, answer not received';
      return owned ? 'POST sent, bought after the kill' : 'POST sent, not bought';
    },

    async verifyRestarted(core, context) {
      const owned = await twilioOwns();
      const purchasePosts = async () =>
        (await control.requests({ accountSid: accountOf().sid, method: 'POST' })).filter(isPurchase);
      expect((await purchasePosts()).length, `${context}: purchase POSTs`).toBeLessThanOrEqual(1);
      expect(openIntents(core.db, accountOf().sid), `${context}: open intents after the restart`).toEqual([]);
      const entries = core.services.purchases.activity().filter((entry) => entry.kind === 'purchase');
      expect(
        entries.map((entry) => entry.outcome),
        `${context}: activity`,
      ).toEqual(owned ? ['succeeded'] : intentId ? ['failed'] : []);
      const listed = core.services.numbers.list().numbers.some((number) => number.phoneNumber === TO_BUY);
      expect(listed, `${context}: listed locally iff Twilio owns it`).toBe(owned);
      // Charged once or not at all.
      expect(harness.fake.state.getAccount(accountOf().sid)?.balance, `${context}: balance`).toBe(
        owned ? BALANCE_AFTER_PURCHASE : BALANCE,
      );
      if (intentId) {
        // Confirming again with the same confirmation answers the first outcome and buys nothing.
        const again = core.services.purchases.buy({ confirmationId: intentId });
        if (owned) await expect(again, context).resolves.toMatchObject({ number: { phoneNumber: TO_BUY } });
        else await expect(again, context).rejects.toThrow();
        expect((await purchasePosts()).length, `${context}: purchase POSTs after confirming again`).toBeLessThanOrEqual(
          1,
        );
      }
    },
  };
}

describe('crash suite: SIGKILL at random points, then restart', () => {
  const suite = (name: string, build: (harness: CoreHarness) => Scenario) =>
    it(name, { timeout: 60_000 + RUNS * 30_000 }, async () => {
      const harness = await createCoreHarness();
      try {
        await runScenario(harness, build(harness));
      } finally {
        await harness.close();
      }
    });

  suite('sync', syncScenario);
  suite('bulk assign', bulkAssignScenario);
  suite('purchase', purchaseScenario);
});
