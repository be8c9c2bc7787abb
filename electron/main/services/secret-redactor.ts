/**
 * Scrubs secrets from any text that leaves the process boundary: log lines,
 * error summaries. Known secrets (the Auth Token and the Basic credential
 * built from it) are registered when credentials are loaded; Basic/Bearer
 * authorization values and token-named JSON fields are scrubbed by shape too,
 * so a secret the redactor was never told about is still caught.
 */
const REDACTED = '[redacted]';

const AUTHORIZATION_VALUE = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{8,}/g;
const TOKEN_FIELD = /("?(?:auth_?token|authToken|password|authorization)"?\s*[:=]\s*"?)([^"\s,}&]+)/gi;

export interface SecretRedactor {
  /** Registers a secret, and the Basic credential Twilio builds from it with the account SID. */
  addCredentials(accountSid: string, authToken: string): void;
  scrub(text: string): string;
}

export function createSecretRedactor(): SecretRedactor {
  const secrets = new Set<string>();
  return {
    addCredentials(accountSid, authToken) {
      secrets.add(authToken);
      secrets.add(Buffer.from(`${accountSid}:${authToken}`).toString('base64'));
    },
    scrub(text) {
      let scrubbed = text;
      for (const secret of secrets) scrubbed = scrubbed.split(secret).join(REDACTED);
      return scrubbed.replace(AUTHORIZATION_VALUE, `$1 ${REDACTED}`).replace(TOKEN_FIELD, `$1${REDACTED}`);
    },
  };
}
