import type { Database } from 'better-sqlite3';
import { ActivityDetailSchema, type ActivityDetail, type ActivityEntry } from '../../../shared/domain/numbers';

/** `detail` is stored as JSON (migration 9). */
const toJson = (detail: ActivityDetail | null) => (detail === null ? null : JSON.stringify(detail));

export interface NewActivity {
  accountSid: string;
  at: string;
  kind: ActivityEntry['kind'];
  phoneNumber: string;
  amount: string | null;
  currency: string | null;
  outcome: ActivityEntry['outcome'];
  detail: ActivityDetail | null;
  purchaseId: string | null;
}

export function addActivity(db: Database, entry: NewActivity): void {
  db.prepare(
    `INSERT INTO activity_log (account_sid, at, kind, phone_number, amount, currency, outcome, detail, purchase_id)
     VALUES (@accountSid, @at, @kind, @phoneNumber, @amount, @currency, @outcome, @detail, @purchaseId)`,
  ).run({ ...entry, detail: toJson(entry.detail) });
}

/** Settles the line of a purchase written while its outcome was unknown. */
export function settlePurchaseActivity(
  db: Database,
  update: { purchaseId: string; outcome: ActivityEntry['outcome']; detail: ActivityDetail | null },
): void {
  db.prepare('UPDATE activity_log SET outcome = @outcome, detail = @detail WHERE purchase_id = @purchaseId').run({
    ...update,
    detail: toJson(update.detail),
  });
}

interface ActivityRow {
  id: number;
  at: string;
  kind: ActivityEntry['kind'];
  phone_number: string;
  amount: string | null;
  currency: string | null;
  outcome: ActivityEntry['outcome'];
  detail: string | null;
}

export function listActivity(db: Database, accountSid: string, limit = 500): ActivityEntry[] {
  const rows = db
    .prepare('SELECT * FROM activity_log WHERE account_sid = ? ORDER BY at DESC, id DESC LIMIT ?')
    .all(accountSid, limit) as ActivityRow[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    kind: row.kind,
    phoneNumber: row.phone_number,
    monthlyPrice: row.amount !== null && row.currency !== null ? { amount: row.amount, currency: row.currency } : null,
    outcome: row.outcome,
    detail: row.detail === null ? null : ActivityDetailSchema.parse(JSON.parse(row.detail)),
  }));
}
