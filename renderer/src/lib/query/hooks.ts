/**
 * Typed hooks over the channels: a read is a query, an action a mutation.
 *
 * `useSharedAction` is for actions whose progress and outcome every screen
 * shows alike (a sync, an assignment job, a connection change): they run one
 * at a time, their state lives in the query client rather than in the
 * component that started them, and their outcome stays until dismissed or
 * replaced by the next run.
 */
import {
  MutationObserver,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
  type MutationState,
  type QueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel, ChannelInput, ChannelOutput, GleamApi } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/errors';
import { errorDataOf } from '../errors';
import { useApi } from './app-services';
import { callChannel, channelQuery } from './channels';

type QueryOptions<C extends Channel, T> = Omit<UseQueryOptions<ChannelOutput<C>, unknown, T>, 'queryKey' | 'queryFn'>;

export function useChannelQuery<C extends Channel, T = ChannelOutput<C>>(
  channel: C,
  input: ChannelInput<C>,
  options: QueryOptions<C, T> = {},
) {
  const api = useApi();
  return useQuery({ ...channelQuery(api, channel, input), ...options });
}

type MutationOptions<C extends Channel> = Omit<
  UseMutationOptions<ChannelOutput<C>, unknown, ChannelInput<C>>,
  'mutationKey' | 'mutationFn'
>;

/** An action whose state belongs to the component that runs it (a dialog's quote, a form's save). */
export function useChannelMutation<C extends Channel>(channel: C, options: MutationOptions<C> = {}) {
  const api = useApi();
  return useMutation({ mutationKey: [channel], mutationFn: (input) => callChannel(api, channel, input), ...options });
}

export interface SharedActionOptions<O, V> {
  /** The call; by default the key's channel, sent the variables. */
  call?: (api: GleamApi, variables: V) => Promise<O>;
  onSuccess?: (output: O, variables: V) => unknown;
  onError?: (error: unknown, variables: V) => unknown;
  onSettled?: (variables: V) => unknown;
}

export type SharedKey = readonly [Channel, ...unknown[]];
type OutputOf<K extends SharedKey> = ChannelOutput<K[0]>;
type InputOf<K extends SharedKey> = ChannelInput<K[0]>;

/**
 * Starts a shared action unless one of the same key runs; its earlier outcome makes way.
 * Answers, once it has settled, whether it ran and succeeded (it never throws: its error is in its state).
 */
export function runSharedAction<K extends SharedKey, O = OutputOf<K>, V = InputOf<K>>(
  client: QueryClient,
  api: GleamApi,
  key: K,
  variables: V,
  options: SharedActionOptions<O, V> = {},
): Promise<boolean> {
  // The cache marks a mutation pending as it starts, so a second click in the same moment already finds it.
  if (client.isMutating({ mutationKey: key, exact: true }) > 0) return Promise.resolve(false);
  dismissSharedAction(client, key);
  const call = options.call ?? ((to: GleamApi, vars: V) => callChannel(to, key[0], vars as InputOf<K>) as Promise<O>);
  const observer = new MutationObserver<O, unknown, V>(client, {
    mutationKey: key,
    mutationFn: (vars) => call(api, vars),
    // Kept until dismissed or replaced: an outcome stays on screen until the person has seen it.
    gcTime: Infinity,
    onSuccess: (output, vars) => options.onSuccess?.(output, vars),
    onError: (error, vars) => options.onError?.(error, vars),
    onSettled: (_output, _error, vars) => options.onSettled?.(vars),
  });
  return observer.mutate(variables).then(
    () => true,
    () => false,
  );
}

/** Forgets a shared action's outcome (Dismiss). One still running is kept. */
export function dismissSharedAction(client: QueryClient, key: readonly unknown[]): void {
  const cache = client.getMutationCache();
  for (const mutation of cache.findAll({ mutationKey: key, exact: true })) {
    if (mutation.state.status !== 'pending') cache.remove(mutation);
  }
}

export interface SharedActionState<O, V> {
  state: MutationState<O, unknown, V> | undefined;
  pending: boolean;
  data: O | undefined;
  error: unknown;
  variables: V | undefined;
}

/** The latest run of a shared action, as every screen sees it (nothing once dismissed). */
export function useSharedActionState<K extends SharedKey, O = OutputOf<K>, V = InputOf<K>>(
  key: K,
): SharedActionState<O, V> {
  const states = useMutationState({
    filters: { mutationKey: key, exact: true },
    select: (mutation) => mutation.state as MutationState<O, unknown, V>,
  });
  const state = states.at(-1);
  return {
    state,
    pending: state?.status === 'pending',
    data: state?.status === 'success' ? state.data : undefined,
    error: state?.status === 'error' ? state.error : null,
    variables: state?.variables,
  };
}

/** Starts and dismisses a shared action from a component. */
export function useSharedAction<K extends SharedKey, O = OutputOf<K>, V = InputOf<K>>(
  key: K,
  options: SharedActionOptions<O, V> = {},
) {
  const client = useQueryClient();
  const api = useApi();
  const state = useSharedActionState<K, O, V>(key);
  const keyText = JSON.stringify(key);
  const run = (variables: V) => runSharedAction<K, O, V>(client, api, key, variables, options);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is compared by its value
  const dismiss = useCallback(() => dismissSharedAction(client, key), [client, keyText]);
  return { ...state, run, dismiss };
}

/** Where a progress event leaves the latest progress of its job (see main-events). */
export interface ProgressKey<T> {
  queryKey: QueryKey;
  /** Only names the progress's type. */
  readonly progress?: T;
}

/** The latest progress a progress event left (see main-events), or null before the first. */
export function useProgress<T>({ queryKey }: ProgressKey<T>): T | null {
  const { data } = useQuery<T | null>({ queryKey, queryFn: () => null, initialData: null });
  return data ?? null;
}

/**
 * Calls a channel as a one-off action outside any component's state, through the query client so that its
 * answer or failure counts like any other (an `offline` failure is reported). Answers its value or throws.
 */
export function mutateChannel<C extends Channel>(
  client: QueryClient,
  api: GleamApi,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  return new MutationObserver<ChannelOutput<C>, unknown, ChannelInput<C>>(client, {
    mutationKey: [channel],
    mutationFn: (vars) => callChannel(api, channel, vars),
    gcTime: 0,
  }).mutate(input);
}

/** A read's failure as shown: none while it is being read again (its Try again was pressed). */
export function readErrorOf(query: { isFetching: boolean; error: unknown }): AppErrorData | null {
  return query.isFetching ? null : errorDataOf(query.error);
}
