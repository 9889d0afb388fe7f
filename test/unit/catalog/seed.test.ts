// Runs: node (tests). The demo store seeds once, completely, with valid barcodes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { barcodeKind } from '../../../electron/core/catalog/barcode.ts';
import { tempDir } from '../../helpers/tmp.ts';

describe('seedDemoStore', () => {
  const dir = tempDir();

  it('seeds the demo store once and is idempotent', () => {
    const db = openDatabase(path.join(dir, 'seed.db'));
    const first = seedDemoStore(db);
    expect(first.seeded).toBe(true);
    expect(first.products).toBeGreaterThanOrEqual(600);
    const count = (t: string) => (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
    const before = ['products', 'barcodes', 'stock', 'kb_entries', 'opening_hours', 'holiday_hours', 'pickup_orders', 'gift_cards', 'loyalty_accounts', 'store_map'].map((t) => [t, count(t)]);
    expect(Object.fromEntries(before)).toMatchObject({ opening_hours: 7, pickup_orders: 10, store_map: expect.any(Number) });
    expect(count('kb_entries')).toBeGreaterThanOrEqual(20);
    const second = seedDemoStore(db);
    expect(second).toEqual({ seeded: false, products: 0 });
    expect(before.map(([t]) => [t, count(t as string)])).toEqual(before);
    db.close();
  });

  it('gives every product a valid EAN-13, an aisle on the map and a stock row', () => {
    const db = openDatabase(path.join(dir, 'seed2.db'));
    seedDemoStore(db);
    const codes = db.prepare('SELECT code FROM barcodes').pluck().all() as string[];
    expect(codes.length).toBeGreaterThanOrEqual(500);
    expect(codes.every((c) => barcodeKind(c) === 'ean13')).toBe(true);
    const orphans = db.prepare(`SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM store_map m WHERE m.id = p.aisle AND m.kind = 'aisle')
      OR NOT EXISTS (SELECT 1 FROM stock s WHERE s.product_id = p.id) OR NOT EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id)`).pluck().get();
    expect(orphans).toBe(0);
    expect(db.prepare("SELECT timezone FROM store_profile").pluck().get()).toBe('America/Chicago');
    expect(db.prepare("SELECT opens FROM holiday_hours WHERE date = '2026-11-26'").pluck().get()).toBeNull();
    const depts = db.prepare('SELECT DISTINCT department FROM products').pluck().all();
    expect(depts).toEqual(expect.arrayContaining(['Produce', 'Household', 'Health & Beauty', 'Electronics', 'Pharmacy', 'Baby', 'Pet']));
    db.close();
  });
});
