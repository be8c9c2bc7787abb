/** App lifecycle only: one instance, start when ready, quit cleanly. */
import { app, dialog } from 'electron';
import { registerAppScheme } from './adapters/app-protocol';
import { startApp } from './app';
import { DatabaseTooNewError } from './db/migrations';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
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
