/**
 * The app core's cold start: `createAppCore` (open the database, migrate,
 * build the services), then what the first screens ask main for —
 * `connection:getStatus`, `setup:progress` and `numbers:list`, through the
 * IPC registry as the renderer's calls go (input and output parsed) — then
 * `close()`. Once on an empty data folder (the database created and every
 * migration run) and once on a folder holding a connected account with
 * 10,000 synced numbers. The background refresh from Twilio that the app
 * starts afterwards is not part of it.
 *
 * Floor, in the same run: better-sqlite3 opening the same kind of file and
 * reading `PRAGMA user_version`, which is the least any start has to do.
 *
 * Both run in this already-warm process (modules loaded, files in the OS
 * cache), after one untimed round each: this measures the core's own work,
 * not Node or Electron loading the bundle.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { createAppCore, type AppCore } from '../electron/main/core';
import type { IpcSender } from '../electron/main/ipc/registrar';
import { createTestCipher } from '../test/support/test-cipher';
import { FakeTwilioControl } from '../tools/fake-twilio/control-client';
import type { ExternalFake } from './fake';
import { median, timed, type Comparison } from './measure';

const ROUNDS = 7;

/**
 * The renderer's origin in the app (`APP_ORIGIN` in adapters/app-protocol.ts,
 * which imports electron and so cannot load here).
 */
const APP_ORIGIN = 'app://gleam';
const RENDERER: IpcSender = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

/** A data folder as the app leaves it: a connected account, its numbers synced, the setup guide finished. */
export interface PopulatedFolder {
  dataDir: string;
  /** The test cipher's key: a later core on this folder reads the stored token as the app's next start would. */
  cipherKey: Buffer;
  numbers: number;
}

export async function createPopulatedFolder(fake: ExternalFake, numbers: number): Promise<PopulatedFolder> {
  const control = new FakeTwilioControl(fake.controlUrl);
  const account = await control.seedAccount({ friendlyName: 'Startup bench' });
  await control.seedOwnedNumbers({ accountSid: account.sid, count: numbers, areaCode: '646' });
  const folder: PopulatedFolder = {
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-bench-start-')),
    cipherKey: randomBytes(32),
    numbers,
  };
  const core = startCore(folder.dataDir, folder.cipherKey, fake);
  try {
    await core.services.connection.connect({ accountSid: account.sid, authToken: account.authToken });
    await core.refreshFromTwilio();
    // So the app opens on its usual screen, as after the guide, like the e2e fixture's default.
    await core.services.setup.save({ current: 'connect', skipped: [], finished: true });
    const synced = core.services.numbers.list().numbers.length;
    if (synced !== numbers) throw new Error(`the populated folder holds ${synced} numbers`);
  } finally {
    core.close();
  }
  return folder;
}

function startCore(dataDir: string, cipherKey: Buffer, fake: ExternalFake): AppCore {
  return createAppCore({
    dataDir,
    logDir: path.join(dataDir, 'logs'),
    cipher: createTestCipher(cipherKey),
    trustedOrigins: [APP_ORIGIN],
    twilioHosts: fake.hosts,
  });
}

async function ask(core: AppCore, channel: string): Promise<unknown> {
  const reply = await core.registry.invoke(RENDERER, channel, {});
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code}`);
  return reply.value;
}

const listedCount = (list: unknown) =>
  typeof list === 'object' && list !== null && 'numbers' in list && Array.isArray(list.numbers)
    ? list.numbers.length
    : -1;

const stateOf = (status: unknown) =>
  typeof status === 'object' && status !== null && 'state' in status ? status.state : undefined;

const STEPS = ['createAppCore', 'connection:getStatus', 'setup:progress', 'numbers:list', 'close'] as const;
type Step = (typeof STEPS)[number];
type StepTimes = Record<Step, number[]>;

const noStepTimes = (): StepTimes => ({
  createAppCore: [],
  'connection:getStatus': [],
  'setup:progress': [],
  'numbers:list': [],
  close: [],
});

/**
 * Start, answer what the first screens ask for (Settings opens first, then
 * Phone Numbers), close. Each step's time goes into `steps`, to say where
 * the total goes.
 */
async function coldStart(dataDir: string, cipherKey: Buffer, fake: ExternalFake, expected: number, steps: StepTimes) {
  let started = performance.now();
  const lap = (step: Step) => {
    const now = performance.now();
    steps[step].push(now - started);
    started = now;
  };
  const core = startCore(dataDir, cipherKey, fake);
  lap('createAppCore');
  try {
    const status = await ask(core, 'connection:getStatus');
    lap('connection:getStatus');
    await ask(core, 'setup:progress');
    lap('setup:progress');
    const listed = listedCount(await ask(core, 'numbers:list'));
    lap('numbers:list');
    if (listed !== expected) throw new Error(`numbers:list answered ${listed} numbers, not ${expected}`);
    if (expected > 0 && stateOf(status) !== 'connected') throw new Error('the populated folder is not connected');
  } finally {
    core.close();
    lap('close');
  }
}

/** Without the first (untimed) round's times. */
const stepNote = (steps: StepTimes) =>
  `app's steps (medians): ${STEPS.map((step) => `${step} ${median(steps[step].slice(1)).toFixed(1)} ms`).join(', ')}`;

function openBare(file: string): void {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
}

/**
 * One untimed round of each, then `ROUNDS` timed rounds taking turns, so
 * that load from other work on the machine falls on both alike.
 */
async function sideBySide(
  subject: () => Promise<unknown>,
  floor: () => unknown,
): Promise<{ subjectMs: number[]; floorMs: number[] }> {
  await subject();
  floor();
  const subjectMs: number[] = [];
  const floorMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    subjectMs.push(await timed(subject));
    floorMs.push(await timed(() => Promise.resolve(floor())));
  }
  return { subjectMs, floorMs };
}

export async function benchCoreStart(fake: ExternalFake, populated: PopulatedFolder): Promise<Comparison[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-bench-fresh-'));
  let fresh = 0;
  // A new folder every round: what a first start finds.
  const freshFolder = () => {
    fresh += 1;
    return path.join(scratch, String(fresh));
  };
  try {
    const freshKey = randomBytes(32);
    const emptySteps = noStepTimes();
    const empty = await sideBySide(
      () => coldStart(freshFolder(), freshKey, fake, 0, emptySteps),
      () => {
        const dir = freshFolder();
        fs.mkdirSync(dir);
        openBare(path.join(dir, 'gleam.sqlite'));
      },
    );
    const file = path.join(populated.dataDir, 'gleam.sqlite');
    const storedSteps = noStepTimes();
    const stored = await sideBySide(
      () => coldStart(populated.dataDir, populated.cipherKey, fake, populated.numbers, storedSteps),
      () => openBare(file),
    );
    const name = 'App core cold start (open the database, migrate, answer the first screens, close)';
    const subject = "app: createAppCore, the first screens' IPC calls, close";
    const baseline = 'better-sqlite3: open, PRAGMA user_version, close';
    return [
      {
        name: `${name} — empty data folder (every migration run), ${ROUNDS} rounds`,
        subject,
        baseline,
        subjectMs: empty.subjectMs,
        baselineMs: empty.floorMs,
        goal: null,
        notes: [stepNote(emptySteps)],
      },
      {
        name: `${name} — ${populated.numbers.toLocaleString('en-US')} numbers stored, ${ROUNDS} rounds`,
        subject,
        baseline,
        subjectMs: stored.subjectMs,
        baselineMs: stored.floorMs,
        goal: null,
        notes: [stepNote(storedSteps)],
      },
    ];
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
