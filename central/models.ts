// Runs: node (central platform). Model releases, TUF-style: artifacts are stored by sha256 in the
// data folder; the targets metadata (every model version with its length, sha256, rollout share
// and revoked flag) is signed with the root ed25519 key and expires, so a terminal can tell a
// stale or forged file from a current one. Each re-signing gets a higher metadata version.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson, compareVersions, TargetsSigned, type SignedTargetsT, type TargetsSignedT } from '../common/api/sync.ts';
import type { CentralDb } from './db.ts';
import { HttpError, badRequest } from './errors.ts';
import type { RootKey } from './keys.ts';

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const VERSION = /^\d+\.\d+\.\d+$/;

export interface ModelsConfig {
  dataDir: string;
  rootKey: RootKey;
  /** How long signed metadata stays valid (default 7 days); re-signed when half of it is left. */
  metadataTtlMs: number;
}

export function artifactPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'artifacts', sha256);
}

export function signTargets(signed: TargetsSignedT, key: RootKey): SignedTargetsT {
  const sig = crypto.sign(null, Buffer.from(canonicalJson(signed)), key.privateKey).toString('base64');
  return { signed, signatures: [{ keyid: key.keyid, sig }] };
}

async function resign(db: CentralDb, cfg: ModelsConfig): Promise<SignedTargetsT> {
  return db.tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(727002)');
    const { rows } = await c.query<{ name: string; version: string; sha256: string; length: number; rollout: number; revoked: boolean; created_at: Date }>(
      'SELECT name, version, sha256, length, rollout, revoked, created_at FROM model_versions',
    );
    const models: TargetsSignedT['models'] = {};
    for (const r of rows) {
      (models[r.name] ??= []).push({ version: r.version, length: r.length, sha256: r.sha256, rollout: r.rollout, revoked: r.revoked, created: r.created_at.toISOString() });
    }
    for (const list of Object.values(models)) list.sort((a, b) => compareVersions(a.version, b.version));
    const last = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM targets_metadata');
    const signed = TargetsSigned.parse({ type: 'targets', version: (last.rows[0]?.v ?? 0) + 1, expires: new Date(Date.now() + cfg.metadataTtlMs).toISOString(), models });
    const doc = signTargets(signed, cfg.rootKey);
    await c.query('INSERT INTO targets_metadata (version, body) VALUES ($1, $2)', [signed.version, JSON.stringify(doc)]);
    return doc;
  });
}

/** The current signed metadata, re-signed first when it is missing or past half its lifetime. */
export async function currentTargets(db: CentralDb, cfg: ModelsConfig): Promise<SignedTargetsT> {
  const { rows } = await db.pool.query<{ body: SignedTargetsT }>('SELECT body FROM targets_metadata ORDER BY version DESC LIMIT 1');
  const doc = rows[0]?.body;
  if (doc && Date.parse(doc.signed.expires) - Date.now() > cfg.metadataTtlMs / 2) return doc;
  return resign(db, cfg);
}

export async function publishModel(db: CentralDb, cfg: ModelsConfig, name: string, version: string, bytes: Buffer, rollout = 100): Promise<{ name: string; version: string; sha256: string; length: number; metadataVersion: number }> {
  if (!NAME.test(name)) throw badRequest('BAD_NAME', 'A model name is lowercase letters, digits, ".", "_" or "-".');
  if (!VERSION.test(version)) throw badRequest('BAD_VERSION', 'A model version is MAJOR.MINOR.PATCH.');
  if (!bytes.length) throw badRequest('EMPTY', 'The artifact is empty.');
  if (!(rollout >= 0 && rollout <= 100)) throw badRequest('BAD_ROLLOUT', 'rollout is a percentage from 0 to 100.');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const file = artifactPath(cfg.dataDir, sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }
  await db.tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(727002)');
    const { rows } = await c.query<{ version: string }>('SELECT version FROM model_versions WHERE name = $1', [name]);
    const newest = rows.map((r) => r.version).sort(compareVersions).at(-1);
    // Versions only go forward: a rollback is a revocation, never a re-publish of an older number.
    if (newest && compareVersions(version, newest) <= 0) throw new HttpError(409, 'VERSION_NOT_NEWER', `${name} ${version} is not newer than the published ${newest}.`);
    await c.query('INSERT INTO model_versions (name, version, sha256, length, rollout) VALUES ($1, $2, $3, $4, $5)', [name, version, sha256, bytes.length, rollout]);
    await c.query("INSERT INTO admin_log (action, detail) VALUES ('publish-model', $1)", [JSON.stringify({ name, version, sha256, rollout })]);
  });
  const doc = await resign(db, cfg);
  return { name, version, sha256, length: bytes.length, metadataVersion: doc.signed.version };
}

export async function updateModelVersion(db: CentralDb, cfg: ModelsConfig, name: string, version: string, change: { rollout?: number; revoked?: boolean }): Promise<SignedTargetsT> {
  if (change.rollout !== undefined && !(change.rollout >= 0 && change.rollout <= 100)) throw badRequest('BAD_ROLLOUT', 'rollout is a percentage from 0 to 100.');
  const { rowCount } = await db.pool.query(
    'UPDATE model_versions SET rollout = COALESCE($3, rollout), revoked = COALESCE($4, revoked) WHERE name = $1 AND version = $2',
    [name, version, change.rollout ?? null, change.revoked ?? null],
  );
  if (!rowCount) throw new HttpError(404, 'NOT_FOUND', `No model ${name} ${version}.`);
  await db.pool.query("INSERT INTO admin_log (action, detail) VALUES ('model-update', $1)", [JSON.stringify({ name, version, ...change })]);
  return resign(db, cfg);
}

/** What a terminal says it runs: each report kept (failures are the fleet dashboard's), the list on the terminal. */
export async function recordModelReports(db: CentralDb, terminalId: string, models: Array<{ name: string; version: string; status: string; reason?: string | null }>): Promise<void> {
  for (const m of models) {
    await db.pool.query('INSERT INTO model_reports (terminal_id, name, version, status, reason) VALUES ($1, $2, $3, $4, $5)', [terminalId, m.name, m.version, m.status, m.reason ?? null]);
  }
  await db.pool.query('UPDATE terminals SET models = $2::jsonb, last_contact = now() WHERE id = $1', [terminalId, JSON.stringify(models)]);
}

/** Whether a model file with this sha256 was published here (the only files served by hash). */
export async function isPublishedArtifact(db: CentralDb, sha256: string): Promise<boolean> {
  return ((await db.pool.query('SELECT 1 FROM model_versions WHERE sha256 = $1 LIMIT 1', [sha256])).rowCount ?? 0) > 0;
}

