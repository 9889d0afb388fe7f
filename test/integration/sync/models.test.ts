// Runs: node (vitest). Signed model updates end to end with real ONNX bundles (generated tiny
// BERTs, golden-checked through onnxruntime): install, HTTP Range resume after a cut download,
// corrupted / truncated / unsigned downloads, expired metadata, a metadata rollback attempt, a
// version failing its golden inputs, and a platform rollback. The last good version keeps serving.
// On PGlite and on a real PostgreSQL server.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { AdminClient } from '../../../central/admin-client.ts';
import { artifactPath } from '../../../central/models.ts';
import { writeInt8Golden } from '../../../electron/core/models/golden.ts';
import { modelUpdater } from '../../../electron/core/sync/models.ts';
import { packDir } from '../../../electron/core/sync/pack.ts';
import { getState } from '../../../electron/core/sync/state.ts';
import { makeTinyBundle, removeBundle } from '../models/helpers/tiny-bundle.ts';
import { startPostgres, type PgServer } from './helpers/postgres.ts';
import { startProxy, type FaultProxy } from './helpers/proxy.ts';
import { makeTerminal, type TestTerminal } from './helpers/terminal.ts';

const NAME = 'storemind-bert-mini';

describe.each(['pglite', 'postgres'] as const)('signed model updates (%s)', (backend) => {
  let pgServer: PgServer | null = null;
  let platform: Platform;
  let admin: AdminClient;
  let proxy: FaultProxy;
  let t: TestTerminal;
  let root: crypto.KeyObject;
  let dataDir: string;
  const bundles: string[] = [];
  let good1: string;
  let good2: string;

  /** A copy of a bundle with a release note, so each version is a distinct artifact. */
  function release(src: string, version: string, tamper?: (dir: string) => void): Buffer {
    const dir = path.join(tempDir('storemind-release-'), 'b');
    fs.cpSync(src, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'RELEASE'), version);
    tamper?.(dir);
    return packDir(dir);
  }
  const sync = (now?: () => number) => t.sync({ models: modelUpdater({ dataDir: t.dir, rootPublicKey: root, ...(now ? { now } : {}) }) });
  const active = () => t.db.prepare("SELECT version FROM models WHERE name = ? AND status = 'active'").pluck().get(NAME);

  beforeAll(async () => {
    for (const seed of [1, 2]) {
      const dir = makeTinyBundle({ style: 'storemind', seed, inputs: ['where are the aa batteries', 'oat milk please'] });
      await writeInt8Golden(dir);
      bundles.push(dir);
    }
    [good1, good2] = bundles as [string, string];
    dataDir = tempDir('storemind-central-');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'models-test-admin-token';
    const databaseUrl = backend === 'postgres' ? await (pgServer = await startPostgres()).createDatabase('central') : undefined;
    platform = await startPlatform({ dataDir, databaseUrl, port: 0, jobs: false, logLevel: 'silent' });
    admin = new AdminClient(platform.url, platform.admin.token);
    root = crypto.createPublicKey(fs.readFileSync(path.join(dataDir, 'keys', 'root.pub')));
    proxy = await startProxy(() => platform.port);
    t = await makeTerminal(admin, proxy.url, 'models-store');
  });
  afterAll(async () => {
    t?.close();
    await proxy?.close();
    await platform?.close();
    await pgServer?.stop();
    bundles.forEach(removeBundle);
  });

  it('installs a signed version after its golden check, then resumes a cut download with Range', async () => {
    await admin.publishModel(NAME, '1.0.0', release(good1, '1.0.0'));
    const r1 = await sync();
    expect(r1.models).toEqual([{ name: NAME, version: '1.0.0', status: 'active' }]);
    expect(active()).toBe('1.0.0');

    const artifact = release(good2, '1.1.0');
    await admin.publishModel(NAME, '1.1.0', artifact);
    let cut = false;
    proxy.decide = (req) => (req.path.startsWith('/v1/artifacts/') && !cut ? ((cut = true), { kind: 'reset-response', bytes: 400 + Math.floor(artifact.length / 2) }) : { kind: 'pass' });
    const r2 = await sync();
    proxy.decide = () => ({ kind: 'pass' });
    expect(r2.models).toEqual([{ name: NAME, version: '1.1.0', status: 'active' }]);
    const gets = proxy.log.filter((l) => l.path.startsWith('/v1/artifacts/'));
    expect(gets.length).toBeGreaterThanOrEqual(3);
    expect(gets.at(-1)!.head.toLowerCase()).toMatch(/range: bytes=\d+-/);
    expect(active()).toBe('1.1.0');
  });

  it('refuses corrupted and truncated downloads; 1.1.0 keeps serving', async () => {
    const corrupt = await admin.publishModel(NAME, '1.2.0', release(good1, '1.2.0'));
    const file = artifactPath(dataDir, corrupt.sha256);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const r1 = await sync();
    expect(r1.models[0]).toMatchObject({ version: '1.2.0', status: 'failed' });
    expect(r1.models[0]!.reason).toMatch(/sha256/);
    expect(active()).toBe('1.1.0');

    const trunc = await admin.publishModel(NAME, '1.3.0', release(good1, '1.3.0'));
    fs.truncateSync(artifactPath(dataDir, trunc.sha256), Math.floor(trunc.length / 3));
    const r2 = await sync();
    expect(r2.models[0]).toMatchObject({ version: '1.3.0', status: 'failed' });
    expect(active()).toBe('1.1.0');
  });

  it('refuses a version that fails its golden inputs, and reports it to the platform', async () => {
    await admin.publishModel(NAME, '1.4.0', release(good2, '1.4.0', (dir) => {
      const g = JSON.parse(fs.readFileSync(path.join(dir, 'golden.json'), 'utf8'));
      g.fp32.sentence_embedding[0][0] += 0.5;
      const text = JSON.stringify(g);
      fs.writeFileSync(path.join(dir, 'golden.json'), text);
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      const entry = m.files.find((f: { path: string }) => f.path === 'golden.json');
      Object.assign(entry, { sha256: crypto.createHash('sha256').update(text).digest('hex'), size: Buffer.byteLength(text) });
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
    }));
    const r = await sync();
    expect(r.models[0]).toMatchObject({ version: '1.4.0', status: 'failed' });
    expect(r.models[0]!.reason).toMatch(/fp32 embeddings differ/);
    expect(active()).toBe('1.1.0');
    const fleet = (await admin.fleet()) as { models: Array<{ version: string; failures: number }> };
    expect(fleet.models.find((m) => m.version === '1.4.0')!.failures).toBe(1);
  });

  it('refuses unsigned and expired metadata and a metadata rollback attempt', async () => {
    const seen = getState(t.db, 'targetsVersion')!;
    // Expired: the terminal's clock is past the metadata's expiry.
    const r1 = await sync(() => Date.now() + 30 * 86_400_000);
    expect(r1.models[0]).toMatchObject({ status: 'refused' });
    expect(r1.models[0]!.reason).toMatch(/expired/);
    // Unsigned: signed by a key that is not the pinned root.
    const latest = await platform.db.pool.query<{ version: number; body: { signed: unknown } }>('SELECT version, body FROM targets_metadata ORDER BY version DESC LIMIT 1');
    const other = crypto.generateKeyPairSync('ed25519');
    const { canonicalJson } = await import('../../../common/api/sync.ts');
    const forged = { signed: latest.rows[0]!.body.signed, signatures: [{ keyid: 'x', sig: crypto.sign(null, Buffer.from(canonicalJson(latest.rows[0]!.body.signed)), other.privateKey).toString('base64') }] };
    await platform.db.pool.query('UPDATE targets_metadata SET body = $2 WHERE version = $1', [latest.rows[0]!.version, JSON.stringify(forged)]);
    const r2 = await sync();
    expect(r2.models[0]!.reason).toMatch(/not signed by the pinned root key/);
    // Rollback: the platform (or a mirror) serves an older, validly signed version.
    await platform.db.pool.query('DELETE FROM targets_metadata WHERE version >= $1', [seen]);
    const r3 = await sync();
    expect(r3.models[0]!.reason).toMatch(/rollback attempt/);
    expect(active()).toBe('1.1.0');
  });

  it('a platform rollback returns terminals to the last good version; versions never go backwards otherwise', async () => {
    await admin.rollback(NAME, '1.1.0'); // re-signs with a newer metadata version
    const r = await sync();
    expect(r.models).toEqual([{ name: NAME, version: '1.0.0', status: 'active' }]);
    expect(active()).toBe('1.0.0');
    // Publishing an older number is refused at the platform.
    await expect(admin.publishModel(NAME, '1.0.5', release(good1, '1.0.5'))).rejects.toMatchObject({ status: 409 });
    expect((await sync()).models).toEqual([]);
  });
});
