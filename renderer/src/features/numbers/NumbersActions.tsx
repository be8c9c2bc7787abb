import type { Ref } from 'react';
import { useNumbersSync } from './use-numbers';
import type { TwilioActions } from '../../lib/twilio-actions';
import './numbers.css';

interface NumbersActionsProps {
  actions: TwilioActions;
  onBuy: () => void;
  buyOpen: boolean;
  buyButtonRef?: Ref<HTMLButtonElement>;
}

/** Buy Number and Sync with Twilio: both change or read the Twilio account, so both need it reachable. */
export function NumbersActions({ actions, onBuy, buyOpen, buyButtonRef }: NumbersActionsProps) {
  const sync = useNumbersSync();
  const syncing = sync.running;
  return (
    <div className="numbers-actions">
      <button
        ref={buyButtonRef}
        type="button"
        className="button button-primary"
        disabled={actions.blocked || buyOpen}
        aria-describedby={actions.describedBy}
        onClick={onBuy}
      >
        Buy Number
      </button>
      <button
        type="button"
        className="button"
        disabled={actions.blocked || syncing}
        aria-describedby={actions.describedBy}
        onClick={sync.run}
      >
        {syncing ? 'Syncing…' : 'Sync with Twilio'}
      </button>
    </div>
  );
}
