import { CHANNELS, splitChannel, type Channel } from './contract';

/**
 * Builds `{ domain: { method: fn } }` with one function per contract channel.
 * The preload (`window.gleam`), the renderer's api client and test bridges
 * all take their shape from here, so none of them can miss a channel.
 */
export function buildByChannel<F>(make: (channel: Channel) => F): Record<string, Record<string, F>> {
  const tree: Record<string, Record<string, F>> = {};
  for (const channel of CHANNELS) {
    const [domain, method] = splitChannel(channel);
    (tree[domain] ??= {})[method] = make(channel);
  }
  return tree;
}
