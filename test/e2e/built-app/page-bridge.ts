/**
 * What Electron's renderer side does for a sandboxed preload, rebuilt in
 * Chromium for the built-app suite. The driver injects these functions' source
 * through the DevTools protocol:
 *   - the preload bundle runs in an isolated world of its own (as in Electron,
 *     before any page script, main frame only), where `require('electron')`
 *     gives only `contextBridge` and `ipcRenderer`;
 *   - `ipcRenderer` reaches the driver through a binding that exists only in
 *     that world, and from there the stand-in's ipcMain;
 *   - `contextBridge.exposeInMainWorld` copies the API into the page's world.
 *     Functions cross as proxies, called synchronously through DOM events (the
 *     one thing both worlds share), and promises settle across, as Electron's
 *     bridge does; objects are copied.
 * Each function here runs in the browser and is sent as source: no imports,
 * nothing from this module's scope.
 */

type Encoded =
  | null
  | boolean
  | number
  | string
  | Encoded[]
  | { $fn: number }
  | { $promise: number }
  | { $undefined: true }
  | { $object: Record<string, Encoded> };

type BridgeMessage =
  | { call: number; args: Encoded[] }
  | { result: Encoded; threw?: string }
  | { settle: number; ok: boolean; value: Encoded }
  | { expose: string; value: Encoded };

export interface BridgeEnd {
  expose(key: string, value: unknown): void;
}

/**
 * One end of the bridge between two worlds. `listen` is the DOM event this end
 * reads, `post` the one the other end reads; `onExpose` defines what the other
 * end exposes (only the page's end has one).
 */
export function contextBridgeEnd(
  listen: string,
  post: string,
  onExpose: ((key: string, value: unknown) => void) | null,
): BridgeEnd {
  const functions = new Map<number, (...args: unknown[]) => unknown>();
  const promises = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let lastResult: { result: Encoded; threw?: string } | null = null;

  const send = (message: BridgeMessage) => {
    document.dispatchEvent(new CustomEvent(post, { detail: JSON.stringify(message) }));
  };
  const encode = (value: unknown): Encoded => {
    if (typeof value === 'function') {
      const id = nextId++;
      functions.set(id, value as (...args: unknown[]) => unknown);
      return { $fn: id };
    }
    if (value instanceof Promise) {
      const id = nextId++;
      value.then(
        (settled: unknown) => send({ settle: id, ok: true, value: encode(settled) }),
        (error: unknown) =>
          send({ settle: id, ok: false, value: error instanceof Error ? error.message : String(error) }),
      );
      return { $promise: id };
    }
    if (value === undefined) return { $undefined: true };
    if (Array.isArray(value)) return value.map(encode);
    if (value !== null && typeof value === 'object') {
      return { $object: Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)])) };
    }
    return value as null | boolean | number | string;
  };
  const decode = (value: Encoded): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (value === null || typeof value !== 'object') return value;
    if ('$undefined' in value) return undefined;
    if ('$object' in value) {
      return Object.fromEntries(Object.entries(value.$object).map(([key, item]) => [key, decode(item)]));
    }
    if ('$promise' in value) {
      const id = value.$promise;
      return new Promise((resolve, reject) => promises.set(id, { resolve, reject }));
    }
    const id = value.$fn;
    return (...args: unknown[]) => {
      // The other end answers inside dispatchEvent, after any nested call it makes back here.
      lastResult = null;
      send({ call: id, args: args.map(encode) });
      const answer = lastResult as { result: Encoded; threw?: string } | null;
      if (!answer) throw new Error('The other world did not answer');
      if (answer.threw !== undefined) throw new Error(answer.threw);
      return decode(answer.result);
    };
  };

  document.addEventListener(listen, (event) => {
    const message = JSON.parse((event as CustomEvent<string>).detail) as BridgeMessage;
    if ('call' in message) {
      const target = functions.get(message.call);
      try {
        if (!target) throw new Error('This function is no longer available');
        send({ result: encode(target(...message.args.map(decode))) });
      } catch (error) {
        send({ result: null, threw: error instanceof Error ? error.message : String(error) });
      }
    } else if ('result' in message) {
      lastResult = message;
    } else if ('settle' in message) {
      const waiting = promises.get(message.settle);
      promises.delete(message.settle);
      if (message.ok) waiting?.resolve(decode(message.value));
      else waiting?.reject(new Error(String(decode(message.value))));
    } else {
      onExpose?.(message.expose, decode(message.value));
    }
  });

  return { expose: (key, value) => send({ expose: key, value: encode(value) }) };
}

/** The page's world: what the preload exposes becomes a read-only global, as with Electron's contextBridge. */
export function defineExposed(key: string, value: unknown): void {
  Object.defineProperty(window, key, { value, enumerable: true, writable: false, configurable: false });
}

/** A message from the preload's world to the driver, through the binding only that world has. */
export type PreloadMessage =
  { kind: 'invoke'; id: number; channel: string; args: unknown[] } | { kind: 'preloadError'; message: string };

/**
 * The preload's world: what `require('electron')` gives a sandboxed preload
 * here. The driver settles invocations and delivers main's messages through
 * the two globals this defines (visible only in this world).
 */
export function rendererElectron(bridge: BridgeEnd, bindingName: string): object {
  const binding = (globalThis as unknown as Record<string, (payload: string) => void>)[bindingName];
  if (!binding) throw new Error('The driver binding is missing from the preload world');
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  let nextId = 1;

  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        binding(JSON.stringify({ kind: 'invoke', id, channel, args } satisfies PreloadMessage));
      });
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.assign(globalThis, {
    __electronSettle(id: number, ok: boolean, value: unknown) {
      const waiting = pending.get(id);
      pending.delete(id);
      if (ok) waiting?.resolve(value);
      else waiting?.reject(new Error(String(value)));
    },
    __electronDeliver(channel: string, args: unknown[]) {
      const event = { sender: ipcRenderer, senderId: 0 };
      for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
    },
    __electronPreloadFailed(error: unknown) {
      binding(
        JSON.stringify({
          kind: 'preloadError',
          message: error instanceof Error ? error.message : String(error),
        } satisfies PreloadMessage),
      );
    },
  });
  return Object.freeze({
    contextBridge: Object.freeze({ exposeInMainWorld: (key: string, api: unknown) => bridge.expose(key, api) }),
    ipcRenderer: Object.freeze(ipcRenderer),
  });
}
