// Runs: node (core). What the catalog operations read: a search with facets, one product in full
// with its map area, the store map. The handlers (api/handlers-catalog.ts) call these directly.
import type { z } from 'zod';
import type { catalogOps } from '../../../common/api/catalog.ts';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { productAttributes } from './products.ts';
import type { SearchIndex } from '../search/engine.ts';

type Ops = typeof catalogOps;
type In<K extends keyof Ops> = z.output<Ops[K]['input']>;
type Out<K extends keyof Ops> = z.output<Ops[K]['output']>;

interface AreaRow { id: string; kind: 'aisle' | 'landmark'; name: string; name_zh: string; departments: string; x: number; y: number; w: number; h: number }

function area(r: AreaRow): Out<'catalog.storeMap'>['areas'][number] {
  return { ...r, departments: JSON.parse(r.departments) as string[] };
}

export function storeMap(db: Db): Out<'catalog.storeMap'> {
  const rows = db.prepare('SELECT id, kind, name, name_zh, departments, x, y, w, h FROM store_map ORDER BY kind, length(id), id').all() as AreaRow[];
  const areas = rows.map(area);
  // The grid is as big as what is drawn on it (demo store: 100 × 60).
  const width = Math.max(100, ...areas.map((a) => a.x + a.w));
  const height = Math.max(60, ...areas.map((a) => a.y + a.h));
  return { width, height, areas };
}

export function productDetail(db: Db, id: string): Out<'catalog.product'> {
  const p = db
    .prepare(`SELECT p.*, (SELECT name FROM store_map m WHERE m.id = p.aisle) AS aisle_name, (SELECT name_zh FROM store_map m WHERE m.id = p.aisle) AS aisle_name_zh FROM products p WHERE p.id = ? AND p.active = 1`)
    .get(id) as (Record<string, unknown> & { attributes: string; aisle: string }) | undefined;
  if (!p) throw new CoreError('NOT_FOUND', `No product with id ${id}.`);
  const { dietary, zh } = productAttributes(p.attributes);
  const mapRow = db.prepare("SELECT id, kind, name, name_zh, departments, x, y, w, h FROM store_map WHERE id = ? AND kind = 'aisle'").get(p.aisle) as AreaRow | undefined;
  return {
    id: p.id as string,
    sku: p.sku as string,
    name: p.name as string,
    name_zh: zh.name,
    brand: p.brand as string,
    description: p.description as string,
    department: p.department as string,
    category_path: p.category_path as string,
    aisle: p.aisle,
    aisle_name: (p.aisle_name as string | null) ?? null,
    aisle_name_zh: (p.aisle_name_zh as string | null) ?? '',
    bay: p.bay as string,
    shelf: p.shelf as string,
    price_cents: p.price_cents as number,
    promo_price_cents: (p.promo_price_cents as number | null) ?? null,
    size: p.size as string,
    dietary,
    synonyms: p.synonyms as string,
    barcodes: db.prepare('SELECT code FROM barcodes WHERE product_id = ? ORDER BY code').pluck().all(id) as string[],
    stock: db.prepare('SELECT location, quantity FROM stock WHERE product_id = ? ORDER BY location').all(id) as Array<{ location: string; quantity: number }>,
    map_area: mapRow ? area(mapRow) : null,
  };
}

/** A shopper's search with the facets they chose (the kiosk's and the till's catalog.search). */
export function searchCatalog(search: SearchIndex, input: In<'catalog.search'>): Promise<Out<'catalog.search'>> {
  const facets = {
    ...(input.department !== undefined ? { department: input.department } : {}),
    ...(input.inStock !== undefined ? { inStock: input.inStock } : {}),
    ...(input.dietary !== undefined ? { dietary: input.dietary } : {}),
  };
  return search.search(input.q, { limit: input.limit ?? 20, facets });
}
