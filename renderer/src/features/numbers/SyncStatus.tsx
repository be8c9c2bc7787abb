import { ErrorNotice } from '../../components/ErrorNotice';
import type { SyncProgress } from '../../../../shared/domain/numbers';
import { useAppStore } from '../../store/store-context';
import { countOf } from './format';

/** Progress of a running sync (with Cancel), then what it found, or why it failed. */
export function SyncStatus() {
  const sync = useAppStore((state) => state.numbers.sync);
  const cancelSync = useAppStore((state) => state.cancelSync);
  const dismiss = useAppStore((state) => state.dismissSyncOutcome);

  if (sync.running) {
    return (
      <div className="sync-status" aria-busy="true">
        <SyncProgressBar progress={sync.progress} />
        <button type="button" className="button" disabled={sync.cancelling} onClick={() => void cancelSync()}>
          {sync.cancelling ? 'Cancelling…' : 'Cancel sync'}
        </button>
      </div>
    );
  }
  if (sync.error) return <ErrorNotice error={sync.error} onDismiss={dismiss} />;
  if (sync.cancelled) {
    return (
      <p className="notice notice-info" role="status">
        Sync cancelled before it finished. The list shows what Gleam has saved.{' '}
        <button type="button" className="link-button" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    );
  }
  if (sync.result) {
    const { added, removed, total } = sync.result;
    return (
      <p className="notice notice-success" role="status">
        Synced: {added.toLocaleString()} new, {removed.toLocaleString()} removed. Your Twilio account has{' '}
        {countOf(total, 'number')}.{' '}
        <button type="button" className="link-button" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    );
  }
  return null;
}

/**
 * Determinate when the previous sync's count gives an expected total,
 * indeterminate on a first sync. The count can pass the expectation when
 * numbers were bought elsewhere since, so the bar's end moves with it.
 */
function SyncProgressBar({ progress }: { progress: SyncProgress | null }) {
  const loaded = progress?.loaded ?? 0;
  const expected = progress?.expected ?? null;
  const max = expected === null ? null : Math.max(expected, loaded, 1);
  return (
    <div className="sync-progress">
      {max === null ? (
        <progress aria-label="Sync progress" />
      ) : (
        <progress aria-label="Sync progress" value={loaded} max={max} />
      )}
      <p role="status" className="sync-progress-text">
        Syncing with Twilio… {countOf(loaded, 'number')} loaded
        {expected !== null && ` of about ${expected.toLocaleString()}`}
      </p>
    </div>
  );
}
