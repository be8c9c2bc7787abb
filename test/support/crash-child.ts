/**
 * A stand-in app process for the crash suite (test/main/crash.integration.test.ts):
 * opens the real core on a data folder and runs one operation — a numbers
 * sync, a bulk assign or a purchase — until the suite kills it with SIGKILL.
 *
 * Usage: node --import tsx crash-child.ts, then JSON lines on stdin: a
 * CrashChildJob (crash-kit.ts), then, when the child says `warm`, the
 * CrashOperation to run. The suite starts the next run's child while it is
 * still checking the last run, so importing the core and booting the
 * numbers-sync worker (most of a second under tsx) happen before the
 * operation, not inside the window its kill is drawn from.
 *
 * Prints one line per step on stdout: `loaded` (modules imported), `warm`
 * (core open, and the sync worker running if the job asked for it),
 * `start` (calling the operation now), then `done` or `failed <message>`
 * unless it was killed first.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createAppCore, type AppCore } from '../../electron/main/core';
import { parseTwilioHostMap } from '../../electron/main/twilio/hosts';
import { CrashChildJobSchema, CrashOperationSchema, type CrashOperation } from './crash-kit';
import { createTestCipher } from './test-cipher';
import { buyNumber } from './purchase-steps';

function run(core: AppCore, operation: CrashOperation): Promise<unknown> {
  switch (operation.op) {
    case 'sync':
      return core.services.numbers.sync();
    case 'bulk-assign':
      return core.services.assignments.run({
        jobId: `crash-${process.pid}`,
        action: 'assign',
        agentId: operation.agentId,
        numberSids: operation.numberSids,
      });
    case 'purchase':
      return buyNumber(core, operation.phoneNumber);
  }
}

/**
 * Boots the numbers-sync worker the way a sync does, and writes nothing: a
 * sync cancelled at once lists Twilio's first pages, opens the writer, then
 * abandons it. Under tsx the worker takes most of a second to start (the
 * built app loads plain JS); kill points spent there would all find the same
 * state, nothing written yet.
 */
async function warmUp(core: AppCore): Promise<void> {
  const sync = core.services.numbers.sync();
  core.services.numbers.cancelSync();
  await sync.catch(() => undefined);
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<unknown> => {
    const line = await lines.next();
    if (line.done === true) throw new Error('stdin closed');
    return JSON.parse(line.value);
  };
  console.log('loaded');
  const job = CrashChildJobSchema.parse(await nextLine());
  const core = createAppCore({
    dataDir: job.dataDir,
    logDir: path.join(job.dataDir, 'logs'),
    cipher: createTestCipher(Buffer.from(job.cipherKeyHex, 'hex')),
    trustedOrigins: [],
    twilioHosts: parseTwilioHostMap(job.hosts),
    // Longer than any latency the suite injects: every outcome comes from the fake, none from a timeout.
    twilioTimeoutMs: 60_000,
  });
  if (job.warm) await warmUp(core);
  console.log('warm');
  const operation = CrashOperationSchema.parse(await nextLine());
  // An app process lives until it quits; this one would exit as soon as only the numbers-sync worker
  // (unref'd by design) had work pending, ending a sync early for a reason no real app has.
  const alive = setInterval(() => undefined, 60_000);
  console.log('start');
  try {
    await run(core, operation);
    console.log('done');
  } catch (error) {
    console.log(`failed ${String(error)}`);
  } finally {
    clearInterval(alive);
    core.close();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
