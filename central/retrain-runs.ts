// Runs: node (central platform). What the two nightly retrains (kiosk head: feedback.ts; fraud
// model: fraud-feedback.ts) share: the newest published version of a model, the next version
// number, when the last run looked, and recording every run's decision in retrain_runs and
// admin_log.
import fs from 'node:fs';
import { compareVersions } from '../common/api/sync.ts';
import { unpackTo } from '../electron/core/sync/pack.ts';
import type { CentralDb } from './db.ts';
import { artifactPath, type ModelsConfig } from './models.ts';

export type RetrainOutcome = 'published' | 'rejected' | 'skipped' | 'failed';

/** The newest published, not revoked version of `name`, unpacked into `into`; else null. */
export async function newestPublished(db: CentralDb, cfg: ModelsConfig, name: string, into: string): Promise<{ version: string; dir: string } | null> {
  const { rows } = await db.pool.query<{ version: string; sha256: string }>('SELECT version, sha256 FROM model_versions WHERE name = $1 AND NOT revoked', [name]);
  const newest = rows.sort((a, b) => compareVersions(b.version, a.version))[0];
  if (!newest) return null;
  unpackTo(fs.readFileSync(artifactPath(cfg.dataDir, newest.sha256)), into);
  return { version: newest.version, dir: into };
}

/** The version a retrain publishes next: the shipped model counts as 1.0.0. */
export function nextRetrainVersion(published: string | null): string {
  if (!published) return '1.0.1';
  const [a, b, c] = published.split('.').map(Number) as [number, number, number];
  return `${a}.${b}.${c + 1}`;
}

/** The newest label record the last successful run of `model` had seen (runs skip when nothing is newer). */
export async function lastSeenRecordAt(db: CentralDb, model: string): Promise<Date | null> {
  const last = await db.pool.query<{ last_record_at: Date | null }>(
    "SELECT last_record_at FROM retrain_runs WHERE model = $1 AND decision <> 'failed' ORDER BY id DESC LIMIT 1", [model],
  );
  return last.rows[0]?.last_record_at ?? null;
}

export interface RetrainRun {
  model: string;
  decision: RetrainOutcome;
  reason: string;
  version: string | null;
  baseline: string | null;
  corrections: number;
  fraudVerdicts: number;
  lastAt: Date | null;
  metrics: unknown;
}

export async function recordRetrainRun(db: CentralDb, r: RetrainRun): Promise<void> {
  await db.pool.query(
    `INSERT INTO retrain_runs (model, decision, reason, candidate_version, baseline, corrections, fraud_verdicts, last_record_at, metrics)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [r.model, r.decision, r.reason, r.version, r.baseline, r.corrections, r.fraudVerdicts, r.lastAt, JSON.stringify(r.metrics)],
  );
  await db.pool.query("INSERT INTO admin_log (action, detail) VALUES ('retrain', $1)", [JSON.stringify({ model: r.model, decision: r.decision, version: r.version, reason: r.reason })]);
}
