// Runs: node (core). The one write of a transaction: its row, its line items, its fraud decision,
// the cashier's day rollup and its outbox rows, all in ONE SQLite transaction, so a crash or a
// failed constraint leaves no half-recorded sale (nothing, or everything, reaches sync).
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { enqueue } from '../db/outbox.ts';
import { appendAudit } from '../audit/audit.ts';
import { discountShare } from '../fraud/features.ts';
import { updateRollup } from '../fraud/rollup.ts';
import { reasonTexts } from '../fraud/reasons.ts';
import type { Decision, TxnRecord } from '../fraud/types.ts';
import { recordMovement, saleMovements } from '../inventory/stock.ts';

export type TxnStatus = 'completed' | 'blocked' | 'pending_approval';

export function statusFor(d: Decision): TxnStatus {
  return d.decision === 'block' ? 'blocked' : d.decision === 'manager_approval' ? 'pending_approval' : 'completed';
}

export interface RecordOptions {
  status?: TxnStatus;
  /** Staff actions worth proving (refunds, voids, drawer openings, blocks) get an audit entry. */
  audit?: boolean;
  now?: Date;
  /** False only for the fraud simulator's scratch store, whose stock nothing reads. */
  stock?: boolean;
  /** Cash handed over (the change is printed from it). */
  tenderedCents?: number | null;
  /** Why a no-sale opens the drawer. */
  note?: string | null;
  /** More writes that must commit or roll back with the transaction (its receipt's print job). */
  alsoInTransaction?: (db: Db, status: TxnStatus) => void;
}

export function transactionExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM transactions WHERE id = ?').get(id) !== undefined;
}

export function recordTransaction(db: Db, t: TxnRecord, d: Decision, opts: RecordOptions = {}): TxnStatus {
  const status = opts.status ?? statusFor(d);
  const now = opts.now ?? new Date();
  const write = db.transaction(() => {
    if (transactionExists(db, t.id)) throw new CoreError('CONFLICT', `Transaction ${t.id} is already recorded.`);
    db.prepare(`INSERT INTO transactions (id, ts, terminal_id, cashier_id, type, total_cents, tender_method, card_fingerprint,
        card_last4, entry_mode, receipt_ref, original_txn_id, status, approved_by, receipt_no, markdown_bp, tendered_cents, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`).run(
      t.id, t.ts, t.terminalId, t.cashierId, t.type, t.totalCents, t.tender.method, t.tender.fingerprint, t.tender.last4,
      t.tender.entryMode, t.receiptRef, t.originalTxnId, status, t.receiptNo ?? null, Math.round(discountShare(t.items) * 10_000), opts.tenderedCents ?? null, opts.note ?? null,
    );
    const item = db.prepare('INSERT INTO transaction_items (txn_id, sku, qty, unit_price_cents, override_price_cents, discount_cents, weight_g) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const l of t.items) item.run(t.id, l.sku, l.qty, l.unitCents, l.overrideCents, l.discountCents, l.weightGrams ?? null);
    db.prepare(`INSERT INTO fraud_decisions (txn_id, ts, score, decision, reasons, rules_version, model_version, model_score, rules_fired, features)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      t.id, t.ts, d.score, d.decision, JSON.stringify(d.reasons), d.rulesVersion, d.modelVersion, d.modelScore,
      JSON.stringify(d.rulesFired.map((r) => r.id)), JSON.stringify(d.features),
    );
    updateRollup(db, t);
    // Only a completed transaction moves stock; a held one moves it when a manager approves it.
    if (status === 'completed' && opts.stock !== false) for (const m of saleMovements(t)) recordMovement(db, m);
    // Card data leaves the terminal as the token and last four only; the fingerprint is already a token.
    enqueue(db, 'transaction', t.id, { ...t, status }, now);
    enqueue(db, 'fraud_decision', t.id, { txn_id: t.id, score: d.score, decision: d.decision, reasons: reasonTexts(d.reasons), rules_version: d.rulesVersion, model_version: d.modelVersion }, now);
    if (opts.audit) appendAudit(db, t.cashierId, `pos.${t.type}`, t.id, { status, decision: d.decision, total_cents: t.totalCents }, now);
    opts.alsoInTransaction?.(db, status);
  });
  write();
  return status;
}
