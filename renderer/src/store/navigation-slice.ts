import type { HelpTopic } from '../../../shared/errors';
import type { GleamApi } from '../../../shared/ipc/contract';
import type { Slice } from './slice';

export const SCREENS = ['setup', 'numbers', 'agents', 'costs', 'settings', 'help'] as const;
export type Screen = (typeof SCREENS)[number];

export interface NavigationSlice {
  screen: Screen;
  /** The help section to show when the Help screen opens from an error. */
  helpTopic: HelpTopic | null;
  navigate: (screen: Screen) => void;
  openHelp: (topic: HelpTopic) => void;
  /** Opens Help when the application menu's Help item is chosen; returns the unsubscribe. */
  followAppMenu: () => () => void;
}

export const createNavigationSlice =
  (api: GleamApi): Slice<NavigationSlice> =>
  (set) => ({
    screen: 'settings',
    helpTopic: null,
    navigate: (screen) => set({ screen, helpTopic: null }),
    openHelp: (topic) => set({ screen: 'help', helpTopic: topic }),
    followAppMenu: () => api.on('app:showHelp', () => set({ screen: 'help', helpTopic: null })),
  });
