// Runs: node (core). The one place that writes catalog rows (products, barcodes, stock), shared by
// the demo-store seed and the CSV import so both validate and upsert the same way.
import type { Db } from '../db/database.ts';
import { applyWaitingMovements } from '../inventory/stock.ts';

export interface ProductInput {
  id: string;
  sku: string;
  name: string;
  brand?: string;
  description?: string;
  department: string;
  category_path?: string;
  aisle?: string;
  bay?: string;
  shelf?: string;
  price_cents: number;
  promo_price_cents?: number | null;
  size?: string;
  attributes?: Record<string, unknown>;
  synonyms?: string;
  /** Store-floor quantity; other locations are left alone. */
  stock?: number;
  /** Stored (normalised EAN-13/EAN-8) codes. */
  barcodes?: string[];
}

/** A row of the products table as SQLite returns it (search and the back office read the same columns). */
export interface ProductColumns {
  id: string;
  sku: string;
  name: string;
  brand: string;
  description: string;
  department: string;
  category_path: string;
  aisle: string;
  bay: string;
  shelf: string;
  price_cents: number;
  promo_price_cents: number | null;
  size: string;
  attributes: string;
  synonyms: string;
  active: number;
}

/** The product's Chinese name, synonyms and shelf from attributes.i18n["zh-CN"], each '' when absent. */
export interface ZhText {
  name: string;
  synonyms: string;
  category: string;
}

/** Reads products.attributes: dietary tags and the Chinese text; a hand-edited value reads as empty, never throws. */
export function productAttributes(attributes: string): { dietary: string[]; zh: ZhText } {
  let a: { dietary?: unknown; i18n?: unknown };
  try {
    a = JSON.parse(attributes) as typeof a;
  } catch {
    a = {}; // a hand-edited attributes value must not break search
  }
  const dietary = Array.isArray(a?.dietary) ? a.dietary.filter((d): d is string => typeof d === 'string') : [];
  const raw = (a?.i18n && typeof a.i18n === 'object' ? (a.i18n as Record<string, unknown>)['zh-CN'] : null) ?? {};
  const str = (k: string) => (typeof (raw as Record<string, unknown>)[k] === 'string' ? ((raw as Record<string, string>)[k] ?? '') : '');
  return { dietary, zh: { name: str('name'), synonyms: str('synonyms'), category: str('category') } };
}

export type UpsertOutcome = 'inserted' | 'updated';

/** Prepares the statements once; the returned function must run inside the caller's transaction. */
export function productWriter(db: Db, now = new Date().toISOString()): (p: ProductInput) => UpsertOutcome {
  const exists = db.prepare('SELECT 1 FROM products WHERE id = ?').pluck();
  const upsert = db.prepare(`
    INSERT INTO products (id, sku, name, brand, description, department, category_path, aisle, bay, shelf,
                          price_cents, promo_price_cents, size, attributes, synonyms, active, updated_at)
    VALUES (@id, @sku, @name, @brand, @description, @department, @category_path, @aisle, @bay, @shelf,
            @price_cents, @promo_price_cents, @size, @attributes, @synonyms, 1, @updated_at)
    ON CONFLICT(id) DO UPDATE SET sku = excluded.sku, name = excluded.name, brand = excluded.brand,
      description = excluded.description, department = excluded.department, category_path = excluded.category_path,
      aisle = excluded.aisle, bay = excluded.bay, shelf = excluded.shelf, price_cents = excluded.price_cents,
      promo_price_cents = excluded.promo_price_cents, size = excluded.size, attributes = excluded.attributes,
      synonyms = excluded.synonyms, active = 1, updated_at = excluded.updated_at`);
  const barcode = db.prepare('INSERT INTO barcodes (code, product_id) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET product_id = excluded.product_id');
  // A new baseline keeps the movements made since the last one (on hand = baseline + movements).
  const stock = db.prepare(`INSERT INTO stock (product_id, location, quantity, base_quantity, updated_at) VALUES (?, 'store', ?, ?, ?)
    ON CONFLICT(product_id, location) DO UPDATE SET quantity = stock.quantity - stock.base_quantity + excluded.base_quantity,
      base_quantity = excluded.base_quantity, updated_at = excluded.updated_at`);
  return (p) => {
    const outcome: UpsertOutcome = exists.get(p.id) ? 'updated' : 'inserted';
    upsert.run({
      id: p.id,
      sku: p.sku,
      name: p.name,
      brand: p.brand ?? '',
      description: p.description ?? '',
      department: p.department,
      category_path: p.category_path ?? '',
      aisle: p.aisle ?? '',
      bay: p.bay ?? '',
      shelf: p.shelf ?? '',
      price_cents: p.price_cents,
      promo_price_cents: p.promo_price_cents ?? null,
      size: p.size ?? '',
      attributes: JSON.stringify(p.attributes ?? {}),
      synonyms: p.synonyms ?? '',
      updated_at: now,
    });
    for (const code of p.barcodes ?? []) barcode.run(code, p.id);
    if (p.stock !== undefined) stock.run(p.id, p.stock, p.stock, now);
    if (outcome === 'inserted') applyWaitingMovements(db, p.id, p.sku, now);
    return outcome;
  };
}

/** The product's SKU, or undefined for an unknown id. */
export function skuOf(db: Db, productId: string): string | undefined {
  return db.prepare('SELECT sku FROM products WHERE id = ?').pluck().get(productId) as string | undefined;
}

/** The deepest current promotions (by share off): what an idle customer display shows. */
export function promotionsForDisplay(db: Db) {
  return db
    .prepare(`SELECT name, price_cents AS priceCents, promo_price_cents AS promoPriceCents FROM products
      WHERE active = 1 AND promo_price_cents IS NOT NULL AND promo_price_cents < price_cents
      ORDER BY (price_cents - promo_price_cents) * 1.0 / price_cents DESC, name LIMIT 6`)
    .all() as Array<{ name: string; priceCents: number; promoPriceCents: number }>;
}
