/**
 * Stand-ins for Electron safeStorage in tests: real AES-256-GCM with a key
 * that lives only in this process, so the token on disk is as unreadable as
 * in the app (secret scans can look for it), and a cipher that reports the
 * OS encryption as unavailable.
 */
import crypto from 'node:crypto';
import type { SecretCipher } from '../services/credential-vault';

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

export const NO_ENCRYPTION_REASON = 'Secure storage is switched off for this test.';

export function createUnavailableCipher(): SecretCipher {
  const refuse = () => Promise.reject(new Error('encryption unavailable'));
  return {
    availability: () => Promise.resolve({ available: false, reason: NO_ENCRYPTION_REASON }),
    encrypt: refuse,
    decrypt: refuse,
  };
}
