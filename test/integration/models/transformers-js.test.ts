// Runs: node (vitest). The bundle layout promise of the model factory: Hugging Face Transformers.js
// reads the shipped encoder offline (remote models off) and computes what our own runtime and
// torch computed. Its tokenizer must give golden.json's ids, its fp32 embeddings torch's values,
// its q8 embeddings the int8 values onnxruntime-node wrote, each within the golden tolerance.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const BUNDLES = path.resolve(import.meta.dirname, '../../../native-models/bundles');
const NAME = 'storemind-bert-mini';
const vectors = z.array(z.array(z.number()));
const golden = z
  .object({
    inputs: z.array(z.string()),
    fp32: z.object({ sentence_embedding: vectors, input_ids: z.array(z.array(z.number())) }),
    int8: z.object({ sentence_embedding: vectors }),
    tolerance: z.object({ fp32: z.number(), int8: z.number() }),
  })
  .parse(JSON.parse(readFileSync(path.join(BUNDLES, NAME, 'golden.json'), 'utf8')));

function maxAbsDiff(got: ArrayLike<number>, want: readonly number[]): number {
  return Math.max(...want.map((w, i) => Math.abs((got[i] as number) - w)));
}

describe('Transformers.js reads the shipped encoder bundle offline', () => {
  const pipes: Partial<Record<'fp32' | 'q8', FeatureExtractionPipeline>> = {};
  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = BUNDLES;
    for (const dtype of ['fp32', 'q8'] as const) {
      pipes[dtype] = await pipeline('feature-extraction', NAME, { dtype, device: 'cpu', session_options: { intraOpNumThreads: 1 } });
    }
  });
  afterAll(async () => {
    for (const p of Object.values(pipes)) await p?.dispose();
  });

  it('tokenises every golden input to the ids torch saw', async () => {
    const tokenizer = (pipes.fp32 as FeatureExtractionPipeline).tokenizer;
    golden.inputs.forEach((text, i) => {
      expect(tokenizer.encode(text), text).toEqual(golden.fp32.input_ids[i]);
    });
  });

  it('gives torch\'s fp32 sentence embeddings and the int8 ones our runtime wrote', async () => {
    for (const [dtype, want, tol] of [
      ['fp32', golden.fp32.sentence_embedding, golden.tolerance.fp32],
      ['q8', golden.int8.sentence_embedding, golden.tolerance.int8],
    ] as const) {
      const fe = pipes[dtype] as FeatureExtractionPipeline;
      for (const [i, text] of golden.inputs.entries()) {
        const out = await fe(text, { pooling: 'mean', normalize: true });
        expect(out.dims).toEqual([1, 256]);
        const row = want[i] as number[];
        expect(maxAbsDiff(out.data as Float32Array, row), `${dtype}: ${text}`).toBeLessThan(tol);
      }
    }
  });

  it('refuses a model that is not on disk instead of downloading it', async () => {
    await expect(pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2', { dtype: 'q8' })).rejects.toThrow();
  });
});
