import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../db/database';
import { createConfirmations, CONFIRMATION_TTL_MS } from './confirmations';
import { createSettingsService } from './settings-service';

const DEFAULT = 'https://hooks.gleam.ai';

let now = Date.now();
const opened: ReturnType<typeof openDatabase>[] = [];
afterEach(() => {
  for (const { db } of opened.splice(0)) db.close();
});

function settingsService() {
  const database = openDatabase(':memory:');
  opened.push(database);
  const confirmations = createConfirmations(() => new Date(now));
  const events: string[] = [];
  const service = createSettingsService({
    db: database.db,
    emit: (event) => events.push(event),
    confirmations,
    defaultWebhookBaseUrl: DEFAULT,
  });
  return { service, confirmations, events };
}

const codeOf = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
};

describe('the webhook base URL', () => {
  it('moves away from the build’s default only with the confirmation issued for that address', () => {
    const { service, events } = settingsService();
    expect(codeOf(() => service.setWebhookBaseUrl(randomUUID()))).toBe('confirmation_invalid');
    expect(service.webhookBaseUrl()).toBe(DEFAULT);
    expect(events).toEqual([]);

    const { webhookBaseUrl, confirmation } = service.prepareWebhookBaseUrl('https://hooks.example.com');
    expect(webhookBaseUrl).toBe('https://hooks.example.com');
    expect(service.webhookBaseUrl()).toBe(DEFAULT);
    expect(service.setWebhookBaseUrl(confirmation.id)).toEqual({
      webhookBaseUrl: 'https://hooks.example.com',
      defaultWebhookBaseUrl: DEFAULT,
    });
    expect(events).toEqual(['numbers:changed', 'agents:changed']);
    // Used once.
    expect(codeOf(() => service.setWebhookBaseUrl(confirmation.id))).toBe('confirmation_invalid');
  });

  it('refuses an expired confirmation, and one issued for something else', () => {
    const { service, confirmations } = settingsService();
    const { confirmation } = service.prepareWebhookBaseUrl('https://hooks.example.com');
    now += CONFIRMATION_TTL_MS + 1;
    expect(codeOf(() => service.setWebhookBaseUrl(confirmation.id))).toBe('confirmation_invalid');

    const release = confirmations.issue({ kind: 'release', accountSid: `AC${'a'.repeat(32)}`, numberSid: 'PN1' });
    expect(codeOf(() => service.setWebhookBaseUrl(release.id))).toBe('confirmation_invalid');
    expect(service.webhookBaseUrl()).toBe(DEFAULT);
  });

  it('reads an address saved before the schema refused it as the default, so Repair points numbers back', () => {
    const { service } = settingsService();
    const database = opened.at(-1);
    database?.db
      .prepare("INSERT INTO settings (key, value) VALUES ('webhookBaseUrl', 'https://hooks.example.com?')")
      .run();
    expect(service.webhookBaseUrl()).toBe(DEFAULT);
  });

  it('goes back to the default without a confirmation', () => {
    const { service } = settingsService();
    const { confirmation } = service.prepareWebhookBaseUrl('https://hooks.example.com');
    service.setWebhookBaseUrl(confirmation.id);
    expect(service.useDefaultWebhookBaseUrl().webhookBaseUrl).toBe(DEFAULT);
  });
});
