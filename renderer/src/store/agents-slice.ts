/**
 * Agents: the list (kept current by main's `agents:changed` event), which
 * part of the Agents screen is open, and saving an agent. Deleting one is an
 * assignment job (its numbers are unassigned first): see assignments-slice.
 */
import type { AppErrorData } from '../../../shared/errors';
import type { Agent, AgentDraft } from '../../../shared/domain/agents';
import type { GleamApi } from '../../../shared/ipc/contract';
import { failureOf } from './error-data';
import type { Slice } from './slice';

export type AgentsView =
  { kind: 'list' } | { kind: 'detail'; agentId: string } | { kind: 'edit'; agentId: string | null };

export interface AgentsSlice {
  agents: {
    list: Agent[] | null;
    loading: boolean;
    error: AppErrorData | null;
    view: AgentsView;
  };
  agentSave: { saving: boolean; error: AppErrorData | null };
  loadAgents: () => Promise<void>;
  /** Reloads agents (and the numbers, whose agent names and states may have changed) on `agents:changed`. */
  watchAgents: () => () => void;
  showAgents: (view: AgentsView) => void;
  /** Creates (id null) or updates an agent; answers the saved agent, or null with the error in `agentSave`. */
  saveAgent: (id: string | null, draft: AgentDraft) => Promise<Agent | null>;
  dismissAgentSaveError: () => void;
}

export const createAgentsSlice =
  (api: GleamApi): Slice<AgentsSlice> =>
  (set, get) => {
    type Agents = AgentsSlice['agents'];
    const patchAgents = (patch: Partial<Agents> | ((agents: Agents) => Partial<Agents>)) =>
      set((state) => ({
        agents: { ...state.agents, ...(typeof patch === 'function' ? patch(state.agents) : patch) },
      }));
    let listRequest = 0;

    return {
      agents: { list: null, loading: false, error: null, view: { kind: 'list' } },
      agentSave: { saving: false, error: null },

      loadAgents: async () => {
        const request = ++listRequest;
        patchAgents({ loading: true, error: null });
        try {
          const { agents } = await api.agents.list({});
          if (request === listRequest) patchAgents({ list: agents, loading: false });
        } catch (error) {
          if (request === listRequest) patchAgents({ loading: false, error: failureOf(error, get().reportOffline) });
        }
      },

      watchAgents: () =>
        api.on('agents:changed', () => {
          void get().loadAgents();
          if (get().numbers.list !== null) void get().loadNumbers();
        }),

      showAgents: (view) => {
        patchAgents({ view });
        if (get().agentSave.error) set({ agentSave: { saving: false, error: null } });
      },

      saveAgent: async (id, draft) => {
        if (get().agentSave.saving) return null;
        set({ agentSave: { saving: true, error: null } });
        try {
          const { agent } = await api.agents.save(id === null ? { agent: draft } : { id, agent: draft });
          patchAgents(({ list }) => ({
            list:
              list &&
              (list.some((known) => known.id === agent.id)
                ? list.map((known) => (known.id === agent.id ? agent : known))
                : [...list, agent]),
            view: { kind: 'detail', agentId: agent.id },
          }));
          set({ agentSave: { saving: false, error: null } });
          // Its numbers show its name and whether it is active.
          if (agent.numberCount > 0 && get().numbers.list !== null) void get().loadNumbers();
          return agent;
        } catch (error) {
          set({ agentSave: { saving: false, error: failureOf(error, get().reportOffline) } });
          return null;
        }
      },

      dismissAgentSaveError: () => set((state) => ({ agentSave: { ...state.agentSave, error: null } })),
    };
  };
