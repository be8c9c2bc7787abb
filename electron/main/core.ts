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
import { createCredentialVault, type SecretCipher } from './services/credential-vault';
import { createFileLogger, type Logger } from './services/logger';
import { createSecretRedactor } from './services/secret-redactor';
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
  clock?: () => Date;
  echoLogs?: boolean;
}

export interface AppCore {
  registry: IpcRegistry;
  connection: ConnectionService;
  logger: Logger;
  db: Database;
  paths: { database: string; credentials: string; log: string };
  close(): void;
}

/** Long enough for a slow network, short enough that nobody waits on a hang. */
export const DEFAULT_TWILIO_TIMEOUT_MS = 15_000;

export function createAppCore(options: CoreOptions): AppCore {
  const clock = options.clock ?? (() => new Date());
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
  });
  const vault = createCredentialVault(paths.credentials, options.cipher);
  const connection = createConnectionService({ db, vault, twilio, logger, clock });
  const registry = createIpcRegistry({
    handlers: createHandlers({ connection }),
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    logger,
  });

  return {
    registry,
    connection,
    logger,
    db,
    paths,
    close: () => db.close(),
  };
}
