/**
 * `node --import …/register.ts`: installs hooks.ts before the app's first
 * import, and forwards the modules it reports to the driver as `module.load`
 * calls. Worker threads inherit `--import`, so this runs in the app's sync
 * worker too; a worker has no channel to the driver and hands its loads to
 * the main thread instead.
 */
import { register } from 'node:module';
import { BroadcastChannel, isMainThread, MessageChannel } from 'node:worker_threads';
import type { FromStandIn } from './messages.ts';

const workerLoads = new BroadcastChannel('electron-stand-in:module-loads');
workerLoads.unref();

const forward = (url: unknown) => {
  const notice: FromStandIn = {
    type: 'notice',
    body: { kind: 'record', call: { api: 'module.load', args: [url], appReady: false } },
  };
  process.send?.(notice);
};
if (isMainThread) workerLoads.onmessage = (event) => forward((event as { data: unknown }).data);

const { port1, port2 } = new MessageChannel();
port1.on('message', (url: string) => (isMainThread ? forward(url) : workerLoads.postMessage(url)));
port1.unref();
register('./hooks.ts', { parentURL: import.meta.url, data: { loads: port2 }, transferList: [port2] });
