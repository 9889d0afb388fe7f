// Runs: node (core). What the search index knows about one product: the FTS columns (our own
// normalised, plural-folded text, so index and query agree) and the in-memory fields used to rank
// and facet (terms per field, head noun, department, dietary tags, stock).
import type { Db } from '../db/database.ts';
import { productAttributes, type ProductColumns } from '../catalog/products.ts';
import { headNoun, isSizeWord, stems, tokenize } from './text.ts';
import { pinyinSuffixes, pinyinTerms } from './pinyin.ts';

export interface ProductRow extends ProductColumns {
  stock: number | null;
  aisle_name: string | null;
}

/** Field bits for a term in a document. */
export const F_NAME = 1;
export const F_KIND = 2;
export const F_BRAND = 4;
export const F_OTHER = 8;
/** Category path and aisle name words: the shelf the product sits on. */
export const F_CAT = 16;

export interface SearchDoc {
  docId: number;
  id: string;
  name: string;
  /** The Chinese name, '' when the catalog has none. */
  name_zh: string;
  brand: string;
  department: string;
  category_path: string;
  aisle: string;
  bay: string;
  shelf: string;
  price_cents: number;
  promo_price_cents: number | null;
  stock: number;
  dietary: string[];
  /** Distinct terms and, in parallel, the fields each occurs in (F_* bits). */
  terms: string[];
  fields: Uint8Array;
  /** Content words in the name (no sizes), for the exactness bonus. */
  nameLen: number;
  head: string | null;
  prev: string | null;
  /**
   * What the product IS in Chinese, which ends a Chinese name (花生酱夹心饼干 is 饼干): the name's
   * last character pair, and in pinyin each run of its final words ("jiang", "huashengjiang").
   */
  zhHeads: string[];
  /** The pair before the last one (花生 in 花生酱), for a two-pair query. */
  zhPrev: string | null;
  /** Words of the name, for the result text the embedder sees. */
  embedText: string;
}

export interface FtsColumns {
  name: string;
  brand: string;
  kind: string;
  synonyms: string;
  description: string;
}

/** Joins rows the index needs: product, store-floor stock, aisle name from the store map. */
export const PRODUCT_SELECT = `
  SELECT p.id, p.sku, p.name, p.brand, p.description, p.department, p.category_path, p.aisle, p.bay, p.shelf,
         p.price_cents, p.promo_price_cents, p.size, p.attributes, p.synonyms, p.active,
         (SELECT quantity FROM stock s WHERE s.product_id = p.id AND s.location = 'store') AS stock,
         (SELECT name FROM store_map m WHERE m.id = p.aisle) AS aisle_name
  FROM products p`;

const MAX_DESC_WORDS = 60;

export function buildDoc(row: ProductRow, docId: number, intern: (t: string) => string = (t) => t): { doc: SearchDoc; fts: FtsColumns } {
  const nameS = stems(row.name);
  const brandS = stems(row.brand);
  const { head, prev } = headNoun(stems(row.name.split(/,| - /)[0] ?? row.name));
  const category = row.category_path.split('>').map((s) => s.trim()).filter(Boolean);
  const catS = [...category.flatMap(stems), ...stems(row.aisle_name ?? ''), ...stems(row.department)];
  const kindS = [...(prev ? [prev] : []), ...(head ? [head] : []), ...catS];
  const synS = stems(row.synonyms.replace(/;/g, ' '));
  const descS = stems(row.description).slice(0, MAX_DESC_WORDS);
  const { dietary, zh } = productAttributes(row.attributes);
  // Chinese: the name as a name, the shelf as the kind, synonyms as other words; pinyin beside each.
  const zhNameS = tokenize(zh.name);
  const zhCatS = tokenize(zh.category);
  const zhSynS = tokenize(zh.synonyms.replace(/;/g, ' '));
  const pyName = pinyinTerms(zh.name);
  const pyOther = pinyinTerms(`${zh.synonyms.replace(/;/g, ' ')} ${zh.category}`);
  const dietS = dietary.flatMap((d) => stems(d.replace(/_/g, ' ')));

  const fieldOf = new Map<string, number>();
  const mark = (list: string[], bit: number) => {
    for (const t of list) fieldOf.set(t, (fieldOf.get(t) ?? 0) | bit);
  };
  mark(nameS, F_NAME);
  mark(kindS, F_KIND);
  mark(catS, F_CAT);
  mark(brandS, F_BRAND);
  mark(synS, F_OTHER);
  mark(descS, F_OTHER);
  mark(dietS, F_OTHER);
  mark(zhNameS, F_NAME);
  mark(pyName, F_NAME);
  mark(zhCatS, F_CAT | F_KIND);
  mark(zhSynS, F_OTHER);
  mark(pyOther, F_OTHER);
  const terms = [...fieldOf.keys()].map(intern);
  const fields = Uint8Array.from(fieldOf.values());
  return {
    doc: {
      docId,
      id: row.id,
      name: row.name,
      name_zh: zh.name,
      brand: row.brand,
      department: row.department,
      category_path: row.category_path,
      aisle: row.aisle,
      bay: row.bay,
      shelf: row.shelf,
      price_cents: row.price_cents,
      promo_price_cents: row.promo_price_cents,
      stock: row.stock ?? 0,
      dietary,
      terms,
      fields,
      nameLen: new Set(nameS.filter((t) => !isSizeWord(t))).size,
      head: head ? intern(head) : null,
      prev: prev ? intern(prev) : null,
      zhHeads: [...(zhNameS.length ? [zhNameS.at(-1)!] : []), ...pinyinSuffixes(zh.name)].map(intern),
      zhPrev: zhNameS.length > 1 ? intern(zhNameS.at(-2)!) : null,
      embedText: [row.name, row.brand, category.join(' '), row.aisle_name ?? '', row.synonyms].filter(Boolean).join('. '),
    },
    fts: {
      name: [...nameS, ...zhNameS, ...pyName].join(' '),
      brand: brandS.join(' '),
      kind: [...kindS, ...zhCatS].join(' '),
      synonyms: [...synS, ...dietS, ...zhSynS, ...pyOther].join(' '),
      description: descS.join(' '),
    },
  };
}

/**
 * Drains search_dirty into search_docs and the FTS table, in one (nested) transaction. Safe to call
 * from anywhere (import, the search index); returns the generation it wrote, or null if idle.
 */
export function syncSearchTables(db: Db): number | null {
  const first = db.prepare('SELECT product_id FROM search_dirty LIMIT 1').pluck().get();
  if (first === undefined) return null;
  const run = db.transaction(() => {
    const ids = db.prepare('SELECT product_id FROM search_dirty').pluck().all() as string[];
    const gen = ((db.prepare('SELECT max(gen) FROM search_docs').pluck().get() as number | null) ?? 0) + 1;
    const getRow = db.prepare(`${PRODUCT_SELECT} WHERE p.id = ?`);
    const getDoc = db.prepare('SELECT doc_id, live FROM search_docs WHERE product_id = ?');
    const insDoc = db.prepare('INSERT INTO search_docs (product_id, gen, live) VALUES (?, ?, ?)');
    const updDoc = db.prepare('UPDATE search_docs SET gen = ?, live = ? WHERE doc_id = ?');
    const delFts = db.prepare('DELETE FROM products_fts WHERE rowid = ?');
    const insFts = db.prepare('INSERT INTO products_fts (rowid, name, brand, kind, synonyms, description) VALUES (?, ?, ?, ?, ?, ?)');
    for (const id of ids) {
      const row = getRow.get(id) as ProductRow | undefined;
      const live = row !== undefined && row.active === 1;
      const existing = getDoc.get(id) as { doc_id: number; live: number } | undefined;
      let docId: number;
      if (existing) {
        docId = existing.doc_id;
        if (existing.live) delFts.run(docId);
        updDoc.run(gen, live ? 1 : 0, docId);
      } else {
        if (!live) continue;
        docId = Number(insDoc.run(id, gen, 1).lastInsertRowid);
      }
      if (live) {
        const { fts } = buildDoc(row, docId);
        insFts.run(docId, fts.name, fts.brand, fts.kind, fts.synonyms, fts.description);
      }
    }
    db.prepare('DELETE FROM search_dirty').run();
    return gen;
  });
  return run();
}
