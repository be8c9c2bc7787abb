import { formatDateTime } from '../lib/format-date';
import { useClearOfflineReport, useOnline } from '../lib/connectivity/use-online';
import { useCheckTwilio } from '../lib/connectivity/use-check-twilio';
import { useNumberList } from '../lib/query/reads';
import { ACTIONS_BLOCKED_REASON_ID, showsDisconnectedNote, type TwilioActions } from '../lib/twilio-actions';
import { useAppStore } from '../store/store-context';
import './actions-blocked-note.css';

/** Offline, unreachable and disconnected notes, in words, with the way out of each. */
export function ActionsBlockedNote({ actions }: { actions: TwilioActions }) {
  const online = useOnline();
  const clearOfflineReport = useClearOfflineReport();
  const navigate = useAppStore((state) => state.navigate);
  const list = useNumberList().data ?? null;
  const hasAccount = list?.account != null;
  const notePresent = showsDisconnectedNote(list);
  const lastSyncedAt = list?.lastSyncedAt ?? null;
  const { checking, checkTwilio } = useCheckTwilio();
  const showDisconnected = actions.disconnected && notePresent;
  if (!actions.offline && !actions.unreachable && !showDisconnected) return null;

  return (
    <div id={ACTIONS_BLOCKED_REASON_ID} className="notice notice-warning numbers-blocked" role="status">
      {actions.offline && (
        <p>
          <strong>Offline — showing the copy saved on this computer.</strong> Buying, syncing, releasing and assigning
          numbers need a connection to Twilio, so they are turned off until you are back online.{' '}
          {online && (
            // The system says it is online but Twilio was unreachable: the person decides when to try again.
            <button type="button" className="link-button" onClick={clearOfflineReport}>
              Check again
            </button>
          )}
        </p>
      )}
      {actions.unreachable && (
        <p>
          <strong>
            Twilio can’t be reached —{' '}
            {lastSyncedAt
              ? `showing the copy from ${formatDateTime(lastSyncedAt)}.`
              : 'showing the copy saved on this computer.'}
          </strong>{' '}
          Your computer is online, but Twilio is not answering. Buying, syncing, releasing and assigning numbers are
          turned off until it does; Gleam keeps trying and turns them back on by itself.{' '}
          <button type="button" className="link-button" disabled={checking} onClick={checkTwilio}>
            {checking ? 'Trying…' : 'Retry now'}
          </button>
        </p>
      )}
      {showDisconnected && (
        <p>
          <strong>{hasAccount ? 'This account is not connected.' : 'No Twilio account is connected.'}</strong> You are
          looking at the history Gleam saved on this computer. To buy, sync, release or assign numbers, connect
          {hasAccount ? ' the account again' : ' Twilio'} in Settings.{' '}
          <button type="button" className="link-button" onClick={() => navigate('settings')}>
            Open Settings
          </button>
        </p>
      )}
    </div>
  );
}
