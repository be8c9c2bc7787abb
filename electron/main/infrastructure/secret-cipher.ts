/**
 * The port to the OS encryption service: the credential vault encrypts with
 * it, adapters/safe-storage-cipher.ts implements it over Electron safeStorage,
 * and tests pass their own, so neither side imports the other.
 */
import type { SecureStorageUnavailable } from '../../../shared/domain/connection';

export type CipherAvailability = { available: true } | { available: false; reason: SecureStorageUnavailable };

export interface SecretCipher {
  availability(): Promise<CipherAvailability>;
  /** Rejects when the OS refuses this time, though available (a declined Keychain prompt). */
  encrypt(plain: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the OS rotated its key; write the value again. */
  decrypt(encrypted: Buffer): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}
