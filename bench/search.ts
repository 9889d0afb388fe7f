// Runs: node (bench). `npm run bench -- --only search`, or `node --import tsx bench/search.ts`.
// Imports the Instacart catalog (../shared/datasets/instacart_products, ~50k products; never
// committed) into a temp SQLite file, then runs the project's judged query set
// (bench/data/search-queries.jsonl) through StoreMind search, MiniSearch and Orama indexing the
// same products (name, aisle, department; fuzzy and prefix on), and reports precision@5,
// success@1, nDCG@10 and latency side by side, plus import time and database size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { openDatabase } from '../electron/core/db/database.ts';
import { importCatalogCsv } from '../electron/core/catalog/import.ts';
import { createSearchIndex } from '../electron/core/search/engine.ts';
import { loadEncoder } from '../electron/core/models/encoder.ts';
import type { BenchRow } from './core.ts';

const DATASET = process.env.STOREMIND_INSTACART ?? path.resolve(import.meta.dirname, '../../shared/datasets/instacart_products');
const QUERIES = path.join(import.meta.dirname, 'data/search-queries.jsonl');
const ENCODER = path.resolve(import.meta.dirname, '../native-models/bundles/storemind-bert-mini');

interface Judged {
  q: string;
  aisles: string[];
  names: string[];
  tag: string;
}

interface Doc {
  id: string;
  name: string;
  aisle: string;
  department: string;
}

type Engine = { name: string; run: (q: string) => string[] | Promise<string[]> };

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function isRelevant(j: Judged, d: Doc): boolean {
  if (j.aisles.length && !j.aisles.includes(d.aisle)) return false;
  const n = d.name.toLowerCase();
  return j.names.length === 0 || j.names.some((s) => n.includes(s));
}

/** Binary-gain nDCG@k; the ideal ranking has min(k, relevant products in the catalog) hits. */
function ndcg(rels: boolean[], totalRelevant: number, k = 10): number {
  let dcg = 0;
  rels.slice(0, k).forEach((r, i) => (dcg += r ? 1 / Math.log2(i + 2) : 0));
  let idcg = 0;
  for (let i = 0; i < Math.min(k, totalRelevant); i++) idcg += 1 / Math.log2(i + 2);
  return idcg ? dcg / idcg : 0;
}

export async function benchSearch(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (!fs.existsSync(path.join(DATASET, 'products.csv'))) {
    console.log(`(search: Instacart catalog not found at ${DATASET}; set STOREMIND_INSTACART)`);
    return rows;
  }
  const judged = fs.readFileSync(QUERIES, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Judged);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-search-bench-'));
  try {
    const file = path.join(dir, 'bench.db');
    const db = openDatabase(file);
    const imp = await importCatalogCsv(db, DATASET, { format: 'instacart' });
    rows.push({ bench: 'search', metric: `import Instacart catalog (${imp.inserted} products, FTS index, no vectors)`, value: imp.took_ms / 1000, unit: 's', target: '≤ 180 s incl. embeddings' });
    let t = performance.now();
    const index = createSearchIndex(db);
    rows.push({ bench: 'search', metric: 'open search index (load docs, vocabulary)', value: performance.now() - t, unit: 'ms' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    rows.push({ bench: 'search', metric: 'database file size (catalog + FTS index)', value: fs.statSync(file).size / 2 ** 20, unit: 'MiB', target: '≤ 150 MB with vectors' });

    const aisleNames = new Map((db.prepare("SELECT id, lower(name) AS name FROM store_map WHERE kind = 'aisle'").all() as Array<{ id: string; name: string }>).map((r) => [r.id, r.name]));
    const docs: Doc[] = (db.prepare('SELECT id, name, aisle, department FROM products WHERE active = 1').all() as Doc[]).map((d) => ({ ...d, aisle: aisleNames.get(d.aisle) ?? '' }));
    const byId = new Map(docs.map((d) => [d.id, d]));
    const totals = judged.map((j) => docs.filter((d) => isRelevant(j, d)).length);

    t = performance.now();
    const mini = new MiniSearch<Doc>({ fields: ['name', 'aisle', 'department'], storeFields: ['id'], searchOptions: { boost: { name: 2 }, fuzzy: 0.2, prefix: true } });
    mini.addAll(docs);
    rows.push({ bench: 'search', metric: 'MiniSearch index build', value: performance.now() - t, unit: 'ms' });
    t = performance.now();
    const orama = create({ schema: { id: 'string', name: 'string', aisle: 'string', department: 'string' } as const });
    await insertMultiple(orama, docs);
    rows.push({ bench: 'search', metric: 'Orama index build', value: performance.now() - t, unit: 'ms' });

    // Semantic side: embed every product with the shipped encoder (as an import does on a
    // terminal), then measure the hybrid search (lexical + vectors fused) next to lexical only.
    const encoder = fs.existsSync(path.join(ENCODER, 'manifest.json')) ? await loadEncoder(ENCODER) : null;
    if (encoder) {
      index.embedder = { version: `${encoder.modelInfo.name}@${encoder.modelInfo.version}`, embed: (texts) => encoder.embed(texts) };
      t = performance.now();
      const embedded = await index.embedMissing();
      index.reloadVectors();
      const embedS = (performance.now() - t) / 1000;
      rows.push({ bench: 'search', metric: `embed ${embedded} products with ${encoder.modelInfo.name} ${encoder.modelInfo.variant}`, value: embedS, unit: 's' });
      rows.push({ bench: 'search', metric: 'import + embeddings, total', value: imp.took_ms / 1000 + embedS, unit: 's', target: '≤ 180 s' });
      db.pragma('wal_checkpoint(TRUNCATE)');
      rows.push({ bench: 'search', metric: 'database file size with vectors', value: fs.statSync(file).size / 2 ** 20, unit: 'MiB', target: '≤ 150 MB' });
    }

    const engines: Engine[] = [
      { name: 'StoreMind', run: (q) => index.searchSync(q, { limit: 10 }).results.map((r) => r.id) },
      ...(encoder ? [{ name: 'StoreMind hybrid (lexical + BERT vectors, RRF)', run: async (q: string) => (await index.search(q, { limit: 10 })).results.map((r) => r.id) }] : []),
      { name: 'MiniSearch', run: (q) => mini.search(q).slice(0, 10).map((r) => String(r.id)) },
      {
        name: 'Orama',
        run: async (q) => {
          const r = await oramaSearch(orama, { term: q, properties: ['name', 'aisle', 'department'], boost: { name: 2 }, tolerance: 1, limit: 10 });
          return r.hits.map((h) => (h.document as Doc).id);
        },
      },
    ];
    for (const e of engines) {
      for (const j of judged.slice(0, 20)) await e.run(j.q); // warm-up
      const lat: number[] = [];
      let p5 = 0;
      let s1 = 0;
      let nd = 0;
      for (let pass = 0; pass < 3; pass++) {
        for (const [i, j] of judged.entries()) {
          const t0 = performance.now();
          const ids = await e.run(j.q);
          lat.push(performance.now() - t0);
          if (pass > 0) continue;
          const rels = ids.map((id) => {
            const d = byId.get(id);
            return d ? isRelevant(j, d) : false;
          });
          p5 += rels.slice(0, 5).filter(Boolean).length / 5;
          s1 += rels[0] ? 1 : 0;
          nd += ndcg(rels, totals[i]!);
        }
      }
      const n = judged.length;
      rows.push({ bench: 'search', metric: `${e.name} precision@5 (${n} judged queries)`, value: p5 / n, unit: '' });
      rows.push({ bench: 'search', metric: `${e.name} success@1`, value: s1 / n, unit: '' });
      rows.push({ bench: 'search', metric: `${e.name} nDCG@10`, value: nd / n, unit: '' });
      rows.push({ bench: 'search', metric: `${e.name} latency p50`, value: percentile(lat, 50), unit: 'ms' });
      rows.push({ bench: 'search', metric: `${e.name} latency p95`, value: percentile(lat, 95), unit: 'ms', ...(e.name.startsWith('StoreMind') ? { target: '≤ 5 ms' } : {}) });
    }
    await encoder?.close();
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Per-query detail for tuning: `node --import tsx bench/search.ts --misses`. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await benchSearch();
  for (const r of rows) console.log(`${r.metric.padEnd(70)} ${r.value.toFixed(r.value >= 100 ? 0 : 3).padStart(10)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
}
