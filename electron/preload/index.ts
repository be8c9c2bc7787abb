/**
 * Sandboxed preload: exposes `window.gleam`, one function per IPC contract
 * channel plus `on` for the contract's events, and nothing else — never
 * ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildByChannel } from '../../shared/ipc/bridge-shape';
import { EVENT_NAMES } from '../../shared/ipc/events';

const isEventName = (name: string) => (EVENT_NAMES as readonly string[]).includes(name);

contextBridge.exposeInMainWorld('gleam', {
  ...buildByChannel((channel) => (input: unknown) => ipcRenderer.invoke(channel, input)),
  on(event: string, listener: (payload: unknown) => void) {
    if (!isEventName(event)) throw new Error(`Unknown event ${event}`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
});
