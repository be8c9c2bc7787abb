import { describe, expect, it } from 'vitest';
import { createSecretRedactor } from './secret-redactor';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'abcdef0123456789abcdef0123456789';

describe('secret redactor', () => {
  it('removes registered tokens and the Basic credential built from them', () => {
    const redactor = createSecretRedactor();
    redactor.addCredentials(SID, TOKEN);
    const basic = Buffer.from(`${SID}:${TOKEN}`).toString('base64');
    const scrubbed = redactor.scrub(`token ${TOKEN} header ${basic} and again ${TOKEN}`);
    expect(scrubbed).not.toContain(TOKEN);
    expect(scrubbed).not.toContain(basic);
    expect(scrubbed).toContain('[redacted]');
  });

  it('removes authorization values and token fields it was never told about', () => {
    const redactor = createSecretRedactor();
    const scrubbed = redactor.scrub(
      '{"Authorization":"Basic QUMxMjM6c2VjcmV0c2VjcmV0","auth_token":"ffffeeee","authToken":"9999"} password=hunter2',
    );
    expect(scrubbed).not.toMatch(/QUMxMjM6c2VjcmV0c2VjcmV0|ffffeeee|9999|hunter2/);
  });

  it('leaves ordinary text alone', () => {
    expect(createSecretRedactor().scrub('connected account AC1234…abcd')).toBe('connected account AC1234…abcd');
  });
});
