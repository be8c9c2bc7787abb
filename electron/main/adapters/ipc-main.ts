/** Connects the IPC registry to Electron's ipcMain: one handler per contract channel. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../../shared/ipc/contract';
import type { IpcRegistry, IpcSender } from '../ipc/registrar';

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame.parent === null };
}

export function registerIpcMain(registry: IpcRegistry): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => registry.invoke(senderOf(event), channel, input));
  }
}
