import type { MonthlyPrice } from '../../../shared/domain/numbers';
import { formatPrice, TYPICAL_PRICE_EXPLANATION } from '../lib/format';
import { Badge } from './Badge';
import './price-label.css';

/** Id of the visible sentence that explains "typical"; labels point to it so screen readers hear it too. */
export const TYPICAL_PRICE_NOTE_ID = 'numbers-typical-price-note';

/** "$1.15", or "$1.15 typical" when Twilio's price could not be fetched. */
export function PriceLabel({ price, noteId }: { price: MonthlyPrice | null; noteId?: string }) {
  if (!price) return <span className="muted">Unknown</span>;
  return (
    <span className="price">
      {formatPrice(price)}
      {price.source === 'typical' && (
        <Badge kind="typical" title={TYPICAL_PRICE_EXPLANATION} describedBy={noteId}>
          typical
        </Badge>
      )}
    </span>
  );
}

/** The visible explanation of "typical", shown once under a list that has any. */
export function TypicalPriceNote({ id }: { id?: string }) {
  return (
    <p id={id} className="field-help">
      <Badge kind="typical">typical</Badge> {TYPICAL_PRICE_EXPLANATION}
    </p>
  );
}
