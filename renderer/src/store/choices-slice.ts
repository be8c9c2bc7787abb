/** What the person picked on a screen, and the one-line notice a screen shows until dismissed. */
import type { Month } from '../../../shared/domain/costs';
import type { MonthlyPrice } from '../../../shared/domain/numbers';
import type { Slice } from './slice';

/** What just happened to a number, for a one-line confirmation on the screen. */
export type NumbersNotice =
  | { kind: 'bought'; phoneNumber: string; monthlyPrice: MonthlyPrice | null }
  | { kind: 'released'; phoneNumber: string; alreadyReleased: boolean };

export interface ChoicesSlice {
  /** Rows ticked on the Phone Numbers screen for a bulk action, by SID. */
  numberSelection: ReadonlySet<string>;
  numbersNotice: NumbersNotice | null;
  /** The month the person picked for Costs' By number and By agent; null: main's default, this month. */
  costsMonth: Month | null;
  setNumbersSelected: (sids: readonly string[], selected: boolean) => void;
  clearNumberSelection: () => void;
  showNumbersNotice: (notice: NumbersNotice | null) => void;
  selectCostsMonth: (month: Month) => void;
}

export const createChoicesSlice: Slice<ChoicesSlice> = (set) => ({
  numberSelection: new Set<string>(),
  numbersNotice: null,
  costsMonth: null,
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
  showNumbersNotice: (notice) => set({ numbersNotice: notice }),
  selectCostsMonth: (month) => set({ costsMonth: month }),
});
