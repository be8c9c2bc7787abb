/** SecretCipher over Electron safeStorage (Keychain, DPAPI, or a Linux keyring). */
import { safeStorage } from 'electron';
import type { CipherAvailability, SecretCipher } from '../services/credential-vault';

export function createSafeStorageCipher(): SecretCipher {
  return {
    async availability(): Promise<CipherAvailability> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        return {
          available: false,
          reason:
            'Your computer’s secure storage is not available, so the Auth Token is kept only until you quit Gleam. You will need to enter it again next time.',
        };
      }
      // On Linux without a keyring, safeStorage "encrypts" with a fixed key: not a secret.
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
        return {
          available: false,
          reason:
            'No system keyring (such as GNOME Keyring or KWallet) is running, so the Auth Token could only be saved unprotected. It is kept only until you quit Gleam.',
        };
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
