// Runs: node (core). Loads a model bundle folder (native-models/BUNDLE_FORMAT.md) and decides
// whether it can be trusted. A StoreMind bundle carries manifest.json: every file we read must be
// listed there with the right size and sha256, or the bundle is refused naming the file. A plain
// Hugging Face / Optimum export has no manifest; it loads only when the caller says the retailer
// vouches for it (`trustUnsigned`) and is then reported as unverified.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_LENGTH, tokenizerFromJson, tokenizerFromVocabTxt, type Tokenizer } from './tokenizer.ts';

export type Variant = 'fp32' | 'int8';

const relPath = z
  .string()
  .min(1)
  .refine((p) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..'), 'must be a relative path inside the bundle');

export const manifestSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  created: z.string().optional(),
  kind: z.string().default('encoder'),
  files: z.array(z.object({ path: relPath, sha256: z.string().regex(/^[0-9a-f]{64}$/i), size: z.number().int().nonnegative() })).min(1),
  variants: z.object({ fp32: relPath.optional(), int8: relPath.optional() }),
  max_sequence_length: z.number().int().min(2).optional(),
  embedding_dim: z.number().int().positive().optional(),
  metrics: z.record(z.string(), z.unknown()).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

const configSchema = z
  .object({
    model_type: z.string().optional(),
    hidden_size: z.number().int().positive(),
    max_position_embeddings: z.number().int().positive().optional(),
    _name_or_path: z.string().optional(),
  })
  .passthrough();
export type BertConfig = z.infer<typeof configSchema>;

export interface Bundle {
  dir: string;
  name: string;
  version: string;
  /** True when a manifest vouched for every file read; false for a trusted unsigned export. */
  verified: boolean;
  manifest?: Manifest;
  config: BertConfig;
  tokenizer: Tokenizer;
  maxSequenceLength: number;
  embeddingDim: number;
  /** Absolute paths of the ONNX variants present. */
  variants: Partial<Record<Variant, string>>;
  /** sha256 of files as verified at load, by bundle-relative path (lets the encoder re-check). */
  sha256: Map<string, string>;
}

export interface LoadBundleOptions {
  /** Allow a bundle without manifest.json (a retailer's own HF export). Never relaxes a manifest. */
  trustUnsigned?: boolean;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BundleError(`${what} is not valid JSON: ${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new BundleError(`${what} is invalid: ${z.prettifyError(r.error)}`);
  return r.data;
}

/** Reads a bundle file and checks it against its manifest entry; the error names the file. */
export async function readVerified(dir: string, manifest: Manifest, rel: string): Promise<Buffer> {
  const entry = manifest.files.find((f) => f.path === rel);
  if (!entry) throw new BundleError(`bundle ${dir}: ${rel} is not listed in manifest.json`);
  let data: Buffer;
  try {
    data = await readFile(path.join(dir, rel));
  } catch {
    throw new BundleError(`bundle ${dir}: ${rel} is listed in manifest.json but missing`);
  }
  if (data.length !== entry.size) throw new BundleError(`bundle ${dir}: ${rel} has size ${data.length}, manifest says ${entry.size}`);
  const got = sha256(data);
  if (got !== entry.sha256.toLowerCase()) throw new BundleError(`bundle ${dir}: ${rel} fails its sha256 check (file changed or corrupt)`);
  return data;
}

async function loadVerified(dir: string, manifestText: string): Promise<Bundle> {
  const manifest = parseJson(manifestSchema, manifestText, `${dir}/manifest.json`);
  const files = new Map<string, Buffer>();
  // Every listed file is checked, not just those read now: a bundle is refused as a whole.
  for (const f of manifest.files) files.set(f.path, await readVerified(dir, manifest, f.path));
  const text = (rel: string) => {
    const b = files.get(rel);
    if (!b) throw new BundleError(`bundle ${dir}: ${rel} is not listed in manifest.json`);
    return b.toString('utf8');
  };
  const config = parseJson(configSchema, text('config.json'), `${dir}/config.json`);
  const tokenizer = files.has('tokenizer.json') ? tokenizerFromJson(text('tokenizer.json')) : tokenizerFromVocabTxt(text('vocab.txt'));
  const variants: Partial<Record<Variant, string>> = {};
  for (const v of ['fp32', 'int8'] as const) {
    const rel = manifest.variants[v];
    if (!rel) continue;
    if (!files.has(rel)) throw new BundleError(`bundle ${dir}: variant ${v} (${rel}) is not listed in manifest.json files`);
    variants[v] = path.join(dir, rel);
  }
  if (!variants.fp32 && !variants.int8) throw new BundleError(`bundle ${dir}: manifest.json names no model variant`);
  return {
    dir,
    name: manifest.name,
    version: manifest.version,
    verified: true,
    manifest,
    config,
    tokenizer,
    maxSequenceLength: manifest.max_sequence_length ?? Math.min(DEFAULT_MAX_LENGTH, config.max_position_embeddings ?? DEFAULT_MAX_LENGTH),
    embeddingDim: manifest.embedding_dim ?? config.hidden_size,
    variants,
    sha256: new Map(manifest.files.map((f) => [f.path, f.sha256.toLowerCase()])),
  };
}

const tokenizerConfigSchema = z.object({ do_lower_case: z.boolean().optional(), strip_accents: z.boolean().nullable().optional() }).passthrough();

async function loadUnsigned(dir: string): Promise<Bundle> {
  const first = (cands: string[]) => cands.find((c) => existsSync(path.join(dir, c)));
  const read = (rel: string) => readFile(path.join(dir, rel), 'utf8');
  if (!existsSync(path.join(dir, 'config.json'))) throw new BundleError(`model folder ${dir} has no config.json`);
  const config = parseJson(configSchema, await read('config.json'), `${dir}/config.json`);
  let tokenizer: Tokenizer;
  if (existsSync(path.join(dir, 'tokenizer.json'))) tokenizer = tokenizerFromJson(await read('tokenizer.json'));
  else if (existsSync(path.join(dir, 'vocab.txt'))) {
    const tc = existsSync(path.join(dir, 'tokenizer_config.json'))
      ? parseJson(tokenizerConfigSchema, await read('tokenizer_config.json'), `${dir}/tokenizer_config.json`)
      : {};
    tokenizer = tokenizerFromVocabTxt(await read('vocab.txt'), { lowercase: tc.do_lower_case ?? true, stripAccents: tc.strip_accents ?? undefined });
  } else throw new BundleError(`model folder ${dir} has neither tokenizer.json nor vocab.txt`);
  const fp32 = first(['onnx/model.onnx', 'model.onnx']);
  const int8 = first(['onnx/model_quantized.onnx', 'model_quantized.onnx']);
  if (!fp32 && !int8) throw new BundleError(`model folder ${dir} has no onnx/model.onnx or model.onnx`);
  const modelBytes = await readFile(path.join(dir, (fp32 ?? int8) as string));
  const digest = sha256(modelBytes);
  return {
    dir,
    // No manifest, so the version is the model's content hash: a head trained on this encoder
    // then refuses a different export that happens to share the folder name.
    name: config._name_or_path || path.basename(path.resolve(dir)),
    version: `sha256:${digest.slice(0, 16)}`,
    verified: false,
    config,
    tokenizer,
    maxSequenceLength: Math.min(DEFAULT_MAX_LENGTH, config.max_position_embeddings ?? DEFAULT_MAX_LENGTH),
    embeddingDim: config.hidden_size,
    variants: { ...(fp32 ? { fp32: path.join(dir, fp32) } : {}), ...(int8 ? { int8: path.join(dir, int8) } : {}) },
    sha256: new Map(fp32 ? [[fp32, digest]] : int8 ? [[int8, digest]] : []),
  };
}

export async function loadBundle(dir: string, opts: LoadBundleOptions = {}): Promise<Bundle> {
  const abs = path.resolve(dir);
  if (!existsSync(abs)) throw new BundleError(`model folder ${abs} does not exist`);
  const manifestPath = path.join(abs, 'manifest.json');
  if (existsSync(manifestPath)) return loadVerified(abs, await readFile(manifestPath, 'utf8'));
  if (!opts.trustUnsigned) {
    throw new BundleError(
      `model folder ${abs} has no manifest.json, so it cannot be verified; load it with trustUnsigned only if the retailer provided it`,
    );
  }
  return loadUnsigned(abs);
}
