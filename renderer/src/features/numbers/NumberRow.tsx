import { memo } from 'react';
import type { OwnedNumber } from '../../../../shared/domain/numbers';
import { CapabilityBadges } from './CapabilityBadges';
import { formatDate } from '../../format-date';
import { formatPhoneNumber, NUMBER_TYPE_LABEL, WEBHOOK_STATE_LABEL } from './format';
import { PriceLabel } from './PriceLabel';

interface NumberRowProps {
  number: OwnedNumber;
  /** 1-based position in the whole table (the header is row 1), for screen readers. */
  rowIndex: number;
  /** Offset from the top of the rows, in pixels. */
  top: number;
  onRelease: (number: OwnedNumber) => void;
  releaseDisabled: boolean;
  releaseDescribedBy: string | undefined;
  typicalNoteId: string | undefined;
}

/** One owned number. Memoized: scrolling re-renders only rows that come into view. */
export const NumberRow = memo(function NumberRow({
  number,
  rowIndex,
  top,
  onRelease,
  releaseDisabled,
  releaseDescribedBy,
  typicalNoteId,
}: NumberRowProps) {
  const formatted = formatPhoneNumber(number.phoneNumber);
  const webhook = WEBHOOK_STATE_LABEL[number.webhookState];
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className="numbers-grid numbers-row"
      style={{ transform: `translateY(${top}px)` }}
      data-testid="number-row"
    >
      <div role="cell" className="numbers-cell numbers-phone">
        <data value={number.phoneNumber} title={number.phoneNumber}>
          {formatted}
        </data>
      </div>
      <div role="cell" className="numbers-cell" title={number.friendlyName}>
        {number.friendlyName}
      </div>
      <div role="cell" className="numbers-cell">
        {NUMBER_TYPE_LABEL[number.type]}
      </div>
      <div role="cell" className="numbers-cell">
        <CapabilityBadges capabilities={number.capabilities} />
      </div>
      <div role="cell" className="numbers-cell">
        <PriceLabel price={number.monthlyPrice} noteId={typicalNoteId} />
      </div>
      <div role="cell" className="numbers-cell" title={webhook.explanation}>
        {webhook.label}
      </div>
      <div role="cell" className="numbers-cell">
        {formatDate(number.dateCreated)}
      </div>
      <div role="cell" className="numbers-cell">
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
