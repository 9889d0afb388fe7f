// Runs: node (vitest). Signed fraud model updates on a running terminal (PGlite platform, real
// ONNX): the platform publishes a fraud-risk bundle; the terminal downloads it, verifies its
// manifest, feature order and golden rows with a real session, activates it, and its POS fraud
// engine switches to it between decisions (models.changed). A bundle whose golden rows disagree
// or whose files do not match the manifest is refused, and the last good model keeps deciding.
// A restarted terminal starts on the installed model, not the shipped one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { AdminClient } from '../../../central/admin-client.ts';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { enroll } from '../../../electron/core/sync/enroll.ts';
import { packDir } from '../../../electron/core/sync/pack.ts';
import { defaultBundleDir, FRAUD_MODEL_NAME } from '../../../electron/core/fraud/model.ts';
import { fraudEngine } from '../../../electron/core/fraud/service.ts';
import { txn } from '../../unit/fraud/helpers.ts';

const ENV = ['STOREMIND_SYNC_ROOT_PUB', 'STOREMIND_SYNC_INTERVAL_MS'] as const;
const SHIPPED_VERSION = JSON.parse(fs.readFileSync(path.join(defaultBundleDir(), 'manifest.json'), 'utf8')).version as string;

/** A copy of the shipped fraud bundle under another manifest version; `edit` may change files before (re)hashing. */
function fraudRelease(version: string, opts: { edit?: (dir: string) => void; tamperAfterHash?: (dir: string) => void } = {}): Buffer {
  const dir = path.join(tempDir('storemind-fraud-release-'), 'b');
  fs.cpSync(defaultBundleDir(), dir, { recursive: true });
  opts.edit?.(dir);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  manifest.version = version;
  for (const file of Object.keys(manifest.files)) {
    const bytes = fs.readFileSync(path.join(dir, file));
    manifest.files[file] = { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  }
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  opts.tamperAfterHash?.(dir);
  return packDir(dir);
}

describe('signed fraud model updates on a running terminal', () => {
  let platform: Platform;
  let admin: AdminClient;
  let termDir: string;
  let core: Core;
  const saved: Record<string, string | undefined> = {};
  const sync = () => core.services.extensions.sync!.syncNow();
  const rows = () => core.db.prepare('SELECT version, kind, status FROM models WHERE name = ? ORDER BY installed_at').all(FRAUD_MODEL_NAME);

  beforeAll(async () => {
    for (const k of ENV) saved[k] = process.env[k];
    const dataDir = tempDir('storemind-central-');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'fraud-model-test-admin-token';
    platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
    admin = new AdminClient(platform.url, platform.admin.token);
    process.env.STOREMIND_SYNC_ROOT_PUB = path.join(dataDir, 'keys', 'root.pub');
    process.env.STOREMIND_SYNC_INTERVAL_MS = '0';
    termDir = tempDir('storemind-term-');
    core = createCore({ dataDir: termDir, loadModels: false, encrypt: false });
    const { code } = await admin.enrollCode('fraud-model-store');
    await enroll(core.db, termDir, { server: platform.url, code });
  });
  afterAll(async () => {
    core?.close();
    await platform?.close();
    for (const k of ENV) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  });

  it('installs a verified fraud model and the running engine decides with it', async () => {
    const engine = await fraudEngine(core.services);
    expect(engine.model?.version).toBe(SHIPPED_VERSION);
    expect((await engine.decide(txn(core.db))).modelVersion).toBe(SHIPPED_VERSION);

    await admin.publishModel(FRAUD_MODEL_NAME, '3.0.0', fraudRelease('fraud-risk-3'));
    const r = await sync();
    expect(r.models).toEqual([{ name: FRAUD_MODEL_NAME, version: '3.0.0', status: 'active' }]);
    expect(rows()).toEqual([{ version: '3.0.0', kind: 'tabular-risk', status: 'active' }]);
    await vi.waitFor(() => expect(engine.model?.version).toBe('fraud-risk-3'), { timeout: 10_000, interval: 20 });
    const d = await engine.decide(txn(core.db, { totalCents: 123_45, items: [{ sku: 'X-1', qty: 1, unitCents: 123_45, overrideCents: null, discountCents: 0 }] }));
    expect(d.modelVersion).toBe('fraud-risk-3');
    expect(d.modelScore).toBeGreaterThanOrEqual(0);
  });

  it('refuses a model whose golden rows it does not reproduce, and keeps the running one', async () => {
    const wrongGolden = fraudRelease('fraud-risk-4', {
      edit: (dir) => {
        const f = path.join(dir, 'golden.json');
        const g = JSON.parse(fs.readFileSync(f, 'utf8'));
        g.scores[0] = g.scores[0] > 0.5 ? 0.01 : 0.99;
        fs.writeFileSync(f, JSON.stringify(g));
      },
    });
    await admin.publishModel(FRAUD_MODEL_NAME, '4.0.0', wrongGolden);
    const r = await sync();
    expect(r.models).toEqual([expect.objectContaining({ name: FRAUD_MODEL_NAME, version: '4.0.0', status: 'failed' })]);
    expect(r.models[0]!.reason).toMatch(/golden rows score/);
    const engine = await fraudEngine(core.services);
    expect(engine.model?.version).toBe('fraud-risk-3');
    expect((await engine.decide(txn(core.db))).modelVersion).toBe('fraud-risk-3');
  });

  it('refuses a model whose files do not match its manifest', async () => {
    const flipped = fraudRelease('fraud-risk-5', {
      tamperAfterHash: (dir) => {
        const f = path.join(dir, 'model.onnx');
        const bytes = fs.readFileSync(f);
        bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
        fs.writeFileSync(f, bytes);
      },
    });
    await admin.publishModel(FRAUD_MODEL_NAME, '5.0.0', flipped);
    const r = await sync();
    expect(r.models).toEqual([expect.objectContaining({ version: '5.0.0', status: 'failed' })]);
    expect(r.models[0]!.reason).toMatch(/sha256/);
    expect((await fraudEngine(core.services)).model?.version).toBe('fraud-risk-3');
    expect(rows()).toEqual([
      { version: '3.0.0', kind: 'tabular-risk', status: 'active' },
      expect.objectContaining({ version: '4.0.0', status: 'failed' }),
      expect.objectContaining({ version: '5.0.0', status: 'failed' }),
    ]);
  });

  it('a restarted terminal decides with the installed model', async () => {
    core.close();
    core = createCore({ dataDir: termDir, loadModels: false, encrypt: false });
    const engine = await fraudEngine(core.services);
    expect(engine.model?.version).toBe('fraud-risk-3');
  });
});
