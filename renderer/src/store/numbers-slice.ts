/**
 * Phone numbers: the owned list (loaded once, then searched and sorted in
 * memory by the screen), sync with Twilio, the Buy Number search, the
 * purchase confirmation, releasing and the activity log.
 *
 * Money rule: main is the authority. The quote main sends with the price
 * carries the confirmation `purchases:buy` needs, bound to that number and
 * price; the renderer sends only its id. A second click, or "Try again" after
 * an error whose outcome is unknown, sends the same confirmation, so main
 * answers with the first purchase instead of buying another number. After a
 * failure that bought nothing (PURCHASE_OUTCOME_UNKNOWN says which) the
 * dialog asks main for a new quote, and "Try again" buys with its
 * confirmation, at the price it shows. Releasing a number takes a
 * confirmation too, asked for when its dialog opens.
 */
import type { AppErrorData, ErrorCode } from '../../../shared/errors';
import {
  purchaseBlocker,
  PURCHASE_OUTCOME_UNKNOWN,
  type ActivityEntry,
  type AvailableNumber,
  type Country,
  type MonthlyPrice,
  type NumberList,
  type NumberType,
  type OwnedNumber,
  type PurchaseQuote,
  type SearchResult,
  type SyncProgress,
  type SyncResult,
} from '../../../shared/domain/numbers';
import type { GleamApi, SearchNumbersInput } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export interface SyncState {
  running: boolean;
  cancelling: boolean;
  /** From `numbers:syncProgress` while running; null until the first event. */
  progress: SyncProgress | null;
  result: SyncResult | null;
  /** The last sync was stopped by the person before it finished. */
  cancelled: boolean;
  error: AppErrorData | null;
}

export interface ActivityState {
  entries: ActivityEntry[] | null;
  loading: boolean;
  error: AppErrorData | null;
}

/** What just happened to a number, for a one-line confirmation on the screen. */
export type NumbersNotice =
  | { kind: 'bought'; phoneNumber: string; monthlyPrice: MonthlyPrice | null }
  | { kind: 'released'; phoneNumber: string; alreadyReleased: boolean };

export interface NumberSearchState {
  countries: Country[] | null;
  countriesError: AppErrorData | null;
  searching: boolean;
  /** What the shown results were searched with; a purchase takes its country and type from here. */
  searchedWith: SearchNumbersInput | null;
  result: SearchResult | null;
  error: AppErrorData | null;
  /** Numbers Twilio refused to sell after the search: still listed, no longer offered. */
  unavailable: string[];
  /** Why the last purchase could not go ahead with that number; the other results stay. */
  purchaseError: AppErrorData | null;
  /** From the latest quote: whether the connected account is a Twilio trial. */
  trialAccount: boolean | null;
}

export interface PurchaseState {
  candidate: AvailableNumber;
  country: string;
  type: NumberType;
  /** Made when the dialog opens, only to tell its answers from those of a dialog opened later. */
  key: string;
  /** The latest quote; its confirmation is what Buy sends. */
  quote: PurchaseQuote | null;
  quoting: boolean;
  quoteError: AppErrorData | null;
  buying: boolean;
  error: AppErrorData | null;
}

export interface ReleaseState {
  target: OwnedNumber;
  /** Main's confirmation for releasing this number, asked for when the dialog opens; null until it answers. */
  confirmationId: string | null;
  preparing: boolean;
  releasing: boolean;
  error: AppErrorData | null;
}

export interface NumbersSlice {
  numbers: {
    list: NumberList | null;
    loading: boolean;
    error: AppErrorData | null;
    sync: SyncState;
    activity: ActivityState;
    /** A call failed with `offline`; cleared by `clearOfflineReport` (the `online` event or "Check again"). */
    offlineReported: boolean;
    notice: NumbersNotice | null;
  };
  numberSearch: NumberSearchState;
  numberPurchase: PurchaseState | null;
  numberRelease: ReleaseState | null;
  /** Rows ticked on the Phone Numbers screen for a bulk action, by SID. */
  numberSelection: ReadonlySet<string>;

  loadNumbers: () => Promise<void>;
  /** Reloads the list whenever main says the local copy changed (its own syncs, settled purchases); returns the unsubscribe. */
  watchNumbers: () => () => void;
  syncNumbers: () => Promise<void>;
  cancelSync: () => Promise<void>;
  loadActivity: () => Promise<void>;
  loadCountries: () => Promise<void>;
  searchAvailableNumbers: (input: SearchNumbersInput) => Promise<void>;
  resetNumberSearch: () => void;
  /** Opens the confirmation for one search result and asks main for its quote. */
  startPurchase: (candidate: AvailableNumber) => Promise<void>;
  retryQuote: () => Promise<void>;
  /** Buys the number in the open confirmation; answers whether it was bought. */
  confirmPurchase: () => Promise<boolean>;
  closePurchase: () => void;
  /** Opens the confirmation for releasing a number and asks main for the confirmation it needs. */
  askRelease: (number: OwnedNumber) => Promise<void>;
  /** Releases the number in the open confirmation; answers whether it is gone. */
  confirmRelease: () => Promise<boolean>;
  closeRelease: () => void;
  clearOfflineReport: () => void;
  /** Another part of the app got an `offline` answer from main. */
  reportOffline: () => void;
  setNumbersSelected: (sids: readonly string[], selected: boolean) => void;
  clearNumberSelection: () => void;
  dismissNumbersNotice: () => void;
  dismissSyncOutcome: () => void;
  dismissPurchaseError: () => void;
}

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

const IDLE_SYNC: SyncState = {
  running: false,
  cancelling: false,
  progress: null,
  result: null,
  cancelled: false,
  error: null,
};

const EMPTY_SEARCH: NumberSearchState = {
  countries: null,
  countriesError: null,
  searching: false,
  searchedWith: null,
  result: null,
  error: null,
  unavailable: [],
  purchaseError: null,
  trialAccount: null,
};

export const createNumbersSlice =
  (api: GleamApi): Slice<NumbersSlice> =>
  (set, get) => {
    type Numbers = NumbersSlice['numbers'];
    const patchNumbers = (patch: Partial<Numbers> | ((numbers: Numbers) => Partial<Numbers>)) =>
      set((state) => ({
        numbers: { ...state.numbers, ...(typeof patch === 'function' ? patch(state.numbers) : patch) },
      }));
    const patchSync = (patch: Partial<SyncState>) =>
      patchNumbers((numbers) => ({ sync: { ...numbers.sync, ...patch } }));
    const patchActivity = (patch: Partial<ActivityState>) =>
      patchNumbers((numbers) => ({ activity: { ...numbers.activity, ...patch } }));
    const patchSearch = (patch: Partial<NumberSearchState>) =>
      set((state) => ({ numberSearch: { ...state.numberSearch, ...patch } }));
    /** Patches the open purchase, but only if it is still the one the answer belongs to. */
    const patchPurchase = (key: string, patch: Partial<PurchaseState>) =>
      set((state) =>
        state.numberPurchase?.key === key ? { numberPurchase: { ...state.numberPurchase, ...patch } } : {},
      );
    /** Patches the open release, but only if it is still for the number the answer is about. */
    const patchRelease = (sid: string, patch: Partial<ReleaseState>) =>
      set((state) =>
        state.numberRelease?.target.sid === sid ? { numberRelease: { ...state.numberRelease, ...patch } } : {},
      );

    const failure = (error: unknown): AppErrorData => failureOf(error, get().reportOffline);

    /** Any answer from Twilio proves the network is back, whatever an earlier call said. */
    const reachedTwilio = () => {
      if (get().numbers.offlineReported) patchNumbers({ offlineReported: false });
    };

    // Answers to an older list request are dropped, so a slow load cannot overwrite a newer one.
    let listRequest = 0;
    let activityRequest = 0;

    const refreshAfterChange = async () => {
      const reloads = [get().loadNumbers()];
      if (get().numbers.activity.entries !== null) reloads.push(get().loadActivity());
      await Promise.all(reloads);
    };

    async function fetchQuote(purchase: PurchaseState): Promise<void> {
      const { key, candidate, country, type } = purchase;
      patchPurchase(key, { quoting: true, quoteError: null });
      try {
        const quote = await api.purchases.quote({ phoneNumber: candidate.phoneNumber, country, type });
        reachedTwilio();
        patchPurchase(key, { quote, quoting: false });
        patchSearch({ trialAccount: quote.trialAccount });
      } catch (error) {
        patchPurchase(key, { quoting: false, quoteError: failure(error) });
      }
    }

    async function fetchReleaseConfirmation(target: OwnedNumber): Promise<string | null> {
      patchRelease(target.sid, { preparing: true });
      try {
        const { confirmation } = await api.purchases.prepareRelease({ sid: target.sid });
        patchRelease(target.sid, { preparing: false, confirmationId: confirmation.id });
        return confirmation.id;
      } catch (error) {
        patchRelease(target.sid, { preparing: false, error: failure(error) });
        return null;
      }
    }

    return {
      numbers: {
        list: null,
        loading: false,
        error: null,
        sync: IDLE_SYNC,
        activity: { entries: null, loading: false, error: null },
        offlineReported: false,
        notice: null,
      },
      numberSearch: EMPTY_SEARCH,
      numberPurchase: null,
      numberRelease: null,
      numberSelection: new Set<string>(),

      watchNumbers: () => api.on('numbers:changed', () => void get().loadNumbers()),

      loadNumbers: async () => {
        const request = ++listRequest;
        patchNumbers({ loading: true, error: null });
        try {
          const list = await api.numbers.list({});
          if (request === listRequest) patchNumbers({ list, loading: false });
        } catch (error) {
          if (request === listRequest) patchNumbers({ loading: false, error: failure(error) });
        }
      },

      syncNumbers: async () => {
        if (get().numbers.sync.running) return;
        patchSync({ ...IDLE_SYNC, running: true });
        const unsubscribe = api.on('numbers:syncProgress', (progress) => {
          if (get().numbers.sync.running) patchSync({ progress });
        });
        try {
          const result = await api.numbers.sync({});
          reachedTwilio();
          patchSync({ running: false, cancelling: false, result });
        } catch (error) {
          const data = failure(error);
          // Stopping on request is not a failure to report.
          if (data.code === 'cancelled') patchSync({ running: false, cancelling: false, cancelled: true });
          else patchSync({ running: false, cancelling: false, error: data });
        } finally {
          unsubscribe();
        }
        await get().loadNumbers();
      },

      cancelSync: async () => {
        if (!get().numbers.sync.running || get().numbers.sync.cancelling) return;
        patchSync({ cancelling: true });
        try {
          await api.numbers.cancelSync({});
        } catch (error) {
          patchSync({ cancelling: false, error: failure(error) });
        }
      },

      loadActivity: async () => {
        const request = ++activityRequest;
        patchActivity({ loading: true, error: null });
        try {
          const { entries } = await api.purchases.activity({});
          if (request === activityRequest) patchActivity({ entries, loading: false });
        } catch (error) {
          if (request === activityRequest) patchActivity({ loading: false, error: failure(error) });
        }
      },

      loadCountries: async () => {
        // The list barely changes, so it is asked for once per session.
        if (get().numberSearch.countries) return;
        patchSearch({ countriesError: null });
        try {
          const { countries } = await api.numbers.countries({});
          patchSearch({ countries });
        } catch (error) {
          patchSearch({ countriesError: failure(error) });
        }
      },

      searchAvailableNumbers: async (input) => {
        if (get().numberSearch.searching) return;
        patchSearch({ searching: true, error: null, purchaseError: null });
        try {
          const result = await api.numbers.search(input);
          reachedTwilio();
          patchSearch({ searching: false, searchedWith: input, result, unavailable: [] });
        } catch (error) {
          patchSearch({ searching: false, error: failure(error), searchedWith: null, result: null, unavailable: [] });
        }
      },

      resetNumberSearch: () =>
        set((state) => ({
          // Countries rarely change; keep them so reopening the panel is instant.
          numberSearch: { ...EMPTY_SEARCH, countries: state.numberSearch.countries },
          numberPurchase: null,
        })),

      startPurchase: async (candidate) => {
        const searchedWith = get().numberSearch.searchedWith;
        if (!searchedWith || get().numberPurchase) return;
        const purchase: PurchaseState = {
          candidate,
          country: searchedWith.country,
          type: searchedWith.type,
          key: crypto.randomUUID(),
          quote: null,
          quoting: true,
          quoteError: null,
          buying: false,
          error: null,
        };
        set({ numberPurchase: purchase });
        patchSearch({ purchaseError: null });
        await fetchQuote(purchase);
      },

      retryQuote: async () => {
        const purchase = get().numberPurchase;
        if (purchase && !purchase.quoting && !purchase.buying) await fetchQuote(purchase);
      },

      confirmPurchase: async () => {
        const purchase = get().numberPurchase;
        // The state changes synchronously below, so a second click already finds `buying` set.
        if (!purchase || purchase.buying || purchase.quoting || !purchase.quote) return false;
        const { confirmation } = purchase.quote;
        if (purchaseBlocker(purchase.quote) || !confirmation) return false;
        const { key, candidate } = purchase;
        patchPurchase(key, { buying: true, error: null });
        try {
          const { number } = await api.purchases.buy({ confirmationId: confirmation.id });
          reachedTwilio();
          // The list is read again before the dialog closes, so the new number is there when it does.
          await refreshAfterChange();
          set((state) => ({
            numberPurchase: null,
            numbers: {
              ...state.numbers,
              notice: { kind: 'bought', phoneNumber: number.phoneNumber, monthlyPrice: number.monthlyPrice },
            },
          }));
          return true;
        } catch (error) {
          const data = failure(error);
          if (NUMBER_SPECIFIC_ERRORS.has(data.code)) {
            set((state) => ({
              numberPurchase: null,
              numberSearch: {
                ...state.numberSearch,
                unavailable: [...state.numberSearch.unavailable, candidate.phoneNumber],
                purchaseError: data,
              },
            }));
          } else {
            patchPurchase(key, { buying: false, error: data });
            // Nothing was bought, and main does not take this confirmation again: a new quote brings a new one,
            // with the price as it is now. After an unknown outcome the same confirmation settles the purchase.
            if (!PURCHASE_OUTCOME_UNKNOWN.has(data.code)) await fetchQuote(purchase);
          }
          // A failed purchase is in the activity log too.
          if (get().numbers.activity.entries !== null) void get().loadActivity();
          return false;
        }
      },

      closePurchase: () => {
        // Closing while the purchase is in flight would hide its outcome; the dialog stays until it settles.
        if (!get().numberPurchase?.buying) set({ numberPurchase: null });
      },

      askRelease: async (number) => {
        set({
          numberRelease: { target: number, confirmationId: null, preparing: true, releasing: false, error: null },
        });
        await fetchReleaseConfirmation(number);
      },

      confirmRelease: async () => {
        const release = get().numberRelease;
        if (!release || release.releasing || release.preparing) return false;
        const { target } = release;
        set({ numberRelease: { ...release, releasing: true, error: null } });
        // "Try again" after a failure: the confirmation that went with it is spent, so ask for another first.
        const confirmationId = release.confirmationId ?? (await fetchReleaseConfirmation(target));
        if (!confirmationId) {
          patchRelease(target.sid, { releasing: false });
          return false;
        }
        try {
          const { alreadyReleased } = await api.purchases.release({ confirmationId });
          reachedTwilio();
          // Read the list before closing, so the row is already gone when focus leaves the dialog.
          await refreshAfterChange();
          set((state) => ({
            numberRelease: null,
            numbers: {
              ...state.numbers,
              notice: { kind: 'released', phoneNumber: target.phoneNumber, alreadyReleased },
            },
          }));
          return true;
        } catch (error) {
          patchRelease(target.sid, { releasing: false, error: failure(error), confirmationId: null });
          return false;
        }
      },

      closeRelease: () => {
        if (!get().numberRelease?.releasing) set({ numberRelease: null });
      },

      clearOfflineReport: () => patchNumbers({ offlineReported: false }),
      reportOffline: () => patchNumbers({ offlineReported: true }),
      setNumbersSelected: (sids, selected) =>
        set((state) => {
          const next = new Set(state.numberSelection);
          for (const sid of sids) {
            if (selected) next.add(sid);
            else next.delete(sid);
          }
          return { numberSelection: next };
        }),
      clearNumberSelection: () => set({ numberSelection: new Set<string>() }),
      dismissNumbersNotice: () => patchNumbers({ notice: null }),
      dismissSyncOutcome: () => patchSync({ result: null, cancelled: false, error: null }),
      dismissPurchaseError: () => patchSearch({ purchaseError: null }),
    };
  };
