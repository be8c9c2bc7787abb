/**
 * The purchase journal's rows. See services/purchases-service.ts for the policy.
 */
import type { Database } from 'better-sqlite3';
import type { NumberType } from '../../../shared/domain/numbers';

export type IntentState = 'pending' | 'unknown' | 'bought' | 'failed';

export interface PurchaseIntent {
  id: string;
  accountSid: string;
  phoneNumber: string;
  type: NumberType;
  isoCountry: string;
  monthlyPrice: string | null;
  priceCurrency: string | null;
  state: IntentState;
  numberSid: string | null;
  errorCode: string | null;
  createdAt: string;
}

interface IntentRow {
  id: string;
  account_sid: string;
  phone_number: string;
  number_type: NumberType;
  iso_country: string;
  monthly_price: string | null;
  price_currency: string | null;
  state: IntentState;
  number_sid: string | null;
  error_code: string | null;
  created_at: string;
}

const fromRow = (row: IntentRow): PurchaseIntent => ({
  id: row.id,
  accountSid: row.account_sid,
  phoneNumber: row.phone_number,
  type: row.number_type,
  isoCountry: row.iso_country,
  monthlyPrice: row.monthly_price,
  priceCurrency: row.price_currency,
  state: row.state,
  numberSid: row.number_sid,
  errorCode: row.error_code,
  createdAt: row.created_at,
});

export class PurchaseAlreadyOpenError extends Error {
  constructor(phoneNumber: string) {
    super(`a purchase of ${phoneNumber} is already open`);
    this.name = 'PurchaseAlreadyOpenError';
  }
}

/** Records the intent to buy; refuses (PurchaseAlreadyOpenError) while another purchase of the number is open. */
export function insertIntent(db: Database, intent: Omit<PurchaseIntent, 'state' | 'numberSid' | 'errorCode'>): void {
  try {
    db.prepare(
      `INSERT INTO purchase_intents (id, account_sid, phone_number, number_type, iso_country, monthly_price,
         price_currency, state, created_at)
       VALUES (@id, @accountSid, @phoneNumber, @type, @isoCountry, @monthlyPrice, @priceCurrency, 'pending', @createdAt)`,
    ).run(intent);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new PurchaseAlreadyOpenError(intent.phoneNumber);
    throw error;
  }
}

export function getIntent(db: Database, id: string): PurchaseIntent | null {
  const row = db.prepare('SELECT * FROM purchase_intents WHERE id = ?').get(id) as IntentRow | undefined;
  return row ? fromRow(row) : null;
}

/** Intents whose outcome is not known yet: written before a crash, or whose answer was lost. */
export function openIntents(db: Database, accountSid: string): PurchaseIntent[] {
  const rows = db
    .prepare("SELECT * FROM purchase_intents WHERE account_sid = ? AND state IN ('pending', 'unknown')")
    .all(accountSid) as IntentRow[];
  return rows.map(fromRow);
}

export function setIntentState(
  db: Database,
  update: { id: string; state: IntentState; numberSid?: string | null; errorCode?: string | null; at: string },
): void {
  db.prepare(
    `UPDATE purchase_intents SET state = @state, number_sid = @numberSid, error_code = @errorCode,
       settled_at = CASE WHEN @state IN ('bought', 'failed') THEN @at ELSE NULL END
     WHERE id = @id`,
  ).run({ numberSid: null, errorCode: null, ...update });
}
