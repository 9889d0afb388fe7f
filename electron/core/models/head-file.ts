// Runs: node (core). The runtime format of an intent head (heads/<name>.json): labels, feature
// config, weights as base64 little-endian Float32, calibration (temperature, threshold), the
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
  }),
  weights: z.object({
    dtype: z.literal('float32-le-base64'),
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

export function headWeights(h: HeadFile): LinearHead {
  const C = h.labels.length;
  const D = h.features.embedding.dim;
  const NB = h.features.lexical.buckets;
  return {
    classes: C,
    dim: D,
    buckets: NB,
    wDense: base64ToF32(h.weights.dense, D * C, 'dense'),
    wSparse: base64ToF32(h.weights.sparse, NB * C, 'sparse'),
    bias: base64ToF32(h.weights.bias, C, 'bias'),
  };
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
  return r.data;
}

export async function readHead(file: string): Promise<HeadFile> {
  return parseHead(await readFile(file, 'utf8'), file);
}

export async function writeHead(file: string, head: HeadFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(head) + '\n');
}
