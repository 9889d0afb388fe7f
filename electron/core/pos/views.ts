// Runs: node (core). Reads transactions back as the POS shows them (receipt, recent list).
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { decisionReasons } from '../fraud/reasons.ts';
import type { TxnView } from '../../../common/api/pos.ts';

export type TxnViewT = z.infer<typeof TxnView>;

interface Row {
  id: string;
  ts: string;
  terminal_id: string;
  cashier_id: string;
  cashier_name: string | null;
  type: TxnViewT['type'];
  status: TxnViewT['status'];
  total_cents: number;
  tender_method: TxnViewT['tenderMethod'];
  card_last4: string | null;
  entry_mode: TxnViewT['entryMode'];
  receipt_no: string | null;
  tendered_cents: number | null;
  receipt_ref: string | null;
  original_txn_id: string | null;
  approved_by: string | null;
  approver_name: string | null;
  voided: number;
  score: number | null;
  decision: NonNullable<TxnViewT['decision']>['decision'] | null;
  reasons: string | null;
  rules_version: string | null;
  model_version: string | null;
}

const SELECT = `SELECT t.*, u.name AS cashier_name, a.name AS approver_name,
    EXISTS (SELECT 1 FROM transactions v WHERE v.original_txn_id = t.id AND v.type = 'void' AND v.status = 'completed') AS voided,
    d.score, d.decision, d.reasons, d.rules_version, d.model_version
  FROM transactions t LEFT JOIN users u ON u.id = t.cashier_id LEFT JOIN users a ON a.id = t.approved_by LEFT JOIN fraud_decisions d ON d.txn_id = t.id`;

function toView(db: Db, r: Row): TxnViewT {
  const lines = db
    .prepare(`SELECT i.sku, coalesce(p.name, i.sku) AS name, i.qty, i.unit_price_cents, i.override_price_cents, i.discount_cents, i.weight_g
      FROM transaction_items i LEFT JOIN products p ON p.sku = i.sku WHERE i.txn_id = ? ORDER BY i.id`)
    .all(r.id) as Array<{ sku: string; name: string; qty: number; unit_price_cents: number; override_price_cents: number | null; discount_cents: number; weight_g: number | null }>;
  return {
    id: r.id,
    ts: r.ts,
    terminalId: r.terminal_id,
    cashierId: r.cashier_id,
    cashierName: r.cashier_name ?? r.cashier_id,
    type: r.type,
    status: r.status,
    totalCents: r.total_cents,
    tenderMethod: r.tender_method,
    cardLast4: r.card_last4,
    entryMode: r.entry_mode,
    tenderedCents: r.tendered_cents,
    changeCents: r.tendered_cents === null ? null : r.tendered_cents - r.total_cents,
    receiptNo: r.receipt_no,
    receiptRef: r.receipt_ref,
    originalTxnId: r.original_txn_id,
    approvedBy: r.approved_by,
    approvedByName: r.approved_by === null ? null : (r.approver_name ?? r.approved_by),
    voided: r.voided === 1,
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      qty: l.qty,
      unitCents: l.unit_price_cents,
      overrideCents: l.override_price_cents,
      discountCents: l.discount_cents,
      lineCents: Math.round((l.override_price_cents ?? l.unit_price_cents) * l.qty - l.discount_cents),
      weightGrams: l.weight_g,
    })),
    decision:
      r.decision === null
        ? null
        : { score: r.score ?? 0, decision: r.decision, ...decisionReasons(r.reasons), rulesVersion: r.rules_version ?? '', modelVersion: r.model_version ?? '' },
  };
}

export function readTxn(db: Db, id: string): TxnViewT {
  const r = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as Row | undefined;
  if (!r) throw new CoreError('NOT_FOUND', `No transaction ${id}.`);
  return toView(db, r);
}

export function readTxnByReceipt(db: Db, receiptNo: string): TxnViewT {
  const r = db.prepare(`${SELECT} WHERE t.receipt_no = ?`).get(receiptNo.trim().toUpperCase()) as Row | undefined;
  if (!r) throw new CoreError('NOT_FOUND', `No sale with receipt number ${receiptNo}.`);
  return toView(db, r);
}

export function recentTxns(db: Db, terminalId: string, limit: number): TxnViewT[] {
  const rows = db.prepare(`${SELECT} WHERE t.terminal_id = ? ORDER BY t.ts DESC, t.rowid DESC LIMIT ?`).all(terminalId, limit) as Row[];
  return rows.map((r) => toView(db, r));
}
