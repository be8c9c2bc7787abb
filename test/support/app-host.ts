/**
 * Runs the real main-side core (services, SQLite in a temp folder, Twilio
 * gateway) in the Playwright worker and connects a page to it: an init
 * script installs `window.gleam` with the contract's shape, and each call is
 * forwarded through `page.exposeBinding` to the core's IPC registry — the
 * same registry ipcMain calls in the app, sender check included. Only the
 * Electron shell is left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createAppCore, type AppCore } from '../../electron/main/core';
import type { IpcSender } from '../../electron/main/ipc/registrar';
import type { SecretCipher } from '../../electron/main/infrastructure/secret-cipher';
import type { TwilioHostMap } from '../../electron/main/twilio/hosts';
import { CHANNELS, type Envelope } from '../../shared/ipc/contract';

export interface AppHostOptions {
  dataDir: string;
  cipher: SecretCipher;
  /** Chosen per test by the fixture; a test of an unreachable Twilio maps hosts to a closed port. */
  twilioHosts: TwilioHostMap;
  trustedOrigin: string;
}

/**
 * Installed in the page before any app script runs. Runs in the browser: no
 * imports. Main's events arrive through `__gleamEvent`, called by the host.
 */
function installBridge(channels: readonly string[]): void {
  const target = window as unknown as {
    __gleamIpc: (channel: string, input: unknown) => Promise<unknown>;
    __gleamEvent?: (event: string, payload: unknown) => void;
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: Record<string, unknown> = {
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const channel of channels) {
    const [domain = '', method = ''] = channel.split(':');
    const methods = (bridge[domain] ??= {}) as Record<string, (input: unknown) => Promise<unknown>>;
    methods[method] = (input) => target.__gleamIpc(channel, input);
  }
  Object.defineProperty(window, 'gleam', { value: Object.freeze(bridge), enumerable: true });
  Object.defineProperty(window, '__gleamEvent', {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });
}

export interface IpcExchange {
  channel: string;
  reply: Envelope<unknown>;
}

export class AppHost {
  /** Every call the page made and what main answered, for assertions and secret scans. */
  readonly ipcLog: IpcExchange[] = [];
  /** What the save dialog answers next: save under its suggested name in exportDir, or cancel. */
  saveDialogAnswer: 'save' | 'cancel' = 'save';
  private coreInstance: AppCore | null = null;
  private page: Page | null = null;

  constructor(private readonly options: AppHostOptions) {}

  get core(): AppCore {
    if (!this.coreInstance) throw new Error('the app core is not running');
    return this.coreInstance;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get logDir(): string {
    return path.join(this.options.dataDir, 'logs');
  }

  /** Where the stand-in save dialog puts exported files. */
  get exportDir(): string {
    return path.join(this.options.dataDir, 'exports');
  }

  /** Starts the core as the app does: then settles open purchases and syncs, in the background. */
  start(): AppCore {
    this.coreInstance = createAppCore({
      dataDir: this.options.dataDir,
      logDir: this.logDir,
      cipher: this.options.cipher,
      trustedOrigins: [this.options.trustedOrigin],
      twilioHosts: this.options.twilioHosts,
      // The save dialog, answered without a person: the suggested name in exportDir, or a cancel.
      chooseSavePath: (suggestedName) => {
        if (this.saveDialogAnswer === 'cancel') return Promise.resolve(null);
        fs.mkdirSync(this.exportDir, { recursive: true });
        return Promise.resolve(path.join(this.exportDir, suggestedName));
      },
      // Short enough that a test of a hanging Twilio finishes quickly.
      twilioTimeoutMs: 3_000,
      twilioRetry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 2_000 },
      // An event for a page that is gone (the test is over) is simply dropped.
      emit: (event, payload) => {
        void this.page
          ?.evaluate(
            ([name, data]) =>
              (window as unknown as { __gleamEvent: (e: string, p: unknown) => void }).__gleamEvent(name, data),
            [event, payload] as const,
          )
          .catch(() => undefined);
      },
    });
    void this.coreInstance.refreshFromTwilio();
    return this.coreInstance;
  }

  stop(): void {
    this.coreInstance?.close();
    this.coreInstance = null;
  }

  /** Calls the registry as the page would, from a given sender. */
  async invoke(sender: IpcSender, channel: string, input: unknown): Promise<Envelope<unknown>> {
    const reply = await this.core.registry.invoke(sender, channel, input);
    this.ipcLog.push({ channel, reply });
    return reply;
  }

  async attach(page: Page): Promise<void> {
    this.page = page;
    await page.exposeBinding('__gleamIpc', ({ frame, page: source }, channel: string, input: unknown) =>
      this.invoke({ url: frame.url(), isMainFrame: frame === source.mainFrame() }, channel, input),
    );
    await page.addInitScript(installBridge, CHANNELS);
  }
}
