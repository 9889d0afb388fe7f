// The back office's catalogue on a real SQLite file: an edit persists, is audited and queues one
// product_edit record; bad and taken barcodes are refused without writing; a retired product is
// gone from the kiosk search and the till; stock moves only through the ledger; the CSV import
// reports rejected rows; and a store edit, as the hub hands it down, applies at another terminal
// (newest edit wins, barcode list exact).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { addProduct, getAdminProduct, importProductsCsv, listAdminProducts, saveProduct, setProductActive } from '../../../electron/core/catalog/admin.ts';
import { makeEan13 } from '../../../electron/core/catalog/barcode.ts';
import { adjustStock } from '../../../electron/core/inventory/ledger.ts';
import { stockOf } from '../../../electron/core/inventory/stock.ts';
import { createSearchIndex } from '../../../electron/core/search/engine.ts';
import { resolveScan } from '../../../electron/core/pos/scan.ts';
import { DEFAULT_SCALE_LAYOUT } from '../../../electron/core/catalog/gs1.ts';
import { applyChanges } from '../../../electron/core/sync/download.ts';
import { liveRecordProblem } from '../../../central/store-live.ts';
import { ProductEditRecord } from '../../../common/api/live.ts';
import type { ChangeT } from '../../../common/api/sync.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir();
let n = 0;
function store(): Db {
  const db = openDatabase(path.join(dir, `cat-${++n}.db`));
  seedDemoStore(db);
  return db;
}
// Later than the seed's stamps (the seed writes the real time), so each edit is the newest.
const at = (h: number) => new Date(Date.now() + h * 3_600_000);
const by = { userId: 'u-manager', terminalId: 'office-1', now: at(1) };
const count = (db: Db, sql: string, ...a: unknown[]) => db.prepare(sql).pluck().get(...a) as number;
/** A plain product with one barcode that the till reads as a GTIN. */
function pick(db: Db) {
  const rows = db.prepare("SELECT p.id, p.sku, p.name, b.code FROM products p JOIN barcodes b ON b.product_id = p.id WHERE p.active = 1 AND p.name LIKE '% %' ORDER BY p.id").all() as Array<{ id: string; sku: string; name: string; code: string }>;
  const r = rows.find((x) => { try { return resolveScan(db, x.code, DEFAULT_SCALE_LAYOUT).product.id === x.id; } catch { return false; } });
  if (!r) throw new Error('no scannable demo product');
  return r;
}
const edits = (db: Db) => db.prepare("SELECT record_id, payload FROM outbox WHERE kind = 'product_edit' ORDER BY seq").all() as Array<{ record_id: string; payload: string }>;
const fields = (p: ReturnType<typeof getAdminProduct>) => ({ name: p.name, brand: p.brand, department: p.department, price_cents: p.price_cents, promo_price_cents: p.promo_price_cents, aisle: p.aisle, bay: p.bay, shelf: p.shelf, barcodes: p.barcodes });

describe('catalogue edits', () => {
  it('an edit persists, is audited with what changed, and queues one product_edit record the hub accepts', () => {
    const db = store();
    const p = pick(db);
    const before = getAdminProduct(db, p.id);
    const saved = saveProduct(db, { id: p.id, ...fields(before), price_cents: 1234, aisle: 'Z9', bay: '3', shelf: '2' }, by);
    expect(saved).toMatchObject({ price_cents: 1234, aisle: 'Z9', bay: '3', shelf: '2', updatedAt: by.now.toISOString() });
    expect(getAdminProduct(db, p.id)).toMatchObject({ price_cents: 1234, aisle: 'Z9' });
    const audit = db.prepare("SELECT actor, target, details FROM audit_log WHERE action = 'catalog.edit'").all() as Array<{ actor: string; target: string; details: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('u-manager');
    expect(audit[0]!.target).toBe(p.sku);
    expect(JSON.parse(audit[0]!.details).changes).toEqual({ price_cents: [before.price_cents, 1234], aisle: [before.aisle, 'Z9'], bay: [before.bay, '3'], shelf: [before.shelf, '2'] });
    const out = edits(db);
    expect(out).toHaveLength(1);
    const rec = ProductEditRecord.parse(JSON.parse(out[0]!.payload));
    expect(rec).toMatchObject({ id: p.id, sku: p.sku, price_cents: 1234, aisle: 'Z9', active: true, updatedAt: saved.updatedAt, terminalId: 'office-1', barcodes: before.barcodes });
    expect(liveRecordProblem('product_edit', rec)).toBeNull();
    expect(liveRecordProblem('product_edit', { ...rec, barcodes: ['12'] })).toMatch(/product_edit record is invalid at barcodes/);
    // Saving the same values again changes nothing: no audit, no record.
    saveProduct(db, { id: p.id, ...fields(saved) }, by);
    expect(edits(db)).toHaveLength(1);
    // The kiosk's product page shows the new price.
    const idx = createSearchIndex(db);
    expect(idx.searchSync(p.name).results.find((h) => h.id === p.id)?.price_cents).toBe(1234);
  });

  it('refuses a bad barcode and a barcode owned by another product, writing nothing', () => {
    const db = store();
    const p = pick(db);
    const other = db.prepare('SELECT b.code, p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.id <> ? LIMIT 1').get(p.id) as { code: string; sku: string };
    const cur = getAdminProduct(db, p.id);
    const bad = p.code.slice(0, -1) + String((Number(p.code.at(-1)) + 1) % 10);
    expect(() => saveProduct(db, { id: p.id, ...fields(cur), barcodes: [bad] }, by)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/not a valid barcode/) }));
    expect(() => saveProduct(db, { id: p.id, ...fields(cur), barcodes: [p.code, other.code] }, by)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(other.sku) }));
    expect(() => addProduct(db, { sku: 'NEW-1', name: 'New thing', department: 'Pantry', price_cents: 100, barcodes: [other.code] }, by)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => addProduct(db, { sku: cur.sku, name: 'Clash', department: 'Pantry', price_cents: 100 }, by)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => saveProduct(db, { id: p.id, ...fields(cur), price_cents: 100, promo_price_cents: 150 }, by)).toThrow(/lower than the regular price/);
    expect(getAdminProduct(db, p.id)).toEqual(cur);
    expect(count(db, "SELECT count(*) FROM audit_log WHERE action LIKE 'catalog.%'")).toBe(0);
    expect(edits(db)).toHaveLength(0);
    // A UPC-A typed with spaces is stored as its EAN-13; a code taken off the product is removed.
    const upc = makeEan13('000000777771').slice(1);
    const s = saveProduct(db, { id: p.id, ...fields(cur), barcodes: [upc.replace(/(\d{5})(\d{5})/, '$1 $2 ')] }, by);
    expect(s.barcodes).toEqual([`0${upc}`]);
    expect(count(db, 'SELECT count(*) FROM barcodes WHERE code = ?', p.code)).toBe(0);
    expect(resolveScan(db, upc, DEFAULT_SCALE_LAYOUT).product.id).toBe(p.id);
  });

  it('a retired product is gone from the kiosk search and the till, and comes back when restored', () => {
    const db = store();
    const p = pick(db);
    const idx = createSearchIndex(db);
    expect(idx.searchSync(p.name).results.some((h) => h.id === p.id)).toBe(true);
    expect(resolveScan(db, p.code, DEFAULT_SCALE_LAYOUT).product.id).toBe(p.id);
    const r = setProductActive(db, p.id, false, by);
    expect(r.active).toBe(false);
    expect(idx.searchSync(p.name).results.some((h) => h.id === p.id)).toBe(false);
    expect(() => resolveScan(db, p.code, DEFAULT_SCALE_LAYOUT)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(listAdminProducts(db, { q: p.sku }).rows).toHaveLength(0);
    expect(listAdminProducts(db, { q: p.sku, status: 'retired' }).rows.map((x) => x.id)).toEqual([p.id]);
    // Editing a retired product keeps it retired.
    saveProduct(db, { id: p.id, ...fields(r), name: `${r.name} (old)` }, by);
    expect(getAdminProduct(db, p.id).active).toBe(false);
    expect(JSON.parse(edits(db)[0]!.payload).active).toBe(false);
    setProductActive(db, p.id, true, by);
    expect(idx.searchSync(p.name).results.some((h) => h.id === p.id)).toBe(true);
    expect(count(db, "SELECT count(*) FROM audit_log WHERE action IN ('catalog.retire', 'catalog.restore')")).toBe(2);
    expect(edits(db)).toHaveLength(3);
  });

  it('lists with search, department, status and low-stock filters and pages', () => {
    const db = store();
    const p = pick(db);
    const all = listAdminProducts(db, { limit: 10 });
    expect(all.rows).toHaveLength(10);
    expect(all.total).toBe(count(db, 'SELECT count(*) FROM products WHERE active = 1'));
    const next = listAdminProducts(db, { limit: 10, offset: 10 });
    expect(next.rows[0]!.id).not.toBe(all.rows[0]!.id);
    expect(listAdminProducts(db, { q: p.code }).rows.map((r) => r.id)).toContain(p.id);
    expect(listAdminProducts(db, { q: p.sku.toLowerCase() }).rows.map((r) => r.id)).toEqual([p.id]);
    const dept = all.departments[0]!;
    expect(listAdminProducts(db, { department: dept, limit: 500 }).rows.every((r) => r.department === dept)).toBe(true);
    const low = listAdminProducts(db, { stock: 'low', lowAt: 3, limit: 500 });
    expect(low.rows.every((r) => r.onHand <= 3)).toBe(true);
    expect(low.total).toBe(count(db, "SELECT count(*) FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store' WHERE p.active = 1 AND coalesce(s.quantity, 0) <= 3"));
    expect(listAdminProducts(db, { q: '100%_' }).rows).toHaveLength(0);
  });

  it('stock changes only through the ledger: a new product starts at 0 and an adjustment is a movement', () => {
    const db = store();
    const added = addProduct(db, { sku: 'NEW-42', name: 'Fig Jam', brand: 'Orchard', department: 'Pantry', price_cents: 499, aisle: 'B2', barcodes: [makeEan13('200000000042')] }, by);
    expect(added).toMatchObject({ id: 'NEW-42', onHand: 0, active: true });
    const a = adjustStock(db, { sku: 'NEW-42', qty: 12, reason: 'found', note: 'opening stock' }, by);
    expect(a.onHand).toBe(12);
    expect(getAdminProduct(db, 'NEW-42').onHand).toBe(12);
    expect(stockOf(db, 'NEW-42').movements.map((m) => [m.reason, m.delta])).toEqual([['count', 12]]);
    // An edit does not touch stock.
    saveProduct(db, { id: 'NEW-42', ...fields(getAdminProduct(db, 'NEW-42')), price_cents: 599 }, by);
    expect(getAdminProduct(db, 'NEW-42').onHand).toBe(12);
    expect(JSON.parse(edits(db).at(-1)!.payload)).not.toHaveProperty('stock');
    expect(count(db, "SELECT count(*) FROM audit_log WHERE action = 'catalog.add'")).toBe(1);
  });
});

describe('catalogue import', () => {
  it('imports CSV text with a column map, reports rejected rows, shares and audits what it wrote', async () => {
    const db = store();
    const csv = '\uFEFFProduct,Title,Dept,Price,UPC\r\nimp-1,Rye Bread,Bakery,3.49,\r\nimp-2,,Bakery,2.00,\r\nimp-3,Bagels,Bakery,abc,\r\nimp-4,Seeded Loaf,Bakery,4.10,12345\r\n';
    const r = await importProductsCsv(db, { csv, map: 'id=Product,name=Title,department=Dept,price=Price,barcode=UPC' }, by);
    expect([r.inserted, r.updated]).toEqual([1, 0]);
    expect(r.rejected).toEqual([
      { line: 3, reason: 'missing name' },
      { line: 4, reason: 'price "abc" is not a number' },
      { line: 5, reason: expect.stringMatching(/invalid barcode "12345"/) },
    ]);
    expect(getAdminProduct(db, 'imp-1')).toMatchObject({ name: 'Rye Bread', price_cents: 349, active: true });
    expect(edits(db).map((e) => JSON.parse(e.payload).id)).toEqual(['imp-1']);
    expect(JSON.parse(db.prepare("SELECT details FROM audit_log WHERE action = 'catalog.import'").pluck().get() as string)).toMatchObject({ inserted: 1, updated: 0, rejected: 3, ids: ['imp-1'] });
    await expect(importProductsCsv(db, { csv: 'id,name,department,price,stock\nx,X,Y,1,5\n' }, by)).rejects.toThrow(/stock ledger/);
    await expect(importProductsCsv(db, { csv: 'id,name\nx,X\n' }, by)).rejects.toThrow(/lacks required column/);
  });
});

describe('a store edit at another terminal', () => {
  /** The change the hub derives from a product_edit record (central/store-live.ts). */
  function asChange(payload: string, id: number): ChangeT {
    const { id: key, active, terminalId: _t, ...data } = ProductEditRecord.parse(JSON.parse(payload));
    return active ? { id, kind: 'product', key, op: 'upsert', data } : { id, kind: 'product', key, op: 'delete', data: { updatedAt: data.updatedAt } };
  }

  it('applies as a platform catalog change: newest edit wins, the barcode list is exact, a retire hides it', () => {
    const office = store();
    const till = store();
    const p = pick(office);
    const cur = getAdminProduct(office, p.id);
    const newCode = makeEan13('000000555551');
    saveProduct(office, { id: p.id, ...fields(cur), price_cents: 777, aisle: 'C3', barcodes: [newCode] }, by);
    const first = edits(office)[0]!;
    const r = applyChanges(till, [asChange(first.payload, 1)], 1);
    expect(r.skipped).toEqual([]);
    expect(getAdminProduct(till, p.id)).toMatchObject({ price_cents: 777, aisle: 'C3', barcodes: [newCode], updatedAt: by.now.toISOString() });
    expect(() => resolveScan(till, p.code, DEFAULT_SCALE_LAYOUT)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    // A later edit wins; the older one, arriving after it, changes nothing.
    saveProduct(office, { id: p.id, ...fields(getAdminProduct(office, p.id)), price_cents: 888 }, { ...by, now: at(2) });
    const second = edits(office)[1]!;
    applyChanges(till, [asChange(second.payload, 2)], 2);
    applyChanges(till, [{ ...asChange(first.payload, 3) }], 3);
    expect(getAdminProduct(till, p.id).price_cents).toBe(888);
    // Retired at the office: gone from the till's search and scan.
    setProductActive(office, p.id, false, { ...by, now: at(3) });
    applyChanges(till, [asChange(edits(office)[2]!.payload, 4)], 4);
    expect(getAdminProduct(till, p.id).active).toBe(false);
    expect(createSearchIndex(till).searchSync(p.name).results.some((h) => h.id === p.id)).toBe(false);
    // The platform's own change (no updatedAt) still applies: the platform has the last word.
    applyChanges(till, [{ id: 5, kind: 'product', key: p.id, op: 'upsert', data: { sku: p.sku, name: p.name, department: cur.department, price_cents: 999 } }], 5);
    expect(getAdminProduct(till, p.id)).toMatchObject({ price_cents: 999, active: true });
  });
});
