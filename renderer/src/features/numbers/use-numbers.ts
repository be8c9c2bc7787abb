/**
 * Phone numbers: the sync with Twilio (shared by every screen that offers
 * it), the activity log, and what is read again after a number was bought or
 * released.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { errorDataOf } from '../../lib/errors';
import { readErrorOf, useChannelQuery, useProgress, useSharedAction } from '../../lib/query/hooks';
import { progressKey } from '../../lib/query/main-events';

/**
 * After a purchase or a release: the list (and the activity log, if it was read) are read again before the
 * dialog closes, so the row is there, or gone, when focus leaves it; the costs follow when next shown.
 */
export async function refreshAfterChange(client: QueryClient): Promise<void> {
  void client.invalidateQueries({ queryKey: ['costs:summary'] });
  await Promise.all([
    client.refetchQueries({ queryKey: ['numbers:list'] }),
    client.refetchQueries({ queryKey: ['purchases:activity'] }),
  ]);
}

export function useNumbersSync() {
  const client = useQueryClient();
  const sync = useSharedAction(['numbers:sync'], {
    // Whatever its outcome: a sync stopped half-way may have saved part of the list.
    onSettled: () => client.invalidateQueries({ queryKey: ['numbers:list'] }),
  });
  const cancel = useSharedAction(['numbers:cancelSync']);
  const progress = useProgress(progressKey.numbersSync);
  const failure = errorDataOf(sync.error);
  // Stopping on request is not a failure to report.
  const cancelled = failure?.code === 'cancelled';
  return {
    running: sync.pending,
    cancelling: sync.pending && cancel.state !== undefined && cancel.state.status !== 'error',
    /** From `numbers:syncProgress` while running; null until the first event. */
    progress: sync.pending ? progress : null,
    result: sync.data ?? null,
    /** The last sync was stopped by the person before it finished. */
    cancelled,
    error: errorDataOf(cancel.error) ?? (cancelled ? null : failure),
    run: () => {
      if (sync.pending) return;
      client.setQueryData(progressKey.numbersSync.queryKey, null);
      cancel.dismiss();
      void sync.run({});
    },
    cancel: () => {
      if (!sync.pending || cancel.pending) return;
      void cancel.run({});
    },
    dismiss: () => {
      sync.dismiss();
      cancel.dismiss();
    },
  };
}

export function useActivity() {
  // Read each time the log is opened: main may have settled a purchase it had not confirmed yet.
  const activity = useChannelQuery('purchases:activity', {}, { refetchOnMount: 'always' });
  return {
    entries: activity.data?.entries ?? null,
    loading: activity.isFetching,
    error: readErrorOf(activity),
    reload: () => void activity.refetch(),
  };
}
