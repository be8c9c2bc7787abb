import type { GleamBridge } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the e2e harness: one function per IPC channel. */
    gleam: GleamBridge;
  }
}
