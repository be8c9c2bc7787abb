/**
 * Channels as query keys and calls. A query's key is its channel, then its
 * input when it has any (`['numbers:list']`, `['costs:summary', { month }]`),
 * so invalidating `[channel]` reaches every input of it.
 */
import type { QueryKey } from '@tanstack/react-query';
import {
  splitChannel,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type GleamApi,
} from '../../../../shared/ipc/contract';

type AnyCall = (input: unknown) => Promise<unknown>;

/** Calls one channel through the typed api: answers its value or throws its AppError. */
export function callChannel<C extends Channel>(
  api: GleamApi,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const [domain, method] = splitChannel(channel);
  const call = (api as unknown as Record<string, Record<string, AnyCall>>)[domain]?.[method];
  if (!call) throw new Error(`the api has no ${channel}`);
  return call(input) as Promise<ChannelOutput<C>>;
}

export function channelKey<C extends Channel>(channel: C, input?: ChannelInput<C>): QueryKey {
  return input !== undefined && Object.keys(input).length > 0 ? [channel, input] : [channel];
}

/** The channel a query or mutation key names. */
export const channelOf = (key: QueryKey | undefined): Channel | undefined => key?.[0] as Channel | undefined;

/** A channel's read as query options, for hooks and for reads outside rendering alike. */
export function channelQuery<C extends Channel>(api: GleamApi, channel: C, input: ChannelInput<C>) {
  return { queryKey: channelKey(channel, input), queryFn: () => callChannel(api, channel, input) };
}
