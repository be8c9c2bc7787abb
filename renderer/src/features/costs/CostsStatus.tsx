import type { CostSummary, CostSyncProgress } from '../../../../shared/domain/costs';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressStatus } from '../../components/ProgressStatus';
import { formatDateTime } from '../../lib/format-date';
import { useAppStore } from '../../store/store-context';
import { countOf } from '../../lib/format';
import { useClearOfflineReport, useOnline } from '../../lib/connectivity/use-online';
import { useCostsSync } from './use-costs';

/** The note that says why Refresh is off; the disabled button points to it. */
export const REFRESH_BLOCKED_REASON_ID = 'costs-refresh-blocked-reason';

/** Whether the figures can be brought up to date now, and why not. */
export interface CostsReach {
  offline: boolean;
  connected: boolean;
}

function DateTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

/** The older of the two "as of" times: what every figure on the screen is at least as fresh as. */
export function oldestAsOf(asOf: CostSummary['asOf']): string | null {
  const known = [asOf.usage, asOf.records].filter((time): time is string => time !== null);
  return known.sort()[0] ?? null;
}

/** Whose figures these are and when each kind was last brought up to date from Twilio. */
export function AsOfLine({ summary }: { summary: CostSummary }) {
  const { account, asOf } = summary;
  return (
    <p className="costs-as-of muted">
      {account && (
        <>
          <strong className="costs-account-name">{account.friendlyName}</strong>
          {' · '}
        </>
      )}
      {asOf.usage !== null && asOf.usage === asOf.records ? (
        <>
          As of <DateTime iso={asOf.usage} />
        </>
      ) : (
        <>
          Usage{' '}
          {asOf.usage ? (
            <>
              as of <DateTime iso={asOf.usage} />
            </>
          ) : (
            'not read from Twilio yet'
          )}
          {' · '}
          Calls and messages{' '}
          {asOf.records ? (
            <>
              as of <DateTime iso={asOf.records} />
            </>
          ) : (
            'not read from Twilio yet'
          )}
        </>
      )}
    </p>
  );
}

/** Whether the blocked note has something to say; before any figures are saved, the empty state says it instead. */
export function showsBlockedNote(summary: CostSummary | null, reach: CostsReach): boolean {
  return reach.offline || (!reach.connected && summary !== null && oldestAsOf(summary.asOf) !== null);
}

/** Offline or not connected: the figures are the saved ones, as of when, and how to update them. */
export function CostsBlockedNote({ summary, reach }: { summary: CostSummary | null; reach: CostsReach }) {
  const online = useOnline();
  const clearOfflineReport = useClearOfflineReport();
  const navigate = useAppStore((state) => state.navigate);
  if (!showsBlockedNote(summary, reach)) return null;
  const asOf = summary && oldestAsOf(summary.asOf);

  const saved = asOf && (
    <>
      These are the figures saved on this computer, as of <DateTime iso={asOf} />.{' '}
    </>
  );
  return (
    <div id={REFRESH_BLOCKED_REASON_ID} className="notice notice-warning costs-blocked" role="status">
      {reach.offline ? (
        <p>
          <strong>Offline.</strong> {saved}Refresh needs a connection to Twilio, so it is off until you are back online.{' '}
          {online && (
            // The system says it is online but Twilio was unreachable: the person decides when to try again.
            <button type="button" className="link-button" onClick={clearOfflineReport}>
              Check again
            </button>
          )}
        </p>
      ) : (
        <p>
          <strong>{summary?.account ? 'This account is not connected.' : 'No Twilio account is connected.'}</strong>{' '}
          {saved}To bring them up to date, connect Twilio in Settings.{' '}
          <button type="button" className="link-button" onClick={() => navigate('settings')}>
            Open Settings
          </button>
        </p>
      )}
    </div>
  );
}

function progressText(progress: CostSyncProgress | null): string {
  const prefix = 'Updating from Twilio…';
  switch (progress?.stage) {
    case undefined:
      return prefix;
    case 'balance':
      return `${prefix} checking your balance`;
    case 'usage':
      return progress.loaded > 0 ? `${prefix} ${countOf(progress.loaded, 'usage record')}` : `${prefix} monthly usage`;
    case 'calls':
      return `${prefix} ${countOf(progress.loaded, 'call record')}`;
    case 'messages':
      return `${prefix} ${countOf(progress.loaded, 'message record')}`;
  }
}

/** A running update with its progress, then what it brought, or why it failed (the saved figures stay shown). */
export function CostsSyncStatus() {
  const sync = useCostsSync();
  const dismiss = sync.dismiss;

  if (sync.running) {
    return <ProgressStatus label="Update progress">{progressText(sync.progress)}</ProgressStatus>;
  }
  if (sync.error) return <ErrorNotice error={sync.error} onDismiss={dismiss} />;
  if (sync.result) {
    const { newCalls, newMessages } = sync.result;
    return (
      <p className="costs-sync-result muted" role="status">
        Up to date with Twilio: {countOf(newCalls, 'new call')} and {countOf(newMessages, 'new message')}.
      </p>
    );
  }
  return null;
}
