import { useEffect, useRef } from 'react';
import { useConnectedStatus } from '../../lib/query/reads';
import { useBuyNumber } from './use-buy-number';
import { NumberSearchForm } from './NumberSearchForm';
import { PurchaseDialog } from './PurchaseDialog';
import { SearchResults } from './SearchResults';
import type { TwilioActions } from '../../lib/twilio-actions';
import './numbers.css';

interface BuyNumberPanelProps {
  actions: TwilioActions;
  onClose: () => void;
}

/** Search Twilio's available numbers and buy one; closes itself once a number is bought. */
export function BuyNumberPanel({ actions, onClose }: BuyNumberPanelProps) {
  const buy = useBuyNumber();
  const { purchase, reset } = buy;
  const connected = useConnectedStatus();
  const accountIsTrial = buy.trialAccount ?? connected?.account.type === 'Trial';
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // A fresh search next time the panel opens.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the panel goes
  useEffect(() => reset, []);

  return (
    <section className="card buy-panel" aria-labelledby="buy-number-title">
      <div className="buy-panel-header">
        <h2 id="buy-number-title" ref={headingRef} tabIndex={-1}>
          Buy a number
        </h2>
        <button type="button" className="button" onClick={onClose} disabled={buy.buying}>
          Close
        </button>
      </div>
      <p>
        Search the numbers Twilio has for sale. You will see the monthly price and confirm before anything is bought;
        Twilio bills the number to your own Twilio account.
      </p>
      {accountIsTrial && (
        <p className="notice notice-info">
          <strong>Trial account:</strong> Twilio trial accounts can own one phone number. Upgrade in the Twilio Console
          to own more.
        </p>
      )}
      <NumberSearchForm buy={buy} actions={actions} />
      <SearchResults buy={buy} actions={actions} />
      {/* Once bought, back to the list, where the new number now is. */}
      {purchase && (
        <PurchaseDialog
          key={purchase.key}
          buy={buy}
          candidate={purchase.candidate}
          actions={actions}
          onBought={onClose}
        />
      )}
    </section>
  );
}
