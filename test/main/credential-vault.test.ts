import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLockableCipher, createTestCipher, createUnavailableCipher } from '../support/test-cipher';
import { createCredentialVault } from '../../electron/main/services/credential-vault';
import type { SecretCipher } from '../../electron/main/infrastructure/secret-cipher';

const credentials = { accountSid: `AC${'a'.repeat(32)}`, authToken: '0123456789abcdef0123456789abcdef' };
const encrypted = { ...credentials, storage: 'encrypted', storageReason: null } as const;
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-vault-'));
  file = path.join(dir, 'credentials.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('credential vault', () => {
  it('writes the token only encrypted, and reads it back in a new session', async () => {
    const cipher = createTestCipher();
    const saved = await createCredentialVault(file, cipher).save(credentials);
    expect(saved.storage).toBe('encrypted');
    const onDisk = fs.readFileSync(file, 'utf8');
    expect(onDisk).not.toContain(credentials.authToken);
    expect(onDisk).not.toContain(Buffer.from(credentials.authToken).toString('base64'));

    const nextSession = createCredentialVault(file, cipher);
    expect(await nextSession.load()).toEqual({ kind: 'stored', credentials: encrypted });
  });

  it('keeps the token for this session only when the OS cannot encrypt, and says why', async () => {
    const vault = createCredentialVault(file, createUnavailableCipher());
    const saved = await vault.save(credentials);
    expect(saved).toEqual({ ...credentials, storage: 'session', storageReason: 'no-secure-storage' });
    expect(fs.existsSync(file)).toBe(false);
    expect(await vault.load()).toEqual({ kind: 'stored', credentials: saved });
    expect(await createCredentialVault(file, createUnavailableCipher()).load()).toEqual({ kind: 'none' });
  });

  it('keeps the token for this session when the OS refuses to encrypt it (a declined Keychain prompt), and says why', async () => {
    const cipher = createLockableCipher();
    const vault = createCredentialVault(file, cipher);
    await vault.save({ ...credentials, authToken: 'f'.repeat(32) }); // an earlier token, saved
    cipher.refuse.encrypt = true;

    const saved = await vault.save(credentials);

    expect(saved).toEqual({ ...credentials, storage: 'session', storageReason: 'encrypt-declined' });
    expect(saved.storageReason).not.toContain(credentials.authToken);
    // Nothing written, and the earlier token is not left behind to come back on the next start.
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await vault.load()).toEqual({ kind: 'stored', credentials: saved });
  });

  it('tries a decrypt that failed again on the next read, and keeps the file meanwhile', async () => {
    const cipher = createLockableCipher();
    await createCredentialVault(file, cipher).save(credentials);
    const onDisk = fs.readFileSync(file, 'utf8');
    cipher.refuse.decrypt = true; // the keychain is locked, or the prompt was declined, at start
    const nextSession = createCredentialVault(file, cipher);

    expect(await nextSession.load()).toEqual({ kind: 'unreadable', reason: 'decrypt-declined' });
    expect(fs.readFileSync(file, 'utf8')).toBe(onDisk);

    cipher.refuse.decrypt = false;
    expect(await nextSession.load()).toEqual({ kind: 'stored', credentials: encrypted });
    expect(cipher.calls.decrypt).toBe(2);
    // Once read, the keychain is not asked again this run.
    await nextSession.load();
    expect(cipher.calls.decrypt).toBe(2);
  });

  it('asks the keychain once for callers reading at the same time', async () => {
    const cipher = createLockableCipher();
    await createCredentialVault(file, cipher).save(credentials);
    const nextSession = createCredentialVault(file, cipher);

    const reads = await Promise.all([nextSession.load(), nextSession.load(), nextSession.load()]);

    expect(reads).toEqual([0, 1, 2].map(() => ({ kind: 'stored', credentials: encrypted })));
    expect(cipher.calls.decrypt).toBe(1);
  });

  it('does not let a read that was waiting on the keychain undo credentials saved meanwhile', async () => {
    const base = createTestCipher();
    await createCredentialVault(file, base).save(credentials);
    // The keychain prompt: asked when the read decrypts, answered when the test says so.
    let promptShown: (answer: () => void) => void = () => undefined;
    const prompt = new Promise<() => void>((resolve) => (promptShown = resolve));
    const slow: SecretCipher = {
      ...base,
      decrypt: (buffer) => new Promise((resolve) => promptShown(() => resolve(base.decrypt(buffer)))),
    };
    const vault = createCredentialVault(file, slow);
    const replacement = { ...credentials, authToken: 'f'.repeat(32) };

    const waiting = vault.load();
    const answerPrompt = await prompt;
    await vault.save(replacement);
    answerPrompt();

    const replaced = { kind: 'stored', credentials: { ...replacement, storage: 'encrypted', storageReason: null } };
    expect(await waiting).toEqual(replaced);
    expect(await vault.load()).toEqual(replaced);
  });

  it('tells credentials it could not read from no credentials at all', async () => {
    expect(await createCredentialVault(file, createTestCipher()).load()).toEqual({ kind: 'none' });

    await createCredentialVault(file, createTestCipher()).save(credentials);
    // Another key: a new keychain, or a file from another machine.
    expect(await createCredentialVault(file, createTestCipher()).load()).toEqual({
      kind: 'unreadable',
      reason: 'decrypt-declined',
    });
    expect(await createCredentialVault(file, createUnavailableCipher()).load()).toEqual({
      kind: 'unreadable',
      reason: 'no-secure-storage',
    });
    expect(fs.existsSync(file)).toBe(true);

    fs.writeFileSync(file, '{ not json');
    expect(await createCredentialVault(file, createTestCipher()).load()).toEqual({
      kind: 'unreadable',
      reason: 'damaged-file',
    });
  });

  it('keeps credentials it decrypted when writing them again after a key rotation fails', async () => {
    const base = createTestCipher();
    await createCredentialVault(file, base).save(credentials);
    const onDisk = fs.readFileSync(file, 'utf8');
    const rotated: SecretCipher = {
      availability: () => base.availability(),
      encrypt: () => Promise.reject(new Error('The user denied access to the keychain.')),
      decrypt: async (buffer) => ({ ...(await base.decrypt(buffer)), shouldReEncrypt: true }),
    };

    expect(await createCredentialVault(file, rotated).load()).toEqual({ kind: 'stored', credentials: encrypted });
    expect(fs.readFileSync(file, 'utf8')).toBe(onDisk); // the old copy still decrypts
  });

  it('forgets everything on clear', async () => {
    const vault = createCredentialVault(file, createTestCipher());
    await vault.save(credentials);
    vault.clear();
    expect(await vault.load()).toEqual({ kind: 'none' });
    expect(fs.existsSync(file)).toBe(false);
  });
});
