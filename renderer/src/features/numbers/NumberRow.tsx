import { memo } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { AssignmentBadge, InactiveAgentBadge } from '../assignments/AssignmentBadge';
import { needsAttention } from '../assignments/assignment-text';
import { CapabilityBadges } from '../../components/CapabilityBadges';
import { formatDate } from '../../lib/format-date';
import { callsGoTo, formatPhoneNumber, NUMBER_TYPE_LABEL } from '../../lib/format';
import { PriceLabel } from '../../components/PriceLabel';

interface NumberRowProps {
  number: OwnedNumber;
  /** 1-based position in the whole table (the header is row 1), for screen readers. */
  rowIndex: number;
  /** Offset from the top of the rows, in pixels. */
  top: number;
  selected: boolean;
  onSelect: (sid: string, selected: boolean) => void;
  onRelease: (number: OwnedNumber) => void;
  releaseDisabled: boolean;
  releaseDescribedBy: string | undefined;
  onFix: (number: OwnedNumber) => void;
  fixDisabled: boolean;
  fixDescribedBy: string | undefined;
  /** Opens "Why isn't this number working?"; always offered, since offline the local copy still answers. */
  onCheck: (number: OwnedNumber) => void;
  typicalNoteId: string | undefined;
}

/** One owned number. Memoized: scrolling or ticking a box re-renders only the rows that changed. */
export const NumberRow = memo(function NumberRow({
  number,
  rowIndex,
  top,
  selected,
  onSelect,
  onRelease,
  releaseDisabled,
  releaseDescribedBy,
  onFix,
  fixDisabled,
  fixDescribedBy,
  onCheck,
  typicalNoteId,
}: NumberRowProps) {
  const formatted = formatPhoneNumber(number.phoneNumber);
  const { assignment } = number;
  const webhook = callsGoTo(number);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={selected ? 'numbers-grid numbers-row numbers-row-selected' : 'numbers-grid numbers-row'}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="number-row"
    >
      <div role="cell" className="numbers-cell numbers-select numbers-col-select">
        <input
          type="checkbox"
          aria-label={`Select ${formatted}`}
          checked={selected}
          onChange={(event) => onSelect(number.sid, event.target.checked)}
        />
      </div>
      <div role="cell" className="numbers-cell numbers-phone numbers-col-number">
        <data value={number.phoneNumber} title={number.phoneNumber}>
          {formatted}
        </data>
      </div>
      <div role="cell" className="numbers-cell numbers-col-name" title={number.friendlyName}>
        {number.friendlyName}
      </div>
      <div role="cell" className="numbers-cell numbers-col-type">
        {NUMBER_TYPE_LABEL[number.type]}
      </div>
      <div role="cell" className="numbers-cell numbers-col-capabilities">
        <CapabilityBadges capabilities={number.capabilities} inMessagingService={number.inMessagingService} />
      </div>
      <div role="cell" className="numbers-cell numbers-col-price">
        <PriceLabel price={number.monthlyPrice} noteId={typicalNoteId} />
      </div>
      <div role="cell" className="numbers-cell numbers-col-calls" title={webhook.explanation}>
        {webhook.label}
      </div>
      <div role="cell" className="numbers-cell numbers-agent numbers-col-agent">
        {assignment ? (
          <>
            <span className="numbers-agent-name" title={assignment.agentName}>
              {assignment.agentName}
            </span>
            <AssignmentBadge assignment={assignment} />
            <InactiveAgentBadge assignment={assignment} />
          </>
        ) : (
          <>
            <span className="muted" aria-hidden="true">
              —
            </span>
            <span className="visually-hidden">No agent</span>
          </>
        )}
      </div>
      <div role="cell" className="numbers-cell numbers-col-added">
        {formatDate(number.dateCreated)}
      </div>
      <div role="cell" className="numbers-cell numbers-row-actions numbers-col-actions">
        <button
          type="button"
          className="button button-small"
          aria-label={`Check ${formatted}`}
          title="Why isn't this number working?"
          onClick={() => onCheck(number)}
        >
          Check
        </button>
        {needsAttention(assignment) && (
          <button
            type="button"
            className="button button-small"
            aria-label={`Fix ${formatted}…`}
            disabled={fixDisabled}
            aria-describedby={fixDescribedBy}
            onClick={() => onFix(number)}
          >
            Fix…
          </button>
        )}
        <button
          type="button"
          className="button button-small button-danger-outline"
          aria-label={`Release ${formatted}…`}
          disabled={releaseDisabled}
          aria-describedby={releaseDescribedBy}
          onClick={() => onRelease(number)}
        >
          Release…
        </button>
      </div>
    </div>
  );
});
