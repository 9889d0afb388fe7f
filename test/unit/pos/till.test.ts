// The till in the core: one-transaction write (and rollback), duplicates, card numbers refused,
// server-side totals, manager approval by PIN (rank, self-approval, audit), voids, verdicts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { seedDemoStaff, type User } from '../../../electron/core/auth/users.ts';
import { verifyAuditChain } from '../../../electron/core/audit/audit.ts';
import { createFraudEngine } from '../../../electron/core/fraud/engine.ts';
import { recordTransaction } from '../../../electron/core/pos/record.ts';
import { approveTransaction, submitTransaction, type TillContext } from '../../../electron/core/pos/service.ts';
import { looksLikePan, luhnValid } from '../../../electron/core/pos/pan.ts';
import { reviewQueue, setVerdict } from '../../../electron/core/fraud/review.ts';
import type { Decision, TxnRecord } from '../../../electron/core/fraud/types.ts';
import { setSetting } from '../../../electron/core/settings/settings.ts';
import { tempDir } from '../../helpers/tmp.ts';

const cashier: User = { id: 'u-cashier', name: 'Casey Cashier', role: 'cashier' };
const manager: User = { id: 'u-manager', name: 'Morgan Manager', role: 'manager' };

async function till(name: string) {
  const db = openDatabase(path.join(tempDir(), `${name}.db`));
  seedDemoStore(db);
  seedDemoStaff(db);
  const engine = await createFraudEngine(db);
  const p = db.prepare('SELECT sku, price_cents FROM products WHERE promo_price_cents IS NULL AND price_cents BETWEEN 200 AND 3000 ORDER BY sku LIMIT 1').get() as { sku: string; price_cents: number };
  const line = (qty = 1) => ({ sku: p.sku, qty, unitCents: p.price_cents, overrideCents: null, discountCents: 0 });
  const ctx = (user = cashier): TillContext => ({ db, engine, terminalId: 'terminal-1', user, now: new Date('2025-06-02T18:00:00Z') });
  return { db, engine, p, line, ctx };
}

const count = (db: ReturnType<typeof openDatabase>, sql: string) => db.prepare(sql).pluck().get() as number;

describe('till', () => {
  it('a sale is written with items, decision, rollup and outbox rows in one transaction; the core computes the total', async () => {
    const { db, ctx, line, p } = await till('sale');
    const outbox0 = count(db, 'SELECT count(*) FROM outbox');
    const t = await submitTransaction(ctx(), { type: 'sale', lines: [line(3)], tender: { method: 'cash', fingerprint: null, last4: null, entryMode: null } });
    expect(t.totalCents).toBe(3 * p.price_cents);
    expect(t.receiptNo).toMatch(/^R[A-Z0-9]{8}$/);
    expect(t.decision?.decision).toBeDefined();
    expect(count(db, `SELECT count(*) FROM transaction_items WHERE txn_id = '${t.id}'`)).toBe(1);
    expect(count(db, `SELECT count(*) FROM fraud_decisions WHERE txn_id = '${t.id}'`)).toBe(1);
    expect(count(db, `SELECT count(*) FROM outbox WHERE record_id = '${t.id}' AND kind IN ('transaction','fraud_decision')`)).toBe(2);
    expect(count(db, 'SELECT count(*) FROM outbox')).toBeGreaterThan(outbox0);
    expect(count(db, "SELECT n_sales FROM fraud_cashier_days WHERE cashier_id = 'u-cashier'")).toBe(1);
  });

  it('a failure anywhere in the write rolls everything back', async () => {
    const { db, line } = await till('rollback');
    const bad: Decision = { score: 7, decision: 'allow', reasons: [], rulesFired: [], modelScore: 0, rulesVersion: 't', modelVersion: 'none', features: {} };
    const t: TxnRecord = { id: 'rb-1', ts: '2025-06-02T10:00:00.000Z', terminalId: 'T1', cashierId: 'u-cashier', type: 'sale', items: [line()], totalCents: 100, tender: { method: 'cash', fingerprint: null, last4: null, entryMode: null }, receiptRef: null, originalTxnId: null };
    const before = { outbox: count(db, 'SELECT count(*) FROM outbox'), days: count(db, 'SELECT count(*) FROM fraud_cashier_days') };
    // The score breaks the decision table's CHECK after the transaction and item rows went in.
    expect(() => recordTransaction(db, t, bad)).toThrow(/CHECK/);
    expect(count(db, "SELECT count(*) FROM transactions WHERE id = 'rb-1'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM transaction_items WHERE txn_id = 'rb-1'")).toBe(0);
    expect(count(db, 'SELECT count(*) FROM outbox')).toBe(before.outbox);
    expect(count(db, 'SELECT count(*) FROM fraud_cashier_days')).toBe(before.days);
    // A duplicate id is refused and not recorded twice.
    const ok = { ...bad, score: 0.1 };
    recordTransaction(db, t, ok);
    expect(() => recordTransaction(db, t, ok)).toThrow(/already recorded/);
    expect(count(db, "SELECT count(*) FROM transaction_items WHERE txn_id = 'rb-1'")).toBe(1);
  });

  it('refuses card numbers anywhere card data arrives; card tenders need token, last four and entry mode', async () => {
    const { ctx, line } = await till('pan');
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(looksLikePan('4111 1111 1111 1111')).toBe(true);
    expect(looksLikePan('tok_4111-1111-1111-1111')).toBe(true);
    expect(looksLikePan('pt_a1b2c3d4e5f6')).toBe(false);
    await expect(submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: { method: 'card', fingerprint: '4111111111111111', last4: '1111', entryMode: 'keyed' } })).rejects.toThrow(/card number/);
    await expect(submitTransaction(ctx(), { type: 'refund', lines: [line()], tender: { method: 'cash', fingerprint: null, last4: null, entryMode: null }, receiptRef: '5500-0000-0000-0004' })).rejects.toThrow(/card number/);
    await expect(submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: { method: 'card', fingerprint: 'pt_abcdef', last4: null, entryMode: 'chip' } })).rejects.toThrow(/last four/);
    const ok = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: { method: 'card', fingerprint: 'pt_abcdef12', last4: '4242', entryMode: 'chip' } });
    expect(ok.cardLast4).toBe('4242');
    // A transaction id is one of our UUIDs; one whose hex happens to be all digits is an id, not a card.
    const voidOf = (originalTxnId: string) => submitTransaction(ctx(), { type: 'void', lines: [], tender: null, originalTxnId });
    await expect(voidOf('12345678-1234-4123-8123-123456789012')).rejects.toThrow(/No transaction/);
    await expect(voidOf('4111 1111 1111 1111')).rejects.toThrow(/card number/);
  });

  it('a refund without receipt waits for a manager PIN: cashier or supervisor PINs and self-approval are refused, all audited', async () => {
    const { db, ctx, line } = await till('approve');
    // The store's policy: without a receipt, store credit (a gift card) and the shopper's photo ID.
    const credit = { method: 'gift_card' as const, fingerprint: null, last4: null, entryMode: null };
    const t = await submitTransaction(ctx(), { type: 'refund', lines: [line()], tender: credit, idChecked: true });
    expect(t.status).toBe('pending_approval');
    expect(t.decision?.decision).toBe('manager_approval');
    expect(t.decision?.reasons).toContain('Refund without a receipt needs a manager');
    expect(() => approveTransaction(db, t.id, '2222', cashier)).toThrow(/manager or above/);
    expect(() => approveTransaction(db, t.id, '9999', cashier)).toThrow(/not recognised/);
    const approved = approveTransaction(db, t.id, '3333', cashier);
    expect(approved.status).toBe('completed');
    expect(approved.approvedBy).toBe('u-manager');
    expect(() => approveTransaction(db, t.id, '3333', cashier)).toThrow(/not waiting/);
    // A manager cannot approve their own held transaction.
    const own = await submitTransaction(ctx(manager), { type: 'refund', lines: [line()], tender: credit, idChecked: true });
    expect(() => approveTransaction(db, own.id, '3333', manager)).toThrow(/your own/);
    expect(approveTransaction(db, own.id, '4444', manager).approvedBy).toBe('u-admin');
    const actions = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'pos.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(expect.arrayContaining(['pos.refund', 'pos.approve.refused', 'pos.approve']));
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('refund with a receipt, post-tender void (once), no-sale; verdicts become queued labels', async () => {
    const { db, ctx, line } = await till('flow');
    const cash = { method: 'cash' as const, fingerprint: null, last4: null, entryMode: null };
    const sale = await submitTransaction(ctx(), { type: 'sale', lines: [line(2)], tender: cash });
    const refund = await submitTransaction(ctx(), { type: 'refund', lines: [line(1)], tender: cash, receiptRef: sale.receiptNo!.toLowerCase() });
    expect(refund.originalTxnId).toBe(sale.id);
    expect(refund.decision?.reasons).not.toContain('Refund without a receipt needs a manager');
    await expect(submitTransaction(ctx(), { type: 'refund', lines: [line(2)], tender: cash, receiptRef: sale.receiptNo })).rejects.toThrow(/more than the sale/);
    await expect(submitTransaction(ctx(), { type: 'void', lines: [], tender: null, originalTxnId: sale.id })).rejects.toThrow(/already voided or refunded/);
    const sale2 = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: cash });
    const v = await submitTransaction(ctx(), { type: 'void', lines: [], tender: null, originalTxnId: sale2.id });
    expect(v.totalCents).toBe(sale2.totalCents);
    expect(v.decision?.reasons).toContain('Void after the sale was paid');
    await expect(submitTransaction(ctx(), { type: 'void', lines: [], tender: null, originalTxnId: sale2.id })).rejects.toThrow(/already voided/);
    const ns = await submitTransaction(ctx(), { type: 'no_sale', lines: [], tender: null });
    expect(ns.totalCents).toBe(0);

    const q = reviewQueue(db);
    expect(q.items.map((i) => i.txnId)).toContain(v.id);
    const labelled = setVerdict(db, v.id, 'legitimate', 'u-supervisor');
    expect(labelled.verdict).toBe('legitimate');
    expect(reviewQueue(db).items.map((i) => i.txnId)).not.toContain(v.id);
    const row = db.prepare("SELECT payload FROM outbox WHERE kind = 'fraud_verdict' AND record_id = ?").pluck().get(v.id) as string;
    expect(JSON.parse(row)).toMatchObject({ verdict: 'legitimate', by: 'u-supervisor' });
    expect(Object.keys(JSON.parse(row).features).length).toBeGreaterThan(30);
    expect(reviewQueue(db, { filter: 'all' }).items.length).toBeGreaterThanOrEqual(5);
  });

  it("the store's return policy decides what the till allows: store credit and ID without a receipt, the days with one", async () => {
    const { db, ctx, line } = await till('policy');
    const cash = { method: 'cash' as const, fingerprint: null, last4: null, entryMode: null };
    const credit = { method: 'gift_card' as const, fingerprint: null, last4: null, entryMode: null };
    await expect(submitTransaction(ctx(), { type: 'refund', lines: [line()], tender: cash, idChecked: true })).rejects.toThrow(/store credit: choose Gift card/);
    await expect(submitTransaction(ctx(), { type: 'refund', lines: [line()], tender: credit })).rejects.toThrow(/photo ID/);
    setSetting(db, 'returnPolicy', { days: 30, noReceipt: 'refund', idRequired: false });
    expect((await submitTransaction(ctx(), { type: 'refund', lines: [line()], tender: cash })).type).toBe('refund');
    setSetting(db, 'returnPolicy', { days: 30, noReceipt: 'refuse', idRequired: false });
    await expect(submitTransaction(ctx(), { type: 'refund', lines: [line()], tender: credit })).rejects.toThrow(/does not take returns without a receipt/);
    // With the receipt: within the days only.
    const sale = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: cash });
    const later = (days: number): TillContext => ({ ...ctx(), now: new Date(Date.parse('2025-06-02T18:00:00Z') + days * 86_400_000) });
    await expect(submitTransaction(later(31), { type: 'refund', lines: [line()], tender: cash, receiptRef: sale.receiptNo })).rejects.toThrow(/31 days ago; the store takes returns within 30 days/);
    expect((await submitTransaction(later(29), { type: 'refund', lines: [line()], tender: cash, receiptRef: sale.receiptNo })).type).toBe('refund');
  });
});
