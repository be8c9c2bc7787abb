/**
 * Costs: the summary main computes from its local copy (so it answers
 * offline), the month its per-number and per-agent tables describe, the sync
 * that brings the local copy up to date from Twilio, and the CSV export.
 *
 * The summary is read again whenever main says one of its inputs changed
 * (costs, numbers or agents) and after every sync, whatever its outcome: a sync that
 * failed half-way may still have saved the usage it got.
 */
import type { AppErrorData } from '../../../shared/errors';
import type { CostSummary, CostSyncProgress, CostSyncResult, Month } from '../../../shared/domain/costs';
import type { GleamApi } from '../../../shared/ipc/contract';
import type { EventName } from '../../../shared/ipc/events';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export interface CostSyncState {
  running: boolean;
  /** The latest `costs:syncProgress` while running; null until the first. */
  progress: CostSyncProgress | null;
  result: CostSyncResult | null;
  error: AppErrorData | null;
}

export interface CostExportState {
  saving: boolean;
  /** Where the last export was saved; null when none was, or the person cancelled. */
  savedTo: string | null;
  error: AppErrorData | null;
}

export interface CostsSlice {
  costs: {
    summary: CostSummary | null;
    /** The month the person picked for By number and By agent; null: main's default, this month. */
    month: Month | null;
    loading: boolean;
    error: AppErrorData | null;
    sync: CostSyncState;
    export: CostExportState;
  };
  loadCosts: () => Promise<void>;
  /** Reloads the summary whenever what it is computed from changes; returns the unsubscribe. */
  watchCosts: () => () => void;
  selectCostsMonth: (month: Month) => Promise<void>;
  /** Does nothing while a sync runs. */
  syncCosts: () => Promise<void>;
  /** Exports the chosen month (or the one shown) as CSV; does nothing while an export is being saved. */
  exportCostsCsv: () => Promise<void>;
  dismissCostsSyncOutcome: () => void;
  dismissCostsExport: () => void;
}

/** The summary's inputs: usage and records, the numbers (fees, names) and the agents they are assigned to. */
const COSTS_INPUTS = ['costs:changed', 'numbers:changed', 'agents:changed'] as const satisfies readonly EventName[];

const IDLE_SYNC: CostSyncState = { running: false, progress: null, result: null, error: null };
const IDLE_EXPORT: CostExportState = { saving: false, savedTo: null, error: null };

/** The month By number and By agent show, or are about to: the one picked, else the summary's. */
export const costsMonthOf = (costs: CostsSlice['costs']): Month | null => costs.month ?? costs.summary?.month ?? null;

export const createCostsSlice =
  (api: GleamApi): Slice<CostsSlice> =>
  (set, get) => {
    type Costs = CostsSlice['costs'];
    const patchCosts = (patch: Partial<Costs> | ((costs: Costs) => Partial<Costs>)) =>
      set((state) => ({
        costs: { ...state.costs, ...(typeof patch === 'function' ? patch(state.costs) : patch) },
      }));
    const patchSync = (patch: Partial<CostSyncState>) => patchCosts((costs) => ({ sync: { ...costs.sync, ...patch } }));
    const patchExport = (patch: Partial<CostExportState>) =>
      patchCosts((costs) => ({ export: { ...costs.export, ...patch } }));
    const failure = (error: unknown): AppErrorData => failureOf(error, get().reportOffline);

    // Answers to an older request are dropped, so a slow read of the previous month cannot replace the new one.
    let summaryRequest = 0;

    return {
      costs: { summary: null, month: null, loading: false, error: null, sync: IDLE_SYNC, export: IDLE_EXPORT },

      loadCosts: async () => {
        const request = ++summaryRequest;
        const month = get().costs.month;
        patchCosts({ loading: true, error: null });
        try {
          const summary = await api.costs.summary(month === null ? {} : { month });
          if (request === summaryRequest) patchCosts({ summary, loading: false });
        } catch (error) {
          if (request === summaryRequest) patchCosts({ loading: false, error: failure(error) });
        }
      },

      watchCosts: () => {
        const reload = () => void get().loadCosts();
        const unsubscribers = COSTS_INPUTS.map((event) => api.on(event, reload));
        return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
      },

      selectCostsMonth: async (month) => {
        patchCosts({ month });
        await get().loadCosts();
      },

      syncCosts: async () => {
        if (get().costs.sync.running) return;
        patchSync({ ...IDLE_SYNC, running: true });
        const unsubscribe = api.on('costs:syncProgress', (progress) => {
          if (get().costs.sync.running) patchSync({ progress });
        });
        try {
          const result = await api.costs.sync({});
          get().clearOfflineReport();
          patchSync({ running: false, result });
        } catch (error) {
          patchSync({ running: false, error: failure(error) });
        } finally {
          unsubscribe();
        }
        await get().loadCosts();
      },

      exportCostsCsv: async () => {
        const month = costsMonthOf(get().costs);
        if (month === null || get().costs.export.saving) return;
        patchExport({ ...IDLE_EXPORT, saving: true });
        try {
          const { savedTo } = await api.costs.exportCsv({ month });
          patchExport({ saving: false, savedTo });
        } catch (error) {
          patchExport({ saving: false, error: failure(error) });
        }
      },

      dismissCostsSyncOutcome: () => patchSync({ result: null, error: null }),
      dismissCostsExport: () => patchExport({ savedTo: null, error: null }),
    };
  };
