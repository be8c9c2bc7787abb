/** Settings → Advanced: the webhook base URL that assigned numbers point at. */
import type { AppErrorData } from '../../../shared/errors';
import type { GleamApi, Settings } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export interface SettingsSlice {
  appSettings: {
    value: Settings | null;
    busy: 'load' | 'save' | null;
    error: AppErrorData | null;
    errorOf: 'load' | 'save' | null;
    /** The last save went through; cleared by the next change. */
    saved: boolean;
  };
  loadAppSettings: () => Promise<void>;
  /** null puts the build's default back. Answers whether main accepted it. */
  saveWebhookBaseUrl: (webhookBaseUrl: string | null) => Promise<boolean>;
  dismissAppSettingsMessage: () => void;
}

export const createSettingsSlice =
  (api: GleamApi): Slice<SettingsSlice> =>
  (set, get) => {
    type AppSettings = SettingsSlice['appSettings'];
    const patch = (changes: Partial<AppSettings>) =>
      set((state) => ({ appSettings: { ...state.appSettings, ...changes } }));

    return {
      appSettings: { value: null, busy: null, error: null, errorOf: null, saved: false },

      loadAppSettings: async () => {
        if (get().appSettings.busy) return;
        patch({ busy: 'load', error: null, errorOf: null });
        try {
          patch({ value: await api.settings.get({}), busy: null });
        } catch (error) {
          patch({ busy: null, error: failureOf(error, get().reportOffline), errorOf: 'load' });
        }
      },

      saveWebhookBaseUrl: async (webhookBaseUrl) => {
        if (get().appSettings.busy) return false;
        patch({ busy: 'save', error: null, errorOf: null, saved: false });
        try {
          patch({ value: await api.settings.setWebhookBaseUrl({ webhookBaseUrl }), busy: null, saved: true });
          return true;
        } catch (error) {
          patch({ busy: null, error: failureOf(error, get().reportOffline), errorOf: 'save' });
          return false;
        }
      },

      dismissAppSettingsMessage: () => patch({ error: null, errorOf: null, saved: false }),
    };
  };
