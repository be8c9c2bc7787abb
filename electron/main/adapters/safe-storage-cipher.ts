/**
 * SecretCipher over Electron safeStorage's async API.
 *
 * Policy: the token is handed to safeStorage only where Electron documents
 * what protects it — the Keychain on macOS, DPAPI on Windows. On Linux it is
 * not: Electron does not document a way to tell a keyring from the fixed-key
 * fallback the async API may use, so Linux counts as unprotected, the token
 * is kept for the session only, and the app says so plainly. (Linux is not a
 * shipping target; it is where development and CI run the app.)
 *
 * Why, from Electron's safeStorage documentation (docs/api/safe-storage.md,
 * "Platform-Specific Key Providers", as of Electron 42–45; this app runs 45):
 *  - Asynchronous API, Linux: "Multiple key providers may be available
 *    depending on the desktop environment: `org.freedesktop.portal.Secret` …
 *    Secret Service API … A fallback provider is used for environments without
 *    a secret service available." Nothing says how to learn which one served,
 *    and `isAsyncEncryptionAvailable()` is only "whether encryption is
 *    available for asynchronous safeStorage operations" — the fallback counts.
 *  - `basic_text` is documented under the Synchronous API only (deprecated in
 *    45): "If no secret store is available, items stored in using the
 *    safeStorage API will be unprotected as they are encrypted via hardcoded
 *    plaintext password. You can detect when this happens when
 *    `safeStorage.getSelectedStorageBackend()` returns `basic_text`." And that
 *    name is picked from the desktop session, not from a keyring answering:
 *    "`gnome_libsecret` - When the desktop environment is … `GNOME` …". A GNOME
 *    session with no keyring running reads `gnome_libsecret` while the async
 *    API falls back — in Chromium, whose os_crypt_async Electron uses, the
 *    fallback is PosixKeyProvider with a key derived from a fixed word.
 * Electron 46's docs, written once the sync API is gone, tie `basic_text` to
 * the remaining API; upgrading is the moment to look at this again.
 */
import { safeStorage } from 'electron';
import type { CipherAvailability, SecretCipher } from '../infrastructure/secret-cipher';

/** `platform` is the running one; tests pass another to check each platform's answer. */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    async availability(): Promise<CipherAvailability> {
      if (platform === 'linux') return { available: false, reason: 'linux-unprotected' };
      // Resolves once the async encryptor is set up, which is when the OS is first asked.
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        return { available: false, reason: 'no-secure-storage' };
      }
      return { available: true };
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(encrypted) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      return { plain: result, shouldReEncrypt };
    },
  };
}
