/**
 * What is on screen, in zustand: where the person is, what they picked, and
 * which dialog is open for what. What main answers (server state) is not
 * here: it is in the query client (lib/query).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createChoicesSlice, type ChoicesSlice } from './choices-slice';
import { createDialogsSlice, type DialogsSlice } from './dialogs-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';

export type AppState = NavigationSlice & DialogsSlice & ChoicesSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createNavigationSlice(...args),
    ...createDialogsSlice(...args),
    ...createChoicesSlice(...args),
  }));
}
