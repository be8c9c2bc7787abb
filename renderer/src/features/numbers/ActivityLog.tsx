import type { ActivityEntry } from '../../../../shared/domain/numbers';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useActivity } from './use-numbers';
import { activityDetailText } from './numbers-text';
import { formatDateTime } from '../../lib/format-date';
import { formatPhoneNumber, formatPrice } from '../../lib/format';

const KIND_LABEL: Record<ActivityEntry['kind'], string> = { purchase: 'Bought', release: 'Released' };
const OUTCOME_LABEL: Record<ActivityEntry['outcome'], string> = {
  succeeded: 'Done',
  failed: 'Failed',
  pending: 'Not confirmed yet',
};

/** Every purchase and release Gleam made, newest as main orders them. */
export function ActivityLog() {
  const { entries, loading, error, reload } = useActivity();
  return (
    <div className="activity" aria-busy={loading}>
      {error && (
        <>
          <ErrorNotice error={error} />
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </>
      )}
      {entries === null && loading && <p role="status">Loading activity…</p>}
      {entries?.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">No activity yet</p>
          <p>Each time you buy or release a number, Gleam writes it down here, including attempts that failed.</p>
        </div>
      )}
      {entries && entries.length > 0 && (
        <div className="activity-scroll">
          <table className="activity-table">
            <caption className="visually-hidden">Purchases and releases</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Number</th>
                <th scope="col">Monthly price</th>
                <th scope="col">Outcome</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>{KIND_LABEL[entry.kind]}</td>
                  <td title={entry.phoneNumber}>{formatPhoneNumber(entry.phoneNumber)}</td>
                  <td>{entry.monthlyPrice ? formatPrice(entry.monthlyPrice) : '—'}</td>
                  <td>
                    <span className={`pill pill-outcome-${entry.outcome}`}>{OUTCOME_LABEL[entry.outcome]}</span>
                  </td>
                  <td>{activityDetailText(entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
