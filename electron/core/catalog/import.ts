// Runs: node (core). Catalog import from CSV: a column mapping (`name=product_name,price=Price`) or
// the `instacart` preset (a folder with products.csv, aisles.csv, departments.csv). Upserts by id,
// all in ONE transaction (any unexpected failure rolls the whole import back), reports rejected
// rows with their line and reason, and brings the search index (and vectors, when an encoder is
// given) up to date.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { syncSearchTables } from '../search/document.ts';
import type { SearchIndex } from '../search/engine.ts';
import { makeEan13, normalizeBarcode } from './barcode.ts';
import { decodeUtf8, parseCsv, type CsvRecord } from './csv.ts';
import { productWriter, type ProductInput } from './products.ts';

/** Catalog fields a CSV column can map to. */
export const IMPORT_FIELDS = [
  'id', 'sku', 'name', 'brand', 'description', 'department', 'category_path', 'aisle', 'bay', 'shelf',
  'price', 'price_cents', 'promo_price', 'promo_price_cents', 'size', 'synonyms', 'dietary', 'barcode', 'stock',
  'name_zh', 'synonyms_zh', 'category_zh',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportOptions {
  /** "field=column,..." or an object; fields not mentioned map to a column of the same name. */
  map?: string | Partial<Record<ImportField, string>>;
  format?: 'instacart';
  /** Keeps this in-memory index current; with an embedder attached, new vectors are made too. */
  index?: SearchIndex;
  now?: Date;
  /** The CSV already in memory (the back office's upload); `file` then only names it in messages. */
  text?: string;
  /** Called in the import's transaction for each row written (the back office shares each with the store). */
  onWritten?: (p: ProductInput) => void;
}

export interface ImportResult {
  inserted: number;
  updated: number;
  rejected: Array<{ line: number; reason: string }>;
  took_ms: number;
  vectors?: number;
}

interface SourceRow {
  line: number;
  get: (f: ImportField) => string | undefined;
}

export function parseMap(map: ImportOptions['map']): Partial<Record<ImportField, string>> {
  if (!map) return {};
  if (typeof map !== 'string') return map;
  const out: Partial<Record<ImportField, string>> = {};
  for (const pair of map.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CoreError('BAD_INPUT', `Bad --map entry "${pair}": write field=column, e.g. name=product_name.`);
    const field = pair.slice(0, eq).trim() as ImportField;
    if (!IMPORT_FIELDS.includes(field)) throw new CoreError('BAD_INPUT', `Unknown catalog field "${field}" in --map. Fields: ${IMPORT_FIELDS.join(', ')}.`);
    out[field] = pair.slice(eq + 1).trim();
  }
  return out;
}

function readCsvFile(file: string): CsvRecord[] {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CoreError('BAD_INPUT', `Cannot read ${file}: no such file or not readable.`);
  }
  return parseCsv(decodeUtf8(bytes, path.basename(file)), path.basename(file));
}

function mappedRows(file: string, mapOpt: ImportOptions['map'], text?: string): SourceRow[] {
  const records = text === undefined ? readCsvFile(file) : parseCsv(text, path.basename(file));
  const header = records.shift();
  if (!header) throw new CoreError('BAD_INPUT', `${path.basename(file)} is empty: expected a header row.`);
  const names = header.fields.map((h) => h.trim());
  const map = parseMap(mapOpt);
  const col = new Map<ImportField, number>();
  for (const f of IMPORT_FIELDS) {
    const i = names.indexOf(map[f] ?? f);
    if (i >= 0) col.set(f, i);
    else if (map[f]) throw new CoreError('BAD_INPUT', `Column "${map[f]}" (mapped to ${f}) is not in ${path.basename(file)}. Columns: ${names.join(', ')}.`);
  }
  const missing = (['id', 'name', 'department'] as const).filter((f) => !col.has(f));
  if (!col.has('price') && !col.has('price_cents')) missing.push('price' as never);
  if (missing.length) {
    throw new CoreError('BAD_INPUT', `${path.basename(file)} lacks required column(s) ${missing.join(', ')}. Map them with --map ${missing.map((m) => `${m}=COLUMN`).join(',')}. Columns found: ${names.join(', ')}.`);
  }
  return records.map((r) => ({ line: r.line, get: (f: ImportField) => { const i = col.get(f); return i === undefined ? undefined : r.fields[i]?.trim(); } }));
}

/** "3.49" or "$3.49" (dollars) or cents from a *_cents column; negative or malformed → error text. */
function money(row: SourceRow, dollars: ImportField, cents: ImportField, required: boolean): number | null | string {
  const c = row.get(cents);
  const d = row.get(dollars);
  const raw = c !== undefined && c !== '' ? c : d;
  if (raw === undefined || raw === '') return required ? `missing ${dollars}` : null;
  const v = Number(raw.replace(/^\$/, ''));
  if (!Number.isFinite(v)) return `${dollars} "${raw}" is not a number`;
  if (v < 0) return `negative ${dollars} ${raw}`;
  return c !== undefined && c !== '' ? Math.round(v) : Math.round(v * 100);
}

/** The Chinese columns, where the file has them, as attributes.i18n["zh-CN"] (what search and the kiosk read). */
function zhAttributes(row: SourceRow): { i18n?: { 'zh-CN': { name: string; synonyms: string; category: string } } } {
  const zh = { name: row.get('name_zh') ?? '', synonyms: row.get('synonyms_zh') ?? '', category: row.get('category_zh') ?? '' };
  return zh.name || zh.synonyms || zh.category ? { i18n: { 'zh-CN': zh } } : {};
}

function toProduct(row: SourceRow): ProductInput | string {
  const id = row.get('id');
  if (!id) return 'missing id';
  const name = row.get('name');
  if (!name) return 'missing name';
  const department = row.get('department');
  if (!department) return 'missing department';
  const price = money(row, 'price', 'price_cents', true);
  if (typeof price === 'string') return price;
  const promo = money(row, 'promo_price', 'promo_price_cents', false);
  if (typeof promo === 'string') return promo;
  const barcodes: string[] = [];
  for (const raw of (row.get('barcode') ?? '').split(/[;|]/).map((s) => s.trim()).filter(Boolean)) {
    const code = normalizeBarcode(raw);
    if (!code) return `invalid barcode "${raw}" (not an EAN-13, UPC-A or EAN-8 with a correct check digit)`;
    barcodes.push(code);
  }
  const stockRaw = row.get('stock');
  let stock: number | undefined;
  if (stockRaw !== undefined && stockRaw !== '') {
    stock = Number(stockRaw);
    if (!Number.isInteger(stock)) return `stock "${stockRaw}" is not a whole number`;
  }
  const dietary = (row.get('dietary') ?? '').split(/[;|]/).map((s) => s.trim().toLowerCase().replace(/[\s-]+/g, '_')).filter(Boolean);
  return {
    id,
    sku: row.get('sku') || id,
    name,
    brand: row.get('brand') ?? '',
    description: row.get('description') ?? '',
    department,
    category_path: row.get('category_path') ?? '',
    aisle: row.get('aisle') ?? '',
    bay: row.get('bay') ?? '',
    shelf: row.get('shelf') ?? '',
    price_cents: price as number,
    promo_price_cents: promo as number | null,
    size: row.get('size') ?? '',
    synonyms: row.get('synonyms') ?? '',
    attributes: { ...(dietary.length ? { dietary } : {}), ...zhAttributes(row) },
    ...(stock !== undefined ? { stock } : {}),
    barcodes,
  };
}

export async function importCatalogCsv(db: Db, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const t0 = performance.now();
  const now = (opts.now ?? new Date()).toISOString();
  // Everything that can be checked before writing is: unreadable files, bad encoding, missing columns.
  const source = opts.format === 'instacart' ? instacartRows(file) : { rows: mappedRows(file, opts.map, opts.text), areas: [] as MapAreaInput[] };
  const rejected: ImportResult['rejected'] = [];
  let inserted = 0;
  let updated = 0;
  const run = db.transaction(() => {
    const write = productWriter(db, now);
    const area = db.prepare(`INSERT INTO store_map (id, kind, name, departments, x, y, w, h) VALUES (?, 'aisle', ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, departments = excluded.departments`);
    for (const a of source.areas) area.run(a.id, a.name, JSON.stringify(a.departments), a.x, a.y, a.w, a.h);
    const seen = new Map<string, number>();
    for (const row of source.rows) {
      const p = toProduct(row);
      if (typeof p === 'string') {
        rejected.push({ line: row.line, reason: p });
        continue;
      }
      const first = seen.get(p.id);
      if (first !== undefined) {
        rejected.push({ line: row.line, reason: `duplicate id "${p.id}" (first on line ${first})` });
        continue;
      }
      seen.set(p.id, row.line);
      try {
        if (write(p) === 'inserted') inserted++;
        else updated++;
        opts.onWritten?.(p);
      } catch (e) {
        // A constraint on one row (an SKU or barcode owned by another product) rejects that row only.
        const msg = (e as Error).message;
        if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) rejected.push({ line: row.line, reason: constraintReason(msg) });
        else throw e;
      }
    }
    // The FTS index commits with the catalog rows, or not at all.
    syncSearchTables(db);
  });
  run();
  const result: ImportResult = { inserted, updated, rejected, took_ms: 0 };
  if (opts.index) {
    opts.index.refresh();
    if (opts.index.embedder) result.vectors = await opts.index.embedMissing();
  }
  result.took_ms = Math.round(performance.now() - t0);
  return result;
}

function constraintReason(msg: string): string {
  if (/products\.sku/.test(msg)) return 'sku already belongs to another product';
  return `rejected by the database: ${msg}`;
}

// ---------------------------------------------------------------- Instacart preset

interface MapAreaInput { id: string; name: string; departments: string[]; x: number; y: number; w: number; h: number }

const ENTITIES = new Map<string, string>(Object.entries({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', reg: '®', trade: '™', copy: '©', nbsp: ' ' }));

/** The catalog's names carry HTML entities (&#39;, &Reg;) and escaped quotes (9\"). */
function cleanName(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, e: string) => ENTITIES.get(e.toLowerCase()) ?? m)
    .replace(/\\"/g, '"')
    .trim();
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** FNV-1a: a stable hash so the invented prices and stock are the same on every import. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The Instacart catalog has names and aisle/department ids only. For demos and the benchmark we
 * invent, deterministically from the product id: a price, a shelf stock (about 6% out of stock),
 * a bay and shelf, and an in-store EAN-13 (prefix 049). They are NOT real prices or barcodes.
 */
function instacartRows(dir: string): { rows: SourceRow[]; areas: MapAreaInput[] } {
  const table = (name: string, cols: string[]) => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new CoreError('BAD_INPUT', `--format instacart expects ${name} in ${dir}.`);
    const recs = readCsvFile(file);
    const header = recs.shift()?.fields.map((h) => h.trim()) ?? [];
    const idx = cols.map((c) => header.indexOf(c));
    const missing = cols.filter((_, i) => idx[i]! < 0);
    if (missing.length) throw new CoreError('BAD_INPUT', `${name} lacks column(s) ${missing.join(', ')}.`);
    return recs.map((r) => ({ line: r.line, v: idx.map((i) => r.fields[i]?.trim() ?? '') }));
  };
  const aisles = new Map(table('aisles.csv', ['aisle_id', 'aisle']).map((r) => [r.v[0]!, r.v[1]!]));
  const depts = new Map(table('departments.csv', ['department_id', 'department']).map((r) => [r.v[0]!, r.v[1]!]));
  const products = table('products.csv', ['product_id', 'product_name', 'aisle_id', 'department_id']);
  const aisleDepts = new Map<string, Set<string>>();
  const rows: SourceRow[] = products.map(({ line, v }) => {
    const [pid, rawName, aisleId, deptId] = v as [string, string, string, string];
    const aisleName = aisles.get(aisleId);
    const deptName = depts.get(deptId);
    const h = hash(pid);
    const dept = deptName ? titleCase(deptName) : '';
    if (aisleName && dept) {
      if (!aisleDepts.has(aisleId)) aisleDepts.set(aisleId, new Set());
      aisleDepts.get(aisleId)!.add(dept);
    }
    const fields: Partial<Record<ImportField, string>> = {
      id: pid ? `ic-${pid}` : '',
      sku: pid ? `IC-${pid}` : '',
      name: cleanName(rawName),
      department: dept,
      category_path: aisleName && dept ? `${dept} > ${titleCase(aisleName)}` : dept,
      aisle: aisleName ? `I${aisleId}` : '',
      bay: String(1 + (h % 12)),
      shelf: String(1 + ((h >>> 4) % 5)),
      price_cents: String(99 + ((h >>> 8) % 1900)),
      stock: String((h >>> 20) % 100 < 6 ? 0 : 1 + ((h >>> 12) % 80)),
      barcode: /^\d{1,9}$/.test(pid) ? makeEan13(`049${pid.padStart(9, '0')}`) : '',
    };
    if (!aisleName) fields.department = deptName ? dept : '';
    return { line, get: (f: ImportField) => fields[f] };
  });
  const ids = [...aisles.keys()].sort((a, b) => Number(a) - Number(b));
  const areas = ids.map((id, i) => ({
    id: `I${id}`,
    name: titleCase(aisles.get(id)!),
    departments: [...(aisleDepts.get(id) ?? [])],
    x: 2 + (i % 14) * 7,
    y: 2 + Math.floor(i / 14) * 5.5,
    w: 5,
    h: 4.5,
  }));
  return { rows, areas };
}
