// Runs: node (core). Signed model updates in the spirit of TUF. The platform's root ed25519 public
// key is pinned in the app (resources/keys/root.pub). The targets metadata must carry a valid
// signature by that key, must not be expired (freeze protection) and must not be older than the
// newest this terminal has accepted (rollback protection). Each model version it lists names its
// length and sha256; the artifact is downloaded with HTTP Range resume, checked against both,
// unpacked beside the running version, verified (manifest of every file, then the golden inputs
// through a real encoder session, while the old model keeps serving) and only then switched to,
// atomically in one SQLite transaction. A version that fails is marked failed and reported; the
// last good version stays active. A version the platform revokes (rollback) sends terminals back
// to the best earlier version; otherwise versions never go backwards.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignedTargets, canonicalJson, compareVersions, type SignedTargetsT, type TargetVersionT } from '../../../common/api/sync.ts';
import type { Db } from '../db/database.ts';
import { appRoot } from '../paths.ts';
import { checkGolden } from '../models/golden.ts';
import { loadBundle } from '../models/bundle.ts';
import { HEAD_BUNDLE_KIND, bundleKind, verifyHeadBundle } from '../models/head-bundle.ts';
import { RISK_BUNDLE_KIND, verifyRiskBundle } from '../fraud/model.ts';
import { PlatformError, isRetryable, type PlatformClient } from './http.ts';
import { unpackTo } from './pack.ts';
import { withRetry } from './retry.ts';
import { getState, setState } from './state.ts';
import type { ModelStep, SyncResult } from './service.ts';

export type ModelOutcome = SyncResult['models'][number];

export interface VerifyResult {
  ok: boolean;
  problems: string[];
}

export interface ModelUpdaterOptions {
  dataDir: string;
  rootPublicKey: crypto.KeyObject;
  /** Checks an unpacked version before it is switched to (default: manifest + golden inputs). */
  verify?: (dir: string) => Promise<VerifyResult>;
  /** The terminal's clock, for metadata expiry. */
  now?: () => number;
  onActivated?: (name: string, version: string, dir: string) => void;
  log?: (msg: string) => void;
}

export function pinnedRootKeyFile(): string {
  return path.join(appRoot(), 'resources', 'keys', 'root.pub');
}

/** The pinned root key; STOREMIND_SYNC_ROOT_PUB points elsewhere for development platforms and tests. */
export function loadPinnedRootKey(env: NodeJS.ProcessEnv = process.env): crypto.KeyObject | null {
  const file = env.STOREMIND_SYNC_ROOT_PUB ?? pinnedRootKeyFile();
  if (!fs.existsSync(file)) return null;
  const key = crypto.createPublicKey(fs.readFileSync(file));
  return key.asymmetricKeyType === 'ed25519' ? key : null;
}

export class MetadataError extends Error {
  override name = 'MetadataError';
}

export function keyIdOf(key: crypto.KeyObject): string {
  return crypto.createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Checks signature, expiry and version of targets metadata; returns its signed part. */
export function verifyTargets(raw: unknown, root: crypto.KeyObject, lastVersion: number, now: number): SignedTargetsT['signed'] {
  const parsed = SignedTargets.safeParse(raw);
  if (!parsed.success) throw new MetadataError('model metadata is malformed');
  const doc = parsed.data;
  const keyid = keyIdOf(root);
  const message = Buffer.from(canonicalJson(doc.signed));
  const signed = doc.signatures.some((s) => {
    if (s.keyid !== keyid) return false;
    try {
      return crypto.verify(null, message, root, Buffer.from(s.sig, 'base64'));
    } catch {
      return false;
    }
  });
  if (!signed) throw new MetadataError('model metadata is not signed by the pinned root key');
  const expires = Date.parse(doc.signed.expires);
  if (!Number.isFinite(expires) || expires <= now) throw new MetadataError(`model metadata expired at ${doc.signed.expires}`);
  if (doc.signed.version < lastVersion) throw new MetadataError(`model metadata version ${doc.signed.version} is older than version ${lastVersion} already seen (rollback attempt)`);
  return doc.signed;
}

/** This terminal's stable bucket (0–100) for a version's staged rollout. */
export function rolloutBucket(terminalId: string, name: string, version: string): number {
  const h = crypto.createHash('sha256').update(`${terminalId}\n${name}\n${version}`).digest();
  return (h.readUInt32BE(0) / 2 ** 32) * 100;
}

interface ModelRow {
  version: string;
  status: 'active' | 'standby' | 'failed';
  path: string;
}

function rows(db: Db, name: string): ModelRow[] {
  return db.prepare('SELECT version, status, path FROM models WHERE name = ?').all(name) as ModelRow[];
}

export async function defaultVerify(dir: string): Promise<VerifyResult> {
  // An intent head travels as its own small bundle: manifest, sha256 of each file, a valid head.
  if (bundleKind(dir) === HEAD_BUNDLE_KIND) {
    const r = verifyHeadBundle(dir);
    return { ok: r.ok, problems: r.problems };
  }
  // A fraud model: manifest + sha256, the feature order this app computes, golden rows scored.
  if (bundleKind(dir) === RISK_BUNDLE_KIND) return verifyRiskBundle(dir);
  try {
    await loadBundle(dir);
    if (!fs.existsSync(path.join(dir, 'golden.json'))) return { ok: false, problems: ['the bundle has no golden.json to check'] };
    const r = await checkGolden(dir);
    return { ok: r.ok, problems: r.problems };
  } catch (e) {
    return { ok: false, problems: [(e as Error).message] };
  }
}

/** Downloads an artifact into `file`, resuming a partial one with HTTP Range; checks length and sha256. */
export async function downloadArtifact(client: PlatformClient, target: TargetVersionT, file: string): Promise<Buffer> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await withRetry(async () => {
    let have = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (have > target.length) {
      fs.rmSync(file);
      have = 0;
    }
    if (have === target.length) return;
    const fd = fs.openSync(file, 'a');
    try {
      const res = await client.request('GET', `/v1/artifacts/${target.sha256}`, {
        headers: have ? { range: `bytes=${have}-` } : {},
        sink: (chunk) => fs.writeSync(fd, chunk),
      });
      // A server that ignored the Range sent the whole file: start over from it next time.
      if (have && res.status === 200) {
        fs.closeSync(fs.openSync(file, 'w'));
        throw new PlatformError(0, 'RANGE_IGNORED', 'the platform ignored the Range request', true);
      }
    } finally {
      fs.closeSync(fd);
    }
    const size = fs.statSync(file).size;
    if (size < target.length) throw new PlatformError(0, 'TRUNCATED', `download stopped at ${size} of ${target.length} bytes`, true);
  }, { attempts: 8, baseMs: 100, capMs: 2000, retryable: isRetryable });
  const bytes = fs.readFileSync(file);
  fs.rmSync(file, { force: true });
  if (bytes.length !== target.length) throw new MetadataError(`artifact is ${bytes.length} bytes; the signed metadata says ${target.length}`);
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha !== target.sha256) throw new MetadataError('artifact fails its sha256 check against the signed metadata');
  return bytes;
}

function activate(db: Db, name: string, version: string, dir: string, kind: string, now = new Date()): void {
  const manifest = path.join(dir, 'manifest.json');
  const manifestSha = fs.existsSync(manifest) ? crypto.createHash('sha256').update(fs.readFileSync(manifest)).digest('hex') : '';
  db.transaction(() => {
    db.prepare("UPDATE models SET status = 'standby' WHERE name = ? AND status = 'active'").run(name);
    db.prepare(
      `INSERT INTO models (name, version, kind, path, manifest_sha256, status, installed_at, activated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)
       ON CONFLICT(name, version) DO UPDATE SET status = 'active', path = excluded.path, manifest_sha256 = excluded.manifest_sha256, activated_at = excluded.activated_at`,
    ).run(name, version, kind, dir, manifestSha, now.toISOString(), now.toISOString());
  })();
}

function markFailed(db: Db, name: string, version: string, dir: string, now = new Date()): void {
  db.prepare(
    `INSERT INTO models (name, version, kind, path, manifest_sha256, status, installed_at) VALUES (?, ?, 'unknown', ?, '', 'failed', ?)
     ON CONFLICT(name, version) DO UPDATE SET status = 'failed'`,
  ).run(name, version, dir, now.toISOString());
}

export function modelUpdater(o: ModelUpdaterOptions): ModelStep {
  const verify = o.verify ?? defaultVerify;
  return async (client: PlatformClient, db: Db) => {
    const outcomes: ModelOutcome[] = [];
    let raw: unknown;
    try {
      raw = await client.json('GET', '/v1/targets');
    } catch (e) {
      if (e instanceof PlatformError && e.status === 404) return outcomes;
      throw e;
    }
    const terminalId = getState(db, 'enrollment')?.terminalId ?? '';
    let signed: SignedTargetsT['signed'];
    try {
      signed = verifyTargets(raw, o.rootPublicKey, getState(db, 'targetsVersion') ?? 0, (o.now ?? Date.now)());
    } catch (e) {
      const reason = (e as Error).message;
      o.log?.(`model metadata refused: ${reason}`);
      outcomes.push({ name: '*', version: '*', status: 'refused', reason });
      await report(client, outcomes);
      return outcomes;
    }
    setState(db, 'targetsVersion', signed.version);
    for (const [name, versions] of Object.entries(signed.models)) {
      const installed = rows(db, name);
      const active = installed.find((r) => r.status === 'active');
      const listed = new Map(versions.map((v) => [v.version, v]));
      const activeRevoked = !!active && listed.get(active.version)?.revoked === true;
      const failed = new Set(installed.filter((r) => r.status === 'failed').map((r) => r.version));
      const candidates = versions
        .filter((v) => !v.revoked && !failed.has(v.version) && rolloutBucket(terminalId, name, v.version) < v.rollout)
        .sort((a, b) => compareVersions(b.version, a.version));
      // Never backwards, unless the platform withdrew what this terminal runs.
      const want = candidates.find((v) => !active || activeRevoked || compareVersions(v.version, active.version) >= 0);
      if (!want || (active && want.version === active.version)) continue;
      const dir = path.join(o.dataDir, 'models', name, want.version);
      try {
        const ready = installed.find((r) => r.version === want.version && r.status === 'standby' && fs.existsSync(r.path));
        if (!ready) {
          const bytes = await downloadArtifact(client, want, path.join(o.dataDir, 'models', '.partial', `${want.sha256}.part`));
          const tmp = `${dir}.tmp-${process.pid}`;
          fs.rmSync(tmp, { recursive: true, force: true });
          unpackTo(bytes, tmp);
          fs.rmSync(dir, { recursive: true, force: true });
          fs.renameSync(tmp, dir);
        }
        const v = await verify(dir);
        if (!v.ok) throw new MetadataError(`verification failed: ${v.problems.join('; ').slice(0, 400)}`);
        const kind = (() => {
          try {
            return (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { kind?: string }).kind ?? 'encoder';
          } catch {
            return 'encoder';
          }
        })();
        activate(db, name, want.version, dir, kind);
        o.onActivated?.(name, want.version, dir);
        outcomes.push({ name, version: want.version, status: 'active' });
        o.log?.(`model ${name} ${want.version} verified and active${active ? ` (was ${active.version})` : ''}`);
      } catch (e) {
        if (e instanceof PlatformError && e.retryable && e.code !== 'TRUNCATED') throw e; // the network, not the model: next pass
        const reason = (e as Error).message;
        markFailed(db, name, want.version, dir);
        outcomes.push({ name, version: want.version, status: 'failed', reason });
        o.log?.(`model ${name} ${want.version} refused: ${reason}; ${active ? `${active.version} stays active` : 'no model active'}`);
      }
    }
    if (outcomes.length) await report(client, outcomes);
    return outcomes;
  };
}

async function report(client: PlatformClient, outcomes: ModelOutcome[]): Promise<void> {
  const models = outcomes.slice(0, 20).map((m) => ({ name: m.name.slice(0, 100), version: m.version.slice(0, 60), status: m.status, ...(m.reason ? { reason: m.reason.slice(0, 500) } : {}) }));
  await client.json('POST', '/v1/report', { body: Buffer.from(JSON.stringify({ models })) }).catch(() => {});
}
