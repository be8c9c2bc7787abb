import type { Database } from 'better-sqlite3';
import type { NumberType } from '../../../shared/domain/numbers';
import type { TwilioNumber } from '../twilio/numbers-api';

/** A number as Gleam keeps it: what Twilio said at the last sync or purchase, and where it belongs. */
export interface NumberRecord extends TwilioNumber {
  accountSid: string;
  type: NumberType;
  isoCountry: string | null;
  syncedAt: string;
}

interface NumberRow {
  sid: string;
  account_sid: string;
  phone_number: string;
  friendly_name: string;
  number_type: NumberType;
  iso_country: string | null;
  voice: 0 | 1;
  sms: 0 | 1;
  mms: 0 | 1;
  fax: 0 | 1;
  voice_url: string;
  sms_url: string;
  voice_application_sid: string;
  sms_application_sid: string;
  trunk_sid: string;
  date_created: string | null;
  synced_at: string;
}

const fromRow = (row: NumberRow): NumberRecord => ({
  sid: row.sid,
  accountSid: row.account_sid,
  phoneNumber: row.phone_number,
  friendlyName: row.friendly_name,
  type: row.number_type,
  isoCountry: row.iso_country,
  capabilities: { voice: row.voice === 1, sms: row.sms === 1, mms: row.mms === 1, fax: row.fax === 1 },
  voiceUrl: row.voice_url,
  smsUrl: row.sms_url,
  voiceApplicationSid: row.voice_application_sid,
  smsApplicationSid: row.sms_application_sid,
  trunkSid: row.trunk_sid,
  dateCreated: row.date_created,
  syncedAt: row.synced_at,
});

type Described = Omit<NumberRecord, 'isoCountry' | 'syncedAt'>;

/**
 * Twilio's description of a number, as one comparable string. Joined with a
 * control character no Twilio field contains; cheap, because a sync computes
 * it for every number.
 */
export function fingerprintOf(number: Described): string {
  const { capabilities: c } = number;
  return [
    number.accountSid,
    number.phoneNumber,
    number.friendlyName,
    number.type,
    `${+c.voice}${+c.sms}${+c.mms}${+c.fax}`,
    number.voiceUrl,
    number.smsUrl,
    number.voiceApplicationSid,
    number.smsApplicationSid,
    number.trunkSid,
    number.dateCreated ?? '',
  ].join('\u001f');
}

/** Fingerprints of the account's owned numbers, by SID: what a sync compares against. */
export function ownedFingerprints(db: Database, accountSid: string): Map<string, string> {
  const rows = db
    .prepare('SELECT sid, fingerprint FROM phone_numbers WHERE account_sid = ? AND released_at IS NULL')
    .raw()
    .all(accountSid) as [string, string][];
  return new Map(rows);
}

/**
 * Writes numbers as Twilio reported them, in one transaction. A live row for
 * the same E.164 number under another SID (released and bought again outside
 * Gleam) is closed first, so the one-owner-per-number constraint holds; those
 * are found with one query per batch, not one per number.
 */
export function saveNumbers(db: Database, records: readonly NumberRecord[]): void {
  if (records.length === 0) return;
  const findLive = db.prepare(
    `SELECT sid, phone_number FROM phone_numbers
     WHERE released_at IS NULL AND phone_number IN (SELECT value FROM json_each(?))`,
  );
  const close = db.prepare('UPDATE phone_numbers SET released_at = ? WHERE sid = ?');
  // Positional parameters: a sync writes thousands of rows and named binding costs more per row.
  const upsert = db.prepare(
    `INSERT INTO phone_numbers (sid, account_sid, phone_number, friendly_name, number_type, iso_country,
       voice, sms, mms, fax, voice_url, sms_url, voice_application_sid, sms_application_sid, trunk_sid,
       date_created, fingerprint, synced_at, released_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (sid) DO UPDATE SET
       account_sid = excluded.account_sid, phone_number = excluded.phone_number,
       friendly_name = excluded.friendly_name, number_type = excluded.number_type,
       iso_country = COALESCE(excluded.iso_country, phone_numbers.iso_country),
       voice = excluded.voice, sms = excluded.sms, mms = excluded.mms, fax = excluded.fax,
       voice_url = excluded.voice_url, sms_url = excluded.sms_url,
       voice_application_sid = excluded.voice_application_sid,
       sms_application_sid = excluded.sms_application_sid, trunk_sid = excluded.trunk_sid,
       date_created = excluded.date_created, fingerprint = excluded.fingerprint, synced_at = excluded.synced_at,
       released_at = NULL`,
  );
  db.transaction(() => {
    const live = findLive.raw().all(JSON.stringify(records.map((record) => record.phoneNumber))) as [string, string][];
    const incomingSid = new Map(records.map((record) => [record.phoneNumber, record.sid]));
    for (const [sid, phoneNumber] of live) {
      if (incomingSid.get(phoneNumber) !== sid) close.run(records[0]?.syncedAt ?? null, sid);
    }
    for (const record of records) {
      const { capabilities: c } = record;
      upsert.run(
        record.sid,
        record.accountSid,
        record.phoneNumber,
        record.friendlyName,
        record.type,
        record.isoCountry,
        c.voice ? 1 : 0,
        c.sms ? 1 : 0,
        c.mms ? 1 : 0,
        c.fax ? 1 : 0,
        record.voiceUrl,
        record.smsUrl,
        record.voiceApplicationSid,
        record.smsApplicationSid,
        record.trunkSid,
        record.dateCreated,
        fingerprintOf(record),
        record.syncedAt,
      );
    }
  })();
}

/** Numbers the account owns, as of the last sync or purchase. */
export function listOwnedNumbers(db: Database, accountSid: string): NumberRecord[] {
  const rows = db
    .prepare('SELECT * FROM phone_numbers WHERE account_sid = ? AND released_at IS NULL ORDER BY phone_number')
    .all(accountSid) as NumberRow[];
  return rows.map(fromRow);
}

export function getOwnedNumber(db: Database, sid: string): NumberRecord | null {
  const row = db.prepare('SELECT * FROM phone_numbers WHERE sid = ? AND released_at IS NULL').get(sid) as
    NumberRow | undefined;
  return row ? fromRow(row) : null;
}

export function isOwned(db: Database, phoneNumber: string): boolean {
  return (
    db.prepare('SELECT 1 FROM phone_numbers WHERE phone_number = ? AND released_at IS NULL').get(phoneNumber) !==
    undefined
  );
}

export function countOwnedNumbers(db: Database, accountSid: string): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM phone_numbers WHERE account_sid = ? AND released_at IS NULL')
    .get(accountSid) as { n: number };
  return row.n;
}

export function markReleased(db: Database, sids: readonly string[], at: string): void {
  const release = db.prepare('UPDATE phone_numbers SET released_at = ? WHERE sid = ? AND released_at IS NULL');
  db.transaction(() => {
    for (const sid of sids) release.run(at, sid);
  })();
}
