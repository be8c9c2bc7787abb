import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressStatus } from '../../components/ProgressStatus';
import { useNumbersSync } from './use-numbers';
import { countOf } from '../../lib/format';

/** Progress of a running sync (with Cancel), then what it found, or why it failed. */
export function SyncStatus() {
  const sync = useNumbersSync();
  const { cancel: cancelSync, dismiss } = sync;

  if (sync.running) {
    const loaded = sync.progress?.loaded ?? 0;
    const expected = sync.progress?.expected ?? null;
    return (
      <ProgressStatus
        label="Sync progress"
        value={loaded}
        // Determinate when the previous sync's count gives an expected total, indeterminate on a first sync. The
        // count can pass the expectation when numbers were bought elsewhere since, so the bar's end moves with it.
        max={expected === null ? null : Math.max(expected, loaded, 1)}
        action={
          <button type="button" className="button" disabled={sync.cancelling} onClick={cancelSync}>
            {sync.cancelling ? 'Cancelling…' : 'Cancel sync'}
          </button>
        }
      >
        Syncing with Twilio… {countOf(loaded, 'number')} loaded
        {expected !== null && ` of about ${expected.toLocaleString()}`}
      </ProgressStatus>
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
