// Runs: node (vitest). A StoreMind bundle is all-or-nothing: a changed byte, a missing file or
// a graph with the wrong tensor names is refused with an error that says what is wrong.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../../electron/core/models/bundle.ts';
import { loadEncoder } from '../../../electron/core/models/encoder.ts';
import { makeTinyBundle, removeBundle } from './helpers/tiny-bundle.ts';

describe('manifest verification', () => {
  let good: string;
  const copies: string[] = [];
  const copy = () => {
    const d = path.join(os.tmpdir(), `storemind-copy-${process.pid}-${copies.length}`);
    rmSync(d, { recursive: true, force: true });
    cpSync(good, d, { recursive: true });
    copies.push(d);
    return d;
  };

  beforeAll(() => {
    good = makeTinyBundle({ style: 'storemind' });
  });
  afterAll(() => {
    removeBundle(good);
    copies.forEach(removeBundle);
  });

  it('loads an intact bundle as verified, int8 by default on CPU', async () => {
    const b = await loadBundle(good);
    expect(b).toMatchObject({ name: 'tiny-bert', version: '0.0.1', verified: true, embeddingDim: 32, maxSequenceLength: 64 });
    const enc = await loadEncoder(good);
    expect(enc.modelInfo).toMatchObject({ variant: 'int8', verified: true, dim: 32 });
    await enc.close();
  });

  it('refuses a bundle with one byte changed, naming the file', async () => {
    const d = copy();
    const f = path.join(d, 'onnx/model_quantized.onnx');
    const bytes = readFileSync(f);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0x01;
    writeFileSync(f, bytes);
    await expect(loadBundle(d)).rejects.toThrow(/onnx\/model_quantized\.onnx fails its sha256 check/);
    // trustUnsigned never relaxes a manifest that is present.
    await expect(loadEncoder(d, { trustUnsigned: true })).rejects.toThrow(/model_quantized\.onnx/);
  });

  it('refuses a changed tokenizer.json even though it is not a model file', async () => {
    const d = copy();
    const f = path.join(d, 'tokenizer.json');
    writeFileSync(f, readFileSync(f, 'utf8').replace('"lowercase": true', '"lowercase": fals'));
    await expect(loadBundle(d)).rejects.toThrow(/tokenizer\.json has size|tokenizer\.json fails/);
  });

  it('refuses a bundle with a listed file missing', async () => {
    const d = copy();
    rmSync(path.join(d, 'vocab.txt'));
    await expect(loadBundle(d)).rejects.toThrow(/vocab\.txt is listed in manifest\.json but missing/);
  });

  it('refuses a manifest that escapes the bundle folder', async () => {
    const d = copy();
    const m = JSON.parse(readFileSync(path.join(d, 'manifest.json'), 'utf8'));
    m.files.push({ path: '../etc/passwd', sha256: '0'.repeat(64), size: 1 });
    writeFileSync(path.join(d, 'manifest.json'), JSON.stringify(m));
    await expect(loadBundle(d)).rejects.toThrow(/manifest\.json is invalid[\s\S]*relative path/);
  });

  it('gives a clear error for a graph with other input names', async () => {
    const wrong = makeTinyBundle({ style: 'hf', inputNames: ['ids', 'mask', 'segments'] });
    copies.push(wrong);
    await expect(loadEncoder(wrong, { trustUnsigned: true })).rejects.toThrow(
      /has inputs \[ids, mask, segments\]; expected input_ids, attention_mask and optionally token_type_ids \(missing: input_ids, attention_mask\)/,
    );
  });
});
