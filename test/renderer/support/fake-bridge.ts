/**
 * A `window.gleam` for component tests that behaves like main at the door:
 * inputs are parsed with the contract's schemas (so a component sending
 * malformed input fails here as it would in the app), outputs too, and
 * errors come back as envelopes. Handlers are the test's scripted answers;
 * `emit` plays main pushing an event.
 */
import { AppError, appError } from '../../../shared/errors';
import { buildByChannel } from '../../../shared/ipc/bridge-shape';
import {
  contract,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ChannelParsedInput,
  type Envelope,
  type GleamBridge,
} from '../../../shared/ipc/contract';
import { events, type EventName, type EventPayload } from '../../../shared/ipc/events';

export type FakeHandlers = {
  [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface FakeBridge {
  bridge: GleamBridge;
  calls: { channel: Channel; input: unknown }[];
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export function createFakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeBridge['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const methods = buildByChannel((channel) => async (input: unknown): Promise<Envelope<unknown>> => {
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
  const on = (event: EventName, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  return {
    bridge: { ...methods, on } as unknown as GleamBridge,
    calls,
    emit(event, payload) {
      const parsed = events[event].parse(payload);
      listeners.get(event)?.forEach((listener) => listener(parsed));
    },
  };
}

/** What the app sent on one channel, in order (inputs that reached the bridge, before parsing). */
export function inputsTo<C extends Channel>(calls: FakeBridge['calls'], channel: C): ChannelInput<C>[] {
  return calls.filter((call) => call.channel === channel).map((call) => call.input as ChannelInput<C>);
}
