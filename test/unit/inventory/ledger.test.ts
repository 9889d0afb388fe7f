// The stock ledger on a real SQLite file: sales and refunds move stock through the till, write-offs
// and counts through the ledger with their audit entries, deliveries against purchase orders, the
// suggested order from stored forecasts, and every bad input refused without touching stock.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { seedDemoStaff, type User } from '../../../electron/core/auth/users.ts';
import { createFraudEngine } from '../../../electron/core/fraud/engine.ts';
import { submitTransaction } from '../../../electron/core/pos/service.ts';
import { adjustStock, postCount } from '../../../electron/core/inventory/ledger.ts';
import { applyStorePurchaseOrder, createPurchaseOrder, getPurchaseOrder, nextDelivery, receiveDelivery } from '../../../electron/core/inventory/purchase-orders.ts';
import { listPolicies, savePolicy, suggestOrder, normalQuantile } from '../../../electron/core/inventory/replenish.ts';
import { stockList } from '../../../electron/core/inventory/stock-list.ts';
import { readDeliveryCsv } from '../../../electron/core/inventory/delivery-csv.ts';
import { stockOf } from '../../../electron/core/inventory/stock.ts';
import { tempDir } from '../../helpers/tmp.ts';

const cashier: User = { id: 'u-cashier', name: 'Casey Cashier', role: 'cashier' };
const by = { userId: 'u-manager', terminalId: 'office-1', now: new Date('2026-12-01T10:00:00Z') };

function store(name: string) {
  const db = openDatabase(path.join(tempDir(), `${name}.db`));
  seedDemoStore(db);
  seedDemoStaff(db);
  const p = db.prepare('SELECT sku, price_cents FROM products WHERE promo_price_cents IS NULL AND price_cents BETWEEN 200 AND 3000 ORDER BY sku LIMIT 1').get() as { sku: string; price_cents: number };
  return { db, sku: p.sku, price: p.price_cents };
}
const onHand = (db: Db, sku: string) => stockOf(db, sku).onHand!;
const count = (db: Db, sql: string, ...a: unknown[]) => db.prepare(sql).pluck().get(...a) as number;

describe('stock ledger', () => {
  it('a sale takes stock off the shelf and its refund puts it back, each as a movement', async () => {
    const { db, sku, price } = store('sale');
    const engine = await createFraudEngine(db);
    const start = onHand(db, sku);
    const ctx = { db, engine, terminalId: 'till-1', user: cashier, now: new Date('2026-12-01T12:00:00Z') };
    const line = { sku, qty: 2, unitCents: price, overrideCents: null, discountCents: 0 };
    const sale = await submitTransaction(ctx, { type: 'sale', lines: [line], tender: { method: 'cash', fingerprint: null, last4: null, entryMode: null } });
    expect(onHand(db, sku)).toBe(start - 2);
    await submitTransaction(ctx, { type: 'refund', lines: [{ ...line, qty: 1 }], tender: { method: 'cash', fingerprint: null, last4: null, entryMode: null }, receiptRef: sale.receiptNo });
    expect(onHand(db, sku)).toBe(start - 1);
    expect(stockOf(db, sku).movements.map((m) => `${m.reason} ${m.delta}`).sort()).toEqual(['refund 1', 'sale -2']);
  });

  it('a write-off needs the right sign, moves stock once per id, is audited and queued for the store', () => {
    const { db, sku } = store('writeoff');
    const start = onHand(db, sku);
    expect(() => adjustStock(db, { sku, qty: 2, reason: 'damaged' }, by)).toThrow(/negative quantity/);
    expect(() => adjustStock(db, { sku, qty: 0, reason: 'correction' }, by)).toThrow(/other than 0/);
    expect(() => adjustStock(db, { sku: 'NO-SUCH', qty: -1, reason: 'lost' }, by)).toThrow(/No product/);
    expect(onHand(db, sku)).toBe(start);
    const a = adjustStock(db, { id: 'same-click', sku, qty: -3, reason: 'expired', note: 'best before 30 Nov' }, by);
    const b = adjustStock(db, { id: 'same-click', sku, qty: -3, reason: 'expired', note: 'best before 30 Nov' }, by);
    expect([a.duplicate, b.duplicate]).toEqual([false, true]);
    expect(onHand(db, sku)).toBe(start - 3);
    const m = stockOf(db, sku).movements[0]!;
    expect([m.reason, m.delta, m.note]).toEqual(['shrink', -3, 'expired: best before 30 Nov']);
    expect(count(db, "SELECT count(*) FROM audit_log WHERE action = 'stock.adjust' AND target = ?", sku)).toBe(1);
    expect(count(db, "SELECT count(*) FROM outbox WHERE kind = 'stock_movement' AND record_id = 'adj:same-click'")).toBe(1);
  });

  it('a cycle count posts the variance; the same count twice does nothing; a recount that matches posts nothing', () => {
    const { db, sku } = store('count');
    const start = onHand(db, sku);
    const first = postCount(db, { countId: 'count-aisle-e1', lines: [{ sku, counted: start - 4 }] }, by);
    expect(first).toEqual([{ sku, expected: start, counted: start - 4, variance: -4, status: 'posted' }]);
    expect(onHand(db, sku)).toBe(start - 4);
    expect(stockOf(db, sku).movements[0]!.note).toBe(`counted ${start - 4}, expected ${start}`);
    const again = postCount(db, { countId: 'count-aisle-e1', lines: [{ sku, counted: start - 4 }] }, by);
    expect(again[0]!.status).toBe('already_posted');
    const recount = postCount(db, { countId: 'count-aisle-e1-b', lines: [{ sku, counted: start - 4 }] }, by);
    expect(recount[0]!.status).toBe('matched');
    expect(onHand(db, sku)).toBe(start - 4);
    expect(count(db, "SELECT count(*) FROM audit_log WHERE action = 'stock.count'")).toBe(2);
    expect(() => postCount(db, { countId: 'c-3', lines: [{ sku, counted: 1 }, { sku, counted: 2 }] }, by)).toThrow(/counted twice/);
    expect(() => postCount(db, { countId: 'c-4', lines: [{ sku, counted: -1 }] }, by)).toThrow(/0 or more/);
    expect(onHand(db, sku)).toBe(start - 4);
  });

  it('a negative on hand is kept (the shelf is the truth) and flagged', () => {
    const { db, sku } = store('negative');
    adjustStock(db, { sku, qty: -(onHand(db, sku) + 2), reason: 'theft' }, by);
    expect(onHand(db, sku)).toBe(-2);
    const list = stockList(db, { filter: 'negative' });
    expect(list.rows.map((r) => r.sku)).toEqual([sku]);
    expect(list.counts.negative).toBe(1);
  });
});

describe('purchase orders and deliveries', () => {
  it('an order with an unknown product is refused whole; a delivery fills it in parts, once per delivery', () => {
    const { db, sku } = store('po');
    const other = db.prepare('SELECT sku FROM products WHERE sku > ? ORDER BY sku LIMIT 1').pluck().get(sku) as string;
    expect(() => createPurchaseOrder(db, { supplier: 'Acme', expectedDate: '2026-12-03', lines: [{ sku, qty: 5 }, { sku: 'GHOST-1', qty: 1 }] }, by)).toThrow(/Not in the catalog: GHOST-1/);
    expect(count(db, 'SELECT count(*) FROM purchase_orders')).toBe(0);
    const po = createPurchaseOrder(db, { supplier: 'Acme', expectedDate: '2026-12-03', lines: [{ sku, qty: 10, reason: 'sells 14/week' }] }, by);
    expect(nextDelivery(db, sku)).toEqual({ poId: po.id, expectedDate: '2026-12-03', qty: 10 });
    const start = onHand(db, sku);
    const r1 = receiveDelivery(db, { receiptId: 'van-1', poId: po.id, lines: [{ sku, qty: 4 }, { sku: other, qty: 2 }] }, by);
    expect(r1.order?.status).toBe('partial');
    expect(r1.lines.find((l) => l.sku === other)?.onOrder).toBe(false);
    expect(onHand(db, sku)).toBe(start + 4);
    expect(() => receiveDelivery(db, { receiptId: 'van-1', poId: po.id, lines: [{ sku, qty: 4 }] }, by)).toThrow(/already received/);
    expect(onHand(db, sku)).toBe(start + 4);
    expect(nextDelivery(db, sku)?.qty).toBe(6);
    expect(() => receiveDelivery(db, { receiptId: 'van-x', lines: [{ sku: 'GHOST-2', qty: 1 }] }, by)).toThrow(/Nothing was received/);
    const r2 = receiveDelivery(db, { receiptId: 'van-2', poId: po.id, lines: [{ sku, qty: 6 }] }, by);
    expect(r2.order?.status).toBe('received');
    expect(nextDelivery(db, sku)).toBeNull();
    expect(() => receiveDelivery(db, { receiptId: 'van-3', poId: po.id, lines: [{ sku, qty: 1 }] }, by)).toThrow(/is received/);
    expect(count(db, "SELECT count(*) FROM outbox WHERE kind = 'purchase_order'")).toBe(3);
  });

  it('the store keeps the newest version of an order from any terminal', () => {
    const { db, sku } = store('po-merge');
    const po = createPurchaseOrder(db, { supplier: 'Acme', expectedDate: null, lines: [{ sku, qty: 3 }] }, by);
    applyStorePurchaseOrder(db, { ...po, status: 'cancelled', updatedAt: '2026-12-01T11:00:00.000Z' });
    applyStorePurchaseOrder(db, { ...po, status: 'partial', updatedAt: '2026-12-01T10:30:00.000Z' });
    expect(getPurchaseOrder(db, po.id)?.status).toBe('cancelled');
  });

  it('a delivery CSV is checked line by line and its bytes are its id', () => {
    const dir = tempDir();
    const f = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    expect(() => readDeliveryCsv(f('a.csv', 'sku,amount\nA,1\n'))).toThrow(/sku and qty/);
    expect(() => readDeliveryCsv(f('b.csv', 'sku,qty\nA,1\nB,1.5\n'))).toThrow(/line 3: qty "1.5"/);
    expect(() => readDeliveryCsv(f('c.csv', 'sku,qty\nA,-2\n'))).toThrow(/line 2/);
    expect(() => readDeliveryCsv(f('d.csv', 'sku,qty,po\nA,1,PO-1\nB,1,PO-2\n'))).toThrow(/2 purchase orders/);
    const ok = readDeliveryCsv(f('e.csv', 'qty,sku,po\n3,A,PO-1\n\n2,B,\n'));
    expect(ok.lines).toEqual([{ sku: 'A', qty: 3 }, { sku: 'B', qty: 2 }]);
    expect(ok.poId).toBe('PO-1');
    expect(readDeliveryCsv(f('e2.csv', 'qty,sku,po\n3,A,PO-1\n\n2,B,\n')).receiptId).toBe(ok.receiptId);
  });
});

describe('replenishment', () => {
  function forecast(db: Db, sku: string, perDay: number, spread: number) {
    const days = Array.from({ length: 28 }, () => perDay);
    db.prepare('INSERT OR REPLACE INTO forecasts (sku, method, first_day, daily, lower, upper, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      sku, 'weekday-profile', '2026-12-01', JSON.stringify(days), JSON.stringify(days.map((d) => Math.max(0, d - spread))), JSON.stringify(days.map((d) => d + spread)), '2026-12-01T03:00:00Z');
  }

  it('suggests a product at its reorder point, in whole packs, and says why; an open order covers it', () => {
    const { db, sku } = store('replenish');
    db.prepare('UPDATE products SET pack_size = 6 WHERE sku = ?').run(sku);
    forecast(db, sku, 2, 1);
    adjustStock(db, { sku, qty: 5 - onHand(db, sku), reason: 'correction' }, by);
    const [line] = suggestOrder(db, new Date('2026-12-01T09:00:00Z'));
    // Lead 3 days, review 7, 95%: ROP = 6 + 1.645·σ√3, order-up-to = 20 + 1.645·σ√10, σ = 1/z(0.9).
    const sd = 1 / normalQuantile(0.9);
    expect(line!.reorderPoint).toBeCloseTo(6 + normalQuantile(0.95) * sd * Math.sqrt(3), 0);
    expect(line!.qty % 6).toBe(0);
    expect(line!.qty).toBe(Math.ceil((20 + normalQuantile(0.95) * sd * Math.sqrt(10) - 5) / 6) * 6);
    expect(line!.reason).toBe('sells 14/week, 5 on hand, delivery in 3 days, packs of 6');
    createPurchaseOrder(db, { supplier: 'Acme', expectedDate: '2026-12-04', lines: [{ sku, qty: line!.qty }] }, by);
    expect(suggestOrder(db, new Date('2026-12-01T09:00:00Z')).map((l) => l.sku)).not.toContain(sku);
    expect(stockList(db, { q: sku }).rows[0]!.onOrder).toBe(line!.qty);
  });

  it('a stricter service level orders more', () => {
    const { db, sku } = store('service');
    forecast(db, sku, 3, 2);
    adjustStock(db, { sku, qty: 2 - onHand(db, sku), reason: 'correction' }, by);
    const at = new Date('2026-12-01T09:00:00Z');
    const base = suggestOrder(db, at)[0]!.qty;
    db.prepare("UPDATE inventory_policies SET service_level = 0.99 WHERE department = '*'").run();
    expect(suggestOrder(db, at)[0]!.qty).toBeGreaterThan(base);
  });

  it("a department's own ordering rules replace the store default for its products only", () => {
    const { db, sku } = store('policy');
    forecast(db, sku, 3, 2);
    adjustStock(db, { sku, qty: 2 - onHand(db, sku), reason: 'correction' }, by);
    const department = db.prepare('SELECT department FROM products WHERE sku = ?').pluck().get(sku) as string;
    expect(listPolicies(db).find((p) => p.department === department)).toMatchObject({ inherited: true, leadDays: 3 });
    savePolicy(db, department, { serviceLevel: 0.9, leadDays: 6, reviewDays: 14 });
    expect(listPolicies(db).find((p) => p.department === department)).toMatchObject({ inherited: false, leadDays: 6 });
    expect(listPolicies(db)[0]).toMatchObject({ department: '*', leadDays: 3 });
    expect(suggestOrder(db, new Date('2026-12-01T09:00:00Z'))[0]!.reason).toContain('delivery in 6 days');
  });
});
