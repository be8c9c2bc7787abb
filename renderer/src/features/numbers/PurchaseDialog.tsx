import { useId } from 'react';
import { purchaseBlocker, type AvailableNumber, type PurchaseQuote } from '../../../../shared/domain/numbers';
import { Badge } from '../../components/Badge';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { BuyNumber } from './use-buy-number';
import { formatPhoneNumber, formatPrice, TYPICAL_PRICE_EXPLANATION } from '../../lib/format';
import { Modal } from '../../components/Modal';
import { SEARCH_RESULTS_ID } from './SearchResults';
import type { TwilioActions } from '../../lib/twilio-actions';
import { balanceMissingText } from './numbers-text';

/**
 * The last step before money is spent: the number, what Twilio will bill
 * every month, the balance, and anything that rules the purchase out —
 * said before the Buy button, not after a failed attempt.
 */
interface PurchaseDialogProps {
  buy: BuyNumber;
  candidate: AvailableNumber;
  actions: TwilioActions;
  onBought: () => void;
}

export function PurchaseDialog({ buy: purchase, candidate, actions, onBought }: PurchaseDialogProps) {
  const id = useId();
  const { confirmPurchase, closePurchase, retryQuote, quote, quoting, quoteError, buying, buyError: error } = purchase;
  const formatted = formatPhoneNumber(candidate.phoneNumber);
  const blocker = quote ? purchaseBlocker(quote) : null;
  const blockerId = `${id}-blocker`;
  const buy = () => confirmPurchase(onBought);
  const offlineId = `${id}-offline`;

  return (
    <Modal
      title={`Buy ${formatted}?`}
      onCancel={closePurchase}
      busy={buying}
      fallbackFocus={() => document.getElementById(SEARCH_RESULTS_ID)}
      confirm={{
        label: buying ? 'Buying…' : error ? 'Try again' : 'Buy number',
        onConfirm: buy,
        // No confirmation from main, no purchase: it comes with the quote, for this number at this price.
        disabled: buying || quoting || !quote?.confirmation || blocker !== null || actions.offline,
        describedBy: blocker ? blockerId : actions.offline ? offlineId : undefined,
      }}
    >
      <p>
        <data value={candidate.phoneNumber} title={candidate.phoneNumber}>
          <strong>{formatted}</strong>
        </data>
        {candidate.locality || candidate.region
          ? ` — ${[candidate.locality, candidate.region].filter(Boolean).join(', ')}`
          : ''}
      </p>
      {quoting && (
        <p role="status" aria-busy="true">
          Checking the price and your Twilio balance…
        </p>
      )}
      {quoteError && (
        <>
          <ErrorNotice error={quoteError} />
          <button type="button" className="button" onClick={retryQuote}>
            Check the price again
          </button>
        </>
      )}
      {quote && <QuoteDetails quote={quote} />}
      {quote && blocker && <BlockerNotice id={blockerId} quote={quote} />}
      {quote?.trialAccount && !blocker && (
        <p className="notice notice-info">
          This is a Twilio trial account. A trial account can own only one number, so this would be it.
        </p>
      )}
      {candidate.addressRequired && (
        <p className="notice notice-info">
          Twilio needs an address on file before it sells this number. If you have not added one in the Twilio Console,
          Twilio may refuse the purchase.
        </p>
      )}
      {actions.offline && (
        <p id={offlineId} className="notice notice-warning">
          Offline — buying needs a connection to Twilio. Try again when you are back online.
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </Modal>
  );
}

function QuoteDetails({ quote }: { quote: PurchaseQuote }) {
  const price = quote.monthlyPrice;
  return (
    <>
      <dl className="facts quote-facts">
        <div>
          <dt>Monthly price</dt>
          <dd>
            {price ? formatPrice(price) : 'Unknown'}
            {price?.source === 'typical' && (
              <Badge kind="typical" title={TYPICAL_PRICE_EXPLANATION}>
                typical
              </Badge>
            )}
          </dd>
        </div>
        <div>
          <dt>Your Twilio balance</dt>
          <dd>{quote.balance ? formatPrice(quote.balance) : balanceMissingText(quote.balanceUnknown)}</dd>
        </div>
      </dl>
      {price?.source === 'typical' && <p className="field-help">{TYPICAL_PRICE_EXPLANATION}</p>}
      <p className="billing-statement">
        <strong>
          Twilio bills {price ? formatPrice(price) : 'the monthly price'} to your Twilio account every month until you
          release the number.
        </strong>{' '}
        This is separate from any Gleam subscription.
      </p>
    </>
  );
}

function BlockerNotice({ id, quote }: { id: string; quote: PurchaseQuote }) {
  if (quote.balanceSufficient === false) {
    const balance = quote.balance ? ` (${formatPrice(quote.balance)})` : '';
    return (
      <div id={id} className="notice notice-warning" role="alert">
        <strong>Your Twilio balance{balance} is too low to buy this number.</strong> Add funds in the Twilio Console
        under Billing, then try again. Nothing has been bought.
      </div>
    );
  }
  return (
    <div id={id} className="notice notice-warning" role="alert">
      <strong>A Twilio trial account can own only one phone number, and this account already has one.</strong> Upgrade
      the account in the Twilio Console to buy more. Nothing has been bought.
    </div>
  );
}
