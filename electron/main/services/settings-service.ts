/** Settings → Advanced: the webhook base URL the agents' numbers point at. */
import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/ipc/contract';
import { getSetting, setSetting } from '../db/settings-repo';
import type { EmitEvent } from './numbers-service';

export interface SettingsService {
  get(): Settings;
  webhookBaseUrl(): string;
  /** null puts the default back. Numbers assigned before then show as needing a repair. */
  setWebhookBaseUrl(url: string | null): Settings;
}

export function createSettingsService(deps: {
  db: Database;
  emit: EmitEvent;
  defaultWebhookBaseUrl: string;
}): SettingsService {
  const { db, emit, defaultWebhookBaseUrl } = deps;
  const webhookBaseUrl = () => getSetting(db, 'webhookBaseUrl') ?? defaultWebhookBaseUrl;
  const get = (): Settings => ({ webhookBaseUrl: webhookBaseUrl(), defaultWebhookBaseUrl });
  return {
    get,
    webhookBaseUrl,
    setWebhookBaseUrl(url) {
      setSetting(db, 'webhookBaseUrl', url === null || url === defaultWebhookBaseUrl ? null : url.replace(/\/+$/, ''));
      emit('numbers:changed', {});
      emit('agents:changed', {});
      return get();
    },
  };
}
