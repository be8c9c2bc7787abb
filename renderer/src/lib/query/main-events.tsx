/**
 * Main's events (and the OS saying the network is back), followed once for the whole app: each says which answers it
 * makes out of date, or carries the new answer itself. Out-of-date queries
 * on screen are read again at once; the others when a screen next shows them.
 */
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventName, EventPayload } from '../../../../shared/ipc/events';
import { useAppStoreApi } from '../../store/store-context';
import { useForgetOfflineReportWhenOnline } from '../connectivity/use-online';
import type { AssignmentProgress } from '../../../../shared/domain/agents';
import type { CostSyncProgress } from '../../../../shared/domain/costs';
import type { SyncProgress } from '../../../../shared/domain/numbers';
import { useApi } from './app-services';
import type { ProgressKey } from './hooks';

/** The costs summary is computed from usage, the numbers' fees and names, and the agents they are assigned to. */
const INVALIDATES = {
  'numbers:changed': [['numbers:list'], ['costs:summary']],
  'agents:changed': [['agents:list'], ['numbers:list'], ['costs:summary']],
  'costs:changed': [['costs:summary']],
  'a2p:changed': [['a2p:status']],
} as const satisfies Partial<Record<EventName, readonly QueryKey[]>>;

/** Where progress events keep the latest progress of the job they belong to. */
export const progressKey = {
  numbersSync: { queryKey: ['numbers:syncProgress'] } as ProgressKey<SyncProgress>,
  costsSync: { queryKey: ['costs:syncProgress'] } as ProgressKey<CostSyncProgress>,
  assignmentJob: (jobId: string): ProgressKey<AssignmentProgress> => ({ queryKey: ['assignments:progress', jobId] }),
};

type Handlers = { [E in EventName]?: (payload: EventPayload<E>) => void };

function handlersFor(client: QueryClient, showHelp: () => void): Handlers {
  const invalidate = (keys: readonly QueryKey[]) => () => {
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };
  return {
    'numbers:changed': invalidate(INVALIDATES['numbers:changed']),
    'agents:changed': invalidate(INVALIDATES['agents:changed']),
    'costs:changed': invalidate(INVALIDATES['costs:changed']),
    'a2p:changed': invalidate(INVALIDATES['a2p:changed']),
    // Main's report is newer than a read of it still on its way, which is dropped.
    'reachability:changed': (value) => {
      void client.cancelQueries({ queryKey: ['reachability:status'] });
      client.setQueryData(['reachability:status'], value);
    },
    // Progress counts only while its job runs.
    'numbers:syncProgress': (progress) => {
      if (client.isMutating({ mutationKey: ['numbers:sync'] }) > 0)
        client.setQueryData(progressKey.numbersSync.queryKey, progress);
    },
    'costs:syncProgress': (progress) => {
      if (client.isMutating({ mutationKey: ['costs:sync'] }) > 0)
        client.setQueryData(progressKey.costsSync.queryKey, progress);
    },
    'assignments:progress': (progress) =>
      client.setQueryData(progressKey.assignmentJob(progress.jobId).queryKey, progress),
    'app:showHelp': showHelp,
  };
}

export function MainEvents() {
  const api = useApi();
  const client = useQueryClient();
  const store = useAppStoreApi();
  useForgetOfflineReportWhenOnline();
  useEffect(() => {
    const handlers = handlersFor(client, () => store.getState().showHelp(null));
    const unsubscribers = (Object.keys(handlers) as EventName[]).map((event) =>
      api.on(event, handlers[event] as (payload: EventPayload<typeof event>) => void),
    );
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, client, store]);
  return null;
}
