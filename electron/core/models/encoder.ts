// Runs: node (core). The sentence encoder: one onnxruntime-node session per loaded model,
// texts in, L2-normalised embeddings out. Concurrent calls are micro-batched into one run
// and recent texts are served from an LRU cache (kiosk queries repeat a lot).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { BundleError, loadBundle, sha256, type Bundle, type LoadBundleOptions, type Variant } from './bundle.ts';
import { Lru } from './lru.ts';
import { MicroBatcher } from './micro-batcher.ts';
import { meanPool } from './pooling.ts';
import { chooseRuntime, probeDevice, type DeviceProbe, type RuntimeOverrides } from './probe.ts';
import { encodeBatch } from './tokenizer.ts';

export interface EncoderOptions extends LoadBundleOptions {
  /** User settings: variant, threads, execution provider. */
  overrides?: RuntimeOverrides;
  /** Probe result to reuse (probing lists backends, which loads the native binding). */
  probe?: DeviceProbe;
  maxBatch?: number;
  windowMs?: number;
  /** Embeddings kept by text; 0 disables the cache (benchmarks). */
  cacheSize?: number;
}

export interface ModelInfo {
  name: string;
  version: string;
  variant: Variant;
  verified: boolean;
  load_ms: number;
  dim: number;
  threads: number;
  executionProvider: string;
  maxSequenceLength: number;
}

export interface Encoder {
  readonly modelInfo: ModelInfo;
  readonly bundle: Bundle;
  /** One L2-normalised embedding per text, in order. The arrays are the caller's to keep. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Session runs made so far and texts they carried (shows micro-batching at work). */
  readonly stats: { runs: number; items: number; cacheHits: number };
  close(): Promise<void>;
}

const REQUIRED_INPUTS = ['input_ids', 'attention_mask'];
const OPTIONAL_INPUTS = ['token_type_ids'];

/** Refuses a graph whose tensor names differ from the bundle contract, saying what it found. */
export function checkGraphNames(inputNames: readonly string[], outputNames: readonly string[], where: string): 'sentence_embedding' | 'last_hidden_state' {
  const missing = REQUIRED_INPUTS.filter((n) => !inputNames.includes(n));
  const unknown = inputNames.filter((n) => !REQUIRED_INPUTS.includes(n) && !OPTIONAL_INPUTS.includes(n));
  if (missing.length || unknown.length) {
    throw new BundleError(
      `${where} has inputs [${inputNames.join(', ')}]; expected input_ids, attention_mask and optionally token_type_ids` +
        (missing.length ? ` (missing: ${missing.join(', ')})` : '') +
        (unknown.length ? ` (unexpected: ${unknown.join(', ')})` : ''),
    );
  }
  if (outputNames.includes('sentence_embedding')) return 'sentence_embedding';
  if (outputNames.includes('last_hidden_state')) return 'last_hidden_state';
  throw new BundleError(`${where} has outputs [${outputNames.join(', ')}]; expected sentence_embedding or last_hidden_state`);
}

async function readModel(bundle: Bundle, variant: Variant): Promise<Uint8Array> {
  const file = bundle.variants[variant] as string;
  const bytes = await readFile(file);
  // Re-check the bytes we hand to onnxruntime: the folder may have changed since loadBundle.
  const expected = bundle.sha256.get(path.relative(bundle.dir, file).split(path.sep).join('/'));
  if (expected && sha256(bytes) !== expected) throw new BundleError(`bundle ${bundle.dir}: ${path.relative(bundle.dir, file)} changed after it was verified`);
  return bytes;
}

export async function loadEncoder(dirOrBundle: string | Bundle, opts: EncoderOptions = {}): Promise<Encoder> {
  const t0 = performance.now();
  const bundle = typeof dirOrBundle === 'string' ? await loadBundle(dirOrBundle, opts) : dirOrBundle;
  const choice = chooseRuntime(opts.probe ?? probeDevice(), opts.overrides);
  let variant = choice.variant;
  if (!bundle.variants[variant]) {
    if (opts.overrides?.variant) throw new BundleError(`bundle ${bundle.dir} has no ${variant} variant`);
    variant = variant === 'int8' ? 'fp32' : 'int8';
  }
  const where = `${bundle.name} ${variant} (${path.relative(bundle.dir, bundle.variants[variant] as string)})`;
  const session = await ort.InferenceSession.create(await readModel(bundle, variant), {
    graphOptimizationLevel: 'all',
    intraOpNumThreads: choice.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    executionProviders: [choice.executionProvider],
  });
  let output: 'sentence_embedding' | 'last_hidden_state';
  try {
    output = checkGraphNames(session.inputNames, session.outputNames, where);
  } catch (e) {
    await session.release();
    throw e;
  }
  const feedTypes = session.inputNames.includes('token_type_ids');
  const maxLen = bundle.maxSequenceLength;

  async function runBatch(texts: string[]): Promise<Float32Array[]> {
    const enc = encodeBatch(bundle.tokenizer, texts, maxLen);
    const dims = [enc.batch, enc.sequence];
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', enc.inputIds, dims),
      attention_mask: new ort.Tensor('int64', enc.attentionMask, dims),
    };
    if (feedTypes) feeds.token_type_ids = new ort.Tensor('int64', enc.tokenTypeIds, dims);
    const result = await session.run(feeds, [output]);
    const t = result[output] as ort.Tensor;
    const data = t.data as Float32Array;
    if (output === 'sentence_embedding') {
      const dim = t.dims[1] as number;
      return texts.map((_, b) => data.slice(b * dim, (b + 1) * dim));
    }
    return meanPool(data, enc.attentionMask, enc.batch, enc.sequence, t.dims[2] as number);
  }

  // Warm-up: the first run allocates arenas and picks kernels; pay it at load, not on a customer.
  let dim: number;
  try {
    const warm = await runBatch(['warm up']);
    dim = (warm[0] as Float32Array).length;
  } catch (e) {
    await session.release();
    throw new BundleError(`${where} failed its warm-up run: ${(e as Error).message}`);
  }
  if (dim !== bundle.embeddingDim) {
    await session.release();
    throw new BundleError(`${where} produces ${dim}-dim embeddings; the bundle says ${bundle.embeddingDim}`);
  }

  const batcher = new MicroBatcher<string, Float32Array>(runBatch, { maxBatch: opts.maxBatch ?? 32, windowMs: opts.windowMs ?? 0 });
  const cache = new Lru<string, Float32Array>(opts.cacheSize ?? 2048);
  const stats = { runs: 0, items: 0, cacheHits: 0 };
  let closed = false;

  const modelInfo: ModelInfo = {
    name: bundle.name,
    version: bundle.version,
    variant,
    verified: bundle.verified,
    load_ms: Math.round(performance.now() - t0),
    dim,
    threads: choice.threads,
    executionProvider: choice.executionProvider,
    maxSequenceLength: maxLen,
  };

  return {
    modelInfo,
    bundle,
    get stats() {
      return { ...stats, runs: batcher.stats.runs, items: batcher.stats.items };
    },
    async embed(texts) {
      if (closed) throw new Error(`encoder ${bundle.name} is closed`);
      const out: (Float32Array | undefined)[] = texts.map((t) => {
        const hit = cache.get(t);
        if (hit) stats.cacheHits++;
        return hit?.slice();
      });
      // Submitting misses shortest-first keeps each merged run's padding small for bulk calls.
      const misses = texts.map((t, i) => ({ t: String(t ?? ''), i })).filter(({ i }) => !out[i]);
      misses.sort((a, b) => a.t.length - b.t.length);
      await Promise.all(
        misses.map(async ({ t, i }) => {
          const v = await batcher.submit(t);
          cache.set(t, v);
          out[i] = v.slice();
        }),
      );
      return out as Float32Array[];
    },
    async close() {
      closed = true;
      cache.clear();
      await session.release();
    },
  };
}
