// Runs: node (CLI). The `storemind search` and `storemind catalog import` commands as plain
// functions; the CLI dispatcher parses flags, opens the database and calls these. Output goes
// through `out` (stdout by default) so tests can read it.
import fs from 'node:fs';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { importCatalogCsv, type ImportResult } from '../catalog/import.ts';
import { createSearchIndex, type Embedder, type SearchResponse } from './engine.ts';

type Out = (line: string) => void;
const stdout: Out = (line) => process.stdout.write(`${line}\n`);

function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

function human(r: SearchResponse, out: Out): void {
  out(`"${r.q}": ${r.results.length} result${r.results.length === 1 ? '' : 's'} in ${r.took_ms} ms (${r.mode})`);
  // A Chinese query reads the Chinese name first, the shelf label's English after it.
  const zh = /\p{Script=Han}/u.test(r.q);
  r.results.forEach((h, i) => {
    const name = zh && h.name_zh ? `${h.name_zh} (${h.name})` : h.name;
    const price = h.promo_price_cents !== null ? `${money(h.promo_price_cents)} (was ${money(h.price_cents)})` : money(h.price_cents);
    const stock = h.stock > 0 ? `${h.stock} in stock` : 'out of stock';
    out(`${String(i + 1).padStart(2)}. ${name}  aisle ${h.aisle || '?'}, bay ${h.bay || '?'}, shelf ${h.shelf || '?'}  ${price}  ${stock}  [${h.department}]`);
  });
}

export async function searchCommand(opts: {
  db: Db;
  query?: string;
  batchFile?: string;
  json?: boolean;
  limit?: number;
  embedder?: Embedder | null;
  out?: Out;
}): Promise<number> {
  const out = opts.out ?? stdout;
  const limit = opts.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new CoreError('BAD_INPUT', '--limit must be a whole number from 1 to 50.');
  const index = createSearchIndex(opts.db, opts.embedder !== undefined ? { embedder: opts.embedder } : {});
  if (opts.batchFile) {
    let text: string;
    try {
      text = fs.readFileSync(opts.batchFile, 'utf8');
    } catch {
      throw new CoreError('BAD_INPUT', `Cannot read ${opts.batchFile}.`);
    }
    for (const line of text.split(/\r?\n/)) {
      const q = batchQuery(line);
      if (!q) continue;
      const r = await index.search(q.slice(0, 1000), { limit });
      const results = r.results.map((h) => ({ id: h.id, name: h.name, aisle: h.aisle, department: h.department, score: h.score }));
      out(JSON.stringify({ q: r.q, took_ms: r.took_ms, results }));
    }
    return 0;
  }
  if (opts.query === undefined || opts.query.trim() === '') throw new CoreError('BAD_INPUT', 'Give a query: storemind search "almond milk", or --batch FILE.');
  if (opts.query.length > 1000) throw new CoreError('BAD_INPUT', 'The query is longer than 1,000 characters.');
  const r = await index.search(opts.query, { limit });
  if (opts.json) out(JSON.stringify(r));
  else human(r, out);
  return 0;
}

export async function catalogImportCommand(opts: {
  db: Db;
  file: string;
  map?: string;
  format?: string;
  json?: boolean;
  embedder?: Embedder | null;
  out?: Out;
}): Promise<number> {
  const out = opts.out ?? stdout;
  if (opts.format !== undefined && opts.format !== 'instacart') throw new CoreError('BAD_INPUT', `Unknown --format "${opts.format}"; the one preset is "instacart".`);
  const index = createSearchIndex(opts.db, opts.embedder !== undefined ? { embedder: opts.embedder } : {});
  const r: ImportResult = await importCatalogCsv(opts.db, opts.file, {
    ...(opts.map !== undefined ? { map: opts.map } : {}),
    ...(opts.format === 'instacart' ? { format: 'instacart' as const } : {}),
    index,
  });
  if (opts.json) {
    out(JSON.stringify(r));
  } else {
    out(`Imported ${opts.file}: ${r.inserted} new, ${r.updated} updated, ${r.rejected.length} rejected, in ${r.took_ms} ms${r.vectors !== undefined ? ` (${r.vectors} vectors)` : ''}.`);
    for (const rej of r.rejected.slice(0, 50)) out(`  line ${rej.line}: ${rej.reason}`);
    if (r.rejected.length > 50) out(`  ... and ${r.rejected.length - 50} more`);
  }
  return r.rejected.length > 0 && r.inserted + r.updated === 0 ? 1 : 0;
}

/** A batch line is the query itself, or a JSON object with "q" (as `search --json` prints it back). */
export function batchQuery(line: string): string {
  const t = line.trim();
  if (t.startsWith('{')) {
    try {
      const v = JSON.parse(t) as { q?: unknown };
      if (typeof v.q === 'string') return v.q.trim();
    } catch {
      // not JSON after all: the text is the query
    }
  }
  return t;
}
