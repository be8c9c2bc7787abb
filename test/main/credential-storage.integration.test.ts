/**
 * Where the Auth Token goes when the OS keychain says no, against the real
 * core, the real safeStorage adapter and the fake Twilio. Electron's
 * safeStorage is played by a fake keychain a test can lock: a Keychain prompt
 * declined while connecting, a keychain locked when Gleam starts, and Linux,
 * where safeStorage says it can encrypt even with no keyring running. None of
 * them is an `internal` error or loses the account, and the token shows up in
 * no reply and no file.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/ipc/contract';
import { findSecret } from '../support/secret-scan';
import { createSafeStorageCipher } from '../../electron/main/adapters/safe-storage-cipher';
import { createCoreHarness, TEST_ORIGIN, type CoreHarness } from '../support/core-with-fake';

/** Electron's safeStorage with async encryption "available", as it also is on Linux with no keyring running. */
const electron = await vi.hoisted(async () => {
  const { createLockableCipher } = await import('../support/test-cipher');
  const keychain = createLockableCipher();
  return {
    keychain,
    safeStorage: {
      isAsyncEncryptionAvailable: () => Promise.resolve(true),
      encryptStringAsync: (plain: string) => keychain.encrypt(plain),
      async decryptStringAsync(encrypted: Buffer) {
        const { plain, shouldReEncrypt } = await keychain.decrypt(encrypted);
        return { result: plain, shouldReEncrypt };
      },
    },
  };
});
vi.mock('electron', () => ({ safeStorage: electron.safeStorage }));

let harness: CoreHarness;
beforeEach(async () => {
  harness = await createCoreHarness();
  Object.assign(electron.keychain.refuse, { encrypt: false, decrypt: false });
  Object.assign(electron.keychain.calls, { encrypt: 0, decrypt: 0 });
});
afterEach(async () => {
  await harness.close();
});

const sender = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true };

it('connects for this session when the Keychain prompt is declined, says why, and writes no token', async () => {
  electron.keychain.refuse.encrypt = true;
  const core = harness.startCore({ cipher: createSafeStorageCipher('darwin') });
  const account = await harness.control.seedAccount({ friendlyName: 'Declined Prompt Ltd' });
  const replies: { channel: string; reply: Envelope<unknown> }[] = [];
  const invoke = async (channel: string, input: unknown) => {
    const reply = await core.registry.invoke(sender, channel, input);
    replies.push({ channel, reply });
    return reply;
  };

  const connected = await invoke('connection:connect', { accountSid: account.sid, authToken: account.authToken });

  expect(connected).toMatchObject({
    ok: true,
    value: {
      state: 'connected',
      account: { friendlyName: 'Declined Prompt Ltd' },
      tokenStorage: 'session',
      tokenStorageReason: 'encrypt-declined',
    },
  });
  expect(electron.keychain.calls.encrypt).toBe(1);
  expect(fs.existsSync(core.paths.credentials)).toBe(false);
  // The session's token works: Twilio is reachable with it.
  expect(await invoke('numbers:sync', {})).toMatchObject({ ok: true });
  expect(
    findSecret(
      { accountSid: account.sid, authToken: account.authToken },
      { dataDir: harness.dataDir, ipcLog: replies },
    ),
  ).toEqual([]);

  // Kept for the session only: the next start asks for it again.
  electron.keychain.refuse.encrypt = false;
  const restarted = harness.startCore({ cipher: createSafeStorageCipher('darwin') });
  expect(await restarted.services.connection.getStatus()).toMatchObject({ state: 'disconnected' });
});

it('keeps the account through a keychain locked at start, says so when Twilio is needed, and reads it once unlocked', async () => {
  harness.startCore({ cipher: createSafeStorageCipher('darwin') });
  const account = await harness.connect({ friendlyName: 'Locked Keychain Ltd' });
  const credentialFile = harness.core().paths.credentials;
  const onDisk = fs.readFileSync(credentialFile);
  electron.keychain.refuse.decrypt = true;
  const core = harness.startCore({ cipher: createSafeStorageCipher('darwin') });

  const status = await core.services.connection.getStatus();
  expect(status).toMatchObject({ state: 'disconnected', previousAccount: { friendlyName: 'Locked Keychain Ltd' } });
  // Asked for Twilio, the app says the saved credentials could not be read, not that nothing is connected.
  const sync = await core.registry.invoke(sender, 'numbers:sync', {});
  expect(sync).toMatchObject({
    ok: false,
    error: {
      code: 'not_connected',
      reason: 'credentials_unreadable',
      message: 'Gleam could not read your saved Twilio credentials',
      hints: [
        'Your computer’s secure storage did not decrypt the saved Auth Token (for example, the keychain is locked or access was declined). The credentials stay saved, and Gleam tries again the next time it needs them.',
        'To replace them, open Settings and connect your Twilio account again.',
      ],
    },
  });
  expect(JSON.stringify(sync)).not.toContain(account.authToken);
  // A refused decrypt is not taken as "no credentials": the file stays as it was.
  expect(fs.readFileSync(credentialFile).equals(onDisk)).toBe(true);

  electron.keychain.refuse.decrypt = false;
  expect(await core.services.connection.getStatus()).toMatchObject({
    state: 'connected',
    account: { friendlyName: 'Locked Keychain Ltd' },
    tokenStorage: 'encrypted',
    tokenStorageReason: null,
  });
  expect(await core.registry.invoke(sender, 'numbers:sync', {})).toMatchObject({ ok: true });
});

it('on Linux, keeps the token for this session even though safeStorage says it can encrypt, and says why', async () => {
  const core = harness.startCore({ cipher: createSafeStorageCipher('linux') });
  const account = await harness.control.seedAccount({ friendlyName: 'Tux Ltd' });

  const status = await core.services.connection.connect({ accountSid: account.sid, authToken: account.authToken });

  expect(status).toMatchObject({
    state: 'connected',
    tokenStorage: 'session',
    tokenStorageReason: 'linux-unprotected',
  });
  expect(fs.existsSync(core.paths.credentials)).toBe(false);
  // The token never reaches safeStorage, whose Linux fallback would encrypt it with a fixed key.
  expect(electron.keychain.calls.encrypt).toBe(0);
});
