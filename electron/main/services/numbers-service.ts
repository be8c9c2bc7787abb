/**
 * The account's numbers: the local copy (readable offline), synced from
 * Twilio so numbers bought elsewhere appear too, and the search for numbers
 * to buy.
 *
 * Sync lists every owned number a page (1,000) at a time, writing each page
 * to SQLite as it arrives and reporting progress; toll-free and mobile
 * numbers are listed first (Twilio's per-type lists) so each row gets its
 * type. Only numbers that are new or changed are written. Numbers the account
 * no longer owns are marked released only after a complete listing. One sync
 * runs at a time; one asked for meanwhile runs right after it.
 */
import type { Database } from 'better-sqlite3';
import type { Country, NumberList, NumberType, SearchResult, SyncResult } from '../../../shared/domain/numbers';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import { maskSid } from '../../../shared/domain/credentials';
import { appError } from '../../../shared/errors';
import { getLatestAccount } from '../db/accounts-repo';
import {
  fingerprintOf,
  listOwnedNumbers,
  markReleased,
  ownedFingerprints,
  saveNumbers,
  type NumberRecord,
} from '../db/numbers-repo';
import { numbersSyncState, recordNumbersSync } from '../db/sync-state-repo';
import type { ConnectionService } from './connection-service';
import { toOwnedNumber } from './owned-numbers';
import { countryOfNumber, type PriceBook } from './price-book';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface NumbersServiceDeps {
  db: Database;
  connection: ConnectionService;
  prices: PriceBook;
  emit: EmitEvent;
  clock: () => Date;
}

export interface NumbersService {
  list(): NumberList;
  sync(): Promise<SyncResult>;
  cancelSync(): boolean;
  countries(): Promise<Country[]>;
  search(input: ChannelParsedInput<'numbers:search'>): Promise<SearchResult>;
}

const SEARCH_LIMIT = 30;

export function createNumbersService(deps: NumbersServiceDeps): NumbersService {
  const { db, connection, prices, emit, clock } = deps;
  let running: { promise: Promise<SyncResult>; controller: AbortController } | null = null;
  /** A sync asked for while one runs: it starts when that one ends, so it sees changes made meanwhile. */
  let queued: Promise<SyncResult> | null = null;
  /** Set by cancelSync: the queued sync ends as cancelled instead of starting. */
  let queuedCancelled = false;

  async function runSync(signal: AbortSignal): Promise<SyncResult> {
    const { row, api } = await connection.connected();
    const expected = numbersSyncState(db, row.sid).count;
    const before = ownedFingerprints(db, row.sid);
    emit('numbers:syncProgress', { loaded: 0, expected });

    // All three listings start at once; pages wait only for the (short) type lists.
    const typeLists = Promise.all([
      api.listOwnedSidsOfType('toll-free', signal),
      api.listOwnedSidsOfType('mobile', signal),
    ]);
    typeLists.catch(() => undefined);
    let tollFree = new Set<string>();
    let mobile = new Set<string>();
    const typeOf = (sid: string): NumberType =>
      tollFree.has(sid) ? 'toll-free' : mobile.has(sid) ? 'mobile' : 'local';
    const seen = new Set<string>();
    const countries = new Set<string>();

    await api.listOwnedNumbers(async (page) => {
      [tollFree, mobile] = await typeLists;
      const syncedAt = clock().toISOString();
      const changed: NumberRecord[] = [];
      for (const number of page) {
        const described = { ...number, accountSid: row.sid, type: typeOf(number.sid) };
        if (before.get(number.sid) !== fingerprintOf(described)) {
          changed.push({ ...described, isoCountry: null, syncedAt });
        }
        seen.add(number.sid);
        const country = countryOfNumber(number.phoneNumber);
        if (country) countries.add(country);
      }
      saveNumbers(db, changed);
      emit('numbers:syncProgress', { loaded: seen.size, expected });
    }, signal);

    const syncedAt = clock().toISOString();
    const gone = [...before.keys()].filter((sid) => !seen.has(sid));
    markReleased(db, gone, syncedAt);
    recordNumbersSync(db, { accountSid: row.sid, syncedAt, count: seen.size });
    await prices.refresh(api, countries);
    emit('numbers:changed', {});
    return {
      total: seen.size,
      added: [...seen].filter((sid) => !before.has(sid)).length,
      removed: gone.length,
      syncedAt,
    };
  }

  function sync(): Promise<SyncResult> {
    if (running) {
      queued ??= running.promise
        .catch(() => undefined)
        .then(() => {
          queued = null;
          if (queuedCancelled) {
            queuedCancelled = false;
            throw appError('cancelled');
          }
          return sync();
        });
      return queued;
    }
    const controller = new AbortController();
    const promise = runSync(controller.signal).finally(() => {
      running = null;
    });
    running = { promise, controller };
    return promise;
  }

  return {
    list() {
      const account = getLatestAccount(db);
      if (!account) return { account: null, numbers: [], lastSyncedAt: null };
      return {
        account: { sidMask: maskSid(account.sid), friendlyName: account.friendlyName, connected: account.connected },
        numbers: listOwnedNumbers(db, account.sid).map((record) => toOwnedNumber(record, prices)),
        lastSyncedAt: numbersSyncState(db, account.sid).syncedAt,
      };
    },

    sync,

    cancelSync() {
      if (!running) return false;
      if (queued) queuedCancelled = true;
      running.controller.abort();
      return true;
    },

    async countries() {
      const { api } = await connection.connected();
      const countries = await api.availableCountries();
      // The US first: most Gleam customers are there; then alphabetical.
      return countries.sort(
        (a, b) => Number(b.code === 'US') - Number(a.code === 'US') || a.name.localeCompare(b.name),
      );
    },

    async search(input) {
      const { api } = await connection.connected();
      const numbers = await api.searchAvailable({ ...input, limit: SEARCH_LIMIT });
      await prices.refresh(api, [input.country]);
      return { numbers, monthlyPrice: prices.priceOf(input.country, input.type) };
    },
  };
}
