// Runs: node (core). Interaction retention: rows older than the retention setting are deleted,
// but only once the central platform has acknowledged them (their outbox row is 'acked'), so a
// terminal that has been offline for a month never loses data it has not handed over yet.
import type { Db } from '../db/database.ts';
import { appendAudit } from '../audit/audit.ts';
import { getSetting } from '../settings/settings.ts';
import { pruneStoreTxns } from '../sync/store-live.ts';

const DAY_MS = 86_400_000;
/** Deleted per transaction, so a large first purge never holds the write lock for long. */
const BATCH = 5000;

export function purgeInteractions(db: Db, days: number, actor = 'system', now = new Date()): { deleted: number; cutoff: string } {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const del = db.prepare(
    `DELETE FROM interactions WHERE rowid IN (
       SELECT i.rowid FROM interactions i
       WHERE i.ts < ? AND EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'interaction' AND o.record_id = i.id AND o.status = 'acked')
       LIMIT ${BATCH})`,
  );
  let deleted = 0;
  for (;;) {
    const n = db.transaction(() => del.run(cutoff).changes)();
    deleted += n;
    if (n < BATCH) break;
  }
  if (deleted > 0 || actor !== 'system') appendAudit(db, actor, 'retention.purge', 'interactions', { days, cutoff, deleted }, now);
  return { deleted, cutoff };
}

export function purgeBySetting(db: Db, actor = 'system', now = new Date()) {
  return purgeInteractions(db, getSetting(db, 'interactionRetentionDays'), actor, now);
}

/** Runs the purge now and then once a day; the timer never keeps the process alive. */
export function startRetentionJob(db: Db, log: (msg: string) => void = (m) => console.warn(`[retention] ${m}`)): { stop: () => void } {
  const run = () => {
    if (!db.open) return;
    try {
      const r = purgeBySetting(db);
      if (r.deleted > 0) log(`purged ${r.deleted} synced interactions older than ${r.cutoff}`);
      pruneStoreTxns(db);
    } catch (e) {
      log(`purge failed: ${(e as Error).message}`);
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
