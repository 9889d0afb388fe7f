// Runs: node (core). Product search: one SearchIndex per open database holds the in-memory side
// (documents, vocabulary for typos, vectors) and prepared statements; the FTS5 table does
// retrieval and BM25. A query goes: barcode / SKU exact path → query slots (synonyms, plural
// folding, typos, prefix) → FTS5 candidates (all words, then any word if too few) → re-rank in JS
// (words matched, match quality by field, the product's kind, BM25) → optional fusion with semantic
// neighbours (reciprocal rank fusion) → facets.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/database.ts';
import { normalizeBarcode } from '../catalog/barcode.ts';
import { buildDoc, F_BRAND, F_CAT, F_KIND, F_NAME, PRODUCT_SELECT, syncSearchTables, type ProductRow, type SearchDoc } from './document.ts';
import { parseQuery, toMatch, type Alt, type Slot } from './query.ts';
import { buildSynonyms, type SynonymTable } from './synonyms.ts';
import { Vocabulary } from './typo.ts';
import { embedMissing, VectorMatrix, type Embedder } from './vectors.ts';
import { lap, type SearchProfile } from './profile.ts';
import { isHan, stem, tokenize } from './text.ts';
import { glossQuery } from './glossary.ts';

const HAN = /\p{Script=Han}/u;

export type { Embedder } from './vectors.ts';
export type { SearchProfile, SearchStage } from './profile.ts';
export { warmSearch, type WarmResult } from './warm.ts';

export interface SearchFilters {
  department?: string;
  inStock?: boolean;
  /** One tag ("vegan") or several, all required. */
  dietary?: string | string[];
}

export interface SearchOptions {
  limit?: number;
  facets?: SearchFilters;
  /** Overrides the index's embedder for this call (tests); null disables semantic retrieval. */
  embedder?: Embedder | null;
  /** When given, each stage of this search adds its milliseconds here (bench / tuning; off by default). */
  profile?: SearchProfile;
}

/** What a result shows: the document's product fields plus its score. */
export type SearchHit = Pick<SearchDoc, 'id' | 'name' | 'name_zh' | 'brand' | 'department' | 'category_path' | 'aisle' | 'bay' | 'shelf' | 'price_cents' | 'promo_price_cents' | 'stock'> & {
  score: number;
};

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResponse {
  q: string;
  took_ms: number;
  mode: 'barcode' | 'sku' | 'text';
  results: SearchHit[];
  facets: { department: FacetCount[]; inStock: FacetCount[]; dietary: FacetCount[] };
}

interface Ranked {
  doc: SearchDoc;
  score: number;
}

/** The best field a term occurs in decides its quality. */
function fieldQuality(bits: number): number {
  if (bits & F_NAME) return 1;
  if (bits & F_KIND) return 0.8;
  if (bits & F_BRAND) return 0.7;
  return bits ? 0.4 : 0;
}

const CANDIDATES = 300;
const CANDIDATES_FILTERED = 3000;
const RRF_K = 60;
/**
 * Cosine similarity a semantic neighbour needs when the words matched nothing. Measured on the
 * demo catalog with storemind-bert-mini 1.0.0: nonsense ("xkcd zzqq", "asdfgh") tops out at
 * 0.36–0.47, real needs ("dog food", "something for a headache") at 0.58–0.71.
 */
const SEMANTIC_ALONE_MIN_SIM = 0.55;
/** A lexical hit below this share of the best one's score is dropped as padding. */
const PADDING_CUT = 0.7;

export class SearchIndex {
  readonly db: Db;
  embedder: Embedder | null;
  private readonly vocab = new Vocabulary();
  private readonly syn: SynonymTable = buildSynonyms();
  private readonly docs: Array<SearchDoc | undefined> = [];
  private readonly byProduct = new Map<string, number>();
  private gen = 0;
  /** Products with a Chinese name: while there are any, a Chinese question is read against them, not the dictionary. */
  private zhDocs = 0;
  private vectors: VectorMatrix | null = null;
  private readonly st: {
    dirty: BetterSqlite3.Statement;
    maxGen: BetterSqlite3.Statement;
    changed: BetterSqlite3.Statement;
    rows: BetterSqlite3.Statement;
    match: BetterSqlite3.Statement;
    barcode: BetterSqlite3.Statement;
    sku: BetterSqlite3.Statement;
  };

  constructor(db: Db, opts: { embedder?: Embedder | null } = {}) {
    this.db = db;
    this.embedder = opts.embedder ?? null;
    this.st = {
      dirty: db.prepare('SELECT 1 FROM search_dirty LIMIT 1').pluck(),
      // Plain max() so SQLite answers from the gen index without a scan.
      maxGen: db.prepare('SELECT max(gen) FROM search_docs').pluck(),
      changed: db.prepare('SELECT doc_id, product_id, live FROM search_docs WHERE gen > ?'),
      rows: db.prepare(`${PRODUCT_SELECT.replace('FROM products p', ', sd.doc_id AS doc_id FROM products p')} JOIN search_docs sd ON sd.product_id = p.id WHERE sd.gen > ? AND sd.live = 1`),
      // Column weights: name, brand, kind (head noun, category, aisle), synonyms, description.
      match: db.prepare('SELECT rowid AS doc_id, bm25(products_fts, 4.0, 1.5, 3.0, 1.5, 0.5) AS bm FROM products_fts WHERE products_fts MATCH ? ORDER BY bm LIMIT ?').raw(),
      barcode: db.prepare('SELECT product_id FROM barcodes WHERE code = ?').pluck(),
      sku: db.prepare('SELECT id FROM products WHERE sku = ? OR sku = upper(?) OR id = ? LIMIT 1').pluck(),
    };
    this.refresh();
    if (this.embedder) this.reloadVectors();
  }

  get size(): number {
    return this.byProduct.size;
  }

  /** Bytes held by the vector matrix (0 without an embedder). */
  get vectorBytes(): number {
    return this.vectors?.bytes ?? 0;
  }

  /** Brings the index up to date with the catalog (cheap when nothing changed). */
  refresh(): { changed: number } {
    if (this.st.dirty.get() !== undefined) syncSearchTables(this.db);
    const maxGen = (this.st.maxGen.get() as number | null) ?? 0;
    if (maxGen <= this.gen) return { changed: 0 };
    let changed = 0;
    for (const r of this.st.changed.iterate(this.gen) as Iterable<{ doc_id: number; product_id: string; live: number }>) {
      if (!r.live) {
        if (this.docs[r.doc_id]?.name_zh) this.zhDocs--;
        this.docs[r.doc_id] = undefined;
        this.byProduct.delete(r.product_id);
        changed++;
      }
    }
    for (const row of this.st.rows.iterate(this.gen) as Iterable<ProductRow & { doc_id: number }>) {
      const docId = row.doc_id;
      const { doc } = buildDoc(row, docId, (t) => this.vocab.intern(t));
      const old = this.docs[docId];
      this.zhDocs += Number(doc.name_zh !== '') - Number(Boolean(old?.name_zh));
      if (!old) for (const t of doc.terms) this.vocab.add(t);
      else for (const t of doc.terms) if (!old.terms.includes(t)) this.vocab.add(t);
      doc.terms = doc.terms.map((t) => this.vocab.intern(t));
      this.docs[docId] = doc;
      this.byProduct.set(doc.id, docId);
      changed++;
    }
    this.gen = maxGen;
    return { changed };
  }

  /** Reloads vectors of the current embedder's version (after embedMissing, or a new model). */
  reloadVectors(): number {
    this.vectors = this.embedder ? VectorMatrix.load(this.db, this.embedder.version) : null;
    return this.vectors?.size ?? 0;
  }

  /** Embeds products that have no vector for the current embedder version; returns how many. */
  async embedMissing(opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
    if (!this.embedder) return 0;
    this.refresh();
    const n = await embedMissing(this.db, this.embedder, (id) => this.docOf(id)?.embedText, opts);
    this.reloadVectors();
    return n;
  }

  docOf(productId: string): SearchDoc | undefined {
    const d = this.byProduct.get(productId);
    return d === undefined ? undefined : this.docs[d];
  }

  /** Lexical (and barcode/SKU) search, synchronous: what the POS uses on every keystroke. */
  searchSync(q: string, opts: SearchOptions = {}): SearchResponse {
    const t0 = performance.now();
    const { mode, ranked, facets } = this.rank(q, opts.facets ?? {}, CANDIDATES, opts.profile);
    return this.respond(q, t0, mode, ranked, facets, opts.limit, opts.profile);
  }

  /** Lexical + semantic (when an embedder is attached or passed), fused by reciprocal rank. */
  async search(q: string, opts: SearchOptions = {}): Promise<SearchResponse> {
    const t0 = performance.now();
    const embedder = opts.embedder === undefined ? this.embedder : opts.embedder;
    const filters = opts.facets ?? {};
    const prof = opts.profile;
    const lex = this.rank(q, filters, CANDIDATES, prof);
    // The encoder reads English only (its model card): a Chinese query would embed as unknown
    // tokens and bring random neighbours, so Chinese is searched lexically (names, pairs, pinyin).
    if (!embedder || lex.mode !== 'text' || q.trim() === '' || HAN.test(q)) return this.respond(q, t0, lex.mode, lex.ranked, lex.facets, opts.limit, prof);
    if (embedder !== this.embedder) {
      this.embedder = embedder;
      this.reloadVectors();
    }
    if (!this.vectors || this.vectors.size === 0) return this.respond(q, t0, lex.mode, lex.ranked, lex.facets, opts.limit, prof);
    let ts = prof ? performance.now() : 0;
    const [qv] = await embedder.embed([q.slice(0, 1000)]);
    if (prof) ts = lap(prof, 'embed', ts);
    const near = qv ? this.vectors.nearest(qv, 50) : [];
    if (prof) ts = lap(prof, 'vector', ts);
    // Nearest neighbours always exist, even for gibberish. With lexical hits they only re-rank and
    // extend; alone, they must be clearly similar, or a shopper who typed nonsense gets random shelves.
    const sem = lex.ranked.length > 0 ? near : (near[0]?.sim ?? 0) >= SEMANTIC_ALONE_MIN_SIM ? near.filter((n) => n.sim >= SEMANTIC_ALONE_MIN_SIM - 0.05) : [];
    const fused = new Map<number, Ranked>();
    const lexAll = lex.all ?? lex.ranked;
    lexAll.slice(0, 100).forEach((r, i) => fused.set(r.doc.docId, { doc: r.doc, score: 1 / (RRF_K + i + 1) }));
    // What may be shown: a lexical hit above the padding floor, or a clearly similar neighbour.
    const shown = new Set(lex.ranked.map((r) => r.doc.docId));
    // Lexical evidence is precise, semantic evidence is broad: it counts a little less.
    let rank = 0;
    for (const s of sem) {
      const doc = this.docOf(s.id);
      if (!doc || !passes(doc, filters)) continue;
      rank++;
      const cur = fused.get(doc.docId);
      const add = 0.7 / (RRF_K + rank);
      if (cur) cur.score += add;
      else fused.set(doc.docId, { doc, score: add });
      // A neighbour joins the results only when it is clearly similar, not as padding.
      if (s.sim >= SEMANTIC_ALONE_MIN_SIM - 0.05) shown.add(doc.docId);
    }
    const ranked = [...fused.values()].filter((r) => shown.has(r.doc.docId)).sort((a, b) => b.score - a.score);
    if (prof) lap(prof, 'fusion', ts);
    return this.respond(q, t0, lex.mode, ranked, lex.facets, opts.limit, prof);
  }

  private respond(q: string, t0: number, mode: SearchResponse['mode'], ranked: Ranked[], facets: SearchResponse['facets'], limit = 20, prof?: SearchProfile): SearchResponse {
    const th = prof ? performance.now() : 0;
    const n = Math.max(1, Math.min(50, Math.floor(limit)));
    const results = ranked.slice(0, n).map(({ doc, score }) => ({
      id: doc.id,
      name: doc.name,
      name_zh: doc.name_zh,
      brand: doc.brand,
      department: doc.department,
      category_path: doc.category_path,
      aisle: doc.aisle,
      bay: doc.bay,
      shelf: doc.shelf,
      price_cents: doc.price_cents,
      promo_price_cents: doc.promo_price_cents,
      stock: doc.stock,
      score: Math.round(score * 10000) / 10000,
    }));
    if (prof) lap(prof, 'hydrate', th);
    return { q, took_ms: Math.round((performance.now() - t0) * 1000) / 1000, mode, results, facets };
  }

  /**
   * The query as this catalog can read it: a Chinese question against a catalog without Chinese
   * names is searched by its English meaning (glossary.ts), keeping the words the catalog uses.
   */
  private readable(q: string): string {
    // A catalog with Chinese names answers in them (a question naming nothing it sells finds nothing).
    if (this.zhDocs > 0 || !HAN.test(q)) return q;
    const han = tokenize(q).filter(isHan);
    if (han.length === 0) return q;
    const english = glossQuery(q);
    if (!english) return q;
    const words = english.split(' ');
    const known = words.filter((w) => this.vocab.has(stem(w.toLowerCase())));
    return `${q.replace(/\p{Script=Han}+/gu, ' ')} ${(known.length ? known : words).join(' ')}`;
  }

  private rank(q: string, filters: SearchFilters, candidates: number, prof?: SearchProfile): { mode: SearchResponse['mode']; ranked: Ranked[]; facets: SearchResponse['facets']; all?: Ranked[] } {
    let ts = prof ? performance.now() : 0;
    this.refresh();
    if (prof) ts = lap(prof, 'refresh', ts);
    const exact = this.exactLookup(q);
    if (exact) {
      const ranked = exact.docs.filter((d) => passes(d, filters)).map((doc) => ({ doc, score: 1 }));
      return { mode: exact.mode, ranked, facets: facetsOf(exact.docs) };
    }
    // Typo / synonym / prefix work inside parseQuery is timed apart; "parse" is what is left.
    const inner = prof ? (prof.typo ?? 0) + (prof.synonyms ?? 0) + (prof.prefix ?? 0) : 0;
    const { slots } = parseQuery(this.readable(q), this.vocab, this.syn, prof);
    if (prof) {
      ts = lap(prof, 'parse', ts);
      prof.parse = (prof.parse ?? 0) - ((prof.typo ?? 0) + (prof.synonyms ?? 0) + (prof.prefix ?? 0) - inner);
    }
    const filtered = filters.department !== undefined || filters.inStock !== undefined || filters.dietary !== undefined;
    const n = filtered ? CANDIDATES_FILTERED : candidates;
    const bm = new Map<number, number>();
    this.collect(toMatch(slots, 'and'), n, bm);
    // Too few? Relax like Meilisearch's "last" strategy: drop words from the end, one at a time.
    // Each step is still an AND, so it stays selective (and fast) where a plain OR would not.
    for (let keep = slots.length - 1; bm.size < 20 && keep >= 1; keep--) this.collect(toMatch(slots.slice(0, keep), 'and'), n, bm);
    if (bm.size === 0 && slots.length > 1) this.collect(toMatch(slots.slice(1), 'or'), n, bm);
    if (prof) ts = lap(prof, 'fts', ts);
    const all: Ranked[] = [];
    let worst = 0;
    let best = 0;
    for (const v of bm.values()) {
      worst = Math.max(worst, v);
      best = Math.min(best, v);
    }
    const span = worst - best || 1;
    const heads: SearchDoc[] = [];
    for (const [docId, b] of bm) {
      const doc = this.docs[docId];
      if (!doc) continue;
      const s = scoreDoc(doc, slots);
      if (s.head > 0) heads.push(doc);
      all.push({ doc, score: s.total + 0.3 * ((worst - b) / span) });
    }
    // Category prior: among products that ARE what the query names (head noun match), which aisles
    // do they live in? Products of those aisles rank up, so "peanut butter" prefers the spreads
    // aisle over a granola bar that happens to end in "peanut butter".
    if (heads.length >= 3) {
      const share = new Map<string, number>();
      for (const d of heads) share.set(d.aisle, (share.get(d.aisle) ?? 0) + 1 / heads.length);
      for (const r of all) r.score += 0.8 * (share.get(r.doc.aisle) ?? 0);
    }
    if (prof) ts = lap(prof, 'rank', ts);
    const facets = facetsOf(all.map((r) => r.doc));
    if (prof) ts = lap(prof, 'facets', ts);
    const sorted = all.filter((r) => passes(r.doc, filters)).sort((a, b) => b.score - a.score || a.doc.name.length - b.doc.name.length);
    // Fewer, right results beat many: a product scoring far below the best match is padding
    // (pretzels for "9v battery", the bakery for "bateries"), not an answer.
    const floor = (sorted[0]?.score ?? 0) * PADDING_CUT;
    const ranked = sorted.filter((r) => r.score >= floor);
    if (prof) lap(prof, 'rank', ts);
    // `all` keeps the tail: fusion still reads its ranks (a semantic match the words found weakly).
    return { mode: 'text', ranked, facets, all: sorted };
  }

  private collect(expr: string | null, n: number, into: Map<number, number>): void {
    if (!expr) return;
    let rows: Array<[number, number]>;
    try {
      rows = this.st.match.all(expr, n) as Array<[number, number]>;
    } catch {
      // Our expressions are built from quoted tokens only; if FTS5 still refuses one, the shopper
      // gets fewer results rather than an SQL error.
      return;
    }
    for (const [docId, b] of rows) if (!into.has(docId)) into.set(docId, b);
  }

  private exactLookup(q: string): { mode: 'barcode' | 'sku'; docs: SearchDoc[] } | null {
    const t = q.trim();
    if (t.length === 0 || t.length > 64) return null;
    const compact = t.replace(/[\s-]/g, '');
    if (/^\d{8,14}$/.test(compact)) {
      const code = normalizeBarcode(compact);
      if (code) {
        const pid = this.st.barcode.get(code) as string | undefined;
        const doc = pid ? this.docOf(pid) : undefined;
        // A valid code we do not carry is still a scan: say "not found" rather than text-search digits.
        return { mode: 'barcode', docs: doc ? [doc] : [] };
      }
    }
    if (/^[A-Za-z0-9][A-Za-z0-9._-]{1,40}$/.test(t) && /\d/.test(t)) {
      const pid = this.st.sku.get(t, t, t) as string | undefined;
      const doc = pid ? this.docOf(pid) : undefined;
      if (doc) return { mode: 'sku', docs: [doc] };
    }
    return null;
  }
}

function termBits(doc: SearchDoc, term: string, prefix: boolean): number {
  let bits = 0;
  const { terms, fields } = doc;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (t === term || (prefix && t.startsWith(term))) bits |= fields[i]!;
  }
  return bits;
}

function altQuality(doc: SearchDoc, alt: Alt): number {
  let q = 1;
  for (let i = 0; i < alt.terms.length; i++) {
    const bits = termBits(doc, alt.terms[i]!, alt.prefix && i === alt.terms.length - 1);
    const fq = fieldQuality(bits) + (bits & F_NAME && bits & F_KIND ? 0.2 : 0);
    if (fq === 0) return 0;
    q = Math.min(q, fq);
  }
  return q * alt.weight;
}

function headMatches(doc: SearchDoc, alt: Alt, term: string | null): boolean {
  if (!term) return false;
  const last = alt.terms[alt.terms.length - 1]!;
  return alt.prefix ? term.startsWith(last) : term === last;
}

/**
 * Meilisearch-like bucket order folded into one number: how many query words matched dominates,
 * then how well (name > kind > brand > other; exact > synonym/prefix > typo), then whether the
 * product IS what the query names (its head noun), which puts jars of peanut butter above peanut
 * butter cookies.
 */
export function scoreDoc(doc: SearchDoc, slots: Slot[]): { total: number; head: number } {
  if (slots.length === 0) return { total: 0, head: 0 };
  let matched = 0;
  let quality = 0;
  for (const s of slots) {
    let best = 0;
    for (const a of s.alts) best = Math.max(best, altQuality(doc, a));
    if (best > 0) matched++;
    quality += best;
  }
  let head = 0;
  const last = slots[slots.length - 1]!;
  for (const a of last.alts) {
    if (!headMatches(doc, a, doc.head)) continue;
    let h = a.weight;
    if (a.terms.length > 1) {
      const before = { ...a, terms: a.terms.slice(0, -1), prefix: false };
      if (headMatches(doc, before, doc.prev)) h += 0.5 * a.weight;
    } else if (slots.length > 1) {
      const prevSlot = slots[slots.length - 2]!;
      if (prevSlot.alts.some((pa) => headMatches(doc, pa, doc.prev))) h += 0.5;
    }
    head = Math.max(head, h);
  }
  // A Chinese name ends with what the product is: the query's last word against that end.
  if (head === 0 && doc.zhHeads.length > 0) {
    const before = slots.length > 1 ? slots[slots.length - 2]! : null;
    for (const a of last.alts) {
      const t = a.terms[a.terms.length - 1]!;
      if (!(a.prefix ? doc.zhHeads.some((hd) => hd.startsWith(t)) : doc.zhHeads.includes(t))) continue;
      const h = a.weight + (before?.alts.some((pa) => pa.terms[pa.terms.length - 1] === doc.zhPrev) ? 0.5 : 0);
      head = Math.max(head, h);
    }
  }
  // The query names the shelf ("butter", "frozen pizza"): every word is in the category or aisle name.
  // A typo correction that names a shelf counts as much as it is likely ("bakery" for "bateries" hardly).
  let shelf = 1;
  for (const s of slots) {
    let w = 0;
    for (const a of s.alts) if (a.terms.every((t) => termBits(doc, t, false) & F_CAT)) w = Math.max(w, a.kind === 'typo' ? a.weight : 1);
    shelf = Math.min(shelf, w);
  }
  // Exactness: a name made of just the query's words ("Bananas") beats one that also says much else.
  const words = slots.reduce((n, s) => n + s.words.length, 0);
  const extra = Math.max(0, doc.nameLen - words);
  const exact = matched === slots.length ? (extra === 0 ? 0.6 : -Math.min(0.3, 0.04 * extra)) : 0;
  return { total: (4 * matched) / slots.length + quality / slots.length + 1.2 * head + shelf + exact, head };
}

function passes(doc: SearchDoc, f: SearchFilters): boolean {
  if (f.department !== undefined && doc.department.toLowerCase() !== f.department.toLowerCase()) return false;
  if (f.inStock !== undefined && doc.stock > 0 !== f.inStock) return false;
  if (f.dietary !== undefined) {
    const need = Array.isArray(f.dietary) ? f.dietary : [f.dietary];
    for (const d of need) if (!doc.dietary.includes(d)) return false;
  }
  return true;
}

/**
 * One collator made at load: the first localeCompare of a process sets up ICU (~10 ms measured on
 * the first query after start, #21); Intl.Collator() with no arguments orders exactly as it does.
 */
const collator = new Intl.Collator();

function facetsOf(docs: SearchDoc[]): SearchResponse['facets'] {
  const dept = new Map<string, number>();
  const diet = new Map<string, number>();
  let inStock = 0;
  for (const d of docs) {
    dept.set(d.department, (dept.get(d.department) ?? 0) + 1);
    for (const t of d.dietary) diet.set(t, (diet.get(t) ?? 0) + 1);
    if (d.stock > 0) inStock++;
  }
  const list = (m: Map<string, number>) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
  return {
    department: list(dept),
    inStock: [
      { value: 'in_stock', count: inStock },
      { value: 'out_of_stock', count: docs.length - inStock },
    ],
    dietary: list(diet),
  };
}

const indexes = new WeakMap<Db, SearchIndex>();

/** The search index of this database, built on first use and kept for the life of the connection. */
export function createSearchIndex(db: Db, opts: { embedder?: Embedder | null } = {}): SearchIndex {
  let idx = indexes.get(db);
  if (!idx) {
    idx = new SearchIndex(db, opts);
    indexes.set(db, idx);
  } else if (opts.embedder !== undefined && opts.embedder !== idx.embedder) {
    idx.embedder = opts.embedder;
    idx.reloadVectors();
  }
  return idx;
}

/** Convenience: search this database (builds its index on first use). */
export function search(db: Db, q: string, opts: SearchOptions = {}): Promise<SearchResponse> {
  return createSearchIndex(db).search(q, opts);
}
