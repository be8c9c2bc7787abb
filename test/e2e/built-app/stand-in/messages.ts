/**
 * What the built app's main process (with the electron stand-in) and the
 * test's driver say to each other over the child process's IPC channel
 * (`fork` with `serialization: 'advanced'`, so byte arrays travel as they are).
 *
 * Either side may ask (a `request`, answered by one `response` with the same
 * id) or tell (a `notice`, never answered). Requests from the driver are what
 * Chromium or the person would cause in Electron (an IPC call from the page, a
 * request to the app:// scheme, a window closed, a menu item clicked); requests
 * from the stand-in are what the app asks Electron for that needs the page or
 * the person (load a URL in the window, answer a save dialog).
 */

/** One call the app made on the electron module, with its arguments (functions and secrets replaced). */
export interface RecordedCall {
  api: string;
  args: unknown[];
  /** Whether `app` was ready when the call was made. */
  appReady: boolean;
}

export interface WindowOptionsRecord {
  width?: number;
  height?: number;
  webPreferences: Record<string, unknown>;
}

export type DriverRequest =
  | {
      kind: 'invoke';
      windowId: number;
      channel: string;
      args: unknown[];
      /** The frame's URL as Electron reports it (app://gleam/…). */
      frameUrl: string;
      isMainFrame: boolean;
    }
  | { kind: 'fetch'; url: string; method: string; headers: [string, string][] }
  /** The page starts a navigation in one of its frames (a link, `location`, a form); loadURL is not one. */
  | { kind: 'willFrameNavigate'; webContentsId: number; url: string; isMainFrame: boolean }
  | { kind: 'windowOpen'; webContentsId: number; url: string }
  | { kind: 'willAttachWebview'; webContentsId: number }
  /** Electron creates a webContents the app did not construct itself (a devtools or guest view's); answers its id. */
  | { kind: 'createWebContents' }
  | { kind: 'permissionRequest'; permission: string }
  | { kind: 'permissionCheck'; permission: string }
  | { kind: 'menuClick'; labels: string[] }
  | { kind: 'closeWindow'; windowId: number }
  | { kind: 'secondInstance' };

/** What a `fetch` request is answered with: the protocol handler's Response, or the error it rejected with. */
export type FetchOutcome =
  { ok: true; status: number; headers: [string, string][]; body: Uint8Array } | { ok: false; message: string };

export type StandInRequest =
  { kind: 'loadURL'; windowId: number; url: string } | { kind: 'showSaveDialog'; defaultPath: string | null };

export type StandInNotice =
  | { kind: 'record'; call: RecordedCall }
  | { kind: 'windowCreated'; windowId: number; webContentsId: number; options: WindowOptionsRecord }
  | { kind: 'send'; windowId: number; channel: string; args: unknown[] }
  | { kind: 'windowClosed'; windowId: number };

export type Message<Request, Notice> =
  | { type: 'request'; id: number; body: Request }
  | { type: 'response'; id: number; ok: true; value: unknown }
  | { type: 'response'; id: number; ok: false; message: string }
  | { type: 'notice'; body: Notice };

/** Sent by the stand-in, read by the driver. */
export type FromStandIn = Message<StandInRequest, StandInNotice>;
/** Sent by the driver, read by the stand-in. */
export type FromDriver = Message<DriverRequest, never>;

/** Environment variables through which the driver configures the stand-in. */
export const STAND_IN_ENV = {
  /** Folder standing for the user's home: app.getPath('appData'), 'documents' and 'temp' are inside it. */
  home: 'ELECTRON_STAND_IN_HOME',
  /** Hex AES-256 key standing for the OS keychain's key, the same across restarts of one test. */
  keychainKey: 'ELECTRON_STAND_IN_KEYCHAIN_KEY',
  /** The platform the app is told it runs on (`process.platform`): `win32`, `darwin` or `linux`. */
  platform: 'ELECTRON_STAND_IN_PLATFORM',
} as const;
