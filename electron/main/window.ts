/**
 * The main window and its security policy: context isolation, sandbox, no
 * Node integration, a preload that exposes only the IPC contract; no
 * navigation away from the app, no new windows (allow-listed https links
 * open in the browser instead), no permissions granted, no webviews.
 */
import path from 'node:path';
import { BrowserWindow, screen, session, shell } from 'electron';
import { APP_ORIGIN } from './adapters/app-protocol';
import type { Preferences, WindowBounds } from './adapters/preferences';

/** Links the app may open in the person's browser. */
const EXTERNAL_LINK_ORIGINS = new Set([
  'https://console.twilio.com',
  'https://www.twilio.com',
  'https://help.twilio.com',
]);

export function isAllowedExternalLink(url: string): boolean {
  try {
    return EXTERNAL_LINK_ORIGINS.has(new URL(url).origin);
  } catch {
    return false;
  }
}

/** Opens a link in the person's browser if it is on the allow-list; anything else is ignored. */
export function openAllowedLink(url: string): void {
  if (isAllowedExternalLink(url)) void shell.openExternal(url);
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

  const { webContents } = window;
  webContents.setWindowOpenHandler(({ url }) => {
    openAllowedLink(url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  webContents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
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
