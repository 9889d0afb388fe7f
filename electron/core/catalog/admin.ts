// Runs: node (core). The back office's catalogue: list and read products (active or retired),
// edit, add, retire / restore and import from CSV text. Every write goes through productWriter
// (the one place that writes catalog rows), is audited, and queues the whole product as an outbox
// record 'product_edit' in the same transaction; the store hub hands it to the store's other
// terminals as a catalog change of kind 'product'. Stock is never written here: it moves through
// the ledger (inventory/ledger.ts adjustStock).
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { enqueue } from '../db/outbox.ts';
import { appendAudit } from '../audit/audit.ts';
import type { SearchIndex } from '../search/engine.ts';
import type { ProductEditRecordT } from '../../../common/api/live.ts';
import type { AdminProductRowT, AdminProductT } from '../../../common/api/catalog-admin.ts';
import { normalizeBarcode } from './barcode.ts';
import { importCatalogCsv, parseMap, type ImportResult } from './import.ts';
import { productWriter, type ProductColumns } from './products.ts';

export interface CatalogActor {
  userId: string;
  terminalId: string;
  now?: Date;
}

export interface ProductFieldsInput {
  name: string;
  brand?: string;
  department: string;
  category_path?: string;
  description?: string;
  size?: string;
  synonyms?: string;
  aisle?: string;
  bay?: string;
  shelf?: string;
  price_cents: number;
  promo_price_cents?: number | null;
  barcodes?: string[];
}

interface ProductDbRow extends ProductColumns {
  updated_at: string;
  on_hand: number;
}

const SELECT = `SELECT p.id, p.sku, p.name, p.brand, p.description, p.department, p.category_path, p.aisle, p.bay, p.shelf,
  p.price_cents, p.promo_price_cents, p.size, p.attributes, p.synonyms, p.active, p.updated_at, coalesce(s.quantity, 0) AS on_hand
  FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store'`;

function barcodesOf(db: Db, id: string): string[] {
  return db.prepare('SELECT code FROM barcodes WHERE product_id = ? ORDER BY code').pluck().all(id) as string[];
}

function rowOf(db: Db, r: ProductDbRow): AdminProductRowT {
  return {
    id: r.id, sku: r.sku, name: r.name, brand: r.brand, department: r.department, aisle: r.aisle, bay: r.bay, shelf: r.shelf,
    price_cents: r.price_cents, promo_price_cents: r.promo_price_cents, onHand: r.on_hand, active: r.active === 1,
    barcodes: barcodesOf(db, r.id), updatedAt: r.updated_at,
  };
}

function fetchRow(db: Db, id: string): ProductDbRow {
  const r = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProductDbRow | undefined;
  if (!r) throw new CoreError('NOT_FOUND', `No product with id ${id}.`);
  return r;
}

export function getAdminProduct(db: Db, id: string): AdminProductT {
  const r = fetchRow(db, id);
  return { ...rowOf(db, r), description: r.description, category_path: r.category_path, size: r.size, synonyms: r.synonyms };
}

export interface ListInput {
  q?: string;
  department?: string;
  status?: 'active' | 'retired' | 'all';
  stock?: 'any' | 'low' | 'out';
  lowAt?: number;
  offset?: number;
  limit?: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Products by name; `q` matches the name, brand, SKU or a barcode (typed in any of its forms). */
export function listAdminProducts(db: Db, input: ListInput = {}): { rows: AdminProductRowT[]; total: number; departments: string[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const status = input.status ?? 'active';
  if (status !== 'all') where.push(`p.active = ${status === 'active' ? 1 : 0}`);
  if (input.department) {
    where.push('p.department = ?');
    args.push(input.department);
  }
  if (input.stock === 'low') {
    where.push('coalesce(s.quantity, 0) <= ?');
    args.push(input.lowAt ?? 5);
  } else if (input.stock === 'out') where.push('coalesce(s.quantity, 0) <= 0');
  const q = input.q?.trim();
  if (q) {
    const like = `%${likeEscape(q.toLowerCase())}%`;
    const code = normalizeBarcode(q);
    where.push(`(lower(p.name) LIKE ? ESCAPE '\\' OR lower(p.brand) LIKE ? ESCAPE '\\' OR lower(p.sku) = ? OR p.id = ?
      OR EXISTS (SELECT 1 FROM barcodes b WHERE b.product_id = p.id AND (b.code = ? OR b.code LIKE ? ESCAPE '\\')))`);
    args.push(like, like, q.toLowerCase(), q, code ?? '', /^\d{3,}$/.test(q) ? `%${likeEscape(q)}%` : '\u0000');
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store' ${clause}`).pluck().get(...args) as number;
  const rows = db.prepare(`${SELECT} ${clause} ORDER BY lower(p.name), p.id LIMIT ? OFFSET ?`).all(...args, input.limit ?? 50, input.offset ?? 0) as ProductDbRow[];
  const departments = db.prepare('SELECT DISTINCT department FROM products ORDER BY department').pluck().all() as string[];
  return { rows: rows.map((r) => rowOf(db, r)), total, departments };
}

/** Normalises and checks barcodes: valid GS1 codes only, none owned by another product. */
function checkBarcodes(db: Db, raw: string[], productId: string): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const code = normalizeBarcode(r);
    if (!code) throw new CoreError('BAD_INPUT', `"${r}" is not a valid barcode: an EAN-13, UPC-A or EAN-8 with a correct check digit.`);
    if (!out.includes(code)) out.push(code);
  }
  const owner = db.prepare('SELECT p.id, p.name, p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ? AND b.product_id <> ?');
  for (const code of out) {
    const o = owner.get(code, productId) as { id: string; name: string; sku: string } | undefined;
    if (o) throw new CoreError('CONFLICT', `Barcode ${code} already belongs to ${o.name} (${o.sku}). Remove it there first.`, { code, productId: o.id });
  }
  return out;
}

function checkPrices(f: ProductFieldsInput): void {
  if (f.promo_price_cents != null && f.promo_price_cents >= f.price_cents) {
    throw new CoreError('BAD_INPUT', 'A promotion price must be lower than the regular price.');
  }
}

/** A stamp later than the product's last change, so the newest edit always wins at other terminals. */
function stampAfter(now: Date, prev: string | undefined): string {
  const t = now.toISOString();
  if (!prev || t > prev) return t;
  const p = Date.parse(prev);
  return Number.isNaN(p) ? t : new Date(p + 1).toISOString();
}

/** Queues the whole product as the store sees it, inside the caller's transaction. */
function share(db: Db, id: string, terminalId: string, now: Date): void {
  const r = fetchRow(db, id);
  let attributes: Record<string, unknown> = {};
  try {
    const a = JSON.parse(r.attributes) as unknown;
    if (a && typeof a === 'object' && !Array.isArray(a)) attributes = a as Record<string, unknown>;
  } catch {
    // attributes edited by hand: share the product without them rather than not at all
  }
  const record: ProductEditRecordT = {
    id: r.id, sku: r.sku, name: r.name, brand: r.brand, description: r.description, department: r.department, category_path: r.category_path,
    aisle: r.aisle, bay: r.bay, shelf: r.shelf, price_cents: r.price_cents, promo_price_cents: r.promo_price_cents, size: r.size,
    attributes, synonyms: r.synonyms, barcodes: barcodesOf(db, id), active: r.active === 1, updatedAt: r.updated_at, terminalId,
  };
  enqueue(db, 'product_edit', `${id}@${r.updated_at}`, record, now);
}

const EDITABLE = ['name', 'brand', 'department', 'category_path', 'description', 'size', 'synonyms', 'aisle', 'bay', 'shelf', 'price_cents', 'promo_price_cents'] as const;

export function saveProduct(db: Db, input: ProductFieldsInput & { id: string }, by: CatalogActor): AdminProductT {
  checkPrices(input);
  const now = by.now ?? new Date();
  return db.transaction(() => {
    const cur = fetchRow(db, input.id);
    const oldCodes = barcodesOf(db, cur.id);
    const codes = input.barcodes === undefined ? oldCodes : checkBarcodes(db, input.barcodes, cur.id);
    const next = {
      name: input.name, brand: input.brand ?? cur.brand, department: input.department, category_path: input.category_path ?? cur.category_path,
      description: input.description ?? cur.description, size: input.size ?? cur.size, synonyms: input.synonyms ?? cur.synonyms,
      aisle: input.aisle ?? cur.aisle, bay: input.bay ?? cur.bay, shelf: input.shelf ?? cur.shelf,
      price_cents: input.price_cents, promo_price_cents: input.promo_price_cents === undefined ? cur.promo_price_cents : input.promo_price_cents,
    };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of EDITABLE) if (cur[k] !== next[k]) changes[k] = [cur[k], next[k]];
    const sorted = [...codes].sort();
    if (sorted.join() !== oldCodes.join()) changes.barcodes = [oldCodes, sorted];
    if (Object.keys(changes).length === 0) return getAdminProduct(db, cur.id);
    let attributes: Record<string, unknown> = {};
    try {
      attributes = JSON.parse(cur.attributes) as Record<string, unknown>;
    } catch {
      // keep the product editable even if its attributes were damaged by hand
    }
    productWriter(db, stampAfter(now, cur.updated_at))({ id: cur.id, sku: cur.sku, ...next, attributes, barcodes: codes });
    // productWriter only adds barcodes; a code taken off the product is removed here.
    const drop = db.prepare('DELETE FROM barcodes WHERE code = ? AND product_id = ?');
    for (const c of oldCodes) if (!codes.includes(c)) drop.run(c, cur.id);
    // productWriter makes a product active; an edit of a retired one leaves it retired.
    if (cur.active !== 1) db.prepare('UPDATE products SET active = 0 WHERE id = ?').run(cur.id);
    appendAudit(db, by.userId, 'catalog.edit', cur.sku, { id: cur.id, changes }, now);
    share(db, cur.id, by.terminalId, now);
    return getAdminProduct(db, cur.id);
  })();
}

export function addProduct(db: Db, input: ProductFieldsInput & { sku: string }, by: CatalogActor): AdminProductT {
  checkPrices(input);
  const now = by.now ?? new Date();
  const sku = input.sku.trim();
  return db.transaction(() => {
    const taken = db.prepare('SELECT name FROM products WHERE sku = ? OR id = ?').pluck().get(sku, sku) as string | undefined;
    if (taken !== undefined) throw new CoreError('CONFLICT', `SKU ${sku} already belongs to ${taken}.`);
    const codes = checkBarcodes(db, input.barcodes ?? [], sku);
    productWriter(db, now.toISOString())({
      id: sku, sku, name: input.name, brand: input.brand ?? '', department: input.department, category_path: input.category_path ?? '',
      description: input.description ?? '', size: input.size ?? '', synonyms: input.synonyms ?? '',
      aisle: input.aisle ?? '', bay: input.bay ?? '', shelf: input.shelf ?? '',
      price_cents: input.price_cents, promo_price_cents: input.promo_price_cents ?? null, attributes: {}, barcodes: codes,
    });
    appendAudit(db, by.userId, 'catalog.add', sku, { id: sku, name: input.name, price_cents: input.price_cents, barcodes: codes }, now);
    share(db, sku, by.terminalId, now);
    return getAdminProduct(db, sku);
  })();
}

/** Retires (hides from the kiosk and the till; receipts and history keep it) or restores a product. */
export function setProductActive(db: Db, id: string, active: boolean, by: CatalogActor): AdminProductT {
  const now = by.now ?? new Date();
  return db.transaction(() => {
    const cur = fetchRow(db, id);
    if ((cur.active === 1) === active) return getAdminProduct(db, id);
    db.prepare('UPDATE products SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, stampAfter(now, cur.updated_at), id);
    appendAudit(db, by.userId, active ? 'catalog.restore' : 'catalog.retire', cur.sku, { id }, now);
    share(db, id, by.terminalId, now);
    return getAdminProduct(db, id);
  })();
}

/** The header's column names (first CSV line; quotes dropped). */
function headerColumns(csv: string): string[] {
  const first = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

/**
 * Imports CSV text with the shared importer (upsert by id, rejected rows reported with line and
 * reason). Each written product is shared with the store; the import is audited once. A stock
 * column is refused: stock moves through the ledger, so every terminal counts the same.
 */
export async function importProductsCsv(db: Db, input: { csv: string; map?: string }, by: CatalogActor & { index?: SearchIndex }): Promise<ImportResult> {
  const map = parseMap(input.map);
  const stockCol = map.stock ?? 'stock';
  if (headerColumns(input.csv).includes(stockCol)) {
    throw new CoreError('BAD_INPUT', `The CSV has a stock column ("${stockCol}"). Stock moves through the stock ledger: remove the column, import, then receive or adjust stock in Inventory.`);
  }
  const now = by.now ?? new Date();
  const written: string[] = [];
  const result = await importCatalogCsv(db, 'import.csv', {
    text: input.csv.replace(/^\uFEFF/, ''),
    map,
    now,
    ...(by.index ? { index: by.index } : {}),
    onWritten: (p) => {
      written.push(p.id);
      share(db, p.id, by.terminalId, now);
    },
  });
  if (written.length || result.rejected.length) {
    db.transaction(() => appendAudit(db, by.userId, 'catalog.import', 'csv', {
      inserted: result.inserted, updated: result.updated, rejected: result.rejected.length, ids: written.slice(0, 200),
    }, now))();
  }
  return result;
}
