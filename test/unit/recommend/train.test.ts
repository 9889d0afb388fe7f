// The basket recommender as pure functions: it learns what goes with what, a best-seller in every
// basket does not top every list, recent pairs count more, a new product gets companions from its
// category, variants and excluded items are never suggested, and a damaged or foreign model file
// is refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../../../electron/core/recommend/model.ts';
import { recommend, trainRecommender, type Basket } from '../../../electron/core/recommend/train.ts';
import { tempDir } from '../../helpers/tmp.ts';

const times = (n: number, b: string[], ts?: string): Basket[] => Array.from({ length: n }, () => ({ items: b, ts }));

describe('basket recommender', () => {
  it('suggests what is bought together, and a best-seller in most baskets does not crowd it out', () => {
    const baskets = [
      ...times(20, ['pasta', 'sauce', 'milk']),
      ...times(10, ['pasta', 'parmesan']),
      ...times(200, ['milk', 'bread']),
      ...times(100, ['milk', 'eggs']),
      ...times(5, ['pasta', 'milk']),
    ];
    const m = trainRecommender(baskets);
    const top = recommend(m, ['pasta'], { limit: 3 });
    expect(top.slice(0, 2).sort()).toEqual(['parmesan', 'sauce']);
    expect(recommend(m, ['pasta', 'sauce'], { limit: 10 })).not.toContain('pasta');
    expect(recommend(m, ['nothing-known'], { limit: 2 })).toEqual(['milk', 'bread']);
  });

  it('weighs recent baskets more', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const m = trainRecommender([...times(10, ['tent', 'stove'], '2025-06-01T00:00:00Z'), ...times(6, ['tent', 'lantern'], '2026-11-25T00:00:00Z')], { now, halfLifeDays: 60 });
    expect(recommend(m, ['tent'], { limit: 1 })).toEqual(['lantern']);
    const flat = trainRecommender([...times(10, ['tent', 'stove'], '2025-06-01T00:00:00Z'), ...times(6, ['tent', 'lantern'], '2026-11-25T00:00:00Z')], { now, halfLifeDays: 1e9 });
    expect(recommend(flat, ['tent'], { limit: 1 })).toEqual(['stove']);
  });

  it('gives a new product companions from its category, nearest by vector; never a variant or an excluded item', () => {
    const products = [
      { id: 'new-salsa', name: 'Fiesta Hot Salsa', brand: 'Fiesta', category: 'Snacks > Dips', vector: [1, 0, 0] },
      { id: 'guac', name: 'Avo Guacamole', brand: 'Avo', category: 'Snacks > Dips', vector: [0.9, 0.1, 0] },
      { id: 'hummus', name: 'Med Hummus', brand: 'Med', category: 'Snacks > Dips', vector: [0, 1, 0] },
      { id: 'salsa-mild', name: 'Fiesta Mild Salsa', brand: 'Fiesta', category: 'Snacks > Dips', vector: [1, 0, 0] },
      { id: 'chips', name: 'Crunch Tortilla Chips', brand: 'Crunch', category: 'Snacks > Chips' },
      { id: 'beer', name: 'Lager 6 pack', brand: 'Brew', category: 'Snacks > Dips' },
    ];
    const baskets = [...times(5, ['guac', 'chips', 'beer']), ...times(4, ['hummus', 'chips']), ...times(3, ['salsa-mild', 'chips', 'beer'])];
    const m = trainRecommender(baskets, { products, exclude: (id) => id === 'beer' });
    const forNew = recommend(m, ['new-salsa'], { limit: 3, fill: false });
    expect(forNew[0]).toBe('guac');
    expect(forNew).not.toContain('salsa-mild');
    expect(forNew).not.toContain('beer');
    expect(recommend(m, ['chips'], { limit: 10, fill: false })).not.toContain('beer');
  });

  it('answers a 10,000-item basket, an empty one and unknown ids', () => {
    const m = trainRecommender([...times(3, ['a', 'b']), { items: Array.from({ length: 10_000 }, (_, i) => `x${i}`) }]);
    expect(recommend(m, Array.from({ length: 10_000 }, (_, i) => `x${i}`)).length).toBeLessThanOrEqual(10);
    expect(recommend(m, [], { limit: 1 }).length).toBe(1);
    expect(recommend(m, ['?', 'a'], { limit: 1 })).toEqual(['b']);
  });

  it('refuses a model of another catalog, a damaged file, and keeps a good one loadable', () => {
    const dir = tempDir();
    const m = trainRecommender(times(3, ['a', 'b']), { catalog: 'store-1' });
    saveModel(m, dir);
    expect(recommend(loadModel(dir, { catalog: 'store-1' }), ['a'])).toContain('b');
    expect(() => loadModel(dir, { catalog: 'store-2' })).toThrow(/trained for catalog store-1, not store-2/);
    fs.writeFileSync(path.join(dir, 'recommender.json.gz'), 'not gzip');
    expect(() => loadModel(dir)).toThrow(/not a readable recommender/);
  });
});
