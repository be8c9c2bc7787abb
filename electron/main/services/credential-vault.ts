/**
 * Where the Twilio credentials live between runs.
 *
 * Policy: the Auth Token is written to disk only after the OS encryption
 * service (Electron safeStorage, through the SecretCipher port) has
 * encrypted it. When the OS offers no real encryption, or refuses this time
 * (the person declined the Keychain prompt), the token is kept in memory for
 * this session only, nothing is left on disk, and the reason is kept for the
 * person to be told.
 * The file holds the Account SID in clear (it is an identifier, not a secret)
 * and the encrypted token; it is replaced atomically so a crash never leaves
 * half of it. Credentials once read are kept in memory, so the OS keychain is
 * asked once per run, not on every call. A file that could not be read (the
 * keychain locked or access declined, a damaged file) is reported as such,
 * never as "no credentials", is left on disk as it is, and is tried again on
 * the next read: a locked keychain at start must not cost the person their
 * saved connection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CredentialsUnreadable, TokenStorage, TokenStorageReason } from '../../../shared/domain/connection';
import type { SecretCipher } from '../infrastructure/secret-cipher';
import type { TwilioCredentials } from '../twilio/gateway';

export interface StoredCredentials extends TwilioCredentials {
  storage: TokenStorage;
  /** Why the token is kept for this session only, when it is. */
  storageReason: TokenStorageReason | null;
}

/** What the vault holds. */
export type VaultContents =
  /** Saved or read this run. */
  | { kind: 'stored'; credentials: StoredCredentials }
  /** No file: never connected, disconnected, or kept for a past session only. */
  | { kind: 'none' }
  /** A file that could not be read this time, and why. */
  | { kind: 'unreadable'; reason: CredentialsUnreadable };

export interface CredentialVault {
  save(credentials: TwilioCredentials): Promise<StoredCredentials>;
  load(): Promise<VaultContents>;
  clear(): void;
}

const VaultFileSchema = z.object({
  version: z.literal(1),
  accountSid: z.string(),
  encryptedToken: z.string(),
});
type VaultFile = z.infer<typeof VaultFileSchema>;

const NOTHING_STORED: VaultContents = { kind: 'none' };

export function createCredentialVault(filePath: string, cipher: SecretCipher): CredentialVault {
  /** Only definite answers (credentials, or no file) are kept; undefined until one is known. */
  let cached: VaultContents | undefined;
  /** The read under way, which callers asking meanwhile join: one keychain request, not one per caller. */
  let reading: Promise<VaultContents> | null = null;
  /** Bumped by save and clear, so a read that started before them cannot put the old value back. */
  let generation = 0;

  function writeFile(accountSid: string, encryptedToken: Buffer): void {
    const content = JSON.stringify({
      version: 1,
      accountSid,
      encryptedToken: encryptedToken.toString('base64'),
    } satisfies VaultFile);
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    const temporary = `${filePath}.tmp`;
    fs.writeFileSync(temporary, content, { mode: 0o600 });
    fs.renameSync(temporary, filePath);
  }

  function readVaultFile(): VaultFile | null {
    try {
      return VaultFileSchema.parse(JSON.parse(fs.readFileSync(filePath, 'utf8')));
    } catch {
      return null;
    }
  }

  async function readFile(): Promise<VaultContents> {
    if (!fs.existsSync(filePath)) return NOTHING_STORED;
    const stored = readVaultFile();
    if (!stored) return { kind: 'unreadable', reason: 'damaged-file' };
    const availability = await cipher.availability();
    if (!availability.available) return { kind: 'unreadable', reason: availability.reason };
    let decrypted: { plain: string; shouldReEncrypt: boolean };
    try {
      decrypted = await cipher.decrypt(Buffer.from(stored.encryptedToken, 'base64'));
    } catch {
      // Locked, declined, or a key this keychain no longer has: the same to the person, and the
      // error says nothing they can act on. The file stays for the next read.
      return { kind: 'unreadable', reason: 'decrypt-declined' };
    }
    if (decrypted.shouldReEncrypt) {
      // Best effort: the copy on disk still decrypts, so a refusal now only postpones the rewrite.
      await cipher
        .encrypt(decrypted.plain)
        .then((encrypted) => writeFile(stored.accountSid, encrypted))
        .catch(() => undefined);
    }
    const credentials = { accountSid: stored.accountSid, authToken: decrypted.plain };
    return { kind: 'stored', credentials: { ...credentials, storage: 'encrypted', storageReason: null } };
  }

  function keepForSession(credentials: TwilioCredentials, reason: TokenStorageReason): StoredCredentials {
    // An earlier file would bring back replaced credentials on the next start.
    fs.rmSync(filePath, { force: true });
    return { ...credentials, storage: 'session', storageReason: reason };
  }

  return {
    async save(credentials) {
      const availability = await cipher.availability();
      let stored: StoredCredentials;
      if (!availability.available) {
        stored = keepForSession(credentials, availability.reason);
      } else {
        // The rejection's own text is dropped: the person is told the plain reason instead.
        const encrypted = await cipher.encrypt(credentials.authToken).catch(() => null);
        if (encrypted) {
          writeFile(credentials.accountSid, encrypted);
          stored = { ...credentials, storage: 'encrypted', storageReason: null };
        } else {
          stored = keepForSession(credentials, 'encrypt-declined');
        }
      }
      generation += 1;
      cached = { kind: 'stored', credentials: stored };
      return stored;
    },

    load() {
      if (cached) return Promise.resolve(cached);
      if (!reading) {
        const started = generation;
        reading = readFile()
          .then((found) => {
            if (generation !== started) return cached ?? found;
            if (found.kind !== 'unreadable') cached = found;
            return found;
          })
          .finally(() => {
            reading = null;
          });
      }
      return reading;
    },

    clear() {
      generation += 1;
      cached = NOTHING_STORED;
      fs.rmSync(filePath, { force: true });
    },
  };
}
