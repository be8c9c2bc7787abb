/**
 * The renderer's typed api: `api.connection.connect({...})` resolves with the
 * value or throws an AppError built from the envelope's error data.
 */
import { AppError } from '../../../shared/errors';
import type { Envelope, GleamApi, GleamBridge } from '../../../shared/ipc/contract';
import { buildByChannel } from '../../../shared/ipc/bridge-shape';
import { splitChannel } from '../../../shared/ipc/contract';

type BridgeFunction = (input: unknown) => Promise<Envelope<unknown>>;

export function createApi(bridge: GleamBridge): GleamApi {
  const functions = bridge as unknown as Record<string, Record<string, BridgeFunction>>;
  const methods = buildByChannel((channel) => {
    const [domain, method] = splitChannel(channel);
    const call = functions[domain]?.[method];
    if (!call) throw new Error(`window.gleam is missing ${channel}`);
    return async (input: unknown) => {
      const envelope = await call(input);
      if (envelope.ok) return envelope.value;
      throw new AppError(envelope.error);
    };
  });
  return { ...methods, on: bridge.on } as unknown as GleamApi;
}
