/**
 * The renderer's state, in zustand slices. The store is created with an api
 * so tests can hand it a fake bridge; components reach it through
 * StoreProvider / useAppStore.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GleamApi } from '../../../shared/ipc/contract';
import { createA2pSlice, type A2pSlice } from './a2p-slice';
import { createAgentsSlice, type AgentsSlice } from './agents-slice';
import { createAssignmentsSlice, type AssignmentsSlice } from './assignments-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createCostsSlice, type CostsSlice } from './costs-slice';
import { createDoctorSlice, type DoctorSlice } from './doctor-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createNumbersSlice, type NumbersSlice } from './numbers-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSetupSlice, type SetupSlice } from './setup-slice';

export type AppState = ConnectionSlice &
  NavigationSlice &
  NumbersSlice &
  AgentsSlice &
  AssignmentsSlice &
  SettingsSlice &
  CostsSlice &
  DoctorSlice &
  A2pSlice &
  SetupSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(api: GleamApi): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(api)(...args),
    ...createNavigationSlice(api)(...args),
    ...createNumbersSlice(api)(...args),
    ...createAgentsSlice(api)(...args),
    ...createAssignmentsSlice(api)(...args),
    ...createSettingsSlice(api)(...args),
    ...createCostsSlice(api)(...args),
    ...createDoctorSlice(api)(...args),
    ...createA2pSlice(api)(...args),
    ...createSetupSlice(api)(...args),
  }));
}
