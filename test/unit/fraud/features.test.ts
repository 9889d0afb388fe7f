// Features come from this terminal's own history, through the indexes and the day rollup, and for
// card and cashier velocity from the other lanes' transactions the store hub shares.
import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../../electron/core/fraud/features.ts';
import { FEATURE_NAMES, modelVector } from '../../../electron/core/fraud/feature-catalog.ts';
import { SIM_CONTEXT } from '../../../electron/core/fraud/evaluate.ts';
import { recordTransaction } from '../../../electron/core/pos/record.ts';
import { pruneStoreTxns } from '../../../electron/core/sync/store-live.ts';
import type { Decision } from '../../../electron/core/fraud/types.ts';
import { aSku, demoDb, txn } from './helpers.ts';

const allow: Decision = { score: 0, decision: 'allow', reasons: [], rulesFired: [], modelScore: 0, rulesVersion: 't', modelVersion: 'none', features: {} };

describe('fraud features', () => {
  const db = demoDb();

  it('card-testing velocity: small card sales with different cards on one terminal in 10 minutes', () => {
    const p = aSku(db, 400);
    const line = [{ sku: p.sku, qty: 1, unitCents: p.price, overrideCents: null, discountCents: 0 }];
    for (let i = 0; i < 6; i++) {
      const t = txn(db, { ts: `2025-06-02T12:0${i}:00.000Z`, items: line, totalCents: p.price, tender: { method: 'card', fingerprint: `tok_card_${i}`, last4: '1234', entryMode: 'keyed' } });
      recordTransaction(db, t, allow);
    }
    // Far in the past: outside every short window.
    recordTransaction(db, txn(db, { ts: '2025-06-01T14:00:00.000Z', items: line, totalCents: p.price, tender: { method: 'card', fingerprint: 'tok_card_0', last4: '1234', entryMode: 'keyed' } }), allow);
    const f = computeFeatures(db, txn(db, { ts: '2025-06-02T12:07:00.000Z', items: line, totalCents: p.price, tender: { method: 'card', fingerprint: 'tok_card_0', last4: '1234', entryMode: 'keyed' } }), SIM_CONTEXT);
    expect(f.term_card_10m).toBe(6);
    expect(f.term_cards_10m).toBe(6);
    expect(f.term_small_card_10m).toBe(6);
    expect(f.term_keyed_10m).toBe(6);
    expect(f.card_txn_10m).toBe(1);
    expect(f.card_txn_24h).toBe(2);
    expect(f.is_keyed).toBe(1);
    // Another terminal sees none of it.
    const other = computeFeatures(db, txn(db, { ts: '2025-06-02T12:07:00.000Z', terminalId: 'T9' }), SIM_CONTEXT);
    expect(other.term_txn_10m).toBe(0);
  });

  it('refunds without receipt, voids and markdowns per cashier (day and 7-day rollup)', () => {
    const c = 'u-supervisor';
    const p = aSku(db, 5000);
    const sale = txn(db, { cashierId: c, ts: '2025-06-03T10:00:00.000Z' });
    recordTransaction(db, sale, allow);
    recordTransaction(db, txn(db, { cashierId: c, ts: '2025-06-03T10:45:00.000Z', type: 'void', originalTxnId: sale.id }), allow);
    for (let i = 0; i < 2; i++) recordTransaction(db, txn(db, { cashierId: c, ts: `2025-06-03T11:0${i}:00.000Z`, type: 'refund' }), allow);
    const cheap = [{ sku: p.sku, qty: 2, unitCents: p.price, overrideCents: Math.round(p.price / 4), discountCents: 0 }];
    recordTransaction(db, txn(db, { cashierId: c, ts: '2025-06-01T09:00:00.000Z', items: cheap }), allow);
    const f = computeFeatures(db, txn(db, { cashierId: c, ts: '2025-06-03T11:30:00.000Z', type: 'refund' }), SIM_CONTEXT);
    expect(f.no_receipt).toBe(1);
    expect(f.c1d_refunds_no_receipt).toBe(2);
    expect(f.c7_refunds_no_receipt).toBe(2);
    expect(f.c1d_voids).toBe(1);
    expect(f.cashier_refunds_1h).toBe(2);
    expect(f.cashier_voids_1h).toBe(1);
    expect(f.c7_override_share).toBeGreaterThan(0);
    expect(f.c7_markdown_ratio).toBeGreaterThan(0.3);
    const v = computeFeatures(db, txn(db, { cashierId: c, ts: '2025-06-03T12:00:00.000Z', type: 'void', originalTxnId: sale.id }), SIM_CONTEXT);
    expect(v.original_age_h).toBeCloseTo(2, 5);
  });

  it("a cashier's heavily discounted sales in the last 2 hours (a run of staff discounts for friends)", () => {
    const c = 'u-manager';
    const p = aSku(db, 5000);
    const off = (pct: number) => [{ sku: p.sku, qty: 2, unitCents: p.price, overrideCents: null, discountCents: Math.round(p.price * 2 * pct) }];
    const sale = (ts: string, pct: number, cashierId = c) => recordTransaction(db, txn(db, { cashierId, ts, items: off(pct) }), allow);
    sale('2025-06-04T09:00:00.000Z', 0.3); // more than 2 hours before: out of the window
    sale('2025-06-04T10:10:00.000Z', 0.2);
    sale('2025-06-04T10:40:00.000Z', 0.3);
    sale('2025-06-04T11:00:00.000Z', 0.1); // a 10% coupon is not a heavy discount
    sale('2025-06-04T11:05:00.000Z', 0.3, 'u-cashier'); // another cashier's
    const stored = db.prepare("SELECT markdown_bp FROM transactions WHERE cashier_id = ? AND ts LIKE '2025-06-04%' ORDER BY ts").pluck().all(c);
    expect((stored as number[]).map((bp) => Math.round(bp / 100) * 100)).toEqual([3000, 2000, 3000, 1000]); // cents round the shares
    const f = computeFeatures(db, txn(db, { cashierId: c, ts: '2025-06-04T11:20:00.000Z', items: off(0.2) }), SIM_CONTEXT);
    expect(f.cashier_discount_sales_2h).toBe(2);
    expect(f.discount_ratio).toBeCloseTo(0.2, 2);
  });

  it('reads that count from the covering index alone (no row lookups at a million transactions)', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM transactions INDEXED BY transactions_cashier_cov WHERE cashier_id = ? AND ts > ? AND ts <= ? AND type = 'sale' AND markdown_bp >= ?")
      .all('c', 'a', 'b', 1500) as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING COVERING INDEX transactions_cashier_cov/);
  });

  it('basket cheaper than the scanned items suggest, unknown SKUs, total mismatch, hours', () => {
    const p = aSku(db, 5000);
    const lines = [{ sku: p.sku, qty: 4, unitCents: p.price, overrideCents: 1, discountCents: 0 }, { sku: 'NO-SUCH-SKU', qty: 1, unitCents: 100, overrideCents: null, discountCents: 0 }];
    const f = computeFeatures(db, txn(db, { items: lines, totalCents: 104, ts: '2025-06-02T03:00:00.000Z' }), SIM_CONTEXT);
    expect(f.basket_gap_ratio).toBeGreaterThan(0.9);
    expect(f.override_share).toBe(0.5);
    expect(f.unknown_skus).toBe(1);
    expect(f.total_mismatch).toBe(0);
    expect(f.unusual_hour).toBe(1);
    const g = computeFeatures(db, txn(db, { items: lines, totalCents: 5000 }), SIM_CONTEXT);
    expect(g.total_mismatch).toBe(1);
    expect(g.unusual_hour).toBe(0);
    // Shelf price is the floor: ringing an item at a lower "unit price" is a gap too.
    const under = computeFeatures(db, txn(db, { items: [{ sku: p.sku, qty: 1, unitCents: Math.round(p.price / 10), overrideCents: null, discountCents: 0 }], totalCents: Math.round(p.price / 10) }), SIM_CONTEXT);
    expect(under.basket_gap_ratio).toBeGreaterThan(0.85);
  });

  it('the model vector has every feature, in order, finite', () => {
    const f = computeFeatures(db, txn(db), SIM_CONTEXT);
    expect(Object.keys(f).sort()).toEqual([...FEATURE_NAMES].sort());
    const v = modelVector(f);
    expect(v).toHaveLength(FEATURE_NAMES.length);
    expect(Array.from(v).every(Number.isFinite)).toBe(true);
  });
  it('card and cashier velocity count the other lanes of the store, which a lane keeps for two days', () => {
    const card = { method: 'card' as const, fingerprint: 'tok_lanes', last4: '4242', entryMode: 'chip' as const };
    const lane = db.prepare('INSERT INTO store_txns (id, ts, terminal_id, cashier_id, type, total_cents, card_fingerprint, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    lane.run('lane-a', '2025-06-04T10:01:00.000Z', 'T2', 'u-lanes', 'sale', 300, 'tok_lanes', 'completed');
    lane.run('lane-b', '2025-06-04T10:02:00.000Z', 'T3', 'u-other', 'sale', 300, 'tok_lanes', 'completed');
    lane.run('lane-c', '2025-06-04T10:03:00.000Z', 'T3', 'u-lanes', 'refund', -300, null, 'completed');
    lane.run('lane-old', '2025-06-03T12:00:00.000Z', 'T2', 'u-lanes', 'sale', 300, 'tok_lanes', 'completed');
    recordTransaction(db, txn(db, { ts: '2025-06-04T10:04:00.000Z', cashierId: 'u-lanes', tender: card }), allow);

    const f = computeFeatures(db, txn(db, { ts: '2025-06-04T10:05:00.000Z', cashierId: 'u-lanes', tender: card }), SIM_CONTEXT);
    expect(f.card_txn_10m).toBe(3); // two other lanes and this one
    expect(f.card_txn_24h).toBe(4);
    expect(f.term_card_10m).toBe(1); // a lane's own features stay its own
    expect(f.cashier_txn_1h).toBe(3);
    expect(f.cashier_refunds_1h).toBe(1);

    expect(pruneStoreTxns(db, new Date('2025-06-05T13:00:00.000Z'))).toBe(1);
    expect(computeFeatures(db, txn(db, { ts: '2025-06-04T10:05:00.000Z', cashierId: 'u-lanes', tender: card }), SIM_CONTEXT).card_txn_24h).toBe(3);
  });
});
