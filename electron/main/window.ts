/**
 * The main window and its security policy: context isolation, sandbox, no
 * Node integration, a preload that exposes only the IPC contract, no
 * permissions granted. Every webContents — the window's and any other
 * Electron creates — is guarded from its creation: no navigation of any frame
 * away from the app, no new windows (allow-listed https links open in the
 * browser instead), no webviews.
 */
import path from 'node:path';
import { app, BrowserWindow, screen, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './adapters/app-protocol';
import type { Preferences, WindowBounds } from './adapters/preferences';

/** Links the app may open in the person's browser. */
const EXTERNAL_LINK_ORIGINS = new Set([
  'https://console.twilio.com',
  'https://www.twilio.com',
  'https://help.twilio.com',
]);

/**
 * The link as the URL the allow-list was checked on (parsed and serialised again), or null. The browser is given
 * that, never the raw string: another parser could read a different host in it (`https://help.twilio.com\@evil`
 * is Twilio's to WHATWG URL, which reads "\" as "/", and evil's to one that does not).
 */
function allowedExternalLink(url: string): string | null {
  try {
    const parsed = new URL(url);
    return EXTERNAL_LINK_ORIGINS.has(parsed.origin) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Opens a link in the person's browser if it is on the allow-list; anything else is ignored. */
export function openAllowedLink(url: string): void {
  const link = allowedExternalLink(url);
  if (link !== null) void shell.openExternal(link);
}

/** The app's own pages. Compared as text: Node's URL gives non-special schemes such as app: an opaque origin. */
const isAppUrl = (url: string) => url.startsWith(`${APP_ORIGIN}/`);

function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedLink(url);
    return { action: 'deny' };
  });
  // Asked for the main frame and every subframe, before will-navigate (main frame only), so it covers both.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Puts every webContents under the app's navigation policy from its creation: the main window's, and any other
 * (devtools, or one a future change lets in), so none can exist unguarded. Call before the app is ready, when no
 * webContents exists yet.
 */
export function guardEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

function visibleBounds(saved: WindowBounds | null): WindowBounds {
  const fallback: WindowBounds = { width: 1200, height: 800, maximized: false };
  if (!saved || saved.x === undefined || saved.y === undefined) return saved ?? fallback;
  const { x, y } = saved;
  const onScreen = screen
    .getAllDisplays()
    .some(
      ({ workArea }) =>
        x >= workArea.x - 50 &&
        y >= workArea.y - 50 &&
        x < workArea.x + workArea.width &&
        y < workArea.y + workArea.height,
    );
  return onScreen ? saved : { ...saved, x: undefined, y: undefined };
}

export function createMainWindow(options: {
  preloadPath: string;
  /** The window's icon on Windows and Linux (macOS uses the app bundle's). */
  iconPath: string;
  preferences: Preferences;
  startUrl: string;
}): BrowserWindow {
  const bounds = visibleBounds(options.preferences.windowBounds());
  const window = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Gleam Desktop',
    icon: options.iconPath,
    backgroundColor: '#00000000',
    webPreferences: {
      preload: path.resolve(options.preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would open a link in a new window without passing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (bounds.maximized) window.maximize();

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    options.preferences.setWindowBounds({ x, y, width, height, maximized: window.isMaximized() });
  });
  void window.loadURL(options.startUrl);
  return window;
}
