/**
 * Costs: the summary main computes from its local copy (so it answers
 * offline), the month its per-number and per-agent tables describe, the sync
 * that brings the local copy up to date from Twilio, and the CSV export.
 *
 * The summary is read again whenever main says one of its inputs changed
 * (see main-events) and after every sync, whatever its outcome: a sync that
 * failed half-way may still have saved the usage it got.
 */
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import type { Month } from '../../../../shared/domain/costs';
import { errorDataOf } from '../../lib/errors';
import { readErrorOf, useChannelQuery, useProgress, useSharedAction } from '../../lib/query/hooks';
import { progressKey } from '../../lib/query/main-events';
import { useAppStore } from '../../store/store-context';

export function useCostSummary() {
  const month = useAppStore((state) => state.costsMonth);
  // The figures shown stay while another month's are read, so the screen does not flash.
  const summary = useChannelQuery('costs:summary', month === null ? {} : { month }, {
    placeholderData: keepPreviousData,
  });
  return {
    summary: summary.data ?? null,
    /** The month By number and By agent show, or are about to: the one picked, else the summary's. */
    month: month ?? summary.data?.month ?? null,
    loading: summary.isFetching,
    loadError: readErrorOf(summary),
    reload: () => void summary.refetch(),
  };
}

export function useCostsSync() {
  const client = useQueryClient();
  const sync = useSharedAction(['costs:sync'], {
    onSettled: () => client.invalidateQueries({ queryKey: ['costs:summary'] }),
  });
  const progress = useProgress(progressKey.costsSync);
  return {
    running: sync.pending,
    /** The latest `costs:syncProgress` while running; null until the first. */
    progress: sync.pending ? progress : null,
    result: sync.data ?? null,
    error: errorDataOf(sync.error),
    /** Does nothing while a sync runs. */
    run: () => {
      if (sync.pending) return;
      client.setQueryData(progressKey.costsSync.queryKey, null);
      void sync.run({});
    },
    dismiss: sync.dismiss,
  };
}

export function useCostsExport() {
  const exporting = useSharedAction(['costs:exportCsv']);
  return {
    saving: exporting.pending,
    /** Where the last export was saved; null when none was, or the person cancelled. */
    savedTo: exporting.data?.savedTo ?? null,
    error: errorDataOf(exporting.error),
    /** Exports the month as CSV; does nothing while an export is being saved. */
    run: (month: Month | null) => {
      if (month !== null) void exporting.run({ month });
    },
    dismiss: exporting.dismiss,
  };
}
