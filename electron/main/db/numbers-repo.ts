import type { Database } from 'better-sqlite3';
import {
  configurationFromValues,
  configurationValues,
  NUMBER_CONFIGURATION_FIELDS,
} from '../../../shared/domain/number-configuration';
import type { NumberType } from '../../../shared/domain/numbers';
import type { TwilioNumber } from '../domain/twilio-number';
import { inWriteTransaction } from './database';

/** A number as Gleam keeps it: what Twilio said at the last sync or purchase, and where it belongs. */
export interface NumberRecord extends TwilioNumber {
  accountSid: string;
  type: NumberType;
  isoCountry: string | null;
  syncedAt: string;
}

/** What Twilio says a number is and can do: the first columns both of reading and of writing a number. */
const IDENTITY_COLUMNS = [
  'sid',
  'account_sid',
  'phone_number',
  'friendly_name',
  'number_type',
  'iso_country',
  'voice',
  'sms',
  'mms',
  'fax',
];
const CONFIGURATION_COLUMNS = NUMBER_CONFIGURATION_FIELDS.map(({ wire }) => wire);

/** The columns a NumberRecord is read from, in the order numberOfRow takes them: these, then the configuration. */
const LEADING_COLUMNS = [...IDENTITY_COLUMNS, 'date_created', 'synced_at'];
const CONFIGURATION_OFFSET = LEADING_COLUMNS.length;
const RECORD_COLUMNS = [...LEADING_COLUMNS, ...CONFIGURATION_COLUMNS].join(', ');

type Flag = 0 | 1;
type NumberRowValues = [
  sid: string,
  accountSid: string,
  phoneNumber: string,
  friendlyName: string,
  type: NumberType,
  isoCountry: string | null,
  voice: Flag,
  sms: Flag,
  mms: Flag,
  fax: Flag,
  dateCreated: string | null,
  syncedAt: string,
  ...configuration: string[],
];

/**
 * A row read as an array (better-sqlite3's raw mode): the Phone Numbers list
 * reads every owned number at once, and building a 25-key object per row
 * took twice as long as reading the values.
 */
function numberOfRow(row: NumberRowValues): NumberRecord {
  const [sid, accountSid, phoneNumber, friendlyName, type, isoCountry, voice, sms, mms, fax, dateCreated, syncedAt] =
    row;
  return {
    sid,
    accountSid,
    phoneNumber,
    friendlyName,
    type,
    isoCountry,
    capabilities: { voice: voice === 1, sms: sms === 1, mms: mms === 1, fax: fax === 1 },
    configuration: configurationFromValues(row, CONFIGURATION_OFFSET),
    dateCreated,
    syncedAt,
  };
}

type Described = Omit<NumberRecord, 'isoCountry' | 'syncedAt'>;

const FIELD_SEPARATOR = '\u001f';

/**
 * Twilio's description of a number, as one comparable string. Joined with a
 * control character no Twilio field contains. A sync computes it for every
 * number, so it is built from spelled-out fields, not loops over field lists.
 */
export function fingerprintOf(number: Described): string {
  const { capabilities: c } = number;
  const configured = configurationValues(number.configuration).join(FIELD_SEPARATOR);
  return `${number.accountSid}${FIELD_SEPARATOR}${number.phoneNumber}${FIELD_SEPARATOR}${number.friendlyName}${FIELD_SEPARATOR}${number.type}${FIELD_SEPARATOR}${+c.voice}${+c.sms}${+c.mms}${+c.fax}${FIELD_SEPARATOR}${number.dateCreated ?? ''}${FIELD_SEPARATOR}${configured}`;
}

/** Fingerprints of the account's owned numbers, by SID: what a sync compares against. */
export function ownedFingerprints(db: Database, accountSid: string): Map<string, string> {
  const rows = db
    .prepare('SELECT sid, fingerprint FROM phone_numbers WHERE account_sid = ? AND released_at IS NULL')
    .raw()
    .all(accountSid) as [string, string][];
  return new Map(rows);
}

const UPSERT_COLUMNS = [...IDENTITY_COLUMNS, ...CONFIGURATION_COLUMNS, 'date_created', 'fingerprint', 'synced_at'];
const UPSERT_SQL = `INSERT INTO phone_numbers (${UPSERT_COLUMNS.join(', ')}, released_at)
  VALUES (${UPSERT_COLUMNS.map(() => '?').join(', ')}, NULL)
  ON CONFLICT (sid) DO UPDATE SET
    ${UPSERT_COLUMNS.filter((column) => column !== 'sid' && column !== 'iso_country')
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')},
    iso_country = COALESCE(excluded.iso_country, phone_numbers.iso_country),
    released_at = NULL`;

export interface FingerprintedRecord {
  record: NumberRecord;
  fingerprint: string;
}

/** Writes numbers as Twilio reported them (see saveFingerprintedNumbers). */
export function saveNumbers(db: Database, records: readonly NumberRecord[]): void {
  saveFingerprintedNumbers(
    db,
    records.map((record) => ({ record, fingerprint: fingerprintOf(record) })),
  );
}

/**
 * Writes numbers as Twilio reported them, in one transaction, with the
 * fingerprints the caller already computed to compare them. A live row for
 * the same E.164 number under another SID (released and bought again outside
 * Gleam) is closed first, so the one-owner-per-number constraint holds; those
 * are found with one query per batch, not one per number.
 */
export function saveFingerprintedNumbers(db: Database, entries: readonly FingerprintedRecord[]): void {
  if (entries.length === 0) return;
  const findLive = db.prepare(
    `SELECT sid, phone_number FROM phone_numbers
     WHERE released_at IS NULL AND phone_number IN (SELECT value FROM json_each(?))`,
  );
  const close = db.prepare('UPDATE phone_numbers SET released_at = ? WHERE sid = ?');
  // Positional parameters: a sync writes thousands of rows and named binding costs more per row.
  const upsert = db.prepare(UPSERT_SQL);
  inWriteTransaction(db, () => {
    const live = findLive.raw().all(JSON.stringify(entries.map(({ record }) => record.phoneNumber))) as [
      string,
      string,
    ][];
    const incomingSid = new Map(entries.map(({ record }) => [record.phoneNumber, record.sid]));
    for (const [sid, phoneNumber] of live) {
      if (incomingSid.get(phoneNumber) !== sid) close.run(entries[0]?.record.syncedAt ?? null, sid);
    }
    for (const { record, fingerprint } of entries) {
      const { capabilities: c, configuration } = record;
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
        ...configurationValues(configuration),
        record.dateCreated,
        fingerprint,
        record.syncedAt,
      );
    }
  });
}

/** Numbers the account owns, as of the last sync or purchase. */
export function listOwnedNumbers(db: Database, accountSid: string): NumberRecord[] {
  const rows = db
    .prepare(
      `SELECT ${RECORD_COLUMNS} FROM phone_numbers WHERE account_sid = ? AND released_at IS NULL ORDER BY phone_number`,
    )
    .raw()
    .all(accountSid) as NumberRowValues[];
  return rows.map(numberOfRow);
}

export function getOwnedNumber(db: Database, sid: string): NumberRecord | null {
  const row = db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM phone_numbers WHERE sid = ? AND released_at IS NULL`)
    .raw()
    .get(sid) as NumberRowValues | undefined;
  return row ? numberOfRow(row) : null;
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

/** Marks numbers released; a released number is no longer assigned to an agent. */
export function markReleased(db: Database, sids: readonly string[], at: string): void {
  const release = db.prepare('UPDATE phone_numbers SET released_at = ? WHERE sid = ? AND released_at IS NULL');
  const unassign = db.prepare('DELETE FROM number_assignments WHERE number_sid = ?');
  inWriteTransaction(db, () => {
    for (const sid of sids) {
      release.run(at, sid);
      unassign.run(sid);
    }
  });
}

export interface OwnedNumberKind {
  type: NumberType;
  isoCountry: string | null;
  phoneNumber: string;
}

/** Type and country of every owned number: what monthly fees depend on, without the rest of each row. */
export function ownedNumberKinds(db: Database, accountSid: string): OwnedNumberKind[] {
  return db
    .prepare(
      `SELECT number_type AS type, iso_country AS isoCountry, phone_number AS phoneNumber
       FROM phone_numbers WHERE account_sid = ? AND released_at IS NULL`,
    )
    .all(accountSid) as OwnedNumberKind[];
}
