// Runs: node (tests). Search over the seeded demo store in a real SQLite file: exact paths, typos,
// plurals, synonyms and needs, category-aware ranking, hostile input, facets, freshness, vectors, CLI.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { productDetail, searchCatalog, storeMap } from '../../../electron/core/catalog/views.ts';
import { createSearchIndex, search, type Embedder, type SearchIndex } from '../../../electron/core/search/engine.ts';
import { catalogImportCommand, searchCommand } from '../../../electron/core/search/cli.ts';
import { catalogOps } from '../../../common/api/catalog.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir();
let db: Db;
let index: SearchIndex;

beforeAll(() => {
  db = openDatabase(path.join(dir, 'search.db'));
  seedDemoStore(db);
  index = createSearchIndex(db);
});

const names = (q: string, n = 5, opts = {}) => index.searchSync(q, { limit: n, ...opts }).results.map((r) => r.name);

describe('exact paths', () => {
  it('finds a product by its EAN-13, its UPC-A form, and by SKU', () => {
    const row = db.prepare("SELECT b.code, p.id, p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.name LIKE '%Almond Milk%' LIMIT 1").get() as { code: string; id: string; sku: string };
    const byEan = index.searchSync(row.code);
    expect(byEan.mode).toBe('barcode');
    expect(byEan.results.map((r) => r.id)).toEqual([row.id]);
    expect(index.searchSync(row.code.slice(1)).results.map((r) => r.id)).toEqual([row.id]); // scanner sends UPC-A
    const bySku = index.searchSync(row.sku.toLowerCase());
    expect(bySku.mode).toBe('sku');
    expect(bySku.results[0]!.id).toBe(row.id);
  });
  it('answers an unknown but valid barcode with no results instead of a text search', () => {
    const r = index.searchSync('4006381333931');
    expect(r).toMatchObject({ mode: 'barcode', results: [] });
  });
});

describe('text search', () => {
  it('tolerates typos: "almnd milk" finds almond milk', () => {
    expect(names('almnd milk').every((n) => /Almond Milk/.test(n))).toBe(true);
    expect(names('shampo', 3).every((n) => /Shampoo/.test(n))).toBe(true);
  });
  it('folds plurals both ways', () => {
    expect(names('battery', 3).every((n) => /Batter(y|ies)/.test(n))).toBe(true);
    expect(names('tomatoes', 3).some((n) => /Tomato/.test(n))).toBe(true);
    expect(names('cookie', 3).every((n) => /Cookie/.test(n))).toBe(true);
  });
  it('uses synonyms and needs', () => {
    expect(names('paracetamol', 3).every((n) => /Acetaminophen/.test(n))).toBe(true);
    expect(names('something for a headache', 5).every((n) => /Acetaminophen|Ibuprofen|Aspirin|Naproxen|Migraine/.test(n))).toBe(true);
    expect(names('something to wash dishes', 3).every((n) => /Dish/.test(n))).toBe(true);
    expect(names('tin foil', 1)[0]).toMatch(/Aluminum Foil/);
  });
  it('ranks what the query names above products that merely mention it', () => {
    const top = names('peanut butter', 8);
    expect(top.slice(0, 5).every((n) => /Peanut Butter$/.test(n))).toBe(true);
    const cookies = top.concat(names('peanut butter', 40)).findIndex((n) => /Cookies|Cups|Crackers/.test(n));
    expect(cookies === -1 || cookies >= 5).toBe(true);
    expect(names('almond milk', 4).every((n) => /Almond Milk$/.test(n))).toBe(true);
  });
  it('is safe with FTS5 syntax characters and a 1,000-character query', () => {
    for (const q of ['"', '*', 'NEAR(milk almond)', 'milk -almond', 'milk:', '"almond', 'AND OR NOT', '(', ')', '^', 'col:name milk', '\u0000', '💥']) {
      expect(() => index.searchSync(q), q).not.toThrow();
    }
    expect(index.searchSync('milk -almond').results.length).toBeGreaterThan(0);
    const long = index.searchSync('organic almond milk unsweetened '.repeat(40).slice(0, 1000));
    expect(long.results.length).toBeGreaterThan(0);
    expect(index.searchSync('').results).toEqual([]);
  });
});

describe('facets', () => {
  it('counts departments, stock and dietary tags, and filters by them', () => {
    const all = index.searchSync('milk', { limit: 50 });
    expect(all.facets.department.map((f) => f.value)).toContain('Dairy & Eggs');
    const vegan = index.searchSync('milk', { limit: 50, facets: { dietary: 'vegan' } });
    expect(vegan.results.length).toBeGreaterThan(0);
    expect(vegan.results.every((r) => !/^(Meadowbrook|Clover Hill)/.test(r.name))).toBe(true);
    const dairy = index.searchSync('chocolate', { limit: 50, facets: { department: 'Dairy & Eggs' } });
    expect(dairy.results.every((r) => r.department === 'Dairy & Eggs')).toBe(true);
    const inStock = index.searchSync('milk', { limit: 50, facets: { inStock: true } });
    expect(inStock.results.every((r) => r.stock > 0)).toBe(true);
    const counts = Object.fromEntries(all.facets.inStock.map((f) => [f.value, f.count]));
    expect(counts.in_stock! + counts.out_of_stock!).toBeGreaterThanOrEqual(all.results.length);
  });
});

describe('freshness', () => {
  it('sees product and stock changes made by plain SQL', () => {
    const id = index.searchSync('kombucha').results[0]!.id;
    db.prepare("UPDATE stock SET quantity = 0 WHERE product_id = ? AND location = 'store'").run(id);
    expect(index.searchSync('kombucha').results.find((r) => r.id === id)!.stock).toBe(0);
    db.prepare("UPDATE products SET name = 'Zanzibar Fizz Kombucha' WHERE id = ?").run(id);
    expect(index.searchSync('zanzibar').results.map((r) => r.id)).toEqual([id]);
    db.prepare('UPDATE products SET active = 0 WHERE id = ?').run(id);
    expect(index.searchSync('zanzibar').results).toEqual([]);
  });
});

/** A deterministic stand-in for the on-device encoder: bag of hashed character trigrams. */
function trigramEmbedder(dim = 64): Embedder & { calls: number } {
  const e = {
    version: 'test-trigram-1',
    calls: 0,
    async embed(texts: string[]) {
      e.calls++;
      return texts.map((t) => {
        const v = new Float32Array(dim);
        const s = ` ${t.toLowerCase()} `;
        for (let i = 0; i + 3 <= s.length; i++) {
          let h = 0;
          for (let k = 0; k < 3; k++) h = (h * 31 + s.charCodeAt(i + k)) >>> 0;
          v[h % dim]! += 1;
        }
        return v;
      });
    },
  };
  return e;
}

describe('semantic retrieval', () => {
  it('stores vectors, fuses semantic neighbours and keeps lexical hits on top', async () => {
    const vdb = openDatabase(path.join(dir, 'vectors.db'));
    seedDemoStore(vdb);
    const embedder = trigramEmbedder();
    const vindex = createSearchIndex(vdb, { embedder });
    const made = await vindex.embedMissing();
    expect(made).toBe(vdb.prepare('SELECT count(*) FROM products WHERE active = 1').pluck().get());
    expect(vdb.prepare('SELECT DISTINCT dim FROM product_vectors').pluck().all()).toEqual([64]);
    expect(await vindex.embedMissing()).toBe(0); // idempotent
    const r = await vindex.search('almond milk', { limit: 5 });
    expect(r.results[0]!.name).toMatch(/Almond Milk/);
    // A word no product contains still reaches neighbours through the vectors.
    const fuzzy = await vindex.search('almondmilks', { limit: 5 });
    expect(fuzzy.results.length).toBeGreaterThan(0);
    // A renamed product loses its stale vector and gets a new one.
    const id = r.results[0]!.id;
    vdb.prepare("UPDATE products SET name = 'Almondale Silk Almond Milk' WHERE id = ?").run(id);
    expect(vdb.prepare('SELECT count(*) FROM product_vectors WHERE product_id = ?').pluck().get(id)).toBe(0);
    expect(await vindex.embedMissing()).toBe(1);
    vdb.close();
  });
});

describe('API handlers and CLI', () => {
  it('serves search, product detail with its map area, and the store map', async () => {
    const input = catalogOps['catalog.search'].input.parse({ q: 'aa batteries', limit: 3 });
    const out = catalogOps['catalog.search'].output.parse(await searchCatalog(index, input));
    expect(out.results[0]!.name).toMatch(/AA/);
    const detail = catalogOps['catalog.product'].output.parse(productDetail(db, out.results[0]!.id));
    expect(detail.barcodes[0]).toMatch(/^\d{13}$/);
    expect(detail.map_area).toMatchObject({ id: detail.aisle, kind: 'aisle', name: 'Electronics' });
    const map = catalogOps['catalog.storeMap'].output.parse(storeMap(db));
    expect(map.areas.filter((a) => a.kind === 'aisle')).toHaveLength(14);
    expect(() => productDetail(db, 'nope')).toThrow(/No product/);
    expect(catalogOps['catalog.search'].input.safeParse({ q: 'x'.repeat(1001) }).success).toBe(false);
  });

  it('prints human, JSON and batch output', async () => {
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    await searchCommand({ db, query: 'oat milk', limit: 3, out });
    expect(lines[0]).toMatch(/^"oat milk": 3 results in [\d.]+ ms \(text\)$/);
    expect(lines[1]).toMatch(/Oat Milk +aisle A2, bay \d+, shelf \d/);
    lines.length = 0;
    const batch = path.join(dir, 'queries.txt');
    fs.writeFileSync(batch, 'almond milk\n\nAA batteries\r\n');
    await searchCommand({ db, batchFile: batch, json: true, limit: 2, out });
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(['q', 'took_ms', 'results']);
    expect(Object.keys(first.results[0])).toEqual(['id', 'name', 'aisle', 'department', 'score']);
    await expect(searchCommand({ db, query: '', out })).rejects.toThrow(/Give a query/);
    lines.length = 0;
    const csv = path.join(dir, 'cli.csv');
    fs.writeFileSync(csv, 'sku_code,title,dept,usd\nX-1,Quince Paste,Pantry,5.49\n');
    await catalogImportCommand({ db, file: csv, map: 'id=sku_code,name=title,department=dept,price=usd', out });
    expect(lines[0]).toMatch(/1 new, 0 updated, 0 rejected/);
    expect((await search(db, 'quince')).results[0]!.id).toBe('X-1');
  });
});
