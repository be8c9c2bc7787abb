/**
 * A2P 10DLC status: the business profiles, brands and campaigns Twilio has
 * for the connected account, kept in SQLite so the section (and the number
 * checks) answer offline, with the time they were read.
 *
 * Campaigns belong to a Messaging Service, so a read covers those of the
 * service set in Settings at the time. When the setting changes, the saved
 * campaigns say nothing about the new service: they count as unknown until
 * the next read rather than as "none".
 */
import type { Database } from 'better-sqlite3';
import {
  A2P_STATUS_NOT_CONNECTED,
  leadingRegistration,
  type A2pStatus,
  type Registration,
  type UsSmsRegistration,
} from '../../../shared/domain/a2p';
import type { MessagingServiceSummary } from '../../../shared/domain/connection';
import { singleFlight } from '../infrastructure/single-flight';
import type { Clock } from '../infrastructure/clock';
import type { EmitEvent } from '../infrastructure/events';
import type { RegistrationRecord } from '../domain/a2p-registrations';
import { getAccount, getConnectedAccount } from '../db/accounts-repo';
import { a2pBrands, a2pBusinessProfiles, a2pCampaigns, saveA2pSnapshot } from '../db/a2p-repo';
import { a2pSyncState } from '../db/sync-state-repo';
import { registrationStage, type RegistrationKind } from '../twilio/a2p-api';
import type { ChannelHandlers } from '../ipc/registrar';
import type { ConnectionService } from './connection-service';

export interface A2pServiceDeps {
  db: Database;
  connection: ConnectionService;
  emit: EmitEvent;
  clock: Clock;
}

export interface A2pService {
  /** From the local copy only, so it answers offline; empty when no account is connected. */
  status(): Promise<A2pStatus>;
  /**
   * Reads the registrations from Twilio, replaces the local copy with them
   * and emits `a2p:changed`; a call while one runs joins it. A failed read
   * leaves the copy as it was.
   */
  refresh(): Promise<A2pStatus>;
  /** Whether `accountSid` can text US numbers from local numbers, from the local copy only. */
  usSmsRegistration(accountSid: string): UsSmsRegistration;
  /** Stops a running refresh (the app is closing). */
  cancelRefresh(): void;
}

/** Saved records with where each stands, in Gleam's terms. */
const staged = <T extends RegistrationRecord>(kind: RegistrationKind, records: readonly T[]): (T & Registration)[] =>
  records.map((record) => ({ ...record, stage: registrationStage(kind, record.twilioStatus) }));

export function createA2pService(deps: A2pServiceDeps): A2pService {
  const { db, connection, emit, clock } = deps;

  /** The saved campaigns of `serviceSid`; null when the last read did not cover that service. */
  function savedCampaigns(accountSid: string, serviceSid: string) {
    const sync = a2pSyncState(db, accountSid);
    if (sync.syncedAt === null || sync.campaignsServiceSid !== serviceSid) return null;
    return staged('campaign', a2pCampaigns(db, accountSid, serviceSid));
  }

  function savedStatus(
    accountSid: string,
    friendlyName: string,
    messagingService: MessagingServiceSummary | null,
  ): A2pStatus {
    return {
      account: { friendlyName },
      messagingService,
      asOf: a2pSyncState(db, accountSid).syncedAt,
      profiles: staged('profile', a2pBusinessProfiles(db, accountSid)),
      brands: staged('brand', a2pBrands(db, accountSid)),
      campaigns: messagingService ? savedCampaigns(accountSid, messagingService.sid) : null,
    };
  }

  async function status(): Promise<A2pStatus> {
    const current = await connection.getStatus();
    const row = getConnectedAccount(db);
    if (current.state !== 'connected' || !row) return A2P_STATUS_NOT_CONNECTED;
    return savedStatus(row.sid, current.account.friendlyName, current.messagingService);
  }

  async function runRefresh(signal: AbortSignal): Promise<A2pStatus> {
    const { row, api } = await connection.connected();
    const serviceSid = row.messagingServiceSid;
    const [profiles, brands, campaigns] = await Promise.all([
      api.listBusinessProfiles(signal),
      api.listBrandRegistrations(signal),
      serviceSid ? api.listCampaigns(serviceSid, signal) : null,
    ]);
    saveA2pSnapshot(db, row.sid, {
      syncedAt: clock().toISOString(),
      profiles,
      brands,
      campaigns: serviceSid && campaigns ? { messagingServiceSid: serviceSid, records: campaigns } : null,
    });
    emit('a2p:changed', {});
    return status();
  }

  const refreshing = singleFlight(runRefresh);

  return {
    status,

    refresh: () => refreshing.run(),

    usSmsRegistration(accountSid) {
      const account = getAccount(db, accountSid);
      if (!account) return { state: 'unknown', reason: 'never_read' };
      const serviceSid = account.messagingServiceSid;
      if (!serviceSid)
        return { state: 'not_registered', reason: 'no_messaging_service', campaignStage: null, asOf: null };
      const { syncedAt } = a2pSyncState(db, accountSid);
      if (syncedAt === null) return { state: 'unknown', reason: 'never_read' };
      const campaigns = savedCampaigns(accountSid, serviceSid);
      if (campaigns === null) return { state: 'unknown', reason: 'service_not_read' };
      const leading = leadingRegistration(campaigns);
      if (leading?.stage === 'approved') return { state: 'registered', campaignSid: leading.sid, asOf: syncedAt };
      return {
        state: 'not_registered',
        reason: leading ? 'campaign_not_approved' : 'no_campaign',
        campaignStage: leading?.stage ?? null,
        asOf: syncedAt,
      };
    },

    cancelRefresh: () => refreshing.cancel(),
  };
}

export function a2pHandlers(a2p: A2pService): ChannelHandlers<'a2p'> {
  return {
    'a2p:status': () => a2p.status(),
    'a2p:refresh': () => a2p.refresh(),
  };
}
