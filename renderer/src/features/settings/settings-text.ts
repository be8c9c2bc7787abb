/**
 * Why Settings says the Auth Token is kept for this session only. Main answers the reason code; the words for
 * missing secure storage are the error catalogue's, which says the same when saved credentials cannot be read.
 */
import type { TokenStorageReason } from '../../../../shared/domain/connection';
import { SECURE_STORAGE_UNAVAILABLE_TEXT } from '../../../../shared/errors';

export const TOKEN_STORAGE_TEXT: Readonly<Record<TokenStorageReason, string>> = {
  ...SECURE_STORAGE_UNAVAILABLE_TEXT,
  'encrypt-declined':
    'Your computer’s secure storage did not let Gleam encrypt the Auth Token (for example, the keychain prompt was declined), so it is kept only until you quit Gleam. To save it, connect again and allow access.',
};
