import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type Ref } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { NumberRow } from './NumberRow';
import type { NumberSort, SortKey } from './number-query';

/** Fixed heights (kept in step with numbers.css) let the virtualizer place rows without measuring them. */
export const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 40;

interface Column {
  label: string;
  /** Shared with the rows' cells, so the narrow layout in numbers.css can place or hide the column. */
  className: string;
  sortKey?: SortKey;
}

const COLUMNS: Column[] = [
  { label: 'Number', className: 'numbers-col-number', sortKey: 'number' },
  { label: 'Name', className: 'numbers-col-name', sortKey: 'friendlyName' },
  { label: 'Type', className: 'numbers-col-type', sortKey: 'type' },
  { label: 'Can do', className: 'numbers-col-capabilities' },
  { label: 'Per month', className: 'numbers-col-price', sortKey: 'price' },
  { label: 'Calls go to', className: 'numbers-col-calls', sortKey: 'webhook' },
  { label: 'Agent', className: 'numbers-col-agent', sortKey: 'agent' },
  { label: 'Added', className: 'numbers-col-added', sortKey: 'dateCreated' },
  { label: 'Actions', className: 'numbers-col-actions' },
];

/** Ticked rows, and the header's "select all shown" box. */
export interface TableSelection {
  selected: ReadonlySet<string>;
  onSelect: (sid: string, selected: boolean) => void;
  /** How many of the shown rows are ticked: all, some or none sets the header box. */
  shownSelected: number;
  onSelectAllShown: (selected: boolean) => void;
}

interface NumbersTableProps {
  numbers: OwnedNumber[];
  sort: NumberSort;
  onSort: (key: SortKey) => void;
  selection: TableSelection;
  onRelease: (number: OwnedNumber) => void;
  releaseDisabled: boolean;
  releaseDescribedBy: string | undefined;
  onFix: (number: OwnedNumber) => void;
  fixDisabled: boolean;
  fixDescribedBy: string | undefined;
  onCheck: (number: OwnedNumber) => void;
  typicalNoteId: string | undefined;
  busy: boolean;
  /** The scrolling table, so focus can land here after a row goes away. */
  tableRef?: Ref<HTMLDivElement>;
  /** Changes when the search, filters or sort change: the view then starts again from the top. */
  viewKey: string;
}

/**
 * The owned numbers as an ARIA table whose rows are virtualized: only the
 * rows in view (plus a few either side) are in the page, so 10,000 numbers
 * scroll as smoothly as 10. Narrower windows get a two-line layout (see
 * numbers.css); below that the header, inside the scroll area, scrolls
 * sideways with the columns.
 */
export function NumbersTable(props: NumbersTableProps) {
  const { numbers, sort, onSort, selection, busy, tableRef, viewKey } = props;
  const scrollRef = useRef<HTMLDivElement | null>(null);

  // A new query shows its first rows; a reload after a release keeps the place.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [viewKey]);

  const virtualizer = useVirtualizer({
    count: numbers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => numbers[index]?.sid ?? index,
    overscan: 8,
    // The header is part of the scrolled content, above the first row.
    scrollMargin: HEADER_HEIGHT,
    // React 19 warns about flushSync during render; a frame's delay while scrolling is not noticeable.
    useFlushSync: false,
  });

  const setScrollElement = (element: HTMLDivElement | null) => {
    scrollRef.current = element;
    if (typeof tableRef === 'function') tableRef(element);
    else if (tableRef) tableRef.current = element;
  };

  const allShown = numbers.length > 0 && selection.shownSelected === numbers.length;

  return (
    <div
      ref={setScrollElement}
      className="numbers-table"
      role="table"
      aria-label="Phone numbers"
      aria-rowcount={numbers.length + 1}
      aria-busy={busy}
      // Focusable so the list can be scrolled with the keyboard.
      tabIndex={0}
      data-testid="numbers-list"
    >
      <div role="rowgroup" className="numbers-table-head">
        <div role="row" aria-rowindex={1} className="numbers-grid numbers-header-row">
          <div role="columnheader" className="numbers-cell numbers-select numbers-col-select">
            <input
              type="checkbox"
              aria-label="Select all shown numbers"
              checked={allShown}
              ref={(element) => {
                if (element) element.indeterminate = selection.shownSelected > 0 && !allShown;
              }}
              onChange={(event) => selection.onSelectAllShown(event.target.checked)}
            />
          </div>
          {COLUMNS.map((column) => (
            <ColumnHeader key={column.label} column={column} sort={sort} onSort={onSort} />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="numbers-table-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const number = numbers[item.index];
          if (!number) return null;
          return (
            <NumberRow
              key={item.key}
              number={number}
              rowIndex={item.index + 2}
              top={item.start - virtualizer.options.scrollMargin}
              selected={selection.selected.has(number.sid)}
              onSelect={selection.onSelect}
              onRelease={props.onRelease}
              releaseDisabled={props.releaseDisabled}
              releaseDescribedBy={props.releaseDescribedBy}
              onFix={props.onFix}
              fixDisabled={props.fixDisabled}
              fixDescribedBy={props.fixDescribedBy}
              onCheck={props.onCheck}
              typicalNoteId={props.typicalNoteId}
            />
          );
        })}
      </div>
    </div>
  );
}

function ColumnHeader({ column, sort, onSort }: { column: Column; sort: NumberSort; onSort: (key: SortKey) => void }) {
  const { sortKey } = column;
  if (!sortKey) {
    return (
      <div role="columnheader" className={`numbers-cell ${column.className}`}>
        {column.label}
      </div>
    );
  }
  const active = sort.key === sortKey;
  return (
    <div
      role="columnheader"
      className={`numbers-cell ${column.className}`}
      aria-sort={active ? sort.direction : 'none'}
    >
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {column.label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </div>
  );
}
