/**
 * The account's numbers: the local copy (readable offline), synced from
 * Twilio so numbers bought elsewhere appear too, and the search for numbers
 * to buy.
 *
 * Sync lists every owned number a page (1,000) at a time and hands each page
 * to the numbers-sync worker, which writes it to SQLite while the next page
 * is fetched, reporting progress; toll-free and mobile numbers are listed
 * at the same time (Twilio's per-type lists) so each row gets its type.
 * Only numbers that are new or changed are written. Numbers the account
 * no longer owns are marked released only after a complete listing. With a
 * Messaging Service set, its member list is read at the same time, for the
 * list's membership column. One sync
 * runs at a time; one asked for meanwhile runs right after it.
 */
import type { Database } from 'better-sqlite3';
import type { Country, NumberList, SearchResult, SyncResult } from '../../../shared/domain/numbers';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { maskSid } from '../../../shared/domain/credentials';
import { appError } from '../../../shared/errors';
import type { Clock } from '../infrastructure/clock';
import type { EmitEvent } from '../infrastructure/events';
import { getLatestAccount } from '../db/accounts-repo';
import { listOwnedNumbers } from '../db/numbers-repo';
import { replaceServiceMembers, serviceMembers } from '../db/service-numbers-repo';
import { numbersSyncState } from '../db/sync-state-repo';
import type { ChannelHandlers } from '../ipc/registrar';
import type { ConnectionService } from './connection-service';
import { toOwnedNumber } from './owned-numbers';
import type { NumbersSyncThread } from './numbers-sync-thread';
import type { PriceBook } from './price-book';
import { describeAssignments } from './assignment-view';

export interface NumbersServiceDeps {
  db: Database;
  connection: ConnectionService;
  prices: PriceBook;
  emit: EmitEvent;
  clock: Clock;
  /** Writes the sync's pages off the main thread. */
  writer: NumbersSyncThread;
  /** Where assigned numbers' webhooks should point (the settings), to show the ones that drifted. */
  webhookBaseUrl: () => string;
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
  const { db, connection, prices, emit, clock, writer, webhookBaseUrl } = deps;
  let running: { promise: Promise<SyncResult>; controller: AbortController } | null = null;
  /** A sync asked for while one runs: it starts when that one ends, so it sees changes made meanwhile. */
  let queued: Promise<SyncResult> | null = null;
  /** Set by cancelSync: the queued sync ends as cancelled instead of starting. */
  let queuedCancelled = false;

  async function runSync(signal: AbortSignal): Promise<SyncResult> {
    const { row, api } = await connection.connected();
    const expected = numbersSyncState(db, row.sid).count;
    emit('numbers:syncProgress', { loaded: 0, expected });
    // The Messaging Service's members, read beside the numbers. When that read fails (the service was deleted,
    // say), the sync still stands and the members saved before are kept.
    const serviceSid = row.messagingServiceSid;
    const members = serviceSid ? api.listServiceNumberSids(serviceSid).catch(() => null) : Promise.resolve(null);

    // All three listings start at once; pages wait only for the (short) type lists.
    const begun = Promise.all([
      api.listOwnedSidsOfType('toll-free', signal),
      api.listOwnedSidsOfType('mobile', signal),
    ]).then(([tollFree, mobile]) =>
      writer.begin({ accountSid: row.sid, tollFreeSids: [...tollFree], mobileSids: [...mobile] }),
    );
    begun.catch(() => undefined);
    // Pages go to the writer without waiting for it, so writing overlaps fetching;
    // the writer takes them in order, and every write is awaited before the sync ends.
    const writes: Promise<number>[] = [];
    try {
      await api.listOwnedNumbers(async (page) => {
        await begun;
        const written = writer.writePage(page, clock().toISOString());
        written.then((loaded) => emit('numbers:syncProgress', { loaded, expected })).catch(() => undefined);
        writes.push(written);
      }, signal);
      await begun;
      await Promise.all(writes);
    } catch (error) {
      await Promise.allSettled([begun, ...writes]);
      await writer.abandon();
      throw error;
    }
    const syncedAt = clock().toISOString();
    const totals = await writer.finish(syncedAt);
    const memberSids = await members;
    if (serviceSid && memberSids) {
      replaceServiceMembers(db, { accountSid: row.sid, serviceSid, numberSids: memberSids, at: syncedAt });
    }
    await prices.refresh(api, totals.countries);
    emit('numbers:changed', {});
    return { total: totals.total, added: totals.added, removed: totals.removed, syncedAt };
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
      const records = listOwnedNumbers(db, account.sid);
      const assignments = describeAssignments(db, webhookBaseUrl(), records);
      const members = account.messagingServiceSid ? serviceMembers(db, account.sid, account.messagingServiceSid) : null;
      return {
        account: { sidMask: maskSid(account.sid), friendlyName: account.friendlyName, connected: account.connected },
        numbers: records.map((record) =>
          toOwnedNumber(record, prices, assignments.get(record.sid) ?? null, members ? members.has(record.sid) : null),
        ),
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

export function numbersHandlers(numbers: NumbersService): ChannelHandlers<'numbers'> {
  return {
    'numbers:list': () => numbers.list(),
    'numbers:sync': () => numbers.sync(),
    'numbers:cancelSync': () => ({ cancelled: numbers.cancelSync() }),
    'numbers:countries': async () => ({ countries: await numbers.countries() }),
    'numbers:search': (input) => numbers.search(input),
  };
}
