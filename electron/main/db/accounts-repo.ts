import type { Database } from 'better-sqlite3';
import { inWriteTransaction } from './database';
import type { AccountStatus, AccountType } from '../../../shared/domain/connection';

export interface AccountRow {
  sid: string;
  friendlyName: string;
  status: AccountStatus;
  type: AccountType;
  ownerAccountSid: string | null;
  messagingServiceSid: string | null;
  messagingServiceName: string | null;
  connected: boolean;
  lastVerifiedAt: string;
  disconnectedAt: string | null;
}

interface AccountRecord {
  sid: string;
  friendly_name: string;
  status: AccountStatus;
  type: AccountType;
  owner_account_sid: string | null;
  messaging_service_sid: string | null;
  messaging_service_name: string | null;
  connected: 0 | 1;
  last_verified_at: string;
  disconnected_at: string | null;
}

const toRow = (record: AccountRecord): AccountRow => ({
  sid: record.sid,
  friendlyName: record.friendly_name,
  status: record.status,
  type: record.type,
  ownerAccountSid: record.owner_account_sid,
  messagingServiceSid: record.messaging_service_sid,
  messagingServiceName: record.messaging_service_name,
  connected: record.connected === 1,
  lastVerifiedAt: record.last_verified_at,
  disconnectedAt: record.disconnected_at,
});

export function getConnectedAccount(db: Database): AccountRow | null {
  const record = db.prepare('SELECT * FROM accounts WHERE connected = 1').get() as AccountRecord | undefined;
  return record ? toRow(record) : null;
}

/** An account Gleam has known, connected or not; null for one it never saw. */
export function getAccount(db: Database, sid: string): AccountRow | null {
  const record = db.prepare('SELECT * FROM accounts WHERE sid = ?').get(sid) as AccountRecord | undefined;
  return record ? toRow(record) : null;
}

/** The most recently used account, connected or not. */
export function getLatestAccount(db: Database): AccountRow | null {
  const record = db.prepare('SELECT * FROM accounts ORDER BY connected DESC, last_verified_at DESC LIMIT 1').get() as
    AccountRecord | undefined;
  return record ? toRow(record) : null;
}

export type ConnectedAccountInput = Omit<AccountRow, 'connected' | 'lastVerifiedAt' | 'disconnectedAt'> & {
  verifiedAt: string;
};

/** Marks `sid` as the one connected account, disconnecting any other. */
export function saveConnectedAccount(db: Database, account: ConnectedAccountInput): void {
  inWriteTransaction(db, () => {
    db.prepare(
      'UPDATE accounts SET connected = 0, disconnected_at = @verifiedAt WHERE connected = 1 AND sid <> @sid',
    ).run(account);
    db.prepare(
      `INSERT INTO accounts (sid, friendly_name, status, type, owner_account_sid, messaging_service_sid,
                             messaging_service_name, connected, last_verified_at, disconnected_at)
       VALUES (@sid, @friendlyName, @status, @type, @ownerAccountSid, @messagingServiceSid,
               @messagingServiceName, 1, @verifiedAt, NULL)
       ON CONFLICT (sid) DO UPDATE SET
         friendly_name = excluded.friendly_name, status = excluded.status, type = excluded.type,
         owner_account_sid = excluded.owner_account_sid,
         messaging_service_sid = excluded.messaging_service_sid,
         messaging_service_name = excluded.messaging_service_name,
         connected = 1, last_verified_at = excluded.last_verified_at, disconnected_at = NULL`,
    ).run(account);
  });
}

export function updateAccountStatus(
  db: Database,
  update: { sid: string; friendlyName: string; status: AccountStatus; type: AccountType; verifiedAt: string },
): void {
  db.prepare(
    `UPDATE accounts SET friendly_name = @friendlyName, status = @status, type = @type,
       last_verified_at = @verifiedAt WHERE sid = @sid`,
  ).run(update);
}

export function setMessagingService(
  db: Database,
  update: { sid: string; messagingServiceSid: string | null; messagingServiceName: string | null },
): void {
  db.prepare(
    `UPDATE accounts SET messaging_service_sid = @messagingServiceSid,
       messaging_service_name = @messagingServiceName WHERE sid = @sid`,
  ).run(update);
}

export function markDisconnected(db: Database, update: { sid: string; at: string }): void {
  db.prepare('UPDATE accounts SET connected = 0, disconnected_at = @at WHERE sid = @sid').run(update);
}
