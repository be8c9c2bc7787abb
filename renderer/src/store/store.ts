/**
 * The renderer's state, in zustand slices. The store is created with an api
 * so tests can hand it a fake bridge; components reach it through
 * StoreProvider / useAppStore.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GleamApi } from '../../../shared/ipc/contract';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createNumbersSlice, type NumbersSlice } from './numbers-slice';

export type AppState = ConnectionSlice & NavigationSlice & NumbersSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(api: GleamApi): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(api)(...args),
    ...createNavigationSlice(...args),
    ...createNumbersSlice(api)(...args),
  }));
}
