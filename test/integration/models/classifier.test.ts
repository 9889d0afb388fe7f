// Runs: node (vitest). Trains an intent head through the CLI functions on a small synthetic
// dataset over a generated tiny bundle, then checks it learned and that oos rejection works.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intentEval, intentTrain, type IntentTrainResult } from '../../../electron/core/models/cli.ts';
import { createIntentClassifier, headRecipe } from '../../../electron/core/models/classifier.ts';
import { loadEncoder } from '../../../electron/core/models/encoder.ts';
import { headIdf, parseHead, readHead } from '../../../electron/core/models/head-file.ts';
import { mulberry32 } from '../../../electron/core/models/rng.ts';
import { makeTinyBundle, removeBundle } from './helpers/tiny-bundle.ts';

const ITEMS = ['milk', 'bread', 'aa batteries', 'coffee', 'eggs', 'rice', 'olive oil', 'tea', 'butter', 'apples'];
const TEMPLATES: Record<string, string[]> = {
  find_product: ['where is the {x}', 'where can i find {x}', 'which aisle has {x}', 'looking for {x}'],
  price_check: ['how much is {x}', 'price of {x}', 'what does {x} cost', 'is {x} on sale'],
  refund: ['i want a refund for the {x}', 'can i return this {x}', 'refund my {x} please', 'return {x} i bought'],
  opening_hours: ['when do you open', 'what time do you close today', 'are you open on sunday', 'opening hours please'],
  out_of_scope: ['tell me a joke', 'what is the weather tomorrow', 'who won the football game', 'write me a poem', 'what is the capital of france'],
};

function synth(n: number, seed: number): string {
  const rand = mulberry32(seed);
  const lines: string[] = [];
  const intents = Object.keys(TEMPLATES);
  for (let i = 0; i < n; i++) {
    const intent = intents[i % intents.length] as string;
    const ts = TEMPLATES[intent] as string[];
    const text = (ts[Math.floor(rand() * ts.length)] as string).replace('{x}', ITEMS[Math.floor(rand() * ITEMS.length)] as string);
    lines.push(JSON.stringify({ text, intent }));
  }
  return lines.join('\n') + '\n';
}

describe('intent classifier on a tiny bundle', () => {
  let bundle: string;
  let work: string;
  let trained: IntentTrainResult;

  beforeAll(async () => {
    bundle = makeTinyBundle({ style: 'storemind' });
    work = mkdtempSync(path.join(os.tmpdir(), 'storemind-intents-'));
    writeFileSync(path.join(work, 'train.jsonl'), synth(400, 1));
    writeFileSync(path.join(work, 'test.jsonl'), synth(100, 2));
    trained = await intentTrain({ data: path.join(work, 'train.jsonl'), out: path.join(work, 'model'), encoderDir: bundle, log: () => {} });
  });
  afterAll(() => {
    removeBundle(bundle);
    rmSync(work, { recursive: true, force: true });
  });

  it('reports what it trained, on a stratified 10% split', () => {
    expect(trained.what).toBe('head on frozen embeddings + lexical features');
    expect(trained.val_source).toBe('split 10% stratified');
    expect(trained).toMatchObject({ n_train: 360, n_val: 40, oos_trained: true });
    expect(trained.labels).toEqual(['find_product', 'opening_hours', 'out_of_scope', 'price_check', 'refund']);
    expect(trained.temperature).toBeGreaterThan(0);
  });

  it('writes a head that records its encoder', async () => {
    const head = await readHead(path.join(work, 'model', 'head.json'));
    expect(head.encoder).toMatchObject({ name: 'tiny-bert', version: '0.0.1', variant: 'int8', dim: 32 });
    expect(path.resolve(work, 'model', head.encoder.dir as string)).toBe(path.resolve(bundle));
    expect(head.metrics).toHaveProperty('train_accuracy');
    expect(head.metrics.train_accuracy as number).toBeGreaterThan(0.9);
  });

  it('learns: held-out accuracy far above chance (0.2)', async () => {
    const r = await intentEval({ model: path.join(work, 'model'), data: path.join(work, 'test.jsonl'), log: () => {} });
    expect(r.n).toBe(100);
    expect(r.accuracy).toBeGreaterThan(0.85);
    expect(r.oos_recall).toBeGreaterThan(0.8);
    expect(r.p50_ms).toBeGreaterThan(0);
    expect(r.p95_ms).toBeGreaterThanOrEqual(r.p50_ms);
  });

  it('rejects below the threshold and returns calibrated top-k', async () => {
    const head = await readHead(path.join(work, 'model', 'head.json'));
    const encoder = await loadEncoder(bundle);
    try {
      const clf = createIntentClassifier(head, encoder);
      const [p] = await clf.classify(['where can i find milk'], { topK: 3 });
      expect(p?.label).toBe('find_product');
      expect(p?.topK).toHaveLength(3);
      expect(p?.topK[0]?.p).toBeCloseTo(p?.confidence as number, 6);
      const strict = createIntentClassifier({ ...head, threshold: 0.999999 }, encoder);
      const [q] = await strict.classify(['where can i find milk']);
      expect(q?.label).toBe('out_of_scope');
      expect(q?.topK[0]?.label).toBe('find_product');
      const [joke] = await clf.classify(['tell me a joke']);
      expect(joke?.label).toBe('out_of_scope');
    } finally {
      await encoder.close();
    }
  });

  it('refuses to pair a head with a different encoder', async () => {
    const head = await readHead(path.join(work, 'model', 'head.json'));
    const encoder = await loadEncoder(bundle);
    try {
      expect(() => createIntentClassifier({ ...head, encoder: { ...head.encoder, version: '9.9.9' } }, encoder)).toThrow(/trained on encoder tiny-bert 9\.9\.9, not tiny-bert 0\.0\.1/);
    } finally {
      await encoder.close();
    }
  });

  it('trains the kiosk recipe (hinge loss, idf, 2-5 char grams), stores idf and recipe, and still learns', async () => {
    const out = path.join(work, 'model-hinge');
    await intentTrain({ data: path.join(work, 'train.jsonl'), out, encoderDir: bundle, loss: 'hinge', idf: true, charNgramMin: 2, embeddingScale: 0.25, maxThresholdLoss: 0, log: () => {} });
    const head = await readHead(path.join(out, 'head.json'));
    expect(head.features.lexical).toMatchObject({ idf: true, charNgramMin: 2 });
    expect(headIdf(head)).toHaveLength(head.features.lexical.buckets);
    expect(headRecipe(head)).toEqual({ lexical: head.features.lexical, embeddingScale: 0.25, loss: 'hinge', maxThresholdLoss: 0 });
    const r = await intentEval({ model: out, data: path.join(work, 'test.jsonl'), log: () => {} });
    expect(r.accuracy).toBeGreaterThan(0.85);
    // A head that says it weighs by idf but lost its idf table is refused, not run unweighted.
    const { lexical_idf: _dropped, ...features } = head.features;
    expect(() => parseHead(JSON.stringify({ ...head, features }), 'h.json')).toThrow(/lexical_idf is missing/);
  });

  it('reads a head written before recipes as the softmax recipe it implies', async () => {
    const head = await readHead(path.join(work, 'model', 'head.json'));
    const { recipe: _r, ...training } = head.training;
    expect(headRecipe({ ...head, training })).toMatchObject({ loss: 'softmax', lexical: { idf: false, charNgramMin: 3 } });
  });

  it('names the line of a bad JSONL record', async () => {
    const bad = path.join(work, 'bad.jsonl');
    writeFileSync(bad, readFileSync(path.join(work, 'train.jsonl'), 'utf8').split('\n').slice(0, 5).join('\n') + '\n{"text": "hi", "label": "greet"}\n');
    await expect(intentTrain({ data: bad, out: path.join(work, 'bad-model'), encoderDir: bundle, log: () => {} })).rejects.toThrow(/bad\.jsonl:6: .*intent/);
  });
});
