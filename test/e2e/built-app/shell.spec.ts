/**
 * The Electron shell of the built app — out/main/index.js with its window,
 * protocol, preload and menu — as `npm start` runs it, against Electron's
 * rules and the security checklist. Electron's runtime is the recording
 * stand-in; everything else is the shipped bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CHANNELS } from '../../../shared/ipc/contract';
import { waitUntilReady } from '../fixtures';
import { openScreen } from '../harness/ui';
import type { BuiltApp } from './driver';
import { expect, test } from './fixtures';

const REPOSITORY = path.resolve(import.meta.dirname, '..', '..', '..');

async function started(builtApp: BuiltApp): Promise<Page> {
  const page = await builtApp.start();
  await waitUntilReady(page);
  return page;
}

/** The window's webContents: the first the app has. */
const MAIN_WEB_CONTENTS = 1;

/** The CSP the app:// handler sends; index.html's meta tag holds the same but frame-ancestors, ignored there. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; worker-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

const apiNames = (builtApp: BuiltApp) => builtApp.calls.map((call) => call.api).filter((api) => api !== 'module.load');

test.describe('The built app’s shell', () => {
  test('starts as one instance with its scheme registered before ready and one locked-down window', async ({
    builtApp,
  }) => {
    await started(builtApp);

    const [lock, ...moreLocks] = builtApp.callsTo('app.requestSingleInstanceLock');
    expect(lock?.appReady).toBe(false);
    expect(moreLocks).toEqual([]);
    const [privileged, ...morePrivileged] = builtApp.callsTo('protocol.registerSchemesAsPrivileged');
    expect(privileged).toEqual({
      api: 'protocol.registerSchemesAsPrivileged',
      args: [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } }]],
      appReady: false,
    });
    expect(morePrivileged).toEqual([]);
    expect(builtApp.callsTo('protocol.handle').map((call) => call.args)).toEqual([['app']]);
    // ipcMain answers exactly the contract's channels, each once.
    expect(builtApp.callsTo('ipcMain.handle').map((call) => call.args[0])).toEqual([...CHANNELS]);

    const windows = builtApp.callsTo('new BrowserWindow');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.args[0]).toMatchObject({
      width: 1200,
      height: 800,
      show: false,
      webPreferences: {
        preload: path.join(REPOSITORY, 'out', 'preload', 'index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      },
    });
    expect(builtApp.callsTo('BrowserWindow.loadURL').map((call) => call.args)).toEqual([['app://gleam/index.html']]);
    // Shown only once the page has painted, so the person never sees an empty window.
    const order = apiNames(builtApp);
    expect(order.indexOf('BrowserWindow.show')).toBeGreaterThan(order.indexOf('BrowserWindow.loadURL'));
    expect(await builtApp.ask({ kind: 'willAttachWebview', webContentsId: MAIN_WEB_CONTENTS })).toEqual({
      prevented: true,
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      expect(await builtApp.ask({ kind: 'permissionRequest', permission })).toEqual({ granted: false });
      expect(await builtApp.ask({ kind: 'permissionCheck', permission })).toEqual({ granted: false });
    }
    expect(builtApp.pageErrors).toEqual([]);
  });

  test('serves the renderer only from its folder, every response with the CSP', async ({ builtApp }) => {
    const page = await started(builtApp);

    const served = builtApp.responses.map((response) => new URL(response.url).pathname);
    expect(served).toContain('/index.html');
    expect(served.some((pathname) => /^\/assets\/index-.+\.js$/.test(pathname))).toBe(true);
    expect(served.some((pathname) => /^\/assets\/index-.+\.css$/.test(pathname))).toBe(true);
    for (const response of builtApp.responses) {
      expect(response.status, response.url).toBe(200);
      expect(response.headers['content-security-policy'], response.url).toBe(CSP);
      expect(response.headers['x-content-type-options'], response.url).toBe('nosniff');
    }
    // The built index.html's meta tag says what the header says (frame-ancestors works only as a header).
    const index = await builtApp.fetchAppUrl('app://gleam/index.html');
    const html = index.ok ? Buffer.from(index.body).toString('utf8') : '';
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(CSP.replace("; frame-ancestors 'none'", ''));

    // Straight to the handler, with URLs the browser would not have normalised.
    for (const url of [
      'app://gleam/..%2f..%2fpackage.json',
      'app://gleam/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://gleam/assets/..%2f..%2f..%2fout%2fmain%2findex.js',
      'app://gleam/%2e%2e/%2e%2e%2fpackage.json',
      'app://elsewhere/index.html',
    ]) {
      const outcome = await builtApp.fetchAppUrl(url);
      expect(outcome.ok && outcome.status, url).toBe(404);
    }
    // And through Chromium, as a page would ask.
    const escaped = await page.goto('https://gleam/..%2f..%2fpackage.json');
    expect(escaped?.status()).toBe(404);
    expect(await page.locator('body').textContent()).toBe('Not found');
  });

  test('holds the page to its CSP: Chromium loads only its own scripts and styles', async ({ builtApp }) => {
    const page = await started(builtApp);

    // What the renderer does not use is refused by Chromium, as the policy is what it enforces: inline script,
    // images (data: too), frames, fonts, requests and workers. Refused twice: by the header and by the meta tag.
    const refused = await page.evaluate(async () => {
      const seen: Record<'header' | 'meta', string[]> = { header: [], meta: [] };
      document.addEventListener('securitypolicyviolation', (event) => {
        const policy = event.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta';
        seen[policy].push(`${event.effectiveDirective} ${event.blockedURI.replace(location.origin, '')}`);
      });
      const add = (element: HTMLElement) => document.body.append(element);
      const script = document.createElement('script');
      script.textContent = 'document.title = "inline script ran"';
      add(script);
      for (const src of ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', '/probe.png']) {
        const image = document.createElement('img');
        image.src = src;
        add(image);
      }
      const frame = document.createElement('iframe');
      frame.src = '/probe.html';
      add(frame);
      await new FontFace('Probe', 'url(/probe.woff2)').load().catch(() => undefined);
      await fetch('/probe.json').catch(() => undefined);
      new Worker('/probe.js').addEventListener('error', () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { header: seen.header.sort(), meta: seen.meta.sort() };
    });
    const everything = [
      'connect-src /probe.json',
      'font-src /probe.woff2',
      'frame-src /probe.html',
      'img-src /probe.png',
      'img-src data',
      'script-src-elem inline',
      'worker-src /probe.js',
    ];
    expect(refused).toEqual({ header: everything, meta: everything });
    expect(await page.title()).toBe('Gleam Desktop');
    // None of it reached the app's protocol handler.
    expect(builtApp.responses.filter((response) => new URL(response.url).pathname.startsWith('/probe'))).toEqual([]);
  });

  test('exposes to the page exactly one function per contract channel, and nothing of Electron or Node', async ({
    builtApp,
    browser,
  }) => {
    const page = await started(builtApp);

    const exposed = await page.evaluate(() => {
      const gleam = (window as unknown as { gleam: Record<string, unknown> }).gleam;
      return Object.entries(gleam).flatMap(([key, value]) =>
        typeof value === 'function'
          ? [key]
          : Object.entries(value as Record<string, unknown>).map(([method, fn]) => `${key}:${method}:${typeof fn}`),
      );
    });
    expect(exposed.sort()).toEqual([...CHANNELS.map((channel) => `${channel}:function`), 'on'].sort());

    // Every global the page has that a blank page of a secure origin does not: only what the preload exposed.
    const blankContext = await browser.newContext();
    await blankContext.route('https://blank.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Blank</title>' }),
    );
    const blank = await blankContext.newPage();
    await blank.goto('https://blank.test/');
    const blankGlobals = new Set(await blank.evaluate(() => Object.getOwnPropertyNames(window)));
    await blankContext.close();
    const appGlobals = await page.evaluate(() => Object.getOwnPropertyNames(window));
    // zod (bundled in the renderer too) keeps its registry on globalThis; Playwright adds its trace streamer.
    const notFromPreload = /^(__zod_global(Config|Registry)|__playwright_snapshot_streamer_\w+)$/;
    expect(appGlobals.filter((name) => !blankGlobals.has(name) && !notFromPreload.test(name))).toEqual(['gleam']);
    expect(
      await page.evaluate(() =>
        ['require', 'process', 'module', 'ipcRenderer', 'Buffer'].map(
          (name) => typeof (window as unknown as Record<string, unknown>)[name],
        ),
      ),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    await expect(
      page.evaluate(() =>
        (window.gleam.on as (event: string, listener: () => void) => () => void)('not-an-event', () => undefined),
      ),
    ).rejects.toThrow('Unknown event not-an-event');
    // The exposed API is the preload's own copy: the page cannot swap it.
    expect(
      await page.evaluate(() => {
        try {
          (window as unknown as { gleam: unknown }).gleam = {};
        } catch {
          // Strict mode would throw; either way nothing changes.
        }
        return typeof window.gleam.connection.getStatus;
      }),
    ).toBe('function');
  });

  test('keeps the window on the app: other origins are refused, allow-listed Twilio links open in the browser', async ({
    builtApp,
  }) => {
    const page = await started(builtApp);
    await openScreen(page, 'Settings');
    const appUrl = page.url();

    await page.evaluate(() => {
      window.location.href = 'https://evil.example/login';
    });
    await expect
      .poll(() => builtApp.offOrigin)
      .toContainEqual({
        url: 'https://evil.example/login',
        navigation: true,
        outcome: 'refused by the app',
      });
    expect(page.url()).toBe(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    await page.evaluate(() => window.open('https://evil.example/popup'));
    await page.evaluate(() => window.open('https://console.twilio.com.evil.example/'));
    // A link in the app, clicked: Twilio's Console is allow-listed.
    await page.getByRole('link', { name: 'Twilio Console' }).first().click();
    await expect
      .poll(() => builtApp.offOrigin.filter((entry) => entry.outcome === 'refused by the app').length)
      .toBe(4);
    expect(builtApp.offOrigin.every((entry) => entry.outcome === 'refused by the app')).toBe(true);
    await expect
      .poll(() => builtApp.callsTo('shell.openExternal').map((call) => call.args[0]))
      .toEqual(['https://console.twilio.com/']);
    // Chromium shows a refused window.open as a page for a moment; the driver closes it as Electron never opens it.
    await expect.poll(() => page.context().pages()).toEqual([page]);
  });

  test('refuses a subframe’s navigation away from the app, as the main frame’s', async ({ builtApp }) => {
    await started(builtApp);

    const navigate = (url: string, isMainFrame: boolean) =>
      builtApp.ask({ kind: 'willFrameNavigate', webContentsId: MAIN_WEB_CONTENTS, url, isMainFrame });
    expect(await navigate('https://evil.example/frame', false)).toEqual({ prevented: true });
    expect(await navigate('app://gleam.evil.example/index.html', false)).toEqual({ prevented: true });
    expect(await navigate('app://gleam/index.html', false)).toEqual({ prevented: false });
    expect(await navigate('https://evil.example/', true)).toEqual({ prevented: true });
    expect(await navigate('app://gleam/index.html', true)).toEqual({ prevented: false });
  });

  test('puts any other webContents under the same policy the moment Electron creates it', async ({ builtApp }) => {
    await started(builtApp);

    // As for a devtools or guest view: a webContents that no code of the app constructed.
    const { webContentsId } = (await builtApp.ask({ kind: 'createWebContents' })) as { webContentsId: number };
    expect(webContentsId).not.toBe(MAIN_WEB_CONTENTS);
    for (const isMainFrame of [true, false]) {
      expect(
        await builtApp.ask({ kind: 'willFrameNavigate', webContentsId, url: 'https://evil.example/', isMainFrame }),
      ).toEqual({ prevented: true });
    }
    expect(await builtApp.ask({ kind: 'windowOpen', webContentsId, url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(await builtApp.ask({ kind: 'willAttachWebview', webContentsId })).toEqual({ prevented: true });
    // An allow-listed link still opens in the browser, as the URL the allow-list checked.
    expect(
      await builtApp.ask({ kind: 'windowOpen', webContentsId, url: 'HTTPS://Console.Twilio.com\\@evil.example/' }),
    ).toEqual({ action: 'deny' });
    expect(builtApp.callsTo('shell.openExternal').map((call) => call.args[0])).toEqual([
      'https://console.twilio.com/@evil.example/',
    ]);
  });

  test('opens Help from the menu, comes to the front for a second instance, and quits cleanly', async ({
    builtApp,
  }) => {
    const page = await started(builtApp);

    const [menu] = builtApp.callsTo('Menu.setApplicationMenu');
    expect(JSON.stringify(menu?.args)).toContain('"label":"Gleam Desktop Help","accelerator":"F1"');
    await builtApp.ask({ kind: 'menuClick', labels: ['Help', 'Gleam Desktop Help'] });
    await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();

    const focusesBefore = builtApp.callsTo('BrowserWindow.focus').length;
    await builtApp.ask({ kind: 'secondInstance' });
    expect(builtApp.callsTo('new BrowserWindow')).toHaveLength(1);
    expect(builtApp.callsTo('BrowserWindow.focus').length).toBe(focusesBefore + 1);

    expect(await builtApp.closeWindow()).toBe(0);
    expect(apiNames(builtApp).slice(-2)).toEqual(['app.quit', 'process.exit']);
    // The window's place is kept for the next start.
    const preferences = JSON.parse(
      await fs.promises.readFile(path.join(builtApp.userDataDir, 'preferences.json'), 'utf8'),
    ) as unknown;
    expect(preferences).toEqual({ windowBounds: { x: 0, y: 0, width: 1200, height: 800, maximized: false } });
    expect(builtApp.pageErrors).toEqual([]);
  });
});
