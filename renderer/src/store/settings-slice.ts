/**
 * Settings → Advanced: the webhook base URL that assigned numbers point at.
 * Putting the default back is one step; any other address is checked by main
 * first, shown in a confirmation with what it means, and set only with the
 * confirmation main issued for it.
 */
import type { AppErrorData } from '../../../shared/errors';
import type { GleamApi, Settings } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export interface PendingWebhookBaseUrl {
  /** The address as main will store it. */
  webhookBaseUrl: string;
  confirmationId: string;
}

export interface SettingsSlice {
  appSettings: {
    value: Settings | null;
    busy: 'load' | 'save' | null;
    error: AppErrorData | null;
    errorOf: 'load' | 'save' | null;
    /** The last save went through; cleared by the next change. */
    saved: boolean;
    /** An address waiting for the person's confirmation. */
    pending: PendingWebhookBaseUrl | null;
  };
  loadAppSettings: () => Promise<void>;
  /** Puts the build's default back. Answers whether main accepted it. */
  restoreDefaultWebhookBaseUrl: () => Promise<boolean>;
  /** Asks main to check an address and opens its confirmation. Answers whether it is waiting to be confirmed. */
  proposeWebhookBaseUrl: (webhookBaseUrl: string) => Promise<boolean>;
  /** Sets the address in the open confirmation. Answers whether main accepted it. */
  confirmWebhookBaseUrl: () => Promise<boolean>;
  cancelWebhookBaseUrl: () => void;
  dismissAppSettingsMessage: () => void;
}

export const createSettingsSlice =
  (api: GleamApi): Slice<SettingsSlice> =>
  (set, get) => {
    type AppSettings = SettingsSlice['appSettings'];
    const patch = (changes: Partial<AppSettings>) =>
      set((state) => ({ appSettings: { ...state.appSettings, ...changes } }));

    /** One save: busy while it runs, the answer or the error after. */
    async function saving(work: () => Promise<Partial<AppSettings>>): Promise<boolean> {
      if (get().appSettings.busy) return false;
      patch({ busy: 'save', error: null, errorOf: null, saved: false });
      try {
        patch({ ...(await work()), busy: null });
        return true;
      } catch (error) {
        patch({ busy: null, error: failureOf(error, get().reportOffline), errorOf: 'save', pending: null });
        return false;
      }
    }

    return {
      appSettings: { value: null, busy: null, error: null, errorOf: null, saved: false, pending: null },

      loadAppSettings: async () => {
        if (get().appSettings.busy) return;
        patch({ busy: 'load', error: null, errorOf: null });
        try {
          patch({ value: await api.settings.get({}), busy: null });
        } catch (error) {
          patch({ busy: null, error: failureOf(error, get().reportOffline), errorOf: 'load' });
        }
      },

      restoreDefaultWebhookBaseUrl: () =>
        saving(async () => ({ value: await api.settings.useDefaultWebhookBaseUrl({}), saved: true })),

      proposeWebhookBaseUrl: (webhookBaseUrl) =>
        saving(async () => {
          const prepared = await api.settings.prepareWebhookBaseUrl({ webhookBaseUrl });
          return { pending: { webhookBaseUrl: prepared.webhookBaseUrl, confirmationId: prepared.confirmation.id } };
        }),

      confirmWebhookBaseUrl: async () => {
        const { pending } = get().appSettings;
        if (!pending) return false;
        return saving(async () => ({
          value: await api.settings.setWebhookBaseUrl({ confirmationId: pending.confirmationId }),
          saved: true,
          pending: null,
        }));
      },

      cancelWebhookBaseUrl: () => {
        if (get().appSettings.busy !== 'save') patch({ pending: null });
      },

      dismissAppSettingsMessage: () => patch({ error: null, errorOf: null, saved: false }),
    };
  };
