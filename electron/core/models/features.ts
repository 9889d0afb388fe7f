// Runs: node (core). Hashed lexical features for the intent heads: character n-grams of
// " " + text + " " and word unigrams/bigrams, hashed into a fixed number of buckets, sublinear
// tf, L2-normalised. They catch the surface cues (product words, typos, SKU-ish tokens) that a
// small frozen encoder blurs. Stored sparse: a short text touches ~100 of 32,768 buckets.
import { z } from 'zod';

export const lexicalConfigSchema = z.object({
  /** Power of two, so a bucket is the hash's low bits. */
  buckets: z.number().int().refine((n) => n >= 2 && (n & (n - 1)) === 0, 'buckets must be a power of two'),
  charNgramMin: z.number().int().min(1),
  charNgramMax: z.number().int().min(1),
  wordNgramMax: z.number().int().min(0).max(3),
  /**
   * Weigh each bucket by its inverse document frequency in the training lines (stored with the
   * head). Rare, telling grams ("refund", "lift") then outweigh the ones every question has
   * ("do you", " wh"). Off in heads written before it existed.
   */
  idf: z.boolean().default(false),
});
export type LexicalConfig = z.input<typeof lexicalConfigSchema>;

export const DEFAULT_LEXICAL: LexicalConfig = { buckets: 1 << 15, charNgramMin: 3, charNgramMax: 5, wordNgramMax: 2 };

export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

const MARKS = /\p{Mn}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export function normalizeForLexical(text: string): string {
  return String(text ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** FNV-1a over UTF-16 code units: fast, stable across runs and platforms (stored heads rely on it). */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Signed hashed n-gram counts of one text, bucket -> count (zero counts included). */
function hashedCounts(text: string, cfg: LexicalConfig): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (gram: string, seed: number) => {
    const h = fnv1a(gram, seed);
    const bucket = h & (cfg.buckets - 1);
    // The top bit picks a sign so colliding grams tend to cancel rather than pile up.
    const sign = h >>> 31 ? -1 : 1;
    counts.set(bucket, (counts.get(bucket) ?? 0) + sign);
  };
  const norm = normalizeForLexical(text);
  const chars = Array.from(` ${norm} `);
  for (let n = cfg.charNgramMin; n <= cfg.charNgramMax; n++) {
    for (let i = 0; i + n <= chars.length; i++) add(chars.slice(i, i + n).join(''), 1);
  }
  const words = norm.match(WORD) ?? [];
  for (let n = 1; n <= cfg.wordNgramMax; n++) {
    for (let i = 0; i + n <= words.length; i++) add(words.slice(i, i + n).join(' '), 2 + n);
  }
  return counts;
}

/**
 * Smoothed idf per bucket over the training texts, ln((1 + n) / (1 + df)) + 1 (as scikit-learn's
 * TfidfVectorizer), so a bucket no training line touched weighs the most, not infinitely.
 */
export function bucketIdf(texts: readonly string[], cfg: LexicalConfig): Float32Array {
  const df = new Uint32Array(cfg.buckets);
  for (const t of texts) for (const [b, v] of hashedCounts(t, cfg)) if (v !== 0) df[b] = (df[b] as number) + 1;
  const idf = new Float32Array(cfg.buckets);
  for (let b = 0; b < idf.length; b++) idf[b] = Math.log((1 + texts.length) / (1 + (df[b] as number))) + 1;
  return idf;
}

/** Sublinear-tf (times idf when given), L2-normalised sparse features of one text. */
export function lexicalFeatures(text: string, cfg: LexicalConfig = DEFAULT_LEXICAL, idf?: Float32Array): SparseVec {
  const counts = hashedCounts(text, cfg);
  const entries = [...counts.entries()].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  const idx = new Int32Array(entries.length);
  const val = new Float32Array(entries.length);
  let sq = 0;
  entries.forEach(([b, v], i) => {
    const s = Math.sign(v) * (1 + Math.log(Math.abs(v))) * (idf ? (idf[b] as number) : 1); // sublinear tf
    idx[i] = b;
    val[i] = s;
    sq += s * s;
  });
  const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  for (let i = 0; i < val.length; i++) val[i] = (val[i] as number) * inv;
  return { idx, val };
}
