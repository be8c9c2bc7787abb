/**
 * Scrubs secrets from any text that leaves the process boundary: log lines,
 * error summaries. Known secrets (the Auth Token and the Basic credential
 * built from it) are registered when credentials are loaded and removed
 * wherever they appear. A secret the redactor was never told about is caught
 * only by its shape:
 * - a `Bearer` token, and a `Basic` credential (base64 that decodes to
 *   `user:password`), anywhere;
 * - the password of a credential in a URL (`https://AC…:token@host`);
 * - the value of a credential-named field (`authorization`, and any name
 *   ending in `auth_token`, `authToken`, `auth-token`, `password` or
 *   `secret`, in any case), in JSON with its quotes escaped to any depth (JSON
 *   logged inside a JSON string), form bodies and query strings
 *   (`name=value`), headers (`Name: value`) and inspected objects
 *   (`name: 'value'`).
 * A double-quoted value keeps its quotes, so a JSON string stays a JSON string.
 *
 * Each pattern takes time in proportion to the line (its test measures it),
 * since it runs on every log line.
 */
const REDACTED = '[redacted]';

/** A quote as it appears in a log line: bare, or escaped once or more (JSON inside JSON strings). */
const QUOTE = String.raw`\\*"`;

/**
 * A credential-named field (its name quoted or not) and its separator, then its value: a double-quoted value
 * runs to its closing quote (kept); any other is a word, or a scheme and a word (`Authorization: Token …`),
 * single-quoted or not, up to the next delimiter. The lookbehind starts a name only at the start of a word, so
 * the lazy prefix scans each word once.
 */
const CREDENTIAL_FIELD = new RegExp(
  String.raw`(?<![\w-])([\w-]*?(?:auth[_-]?token|password|secret)|authorization)((?:${QUOTE}|')?\s*[:=]\s*)` +
    String.raw`(?:(${QUOTE})[^"\\]+|'?(?:[a-z]+ +)?[^\s"\\&,;}]+)`,
  'gi',
);

/** `//user:password@`: the password, up to the `@` (which a URL's password cannot contain unencoded). */
const URL_PASSWORD = /(\/\/[^\s/?#@:"\\]*:)[^\s/?#@"\\]+(?=@)/g;

const BEARER_TOKEN = /\bBearer\s+[A-Za-z0-9+/=._~-]{8,}/g;
const BASIC_CREDENTIAL = /\bBasic\s+([A-Za-z0-9+/=_-]{8,})/g;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** Whether a Basic value decodes as RFC 7617 says a credential does: `user:password`, here in printable ASCII. */
function isBasicCredential(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return decoded.includes(':') && !NOT_PRINTABLE_ASCII.test(decoded);
}

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
      return (
        scrubbed
          .replace(BEARER_TOKEN, `Bearer ${REDACTED}`)
          // Only what decodes as a credential: "Basic information" is a sentence, not a header.
          .replace(BASIC_CREDENTIAL, (match, value: string) => (isBasicCredential(value) ? `Basic ${REDACTED}` : match))
          .replace(URL_PASSWORD, `$1${REDACTED}`)
          .replace(
            CREDENTIAL_FIELD,
            (_match, name: string, separator: string, quote: string | undefined) =>
              `${name}${separator}${quote ?? ''}${REDACTED}`,
          )
      );
    },
  };
}
