/**
 * Stand-ins for Electron safeStorage in tests: real AES-256-GCM with a key
 * that lives only in this process, so the token on disk is as unreadable as
 * in the app (secret scans can look for it); a cipher that reports the OS
 * encryption as unavailable; and one whose "keychain" a test can lock, as a
 * person does by declining the Keychain prompt.
 */
import crypto from 'node:crypto';
import type { SecretCipher } from '../../electron/main/infrastructure/secret-cipher';

/** `key` (32 bytes) lets two processes share one "keychain", as two runs of the app do. */
export function createTestCipher(key: Buffer = crypto.randomBytes(32)): SecretCipher {
  return {
    availability: () => Promise.resolve({ available: true }),
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(encrypted) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
      return Promise.resolve({ plain, shouldReEncrypt: false });
    },
  };
}

export function createUnavailableCipher(): SecretCipher {
  const refuse = () => Promise.reject(new Error('encryption unavailable'));
  return {
    availability: () => Promise.resolve({ available: false, reason: 'no-secure-storage' }),
    encrypt: refuse,
    decrypt: refuse,
  };
}

/**
 * The test cipher with a lock: availability still says yes (the OS has a
 * keychain), but while `refuse.encrypt` or `refuse.decrypt` is set that call
 * rejects, as safeStorage's does when the person declines the prompt or the
 * keychain stays locked. `calls` counts the attempts that reached it.
 */
export interface LockableCipher extends SecretCipher {
  refuse: { encrypt: boolean; decrypt: boolean };
  calls: { encrypt: number; decrypt: number };
}

export function createLockableCipher(key?: Buffer): LockableCipher {
  const inner = createTestCipher(key);
  const refuse = { encrypt: false, decrypt: false };
  const calls = { encrypt: 0, decrypt: 0 };
  const denied = () => Promise.reject(new Error('The user denied access to the keychain.'));
  return {
    refuse,
    calls,
    availability: () => inner.availability(),
    encrypt(plain) {
      calls.encrypt += 1;
      return refuse.encrypt ? denied() : inner.encrypt(plain);
    },
    decrypt(encrypted) {
      calls.decrypt += 1;
      return refuse.decrypt ? denied() : inner.decrypt(encrypted);
    },
  };
}
