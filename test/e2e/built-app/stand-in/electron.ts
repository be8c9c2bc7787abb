/**
 * A recording stand-in for the `electron` module, for running the built app's
 * main process (`out/main/index.js`, unchanged) in plain Node where the
 * Electron binary cannot be downloaded. The resolve hook (hooks.ts) answers
 * `import … from 'electron'` with this file; nothing in `out/` is edited.
 *
 * It models what main uses — app lifecycle and paths, protocol, BrowserWindow
 * and webContents, ipcMain, safeStorage, dialog, Menu, shell, session, screen,
 * net — keeps Electron's rules where breaking them is a bug (no window, protocol
 * handler or screen before `ready`; privileged schemes only before it; one
 * handler per IPC channel), and reports every call to the driver (driver.ts)
 * as a RecordedCall. What needs a page or a person goes to the driver: a
 * window's page is a Chromium page there, and its IPC calls, app:// requests,
 * navigations and the person's clicks on the menu come back here.
 *
 * Runs only in a process forked by the driver: it needs the IPC channel.
 * Written for Node's own type stripping (no TypeScript-only runtime syntax), so
 * the app runs with no TypeScript loader in the process.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  STAND_IN_ENV,
  type DriverRequest,
  type FetchOutcome,
  type FromDriver,
  type FromStandIn,
  type StandInNotice,
  type StandInRequest,
} from './messages.ts';
import { Peer } from './peer.ts';

const sendToDriver = (message: FromStandIn, done?: () => void): void => {
  if (!process.send) throw new Error('The electron stand-in runs only in a process forked by the built-app driver.');
  process.send(message, undefined, {}, () => done?.());
};

const peer = new Peer<StandInRequest, StandInNotice, DriverRequest, never>(sendToDriver, {
  answer: (request) => answerDriver(request),
  notice: () => undefined,
});
process.on('message', (message) => {
  peer.receive(message as FromDriver);
});
// The driver is gone (test over or crashed): nothing can reach this app any more.
process.on('disconnect', () => process.exit(1));

let appReady = false;

/** A copy that can cross the IPC channel: functions and native objects become their names. */
function describe(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof BrowserWindow) return `[BrowserWindow ${value.id}]`;
  if (value instanceof WebContents) return `[WebContents ${value.id}]`;
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => describe(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, describe(item, depth + 1)]));
}

function record(api: string, ...args: unknown[]): void {
  peer.notify({ kind: 'record', call: { api, args: args.map((arg) => describe(arg)), appReady } });
}

interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function preventableEvent<Extra extends object>(extra: Extra): PreventableEvent & Extra {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

function requireReady(what: string): void {
  if (!appReady) throw new Error(`${what} cannot be used before the app is ready`);
}

// ——— app ———

interface AppPackage {
  name: string;
  productName?: string;
  version: string;
}

class App extends EventEmitter {
  readonly isPackaged = false;
  #package: AppPackage = { name: 'Electron', version: '0.0.0' };
  readonly #paths = new Map<string, string>();
  #quitting = false;
  #markReady: () => void = () => undefined;
  readonly #ready = new Promise<void>((resolve) => {
    this.#markReady = resolve;
  });

  /** Called by the launcher, as Electron does before running the app's main script. */
  configure(appPackage: AppPackage, home: string): void {
    this.#package = appPackage;
    const appData = path.join(home, 'appData');
    const userData = path.join(appData, appPackage.productName ?? appPackage.name);
    const paths: Record<string, string> = {
      home,
      appData,
      userData,
      sessionData: userData,
      logs: path.join(userData, 'logs'),
      crashDumps: path.join(userData, 'Crashpad'),
      temp: path.join(home, 'tmp'),
      documents: path.join(home, 'Documents'),
      downloads: path.join(home, 'Downloads'),
      desktop: path.join(home, 'Desktop'),
    };
    for (const [name, value] of Object.entries(paths)) this.#paths.set(name, value);
    // A user account has these already; the app writes into them but does not create them.
    for (const folder of [paths.documents, paths.downloads, paths.desktop, paths.temp]) {
      if (folder) fs.mkdirSync(folder, { recursive: true });
    }
  }

  becomeReady(): void {
    appReady = true;
    this.#markReady();
    this.emit('ready', {}, {});
  }

  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return true;
  }

  whenReady(): Promise<void> {
    return this.#ready;
  }

  getPath(name: string): string {
    record('app.getPath', name);
    const value = this.#paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    record('app.setPath', name, value);
    this.#paths.set(name, value);
  }

  setAppLogsPath(value: string): void {
    record('app.setAppLogsPath', value);
    this.#paths.set('logs', value);
  }

  getName(): string {
    return this.#package.productName ?? this.#package.name;
  }

  getVersion(): string {
    return this.#package.version;
  }

  /** As Electron: before-quit, close every window (any may refuse), will-quit, quit, exit. */
  quit(): void {
    record('app.quit');
    if (this.#quitting) return;
    const beforeQuit = preventableEvent({});
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.#quitting = true;
    for (const window of BrowserWindow.getAllWindows()) window.close();
    if (BrowserWindow.getAllWindows().length > 0) {
      this.#quitting = false;
      return;
    }
    const willQuit = preventableEvent({});
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.#quitting = false;
      return;
    }
    this.emit('quit', {}, 0);
    exitProcess(0);
  }

  exit(code = 0): void {
    record('app.exit', code);
    exitProcess(code);
  }

  get quitting(): boolean {
    return this.#quitting;
  }
}

/** Exits once the driver has every notice sent so far (process.send is asynchronous). */
function exitProcess(code: number): void {
  sendToDriver(
    { type: 'notice', body: { kind: 'record', call: { api: 'process.exit', args: [code], appReady } } },
    () => process.exit(code),
  );
}

export const app = new App();

// ——— BrowserWindow and webContents ———

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

let nextWebContentsId = 1;
const allWebContents = new Map<number, WebContents>();

class WebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session: Session;
  /** The BrowserWindow showing it; null for one Electron made otherwise (devtools, a guest view). */
  readonly #windowId: number | null;
  #windowOpenHandler: WindowOpenHandler | null = null;
  #url = '';
  #destroyed = false;

  /** As Electron's: the app hears `web-contents-created` while it is constructed, before anything loads in it. */
  constructor(windowId: number | null, session: Session) {
    super();
    this.#windowId = windowId;
    this.session = session;
    allWebContents.set(this.id, this);
    app.emit('web-contents-created', preventableEvent({}), this);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    record('webContents.send', channel, ...args);
    if (this.#windowId !== null) peer.notify({ kind: 'send', windowId: this.#windowId, channel, args });
  }

  /**
   * A navigation the page starts, put to the app as Electron's navigation throttle does: `will-frame-navigate`
   * for any frame, then, for the main frame and unless refused already, `will-navigate`. Whether it was refused.
   */
  navigationStarted(url: string, isMainFrame: boolean): boolean {
    const details = preventableEvent({ url, isSameDocument: false, isMainFrame, frame: null });
    this.emit('will-frame-navigate', details);
    if (details.defaultPrevented || !isMainFrame) return details.defaultPrevented;
    const event = preventableEvent({ url, isSameDocument: false, isMainFrame });
    this.emit('will-navigate', event, url, false, true);
    return event.defaultPrevented;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    record('webContents.setWindowOpenHandler', handler);
    this.#windowOpenHandler = handler;
  }

  windowOpenAction(url: string): 'allow' | 'deny' {
    const handler = this.#windowOpenHandler;
    // Without a handler Electron opens the new window.
    if (!handler) return 'allow';
    return handler({ url, frameName: '', features: '', disposition: 'new-window' }).action;
  }

  loaded(url: string): void {
    this.#url = url;
    this.emit('did-finish-load', {});
  }

  getURL(): string {
    return this.#url;
  }

  destroy(): void {
    this.#destroyed = true;
    allWebContents.delete(this.id);
    this.emit('destroyed', {});
  }
}

interface WindowOptions {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  show?: boolean;
  webPreferences?: Record<string, unknown>;
}

export class BrowserWindow extends EventEmitter {
  static readonly #windows = new Map<number, BrowserWindow>();
  static #nextId = 1;
  static #focused: BrowserWindow | null = null;

  readonly id: number;
  readonly webContents: WebContents;
  #bounds: Bounds;
  #maximized = false;
  #destroyed = false;
  #readyToShow = false;

  constructor(options: WindowOptions = {}) {
    super();
    requireReady('BrowserWindow');
    record('new BrowserWindow', options);
    this.id = BrowserWindow.#nextId++;
    this.webContents = new WebContents(this.id, defaultSession);
    this.#bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    BrowserWindow.#windows.set(this.id, this);
    peer.notify({
      kind: 'windowCreated',
      windowId: this.id,
      webContentsId: this.webContents.id,
      options: { width: this.#bounds.width, height: this.#bounds.height, webPreferences: options.webPreferences ?? {} },
    });
  }

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.#windows.values()];
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.#focused;
  }

  static fromId(id: number): BrowserWindow | null {
    return BrowserWindow.#windows.get(id) ?? null;
  }

  /** Electron resolves loadURL when the page has loaded, and shows `ready-to-show` once it has painted. */
  async loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', url);
    await peer.request({ kind: 'loadURL', windowId: this.id, url });
    if (!this.#readyToShow) {
      this.#readyToShow = true;
      this.emit('ready-to-show', {});
    }
    this.webContents.loaded(url);
  }

  show(): void {
    record('BrowserWindow.show', this.id);
    this.focus();
  }

  focus(): void {
    record('BrowserWindow.focus', this.id);
    BrowserWindow.#focused = this;
    this.emit('focus', {});
  }

  maximize(): void {
    record('BrowserWindow.maximize', this.id);
    this.#maximized = true;
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  /** Nobody minimises the stand-in's window: the page is always on screen. */
  isMinimized(): boolean {
    return false;
  }

  restore(): void {
    record('BrowserWindow.restore', this.id);
  }

  getNormalBounds(): Bounds {
    return { ...this.#bounds };
  }

  /** As when the person closes it: `close` may be refused; then `closed`, and with the last window, the app's turn. */
  close(): void {
    if (this.#destroyed) return;
    const event = preventableEvent({});
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    BrowserWindow.#windows.delete(this.id);
    if (BrowserWindow.#focused === this) BrowserWindow.#focused = null;
    this.emit('closed');
    this.webContents.destroy();
    peer.notify({ kind: 'windowClosed', windowId: this.id });
    if (BrowserWindow.#windows.size === 0 && !app.quitting) {
      // Electron quits by itself when the last window closes, unless the app listens for this.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    }
  }
}

function windowById(id: number): BrowserWindow {
  const window = BrowserWindow.fromId(id);
  if (!window) throw new Error(`No window ${id}`);
  return window;
}

function webContentsById(id: number): WebContents {
  const contents = allWebContents.get(id);
  if (!contents) throw new Error(`No webContents ${id}`);
  return contents;
}

// ——— ipcMain ———

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class IpcMain extends EventEmitter {
  readonly #handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    record('ipcMain.handle', channel);
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.#handlers.set(channel, handler);
  }

  /** An `ipcRenderer.invoke` from a window's page, as Electron delivers it; rejections read as Electron's do. */
  async invoke(request: Extract<DriverRequest, { kind: 'invoke' }>): Promise<unknown> {
    const handler = this.#handlers.get(request.channel);
    if (!handler) throw new Error(`No handler registered for '${request.channel}'`);
    const sender = windowById(request.windowId).webContents;
    const topFrame = { url: request.frameUrl, parent: null };
    const event = {
      type: 'frame',
      sender,
      processId: 1,
      frameId: 1,
      senderFrame: request.isMainFrame ? topFrame : { url: request.frameUrl, parent: topFrame, top: topFrame },
    };
    try {
      return await handler(event, ...request.args);
    } catch (error) {
      throw new Error(`Error invoking remote method '${request.channel}': ${String(error)}`, { cause: error });
    }
  }
}

export const ipcMain = new IpcMain();

// ——— protocol and net ———

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
const protocolHandlers = new Map<string, ProtocolHandler>();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (appReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    record('protocol.handle', scheme);
    requireReady('protocol.handle');
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocolHandlers.set(scheme, handler);
  },
};

/** A request to a handled scheme, as Chromium makes it for the page: the handler's Response, or its failure. */
async function fetchThroughProtocol(request: Extract<DriverRequest, { kind: 'fetch' }>): Promise<FetchOutcome> {
  const scheme = new URL(request.url).protocol.slice(0, -1);
  const handler = protocolHandlers.get(scheme);
  if (!handler) return { ok: false, message: 'net::ERR_UNKNOWN_URL_SCHEME' };
  try {
    const response = await handler(new Request(request.url, { method: request.method, headers: request.headers }));
    const body = new Uint8Array(await response.arrayBuffer());
    return { ok: true, status: response.status, headers: [...response.headers.entries()], body };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The MIME types Chromium's file loader gives the files a renderer build holds
 * (net/base/mime_util.cc); a module script without a JavaScript type would be
 * refused by the page, as in Electron.
 */
const FILE_MIME_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain',
};

export const net = {
  /** file: URLs are read from disk as Chromium's file loader would; anything else goes to Node's fetch. */
  async fetch(input: string, init?: RequestInit): Promise<Response> {
    const url = new URL(input);
    if (url.protocol !== 'file:') return fetch(input, init);
    const file = fileURLToPath(url);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) throw new Error('net::ERR_FILE_NOT_FOUND');
    if (!stat.isFile()) throw new Error(`The electron stand-in does not model directory listings (${file})`);
    const type = FILE_MIME_TYPES[path.extname(file).toLowerCase()];
    return new Response(await fs.promises.readFile(file), {
      status: 200,
      headers: type ? { 'Content-Type': type } : {},
    });
  },
};

// ——— safeStorage ———

/**
 * The async API main uses, encrypting as an OS keychain would, with a key the
 * driver keeps for the test (so a restart can decrypt). On Linux the app does
 * not use safeStorage at all (adapters/safe-storage-cipher.ts).
 */
function storageKey(): Buffer {
  const hex = process.env[STAND_IN_ENV.keychainKey];
  if (!hex || !/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${STAND_IN_ENV.keychainKey} must be 64 hex digits`);
  return Buffer.from(hex, 'hex');
}

const CIPHERTEXT_PREFIX = Buffer.from('v10');

function encrypt(plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', storageKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([CIPHERTEXT_PREFIX, iv, cipher.getAuthTag(), data]);
}

function decrypt(encrypted: Buffer): string {
  const body = encrypted.subarray(CIPHERTEXT_PREFIX.length);
  const decipher = createDecipheriv('aes-256-gcm', storageKey(), body.subarray(0, 12));
  decipher.setAuthTag(body.subarray(12, 28));
  return Buffer.concat([decipher.update(body.subarray(28)), decipher.final()]).toString('utf8');
}

export const safeStorage = {
  isAsyncEncryptionAvailable(): Promise<boolean> {
    record('safeStorage.isAsyncEncryptionAvailable');
    return Promise.resolve(true);
  },
  encryptStringAsync(plain: string): Promise<Buffer> {
    record('safeStorage.encryptStringAsync', '[secret]');
    return Promise.resolve().then(() => encrypt(plain));
  },
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    record('safeStorage.decryptStringAsync', encrypted);
    return Promise.resolve().then(() => ({ result: decrypt(encrypted), shouldReEncrypt: false }));
  },
};

// ——— dialog ———

interface SaveDialogOptions {
  defaultPath?: string;
}

export const dialog = {
  async showSaveDialog(
    windowOrOptions: BrowserWindow | SaveDialogOptions,
    maybeOptions?: SaveDialogOptions,
  ): Promise<{ canceled: boolean; filePath: string }> {
    const options = windowOrOptions instanceof BrowserWindow ? (maybeOptions ?? {}) : windowOrOptions;
    record('dialog.showSaveDialog', windowOrOptions, maybeOptions);
    const filePath = (await peer.request({ kind: 'showSaveDialog', defaultPath: options.defaultPath ?? null })) as
      string | null;
    return { canceled: filePath === null, filePath: filePath ?? '' };
  },
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', title, content);
  },
};

// ——— Menu ———

interface MenuItemOptions {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: (item: MenuItem, window: BrowserWindow | undefined, event: object) => void;
  submenu?: MenuItemOptions[];
}

/** The labels Electron gives menus that name only a role. */
const ROLE_LABELS: Record<string, string> = {
  fileMenu: 'File',
  editMenu: 'Edit',
  viewMenu: 'View',
  windowMenu: 'Window',
  help: 'Help',
};

class MenuItem {
  readonly label: string;
  readonly role: string | undefined;
  readonly accelerator: string | undefined;
  readonly submenu: Menu | undefined;
  readonly #click: MenuItemOptions['click'];

  constructor(options: MenuItemOptions) {
    this.role = options.role;
    this.label =
      options.label ?? (options.role === 'appMenu' ? app.getName() : (ROLE_LABELS[options.role ?? ''] ?? ''));
    this.accelerator = options.accelerator;
    this.submenu = options.submenu ? Menu.buildFromTemplate(options.submenu) : undefined;
    this.#click = options.click;
  }

  click(): void {
    this.#click?.(this, BrowserWindow.getFocusedWindow() ?? undefined, { triggeredByAccelerator: false });
  }
}

export class Menu {
  static #applicationMenu: Menu | null = null;
  readonly items: MenuItem[];

  constructor(items: MenuItem[] = []) {
    this.items = items;
  }

  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    return new Menu(template.map((options) => new MenuItem(options)));
  }

  static setApplicationMenu(menu: Menu | null): void {
    record('Menu.setApplicationMenu', menu ? describeMenu(menu) : null);
    Menu.#applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return Menu.#applicationMenu;
  }
}

function describeMenu(menu: Menu): unknown[] {
  return menu.items.map((item) => ({
    label: item.label,
    role: item.role,
    accelerator: item.accelerator,
    ...(item.submenu ? { submenu: describeMenu(item.submenu) } : {}),
  }));
}

function clickMenuItem(labels: string[]): void {
  let items = Menu.getApplicationMenu()?.items ?? [];
  let found: MenuItem | undefined;
  for (const label of labels) {
    found = items.find((item) => item.label === label);
    if (!found) throw new Error(`No menu item ${labels.join(' → ')}`);
    items = found.submenu?.items ?? [];
  }
  found?.click();
}

// ——— shell, session, screen ———

export const shell = {
  openExternal(url: string, options?: object): Promise<void> {
    record('shell.openExternal', url, options);
    return Promise.resolve();
  },
};

type PermissionRequestHandler = (
  contents: WebContents | null,
  permission: string,
  callback: (granted: boolean) => void,
  details: object,
) => void;
type PermissionCheckHandler = (
  contents: WebContents | null,
  permission: string,
  origin: string,
  details: object,
) => boolean;

class Session {
  #requestHandler: PermissionRequestHandler | null = null;
  #checkHandler: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    record('session.setPermissionRequestHandler', handler);
    this.#requestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    record('session.setPermissionCheckHandler', handler);
    this.#checkHandler = handler;
  }

  /** What a page asking for `permission` gets; without a handler, Electron grants it. */
  permissionRequested(permission: string): Promise<boolean> {
    const handler = this.#requestHandler;
    if (!handler) return Promise.resolve(true);
    const contents = BrowserWindow.getAllWindows()[0]?.webContents ?? null;
    return new Promise((resolve) => {
      handler(contents, permission, resolve, { requestingUrl: contents?.getURL() ?? '' });
    });
  }

  permissionChecked(permission: string): boolean {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents ?? null;
    return this.#checkHandler?.(contents, permission, contents?.getURL() ?? '', {}) ?? true;
  }
}

const defaultSession = new Session();
export const session = { defaultSession };

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
};

export const screen = {
  getAllDisplays(): (typeof DISPLAY)[] {
    requireReady('screen');
    return [DISPLAY];
  },
};

// ——— the driver's requests ———

async function answerDriver(request: DriverRequest): Promise<unknown> {
  switch (request.kind) {
    case 'invoke':
      return ipcMain.invoke(request);
    case 'fetch':
      return fetchThroughProtocol(request);
    case 'willFrameNavigate':
      return { prevented: webContentsById(request.webContentsId).navigationStarted(request.url, request.isMainFrame) };
    case 'windowOpen':
      return { action: webContentsById(request.webContentsId).windowOpenAction(request.url) };
    case 'willAttachWebview': {
      const event = preventableEvent({});
      webContentsById(request.webContentsId).emit('will-attach-webview', event, {}, { src: 'about:blank' });
      return { prevented: event.defaultPrevented };
    }
    case 'createWebContents':
      return { webContentsId: new WebContents(null, defaultSession).id };
    case 'permissionRequest':
      return { granted: await defaultSession.permissionRequested(request.permission) };
    case 'permissionCheck':
      return { granted: defaultSession.permissionChecked(request.permission) };
    case 'menuClick':
      clickMenuItem(request.labels);
      return null;
    case 'closeWindow':
      windowById(request.windowId).close();
      return null;
    case 'secondInstance':
      app.emit('second-instance', {}, [], process.cwd(), {});
      return null;
  }
}

export default {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
};
