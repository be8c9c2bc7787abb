import { useId } from 'react';
import type { AvailableNumber, MonthlyPrice } from '../../../../shared/domain/numbers';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { BuyNumber } from './use-buy-number';
import { CapabilityBadges } from '../../components/CapabilityBadges';
import { countOf, formatPhoneNumber } from '../../lib/format';
import { PriceLabel, TypicalPriceNote } from '../../components/PriceLabel';
import type { TwilioActions } from '../../lib/twilio-actions';

/** Focus lands here when the chosen number drops out of the offer (Twilio sold it to someone else). */
export const SEARCH_RESULTS_ID = 'number-search-results';

function placeOf(number: AvailableNumber): string {
  return [number.locality, number.region].filter(Boolean).join(', ') || number.isoCountry;
}

/** What Twilio offered for the last search; choosing one opens the purchase confirmation. */
export function SearchResults({ buy, actions }: { buy: BuyNumber; actions: TwilioActions }) {
  const typicalNoteId = useId();
  const {
    result,
    searchError: error,
    searching,
    unavailable,
    purchaseError,
    startPurchase,
    dismissPurchaseError,
  } = buy;

  return (
    <section
      id={SEARCH_RESULTS_ID}
      className="search-results"
      aria-label="Search results"
      aria-busy={searching}
      tabIndex={-1}
    >
      {searching && <p role="status">Asking Twilio for available numbers…</p>}
      {error && <ErrorNotice error={error} />}
      {purchaseError && (
        <div>
          <ErrorNotice error={purchaseError} onDismiss={dismissPurchaseError} />
          <p className="pick-another">Pick another number from these results.</p>
        </div>
      )}
      {result && !searching && result.numbers.length === 0 && (
        <div className="empty-state" role="status">
          <p className="empty-title">Twilio has no numbers that match</p>
          <p>
            Try another area code or city, leave “Number contains” empty, or ask for fewer things the number must
            handle.
          </p>
        </div>
      )}
      {result && result.numbers.length > 0 && (
        <>
          <p role="status" className="results-count">
            {countOf(result.numbers.length, 'number')} found
          </p>
          <ul className="result-list">
            {result.numbers.map((number) => (
              <ResultItem
                key={number.phoneNumber}
                number={number}
                price={result.monthlyPrice}
                typicalNoteId={typicalNoteId}
                available={!unavailable.includes(number.phoneNumber)}
                actions={actions}
                onChoose={() => startPurchase(number)}
              />
            ))}
          </ul>
          {result.monthlyPrice?.source === 'typical' && <TypicalPriceNote id={typicalNoteId} />}
        </>
      )}
    </section>
  );
}

interface ResultItemProps {
  number: AvailableNumber;
  price: MonthlyPrice | null;
  typicalNoteId: string;
  available: boolean;
  actions: TwilioActions;
  onChoose: () => void;
}

function ResultItem({ number, price, typicalNoteId, available, actions, onChoose }: ResultItemProps) {
  const formatted = formatPhoneNumber(number.phoneNumber);
  return (
    <li className={available ? 'result' : 'result result-unavailable'}>
      <div className="result-main">
        <data className="result-number" value={number.phoneNumber} title={number.phoneNumber}>
          {formatted}
        </data>
        <span className="muted">{placeOf(number)}</span>
      </div>
      <CapabilityBadges capabilities={number.capabilities} />
      <span className="result-price">
        <PriceLabel price={price} noteId={typicalNoteId} /> <span className="muted">a month</span>
      </span>
      {/* Always there, even empty, so the columns line up from row to row. */}
      <span className="result-note">{number.addressRequired ? 'Needs an address on file with Twilio' : ''}</span>
      {available ? (
        <button
          type="button"
          className="button button-small"
          aria-label={`Buy ${formatted}…`}
          disabled={actions.blocked}
          aria-describedby={actions.describedBy}
          onClick={onChoose}
        >
          Buy…
        </button>
      ) : (
        <span className="result-gone">No longer available</span>
      )}
    </li>
  );
}
