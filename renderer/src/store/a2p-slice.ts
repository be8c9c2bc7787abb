/**
 * A2P 10DLC status: what main saved of the account's registrations (so it
 * shows offline), read again whenever main says the copy changed, and the
 * refresh that reads them from Twilio.
 */
import type { A2pStatus } from '../../../shared/domain/a2p';
import type { AppErrorData } from '../../../shared/errors';
import type { GleamApi } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export interface A2pSlice {
  a2p: {
    status: A2pStatus | null;
    loading: boolean;
    loadError: AppErrorData | null;
    refreshing: boolean;
    refreshError: AppErrorData | null;
  };
  loadA2pStatus: () => Promise<void>;
  /** Reloads the status whenever main's copy changes; returns the unsubscribe. */
  watchA2pStatus: () => () => void;
  /** Reads the registrations from Twilio; does nothing while a refresh runs. */
  refreshA2pStatus: () => Promise<void>;
  dismissA2pRefreshError: () => void;
}

export const createA2pSlice =
  (api: GleamApi): Slice<A2pSlice> =>
  (set, get) => {
    type A2p = A2pSlice['a2p'];
    const patch = (changes: Partial<A2p>) => set((state) => ({ a2p: { ...state.a2p, ...changes } }));
    const failure = (error: unknown): AppErrorData => failureOf(error, get().reportOffline);

    // Answers to an older request are dropped, so a slow read cannot replace a newer one.
    let latestRequest = 0;
    const answer = async (read: () => Promise<A2pStatus>) => {
      const request = ++latestRequest;
      const status = await read();
      if (request === latestRequest) patch({ status });
    };

    return {
      a2p: { status: null, loading: false, loadError: null, refreshing: false, refreshError: null },

      loadA2pStatus: async () => {
        patch({ loading: true, loadError: null });
        try {
          await answer(() => api.a2p.status({}));
          patch({ loading: false });
        } catch (error) {
          patch({ loading: false, loadError: failure(error) });
        }
      },

      watchA2pStatus: () => api.on('a2p:changed', () => void get().loadA2pStatus()),

      refreshA2pStatus: async () => {
        if (get().a2p.refreshing) return;
        patch({ refreshing: true, refreshError: null });
        try {
          await answer(() => api.a2p.refresh({}));
          get().clearOfflineReport();
          patch({ refreshing: false });
        } catch (error) {
          patch({ refreshing: false, refreshError: failure(error) });
        }
      },

      dismissA2pRefreshError: () => patch({ refreshError: null }),
    };
  };
