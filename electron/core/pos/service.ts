// Runs: node (core). The till: builds a transaction from the cashier's cart (the core computes the
// total; the UI's arithmetic is never trusted), asks the fraud engine, and records it with its
// decision. Role rules live here, not in the UI: any cashier may ring sales, refunds, voids and
// no-sales, but a decision of manager_approval holds the transaction until someone of manager rank
// or above (and not the cashier themselves) enters their PIN; block is final.
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { enqueue } from '../db/outbox.ts';
import { appendAudit } from '../audit/audit.ts';
import { signInWithPin, type User } from '../auth/users.ts';
import { roles } from '../../../common/api/define.ts';
import type { posOps } from '../../../common/api/pos.ts';
import type { FraudEngine } from '../fraud/engine.ts';
import { lineCharge } from '../fraud/features.ts';
import type { TxnLine, TxnRecord } from '../fraud/types.ts';
import { looksLikePan } from './pan.ts';
import { recordTransaction } from './record.ts';
import { recordMovement, saleMovements } from '../inventory/stock.ts';
import { readTxn, readTxnByReceipt, type TxnViewT } from './views.ts';
import { drawerReasonFor, enqueuePrint, openDrawer } from '../printing/queue.ts';
import { RECEIPT_TTL_MS } from '../printing/worker.ts';
import { getSetting } from '../settings/settings.ts';

export type SubmitInput = z.output<(typeof posOps)['pos.submit']['input']>;

export interface TillContext {
  db: Db;
  engine: FraudEngine;
  terminalId: string;
  user: User;
  now?: Date;
}

const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Short enough to type back in at the returns desk, random enough not to be guessed. */
const TXN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newReceiptNo(): string {
  const bytes = crypto.randomBytes(8);
  let s = 'R';
  for (const b of bytes) s += RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length];
  return s;
}

interface OriginalRow {
  id: string;
  ts: string;
  type: string;
  status: string;
  terminal_id: string;
  total_cents: number;
  tender_method: TxnRecord['tender']['method'];
  card_fingerprint: string | null;
  card_last4: string | null;
  entry_mode: TxnRecord['tender']['entryMode'];
}

function original(db: Db, idOrReceipt: { id?: string | null; receipt?: string | null }): OriginalRow | undefined {
  if (idOrReceipt.id) return db.prepare('SELECT * FROM transactions WHERE id = ?').get(idOrReceipt.id) as OriginalRow | undefined;
  if (idOrReceipt.receipt) return db.prepare('SELECT * FROM transactions WHERE receipt_no = ?').get(idOrReceipt.receipt.trim().toUpperCase()) as OriginalRow | undefined;
  return undefined;
}

export async function submitTransaction(ctx: TillContext, input: SubmitInput): Promise<TxnViewT> {
  const { db } = ctx;
  const now = ctx.now ?? new Date();
  // Transaction ids are our own UUIDs, whose hex now and then holds 12+ digits in a row (about one
  // void in a hundred was refused as "a card number"): only an id that is not a UUID is checked.
  const typedTxnId = input.originalTxnId && !TXN_ID.test(input.originalTxnId) ? input.originalTxnId : null;
  for (const s of [input.tender?.fingerprint, input.receiptRef, typedTxnId]) {
    if (looksLikePan(s)) throw new CoreError('BAD_INPUT', 'That looks like a card number. StoreMind never takes card numbers; use the payment terminal.');
  }
  let lines: TxnLine[] = input.lines.map((l) => ({ ...l }));
  let tender: TxnRecord['tender'] = { method: null, fingerprint: null, last4: null, entryMode: null };
  if (input.tender) {
    tender = { method: input.tender.method, fingerprint: null, last4: null, entryMode: null };
    if (input.tender.method === 'card') {
      if (!input.tender.fingerprint || !input.tender.entryMode || !input.tender.last4) {
        throw new CoreError('BAD_INPUT', 'A card payment needs the payment terminal\'s card token, last four digits and entry mode.');
      }
      tender = { method: 'card', fingerprint: input.tender.fingerprint, last4: input.tender.last4, entryMode: input.tender.entryMode };
    }
  }
  let receiptRef = input.receiptRef?.trim().toUpperCase() ?? null;
  let originalTxnId = input.originalTxnId ?? null;

  switch (input.type) {
    case 'sale':
      if (lines.length === 0) throw new CoreError('BAD_INPUT', 'A sale needs at least one item.');
      if (!input.tender) throw new CoreError('BAD_INPUT', 'A sale needs a tender (cash, card or gift card).');
      break;
    case 'refund': {
      if (lines.length === 0) throw new CoreError('BAD_INPUT', 'A refund needs at least one item.');
      if (!input.tender) throw new CoreError('BAD_INPUT', 'A refund needs a tender to refund to.');
      const policy = getSetting(db, 'returnPolicy');
      if (receiptRef || originalTxnId) {
        const o = original(db, { id: originalTxnId, receipt: receiptRef });
        if (!o || o.type !== 'sale') throw new CoreError('NOT_FOUND', `No sale with receipt ${receiptRef ?? originalTxnId} on this terminal.`);
        if (o.status !== 'completed') throw new CoreError('CONFLICT', 'That sale was never completed, so it cannot be refunded.');
        const age = Math.floor((now.getTime() - Date.parse(o.ts)) / 86_400_000);
        if (age > policy.days) throw new CoreError('CONFLICT', `That sale was ${age} days ago; the store takes returns within ${policy.days} days of purchase.`);
        const refunded = db.prepare("SELECT coalesce(sum(total_cents), 0) FROM transactions WHERE original_txn_id = ? AND type IN ('refund','void') AND status = 'completed'").pluck().get(o.id) as number;
        const want = lines.reduce((a, l) => a + lineCharge(l), 0);
        if (refunded + want > o.total_cents) throw new CoreError('CONFLICT', 'That would refund more than the sale was paid.');
        originalTxnId = o.id;
      } else {
        // Without a receipt, the store's policy decides (the kiosk tells shoppers the same).
        if (policy.noReceipt === 'refuse') throw new CoreError('BAD_INPUT', 'This store does not take returns without a receipt.');
        if (policy.noReceipt === 'store_credit' && input.tender.method !== 'gift_card') {
          throw new CoreError('BAD_INPUT', 'Without a receipt this store refunds as store credit: choose Gift card.');
        }
        if (policy.idRequired && input.idChecked !== true) throw new CoreError('BAD_INPUT', "A return without a receipt needs the shopper's photo ID: check it, then tick \"Photo ID checked\".");
      }
      break;
    }
    case 'void': {
      if (!originalTxnId) throw new CoreError('BAD_INPUT', 'A void names the transaction it voids.');
      const o = original(db, { id: originalTxnId });
      if (!o || o.terminal_id !== ctx.terminalId) throw new CoreError('NOT_FOUND', `No transaction ${originalTxnId} on this terminal.`);
      if (o.type !== 'sale' || o.status !== 'completed') throw new CoreError('CONFLICT', 'Only a completed sale can be voided.');
      if (db.prepare("SELECT 1 FROM transactions WHERE original_txn_id = ? AND type IN ('void','refund') AND status != 'blocked'").get(o.id)) {
        throw new CoreError('CONFLICT', 'That sale was already voided or refunded.');
      }
      // A void reverses the whole sale: same lines, same tender.
      lines = (db.prepare('SELECT sku, qty, unit_price_cents AS unitCents, override_price_cents AS overrideCents, discount_cents AS discountCents FROM transaction_items WHERE txn_id = ? ORDER BY id').all(o.id) as TxnLine[]);
      tender = { method: o.tender_method, fingerprint: o.card_fingerprint, last4: o.card_last4, entryMode: o.entry_mode };
      receiptRef = null;
      break;
    }
    case 'no_sale':
      if (lines.length) throw new CoreError('BAD_INPUT', 'A no-sale opens the drawer; it has no items.');
      tender = { method: null, fingerprint: null, last4: null, entryMode: null };
      receiptRef = null;
      originalTxnId = null;
      break;
  }

  const totalCents = Math.round(lines.reduce((a, l) => a + lineCharge(l), 0));
  if (totalCents < 0) throw new CoreError('BAD_INPUT', 'Discounts are larger than the items; the total would be negative.');
  const t: TxnRecord = {
    id: crypto.randomUUID(),
    ts: now.toISOString(),
    terminalId: ctx.terminalId,
    cashierId: ctx.user.id,
    type: input.type,
    items: lines,
    totalCents,
    tender,
    receiptRef,
    originalTxnId,
    receiptNo: input.type === 'sale' ? newReceiptNo() : null,
  };
  let tenderedCents: number | null = null;
  if (input.type === 'sale' && tender.method === 'cash' && input.tender?.tenderedCents != null) {
    tenderedCents = input.tender.tenderedCents;
    if (tenderedCents < totalCents) throw new CoreError('BAD_INPUT', `Cash handed over (${tenderedCents} cents) is less than the total (${totalCents} cents).`);
  }
  const decision = await ctx.engine.decide(t);
  recordTransaction(db, t, decision, {
    audit: input.type !== 'sale' || decision.decision !== 'allow',
    now,
    tenderedCents,
    note: input.type === 'no_sale' ? (input.noSaleReason ?? null) : null,
    alsoInTransaction: (tx, status) => {
      if (status === 'completed') queueTillOutput(tx, t, input.noSaleReason ?? null, now);
    },
  });
  return readTxn(db, t.id);
}

/**
 * What a completed transaction owes the till's hardware, written with it: the drawer kick (cash
 * only, recorded as an opening) and the receipt. A held transaction gets both when approved.
 */
function queueTillOutput(db: Db, t: Pick<TxnRecord, 'id' | 'type' | 'terminalId' | 'cashierId'> & { tender: Pick<TxnRecord['tender'], 'method'> }, note: string | null, now: Date): void {
  const reason = drawerReasonFor(t.type, t.tender.method);
  if (reason) openDrawer(db, { terminalId: t.terminalId, cashierId: t.cashierId, reason, txnId: t.id, note }, now);
  enqueuePrint(db, { kind: 'receipt', ref: t.id, expiresInMs: RECEIPT_TTL_MS }, now);
}

function rank(role: string): number {
  return roles.indexOf(role as (typeof roles)[number]);
}

/**
 * A manager approves a held transaction by PIN. The PIN is checked like a sign-in (same lockout
 * after repeated wrong PINs) but no session is opened: the cashier stays signed in.
 */
export function approveTransaction(db: Db, txnId: string, pin: string, cashier: User, now = new Date()): TxnViewT {
  const t = db.prepare('SELECT id, status, cashier_id FROM transactions WHERE id = ?').get(txnId) as { id: string; status: string; cashier_id: string } | undefined;
  if (!t) throw new CoreError('NOT_FOUND', `No transaction ${txnId}.`);
  if (t.status !== 'pending_approval') throw new CoreError('CONFLICT', `Transaction ${txnId} is not waiting for approval (it is ${t.status}).`);
  const approver = signInWithPin(db, pin, 'approve', now);
  if (rank(approver.role) < rank('manager')) {
    appendAudit(db, approver.id, 'pos.approve.refused', txnId, { role: approver.role, reason: 'role below manager' }, now);
    throw new CoreError('FORBIDDEN', `${approver.name} is a ${approver.role}; a manager or above must approve this.`);
  }
  if (approver.id === t.cashier_id || approver.id === cashier.id) {
    appendAudit(db, approver.id, 'pos.approve.refused', txnId, { reason: 'self-approval' }, now);
    throw new CoreError('FORBIDDEN', 'You cannot approve your own transaction; ask another manager.');
  }
  db.transaction(() => {
    db.prepare("UPDATE transactions SET status = 'completed', approved_by = ? WHERE id = ? AND status = 'pending_approval'").run(approver.id, txnId);
    enqueue(db, 'transaction', txnId, { id: txnId, status: 'completed', approved_by: approver.id, approved_at: now.toISOString() }, now);
    for (const m of saleMovements(heldTxn(db, txnId))) recordMovement(db, m);
    appendAudit(db, approver.id, 'pos.approve', txnId, { cashier: cashier.id }, now);
    const held = db.prepare('SELECT id, type, terminal_id AS terminalId, cashier_id AS cashierId, tender_method AS method, note FROM transactions WHERE id = ?').get(txnId) as
      { id: string; type: TxnRecord['type']; terminalId: string; cashierId: string; method: TxnRecord['tender']['method']; note: string | null };
    queueTillOutput(db, { id: held.id, type: held.type, terminalId: held.terminalId, cashierId: held.cashierId, tender: { method: held.method } }, held.note, now);
  })();
  return readTxn(db, txnId);
}

/** The parts of a stored transaction that move stock. */
function heldTxn(db: Db, id: string): TxnRecord {
  const t = db.prepare('SELECT id, ts, terminal_id, type, original_txn_id FROM transactions WHERE id = ?').get(id) as { id: string; ts: string; terminal_id: string; type: TxnRecord['type']; original_txn_id: string | null };
  const items = db.prepare('SELECT sku, qty, unit_price_cents, override_price_cents, discount_cents FROM transaction_items WHERE txn_id = ? ORDER BY rowid').all(id) as
    Array<{ sku: string; qty: number; unit_price_cents: number; override_price_cents: number | null; discount_cents: number }>;
  return {
    id: t.id, ts: t.ts, terminalId: t.terminal_id, cashierId: '', type: t.type, totalCents: 0, receiptRef: null, originalTxnId: t.original_txn_id,
    tender: { method: null, fingerprint: null, last4: null, entryMode: null },
    items: items.map((l) => ({ sku: l.sku, qty: l.qty, unitCents: l.unit_price_cents, overrideCents: l.override_price_cents, discountCents: l.discount_cents })) as TxnLine[],
  };
}

export function cancelPending(db: Db, txnId: string, user: User, now = new Date()): void {
  const t = db.prepare('SELECT status FROM transactions WHERE id = ?').pluck().get(txnId) as string | undefined;
  if (!t) throw new CoreError('NOT_FOUND', `No transaction ${txnId}.`);
  if (t !== 'pending_approval') throw new CoreError('CONFLICT', `Transaction ${txnId} is not waiting for approval.`);
  appendAudit(db, user.id, 'pos.cancel', txnId, {}, now);
}

export function receipt(db: Db, input: { txnId?: string; receiptNo?: string }): TxnViewT {
  if (input.txnId) return readTxn(db, input.txnId);
  if (input.receiptNo) return readTxnByReceipt(db, input.receiptNo);
  throw new CoreError('BAD_INPUT', 'Give a transaction id or a receipt number.');
}
