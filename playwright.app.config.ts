/**
 * The built app (`out/`, after `npm run build`), two ways:
 *   stand-in — `npm run test:app`: Electron's runtime replaced by a recording
 *              stand-in (e2e/built-app/driver.ts), so it runs where the Electron
 *              binary cannot be downloaded; part of `npm test`.
 *   electron — `npm run test:electron`: the real Electron, skipped where its
 *              binary is not installed.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  outputDir: 'test-results/app',
  // The pages come from the app's own protocol handler, not from a preview server.
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
  timeout: 120_000,
  projects: [
    { name: 'stand-in', testDir: 'e2e/built-app' },
    { name: 'electron', testDir: 'e2e/real-electron' },
  ],
});
