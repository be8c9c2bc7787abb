/**
 * Integration-test wiring: the real app core (SQLite in a temp folder, the
 * Twilio gateway, services) against an in-process fake Twilio, with an
 * account already connected.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SeedAccountInput, SeededAccount } from '../../tools/fake-twilio/control-client';
import { scanForSeededSecrets, SecretTrackingControl, type SecretScan } from './secret-scan';
import { startFakeTwilio, type FakeTwilio } from '../../tools/fake-twilio/server';
import { createAppCore, type AppCore, type CoreOptions } from '../../electron/main/core';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import { createTestCipher } from './test-cipher';

export interface CoreHarness {
  fake: FakeTwilio;
  control: SecretTrackingControl;
  dataDir: string;
  cipherKey: Buffer;
  events: { event: EventName; payload: EventPayload<EventName> }[];
  /** Starts (or restarts) the core on the same data folder, with any options the test sets. */
  startCore(overrides?: Partial<CoreOptions>): AppCore;
  core(): AppCore;
  connect(account?: SeedAccountInput): Promise<SeededAccount>;
  /**
   * Stops the core and the fake and deletes the data folder — first looking through every file in it (logs,
   * SQLite with its WAL, credentials) for the token of any account the test seeded, and failing if one is there.
   */
  close(): Promise<SecretScan>;
}

export const TEST_ORIGIN = 'http://127.0.0.1';

export async function createCoreHarness(): Promise<CoreHarness> {
  const fake = await startFakeTwilio();
  const control = new SecretTrackingControl(fake.controlUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-core-'));
  const cipherKey = crypto.randomBytes(32);
  const events: CoreHarness['events'] = [];
  let current: AppCore | null = null;

  const startCore = (overrides: Partial<CoreOptions> = {}) => {
    current?.close();
    current = createAppCore({
      dataDir,
      logDir: path.join(dataDir, 'logs'),
      cipher: createTestCipher(cipherKey),
      trustedOrigins: [TEST_ORIGIN],
      twilioHosts: fake.hosts,
      twilioTimeoutMs: 2_000,
      twilioRetry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 200 },
      emit: (event, payload) => events.push({ event, payload }),
      ...overrides,
    });
    return current;
  };
  const core = () => current ?? startCore();

  return {
    fake,
    control,
    dataDir,
    cipherKey,
    events,
    startCore,
    core,
    /** Connects a new account and waits for the sync that connecting starts, so tests begin from a quiet state. */
    async connect(account = {}) {
      const seeded = await control.seedAccount(account);
      await core().services.connection.connect({ accountSid: seeded.sid, authToken: seeded.authToken });
      await core().refreshFromTwilio();
      return seeded;
    },
    async close() {
      const scan = scanForSeededSecrets(control, { dataDir, ipcLog: [] });
      current?.close();
      await fake.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (scan.findings.length > 0) {
        throw new Error(
          `Auth Token found: ${scan.findings.map((finding) => `${finding.form} in ${finding.where}`).join(', ')}`,
        );
      }
      return scan;
    },
  };
}
