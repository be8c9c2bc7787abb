/**
 * Saving an agent: the saved agent replaces (or joins) the list at once and
 * opens on the Agents screen; its numbers, which show its name and whether it
 * is active, are read again. Deleting one is an assignment job (its numbers
 * are unassigned first): see use-assignment-job.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { Agent, AgentDraft } from '../../../../shared/domain/agents';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { errorDataOf } from '../../lib/errors';
import { useChannelMutation } from '../../lib/query/hooks';
import { useAppStore } from '../../store/store-context';

export function useSaveAgent() {
  const client = useQueryClient();
  const showAgents = useAppStore((state) => state.showAgents);
  const save = useChannelMutation('agents:save', {
    onSuccess: ({ agent }) => {
      client.setQueryData<ChannelOutput<'agents:list'>>(['agents:list'], (known) =>
        known
          ? {
              agents: known.agents.some((entry) => entry.id === agent.id)
                ? known.agents.map((entry) => (entry.id === agent.id ? agent : entry))
                : [...known.agents, agent],
            }
          : known,
      );
      showAgents({ kind: 'detail', agentId: agent.id });
      void client.invalidateQueries({ queryKey: ['costs:summary'] });
      // Its numbers show its name and whether it is active.
      if (agent.numberCount > 0) void client.invalidateQueries({ queryKey: ['numbers:list'] });
    },
  });
  return {
    saving: save.isPending,
    error: errorDataOf(save.error),
    dismissError: save.reset,
    /** Creates (id null) or updates an agent; answers the saved agent, or null with the error shown. */
    saveAgent: async (id: string | null, draft: AgentDraft): Promise<Agent | null> => {
      if (save.isPending) return null;
      return save.mutateAsync(id === null ? { agent: draft } : { id, agent: draft }).then(
        ({ agent }) => agent,
        () => null,
      );
    },
  };
}
