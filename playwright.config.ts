/**
 * Every Playwright suite, one project each (`npm run test:<project>` picks one):
 *   e2e      — the built renderer in Chromium, wired to the real main-side core
 *              (test/support/app-host.ts) and the fake Twilio;
 *   a11y     — axe-core on every screen of the built renderer, light and dark;
 *   contract — the e2e specs again, every Twilio request and response checked by
 *              Prism against Twilio's OpenAPI specs (global-setup.ts starts the
 *              proxies when this project is selected);
 *   app      — the built app (`out/`) with a recording stand-in for Electron's
 *              runtime (test/e2e/built-app/driver.ts);
 *   electron — the built app in the real Electron, skipped where its binary is absent.
 * Debian's Chromium is used where present (CHROMIUM_PATH overrides), else Playwright's own browser.
 */
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// GLEAM_E2E_PORT lets two checkouts run their suites at once without sharing a preview server.
const PORT = Number(process.env.GLEAM_E2E_PORT ?? 4173);
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** The built app serves its pages from its own protocol handler, not from the preview server. */
const builtApp = { timeout: 120_000, use: { baseURL: undefined } };

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // The size of the app's first window (electron/main/window.ts), so the screens are tested as first seen.
    viewport: { width: 1200, height: 800 },
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'e2e', testDir: 'test/e2e/specs', outputDir: 'test-results/e2e' },
    // An axe run takes seconds on a busy two-core machine, and each test makes several.
    { name: 'a11y', testDir: 'test/e2e/a11y', outputDir: 'test-results/a11y', timeout: 180_000 },
    { name: 'contract', testDir: 'test/e2e/specs', outputDir: 'test-results/contract' },
    { name: 'app', testDir: 'test/e2e/built-app', outputDir: 'test-results/app', ...builtApp },
    { name: 'electron', testDir: 'test/e2e/real-electron', outputDir: 'test-results/electron', ...builtApp },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
