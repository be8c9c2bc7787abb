import type { NumberList } from '../../../../shared/domain/numbers';
import { formatDateTime } from '../../lib/format-date';
import { formatRelativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';

/** Whose numbers these are and how fresh the copy is. */
export function AccountSummary({ list }: { list: NumberList }) {
  const now = useNow();
  const { account, lastSyncedAt } = list;
  if (!account) return null;
  return (
    <p className="numbers-account muted">
      <strong className="numbers-account-name">{account.friendlyName}</strong> ({account.sidMask}){' · '}
      {lastSyncedAt ? (
        <time dateTime={lastSyncedAt} title={formatDateTime(lastSyncedAt)}>
          Last synced {formatRelativeTime(lastSyncedAt, now)}
        </time>
      ) : (
        <span>Not synced with Twilio yet</span>
      )}
    </p>
  );
}
