/**
 * Which numbers are in the account's Messaging Service, as last read from
 * Twilio. Known only for the one service whose member list was read: for
 * any other service (one set in Settings since) the answer is null, "not
 * known yet", never an empty set.
 */
import type { Database } from 'better-sqlite3';
import { inWriteTransaction } from './database';

function readServiceSid(db: Database, accountSid: string): string | null {
  const row = db.prepare('SELECT service_members_sid AS sid FROM sync_state WHERE account_sid = ?').get(accountSid) as
    { sid: string | null } | undefined;
  return row?.sid ?? null;
}

/** The service's members, replacing what was known of any service before. */
export function replaceServiceMembers(
  db: Database,
  update: { accountSid: string; serviceSid: string; numberSids: readonly string[]; at: string },
): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO messaging_service_numbers (account_sid, service_sid, number_sid) VALUES (?, ?, ?)',
  );
  inWriteTransaction(db, () => {
    db.prepare('DELETE FROM messaging_service_numbers WHERE account_sid = ?').run(update.accountSid);
    for (const numberSid of update.numberSids) insert.run(update.accountSid, update.serviceSid, numberSid);
    db.prepare(
      `INSERT INTO sync_state (account_sid, service_members_sid, service_members_synced_at) VALUES (?, ?, ?)
       ON CONFLICT (account_sid) DO UPDATE SET service_members_sid = excluded.service_members_sid,
         service_members_synced_at = excluded.service_members_synced_at`,
    ).run(update.accountSid, update.serviceSid, update.at);
  });
}

/** Gleam added a number to the service or removed it: the saved list follows, if it is that service's. */
export function noteServiceMember(
  db: Database,
  change: { accountSid: string; serviceSid: string; numberSid: string; member: boolean },
): void {
  if (readServiceSid(db, change.accountSid) !== change.serviceSid) return;
  const statement = change.member
    ? 'INSERT OR IGNORE INTO messaging_service_numbers (account_sid, service_sid, number_sid) VALUES (?, ?, ?)'
    : 'DELETE FROM messaging_service_numbers WHERE account_sid = ? AND service_sid = ? AND number_sid = ?';
  db.prepare(statement).run(change.accountSid, change.serviceSid, change.numberSid);
}

/** The SIDs of the service's numbers; null when that service's members have not been read. */
export function serviceMembers(db: Database, accountSid: string, serviceSid: string): ReadonlySet<string> | null {
  if (readServiceSid(db, accountSid) !== serviceSid) return null;
  const sids = db
    .prepare('SELECT number_sid FROM messaging_service_numbers WHERE account_sid = ? AND service_sid = ?')
    .pluck()
    .all(accountSid, serviceSid) as string[];
  return new Set(sids);
}
