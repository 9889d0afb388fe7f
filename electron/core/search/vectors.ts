// Runs: node (core). Semantic retrieval: product vectors from the on-device encoder, stored in
// product_vectors and held in memory as one Float32Array matrix (50,000 × 256 floats is 51 MB and a
// brute-force scan is a few milliseconds; no ANN index to build or keep in sync).
import type { Db } from '../db/database.ts';

export interface Embedder {
  /** Changes whenever the model changes; vectors of other versions are ignored and re-made. */
  version: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / n;
  return out;
}

function toBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function fromBlob(b: Buffer): Float32Array {
  // Copy: the Buffer may not be 4-byte aligned.
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/**
 * Embeds every live product that has no vector for this encoder version, in batches, and stores
 * the vectors. Each batch commits on its own, so an interrupted run keeps what it did.
 */
export async function embedMissing(
  db: Db,
  embedder: Embedder,
  textOf: (productId: string) => string | undefined,
  opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const ids = db
    .prepare(`SELECT p.id FROM products p LEFT JOIN product_vectors v ON v.product_id = p.id AND v.model_version = ?
              WHERE p.active = 1 AND v.product_id IS NULL ORDER BY p.id`)
    .pluck()
    .all(embedder.version) as string[];
  const put = db.prepare(`INSERT INTO product_vectors (product_id, model_version, dim, vec) VALUES (?, ?, ?, ?)
    ON CONFLICT(product_id) DO UPDATE SET model_version = excluded.model_version, dim = excluded.dim, vec = excluded.vec`);
  const batch = opts.batch ?? 64;
  let done = 0;
  for (let i = 0; i < ids.length; i += batch) {
    const chunk = ids.slice(i, i + batch);
    const texts = chunk.map((id) => textOf(id) ?? id);
    const vecs = await embedder.embed(texts);
    db.transaction(() => {
      chunk.forEach((id, k) => {
        const v = l2normalize(vecs[k]!);
        put.run(id, embedder.version, v.length, toBlob(v));
      });
    })();
    done += chunk.length;
    opts.onProgress?.(done, ids.length);
  }
  return done;
}

/** The vectors of one encoder version, as a row-major matrix with the product id of each row. */
export class VectorMatrix {
  readonly dim: number;
  readonly ids: string[];
  private readonly data: Float32Array;

  private constructor(dim: number, ids: string[], data: Float32Array) {
    this.dim = dim;
    this.ids = ids;
    this.data = data;
  }

  static load(db: Db, version: string): VectorMatrix {
    const rows = db.prepare('SELECT product_id, dim, vec FROM product_vectors WHERE model_version = ?').all(version) as Array<{ product_id: string; dim: number; vec: Buffer }>;
    const dim = rows[0]?.dim ?? 0;
    const usable = rows.filter((r) => r.dim === dim);
    const data = new Float32Array(usable.length * dim);
    usable.forEach((r, i) => data.set(fromBlob(r.vec), i * dim));
    return new VectorMatrix(dim, usable.map((r) => r.product_id), data);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The k rows most similar (cosine; rows are unit length) to `query`. */
  nearest(query: Float32Array, k: number): Array<{ id: string; sim: number }> {
    if (query.length !== this.dim || this.size === 0) return [];
    const q = l2normalize(query);
    const dim = this.dim;
    const data = this.data;
    // Keep a small sorted top-k; cheaper than sorting n similarities.
    const topSim = new Float32Array(k).fill(-Infinity);
    const topRow = new Int32Array(k).fill(-1);
    for (let r = 0, off = 0; r < this.size; r++, off += dim) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += data[off + j]! * q[j]!;
      if (s <= topSim[k - 1]!) continue;
      let p = k - 1;
      while (p > 0 && topSim[p - 1]! < s) {
        topSim[p] = topSim[p - 1]!;
        topRow[p] = topRow[p - 1]!;
        p--;
      }
      topSim[p] = s;
      topRow[p] = r;
    }
    const out: Array<{ id: string; sim: number }> = [];
    for (let i = 0; i < k; i++) if (topRow[i]! >= 0) out.push({ id: this.ids[topRow[i]!]!, sim: topSim[i]! });
    return out;
  }
}
