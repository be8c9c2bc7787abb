/**
 * Connecting a Twilio account: check the credentials against Twilio, then
 * keep them. Nothing is stored until Twilio has accepted the credentials and
 * (when given) found the Messaging Service, so a failed attempt leaves the
 * previous state untouched. Saved credentials the OS would not decrypt this
 * time leave the account connected in the database; whatever needs Twilio
 * says so in those words rather than "not connected", and the next call
 * tries again.
 */
import type { Database } from 'better-sqlite3';
import { AppError, appError, reasonError } from '../../../shared/errors';
import { maskSid } from '../../../shared/domain/credentials';
import type { AccountSummary, ConnectionStatus } from '../../../shared/domain/connection';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import type { Logger } from '../infrastructure/logger';
import type { Clock } from '../infrastructure/clock';
import {
  getConnectedAccount,
  getLatestAccount,
  markDisconnected,
  saveConnectedAccount,
  setMessagingService,
  updateAccountStatus,
  type AccountRow,
} from '../db/accounts-repo';
import type { MessagingServiceInfo, TwilioAccountApi, TwilioGateway } from '../twilio/gateway';
import type { ChannelHandlers } from '../ipc/registrar';
import type { CredentialVault, StoredCredentials, VaultContents } from './credential-vault';

export interface ConnectionServiceDeps {
  db: Database;
  vault: CredentialVault;
  twilio: TwilioGateway;
  logger: Logger;
  clock: Clock;
}

export interface ConnectionService {
  getStatus(): Promise<ConnectionStatus>;
  connect(input: ChannelParsedInput<'connection:connect'>): Promise<ConnectionStatus>;
  verify(): Promise<ConnectionStatus>;
  disconnect(): Promise<ConnectionStatus>;
  setMessagingService(input: ChannelParsedInput<'connection:setMessagingService'>): Promise<ConnectionStatus>;
  /**
   * The connected account's row and its Twilio API; throws not_connected, which says why when saved
   * credentials could not be read this time.
   */
  connected(): Promise<{ row: AccountRow; api: TwilioAccountApi }>;
  /** Runs `listener` after each successful connect (e.g. to sync numbers). */
  onConnected(listener: () => void): void;
}

const summaryOf = (row: AccountRow): AccountSummary => ({
  sidMask: maskSid(row.sid),
  friendlyName: row.friendlyName,
  status: row.status,
  type: row.type,
  isSubaccount: row.ownerAccountSid !== null && row.ownerAccountSid !== row.sid,
});

/** Gives a failed Messaging Service lookup a field to point at in the form. */
function asMessagingServiceFieldError(error: unknown): unknown {
  if (error instanceof AppError && error.code === 'not_found') {
    return new AppError({ ...error.data, fieldErrors: { messagingServiceSid: error.data.message } });
  }
  return error;
}

export function createConnectionService(deps: ConnectionServiceDeps): ConnectionService {
  const { db, vault, twilio, logger, clock } = deps;

  /**
   * The connected account and its stored credentials, when both agree; or why the saved ones could not be
   * read this time. The vault is not asked when no account is connected, so nothing prompts for the keychain.
   */
  async function current(): Promise<
    | { kind: 'connected'; row: AccountRow; stored: StoredCredentials }
    | Extract<VaultContents, { kind: 'unreadable' }>
    | { kind: 'disconnected' }
  > {
    const row = getConnectedAccount(db);
    if (!row) return { kind: 'disconnected' };
    const contents = await vault.load();
    if (contents.kind === 'unreadable') return contents;
    if (contents.kind === 'stored' && contents.credentials.accountSid === row.sid) {
      return { kind: 'connected', row, stored: contents.credentials };
    }
    return { kind: 'disconnected' };
  }

  async function getStatus(): Promise<ConnectionStatus> {
    const connection = await current();
    if (connection.kind !== 'connected') {
      const latest = getLatestAccount(db);
      return { state: 'disconnected', previousAccount: latest ? summaryOf(latest) : null };
    }
    const { row, stored } = connection;
    return {
      state: 'connected',
      account: summaryOf(row),
      tokenStorage: stored.storage,
      tokenStorageReason: stored.storageReason,
      lastVerifiedAt: row.lastVerifiedAt,
      messagingService:
        row.messagingServiceSid && row.messagingServiceName
          ? { sid: row.messagingServiceSid, friendlyName: row.messagingServiceName }
          : null,
    };
  }

  async function lookUpMessagingService(api: TwilioAccountApi, sid: string): Promise<MessagingServiceInfo> {
    try {
      return await api.fetchMessagingService(sid);
    } catch (error) {
      throw asMessagingServiceFieldError(error);
    }
  }

  const connectedListeners: (() => void)[] = [];

  async function requireConnection(): Promise<{ row: AccountRow; api: TwilioAccountApi }> {
    const connection = await current();
    if (connection.kind === 'unreadable') {
      throw reasonError({ reason: 'credentials_unreadable', why: connection.reason });
    }
    if (connection.kind === 'disconnected') throw appError('not_connected');
    const { accountSid, authToken } = connection.stored;
    return { row: connection.row, api: twilio.forAccount({ accountSid, authToken }) };
  }

  return {
    getStatus,

    async connect(input) {
      const credentials = { accountSid: input.accountSid, authToken: input.authToken };
      const api = twilio.forAccount(credentials);
      const account = await api.fetchAccount();
      const service = input.messagingServiceSid ? await lookUpMessagingService(api, input.messagingServiceSid) : null;

      const stored = await vault.save(credentials);
      saveConnectedAccount(db, {
        sid: account.sid,
        friendlyName: account.friendlyName,
        status: account.status,
        type: account.type,
        ownerAccountSid: account.ownerAccountSid,
        messagingServiceSid: service?.sid ?? null,
        messagingServiceName: service?.friendlyName ?? null,
        verifiedAt: clock().toISOString(),
      });
      logger.info('twilio account connected', {
        account: maskSid(account.sid),
        status: account.status,
        type: account.type,
        tokenStorage: stored.storage,
      });
      connectedListeners.forEach((listener) => listener());
      return getStatus();
    },

    async verify() {
      const { row, api } = await requireConnection();
      const account = await api.fetchAccount();
      updateAccountStatus(db, {
        sid: row.sid,
        friendlyName: account.friendlyName,
        status: account.status,
        type: account.type,
        verifiedAt: clock().toISOString(),
      });
      return getStatus();
    },

    async disconnect() {
      const row = getConnectedAccount(db);
      vault.clear();
      if (row) {
        markDisconnected(db, { sid: row.sid, at: clock().toISOString() });
        logger.info('twilio account disconnected', { account: maskSid(row.sid) });
      }
      return getStatus();
    },

    async setMessagingService(input) {
      const { row, api } = await requireConnection();
      const service = input.messagingServiceSid ? await lookUpMessagingService(api, input.messagingServiceSid) : null;
      setMessagingService(db, {
        sid: row.sid,
        messagingServiceSid: service?.sid ?? null,
        messagingServiceName: service?.friendlyName ?? null,
      });
      return getStatus();
    },

    connected: requireConnection,

    onConnected(listener) {
      connectedListeners.push(listener);
    },
  };
}

export function connectionHandlers(connection: ConnectionService): ChannelHandlers<'connection'> {
  return {
    'connection:getStatus': () => connection.getStatus(),
    'connection:connect': (input) => connection.connect(input),
    'connection:verify': () => connection.verify(),
    'connection:disconnect': () => connection.disconnect(),
    'connection:setMessagingService': (input) => connection.setMessagingService(input),
  };
}
