// Runs: node (core). The per-cashier day rollup (fraud_cashier_days) the 7-day cashier features
// read: one row per cashier and day, added to inside the transaction that records each sale.
import type { Db } from '../db/database.ts';
import type { TxnRecord } from './types.ts';
import { basketFacts } from './features.ts';

/** Keeps the per-cashier day rollup in step; called inside the transaction that records `t`. */
export function updateRollup(db: Db, t: TxnRecord): void {
  const b = basketFacts(db, t);
  const sale = t.type === 'sale';
  const markdown = sale ? Math.max(0, b.catalogCents - Math.abs(t.totalCents)) : 0;
  db.prepare(`INSERT INTO fraud_cashier_days (cashier_id, day, n_txn, n_sales, sale_cents, n_refunds, refund_cents,
      n_refunds_no_receipt, n_voids, void_cents, n_no_sale, n_lines, n_override_lines, n_discount_lines, list_cents,
      markdown_cents, n_card, n_keyed)
    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(cashier_id, day) DO UPDATE SET n_txn = n_txn + 1, n_sales = n_sales + excluded.n_sales,
      sale_cents = sale_cents + excluded.sale_cents, n_refunds = n_refunds + excluded.n_refunds,
      refund_cents = refund_cents + excluded.refund_cents, n_refunds_no_receipt = n_refunds_no_receipt + excluded.n_refunds_no_receipt,
      n_voids = n_voids + excluded.n_voids, void_cents = void_cents + excluded.void_cents, n_no_sale = n_no_sale + excluded.n_no_sale,
      n_lines = n_lines + excluded.n_lines, n_override_lines = n_override_lines + excluded.n_override_lines,
      n_discount_lines = n_discount_lines + excluded.n_discount_lines, list_cents = list_cents + excluded.list_cents,
      markdown_cents = markdown_cents + excluded.markdown_cents, n_card = n_card + excluded.n_card, n_keyed = n_keyed + excluded.n_keyed`).run(
    t.cashierId,
    t.ts.slice(0, 10),
    sale ? 1 : 0,
    sale ? Math.abs(t.totalCents) : 0,
    t.type === 'refund' ? 1 : 0,
    t.type === 'refund' ? Math.abs(t.totalCents) : 0,
    t.type === 'refund' && !t.receiptRef && !t.originalTxnId ? 1 : 0,
    t.type === 'void' ? 1 : 0,
    t.type === 'void' ? Math.abs(t.totalCents) : 0,
    t.type === 'no_sale' ? 1 : 0,
    sale ? t.items.length : 0,
    sale ? b.overrideLines : 0,
    sale ? b.discountLines : 0,
    sale ? b.catalogCents : 0,
    markdown,
    sale && t.tender.method === 'card' ? 1 : 0,
    sale && t.tender.method === 'card' && t.tender.entryMode === 'keyed' ? 1 : 0,
  );
}
