// Runs: node (core). Semantic retrieval: product vectors from the on-device encoder, stored in
// product_vectors and held in memory as one Float32Array matrix. Small catalogs are scanned in full;
// large ones (a brute-force scan of 50,000 × 256 floats costs ~15 ms in JS) are searched through
// the store's own structure as a coarse index: one centroid per aisle, the query probes the nearest
// aisles and scans only their products. Nothing extra to build or keep in sync: the groups are
// recomputed whenever the vectors are loaded.
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

/** Below this many rows a full scan is cheap enough (~1.5 ms). */
const FULL_SCAN_ROWS = 5000;
/** Aisles probed per query in a large catalog (of ~100-200): nearest first, at least MIN and at
 *  most MAX, stopping once ROW_BUDGET products are covered. */
const PROBE_GROUPS = 8;
const MIN_PROBE_GROUPS = 3;
const ROW_BUDGET = 1500;

/** Unrolled by four: V8 keeps four independent sums in registers (about 2× a plain loop). */
function dot(data: Float32Array, off: number, q: Float32Array, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dim; j += 4) {
    s0 += data[off + j]! * q[j]!;
    s1 += data[off + j + 1]! * q[j + 1]!;
    s2 += data[off + j + 2]! * q[j + 2]!;
    s3 += data[off + j + 3]! * q[j + 3]!;
  }
  for (; j < dim; j++) s0 += data[off + j]! * q[j]!;
  return s0 + s1 + s2 + s3;
}

/** The vectors of one encoder version, as a row-major matrix with the product id of each row. */
export class VectorMatrix {
  readonly dim: number;
  readonly ids: string[];
  private readonly data: Float32Array;
  /** Rows of each group (aisle), and the groups' unit-length centroids, row-major. */
  private readonly groups: Int32Array[];
  private readonly centroids: Float32Array;

  private constructor(dim: number, ids: string[], data: Float32Array, groupOf: string[]) {
    this.dim = dim;
    this.ids = ids;
    this.data = data;
    const byGroup = new Map<string, number[]>();
    groupOf.forEach((g, r) => {
      const rows = byGroup.get(g);
      if (rows) rows.push(r);
      else byGroup.set(g, [r]);
    });
    this.groups = [...byGroup.values()].map((rows) => Int32Array.from(rows));
    this.centroids = new Float32Array(this.groups.length * dim);
    this.groups.forEach((rows, g) => {
      const c = new Float32Array(dim);
      for (const r of rows) for (let j = 0; j < dim; j++) c[j]! += data[r * dim + j]!;
      this.centroids.set(l2normalize(c), g * dim);
    });
  }

  static load(db: Db, version: string): VectorMatrix {
    const rows = db
      .prepare('SELECT v.product_id, v.dim, v.vec, p.aisle FROM product_vectors v JOIN products p ON p.id = v.product_id WHERE v.model_version = ?')
      .all(version) as Array<{ product_id: string; dim: number; vec: Buffer; aisle: string }>;
    const dim = rows[0]?.dim ?? 0;
    const usable = rows.filter((r) => r.dim === dim);
    const data = new Float32Array(usable.length * dim);
    usable.forEach((r, i) => data.set(fromBlob(r.vec), i * dim));
    return new VectorMatrix(dim, usable.map((r) => r.product_id), data, usable.map((r) => r.aisle));
  }

  get size(): number {
    return this.ids.length;
  }

  /** Typed-array bytes held (vectors, centroids, group rows); the id strings come on top. */
  get bytes(): number {
    return this.data.byteLength + this.centroids.byteLength + this.groups.reduce((n, g) => n + g.byteLength, 0);
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
    const consider = (r: number) => {
      const s = dot(data, r * dim, q, dim);
      if (s <= topSim[k - 1]!) return;
      let p = k - 1;
      while (p > 0 && topSim[p - 1]! < s) {
        topSim[p] = topSim[p - 1]!;
        topRow[p] = topRow[p - 1]!;
        p--;
      }
      topSim[p] = s;
      topRow[p] = r;
    };
    if (this.size <= FULL_SCAN_ROWS || this.groups.length <= PROBE_GROUPS) {
      for (let r = 0; r < this.size; r++) consider(r);
    } else {
      for (const g of this.nearestGroups(q)) for (const r of this.groups[g]!) consider(r);
    }
    const out: Array<{ id: string; sim: number }> = [];
    for (let i = 0; i < k; i++) if (topRow[i]! >= 0) out.push({ id: this.ids[topRow[i]!]!, sim: topSim[i]! });
    return out;
  }

  private nearestGroups(q: Float32Array): number[] {
    const scored = this.groups.map((_, g) => ({ g, s: dot(this.centroids, g * this.dim, q, this.dim) }));
    scored.sort((a, b) => b.s - a.s);
    const picked: number[] = [];
    let rows = 0;
    for (const { g } of scored) {
      if (picked.length >= PROBE_GROUPS || (picked.length >= MIN_PROBE_GROUPS && rows >= ROW_BUDGET)) break;
      picked.push(g);
      rows += this.groups[g]!.length;
    }
    return picked;
  }
}
