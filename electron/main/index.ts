/** App lifecycle only: one instance, start when ready, quit cleanly. */
import path from 'node:path';
import { app, dialog } from 'electron';
import { registerAppScheme } from './adapters/app-protocol';
import { startApp } from './app';
import { DatabaseTooNewError } from './db/migrations';
import { guardEveryWebContents } from './window';

// Development and test runs may keep their data apart from an installed copy's; a shipped app always uses the OS's
// place. First of all: the single-instance lock belongs to the data folder.
const userDataOverride = app.isPackaged ? undefined : process.env.GLEAM_USER_DATA_DIR;
if (userDataOverride) {
  app.setPath('userData', path.resolve(userDataOverride));
  app.setAppLogsPath(path.resolve(userDataOverride, 'logs'));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Before any webContents can exist, so each one, the window's included, is guarded as it is created.
  guardEveryWebContents();
  let started: ReturnType<typeof startApp> | null = null;

  app.on('second-instance', () => started?.showWindow());
  app.on('activate', () => started?.showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => started?.core.close());

  app
    .whenReady()
    .then(() => {
      started = startApp();
    })
    .catch((error: unknown) => {
      const message =
        error instanceof DatabaseTooNewError
          ? error.message
          : 'Gleam Desktop could not start. Please reinstall or contact support.';
      dialog.showErrorBox('Gleam Desktop', message);
      app.exit(1);
    });
}
