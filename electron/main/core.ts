/**
 * Everything main does, minus Electron: database, Twilio gateway, services
 * and the IPC registry. app.ts wires it to Electron's adapters; the e2e
 * harness and integration tests build the very same core with test adapters,
 * so they exercise the real services, not copies.
 *
 * Layers of electron/main, each importing only layers listed before it, so
 * the record types, the repos and the Twilio code never depend on the
 * features built on them. A file imports from its own folder and from the
 * folders its row lists, nothing else (shared/, outside main, imports nothing
 * of main; electron/preload, tests, tools and bench are outside the table):
 *
 *   infrastructure/  shared/
 *   domain/          shared/
 *   db/              domain/, infrastructure/, shared/
 *   twilio/          domain/, infrastructure/, shared/
 *   ipc/             infrastructure/, shared/
 *   services/        db/, twilio/, domain/, infrastructure/, shared/, and of ipc/ only the ChannelHandlers
 *                    type (ipc/registrar.ts), which types the handlers each service exports
 *   adapters/        infrastructure/, shared/, and of ipc/ only the types of the registry ipc-main.ts drives
 *                    (IpcRegistry, IpcSender in ipc/registrar.ts)
 *   core.ts          shared/ and every folder listed before it but adapters/
 *   app.ts, index.ts, window.ts, menu.ts (the Electron shell): each other, core.ts, adapters/, and what the
 *                    shell needs beside the core: twilio/hosts.ts (GLEAM_TWILIO_HOSTS), db/migrations.ts
 *                    (DatabaseTooNewError)
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { reasonError } from '../../shared/errors';
import { systemClock, type Clock } from './infrastructure/clock';
import type { EmitEvent } from './infrastructure/events';
import { createFileLogger, type Logger } from './infrastructure/logger';
import type { SecretCipher } from './infrastructure/secret-cipher';
import { createSecretRedactor, type SecretRedactor } from './infrastructure/secret-redactor';
import { openDatabase } from './db/database';
import { createIpcRegistry, createSenderCheck, type IpcRegistry } from './ipc/registrar';
import { a2pHandlers, createA2pService } from './services/a2p-service';
import { agentsHandlers, createAgentsService } from './services/agents-service';
import { assignmentsHandlers, createAssignmentsService } from './services/assignments-service';
import { createBackgroundRefresh } from './services/background-refresh';
import { createConfirmations } from './services/confirmations';
import { connectionHandlers, createConnectionService } from './services/connection-service';
import { costsHandlers, createCostsService } from './services/costs-service';
import { createCredentialVault } from './services/credential-vault';
import { createDoctorService, doctorHandlers } from './services/doctor-service';
import { createNumbersService, numbersHandlers } from './services/numbers-service';
import { createNumbersSyncThread, type NumbersSyncThread } from './services/numbers-sync-thread';
import { createPriceBook } from './services/price-book';
import { createPurchasesService, purchasesHandlers } from './services/purchases-service';
import { createReachabilityService, reachabilityHandlers } from './services/reachability-service';
import { createSettingsService, settingsHandlers } from './services/settings-service';
import { createSetupService, setupHandlers } from './services/setup-service';
import { DEFAULT_WEBHOOK_BASE_URL } from './services/webhooks';
import { createTwilioGateway, DEFAULT_RETRY } from './twilio/gateway';
import type { TwilioHostMap } from './twilio/hosts';
import type { RetryPolicy } from './twilio/request-client';

export interface CoreOptions {
  /** Folder for the database and the credential file (Electron: userData). */
  dataDir: string;
  logDir: string;
  cipher: SecretCipher;
  /** Origins whose main frame may call IPC. */
  trustedOrigins: readonly string[];
  twilioHosts?: TwilioHostMap;
  twilioTimeoutMs?: number;
  twilioRetry?: RetryPolicy;
  clock?: Clock;
  echoLogs?: boolean;
  /** Delivers events (sync progress) to the renderer. */
  emit?: EmitEvent;
  /** Where assigned numbers' webhooks point unless the user sets another address. */
  defaultWebhookBaseUrl?: string;
  /** Twilio requests in flight at once for assignment jobs. */
  assignmentConcurrency?: number;
  /** Asks where to save an exported file (Electron: the save dialog); null when the person cancels. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** How often main asks Twilio again while it cannot be reached (tests make it short). */
  twilioProbeIntervalMs?: number;
}

/**
 * Every service, by the channel domain it answers. Its type is what createServices builds, so the list of
 * services is written once.
 */
export type Services = ReturnType<typeof createServices>['services'];

export interface AppCore {
  registry: IpcRegistry;
  services: Services;
  logger: Logger;
  db: Database;
  paths: { database: string; credentials: string; log: string };
  /** Reconciles open purchases, then syncs numbers; never throws. */
  refreshFromTwilio(): Promise<void>;
  close(): void;
}

/** Long enough for a slow network, short enough that nobody waits on a hang. */
export const DEFAULT_TWILIO_TIMEOUT_MS = 15_000;

/**
 * The gateway and the services, each made after everything it uses, so no service reaches for one not made
 * yet. Two links point back and are made last, as subscriptions: the gateway reports Twilio's answers to the
 * reachability service, which probes Twilio through the connection; and the connection and the reachability
 * service start the background refresh, which runs the services made before it.
 */
function createServices(
  options: CoreOptions,
  base: {
    db: Database;
    logger: Logger;
    redactor: SecretRedactor;
    clock: Clock;
    credentialsPath: string;
    writer: NumbersSyncThread;
  },
) {
  const { db, logger, redactor, clock, writer } = base;
  const emit = options.emit ?? (() => undefined);
  const twilio = createTwilioGateway({
    hosts: options.twilioHosts ?? {},
    timeoutMs: options.twilioTimeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS,
    retry: options.twilioRetry ?? DEFAULT_RETRY,
    logger,
    redactor,
  });
  const vault = createCredentialVault(base.credentialsPath, options.cipher);
  const connection = createConnectionService({ db, vault, twilio, logger, clock });
  const prices = createPriceBook({ db, logger, clock });
  const confirmations = createConfirmations(clock);
  const settings = createSettingsService({
    db,
    emit,
    confirmations,
    defaultWebhookBaseUrl: options.defaultWebhookBaseUrl ?? DEFAULT_WEBHOOK_BASE_URL,
  });
  const webhookBaseUrl = () => settings.webhookBaseUrl();
  const numbers = createNumbersService({ db, connection, prices, clock, writer, emit, webhookBaseUrl });
  const assignments = createAssignmentsService({
    db,
    connection,
    numbers,
    emit,
    logger,
    clock,
    webhookBaseUrl,
    ...(options.assignmentConcurrency ? { concurrency: options.assignmentConcurrency } : {}),
  });
  const agents = createAgentsService({ db, assignments, emit, clock, webhookBaseUrl });
  const purchases = createPurchasesService({ db, connection, prices, confirmations, logger, clock });
  const costs = createCostsService({
    db,
    connection,
    prices,
    emit,
    clock,
    logger,
    chooseSavePath: options.chooseSavePath ?? (() => Promise.reject(reasonError('saving_unavailable'))),
  });
  const a2p = createA2pService({ db, connection, emit, clock });
  const doctor = createDoctorService({
    db,
    connection,
    agents,
    assignments,
    prices,
    webhookBaseUrl,
    emit,
    clock,
    logger,
    usSmsRegistration: (accountSid) => a2p.usSmsRegistration(accountSid),
  });
  const setup = createSetupService({ db, connection });
  const refresh = createBackgroundRefresh({ connection, purchases, numbers, costs, a2p, logger });
  const reachability = createReachabilityService({
    clock,
    emit,
    probe: () => connection.verify(),
    // What a failure left undone (the refresh at start, say) runs once Twilio answers again.
    onRecovered: () => void refresh.run(),
    ...(options.twilioProbeIntervalMs ? { probeIntervalMs: options.twilioProbeIntervalMs } : {}),
  });
  twilio.onAnswer((answered) => reachability.observe(answered));
  connection.onConnected(() => void refresh.run());

  return {
    services: {
      connection,
      reachability,
      numbers,
      purchases,
      agents,
      assignments,
      settings,
      costs,
      doctor,
      a2p,
      setup,
    },
    refresh,
  };
}

export function createAppCore(options: CoreOptions): AppCore {
  const clock = options.clock ?? systemClock;
  const paths = {
    database: path.join(options.dataDir, 'gleam.sqlite'),
    credentials: path.join(options.dataDir, 'twilio-credentials.json'),
    log: path.join(options.logDir, 'main.log'),
  };
  const redactor = createSecretRedactor();
  const logger = createFileLogger({ filePath: paths.log, redactor, clock, echo: options.echoLogs ?? false });
  const { db, migration } = openDatabase(paths.database);
  if (migration.from !== migration.to) {
    logger.info('database migrated', { from: migration.from, to: migration.to, backup: migration.backupPath });
  }
  const syncThread = createNumbersSyncThread(paths.database);
  const { services, refresh } = createServices(options, {
    db,
    logger,
    redactor,
    clock,
    credentialsPath: paths.credentials,
    writer: syncThread,
  });
  const registry = createIpcRegistry({
    handlers: {
      ...connectionHandlers(services.connection),
      ...reachabilityHandlers(services.reachability),
      ...numbersHandlers(services.numbers),
      ...purchasesHandlers(services.purchases),
      ...agentsHandlers(services.agents),
      ...assignmentsHandlers(services.assignments),
      ...settingsHandlers(services.settings),
      ...costsHandlers(services.costs),
      ...doctorHandlers(services.doctor),
      ...a2pHandlers(services.a2p),
      ...setupHandlers(services.setup),
    },
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    logger,
  });

  return {
    registry,
    services,
    logger,
    db,
    paths,
    refreshFromTwilio: () => refresh.run(),
    close: () => {
      refresh.close();
      services.reachability.close();
      services.numbers.cancelSync();
      services.costs.cancelSync();
      services.a2p.cancelRefresh();
      services.assignments.cancelAll();
      // Terminating mid-page rolls that page's transaction back; the next sync writes it again.
      void syncThread.close();
      db.close();
    },
  };
}
