/**
 * The local copy of the account's A2P 10DLC registrations (migration 6).
 * Each read from Twilio replaces the account's copy whole, with the time of
 * the read, in one transaction: registrations Twilio no longer lists (a
 * deleted brand, the campaigns of a service no longer set) go with it.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { RegistrationIssueSchema, type RegistrationIssue } from '../../../shared/domain/a2p';
import type { BrandRecord, BusinessProfileRecord, CampaignRecord } from '../domain/a2p-registrations';
import { inWriteTransaction } from './database';
import { recordA2pSync } from './sync-state-repo';

export interface A2pSnapshot {
  syncedAt: string;
  profiles: readonly BusinessProfileRecord[];
  brands: readonly BrandRecord[];
  /** The campaigns of the Messaging Service set at the time; null when none was set. */
  campaigns: { messagingServiceSid: string; records: readonly CampaignRecord[] } | null;
}

const IssuesSchema = z.array(RegistrationIssueSchema);

const issuesOf = (json: string): RegistrationIssue[] => IssuesSchema.parse(JSON.parse(json));

/** Rows as stored, issues still JSON. */
type Stored<T extends { issues: RegistrationIssue[] }> = Omit<T, 'issues'> & { issues: string };

const withIssues = <T extends { issues: RegistrationIssue[] }>(row: Stored<T>): T =>
  ({ ...row, issues: issuesOf(row.issues) }) as T;

/** Newest change first, so equal registrations list the way Twilio last touched them. */
const ORDER = 'ORDER BY updated_at DESC, sid';

export function saveA2pSnapshot(db: Database, accountSid: string, snapshot: A2pSnapshot): void {
  const insertProfile = db.prepare(
    `INSERT INTO a2p_business_profiles (sid, account_sid, status, friendly_name, valid_until, issues, updated_at)
     VALUES (@sid, @accountSid, @twilioStatus, @friendlyName, @validUntil, @issues, @updatedAt)`,
  );
  const insertBrand = db.prepare(
    `INSERT INTO a2p_brands (sid, account_sid, status, brand_type, identity_status, failure_reason, issues, updated_at)
     VALUES (@sid, @accountSid, @twilioStatus, @brandType, @identityStatus, @failureReason, @issues, @updatedAt)`,
  );
  const insertCampaign = db.prepare(
    `INSERT INTO a2p_campaigns (sid, account_sid, messaging_service_sid, status, use_case, brand_sid, issues,
       updated_at)
     VALUES (@sid, @accountSid, @messagingServiceSid, @twilioStatus, @useCase, @brandSid, @issues, @updatedAt)`,
  );
  const rowOf = <T extends { issues: RegistrationIssue[] }>(record: T) => ({
    ...record,
    accountSid,
    issues: JSON.stringify(record.issues),
  });

  inWriteTransaction(db, () => {
    for (const table of ['a2p_business_profiles', 'a2p_brands', 'a2p_campaigns']) {
      db.prepare(`DELETE FROM ${table} WHERE account_sid = ?`).run(accountSid);
    }
    for (const profile of snapshot.profiles) insertProfile.run(rowOf(profile));
    for (const brand of snapshot.brands) insertBrand.run(rowOf(brand));
    const { campaigns } = snapshot;
    if (campaigns) {
      const { messagingServiceSid } = campaigns;
      for (const campaign of campaigns.records) insertCampaign.run({ ...rowOf(campaign), messagingServiceSid });
    }
    recordA2pSync(db, accountSid, {
      syncedAt: snapshot.syncedAt,
      campaignsServiceSid: campaigns?.messagingServiceSid ?? null,
    });
  });
}

export function a2pBusinessProfiles(db: Database, accountSid: string): BusinessProfileRecord[] {
  const rows = db
    .prepare(
      `SELECT sid, status AS twilioStatus, friendly_name AS friendlyName, valid_until AS validUntil, issues,
         updated_at AS updatedAt
       FROM a2p_business_profiles WHERE account_sid = ? ${ORDER}`,
    )
    .all(accountSid) as Stored<BusinessProfileRecord>[];
  return rows.map(withIssues);
}

export function a2pBrands(db: Database, accountSid: string): BrandRecord[] {
  const rows = db
    .prepare(
      `SELECT sid, status AS twilioStatus, brand_type AS brandType, identity_status AS identityStatus,
         failure_reason AS failureReason, issues, updated_at AS updatedAt
       FROM a2p_brands WHERE account_sid = ? ${ORDER}`,
    )
    .all(accountSid) as Stored<BrandRecord>[];
  return rows.map(withIssues);
}

/** The campaigns saved for one Messaging Service of the account. */
export function a2pCampaigns(db: Database, accountSid: string, messagingServiceSid: string): CampaignRecord[] {
  const rows = db
    .prepare(
      `SELECT sid, status AS twilioStatus, use_case AS useCase, brand_sid AS brandSid, issues,
         updated_at AS updatedAt
       FROM a2p_campaigns WHERE account_sid = ? AND messaging_service_sid = ? ${ORDER}`,
    )
    .all(accountSid, messagingServiceSid) as Stored<CampaignRecord>[];
  return rows.map(withIssues);
}
