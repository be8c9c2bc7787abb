/**
 * The database half of a numbers sync: maps each page of Twilio's resources
 * to numbers, writes the new and changed ones (compared by fingerprint), and
 * at the end marks numbers Twilio no longer listed as released.
 *
 * It runs in the numbers-sync worker, on the worker's own SQLite connection,
 * so writing 10,000 rows overlaps the network instead of blocking the main
 * thread (see numbers-sync-thread.ts). It holds no secrets and makes no
 * requests: it gets pages, not credentials.
 */
import type { Database } from 'better-sqlite3';
import type { NumberType } from '../../../shared/domain/numbers';
import {
  fingerprintOf,
  markReleased,
  ownedFingerprints,
  saveFingerprintedNumbers,
  type FingerprintedRecord,
  type NumberRecord,
} from '../db/numbers-repo';
import { recordNumbersSync } from '../db/sync-state-repo';
import { numberOf, type IncomingNumberResource } from '../twilio/incoming-number';
import { countryOfNumber } from './price-book';

export interface SyncScope {
  accountSid: string;
  /** Twilio lists toll-free and mobile numbers separately; every other number is local. */
  tollFreeSids: readonly string[];
  mobileSids: readonly string[];
}

export interface SyncTotals {
  total: number;
  added: number;
  removed: number;
  /** Countries of the listed numbers, for the price book. */
  countries: string[];
}

export interface NumbersSyncWriter {
  begin(scope: SyncScope): void;
  /** Returns how many numbers the sync has seen so far. */
  writePage(resources: IncomingNumberResource[], syncedAt: string): number;
  /** Only after a complete listing: numbers not seen are released. */
  finish(syncedAt: string): SyncTotals;
  /** A cancelled or failed sync: pages written stay (they were true), nothing is marked released. */
  abandon(): void;
}

interface SyncInProgress {
  accountSid: string;
  tollFree: Set<string>;
  mobile: Set<string>;
  before: Map<string, string>;
  seen: Set<string>;
  countries: Set<string>;
}

export function createNumbersSyncWriter(db: Database): NumbersSyncWriter {
  let current: SyncInProgress | null = null;

  const inProgress = (): SyncInProgress => {
    if (!current) throw new Error('No numbers sync has begun');
    return current;
  };

  return {
    begin(scope) {
      current = {
        accountSid: scope.accountSid,
        tollFree: new Set(scope.tollFreeSids),
        mobile: new Set(scope.mobileSids),
        before: ownedFingerprints(db, scope.accountSid),
        seen: new Set(),
        countries: new Set(),
      };
    },

    writePage(resources, syncedAt) {
      const sync = inProgress();
      const typeOf = (sid: string): NumberType =>
        sync.tollFree.has(sid) ? 'toll-free' : sync.mobile.has(sid) ? 'mobile' : 'local';
      const changed: FingerprintedRecord[] = [];
      for (const resource of resources) {
        // Adds to the fresh object instead of spreading it into another: a spread copy was
        // half the cost of mapping a 10,000-number page set.
        const record: NumberRecord = Object.assign(numberOf(resource), {
          accountSid: sync.accountSid,
          type: typeOf(resource.sid),
          isoCountry: null,
          syncedAt,
        });
        const fingerprint = fingerprintOf(record);
        if (sync.before.get(record.sid) !== fingerprint) changed.push({ record, fingerprint });
        sync.seen.add(record.sid);
        const country = countryOfNumber(record.phoneNumber);
        if (country) sync.countries.add(country);
      }
      saveFingerprintedNumbers(db, changed);
      return sync.seen.size;
    },

    finish(syncedAt) {
      const sync = inProgress();
      current = null;
      const gone = [...sync.before.keys()].filter((sid) => !sync.seen.has(sid));
      markReleased(db, gone, syncedAt);
      recordNumbersSync(db, { accountSid: sync.accountSid, syncedAt, count: sync.seen.size });
      return {
        total: sync.seen.size,
        added: [...sync.seen].filter((sid) => !sync.before.has(sid)).length,
        removed: gone.length,
        countries: [...sync.countries],
      };
    },

    abandon() {
      current = null;
    },
  };
}
