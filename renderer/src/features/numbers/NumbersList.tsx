import { useCallback, useDeferredValue, useMemo, type Ref } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { useAppStore } from '../../store/store-context';
import { NumberFilters } from './NumberFilters';
import {
  filterNumbers,
  indexNumbers,
  sortNumbers,
  type NumberFilters as Filters,
  type NumberSort,
  type SortKey,
} from './number-query';
import { NumbersTable } from './NumbersTable';
import { TYPICAL_PRICE_NOTE_ID, TypicalPriceNote } from './PriceLabel';
import type { TwilioActions } from './twilio-actions';

interface NumbersListProps {
  numbers: OwnedNumber[];
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
  sort: NumberSort;
  onSortChange: (sort: NumberSort) => void;
  actions: TwilioActions;
  tableRef: Ref<HTMLDivElement>;
}

/**
 * Search, filters and the table. The list is indexed once per load and
 * sorted once per sort change; typing only filters, and reads the text
 * through useDeferredValue so the box never waits for the table.
 */
export function NumbersList({
  numbers,
  filters,
  onFiltersChange,
  sort,
  onSortChange,
  actions,
  tableRef,
}: NumbersListProps) {
  const loading = useAppStore((state) => state.numbers.loading);
  const askRelease = useAppStore((state) => state.askRelease);
  const text = useDeferredValue(filters.text);

  const indexed = useMemo(() => indexNumbers(numbers), [numbers]);
  const sorted = useMemo(() => sortNumbers(indexed, sort), [indexed, sort]);
  const shown = useMemo(
    () =>
      filterNumbers(sorted, { text, type: filters.type, capability: filters.capability }).map((entry) => entry.number),
    [sorted, text, filters.type, filters.capability],
  );
  const hasTypicalPrice = useMemo(() => numbers.some((number) => number.monthlyPrice?.source === 'typical'), [numbers]);

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
      <NumberFilters filters={filters} onChange={onFiltersChange} shown={shown.length} total={numbers.length} />
      {shown.length === 0 ? (
        <p className="empty-state">No numbers match. Try fewer digits, another name, or “All types”.</p>
      ) : (
        <NumbersTable
          numbers={shown}
          sort={sort}
          onSort={toggleSort}
          onRelease={askRelease}
          releaseDisabled={actions.blocked}
          releaseDescribedBy={actions.describedBy}
          typicalNoteId={hasTypicalPrice ? TYPICAL_PRICE_NOTE_ID : undefined}
          busy={loading}
          tableRef={tableRef}
          viewKey={`${text}|${filters.type}|${filters.capability}|${sort.key}|${sort.direction}`}
        />
      )}
      {hasTypicalPrice && <TypicalPriceNote id={TYPICAL_PRICE_NOTE_ID} />}
    </>
  );
}
