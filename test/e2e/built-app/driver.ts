/**
 * Runs the built app — what `npm start` runs: package.json's `main`
 * (out/main/index.js), the preload out/preload/index.cjs and the pages in
 * out/renderer — with Electron's own runtime replaced by the recording
 * stand-in (stand-in/electron.ts), and plays Electron's part around it:
 *   - main runs in a child Node process, `electron` resolved to the stand-in by
 *     a module hook; the bundles are loaded as they are;
 *   - each BrowserWindow is a Chromium page; its preload runs in an isolated
 *     world (page-bridge.ts), whose ipcRenderer reaches the stand-in's ipcMain;
 *   - every request the page makes to the app's origin is answered by the
 *     app's own protocol handler; Chromium cannot load a custom scheme, so
 *     `app://gleam/…` is shown to Chromium as `https://gleam/…` and mapped back
 *     (IPC senders, navigation checks and the handler see app:// URLs);
 *   - navigations, new windows and webviews are put to the app's handlers
 *     first, as Electron does, and refused ones never reach the page.
 * Everything the app asked of Electron is in `calls`, every IPC reply in
 * `ipcLog`, every protocol response in `responses`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page, Request, Route } from '@playwright/test';
import type { Envelope } from '../../../shared/ipc/contract';
import type { IpcExchange } from '../../support/app-host';
import { contextBridgeEnd, defineExposed, rendererElectron, type PreloadMessage } from './page-bridge';
import {
  STAND_IN_ENV,
  type DriverRequest,
  type FetchOutcome,
  type FromStandIn,
  type RecordedCall,
  type StandInNotice,
  type StandInRequest,
  type WindowOptionsRecord,
} from './stand-in/messages';
import { Peer } from './stand-in/peer';

const STAND_IN_DIR = path.join(import.meta.dirname, 'stand-in');
const PRELOAD_WORLD = 'electron-preload';

export interface BuiltAppOptions {
  browser: Browser;
  /** The folder with package.json whose `main` is run: the repository, after `npm run build`. */
  appDir: string;
  /** Stands for the user's home: the app's data folder is inside it, and survives restarts. */
  home: string;
  twilioHosts: string;
  /** What `process.platform` says in the app (the stand-in's Electron runs there); this machine's by default. */
  platform?: 'win32' | 'darwin' | 'linux';
}

export interface ProtocolResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
}

interface AppWindow {
  id: number;
  webContentsId: number;
  options: WindowOptionsRecord;
  page: Page;
  cdp: CDPSession;
  /** The preload world's execution context in the current document, once it exists. */
  preloadContext: number | null;
  /** The URL loadURL is loading: Electron does not ask will-navigate for it. */
  loading: string | null;
}

/** `app://gleam/x` as Chromium is shown it, and back. */
const CUSTOM_SCHEME = 'app:';
const toPageUrl = (url: string) =>
  url.startsWith(`${CUSTOM_SCHEME}//`) ? `https:${url.slice(CUSTOM_SCHEME.length)}` : url;

export class BuiltApp {
  readonly calls: RecordedCall[] = [];
  /** Every invoke's reply and every message main sent the page. */
  readonly ipcLog: IpcExchange[] = [];
  readonly responses: ProtocolResponse[] = [];
  /** Errors the preload threw, uncaught page errors and console errors, in order. */
  readonly pageErrors: string[] = [];
  /** Requests the page made that left the app's origin, and what became of them. */
  readonly offOrigin: { url: string; navigation: boolean; outcome: 'refused by the app' | 'allowed' | 'blocked' }[] =
    [];
  /** What the next save dialog answers: a path, or null for Cancel. */
  saveDialog: (defaultPath: string | null) => string | null = () => null;
  readonly output: string[] = [];

  readonly #options: BuiltAppOptions;
  readonly #keychainKey = randomBytes(32).toString('hex');
  readonly #bridgeEvents = `electron-context-bridge-${randomUUID()}`;
  readonly #bindingName = `__electronIpc_${randomUUID().replaceAll('-', '')}`;
  readonly #windows = new Map<number, AppWindow>();
  #context: BrowserContext | null = null;
  #child: ChildProcess | null = null;
  #peer: Peer<DriverRequest, never, StandInRequest, StandInNotice> | null = null;
  #exited: Promise<number | null> = Promise.resolve(null);
  #firstWindowLoaded: { resolve: (window: AppWindow) => void; reject: (error: Error) => void } | null = null;
  /** The app's origin as Chromium sees it (https://gleam), set by the first loadURL. */
  #pageOrigin: string | null = null;

  constructor(options: BuiltAppOptions) {
    this.#options = options;
  }

  get userDataDir(): string {
    return path.join(this.#options.home, 'appData', 'Gleam Desktop');
  }

  get home(): string {
    return this.#options.home;
  }

  /** Starts the app and resolves with its first window's page once it has loaded. */
  async start(): Promise<Page> {
    if (this.#child) throw new Error('The app is already running');
    fs.mkdirSync(this.#options.home, { recursive: true });
    if (!this.#context) {
      // One context for the app's life, restarts included, as Electron keeps one session in the data folder.
      const context = await this.#options.browser.newContext({ viewport: null });
      await context.route('**/*', (route, request) => this.#route(route, request));
      context.on('page', (page) => {
        // The windows' own pages show here too, before newPage() has returned them; any other is a new window.
        void Promise.allSettled(this.#opening.values()).then(() => {
          if (!this.#windowOf(page)) return page.close();
        });
      });
      this.#context = context;
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GLEAM_TWILIO_HOSTS: this.#options.twilioHosts,
      [STAND_IN_ENV.home]: this.#options.home,
      [STAND_IN_ENV.keychainKey]: this.#keychainKey,
      [STAND_IN_ENV.platform]: this.#options.platform ?? process.platform,
    };
    delete env.NODE_OPTIONS;
    const child = fork(path.join(STAND_IN_DIR, 'launch.ts'), [this.#options.appDir], {
      cwd: this.#options.appDir,
      env,
      // Only the stand-in's hook, not the loaders of the process that runs the tests. The stand-in is TypeScript
      // for Node's own type stripping (on by default from Node 22.18; engines allows 22.12).
      execArgv: [
        ...(process.features.typescript ? [] : ['--experimental-strip-types']),
        '--import',
        path.join(STAND_IN_DIR, 'register.ts'),
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.#child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    const peer = new Peer<DriverRequest, never, StandInRequest, StandInNotice>((message) => child.send(message), {
      answer: (request) => this.#answer(request),
      notice: (notice) => this.#notice(notice),
    });
    this.#peer = peer;
    child.on('message', (message) => {
      peer.receive(message as FromStandIn);
    });

    const firstWindow = new Promise<AppWindow>((resolve, reject) => {
      this.#firstWindowLoaded = { resolve, reject };
    });
    this.#exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        this.#child = null;
        peer.failPending('The app has exited');
        this.#firstWindowLoaded?.reject(
          new Error(`The app exited (code ${String(code)}) before its window loaded:\n${this.output.join('')}`),
        );
        resolve(code);
      });
    });
    return (await firstWindow).page;
  }

  /** Asks the app's main process what Electron would ask it. */
  ask(request: DriverRequest): Promise<unknown> {
    if (!this.#peer || !this.#child) throw new Error('The app is not running');
    return this.#peer.request(request);
  }

  /** A request straight to the app's protocol handler, with a URL no browser would normalise first. */
  async fetchAppUrl(url: string): Promise<FetchOutcome> {
    return (await this.ask({ kind: 'fetch', url, method: 'GET', headers: [] })) as FetchOutcome;
  }

  /** Closes the window as the person would; with the last window the app quits. Resolves with the exit code. */
  async closeWindow(): Promise<number | null> {
    const first = [...this.#windows.values()][0];
    if (!first) throw new Error('The app has no window');
    await this.ask({ kind: 'closeWindow', windowId: first.id });
    return this.#exited;
  }

  /** Ends the app if a test left it running. */
  async stop(): Promise<void> {
    this.#child?.kill('SIGKILL');
    await this.#exited;
    for (const window of this.#windows.values()) await window.page.close();
    this.#windows.clear();
    await this.#context?.close();
    this.#context = null;
  }

  callsTo(api: string): RecordedCall[] {
    return this.calls.filter((call) => call.api === api);
  }

  #notice(notice: StandInNotice): void {
    switch (notice.kind) {
      case 'record':
        this.calls.push(notice.call);
        return;
      case 'windowCreated':
        void this.#openWindow(notice.windowId, notice.webContentsId, notice.options);
        return;
      case 'send':
        this.ipcLog.push({ channel: notice.channel, reply: { ok: true, value: notice.args } });
        void this.#deliver(notice.windowId, notice.channel, notice.args);
        return;
      case 'windowClosed': {
        const window = this.#windows.get(notice.windowId);
        this.#windows.delete(notice.windowId);
        void window?.page.close();
        return;
      }
    }
  }

  async #answer(request: StandInRequest): Promise<unknown> {
    switch (request.kind) {
      case 'loadURL': {
        const window = await this.#windowReady(request.windowId);
        this.#pageOrigin ??= new URL(toPageUrl(request.url)).origin;
        window.loading = toPageUrl(request.url);
        try {
          await window.page.goto(toPageUrl(request.url));
        } finally {
          window.loading = null;
        }
        if (this.#firstWindowLoaded) {
          this.#firstWindowLoaded.resolve(window);
          this.#firstWindowLoaded = null;
        }
        return null;
      }
      case 'showSaveDialog':
        return this.saveDialog(request.defaultPath);
    }
  }

  readonly #opening = new Map<number, Promise<AppWindow>>();

  #windowReady(windowId: number): Promise<AppWindow> {
    const opening = this.#opening.get(windowId);
    if (!opening) throw new Error(`No window ${windowId} was created`);
    return opening;
  }

  #openWindow(windowId: number, webContentsId: number, options: WindowOptionsRecord): Promise<AppWindow> {
    const opening = this.#preparePage(windowId, webContentsId, options);
    this.#opening.set(windowId, opening);
    return opening;
  }

  /** A page for a BrowserWindow: its size, and its preload set to run in its own world on every document. */
  async #preparePage(windowId: number, webContentsId: number, options: WindowOptionsRecord): Promise<AppWindow> {
    const context = this.#context;
    if (!context) throw new Error('No browser context');
    const page = await context.newPage();
    await page.setViewportSize({ width: options.width ?? 800, height: options.height ?? 600 });
    const cdp = await context.newCDPSession(page);
    const window: AppWindow = { id: windowId, webContentsId, options, page, cdp, preloadContext: null, loading: null };
    this.#windows.set(windowId, window);

    page.on('pageerror', (error) => this.pageErrors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(`console: ${message.text()}`);
    });
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const mainFrameId = frameTree.frame.id;
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
      const aux = created.auxData as { frameId?: string } | undefined;
      if (created.name === PRELOAD_WORLD && aux?.frameId === mainFrameId) window.preloadContext = created.id;
    });
    cdp.on('Runtime.executionContextsCleared', () => {
      window.preloadContext = null;
    });
    cdp.on('Page.windowOpen', ({ url }) => void this.#windowOpen(window, url));
    cdp.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
      if (name === this.#bindingName) void this.#fromPreload(window, executionContextId, payload);
    });
    await cdp.send('Runtime.addBinding', { name: this.#bindingName, executionContextName: PRELOAD_WORLD });

    const preloadPath = options.webPreferences.preload;
    if (typeof preloadPath === 'string' && !fs.existsSync(preloadPath)) {
      // As Electron does: the page loads all the same, without what the preload would have exposed.
      this.pageErrors.push(`preload: Unable to load preload script: ${preloadPath}`);
    } else if (typeof preloadPath === 'string') {
      const main = `${this.#bridgeEvents}:main`;
      const isolated = `${this.#bridgeEvents}:preload`;
      // The page's end first, so it is listening when the preload exposes its API.
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
        source: `(${contextBridgeEnd.toString()})(${JSON.stringify(main)}, ${JSON.stringify(isolated)}, ${defineExposed.toString()});`,
      });
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
        worldName: PRELOAD_WORLD,
        source: preloadWorldScript(fs.readFileSync(preloadPath, 'utf8'), {
          listen: isolated,
          post: main,
          binding: this.#bindingName,
        }),
      });
    }
    return window;
  }

  async #fromPreload(window: AppWindow, contextId: number, payload: string): Promise<void> {
    const message = JSON.parse(payload) as PreloadMessage;
    if (message.kind === 'preloadError') {
      this.pageErrors.push(`preload: ${message.message}`);
      return;
    }
    const frameUrl = this.#toAppUrl(window.page.url());
    let settled: [boolean, unknown];
    try {
      const value = await this.ask({
        kind: 'invoke',
        windowId: window.id,
        channel: message.channel,
        args: message.args,
        frameUrl,
        isMainFrame: true,
      });
      this.ipcLog.push({ channel: message.channel, reply: value as Envelope<unknown> });
      settled = [true, value];
    } catch (error) {
      settled = [false, error instanceof Error ? error.message : String(error)];
    }
    await window.cdp
      .send('Runtime.callFunctionOn', {
        functionDeclaration: '(id, ok, value) => globalThis.__electronSettle(id, ok, value)',
        executionContextId: contextId,
        arguments: [{ value: message.id }, { value: settled[0] }, { value: settled[1] }],
      })
      // The document that asked is gone (reload, closed window): as in Electron, nobody is waiting.
      .catch(() => undefined);
  }

  /** webContents.send: to the preload's listeners in the window's current document, if it has one yet. */
  async #deliver(windowId: number, channel: string, args: unknown[]): Promise<void> {
    const window = await this.#opening.get(windowId);
    if (!window?.preloadContext) return;
    await window.cdp
      .send('Runtime.callFunctionOn', {
        functionDeclaration: '(channel, args) => globalThis.__electronDeliver(channel, args)',
        executionContextId: window.preloadContext,
        arguments: [{ value: channel }, { value: args }],
      })
      .catch(() => undefined);
  }

  #toAppUrl(pageUrl: string): string {
    if (this.#pageOrigin && (pageUrl === this.#pageOrigin || pageUrl.startsWith(`${this.#pageOrigin}/`))) {
      return `${CUSTOM_SCHEME}${pageUrl.slice('https:'.length)}`;
    }
    return pageUrl;
  }

  #windowOf(page: Page): AppWindow | undefined {
    return [...this.#windows.values()].find((window) => window.page === page);
  }

  /** Every request any page makes: the app's origin goes to its protocol handler, the rest is put to its policies. */
  async #route(route: Route, request: Request): Promise<void> {
    const url = request.url();
    const page = frameOf(request)?.page();
    const window = page && this.#windowOf(page);
    if (!page || !window) {
      // A window the app did not create (see #windowOpen): nothing reaches it.
      await route.abort('blockedbyclient');
      return;
    }
    const isMainFrame = request.frame() === page.mainFrame();
    const isTopNavigation = request.isNavigationRequest() && isMainFrame;
    if (request.isNavigationRequest() && !(isMainFrame && window.loading === url)) {
      const { prevented } = (await this.ask({
        kind: 'willFrameNavigate',
        webContentsId: window.webContentsId,
        url: this.#toAppUrl(url),
        isMainFrame,
      })) as { prevented: boolean };
      if (prevented) {
        if (!this.#isAppOrigin(url)) this.offOrigin.push({ url, navigation: true, outcome: 'refused by the app' });
        await route.abort('aborted');
        return;
      }
    }
    if (!this.#isAppOrigin(url)) {
      this.offOrigin.push({ url, navigation: isTopNavigation, outcome: isTopNavigation ? 'allowed' : 'blocked' });
      // No network here: what the app let through ends at the machine's edge.
      await route.abort('internetdisconnected');
      return;
    }
    const outcome = await this.fetchAppUrl(this.#toAppUrl(url));
    if (!outcome.ok) {
      this.responses.push({ url, status: 0, headers: {} });
      await route.abort('failed');
      return;
    }
    const headers = Object.fromEntries(outcome.headers);
    this.responses.push({ url, status: outcome.status, headers });
    await route.fulfill({ status: outcome.status, headers, body: Buffer.from(outcome.body) });
  }

  #isAppOrigin(url: string): boolean {
    return this.#pageOrigin !== null && new URL(url).origin === this.#pageOrigin;
  }

  /**
   * window.open, a target=_blank link or a form: Electron asks the window-open handler before any window exists.
   * Chromium announces the new window (Page.windowOpen) and opens it anyway; its requests are never answered
   * (#route) and it is closed, so only the app's answer has an effect. An `allow` is recorded, not modelled.
   */
  async #windowOpen(window: AppWindow, url: string): Promise<void> {
    const { action } = (await this.ask({
      kind: 'windowOpen',
      webContentsId: window.webContentsId,
      url: this.#toAppUrl(url),
    })) as {
      action: 'allow' | 'deny';
    };
    this.offOrigin.push({ url, navigation: true, outcome: action === 'deny' ? 'refused by the app' : 'allowed' });
  }
}

/** The frame a request comes from; a new window's first navigation has none yet. */
function frameOf(request: Request) {
  try {
    return request.frame();
  } catch {
    return null;
  }
}

/** The preload, wrapped as Electron wraps a sandboxed one: its own world, main frame only, only `electron` to require. */
function preloadWorldScript(source: string, names: { listen: string; post: string; binding: string }): string {
  return `(() => {
  if (window.top !== window) return;
  const bridge = (${contextBridgeEnd.toString()})(${JSON.stringify(names.listen)}, ${JSON.stringify(names.post)}, null);
  const electron = (${rendererElectron.toString()})(bridge, ${JSON.stringify(names.binding)});
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error("module not found: " + name);
  };
  const module = { exports: {} };
  try {
    (function (require, module, exports) {
${source}
    })(require, module, module.exports);
  } catch (error) {
    globalThis.__electronPreloadFailed(error);
  }
})();`;
}
