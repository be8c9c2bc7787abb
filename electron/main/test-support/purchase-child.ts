/**
 * A stand-in app process for the crash test: opens the core on a data folder
 * and buys one number. The test kills it with SIGKILL mid-purchase.
 * Usage: node --import tsx purchase-child.ts <dataDir> <hostsJson> <cipherKeyHex> <phoneNumber> <purchaseId>
 */
import path from 'node:path';
import { createAppCore } from '../core';
import { parseTwilioHostMap } from '../twilio/hosts';
import { createTestCipher } from './test-cipher';

const [dataDir, hosts, keyHex, phoneNumber, purchaseId] = process.argv.slice(2);
if (!dataDir || !hosts || !keyHex || !phoneNumber || !purchaseId) {
  console.error('usage: purchase-child.ts <dataDir> <hostsJson> <cipherKeyHex> <phoneNumber> <purchaseId>');
  process.exit(2);
}

const core = createAppCore({
  dataDir,
  logDir: path.join(dataDir, 'logs'),
  cipher: createTestCipher(Buffer.from(keyHex, 'hex')),
  trustedOrigins: [],
  twilioHosts: parseTwilioHostMap(hosts),
  twilioTimeoutMs: 60_000,
});
console.log('buying');
core.purchases.buy({ country: 'US', type: 'local', phoneNumber, purchaseId }).then(
  () => console.log('bought'),
  (error: unknown) => console.log(`failed: ${String(error)}`),
);
