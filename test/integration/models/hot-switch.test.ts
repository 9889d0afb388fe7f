// Runs: node (vitest). Hot model switch with two real tiny ONNX bundles: the model service loads a
// newly active encoder beside the running one, swaps, and closes the old one only afterwards; a
// bundle that fails to load leaves the old one serving; through createCore, a `models.changed`
// event reloads the encoder and search re-attaches with vectors for the new version.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { ENCODER_NAME, startModelService, type ModelService } from '../../../electron/core/model-service.ts';
import { loadEncoder } from '../../../electron/core/models/index.ts';
import { createCore } from '../../../electron/core/core.ts';
import { makeTinyBundle, removeBundle } from './helpers/tiny-bundle.ts';

/** A tiny bundle with its own version number (the manifest is not in its own file list). */
function bundle(seed: number, version: string): string {
  const dir = makeTinyBundle({ style: 'storemind', seed });
  const m = path.join(dir, 'manifest.json');
  fs.writeFileSync(m, JSON.stringify({ ...JSON.parse(fs.readFileSync(m, 'utf8')), version }, null, 2));
  return dir;
}

function activate(db: Db, version: string, dir: string): void {
  db.transaction(() => {
    db.prepare("UPDATE models SET status = 'standby' WHERE name = ? AND status = 'active'").run(ENCODER_NAME);
    db.prepare(
      `INSERT INTO models (name, version, kind, path, manifest_sha256, status, installed_at, activated_at) VALUES (?, ?, 'encoder', ?, '', 'active', ?, ?)
       ON CONFLICT(name, version) DO UPDATE SET status = 'active', path = excluded.path, activated_at = excluded.activated_at`,
    ).run(ENCODER_NAME, version, dir, new Date().toISOString(), new Date(Date.now() + 1).toISOString());
  })();
}

const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-5);

describe('hot model switch', () => {
  let v1: string;
  let v2: string;
  let broken: string;
  let db: Db;
  let ms: ModelService;
  const ref: Record<string, Float32Array> = {};

  beforeAll(async () => {
    v1 = bundle(1, '1.0.0');
    v2 = bundle(2, '1.1.0');
    broken = bundle(3, '1.2.0');
    fs.writeFileSync(path.join(broken, 'onnx', 'model.onnx'), 'not an onnx graph');
    fs.writeFileSync(path.join(broken, 'onnx', 'model_quantized.onnx'), 'not an onnx graph');
    for (const [k, dir] of [['v1', v1], ['v2', v2]] as const) {
      const e = await loadEncoder(dir);
      ref[k] = (await e.embed(['oat milk please']))[0]!;
      await e.close();
    }
    expect(same(ref.v1!, ref.v2!)).toBe(false);
    db = openDatabase(path.join(tempDir(), 'storemind.db'));
    activate(db, '1.0.0', v1);
    ms = startModelService(db, { log: () => {} });
    await ms.ready;
  });
  afterAll(async () => {
    await ms?.close();
    db?.close();
    [v1, v2, broken].forEach((d) => d && removeBundle(d));
  });

  it('loads the new bundle beside the old, swaps, then closes the old one', async () => {
    expect(ms.versions()).toEqual([expect.objectContaining({ version: '1.0.0' })]);
    const old = ms.encoder()!;
    const oldEmbedder = ms.embedder()!;
    expect(same((await oldEmbedder.embed(['oat milk please']))[0]!, ref.v1!)).toBe(true);
    expect(await ms.reload()).toEqual({ changed: false, version: '1.0.0' }); // nothing new yet

    activate(db, '1.1.0', v2);
    const seen: string[] = [];
    let oldServedDuringPrepare = false;
    const off = ms.onSwap(async ({ embedder }) => {
      seen.push(embedder.version);
      // Listeners prepare while the old encoder still serves.
      oldServedDuringPrepare = same((await old.embed(['oat milk please']))[0]!, ref.v1!) && ms.versions()[0]!.version === '1.0.0';
    });
    // A call in flight on the old encoder when the reload starts finishes on it.
    const inFlight = old.embed(['a question asked just before the switch', 'and another one']);
    const r = await ms.reload();
    off();
    expect(r).toEqual({ changed: true, version: '1.1.0' });
    expect((await inFlight)).toHaveLength(2);
    expect(seen).toEqual(['tiny-bert@1.1.0']);
    expect(oldServedDuringPrepare).toBe(true);
    expect(ms.versions()).toEqual([expect.objectContaining({ version: '1.1.0' })]);
    expect(same((await ms.embedder()!.embed(['oat milk please']))[0]!, ref.v2!)).toBe(true);
    await expect(old.embed(['after the switch'])).rejects.toThrow(/closed/);
  });

  it('keeps the running encoder when the new bundle does not load', async () => {
    activate(db, '1.2.0', broken);
    const r = await ms.reload();
    expect(r.changed).toBe(false);
    expect(r.version).toBe('1.1.0');
    expect(r.error).toBeTruthy();
    expect(same((await ms.embedder()!.embed(['oat milk please']))[0]!, ref.v2!)).toBe(true);
  });

  it('reloads on models.changed through the core, and search re-attaches with the new version', async () => {
    const dataDir = tempDir('storemind-core-');
    const first = createCore({ dataDir, loadModels: false, encrypt: false });
    activate(first.db, '1.0.0', v1);
    first.close();
    const core = createCore({ dataDir, encrypt: false });
    try {
      await core.ready;
      const search = core.services.extensions.search!;
      const models = core.services.extensions.models!;
      expect(search.embedder?.version).toBe('tiny-bert@1.0.0');
      activate(core.db, '1.1.0', v2);
      core.services.emit('models.changed', { name: ENCODER_NAME, version: '1.1.0' });
      await models.reload(); // queued behind the reload the event started
      expect(models.versions()[0]?.version).toBe('1.1.0');
      expect(search.embedder?.version).toBe('tiny-bert@1.1.0');
      const products = core.db.prepare('SELECT count(*) FROM products WHERE active = 1').pluck().get() as number;
      expect(search.reloadVectors()).toBeGreaterThanOrEqual(Math.min(products, 1));
      expect(core.services.embedder()?.version).toBe('tiny-bert@1.1.0');
    } finally {
      core.close();
    }
  });
});
