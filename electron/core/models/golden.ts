// Runs: node (core; used by native-models/write-golden.ts and the golden tests). Checks a bundle
// against its golden.json: our tokenizer must produce torch's input_ids exactly and our ONNX
// sessions must reproduce the recorded embeddings within tolerance. Also fills in the int8
// expectations, which only this runtime can compute (Python here has no onnxruntime).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { loadBundle, manifestSchema, sha256, type Bundle, type Variant } from './bundle.ts';
import { loadEncoder } from './encoder.ts';

const vectors = z.array(z.array(z.number()));
export const goldenSchema = z
  .object({
    inputs: z.array(z.string()).min(1),
    fp32: z.object({ sentence_embedding: vectors, input_ids: z.array(z.array(z.number().int())).optional() }).passthrough(),
    int8: z.object({ sentence_embedding: vectors }).passthrough().nullable().optional(),
    tolerance: z.object({ fp32: z.number().positive().default(1e-4), int8: z.number().positive().default(2e-2) }).default({ fp32: 1e-4, int8: 2e-2 }),
  })
  .passthrough();
export type Golden = z.infer<typeof goldenSchema>;

export interface VariantReport {
  checked: boolean;
  ok: boolean;
  maxAbsDiff: number;
  tolerance: number;
  /** Our embeddings, first as many dims as golden.json records (8). */
  embeddings: number[][];
}

export interface GoldenReport {
  bundle: string;
  ok: boolean;
  tokenizer: { checked: boolean; ok: boolean; mismatches: { input: string; expected: number[]; got: number[] }[] };
  variants: Partial<Record<Variant, VariantReport>>;
  problems: string[];
}

export async function readGolden(dir: string): Promise<Golden> {
  const file = path.join(dir, 'golden.json');
  const r = goldenSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!r.success) throw new Error(`${file} is invalid: ${z.prettifyError(r.error)}`);
  return r.data;
}

async function embedVariant(bundle: Bundle, variant: Variant, inputs: string[], dims: number): Promise<number[][]> {
  const enc = await loadEncoder(bundle, { overrides: { variant }, cacheSize: 0 });
  try {
    const out: number[][] = [];
    // One input per run, as torch computed them: int8's dynamic quantisation scales over the
    // whole batch, so padding partners would shift the numbers slightly.
    for (const text of inputs) out.push(Array.from((await enc.embed([text]))[0] as Float32Array).slice(0, dims));
    return out;
  } finally {
    await enc.close();
  }
}

function maxDiff(a: number[][], b: number[][]): number {
  let m = 0;
  a.forEach((row, i) => row.forEach((v, j) => (m = Math.max(m, Math.abs(v - ((b[i] ?? [])[j] ?? Number.NaN))))));
  return Number.isNaN(m) ? Number.POSITIVE_INFINITY : m;
}

/** Checks tokenizer ids and every variant that golden.json has expectations for. */
export async function checkGolden(dir: string, opts: { variants?: Variant[] } = {}): Promise<GoldenReport> {
  const bundle = await loadBundle(dir);
  const golden = await readGolden(bundle.dir);
  const problems: string[] = [];
  const mismatches: GoldenReport['tokenizer']['mismatches'] = [];
  const expectedIds = golden.fp32.input_ids;
  if (expectedIds) {
    golden.inputs.forEach((input, i) => {
      const got = bundle.tokenizer.encode(input, bundle.maxSequenceLength);
      const expected = expectedIds[i] ?? [];
      if (got.length !== expected.length || got.some((v, j) => v !== expected[j])) mismatches.push({ input, expected, got });
    });
    for (const m of mismatches) problems.push(`tokenizer ids differ for ${JSON.stringify(m.input)}: expected [${m.expected.join(',')}], got [${m.got.join(',')}]`);
  }
  const variants: GoldenReport['variants'] = {};
  for (const v of opts.variants ?? (['fp32', 'int8'] as const)) {
    const expected = golden[v]?.sentence_embedding;
    if (!bundle.variants[v]) {
      problems.push(`bundle has no ${v} variant`);
      continue;
    }
    if (!expected) {
      problems.push(`golden.json has no ${v} expectations (run native-models/write-golden.ts)`);
      continue;
    }
    const dims = Math.max(1, ...expected.map((r) => r.length));
    const embeddings = await embedVariant(bundle, v, golden.inputs, dims);
    const diff = maxDiff(embeddings, expected);
    const tolerance = golden.tolerance[v];
    variants[v] = { checked: true, ok: diff <= tolerance, maxAbsDiff: diff, tolerance, embeddings };
    if (diff > tolerance) problems.push(`${v} embeddings differ from golden.json by ${diff.toExponential(2)} (tolerance ${tolerance})`);
  }
  return { bundle: bundle.dir, ok: problems.length === 0, tokenizer: { checked: !!expectedIds, ok: mismatches.length === 0, mismatches }, variants, problems };
}

/**
 * The last step of `npm run models:build`: verifies tokenizer ids and fp32 against torch's
 * numbers, then records our int8 embeddings in golden.json and re-signs golden.json's entry in
 * manifest.json (only that entry: everything else stays as the factory signed it).
 */
export async function writeInt8Golden(dir: string): Promise<GoldenReport> {
  const report = await checkGolden(dir, { variants: ['fp32'] });
  if (!report.ok) throw new Error(`golden check failed for ${report.bundle}:\n  ${report.problems.join('\n  ')}`);
  const bundle = await loadBundle(dir);
  const golden = await readGolden(bundle.dir);
  if (!bundle.variants.int8) throw new Error(`bundle ${bundle.dir} has no int8 variant`);
  const dims = Math.max(1, ...golden.fp32.sentence_embedding.map((r) => r.length));
  const int8 = await embedVariant(bundle, 'int8', golden.inputs, dims);
  const fp32 = report.variants.fp32?.embeddings ?? [];
  const drift = maxDiff(int8, fp32);
  if (drift > golden.tolerance.int8) throw new Error(`int8 embeddings drift ${drift.toExponential(2)} from fp32, over the int8 tolerance ${golden.tolerance.int8}: the quantised export is broken`);
  const raw = JSON.parse(await readFile(path.join(bundle.dir, 'golden.json'), 'utf8')) as Record<string, unknown>;
  raw.int8 = { sentence_embedding: int8.map((r) => r.map((v) => Math.round(v * 1e7) / 1e7)) };
  const goldenText = JSON.stringify(raw, null, 2) + '\n';
  await writeFile(path.join(bundle.dir, 'golden.json'), goldenText);
  const manifestPath = path.join(bundle.dir, 'manifest.json');
  const manifestRaw = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { path: string; sha256: string; size: number }[] };
  manifestSchema.parse(manifestRaw);
  const bytes = Buffer.from(goldenText, 'utf8');
  const entry = manifestRaw.files.find((f) => f.path === 'golden.json');
  if (entry) Object.assign(entry, { sha256: sha256(bytes), size: bytes.length });
  else manifestRaw.files.push({ path: 'golden.json', sha256: sha256(bytes), size: bytes.length });
  await writeFile(manifestPath, JSON.stringify(manifestRaw, null, 2) + '\n');
  return checkGolden(bundle.dir);
}
