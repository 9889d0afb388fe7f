// Runs: node (vitest). Golden checks: tokenizer ids equal torch's, fp32 and int8 embeddings equal
// golden.json within tolerance. Targets the shipped bundle native-models/bundles/storemind-bert-mini
// when it is there; until the factory has produced it, a generated tiny bundle stands in, so the
// test always runs real graphs (it is never skipped).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../../electron/core/models/bundle.ts';
import { checkGolden, writeInt8Golden } from '../../../electron/core/models/golden.ts';
import { makeTinyBundle, removeBundle } from './helpers/tiny-bundle.ts';

const SHIPPED = path.resolve(import.meta.dirname, '../../../native-models/bundles/storemind-bert-mini');
const shippedExists = existsSync(path.join(SHIPPED, 'manifest.json'));
const INPUTS = ['where are the aa batteries', 'Café crème?!', '中文 store', "Don't-stop  MILK\tbread", 'unbattering xyz 🥛'];

describe('write-golden on a generated bundle', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTinyBundle({ style: 'storemind', inputs: INPUTS });
  });
  afterAll(() => removeBundle(dir));

  it('fills int8 expectations, re-signs golden.json, and the bundle stays verifiable', async () => {
    const report = await writeInt8Golden(dir);
    expect(report.problems).toEqual([]);
    expect(report.tokenizer).toMatchObject({ checked: true, ok: true });
    expect(report.variants.fp32?.maxAbsDiff).toBeLessThan(1e-4);
    const golden = JSON.parse(readFileSync(path.join(dir, 'golden.json'), 'utf8'));
    expect(golden.int8.sentence_embedding).toHaveLength(INPUTS.length);
    await expect(loadBundle(dir)).resolves.toMatchObject({ verified: true });
  });

  it('fails with a clear message when fp32 disagrees with torch', async () => {
    const file = path.join(dir, 'golden.json');
    const golden = JSON.parse(readFileSync(file, 'utf8'));
    golden.fp32.sentence_embedding[0][0] += 0.01;
    golden.fp32.input_ids[1] = [2, 3];
    writeFileSync(file, JSON.stringify(golden));
    // Re-sign so the manifest check passes and the golden comparison is what fails.
    const { createHash } = await import('node:crypto');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const bytes = readFileSync(file);
    Object.assign(manifest.files.find((f: { path: string }) => f.path === 'golden.json'), { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const err = await writeInt8Golden(dir).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(err).toMatch(/tokenizer ids differ for "Café crème\?!"/);
    expect(err).toMatch(/fp32 embeddings differ from golden\.json by 1\.00e-2/);
  });
});

describe(`golden check of ${shippedExists ? 'the shipped bundle storemind-bert-mini' : 'a generated stand-in (shipped bundle not built yet)'}`, () => {
  let dir: string;
  beforeAll(async () => {
    if (shippedExists) dir = SHIPPED;
    else {
      dir = makeTinyBundle({ style: 'storemind', inputs: INPUTS, seed: 11 });
      await writeInt8Golden(dir);
    }
  });
  afterAll(() => {
    if (!shippedExists) removeBundle(dir);
  });

  it('tokenizer ids equal torch input_ids', async () => {
    const r = await checkGolden(dir, { variants: [] });
    expect(r.tokenizer.checked).toBe(true);
    expect(r.tokenizer.mismatches).toEqual([]);
  });

  it('fp32 matches golden within tolerance', async () => {
    const r = await checkGolden(dir, { variants: ['fp32'] });
    expect(r.problems).toEqual([]);
    expect(r.variants.fp32?.maxAbsDiff).toBeLessThanOrEqual(r.variants.fp32?.tolerance as number);
  });

  it('int8 matches golden within tolerance', async () => {
    const r = await checkGolden(dir, { variants: ['int8'] });
    expect(r.problems).toEqual([]);
    expect(r.variants.int8?.maxAbsDiff).toBeLessThanOrEqual(r.variants.int8?.tolerance as number);
  });
});
