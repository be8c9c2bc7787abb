/**
 * Stands in for the `electron` module in Vitest: the Electron binary is not
 * available on CI machines. Anything that reaches this stub in a test is a
 * layering mistake (only adapters/ import electron), so every export throws.
 */
const unavailable = (name: string) =>
  new Proxy(
    {},
    {
      get() {
        throw new Error(`electron.${name} is not available in unit tests; inject a port instead`);
      },
    },
  );

export const app = unavailable('app');
export const ipcMain = unavailable('ipcMain');
export const safeStorage = unavailable('safeStorage');
export const BrowserWindow = unavailable('BrowserWindow');
export const dialog = unavailable('dialog');
export const contextBridge = unavailable('contextBridge');
export const ipcRenderer = unavailable('ipcRenderer');
export default {};
