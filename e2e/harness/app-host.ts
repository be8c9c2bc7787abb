/**
 * Runs the real main-side core (services, SQLite in a temp folder, Twilio
 * gateway) in the Playwright worker and connects a page to it: an init
 * script installs `window.gleam` with the contract's shape, and each call is
 * forwarded through `page.exposeBinding` to the core's IPC registry — the
 * same registry ipcMain calls in the app, sender check included. Only the
 * Electron shell is left out.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createAppCore, type AppCore } from '../../electron/main/core';
import type { IpcSender } from '../../electron/main/ipc/registrar';
import type { SecretCipher } from '../../electron/main/services/credential-vault';
import type { TwilioHostMap } from '../../electron/main/twilio/hosts';
import { CHANNELS, type Envelope } from '../../shared/ipc/contract';

export interface AppHostOptions {
  dataDir: string;
  cipher: SecretCipher;
  /** Chosen per test by the fixture; a test of an unreachable Twilio maps hosts to a closed port. */
  twilioHosts: TwilioHostMap;
  trustedOrigin: string;
}

/** Installed in the page before any app script runs. Runs in the browser: no imports. */
function installBridge(channels: readonly string[]): void {
  const target = window as unknown as {
    __gleamIpc: (channel: string, input: unknown) => Promise<unknown>;
    gleam?: unknown;
  };
  const bridge: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [domain = '', method = ''] = channel.split(':');
    (bridge[domain] ??= {})[method] = (input) => target.__gleamIpc(channel, input);
  }
  Object.defineProperty(window, 'gleam', { value: Object.freeze(bridge), enumerable: true });
}

export interface IpcExchange {
  channel: string;
  reply: Envelope<unknown>;
}

export class AppHost {
  /** Every call the page made and what main answered, for assertions and secret scans. */
  readonly ipcLog: IpcExchange[] = [];
  private coreInstance: AppCore | null = null;

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

  start(): AppCore {
    this.coreInstance = createAppCore({
      dataDir: this.options.dataDir,
      logDir: this.logDir,
      cipher: this.options.cipher,
      trustedOrigins: [this.options.trustedOrigin],
      twilioHosts: this.options.twilioHosts,
      // Short enough that a test of a hanging Twilio finishes quickly.
      twilioTimeoutMs: 3_000,
      twilioRetry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 2_000 },
    });
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
    await page.exposeBinding('__gleamIpc', ({ frame, page: source }, channel: string, input: unknown) =>
      this.invoke({ url: frame.url(), isMainFrame: frame === source.mainFrame() }, channel, input),
    );
    await page.addInitScript(installBridge, CHANNELS);
  }
}
