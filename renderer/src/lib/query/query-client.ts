/**
 * The query client of an app whose main process pushes its changes: data is
 * fresh until one of main's events says otherwise (see main-events.ts), so
 * nothing refetches on focus or reconnect, and nothing is retried: main
 * already retries what is safe to retry, and a retried purchase could buy a
 * second number. Requests go to main whatever the network says, since main
 * answers from its local copy offline.
 *
 * Every answer and failure passes through the offline report, the one place
 * that decides whether the screens show Twilio as out of reach.
 */
import { MutationCache, notifyManager, QueryCache, QueryClient } from '@tanstack/react-query';
import { noteAnswer, noteFailure, type OfflineReport } from '../connectivity/offline-report';
import { channelOf } from './channels';

/**
 * Answers and state changes reach the screen in the same moment, as a store's would, instead of a tick later:
 * a purchase under way shows "Buying…" before a second click can land.
 */
notifyManager.setScheduler((callback) => callback());

export function createQueryClient(offlineReport: OfflineReport): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => noteFailure(offlineReport, channelOf(query.queryKey), error),
      onSuccess: (data, query) => noteAnswer(offlineReport, channelOf(query.queryKey), data),
    }),
    mutationCache: new MutationCache({
      onError: (error, _input, _context, mutation) =>
        noteFailure(offlineReport, channelOf(mutation.options.mutationKey), error),
      onSuccess: (data, _input, _context, mutation) =>
        noteAnswer(offlineReport, channelOf(mutation.options.mutationKey), data),
    }),
    defaultOptions: {
      queries: {
        retry: false,
        staleTime: Infinity,
        // Kept while the app runs, as the store kept them: a screen opened again shows them at once.
        gcTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
