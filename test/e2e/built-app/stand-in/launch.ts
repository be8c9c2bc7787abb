/**
 * What `electron <appDir>` does before the app's code runs, for the stand-in:
 * read the app's package.json, run its `main` script, then make the app ready.
 * Usage (by the driver): node --import register.ts launch.ts <appDir>
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from './electron.ts';
import { STAND_IN_ENV } from './messages.ts';

const appDir = path.resolve(process.argv[2] ?? '.');
const appPackage = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as {
  name: string;
  productName?: string;
  version: string;
  main?: string;
};
const home = process.env[STAND_IN_ENV.home];
if (!home) throw new Error(`${STAND_IN_ENV.home} is not set`);

/**
 * Electron on the platform the driver names. The app keeps the Auth Token only for the session on Linux
 * (electron/main/adapters/safe-storage-cipher.ts), so the suite plays Windows to reach the keychain path on
 * this Linux machine. better-sqlite3 picks its prebuilt binary by process.platform, so it is loaded first, for
 * the machine it really runs on; worker threads have a process object of their own and see the real platform.
 */
const platform = process.env[STAND_IN_ENV.platform];
if (platform && platform !== process.platform) {
  const Database = createRequire(path.join(appDir, 'package.json'))('better-sqlite3') as new (file: string) => {
    close(): void;
  };
  new Database(':memory:').close();
  Object.defineProperty(process, 'platform', { value: platform });
}

app.configure(appPackage, home);
await import(pathToFileURL(path.join(appDir, appPackage.main ?? 'index.js')).href);
// Electron is ready only after the main script has run.
setImmediate(() => app.becomeReady());
