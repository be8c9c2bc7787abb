import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { countOf, formatPhoneNumber } from '../../lib/format';
import { filterNumbers, indexNumbers, sortNumbers } from '../numbers/number-query';

/** Kept in step with .picker-row in assignments.css, so rows are placed without measuring. */
const ROW_HEIGHT = 44;

interface NumberPickerProps {
  /** The numbers that can be chosen. */
  candidates: readonly OwnedNumber[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  /** The agent the numbers will go to: a number already with another agent says so. */
  agentId: string;
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * Numbers to tick, with a search box and "Select all shown". The list is
 * virtualized, so an account with 10,000 numbers opens the picker at once.
 */
export function NumberPicker({ candidates, selected, onChange, agentId, searchRef }: NumberPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const scrollRef = useRef<HTMLDivElement>(null);

  const sorted = useMemo(
    () => sortNumbers(indexNumbers(candidates), { key: 'number', direction: 'ascending' }),
    [candidates],
  );
  const shown = useMemo(
    () =>
      filterNumbers(sorted, { text: deferredText, type: 'any', capability: 'any', agent: 'any' }).map(
        (entry) => entry.number,
      ),
    [sorted, deferredText],
  );
  const shownSelected = useMemo(() => shown.filter((number) => selected.has(number.sid)).length, [shown, selected]);
  const allShown = shown.length > 0 && shownSelected === shown.length;

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => shown[index]?.sid ?? index,
    overscan: 8,
    useFlushSync: false,
  });

  const toggle = (sid: string) => {
    const next = new Set(selected);
    if (next.has(sid)) next.delete(sid);
    else next.add(sid);
    onChange(next);
  };

  const toggleAllShown = () => {
    const next = new Set(selected);
    for (const number of shown) {
      if (allShown) next.delete(number.sid);
      else next.add(number.sid);
    }
    onChange(next);
  };

  return (
    <div className="picker">
      <div className="filter-field">
        <label htmlFor={`${id}-search`}>Search numbers</label>
        <input
          ref={searchRef}
          className="input"
          id={`${id}-search`}
          type="search"
          value={text}
          placeholder="Digits or name, such as 415"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="picker-bar">
        <label className="choice">
          <input
            type="checkbox"
            checked={allShown}
            disabled={shown.length === 0}
            ref={(element) => {
              if (element) element.indeterminate = shownSelected > 0 && !allShown;
            }}
            onChange={toggleAllShown}
          />
          Select all shown
        </label>
        <p className="picker-count" role="status">
          {countOf(selected.size, 'number')} selected · showing {shown.length.toLocaleString()} of{' '}
          {candidates.length.toLocaleString()}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="muted">
          {candidates.length === 0 ? 'There are no other numbers to assign.' : 'No numbers match the search.'}
        </p>
      ) : (
        <div
          ref={scrollRef}
          className="picker-list"
          role="group"
          aria-label="Numbers you can assign"
          // Focusable so the list can be scrolled with the keyboard.
          tabIndex={0}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const number = shown[item.index];
              if (!number) return null;
              const elsewhere = number.assignment && number.assignment.agentId !== agentId ? number.assignment : null;
              return (
                <label
                  key={item.key}
                  className="picker-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                  data-testid="picker-row"
                >
                  <input type="checkbox" checked={selected.has(number.sid)} onChange={() => toggle(number.sid)} />
                  <span className="picker-number">{formatPhoneNumber(number.phoneNumber)}</span>
                  <span className="picker-name">{number.friendlyName}</span>
                  {elsewhere && <span className="picker-note">Assigned to {elsewhere.agentName}</span>}
                </label>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
