/**
 * A stand-in app process for the crash test: opens the core on a data folder
 * and buys one number, quote first as the Buy dialog does. The test kills it with SIGKILL mid-purchase.
 * Usage: node --import tsx purchase-child.ts <dataDir> <hostsJson> <cipherKeyHex> <phoneNumber>
 */
import path from 'node:path';
import { createAppCore } from '../../electron/main/core';
import { parseTwilioHostMap } from '../../electron/main/twilio/hosts';
import { buyNumber } from './purchase-steps';
import { createTestCipher } from './test-cipher';

const [dataDir, hosts, keyHex, phoneNumber] = process.argv.slice(2);
if (!dataDir || !hosts || !keyHex || !phoneNumber) {
  console.error('usage: purchase-child.ts <dataDir> <hostsJson> <cipherKeyHex> <phoneNumber>');
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
buyNumber(core, phoneNumber).then(
  () => console.log('bought'),
  (error: unknown) => console.log(`failed: ${String(error)}`),
);
