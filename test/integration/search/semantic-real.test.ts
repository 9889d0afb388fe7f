// Hybrid search with the shipped encoder on the demo store: semantic neighbours help real needs
// but never turn nonsense into random shelves.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core.ts';
import type { SearchIndex } from '../../../electron/core/search/engine.ts';
import { tempDir } from '../../helpers/tmp.ts';

let core: Core;
let index: SearchIndex;
const dir = tempDir();

beforeAll(async () => {
  core = createCore({ dataDir: path.join(dir, 'data') });
  await core.ready;
  index = core.services.extensions.search!;
});
afterAll(() => core.close());

describe('hybrid search with storemind-bert-mini', () => {
  it('has the encoder attached and the catalog embedded', () => {
    expect(core.services.embedder()?.version).toMatch(/^storemind-bert-mini@/);
    expect(index.embedder).not.toBeNull();
  });

  it('answers nonsense with no results rather than nearest neighbours', async () => {
    for (const q of ['<qzxv>qzxv</qzxv>', 'xkcd zzqq', 'asdfgh']) {
      expect((await index.search(q, { limit: 10 })).results, q).toEqual([]);
    }
  });

  it('answers a Chinese question that names no product with no results, not neighbours', async () => {
    expect((await index.search('你们几点关门', { limit: 10 })).results).toEqual([]);
    expect((await index.search('杏仁奶', { limit: 10 })).results[0]?.name).toMatch(/Almond Milk/);
  });

  it('keeps lexical hits on top and still finds real needs', async () => {
    const dog = await index.search('dog food', { limit: 5 });
    expect(dog.results[0]?.name).toMatch(/dog food/i);
    const headache = await index.search('something for a headache', { limit: 5 });
    expect(headache.results.some((r) => /acetaminophen|ibuprofen|aspirin|naproxen|pain/i.test(r.name))).toBe(true);
  });

  it('corrects a missed or misplaced double letter to the catalog word, and does not pad with unrelated shelves (#19)', async () => {
    for (const q of ['bateries', 'baterries']) {
      const r = await index.search(q, { limit: 8 });
      expect(r.results[0]?.name, q).toMatch(/batter/i);
      expect(r.results.filter((h) => h.department === 'Bakery'), q).toEqual([]);
    }
    const nine = await index.search('9v battery', { limit: 8 });
    expect(nine.results[0]?.name).toMatch(/9V/);
    expect(nine.results.filter((h) => h.department !== 'Electronics').map((h) => h.name)).toEqual([]);
  });
});
