/**
 * Composition root: Electron adapters → core (db, gateway, services, IPC
 * registry) → ipcMain → window. GLEAM_TWILIO_HOSTS is honoured only in
 * unpackaged builds: a shipped app always talks to Twilio itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createAppCore, type AppCore } from './core';
import { APP_ORIGIN, serveRenderer } from './adapters/app-protocol';
import { registerIpcMain } from './adapters/ipc-main';
import { createPreferences } from './adapters/preferences';
import { createSafeStorageCipher } from './adapters/safe-storage-cipher';
import { parseTwilioHostMap } from './twilio/hosts';
import { installAppMenu } from './menu';
import { createMainWindow } from './window';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function startApp(): { core: AppCore; showWindow: () => void } {
  const hostsVariable = app.isPackaged ? undefined : process.env.GLEAM_TWILIO_HOSTS;
  const core = createAppCore({
    dataDir: app.getPath('userData'),
    logDir: app.getPath('logs'),
    cipher: createSafeStorageCipher(),
    trustedOrigins: [APP_ORIGIN],
    ...(hostsVariable ? { twilioHosts: parseTwilioHostMap(hostsVariable) } : {}),
    echoLogs: !app.isPackaged,
    emit: (event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
    },
    chooseSavePath: async (suggestedName) => {
      const options = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      };
      const parent = BrowserWindow.getFocusedWindow();
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
  });
  core.logger.info('app started', { version: app.getVersion(), packaged: app.isPackaged });

  installAppMenu();
  serveRenderer(path.join(outDir, 'renderer'));
  registerIpcMain(core.registry);
  const preferences = createPreferences();

  const showWindow = () => {
    const existing = BrowserWindow.getAllWindows()[0];
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return;
    }
    createMainWindow({
      preloadPath: path.join(outDir, 'preload', 'index.cjs'),
      iconPath: path.join(outDir, '..', 'resources', 'icon.png'),
      preferences,
      startUrl: `${APP_ORIGIN}/index.html`,
    });
  };
  showWindow();
  void core.refreshFromTwilio();
  return { core, showWindow };
}
