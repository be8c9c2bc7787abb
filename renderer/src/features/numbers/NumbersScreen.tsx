import { useCallback, useRef, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/icons';
import { readErrorOf } from '../../lib/query/hooks';
import { useAgentList, useNumberList } from '../../lib/query/reads';
import { useAppStore } from '../../store/store-context';
import { AssignmentDialogs } from '../assignments/AssignmentDialogs';
import { AssignmentJobStatus } from '../assignments/AssignmentJobStatus';
import { useAssignmentActions } from '../assignments/use-assignment-actions';
import { DoctorDialog } from '../doctor/DoctorDialog';
import { AccountSummary } from './AccountSummary';
import { ActivityLog } from './ActivityLog';
import { BuyNumberPanel } from './BuyNumberPanel';
import { NO_FILTERS, type NumberFilters, type NumberSort } from './number-query';
import { NumbersActions } from './NumbersActions';
import { NumbersList } from './NumbersList';
import { NumbersNotice } from './NumbersNotice';
import { ReleaseDialog } from './ReleaseDialog';
import { SyncStatus } from './SyncStatus';
import { ScreenTabs, type NumbersTab } from './ScreenTabs';
import { ActionsBlockedNote } from '../../components/ActionsBlockedNote';
import { useTwilioActions } from '../../lib/twilio-actions';
import { useReleaseNumber } from './use-release-number';
import './numbers.css';

const DEFAULT_SORT: NumberSort = { key: 'number', direction: 'ascending' };

/**
 * Phone Numbers: the owned list (from the local copy, so it works offline) with each number's agent, sync,
 * buy, release, bulk assign/unassign and activity.
 */
export function NumbersScreen() {
  const numbers = useNumberList();
  const list = numbers.data ?? null;
  const loading = numbers.isFetching;
  const loadError = readErrorOf(numbers);
  const releasing = useReleaseNumber();
  const actions = useTwilioActions();
  const assignmentActions = useAssignmentActions();
  const [tab, setTab] = useState<NumbersTab>('numbers');
  const [buyOpen, setBuyOpen] = useState(false);
  // Kept here, not in the list, so they survive a visit to the Activity tab.
  const [filters, setFilters] = useState<NumberFilters>(NO_FILTERS);
  const [sort, setSort] = useState<NumberSort>(DEFAULT_SORT);
  const buyButtonRef = useRef<HTMLButtonElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Agents name the Agent column's filter and are the choices for "Assign to agent…".
  useAgentList();
  const focusList = useCallback(() => tableRef.current ?? headingRef.current, []);

  const closeBuy = useCallback(() => {
    setBuyOpen(false);
    // After the panel is gone; the button may also have moved (an empty list became a list).
    requestAnimationFrame(() => buyButtonRef.current?.focus());
  }, []);

  const hasAccount = list?.account != null;
  const hasNumbers = (list?.numbers.length ?? 0) > 0;
  const actionButtons = (
    <NumbersActions actions={actions} buyOpen={buyOpen} onBuy={() => setBuyOpen(true)} buyButtonRef={buyButtonRef} />
  );

  return (
    <section className="screen numbers-screen" aria-labelledby="screen-title">
      <div className="numbers-header">
        <h1 id="screen-title" ref={headingRef} tabIndex={-1}>
          Phone Numbers
        </h1>
        {/* Without numbers, the empty list offers these same two buttons itself. */}
        {hasAccount && (hasNumbers || tab === 'activity') && actionButtons}
      </div>
      {list && <AccountSummary list={list} />}
      <ActionsBlockedNote actions={actions} />
      <NumbersNotice />
      <SyncStatus />
      <AssignmentJobStatus />
      {buyOpen && <BuyNumberPanel actions={actions} onClose={closeBuy} />}

      {list === null && loading && (
        <p role="status" aria-busy="true">
          Loading your numbers…
        </p>
      )}
      {loadError && (
        <div>
          <ErrorNotice error={loadError} />
          <button type="button" className="button" onClick={() => void numbers.refetch()}>
            Try again
          </button>
        </div>
      )}
      {list && !hasAccount && !hasNumbers && <ConnectPrompt />}
      {list && (hasAccount || hasNumbers) && (
        <ScreenTabs tab={tab} onChange={setTab}>
          {tab === 'activity' ? (
            <ActivityLog />
          ) : hasNumbers ? (
            <NumbersList
              numbers={list.numbers}
              filters={filters}
              onFiltersChange={setFilters}
              sort={sort}
              onSortChange={setSort}
              actions={actions}
              assignmentActions={assignmentActions}
              onRelease={releasing.askRelease}
              tableRef={tableRef}
            />
          ) : (
            <div className="empty-state">
              <Icon name="phone" size={40} />
              <p className="empty-title">No phone numbers yet</p>
              <p>Buy a number from Twilio, or sync to bring in the numbers this Twilio account already has.</p>
              {actionButtons}
            </div>
          )}
        </ScreenTabs>
      )}
      {releasing.release && (
        <ReleaseDialog
          key={releasing.release.key}
          releasing={releasing}
          target={releasing.release.number}
          actions={actions}
          fallbackFocus={focusList}
        />
      )}
      <AssignmentDialogs fallbackFocus={focusList} />
      <DoctorDialog fallbackFocus={focusList} />
    </section>
  );
}

function ConnectPrompt() {
  const navigate = useAppStore((state) => state.navigate);
  return (
    <div className="empty-state">
      <Icon name="phone" size={40} />
      <p className="empty-title">Connect Twilio first</p>
      <p>Gleam buys and manages numbers in your own Twilio account. Connect it in Settings to see your numbers here.</p>
      <button type="button" className="button button-primary" onClick={() => navigate('settings')}>
        Connect Twilio in Settings
      </button>
    </div>
  );
}
