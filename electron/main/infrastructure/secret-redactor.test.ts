import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFileLogger } from './logger';
import { createSecretRedactor } from './secret-redactor';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'abcdef0123456789abcdef0123456789';
const BASIC = Buffer.from(`${SID}:${TOKEN}`).toString('base64');

const scrub = (text: string) => createSecretRedactor().scrub(text);
/** The JSON object in `text`; every value the logger and these tests write is a string. */
const jsonObject = (text: string) => z.record(z.string(), z.string()).parse(JSON.parse(text));
/** One level of escaping undone: the JSON held as a string in the field `key` of the JSON object in `text`. */
const innerJson = (text: string, key: string) => z.string().parse(jsonObject(text)[key]);

describe('secret redactor', () => {
  it('removes registered tokens and the Basic credential built from them', () => {
    const redactor = createSecretRedactor();
    redactor.addCredentials(SID, TOKEN);
    const scrubbed = redactor.scrub(`token ${TOKEN} header ${BASIC} and again ${TOKEN}`);
    expect(scrubbed).not.toContain(TOKEN);
    expect(scrubbed).not.toContain(BASIC);
    expect(scrubbed).toContain('[redacted]');
  });

  it('removes authorization values and token fields it was never told about', () => {
    const scrubbed = scrub(
      '{"Authorization":"Basic QUMxMjM6c2VjcmV0c2VjcmV0","auth_token":"ffffeeee","authToken":"9999"} password=hunter2',
    );
    expect(scrubbed).not.toMatch(/QUMxMjM6c2VjcmV0c2VjcmV0|ffffeeee|9999|hunter2/);
  });

  it('scrubs credential fields in JSON escaped once and twice, and the line stays JSON', () => {
    const body = JSON.stringify({ sid: SID, auth_token: TOKEN, password: 'hunter two' });
    const once = JSON.stringify({ message: 'Twilio answered', body });
    const twice = JSON.stringify({ message: 'retrying', request: JSON.stringify({ body }) });
    expect(once).toContain(String.raw`\"auth_token\":\"`);
    expect(twice).toContain(String.raw`\\\"auth_token\\\":\\\"`);

    expect(jsonObject(innerJson(scrub(once), 'body'))).toEqual({
      sid: SID,
      auth_token: '[redacted]',
      password: '[redacted]',
    });
    expect(jsonObject(innerJson(innerJson(scrub(twice), 'request'), 'body'))).toEqual({
      sid: SID,
      auth_token: '[redacted]',
      password: '[redacted]',
    });
  });

  it('scrubs a JSON body the logger was given as a field, in the log file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-redactor-'));
    try {
      const filePath = path.join(dir, 'main.log');
      const logger = createFileLogger({ filePath, redactor: createSecretRedactor() });
      logger.warn('Twilio answered', { body: JSON.stringify({ sid: SID, auth_token: TOKEN }) });
      const written = fs.readFileSync(filePath, 'utf8');
      expect(written).not.toContain(TOKEN);
      expect(jsonObject(innerJson(written, 'body'))).toEqual({ sid: SID, auth_token: '[redacted]' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a Twilio form body', `AuthToken=${TOKEN}&FriendlyName=Shop`, 'AuthToken=[redacted]&FriendlyName=Shop'],
    ['a query', `GET /callback?auth_token=${TOKEN}&page=2`, 'GET /callback?auth_token=[redacted]&page=2'],
    ['a dashed name', `auth-token=${TOKEN}`, 'auth-token=[redacted]'],
    ['a named secret', `client_secret=${TOKEN}&grant=1`, 'client_secret=[redacted]&grant=1'],
    ['a prefixed name', `{"subaccountAuthToken":"${TOKEN}"}`, '{"subaccountAuthToken":"[redacted]"}'],
  ])('scrubs a credential-named key in %s', (_, text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    [`Authorization: Basic ${BASIC}`, 'Authorization: [redacted]'],
    [`authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.${TOKEN}`, 'authorization: [redacted]'],
    [`Authorization: Token ${TOKEN}`, 'Authorization: [redacted]'],
    [`{\\"Authorization\\":\\"Basic ${BASIC}\\"}`, '{\\"Authorization\\":\\"[redacted]\\"}'],
    [`sent Basic ${BASIC} to Twilio`, 'sent Basic [redacted] to Twilio'],
    [`headers: { authorization: 'Basic ${BASIC}' }`, 'headers: { authorization: [redacted] }'],
    [`headers: { authorization: 'Token ${TOKEN}' }`, 'headers: { authorization: [redacted] }'],
    [`{ 'auth-token': '${TOKEN}' }`, "{ 'auth-token': [redacted] }"],
  ])('scrubs the authorization in %j, whatever the scheme', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it('scrubs the password of a credential in a URL and keeps the rest', () => {
    expect(scrub(`POST https://${SID}:${TOKEN}@api.twilio.com/2010-04-01/Accounts.json failed`)).toBe(
      `POST https://${SID}:[redacted]@api.twilio.com/2010-04-01/Accounts.json failed`,
    );
    expect(scrub(`{"url":"https://${SID}:${TOKEN}@api.twilio.com"}`)).toBe(
      `{"url":"https://${SID}:[redacted]@api.twilio.com"}`,
    );
  });

  it.each([
    'connected account AC1234…abcd',
    `account ${SID} has 3 numbers`,
    'bought +14155550100 for 1.15 USD',
    'Twilio refused the token: check the Auth Token in Settings',
    'Basic information about your password is in the guide',
    'password reset needed: 2 accounts',
    'https://hooks.example.com:8443/twilio/agents?PageToken=PA123&Page=2',
    '{"sid":"PN0123","friendly_name":"Front desk","token_count":2}',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it('takes time in proportion to the line, however it is made', () => {
    const size = 200_000;
    const lines = [
      'a.'.repeat(size / 2),
      '//a'.repeat(size / 3),
      `//${'a'.repeat(size)}:${'b'.repeat(size)}`,
      '\\'.repeat(size),
      'password'.repeat(size / 8),
      `password${'\\'.repeat(size)}`,
      `password=${' '.repeat(size)}`,
      `authorization: ${'a'.repeat(size)}`,
      'x_'.repeat(size / 2),
      `Basic ${'A'.repeat(size)}`,
    ];
    const started = performance.now();
    for (const line of lines) scrub(line);
    // Linear work on 2 MB takes milliseconds; anything quadratic would take minutes.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
