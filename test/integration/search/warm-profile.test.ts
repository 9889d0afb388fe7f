// Runs: node (tests). Start-up warm-up (warmSearch) and the optional per-stage profile (#21): the
// warm-up runs its queries (and one hybrid search once an encoder is attached), never throws, stops
// on a closed database and leaves results unchanged; a profile fills stages without changing
// results, and no profile means no stage timing. No timing assertions: benchmarks measure.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { SearchIndex, warmSearch, type Embedder, type SearchProfile } from '../../../electron/core/search/engine.ts';
import { WARM_QUERIES } from '../../../electron/core/search/warm.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir();

function countingEmbedder(dim = 16): Embedder & { texts: string[] } {
  const e = {
    version: 'test-len-1',
    texts: [] as string[],
    async embed(texts: string[]) {
      e.texts.push(...texts);
      return texts.map((t) => {
        const v = new Float32Array(dim);
        for (let i = 0; i < t.length; i++) v[t.charCodeAt(i) % dim]! += 1;
        return v;
      });
    },
  };
  return e;
}

describe('warmSearch', () => {
  it('runs the lexical warm-up, then one hybrid pass once an encoder is attached, without changing results', async () => {
    const db = openDatabase(path.join(dir, 'warm.db'));
    seedDemoStore(db);
    const index = new SearchIndex(db);
    const before = index.searchSync('almond milk', { limit: 5 }).results;
    const lex = await warmSearch(index);
    expect(lex).toMatchObject({ queries: 2 * WARM_QUERIES.length, semantic: false });
    expect(index.searchSync('almond milk', { limit: 5 }).results).toEqual(before);

    const embedder = countingEmbedder();
    index.embedder = embedder;
    await index.embedMissing();
    embedder.texts.length = 0;
    const sem = await warmSearch(index, { lexical: false });
    expect(sem.semantic).toBe(true);
    expect(embedder.texts.length).toBeGreaterThan(0);
    expect(embedder.texts.every((t) => WARM_QUERIES.includes(t))).toBe(true);
    db.close();
  });

  it('stops quietly once the database is closed, and never throws', async () => {
    const db = openDatabase(path.join(dir, 'warm-closed.db'));
    seedDemoStore(db);
    const index = new SearchIndex(db);
    const pending = warmSearch(index);
    db.close(); // closes before the first event-loop turn of the warm-up
    await expect(pending).resolves.toMatchObject({ queries: 0 });

    const db2 = openDatabase(path.join(dir, 'warm-failing.db'));
    seedDemoStore(db2);
    const index2 = new SearchIndex(db2);
    index2.embedder = { version: 'broken', embed: () => Promise.reject(new Error('encoder gone')) };
    await expect(warmSearch(index2, { lexical: false })).resolves.toBeDefined();
    db2.close();
  });
});

describe('per-stage profile', () => {
  it('fills the stages a search runs through and leaves results as they are', async () => {
    const db = openDatabase(path.join(dir, 'profile.db'));
    seedDemoStore(db);
    const index = new SearchIndex(db);
    for (const q of ['almond milk', 'shampo', 'oat milk', 'batter', 'something for a headache']) {
      const plain = index.searchSync(q, { limit: 10 });
      const profile: SearchProfile = {};
      const profiled = index.searchSync(q, { limit: 10, profile });
      expect(profiled.results).toEqual(plain.results);
      for (const st of ['refresh', 'parse', 'fts', 'rank', 'facets', 'hydrate'] as const) expect(profile[st], `${q}: ${st}`).toBeGreaterThanOrEqual(0);
      expect(Object.values(profile).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
    const typo: SearchProfile = {};
    index.searchSync('shampo', { profile: typo });
    expect(typo.typo).toBeGreaterThanOrEqual(0);

    index.embedder = countingEmbedder();
    await index.embedMissing();
    const hybrid: SearchProfile = {};
    const r = await index.search('almond milk', { limit: 5, profile: hybrid });
    expect(r.results.length).toBeGreaterThan(0);
    for (const st of ['embed', 'vector', 'fusion', 'hydrate'] as const) expect(hybrid[st], st).toBeGreaterThanOrEqual(0);
    // A barcode scan takes the exact path: no parse or FTS stage.
    const code = db.prepare('SELECT code FROM barcodes LIMIT 1').pluck().get() as string;
    const scan: SearchProfile = {};
    expect(index.searchSync(code, { profile: scan }).mode).toBe('barcode');
    expect(scan.fts).toBeUndefined();
    db.close();
  });
});
