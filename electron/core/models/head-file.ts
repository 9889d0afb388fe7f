// Runs: node (core). The runtime format of an intent head (heads/<name>.json): labels, feature
// config, weights as base64 (little-endian float32, or block-wise int8), calibration (temperature, threshold), the
// encoder it was trained on, and its training metrics. zod-validated on load.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { lexicalConfigSchema } from './features.ts';
import type { LinearHead } from './heads.ts';

export const HEAD_FORMAT = 'storemind-intent-head';

export const headFileSchema = z.object({
  format: z.literal(HEAD_FORMAT),
  format_version: z.literal(1),
  name: z.string().min(1),
  created: z.string(),
  description: z.string().default('head on frozen embeddings + lexical features'),
  labels: z.array(z.string().min(1)).min(2),
  /** Label returned for rejections; also a trained class when oos_trained. */
  oos_label: z.string().min(1),
  oos_trained: z.boolean(),
  encoder: z.object({
    name: z.string(),
    version: z.string(),
    dim: z.number().int().positive(),
    variant: z.enum(['fp32', 'int8']),
    verified: z.boolean(),
    /** Bundle folder, relative to the head file's folder when it was written. */
    dir: z.string().optional(),
  }),
  features: z.object({
    embedding: z.object({ dim: z.number().int().positive(), scale: z.number().positive() }),
    lexical: lexicalConfigSchema,
    /** Per-bucket idf (int8-block64 base64), present when lexical.idf is on. */
    lexical_idf: z.string().optional(),
  }),
  weights: z.object({
    /** float32: exact; int8-block64: 64-value blocks, each a float32 scale then int8 values (4x smaller). */
    dtype: z.enum(['float32-le-base64', 'int8-block64-le-base64']),
    dense: z.string(),
    sparse: z.string(),
    bias: z.string(),
  }),
  temperature: z.number().positive(),
  threshold: z.number().min(0).max(1),
  metrics: z.record(z.string(), z.unknown()),
  training: z.record(z.string(), z.unknown()),
});
export type HeadFile = z.infer<typeof headFileSchema>;

// Heads ship across machines; every supported target (x64, arm64) is little-endian.
export function f32ToBase64(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function base64ToF32(s: string, expected: number, what: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  if (buf.length !== expected * 4) throw new Error(`head weights ${what}: ${buf.length / 4} values, expected ${expected}`);
  const out = new Float32Array(expected);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

const BLOCK = 64;

/**
 * Block-wise symmetric int8: every 64 weights share one float32 scale (max |w| / 127). A head's
 * lexical matrix is hundreds of thousands of weights; at 1 byte each the shipped kiosk head stays
 * small enough for the models' size budget, and the logits move by far less than a calibration step.
 */
export function f32ToInt8Block64Base64(a: Float32Array): string {
  const blocks = Math.ceil(a.length / BLOCK);
  const buf = Buffer.alloc(blocks * 4 + a.length);
  for (let b = 0; b < blocks; b++) {
    const end = Math.min(a.length, (b + 1) * BLOCK);
    let max = 0;
    for (let i = b * BLOCK; i < end; i++) max = Math.max(max, Math.abs(a[i]!));
    const scale = max / 127;
    buf.writeFloatLE(scale, b * 4);
    for (let i = b * BLOCK; i < end; i++) buf.writeInt8(scale > 0 ? Math.round(a[i]! / scale) : 0, blocks * 4 + i);
  }
  return buf.toString('base64');
}

export function int8Block64Base64ToF32(s: string, expected: number, what: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const blocks = Math.ceil(expected / BLOCK);
  if (buf.length !== blocks * 4 + expected) throw new Error(`head weights ${what}: ${buf.length} bytes, expected ${blocks * 4 + expected}`);
  const out = new Float32Array(expected);
  for (let b = 0; b < blocks; b++) {
    const scale = buf.readFloatLE(b * 4);
    const end = Math.min(expected, (b + 1) * BLOCK);
    for (let i = b * BLOCK; i < end; i++) out[i] = buf.readInt8(blocks * 4 + i) * scale;
  }
  return out;
}

function decodeMatrix(h: HeadFile, s: string, expected: number, what: string): Float32Array {
  return h.weights.dtype === 'int8-block64-le-base64' ? int8Block64Base64ToF32(s, expected, what) : base64ToF32(s, expected, what);
}

export function headWeights(h: HeadFile): LinearHead {
  const C = h.labels.length;
  const D = h.features.embedding.dim;
  const NB = h.features.lexical.buckets;
  return {
    classes: C,
    dim: D,
    buckets: NB,
    wDense: decodeMatrix(h, h.weights.dense, D * C, 'dense'),
    wSparse: decodeMatrix(h, h.weights.sparse, NB * C, 'sparse'),
    bias: base64ToF32(h.weights.bias, C, 'bias'),
  };
}

/** The idf weights of a head's lexical features, or undefined when it does not use idf. */
export function headIdf(h: HeadFile): Float32Array | undefined {
  if (!h.features.lexical.idf) return undefined;
  return int8Block64Base64ToF32(h.features.lexical_idf ?? '', h.features.lexical.buckets, 'lexical idf');
}

export function parseHead(text: string, source: string): HeadFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source} is not valid JSON: ${(e as Error).message}`);
  }
  const r = headFileSchema.safeParse(raw);
  if (!r.success) throw new Error(`${source} is not a StoreMind intent head: ${z.prettifyError(r.error)}`);
  if (r.data.oos_trained && !r.data.labels.includes(r.data.oos_label)) throw new Error(`${source}: oos_trained but ${r.data.oos_label} is not a label`);
  if (r.data.features.lexical.idf && !r.data.features.lexical_idf) throw new Error(`${source}: lexical.idf is on but features.lexical_idf is missing`);
  return r.data;
}

export async function readHead(file: string): Promise<HeadFile> {
  return parseHead(await readFile(file, 'utf8'), file);
}

export async function writeHead(file: string, head: HeadFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(head) + '\n');
}
