// Runs: node (core). Model versions as the back office sees them: the `models` table (installed
// bundles and their status) and what the model service has loaded. Rollback marks an earlier
// installed version active (and the current one standby); the model service loads the active
// version when the core next starts, so a rollback never swaps a model mid-conversation.
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';

export interface ModelRowView {
  name: string;
  version: string;
  kind: string;
  status: 'active' | 'standby' | 'failed';
  installedAt: string;
  activatedAt: string | null;
}

export function listModels(db: Db): ModelRowView[] {
  return db
    .prepare('SELECT name, version, kind, status, installed_at AS installedAt, activated_at AS activatedAt FROM models ORDER BY name, installed_at DESC')
    .all() as ModelRowView[];
}

export function rollbackModel(db: Db, actor: string, name: string, version: string, now = new Date()): ModelRowView[] {
  db.transaction(() => {
    const target = db.prepare('SELECT status FROM models WHERE name = ? AND version = ?').get(name, version) as { status: string } | undefined;
    if (!target) throw new CoreError('NOT_FOUND', `Model ${name}@${version} is not installed on this terminal.`);
    if (target.status === 'active') throw new CoreError('CONFLICT', `${name}@${version} is already the active version.`);
    if (target.status === 'failed') throw new CoreError('CONFLICT', `${name}@${version} failed verification or loading; it cannot be made active.`);
    const current = db.prepare("SELECT version FROM models WHERE name = ? AND status = 'active'").pluck().get(name) as string | undefined;
    db.prepare("UPDATE models SET status = 'standby' WHERE name = ? AND status = 'active'").run(name);
    db.prepare("UPDATE models SET status = 'active', activated_at = ? WHERE name = ? AND version = ?").run(now.toISOString(), name, version);
    appendAudit(db, actor, 'model.rollback', name, { from: current ?? null, to: version }, now);
  })();
  return listModels(db);
}
