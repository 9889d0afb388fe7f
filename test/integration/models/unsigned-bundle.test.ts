// Runs: node (vitest). A plain HF-style export (config.json + vocab.txt + onnx/model.onnx with
// last_hidden_state only, no manifest) loads only with trustUnsigned and is pooled by the runtime.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEncoder, type Encoder } from '../../../electron/core/models/encoder.ts';
import { loadBundle } from '../../../electron/core/models/bundle.ts';
import { makeTinyBundle, removeBundle } from './helpers/tiny-bundle.ts';

describe('unsigned Hugging Face export', () => {
  let dir: string;
  let encoder: Encoder;

  beforeAll(async () => {
    dir = makeTinyBundle({ style: 'hf' });
    encoder = await loadEncoder(dir, { trustUnsigned: true });
  });
  afterAll(async () => {
    await encoder?.close();
    removeBundle(dir);
  });

  it('is refused without trustUnsigned', async () => {
    await expect(loadBundle(dir)).rejects.toThrow(/no manifest\.json.*trustUnsigned/);
    await expect(loadEncoder(dir)).rejects.toThrow(/cannot be verified/);
  });

  it('loads with trustUnsigned, reported as unverified', () => {
    expect(encoder.modelInfo).toMatchObject({ verified: false, variant: 'fp32', dim: 32 });
    expect(encoder.modelInfo.version).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(encoder.modelInfo.load_ms).toBeGreaterThan(0);
  });

  it('embeds with masked mean pooling and L2 norm', async () => {
    const [a, b, c] = await encoder.embed(['where are the aa batteries', 'milk price', 'where are the aa batteries']);
    expect(a).toHaveLength(32);
    const norm = Math.hypot(...(a as Float32Array));
    expect(norm).toBeCloseTo(1, 5);
    expect(Array.from(c as Float32Array)).toEqual(Array.from(a as Float32Array));
    expect(Array.from(b as Float32Array)).not.toEqual(Array.from(a as Float32Array));
  });

  it('embeds awkward input: empty, 10,000 characters, emoji, lone surrogates, control chars', async () => {
    const out = await encoder.embed(['', 'milk '.repeat(2000), '🥛🍞', '\uD800 bread \uDFFF', '\u0000\u0007']);
    expect(out).toHaveLength(5);
    for (const v of out) expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    expect(await encoder.embed([])).toEqual([]);
  });

  it('refuses to embed after close', async () => {
    const e = await loadEncoder(dir, { trustUnsigned: true });
    await e.close();
    await expect(e.embed(['milk'])).rejects.toThrow(/closed/);
  });

  it('pads without changing a text’s embedding (mask respected)', async () => {
    const fresh = await loadEncoder(dir, { trustUnsigned: true, cacheSize: 0 });
    try {
      const [alone] = await fresh.embed(['milk']);
      const [padded] = await fresh.embed(['milk', 'where are the aa batteries in this store please']);
      for (let i = 0; i < 32; i++) expect((padded as Float32Array)[i]).toBeCloseTo((alone as Float32Array)[i] as number, 5);
    } finally {
      await fresh.close();
    }
  });

  it('merges concurrent calls into one session run', async () => {
    const fresh = await loadEncoder(dir, { trustUnsigned: true, cacheSize: 0 });
    try {
      const before = fresh.stats.runs;
      const texts = Array.from({ length: 10 }, (_, i) => `order ${i}`);
      const results = await Promise.all(texts.map((t) => fresh.embed([t])));
      expect(results).toHaveLength(10);
      expect(fresh.stats.runs - before).toBe(1);
      const [again] = await fresh.embed(['order 3']);
      for (let i = 0; i < 32; i++) expect((again as Float32Array)[i]).toBeCloseTo((results[3]![0] as Float32Array)[i] as number, 5);
    } finally {
      await fresh.close();
    }
  });
});
