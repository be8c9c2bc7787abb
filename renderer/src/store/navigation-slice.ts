import type { HelpTopic } from '../../../shared/errors';
import type { Slice } from './slice';

export const SCREENS = ['setup', 'numbers', 'agents', 'costs', 'settings', 'help'] as const;
export type Screen = (typeof SCREENS)[number];

/** Which part of the Agents screen is open. */
export type AgentsView =
  { kind: 'list' } | { kind: 'detail'; agentId: string } | { kind: 'edit'; agentId: string | null };

export interface NavigationSlice {
  screen: Screen;
  /** The help section to show when the Help screen opens from an error. */
  helpTopic: HelpTopic | null;
  agentsView: AgentsView;
  navigate: (screen: Screen) => void;
  openHelp: (topic: HelpTopic) => void;
  /** Help, at a topic or at its start (the application menu's Help item). */
  showHelp: (topic: HelpTopic | null) => void;
  showAgents: (view: AgentsView) => void;
}

export const createNavigationSlice: Slice<NavigationSlice> = (set) => ({
  screen: 'settings',
  helpTopic: null,
  agentsView: { kind: 'list' },
  navigate: (screen) => set({ screen, helpTopic: null }),
  openHelp: (topic) => set({ screen: 'help', helpTopic: topic }),
  showHelp: (topic) => set({ screen: 'help', helpTopic: topic }),
  showAgents: (view) => set({ agentsView: view }),
});
