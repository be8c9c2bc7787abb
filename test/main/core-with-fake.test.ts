/** The harness's secret scan on close is what the integration suites rely on: it must find a leaked token. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createCoreHarness } from '../support/core-with-fake';

it('fails on close when a seeded account’s token, plain or as a Basic credential, is in the data folder', async () => {
  const harness = await createCoreHarness();
  const account = await harness.control.seedAccount({});
  const basic = Buffer.from(`${account.sid}:${account.authToken}`).toString('base64');
  fs.mkdirSync(path.join(harness.dataDir, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(harness.dataDir, 'logs', 'leak.log'), `token=${account.authToken}\n`);
  fs.writeFileSync(path.join(harness.dataDir, 'crash.dmp'), `Authorization: Basic ${basic}`);

  const closing = harness.close();
  await expect(closing).rejects.toThrow(/token in .*leak\.log/);
  await expect(closing).rejects.toThrow(/basic credential in .*crash\.dmp/);
});

it('passes on close when the token is only where it belongs: encrypted in the credential file', async () => {
  const harness = await createCoreHarness();
  await harness.connect();
  const scan = await harness.close();
  expect(scan.tokens).toBe(1);
  expect(scan.files).toBeGreaterThanOrEqual(3);
  expect(scan.findings).toEqual([]);
});
