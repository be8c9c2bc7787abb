/**
 * The Buy Number panel: the search, and the purchase confirmation of one of
 * its results.
 *
 * Money rule: main is the authority. The quote main sends with the price
 * carries the confirmation `purchases:buy` needs, bound to that number and
 * price; the renderer sends only its id. A second click, or "Try again" after
 * an error whose outcome is unknown, sends the same confirmation, so main
 * answers with the first purchase instead of buying another number. After a
 * failure that bought nothing (PURCHASE_OUTCOME_UNKNOWN says which) the
 * dialog asks main for a new quote, and "Try again" buys with its
 * confirmation, at the price it shows.
 *
 * Answers belong to the opening of the dialog they were asked for (its key):
 * an answer for a dialog that was closed or replaced is dropped.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppErrorData, ErrorCode } from '../../../../shared/errors';
import {
  purchaseBlocker,
  PURCHASE_OUTCOME_UNKNOWN,
  type AvailableNumber,
  type PurchaseQuote,
  type SearchResult,
} from '../../../../shared/domain/numbers';
import type { SearchNumbersInput } from '../../../../shared/ipc/contract';
import { asErrorData, errorDataOf } from '../../lib/errors';
import { useApi } from '../../lib/query/app-services';
import { useChannelMutation } from '../../lib/query/hooks';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { refreshAfterChange } from './use-numbers';

/**
 * Buy errors that are about this particular number: trying it again cannot
 * work, so the dialog closes and the person picks another result.
 */
const NUMBER_SPECIFIC_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'number_not_available',
  'number_invalid',
  'no_numbers_in_area',
  'invalid_area_code',
]);

interface Found {
  /** What the shown results were searched with; a purchase takes its country and type from here. */
  searchedWith: SearchNumbersInput;
  result: SearchResult;
}

interface Buying {
  confirmationId: string;
  /** The dialog the purchase was made from. */
  key: string;
}

export function useBuyNumber() {
  const api = useApi();
  const client = useQueryClient();
  const store = useAppStoreApi();
  const purchase = useAppStore((state) => state.numberPurchase);
  const isOpen = (key: string) => store.getState().numberPurchase?.key === key;

  const [found, setFound] = useState<Found | null>(null);
  /** Numbers Twilio refused to sell after the search: still listed, no longer offered. */
  const [unavailable, setUnavailable] = useState<string[]>([]);
  /** Why the last purchase could not go ahead with that number; the other results stay. */
  const [purchaseError, setPurchaseError] = useState<AppErrorData | null>(null);
  /** From the latest quote: whether the connected account is a Twilio trial. */
  const [trialAccount, setTrialAccount] = useState<boolean | null>(null);
  /** The latest quote of the open dialog; its confirmation is what Buy sends. It stays while a new one is asked for. */
  const [quote, setQuote] = useState<PurchaseQuote | null>(null);

  const search = useChannelMutation('numbers:search');
  const quoting = useChannelMutation('purchases:quote');
  const buying = useMutation({
    mutationKey: ['purchases:buy'],
    mutationFn: ({ confirmationId }: Buying) => api.purchases.buy({ confirmationId }),
    // Wherever the person is by then: the list is read again, then the dialog closes and the notice says so.
    onSuccess: async ({ number }, { key }) => {
      await refreshAfterChange(client);
      if (isOpen(key)) store.getState().closeDialog('numberPurchase');
      store.getState().showNumbersNotice({
        kind: 'bought',
        phoneNumber: number.phoneNumber,
        monthlyPrice: number.monthlyPrice,
      });
    },
    // A failed purchase is in the activity log too.
    onError: () => client.invalidateQueries({ queryKey: ['purchases:activity'] }),
  });

  const askQuote = (key: string, input: { phoneNumber: string; country: string; type: SearchNumbersInput['type'] }) =>
    quoting.mutate(input, {
      onSuccess: (answer) => {
        if (!isOpen(key)) return;
        setQuote(answer);
        setTrialAccount(answer.trialAccount);
      },
    });

  const forget = () => {
    setQuote(null);
    quoting.reset();
    buying.reset();
  };

  return {
    searching: search.isPending,
    searchError: errorDataOf(search.error),
    result: found?.result ?? null,
    unavailable,
    purchaseError,
    trialAccount,
    purchase,
    quote,
    quoting: quoting.isPending,
    quoteError: errorDataOf(quoting.error),
    buying: buying.isPending,
    buyError: errorDataOf(buying.error),

    searchNumbers: (input: SearchNumbersInput) => {
      if (search.isPending) return;
      setPurchaseError(null);
      search.mutate(input, {
        onSuccess: (result) => {
          setFound({ searchedWith: input, result });
          setUnavailable([]);
        },
        onError: () => {
          setFound(null);
          setUnavailable([]);
        },
      });
    },

    /** Opens the confirmation for one search result and asks main for its quote. */
    startPurchase: (candidate: AvailableNumber) => {
      if (!found || store.getState().numberPurchase) return;
      const { country, type } = found.searchedWith;
      forget();
      const target = store.getState().openPurchase({ candidate, country, type });
      setPurchaseError(null);
      askQuote(target.key, { phoneNumber: candidate.phoneNumber, country, type });
    },

    retryQuote: () => {
      if (!purchase || quoting.isPending || buying.isPending) return;
      const { candidate, country, type, key } = purchase;
      askQuote(key, { phoneNumber: candidate.phoneNumber, country, type });
    },

    /** Buys the number in the open confirmation; `onBought` once it is bought. */
    confirmPurchase: (onBought: () => void) => {
      // The purchase is marked as under way as it starts, so a second click already finds it.
      if (!purchase || client.isMutating({ mutationKey: ['purchases:buy'] }) > 0 || quoting.isPending || !quote) return;
      const { confirmation } = quote;
      if (purchaseBlocker(quote) || !confirmation) return;
      const { key, candidate, country, type } = purchase;
      buying.mutate(
        { confirmationId: confirmation.id, key },
        {
          onSuccess: onBought,
          onError: (error) => {
            if (!isOpen(key)) return;
            const data = asErrorData(error);
            if (NUMBER_SPECIFIC_ERRORS.has(data.code)) {
              store.getState().closeDialog('numberPurchase');
              forget();
              setUnavailable((current) => [...current, candidate.phoneNumber]);
              setPurchaseError(data);
            } else if (!PURCHASE_OUTCOME_UNKNOWN.has(data.code)) {
              // Nothing was bought, and main does not take this confirmation again: a new quote brings a new one,
              // with the price as it is now. After an unknown outcome the same confirmation settles the purchase.
              askQuote(key, { phoneNumber: candidate.phoneNumber, country, type });
            }
          },
        },
      );
    },

    closePurchase: () => {
      // Closing while the purchase is in flight would hide its outcome; the dialog stays until it settles.
      if (client.isMutating({ mutationKey: ['purchases:buy'] }) > 0) return;
      store.getState().closeDialog('numberPurchase');
      forget();
    },

    dismissPurchaseError: () => setPurchaseError(null),

    /** When the panel goes: a fresh search next time it opens (a purchase under way still settles, and says so). */
    reset: () => store.getState().closeDialog('numberPurchase'),
  };
}

export type BuyNumber = ReturnType<typeof useBuyNumber>;
