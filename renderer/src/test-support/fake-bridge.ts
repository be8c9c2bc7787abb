/**
 * A `window.gleam` for component tests that behaves like main at the door:
 * inputs are parsed with the contract's schemas (so a component sending
 * malformed input fails here as it would in the app), outputs too, and
 * errors come back as envelopes. Handlers are the test's scripted answers.
 */
import { AppError, appError } from '../../../shared/errors';
import { buildByChannel } from '../../../shared/ipc/bridge-shape';
import {
  contract,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
  type Envelope,
  type GleamBridge,
} from '../../../shared/ipc/contract';

export type FakeHandlers = {
  [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface FakeBridge {
  bridge: GleamBridge;
  calls: { channel: Channel; input: unknown }[];
}

export function createFakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeBridge['calls'] = [];
  const bridge = buildByChannel((channel) => async (input: unknown): Promise<Envelope<unknown>> => {
    calls.push({ channel, input });
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: appError('validation').data };
    const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`the test gave no answer for ${channel}`);
    try {
      return { ok: true, value: contract[channel].output.parse(await handler(parsed.data)) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.data };
      throw error;
    }
  });
  return { bridge: bridge as unknown as GleamBridge, calls };
}
