/**
 * Sandboxed preload: exposes `window.gleam`, one function per IPC contract
 * channel and nothing else — never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildByChannel } from '../../shared/ipc/bridge-shape';

contextBridge.exposeInMainWorld(
  'gleam',
  buildByChannel((channel) => (input: unknown) => ipcRenderer.invoke(channel, input)),
);
