import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

/** A slice of the app store that may read and write the whole state. */
export type Slice<T> = StateCreator<AppState, [], [], T>;
