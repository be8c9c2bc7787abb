/**
 * Everything main does, minus Electron: database, Twilio gateway, services
 * and the IPC registry. app.ts wires it to Electron's adapters; the e2e
 * harness and integration tests build the very same core with test adapters,
 * so they exercise the real services, not copies.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './db/database';
import { createHandlers } from './ipc/handlers';
import { createIpcRegistry, createSenderCheck, type IpcRegistry } from './ipc/registrar';
import { createConnectionService, type ConnectionService } from './services/connection-service';
import { createCostsService, type CostsService } from './services/costs-service';
import { createCredentialVault } from './services/credential-vault';
import { createFileLogger, type Logger } from './infrastructure/logger';
import { createSecretRedactor } from './infrastructure/secret-redactor';
import { createAgentsService, type AgentsService } from './services/agents-service';
import { createAssignmentsService, type AssignmentsService } from './services/assignments-service';
import { createA2pService, type A2pService } from './services/a2p-service';
import { createDoctorService, type DoctorService } from './services/doctor-service';
import { createNumbersSyncThread } from './services/numbers-sync-thread';
import { createNumbersService, type NumbersService } from './services/numbers-service';
import { createPriceBook } from './services/price-book';
import { createConfirmations } from './services/confirmations';
import { createReachabilityService, type ReachabilityService } from './services/reachability-service';
import { createPurchasesService, type PurchasesService } from './services/purchases-service';
import { createSettingsService, type SettingsService } from './services/settings-service';
import { createSetupService, type SetupService } from './services/setup-service';
import { DEFAULT_WEBHOOK_BASE_URL } from './services/webhooks';
import { appError } from '../../shared/errors';
import { createTwilioGateway, DEFAULT_RETRY } from './twilio/gateway';
import type { TwilioHostMap } from './twilio/hosts';
import type { RetryPolicy } from './twilio/request-client';
import { systemClock, type Clock } from './infrastructure/clock';
import type { EmitEvent } from './infrastructure/events';
import type { SecretCipher } from './infrastructure/secret-cipher';

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

export interface AppCore {
  registry: IpcRegistry;
  connection: ConnectionService;
  numbers: NumbersService;
  purchases: PurchasesService;
  agents: AgentsService;
  assignments: AssignmentsService;
  settings: SettingsService;
  costs: CostsService;
  doctor: DoctorService;
  a2p: A2pService;
  setup: SetupService;
  reachability: ReachabilityService;
  logger: Logger;
  db: Database;
  paths: { database: string; credentials: string; log: string };
  /** Reconciles open purchases, then syncs numbers; never throws. */
  refreshFromTwilio(): Promise<void>;
  close(): void;
}

/** Long enough for a slow network, short enough that nobody waits on a hang. */
export const DEFAULT_TWILIO_TIMEOUT_MS = 15_000;

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

  const twilio = createTwilioGateway({
    hosts: options.twilioHosts ?? {},
    timeoutMs: options.twilioTimeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS,
    retry: options.twilioRetry ?? DEFAULT_RETRY,
    logger,
    redactor,
    onAnswer: (answered) => reachability.observe(answered),
  });
  const vault = createCredentialVault(paths.credentials, options.cipher);
  const connection = createConnectionService({ db, vault, twilio, logger, clock });
  const emit = options.emit ?? (() => undefined);
  const reachability = createReachabilityService({
    clock,
    emit,
    probe: () => connection.verify(),
    // What a failure left undone (the refresh at start, say) runs once Twilio answers again.
    onRecovered: () => void refreshFromTwilio(),
    ...(options.twilioProbeIntervalMs ? { probeIntervalMs: options.twilioProbeIntervalMs } : {}),
  });
  const prices = createPriceBook({ db, logger, clock });
  const confirmations = createConfirmations(clock);
  const settings = createSettingsService({
    db,
    emit,
    confirmations,
    defaultWebhookBaseUrl: options.defaultWebhookBaseUrl ?? DEFAULT_WEBHOOK_BASE_URL,
  });
  const assignments = createAssignmentsService({
    db,
    connection,
    emit,
    logger,
    clock,
    webhookBaseUrl: () => settings.webhookBaseUrl(),
    refreshNumbers: () => numbers.sync(),
    ...(options.assignmentConcurrency ? { concurrency: options.assignmentConcurrency } : {}),
  });
  const agents = createAgentsService({ db, assignments, emit, clock });
  const syncThread = createNumbersSyncThread(paths.database);
  const numbers = createNumbersService({
    db,
    connection,
    prices,
    clock,
    writer: syncThread,
    emit,
    describeAssignments: (records) => assignments.describe(records),
  });
  const purchases = createPurchasesService({ db, connection, prices, confirmations, logger, clock });
  const costs = createCostsService({
    db,
    connection,
    prices,
    emit,
    clock,
    logger,
    chooseSavePath:
      options.chooseSavePath ??
      (() => Promise.reject(appError('internal', { message: 'Saving files is not available in this build' }))),
  });
  const a2p = createA2pService({ db, connection, emit, clock });
  const doctor = createDoctorService({
    db,
    connection,
    agents,
    assignments,
    prices,
    webhookBaseUrl: () => settings.webhookBaseUrl(),
    emit,
    clock,
    logger,
    usSmsRegistration: (accountSid) => a2p.usSmsRegistration(accountSid),
  });
  const setup = createSetupService({ db, connection });
  const registry = createIpcRegistry({
    handlers: createHandlers({
      connection,
      numbers,
      purchases,
      agents,
      assignments,
      settings,
      costs,
      doctor,
      a2p,
      setup,
      reachability,
    }),
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    logger,
  });

  /**
   * Money first: settle purchases whose outcome a crash or a lost answer left
   * open, then bring the numbers, the costs, then the A2P registrations up to
   * date. Runs at start and after each connect; failures (offline) leave the
   * local copy as it is. A call while one runs joins it.
   */
  let closed = false;
  let refreshing: Promise<void> | null = null;
  const refresh = async () => {
    try {
      if ((await connection.getStatus()).state !== 'connected') return;
      await purchases.reconcile();
      if (!closed) await numbers.sync();
      if (!closed) await costs.sync();
      if (!closed) await a2p.refresh();
    } catch (error) {
      if (!closed) logger.warn('background refresh from Twilio failed', { error: String(error) });
    }
  };
  const refreshFromTwilio = () => {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  connection.onConnected(() => void refreshFromTwilio());

  return {
    registry,
    connection,
    numbers,
    purchases,
    agents,
    assignments,
    settings,
    costs,
    doctor,
    a2p,
    setup,
    reachability,
    logger,
    db,
    paths,
    refreshFromTwilio,
    close: () => {
      closed = true;
      reachability.close();
      numbers.cancelSync();
      costs.cancelSync();
      a2p.cancelRefresh();
      assignments.cancelAll();
      // Terminating mid-page rolls that page's transaction back; the next sync writes it again.
      void syncThread.close();
      db.close();
    },
  };
}
