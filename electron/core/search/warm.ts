// Runs: node (core). Start-up warm-up (#21): the first search after the index opens used to pay
// for what later ones get free: V8 compiling the ranking code, SQLite reading the FTS pages, the
// vocabulary's sorted word list (built on the first prefix look-up), the typo trigram walk and,
// with an encoder attached, its first single-text inference and the first vector probe. A few
// representative queries run right after the index opens (and again once the encoder is attached),
// one per event-loop turn, so a shopper's query or an IPC call never queues behind more than one.
import type { SearchIndex } from './engine.ts';

/**
 * Representative, not the benchmark's: a plain two-word query, a prefix being typed, typos (one of
 * them long enough for two edits), a glued phrase, a synonym / need and a multi-word relaxation.
 */
export const WARM_QUERIES = ['whole milk', 'banan', 'shampo', 'chocolat chip cookeis', 'peanutbutter', 'nappies', 'something for a headache', 'organic free range large brown eggs'];

export interface WarmResult {
  took_ms: number;
  queries: number;
  semantic: boolean;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs the warm-up queries against `index`. `semantic: true` also runs one hybrid search when an
 * embedder is attached (the encoder's first inference); `lexical: false` skips the lexical rounds
 * (the second call, after the encoder is attached). Never throws: a warm-up is best effort, and
 * stops quietly if the database closes meanwhile.
 */
export async function warmSearch(index: SearchIndex, opts: { lexical?: boolean; semantic?: boolean; rounds?: number } = {}): Promise<WarmResult> {
  const t0 = performance.now();
  let queries = 0;
  let semantic = false;
  try {
    if (opts.lexical !== false) {
      for (let round = 0; round < (opts.rounds ?? 2); round++) {
        for (const q of WARM_QUERIES) {
          await nextTurn();
          if (!index.db.open) return { took_ms: performance.now() - t0, queries, semantic };
          index.searchSync(q, { limit: 10 });
          queries++;
        }
      }
    }
    if (opts.semantic !== false && index.embedder) {
      for (const q of WARM_QUERIES.slice(0, 2)) {
        await nextTurn();
        if (!index.db.open) break;
        await index.search(q, { limit: 10 });
        queries++;
        semantic = true;
      }
    }
  } catch {
    // Best effort: a failure here shows up (and is reported) on the real query instead.
  }
  return { took_ms: performance.now() - t0, queries, semantic };
}
