import { useEffect, useId, useRef } from 'react';
import type { CostSummary } from '../../../../shared/domain/costs';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/icons';
import { useConnectionStatus } from '../../lib/query/reads';
import { useAppStore } from '../../store/store-context';
import { useTwilioOffline } from '../../lib/connectivity/use-online';
import { CostsChart } from './CostsChart';
import {
  AsOfLine,
  CostsBlockedNote,
  CostsSyncStatus,
  oldestAsOf,
  REFRESH_BLOCKED_REASON_ID,
  showsBlockedNote,
  type CostsReach,
} from './CostsStatus';
import { MonthDetail } from './MonthDetail';
import { MonthTable } from './MonthTable';
import { SummaryCards } from './SummaryCards';
import { useCostSummary, useCostsSync } from './use-costs';
import './costs.css';

/**
 * Costs: the figures main saved from Twilio, shown at once (so offline too),
 * then brought up to date from Twilio when it can be reached.
 */
export function CostsScreen() {
  const { summary, loading, loadError, reload } = useCostSummary();
  const sync = useCostsSync();
  const syncing = sync.running;
  const syncCosts = sync.run;
  const offline = useTwilioOffline();
  const connected = useConnectionStatus().data?.state === 'connected';
  const reach: CostsReach = { offline, connected };
  const canSync = reach.connected && !reach.offline;
  const autoSynced = useRef(false);

  // Once per visit, as soon as Twilio can be reached (also when the network comes back while the screen is open).
  useEffect(() => {
    if (!canSync || autoSynced.current) return;
    autoSynced.current = true;
    syncCosts();
  }, [canSync, syncCosts]);

  return (
    <section className="screen costs-screen" aria-labelledby="screen-title">
      <div className="costs-header">
        <h1 id="screen-title">Costs</h1>
        <button
          type="button"
          className="button"
          disabled={!canSync || syncing}
          aria-describedby={!canSync && showsBlockedNote(summary, reach) ? REFRESH_BLOCKED_REASON_ID : undefined}
          onClick={syncCosts}
        >
          Refresh
        </button>
      </div>
      {summary && <AsOfLine summary={summary} />}
      <CostsBlockedNote summary={summary} reach={reach} />
      <CostsSyncStatus />

      {summary === null && loading && (
        <p role="status" aria-busy="true">
          Loading your costs…
        </p>
      )}
      {loadError && (
        <div>
          <ErrorNotice error={loadError} />
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {summary &&
        (oldestAsOf(summary.asOf) === null ? (
          <NoFiguresYet reach={reach} syncing={syncing} />
        ) : (
          <CostFigures summary={summary} />
        ))}
    </section>
  );
}

function CostFigures({ summary }: { summary: CostSummary }) {
  const historyTitleId = useId();
  return (
    <>
      <SummaryCards summary={summary} />
      <section className="card costs-history" aria-labelledby={historyTitleId}>
        <h2 id={historyTitleId}>Last 12 months</h2>
        <CostsChart months={summary.months} currency={summary.currency} />
        <MonthTable months={summary.months} currency={summary.currency} />
      </section>
      <MonthDetail summary={summary} />
    </>
  );
}

/** Before the first update from Twilio: what will appear, and what it takes. */
function NoFiguresYet({ reach, syncing }: { reach: CostsReach; syncing: boolean }) {
  const navigate = useAppStore((state) => state.navigate);
  return (
    <div className="empty-state">
      <Icon name="costs" size={40} />
      <p className="empty-title">No cost figures yet</p>
      <p>
        Once Gleam has read your usage from Twilio, this screen shows what this month has cost so far and where it is
        heading, your balance, your numbers’ monthly fees, the last 12 months as a chart, and the calls, texts and costs
        of each number and agent. Gleam keeps a copy, so you can see them offline too.
      </p>
      {!reach.connected ? (
        <>
          <p>Connect your Twilio account first.</p>
          <button type="button" className="button button-primary" onClick={() => navigate('settings')}>
            Connect Twilio in Settings
          </button>
        </>
      ) : reach.offline ? (
        <p>Gleam will read them when you are back online.</p>
      ) : (
        syncing && <p>Gleam is reading them from Twilio now.</p>
      )}
    </div>
  );
}
