// The coarse index of semantic search: in a large catalog only the nearest aisles are scanned.
// On clustered vectors it must return exactly what a full scan returns.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { VectorMatrix } from '../../../electron/core/search/vectors.ts';
import { tempDir } from '../../helpers/tmp.ts';

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
}

function unit(v: Float32Array): Float32Array {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

describe('VectorMatrix', () => {
  const dir = tempDir();

  it('probing the nearest aisles finds the same neighbours as a full scan (6,000 products, 30 aisles)', () => {
    const db = openDatabase(path.join(dir, 'v.db'));
    const rand = rng(7);
    const dim = 32;
    const centres = Array.from({ length: 30 }, () => unit(Float32Array.from({ length: dim }, rand)));
    const vecs: Array<{ id: string; v: Float32Array }> = [];
    const insertP = db.prepare("INSERT INTO products (id, sku, name, department, aisle, price_cents, updated_at) VALUES (?, ?, ?, 'd', ?, 100, 'now')");
    const insertV = db.prepare("INSERT INTO product_vectors (product_id, model_version, dim, vec) VALUES (?, 'm', ?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 6000; i++) {
        const a = i % 30;
        const v = unit(centres[a]!.map((c) => c + 0.15 * rand()));
        const id = `p${i}`;
        insertP.run(id, `S${i}`, `product ${i}`, `A${a}`);
        insertV.run(id, dim, Buffer.from(v.buffer));
        vecs.push({ id, v });
      }
    })();
    const m = VectorMatrix.load(db, 'm');
    expect(m.size).toBe(6000);
    for (const a of [3, 17, 29]) {
      const q = unit(centres[a]!.map((c) => c + 0.1 * rand()));
      const brute = vecs
        .map(({ id, v }) => ({ id, s: v.reduce((acc, x, j) => acc + x * q[j]!, 0) }))
        .sort((x, y) => y.s - x.s)
        .slice(0, 10)
        .map((x) => x.id);
      expect(m.nearest(q, 10).map((x) => x.id)).toEqual(brute);
    }
    db.close();
  });
});
