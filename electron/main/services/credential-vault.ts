/**
 * Where the Twilio credentials live between runs.
 *
 * Policy: the Auth Token is written to disk only after the OS encryption
 * service (Electron safeStorage, through the SecretCipher port) has
 * encrypted it. When the OS offers no real encryption, the token is kept in
 * memory for this session only and the person is told why. The file holds
 * the Account SID in clear (it is an identifier, not a secret) and the
 * encrypted token; it is replaced atomically so a crash never leaves half of
 * it. Decrypted credentials are kept in memory once read, so the OS keychain
 * is asked once per run, not on every call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TokenStorage } from '../../../shared/domain/connection';
import type { TwilioCredentials } from '../twilio/gateway';

export type CipherAvailability = { available: true } | { available: false; reason: string };

/** The OS encryption service. Implemented over safeStorage in adapters/. */
export interface SecretCipher {
  availability(): Promise<CipherAvailability>;
  encrypt(plain: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the OS rotated its key; write the value again. */
  decrypt(encrypted: Buffer): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

export interface StoredCredentials extends TwilioCredentials {
  storage: TokenStorage;
  /** Why the token is kept for this session only, when it is. */
  storageNote: string | null;
}

export interface CredentialVault {
  save(credentials: TwilioCredentials): Promise<StoredCredentials>;
  load(): Promise<StoredCredentials | null>;
  clear(): void;
}

const VaultFileSchema = z.object({
  version: z.literal(1),
  accountSid: z.string(),
  encryptedToken: z.string(),
});

export function createCredentialVault(filePath: string, cipher: SecretCipher): CredentialVault {
  /** undefined: not read yet; null: read, nothing stored. */
  let cached: StoredCredentials | null | undefined;

  async function writeEncrypted(credentials: TwilioCredentials): Promise<void> {
    const content = JSON.stringify({
      version: 1,
      accountSid: credentials.accountSid,
      encryptedToken: (await cipher.encrypt(credentials.authToken)).toString('base64'),
    } satisfies z.infer<typeof VaultFileSchema>);
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    const temporary = `${filePath}.tmp`;
    fs.writeFileSync(temporary, content, { mode: 0o600 });
    fs.renameSync(temporary, filePath);
  }

  async function readFile(): Promise<StoredCredentials | null> {
    if (!fs.existsSync(filePath) || !(await cipher.availability()).available) return null;
    try {
      const stored = VaultFileSchema.parse(JSON.parse(fs.readFileSync(filePath, 'utf8')));
      const { plain, shouldReEncrypt } = await cipher.decrypt(Buffer.from(stored.encryptedToken, 'base64'));
      const credentials = { accountSid: stored.accountSid, authToken: plain };
      if (shouldReEncrypt) await writeEncrypted(credentials);
      return { ...credentials, storage: 'encrypted', storageNote: null };
    } catch {
      // A damaged file, or a token the OS can no longer decrypt (a new keychain):
      // the person connects again; nothing else depends on the old value.
      return null;
    }
  }

  return {
    async save(credentials) {
      const availability = await cipher.availability();
      if (availability.available) {
        await writeEncrypted(credentials);
        cached = { ...credentials, storage: 'encrypted', storageNote: null };
      } else {
        fs.rmSync(filePath, { force: true });
        cached = { ...credentials, storage: 'session', storageNote: availability.reason };
      }
      return cached;
    },

    async load() {
      if (cached === undefined) cached = await readFile();
      return cached;
    },

    clear() {
      cached = null;
      fs.rmSync(filePath, { force: true });
    },
  };
}
