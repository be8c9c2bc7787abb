/**
 * Crash safety of purchases: the process that runs a purchase is killed with
 * SIGKILL after Twilio accepted the purchase but before the app recorded it.
 * The next start must reconcile from Twilio — the number shows as owned —
 * without a second POST.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCoreHarness, type CoreHarness } from '../support/core-with-fake';

const CHILD = fileURLToPath(new URL('../support/purchase-child.ts', import.meta.url));

let harness: CoreHarness;
beforeEach(async () => {
  harness = await createCoreHarness();
});
afterEach(async () => {
  await harness.close();
});

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('reconciles a purchase whose process was killed after Twilio bought the number', { timeout: 60_000 }, async () => {
  const account = await harness.connect();
  await harness.core().services.numbers.sync();
  const { numbers } = await harness.core().services.numbers.search({
    country: 'US',
    type: 'local',
    areaCode: '206',
    capabilities: { voice: true, sms: false, mms: false },
  });
  const phoneNumber = numbers[0]?.phoneNumber;
  if (!phoneNumber) throw new Error('no 206 numbers in the fake');
  harness.core().close();

  // Twilio takes the purchase, then holds the answer: the window in which the app dies.
  await harness.control.injectFault({ kind: 'latency', ms: 60_000, afterCommit: true, match: { method: 'POST' } });
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CHILD,
      harness.dataDir,
      JSON.stringify(harness.fake.hosts),
      harness.cipherKey.toString('hex'),
      phoneNumber,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  await until(
    async () => (await harness.control.ownedNumbers(account.sid)).some((owned) => owned.phoneNumber === phoneNumber),
    30_000,
  );
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const restarted = harness.startCore();
  expect(restarted.services.purchases.activity()).toMatchObject([{ phoneNumber, outcome: 'pending' }]);
  await restarted.refreshFromTwilio();

  expect(restarted.services.purchases.activity()).toMatchObject([{ phoneNumber, outcome: 'succeeded' }]);
  expect(restarted.services.numbers.list().numbers.map((owned) => owned.phoneNumber)).toContain(phoneNumber);
  const posts = await harness.control.requests({ accountSid: account.sid, method: 'POST' });
  expect(posts.filter((request) => request.path.endsWith('/IncomingPhoneNumbers.json'))).toHaveLength(1);
  const check = new BetterSqlite3(restarted.paths.database, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
});
