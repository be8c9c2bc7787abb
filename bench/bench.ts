/**
 * `npm run bench`: performance measured side by side in one run, printed as
 * ratios against a baseline measured on the same machine at the same time.
 *
 * sync — the app syncing 10,000 numbers from the fake Twilio (1,000 per page)
 *        against the bare `twilio` SDK listing the same numbers with
 *        `incomingPhoneNumbers.list({ pageSize: 1000 })`, twice: into an
 *        empty local copy (every row inserted) and as a re-sync (every row
 *        compared, none changed). Goal: at most 1.3× the bare SDK. The fake
 *        runs in its own process, as Twilio is not inside the app either.
 *
 * bulk — the app assigning 500 numbers to an agent with every request to the
 *        fake taking 50 ms, against the ideal for its pool (500 × 50 ms ÷
 *        pool size, computed) and against the same 500 updates sent one after
 *        another with the bare SDK (measured).
 *
 * start — the app core's cold start (createAppCore, the first screens' IPC
 *        calls, close) on an empty data folder and on one with 10,000 synced
 *        numbers, against better-sqlite3 opening the file and reading
 *        `PRAGMA user_version`; see startup.ts.
 *
 * renderer — the built renderer in Chromium, wired to a real core with
 *        10,000 numbers as in the e2e harness: navigation start to the first
 *        screen ready, and to the Phone Numbers list interactive, against a
 *        minimal Vite page measured by the same steps; see renderer.ts.
 *
 * query — the Phone Numbers list's search, filters and sort over 10,000
 *        numbers, each against a bare Array.filter or Array.sort; see
 *        query.ts.
 *
 * costs — the Costs screen's summary queries over 1,000,000 stored call
 *        records (generated, written through the sync's own save path),
 *        each against SQLite's bare `SELECT count(*)` over the same table;
 *        see costs.ts.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { EMPTY_AGENT_DRAFT } from '../shared/domain/agents';
import { createAppCore } from '../electron/main/core';
import { DEFAULT_CONCURRENCY } from '../electron/main/services/assignments-service';
import { createTestCipher } from '../test/support/test-cipher';
import { GleamRequestClient } from '../electron/main/twilio/request-client';
import { FakeTwilioControl } from '../tools/fake-twilio/control-client';
import { benchCosts } from './costs';
import { startExternalFake, stopExternalFake, type ExternalFake } from './fake';
import { report, timed, type Comparison } from './measure';
import { benchQuery } from './query';
import { benchRendererStart } from './renderer';
import { benchCoreStart, createPopulatedFolder } from './startup';

const ROUNDS = 5;
const NUMBERS = 10_000;
const BULK_NUMBERS = 500;
const BULK_LATENCY_MS = 50;
const BULK_ROUNDS = 3;

async function benchSync(fake: ExternalFake): Promise<Comparison[]> {
  const control = new FakeTwilioControl(fake.controlUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-bench-'));
  try {
    const account = await control.seedAccount({ friendlyName: 'Bench' });
    await control.seedOwnedNumbers({ accountSid: account.sid, count: NUMBERS, areaCode: '303' });

    const bare = twilio(account.sid, account.authToken, {
      httpClient: new GleamRequestClient({
        hosts: fake.hosts,
        timeoutMs: 60_000,
        retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      }),
    });
    const core = createAppCore({
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      cipher: createTestCipher(),
      trustedOrigins: [],
      twilioHosts: fake.hosts,
    });
    await core.services.connection.connect({ accountSid: account.sid, authToken: account.authToken });

    const listBare = async () => {
      const numbers = await bare.api.v2010.accounts(account.sid).incomingPhoneNumbers.list({ pageSize: 1000 });
      if (numbers.length !== NUMBERS) throw new Error(`bare SDK listed ${numbers.length}`);
    };
    const syncApp = async () => {
      const result = await core.services.numbers.sync();
      if (result.total !== NUMBERS) throw new Error(`app synced ${result.total}`);
    };

    await core.refreshFromTwilio();
    await listBare();
    const firstMs: number[] = [];
    const resyncMs: number[] = [];
    const bareMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareMs.push(await timed(listBare));
      core.db.exec('DELETE FROM phone_numbers');
      firstMs.push(await timed(syncApp));
      resyncMs.push(await timed(syncApp));
    }
    core.close();
    const baseline = 'bare twilio SDK: incomingPhoneNumbers.list({ pageSize: 1000 })';
    const name = `${NUMBERS.toLocaleString('en-US')} numbers, 1,000 per page, ${ROUNDS} rounds`;
    return [
      {
        name: `Sync into an empty local copy — ${name}`,
        subject: 'app: numbers.sync(), every row inserted',
        baseline,
        subjectMs: firstMs,
        baselineMs: bareMs,
        goal: 1.3,
      },
      {
        name: `Re-sync — ${name}`,
        subject: 'app: numbers.sync(), every row compared',
        baseline,
        subjectMs: resyncMs,
        baselineMs: bareMs,
        goal: 1.3,
      },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchBulk(fake: ExternalFake): Promise<Comparison[]> {
  const control = new FakeTwilioControl(fake.controlUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-bench-'));
  try {
    const account = await control.seedAccount({ friendlyName: 'Bulk bench' });
    await control.seedOwnedNumbers({ accountSid: account.sid, count: BULK_NUMBERS, areaCode: '720' });
    const core = createAppCore({
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      cipher: createTestCipher(),
      trustedOrigins: [],
      twilioHosts: fake.hosts,
    });
    await core.services.connection.connect({ accountSid: account.sid, authToken: account.authToken });
    await core.refreshFromTwilio();
    const agent = core.services.agents.save({ agent: { ...EMPTY_AGENT_DRAFT, name: 'Bench' } });
    const numberSids = core.services.numbers.list().numbers.map((number) => number.sid);
    if (numberSids.length !== BULK_NUMBERS) throw new Error(`the app sees ${numberSids.length} numbers`);
    await control.injectFault({ kind: 'latency', ms: BULK_LATENCY_MS, times: 1_000_000 });

    const appMs: number[] = [];
    for (let round = 0; round < BULK_ROUNDS; round += 1) {
      appMs.push(
        await timed(async () => {
          const result = await core.services.assignments.run({
            jobId: randomUUID(),
            action: 'assign',
            agentId: agent.id,
            numberSids,
          });
          const failed = result.outcomes.filter((outcome) => outcome.outcome !== 'done');
          if (failed.length > 0) throw new Error(`${failed.length} assignments failed`);
        }),
      );
      // Untimed: start the next round from unassigned numbers again.
      await core.services.assignments.run({ jobId: randomUUID(), action: 'unassign', numberSids });
    }

    const bare = twilio(account.sid, account.authToken, {
      httpClient: new GleamRequestClient({
        hosts: fake.hosts,
        timeoutMs: 60_000,
        retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
      }),
    });
    const incoming = bare.api.v2010.accounts(account.sid).incomingPhoneNumbers;
    const sequentialMs = await timed(async () => {
      for (const sid of numberSids) {
        await incoming(sid).update({ voiceUrl: 'https://hooks.example.com/voice', voiceMethod: 'POST' });
      }
    });
    core.close();
    await control.clearFaults();

    const poolSize = DEFAULT_CONCURRENCY;
    const name = `Bulk assign — ${BULK_NUMBERS} numbers, ${BULK_LATENCY_MS} ms per request, pool of ${poolSize}`;
    const subject = 'app: assignments.run({ action: "assign" })';
    return [
      {
        name: `${name}, against the ideal`,
        subject,
        baseline: `ideal: ${BULK_NUMBERS} × ${BULK_LATENCY_MS} ms ÷ ${poolSize} (computed)`,
        subjectMs: appMs,
        baselineMs: [(BULK_NUMBERS * BULK_LATENCY_MS) / poolSize],
        goal: null,
      },
      {
        name: `${name}, against sequential updates`,
        subject,
        baseline: 'bare twilio SDK: update() one number after another',
        subjectMs: appMs,
        baselineMs: [sequentialMs],
        goal: null,
      },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const PARTS = ['sync', 'bulk', 'start', 'renderer', 'query', 'costs'] as const;
type Part = (typeof PARTS)[number];
const isPart = (name: string): name is Part => (PARTS as readonly string[]).includes(name);
// `npm run bench -- sync costs` runs only those parts; no names runs them all.
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !isPart(name));
if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}: choose from ${PARTS.join(', ')}`);
const runs = (part: Part) => asked.length === 0 || asked.includes(part);

console.log(
  `Gleam Desktop benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
);
const needsFake = (part: Part) => part !== 'query' && part !== 'costs';
if (PARTS.some((part) => needsFake(part) && runs(part))) {
  const fake = await startExternalFake();
  try {
    if (runs('sync')) (await benchSync(fake)).forEach(report);
    if (runs('bulk')) (await benchBulk(fake)).forEach(report);
    if (runs('start') || runs('renderer')) {
      const populated = await createPopulatedFolder(fake, NUMBERS);
      try {
        if (runs('start')) (await benchCoreStart(fake, populated)).forEach(report);
        if (runs('renderer')) (await benchRendererStart(fake, populated)).forEach(report);
      } finally {
        fs.rmSync(populated.dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    stopExternalFake(fake);
  }
}
if (runs('query')) benchQuery().forEach(report);
if (runs('costs')) benchCosts().forEach(report);
