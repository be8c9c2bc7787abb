/**
 * Settings → Advanced: the webhook base URL the agents' numbers point at.
 *
 * Policy: every number assigned to an agent sends its calls to this address once repaired, so an address that
 * answered with a dial to premium numbers would be toll fraud on the person's account. Putting the build's
 * default back needs nothing; any other address is set only with the confirmation main issued when it was
 * shown (confirmations.ts), and it is the confirmed address that is stored, not one sent again. Addresses
 * arrive normalised by WebhookBaseUrlSchema; one saved before that schema refused it reads as the default.
 */
import type { Database } from 'better-sqlite3';
import type { ChannelOutput, Settings } from '../../../shared/ipc/contract';
import { WebhookBaseUrlSchema } from '../../../shared/domain/agents';
import type { EmitEvent } from '../infrastructure/events';
import { getSetting, setSetting } from '../db/settings-repo';
import type { ChannelHandlers } from '../ipc/registrar';
import type { Confirmations } from './confirmations';

export interface SettingsService {
  get(): Settings;
  webhookBaseUrl(): string;
  /** The confirmation that setting this address (as WebhookBaseUrlSchema parses it) needs. */
  prepareWebhookBaseUrl(url: string): ChannelOutput<'settings:prepareWebhookBaseUrl'>;
  /** Sets the confirmed address. Numbers assigned before then show as needing a repair. */
  setWebhookBaseUrl(confirmationId: string): Settings;
  /** Puts the default back, as a repair then will. */
  useDefaultWebhookBaseUrl(): Settings;
}

export function createSettingsService(deps: {
  db: Database;
  emit: EmitEvent;
  confirmations: Confirmations;
  defaultWebhookBaseUrl: string;
}): SettingsService {
  const { db, emit, confirmations, defaultWebhookBaseUrl } = deps;
  const webhookBaseUrl = () => {
    const saved = WebhookBaseUrlSchema.safeParse(getSetting(db, 'webhookBaseUrl'));
    return saved.success ? saved.data : defaultWebhookBaseUrl;
  };
  const get = (): Settings => ({ webhookBaseUrl: webhookBaseUrl(), defaultWebhookBaseUrl });
  /** null, or the default itself, keeps no setting: a later build's default then applies. */
  const store = (url: string | null) => {
    setSetting(db, 'webhookBaseUrl', url === null || url === defaultWebhookBaseUrl ? null : url);
    emit('numbers:changed', {});
    emit('agents:changed', {});
    return get();
  };
  return {
    get,
    webhookBaseUrl,
    prepareWebhookBaseUrl(url) {
      return {
        webhookBaseUrl: url,
        confirmation: confirmations.issue({ kind: 'webhook-base-url', webhookBaseUrl: url }),
      };
    },
    setWebhookBaseUrl(confirmationId) {
      return store(confirmations.take(confirmationId, 'webhook-base-url').webhookBaseUrl);
    },
    useDefaultWebhookBaseUrl() {
      return store(null);
    },
  };
}

export function settingsHandlers(settings: SettingsService): ChannelHandlers<'settings'> {
  return {
    'settings:get': () => settings.get(),
    'settings:prepareWebhookBaseUrl': ({ webhookBaseUrl }) => settings.prepareWebhookBaseUrl(webhookBaseUrl),
    'settings:setWebhookBaseUrl': ({ confirmationId }) => settings.setWebhookBaseUrl(confirmationId),
    'settings:useDefaultWebhookBaseUrl': () => settings.useDefaultWebhookBaseUrl(),
  };
}
