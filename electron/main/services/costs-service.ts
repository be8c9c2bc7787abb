/**
 * Costs: the summary (local copy only, so it answers offline), the sync that
 * brings the local copy up to date, and the CSV export.
 *
 * The sync is incremental. Usage records: the first sync fetches the last
 * 12 months, later ones only last month and this one (the months that can
 * still change). Calls and messages: from the day of the newest record the
 * last complete listing saw (Twilio filters by day; records of that day
 * come again and are recognised), so only what is new is fetched. Records
 * Twilio had not priced yet and that are older than that day are fetched
 * one by one, for a month back. Each step records how far it got only when
 * it finished, so an interrupted sync starts that step again.
 */
import fs from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import type { CostSummary, CostSyncResult } from '../../../shared/domain/costs';
import { appError } from '../../../shared/errors';
import type { Logger } from '../infrastructure/logger';
import { singleFlight } from '../infrastructure/single-flight';
import type { Clock } from '../infrastructure/clock';
import type { EmitEvent } from '../infrastructure/events';
import type { UsageEvent } from '../domain/usage';
import { saveBalance, saveRecords, saveUsageRecords, unratedRecordSids, type RecordKind } from '../db/costs-repo';
import { costsSyncState, recordCostsSync } from '../db/sync-state-repo';
import type { TwilioAccountApi } from '../twilio/gateway';
import type { ChannelHandlers } from '../ipc/registrar';
import type { ConnectionService } from './connection-service';
import { costSummary, firstDayOfMonth, MONTHS_SHOWN, USAGE_CATEGORIES } from './cost-summary';
import { costsCsv } from './costs-csv';
import type { PriceBook } from './price-book';

export interface CostsServiceDeps {
  db: Database;
  connection: ConnectionService;
  prices: PriceBook;
  emit: EmitEvent;
  clock: Clock;
  logger: Logger;
  /** Asks the person where to save a file; null when they cancel. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

export interface CostsService {
  summary(month?: string): CostSummary;
  sync(): Promise<CostSyncResult>;
  exportCsv(month: string): Promise<{ savedTo: string | null }>;
  /** Stops a running sync (the app is closing). */
  cancelSync(): void;
}

/** Unpriced records older than the listing window, re-fetched one by one each sync, at most. */
const UNRATED_REFRESH_LIMIT = 100;
/** Twilio prices a record within minutes; past this age an unpriced record is left as it is. */
const UNRATED_REFRESH_DAYS = 31;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function createCostsService(deps: CostsServiceDeps): CostsService {
  const { db, connection, prices, emit, clock, logger, chooseSavePath } = deps;

  /** Lists records of one kind from `fromDay` on; answers how many were new and the newest time seen. */
  async function syncRecords(
    api: TwilioAccountApi,
    accountSid: string,
    kind: RecordKind,
    through: string | null,
    windowStart: Date,
    signal: AbortSignal,
  ): Promise<{ added: number; newest: string | null }> {
    const fromDay = through ? through.slice(0, 10) : dayOf(windowStart);
    const stage = kind === 'call' ? 'calls' : 'messages';
    let added = 0;
    let loaded = 0;
    let newest = through;
    const onPage = (events: UsageEvent[]) => {
      added += saveRecords(db, kind, accountSid, events);
      loaded += events.length;
      for (const event of events) if (newest === null || event.at > newest) newest = event.at;
      emit('costs:syncProgress', { stage, loaded });
    };
    if (kind === 'call') await api.listCalls(fromDay, onPage, signal);
    else await api.listMessages(fromDay, onPage, signal);

    // Older records still unpriced were not in this listing: ask for each.
    const refreshFrom = new Date(clock().getTime() - UNRATED_REFRESH_DAYS * 86_400_000).toISOString();
    const stale = unratedRecordSids(
      db,
      kind,
      accountSid,
      { from: refreshFrom, before: fromDay },
      UNRATED_REFRESH_LIMIT,
    );
    for (const sid of stale) {
      if (signal.aborted) throw appError('cancelled');
      const event = kind === 'call' ? await api.fetchCall(sid) : await api.fetchMessage(sid);
      if (event) saveRecords(db, kind, accountSid, [event]);
    }
    return { added, newest };
  }

  async function runSync(signal: AbortSignal): Promise<CostSyncResult> {
    const { row, api } = await connection.connected();
    const now = clock();
    const state = costsSyncState(db, row.sid);
    const windowStart = firstDayOfMonth(now, MONTHS_SHOWN - 1);

    const isSubaccount = row.ownerAccountSid !== null && row.ownerAccountSid !== row.sid;
    if (!isSubaccount) {
      emit('costs:syncProgress', { stage: 'balance', loaded: 0 });
      const balance = await api.balance();
      saveBalance(db, row.sid, { ...balance, fetchedAt: now.toISOString() });
    }

    emit('costs:syncProgress', { stage: 'usage', loaded: 0 });
    const usageFrom = state.usageSyncedAt ? firstDayOfMonth(now, 1) : windowStart;
    const wanted = new Set<string>(USAGE_CATEGORIES);
    const usage = (await api.monthlyUsage(dayOf(usageFrom), dayOf(now), signal)).filter((record) =>
      wanted.has(record.category),
    );
    saveUsageRecords(db, row.sid, usage);
    recordCostsSync(db, row.sid, { usageSyncedAt: now.toISOString() });
    emit('costs:syncProgress', { stage: 'usage', loaded: usage.length });

    const calls = await syncRecords(api, row.sid, 'call', state.callsThrough, windowStart, signal);
    const messages = await syncRecords(api, row.sid, 'message', state.messagesThrough, windowStart, signal);
    recordCostsSync(db, row.sid, {
      recordsSyncedAt: now.toISOString(),
      callsThrough: calls.newest,
      messagesThrough: messages.newest,
    });
    emit('costs:changed', {});
    return { syncedAt: now.toISOString(), newCalls: calls.added, newMessages: messages.added };
  }

  const syncing = singleFlight(runSync);

  return {
    summary: (month) => costSummary({ db, prices, clock }, month),

    sync: () => syncing.run(),

    async exportCsv(month) {
      const summary = costSummary({ db, prices, clock }, month);
      const savedTo = await chooseSavePath(`gleam-costs-${month}.csv`);
      if (savedTo === null) return { savedTo: null };
      // A byte-order mark, so spreadsheet apps read names with accents as UTF-8.
      await fs.writeFile(savedTo, `\uFEFF${costsCsv(month, summary.currency, summary.byNumber)}`, 'utf8');
      logger.info('costs exported', { month, rows: summary.byNumber.length });
      return { savedTo };
    },

    cancelSync: () => syncing.cancel(),
  };
}

export function costsHandlers(costs: CostsService): ChannelHandlers<'costs'> {
  return {
    'costs:summary': ({ month }) => costs.summary(month),
    'costs:sync': () => costs.sync(),
    'costs:exportCsv': ({ month }) => costs.exportCsv(month),
  };
}
