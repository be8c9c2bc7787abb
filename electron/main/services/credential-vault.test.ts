import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCipher, createUnavailableCipher, NO_ENCRYPTION_REASON } from '../test-support/test-cipher';
import { createCredentialVault } from './credential-vault';

const credentials = { accountSid: `AC${'a'.repeat(32)}`, authToken: '0123456789abcdef0123456789abcdef' };
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
    expect(await nextSession.load()).toEqual({ ...credentials, storage: 'encrypted', storageNote: null });
  });

  it('keeps the token for this session only when the OS cannot encrypt, and says why', async () => {
    const vault = createCredentialVault(file, createUnavailableCipher());
    const saved = await vault.save(credentials);
    expect(saved).toEqual({ ...credentials, storage: 'session', storageNote: NO_ENCRYPTION_REASON });
    expect(fs.existsSync(file)).toBe(false);
    expect(await vault.load()).toEqual(saved);
    expect(await createCredentialVault(file, createUnavailableCipher()).load()).toBeNull();
  });

  it('treats a damaged file or a lost key as "not connected"', async () => {
    await createCredentialVault(file, createTestCipher()).save(credentials);
    expect(await createCredentialVault(file, createTestCipher()).load()).toBeNull(); // another key
    fs.writeFileSync(file, '{ not json');
    expect(await createCredentialVault(file, createTestCipher()).load()).toBeNull();
  });

  it('forgets everything on clear', async () => {
    const vault = createCredentialVault(file, createTestCipher());
    await vault.save(credentials);
    vault.clear();
    expect(await vault.load()).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });
});
