import { useCallback, useDeferredValue, useMemo, type Ref } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { useAgentList, useNumberList } from '../../lib/query/reads';
import { useAppStore } from '../../store/store-context';
import type { AssignmentActions } from '../assignments/use-assignment-actions';
import { BulkToolbar } from './BulkToolbar';
import { NumberFilters } from './NumberFilters';
import {
  filterNumbers,
  indexNumbers,
  sortNumbers,
  type NumberFilters as Filters,
  type NumberSort,
  type SortKey,
} from './number-query';
import { NumbersTable, type TableSelection } from './NumbersTable';
import { TYPICAL_PRICE_NOTE_ID, TypicalPriceNote } from '../../components/PriceLabel';
import type { TwilioActions } from '../../lib/twilio-actions';

interface NumbersListProps {
  numbers: OwnedNumber[];
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
  sort: NumberSort;
  onSortChange: (sort: NumberSort) => void;
  actions: TwilioActions;
  assignmentActions: AssignmentActions;
  onRelease: (number: OwnedNumber) => void;
  tableRef: Ref<HTMLDivElement>;
}

/**
 * Search, filters, the bulk toolbar and the table. The list is indexed once
 * per load and sorted once per sort change; typing only filters, and reads
 * the text through useDeferredValue so the box never waits for the table.
 */
export function NumbersList({
  numbers,
  filters,
  onFiltersChange,
  sort,
  onSortChange,
  actions,
  assignmentActions,
  onRelease,
  tableRef,
}: NumbersListProps) {
  const loading = useNumberList().isFetching;
  const agents = useAgentList().data ?? null;
  const openAssignmentDialog = useAppStore((state) => state.openAssignmentDialog);
  const openDoctor = useAppStore((state) => state.openDoctor);
  const selected = useAppStore((state) => state.numberSelection);
  const setNumbersSelected = useAppStore((state) => state.setNumbersSelected);
  const text = useDeferredValue(filters.text);

  const indexed = useMemo(() => indexNumbers(numbers), [numbers]);
  const sorted = useMemo(() => sortNumbers(indexed, sort), [indexed, sort]);
  const shown = useMemo(
    () =>
      filterNumbers(sorted, { text, type: filters.type, capability: filters.capability, agent: filters.agent }).map(
        (entry) => entry.number,
      ),
    [sorted, text, filters.type, filters.capability, filters.agent],
  );
  const hasTypicalPrice = useMemo(() => numbers.some((number) => number.monthlyPrice?.source === 'typical'), [numbers]);

  // Ticked numbers that are still in the list (a released one drops out).
  const selectedNumbers = useMemo(
    () => (selected.size === 0 ? [] : numbers.filter((number) => selected.has(number.sid))),
    [numbers, selected],
  );
  const shownSelected = useMemo(
    () => (selected.size === 0 ? 0 : shown.reduce((count, number) => count + (selected.has(number.sid) ? 1 : 0), 0)),
    [shown, selected],
  );
  const onSelect = useCallback((sid: string, on: boolean) => setNumbersSelected([sid], on), [setNumbersSelected]);
  const selection: TableSelection = useMemo(
    () => ({
      selected,
      onSelect,
      shownSelected,
      onSelectAllShown: (on) =>
        setNumbersSelected(
          shown.map((number) => number.sid),
          on,
        ),
    }),
    [selected, onSelect, shownSelected, shown, setNumbersSelected],
  );
  const onFix = useCallback(
    (number: OwnedNumber) => openAssignmentDialog({ kind: 'fix', numberSid: number.sid }),
    [openAssignmentDialog],
  );

  const onCheck = useCallback((number: OwnedNumber) => openDoctor(number), [openDoctor]);

  const toggleSort = useCallback(
    (key: SortKey) =>
      onSortChange(
        sort.key === key
          ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
          : { key, direction: 'ascending' },
      ),
    [sort, onSortChange],
  );

  return (
    <>
      <NumberFilters
        agents={agents}
        filters={filters}
        onChange={onFiltersChange}
        shown={shown.length}
        total={numbers.length}
      />
      {selectedNumbers.length > 0 && <BulkToolbar selected={selectedNumbers} actions={assignmentActions} />}
      {shown.length === 0 ? (
        <p className="empty-state">No numbers match. Try fewer digits, another name, “All types” or “Any agent”.</p>
      ) : (
        <NumbersTable
          numbers={shown}
          sort={sort}
          onSort={toggleSort}
          selection={selection}
          onRelease={onRelease}
          releaseDisabled={actions.blocked}
          releaseDescribedBy={actions.describedBy}
          onFix={onFix}
          fixDisabled={assignmentActions.blocked}
          fixDescribedBy={assignmentActions.describedBy}
          onCheck={onCheck}
          typicalNoteId={hasTypicalPrice ? TYPICAL_PRICE_NOTE_ID : undefined}
          busy={loading}
          tableRef={tableRef}
          viewKey={`${text}|${filters.type}|${filters.capability}|${filters.agent}|${sort.key}|${sort.direction}`}
        />
      )}
      {hasTypicalPrice && <TypicalPriceNote id={TYPICAL_PRICE_NOTE_ID} />}
    </>
  );
}
