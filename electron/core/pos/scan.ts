// Runs: node (core). Turns one scan into what the till rings up: the product, the weight and the
// line price. A plain GTIN rings the product's price; a scale label rings the price printed in it,
// or its weight times the product's price per kg; a GS1 code may carry weight, price and an expiry
// date (expired goods are a warning for the cashier, not a refusal).
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { expiryWarning, parseScan, type ScaleLayout } from '../catalog/gs1.ts';
import { normalizeBarcode } from '../catalog/barcode.ts';
import { search } from '../search/engine.ts';

export interface ScanProduct {
  id: string;
  sku: string;
  name: string;
  brand: string;
  /** The product's price now (promotion applied); per kg for a weighed product. */
  priceCents: number;
  stock: number;
}

export interface ResolvedScan {
  /** The code that identified the product: the GTIN, or the 13 digits of the scale label. */
  code: string;
  kind: 'gtin' | 'variable' | 'gs1';
  /** Never null: an unknown product is a NOT_FOUND error. */
  product: ScanProduct;
  qty: number;
  weightGrams: number | null;
  /** The line's price: the product's, the one in a price label, or weight × price per kg. */
  priceCents: number;
  warnings: string[];
}

/** A product as the till rings it up (the lookup and the scan read the same columns). */
export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  brand: string;
  price_cents: number;
  promo_price_cents: number | null;
  stock: number;
}

export const PRODUCT_ROW_SELECT = `SELECT p.id, p.sku, p.name, p.brand, p.price_cents, p.promo_price_cents,
  coalesce((SELECT sum(quantity) FROM stock s WHERE s.product_id = p.id), 0) AS stock FROM products p`;

// Prepared once per database: a scan is on the till's hot path.
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    byBarcode: db.prepare(`${PRODUCT_ROW_SELECT} JOIN barcodes b ON b.product_id = p.id WHERE b.code = ? AND p.active = 1`),
    bySku: db.prepare(`${PRODUCT_ROW_SELECT} WHERE p.sku IN (?, ?) AND p.active = 1 ORDER BY p.sku = ? DESC LIMIT 1`),
    // Last resort for a numeric SKU stored with a different number of leading zeros (a scan of the table).
    bySkuNumber: db.prepare(`${PRODUCT_ROW_SELECT} WHERE p.active = 1 AND p.sku GLOB '[0-9]*' AND p.sku NOT GLOB '*[^0-9]*' AND ltrim(p.sku, '0') = ? LIMIT 1`),
  };
}
function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

export function productHit(r: ProductRow): ScanProduct {
  return { id: r.id, sku: r.sku, name: r.name, brand: r.brand, priceCents: Math.min(r.price_cents, r.promo_price_cents ?? r.price_cents), stock: r.stock };
}

/** The local calendar date (the till's clock is the store's). */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function byBarcode(db: Db, code: string): ProductRow | undefined {
  return stmts(db).byBarcode.get(code) as ProductRow | undefined;
}

/** A scale item: filed under its base code, or its SKU is the item code (leading zeros or not). */
function byItemCode(db: Db, baseCode: string, itemCode: string): ProductRow | undefined {
  const hit = byBarcode(db, baseCode);
  if (hit) return hit;
  const bare = itemCode.replace(/^0+(?=\d)/, '');
  const s = stmts(db);
  return (s.bySku.get(itemCode, bare, itemCode) as ProductRow | undefined) ?? (s.bySkuNumber.get(bare === '0' ? '' : bare) as ProductRow | undefined);
}

/** Weight × price per kg, to the cent. */
export function weighedPrice(weightGrams: number, centsPerKg: number): number {
  return Math.round((weightGrams * centsPerKg) / 1000);
}

/**
 * Resolves one scan against the catalog. Throws BAD_INPUT for a wrong check digit, a malformed
 * GS1 code or anything that is not a barcode (typed words go to pos.lookup), NOT_FOUND for a code
 * no active product has.
 */
export function resolveScan(db: Db, raw: string, layout: ScaleLayout, today: Date = new Date()): ResolvedScan {
  const scan = parseScan(raw, layout, today);
  switch (scan.kind) {
    case 'text':
      throw new CoreError('BAD_INPUT', `"${scan.text.slice(0, 40)}" is not a barcode: look it up by name or SKU instead.`);
    case 'invalid':
      throw new CoreError('BAD_INPUT', scan.reason);
    case 'gtin': {
      const r = byBarcode(db, scan.gtin13);
      if (!r) throw new CoreError('NOT_FOUND', `No product has barcode ${scan.gtin13}.`);
      const p = productHit(r);
      return { code: scan.gtin13, kind: 'gtin', product: p, qty: 1, weightGrams: null, priceCents: p.priceCents, warnings: [] };
    }
    case 'variable': {
      const r = byItemCode(db, scan.baseCode, scan.itemCode);
      if (!r) throw new CoreError('NOT_FOUND', `No product has barcode ${scan.baseCode} or SKU ${scan.itemCode} (scale label ${scan.code}).`);
      const p = productHit(r);
      if (scan.measure === 'weight') {
        if (scan.value <= 0) throw new CoreError('BAD_INPUT', `Scale label ${scan.code} has no weight: weigh the item again.`);
        return { code: scan.code, kind: 'variable', product: p, qty: 1, weightGrams: scan.value, priceCents: weighedPrice(scan.value, p.priceCents), warnings: [] };
      }
      return { code: scan.code, kind: 'variable', product: p, qty: 1, weightGrams: null, priceCents: scan.value, warnings: [] };
    }
    case 'gs1': {
      const r = byBarcode(db, scan.gtin13);
      if (!r) throw new CoreError('NOT_FOUND', `No product has barcode ${scan.gtin13}.`);
      const p = productHit(r);
      const warnings: string[] = [];
      const day = localDate(today);
      if (scan.expiry) {
        const w = expiryWarning(scan.expiry, day, 'expiry');
        if (w) warnings.push(w.message);
      }
      if (scan.bestBefore) {
        const w = expiryWarning(scan.bestBefore, day, 'best before');
        if (w) warnings.push(w.message);
      }
      const weightGrams = scan.weightGrams ?? null;
      if (weightGrams !== null && weightGrams <= 0) throw new CoreError('BAD_INPUT', `GS1 code for ${scan.gtin13} has no weight: weigh the item again.`);
      const priceCents = scan.priceCents ?? (weightGrams !== null ? weighedPrice(weightGrams, p.priceCents) : p.priceCents);
      return { code: scan.gtin13, kind: 'gs1', product: p, qty: 1, weightGrams, priceCents, warnings };
    }
  }
}

/** The till's lookup box: a barcode, then a SKU, then words (search), as till product rows. */
export async function lookupProducts(db: Db, q: string, limit: number) {
  const code = normalizeBarcode(q);
  if (code) {
    const r = db.prepare(`${PRODUCT_ROW_SELECT} JOIN barcodes b ON b.product_id = p.id WHERE b.code = ? AND p.active = 1`).get(code) as ProductRow | undefined;
    return { mode: 'barcode' as const, results: r ? [productHit(r)] : [] };
  }
  const bySku = db.prepare(`${PRODUCT_ROW_SELECT} WHERE p.sku = ? COLLATE NOCASE AND p.active = 1`).get(q.trim()) as ProductRow | undefined;
  if (bySku) return { mode: 'sku' as const, results: [productHit(bySku)] };
  const res = await search(db, q, { limit });
  const one = db.prepare(`${PRODUCT_ROW_SELECT} WHERE p.id = ?`);
  const results = res.results.map((h) => one.get(h.id) as ProductRow | undefined).filter((r): r is ProductRow => !!r).map(productHit);
  return { mode: 'text' as const, results };
}
