// Runs: node (central platform). Background jobs through pg-boss (in PostgreSQL, so several
// platform instances share one queue and a job runs once). pg-boss talks through our own pool,
// which in the embedded mode is the single PGlite connection.
import PgBoss from 'pg-boss';
import type { CentralDb } from './db.ts';
import { currentTargets, type ModelsConfig } from './models.ts';
import { QUEUE_RETRAIN, runFeedbackRetrain, type RetrainConfig } from './feedback.ts';
import { defaultRetrainConfig } from './retrain-config.ts';
import { runFraudRetrain } from './fraud-feedback.ts';

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export const QUEUE_TARGETS = 'targets-refresh';

export async function startJobs(db: CentralDb, models: ModelsConfig, log: (msg: string) => void): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => db.pool.query(text, values as unknown[]) },
    schema: 'pgboss',
    supervise: true,
    schedule: true,
  });
  boss.on('error', (e: Error) => log(`[jobs] ${e.message}`));
  await boss.start();
  await boss.createQueue(QUEUE_TARGETS);
  // Signed metadata expires (freeze protection); keep it fresh even when no terminal is asking.
  await boss.schedule(QUEUE_TARGETS, '17 * * * *');
  await boss.work(QUEUE_TARGETS, async () => {
    const doc = await currentTargets(db, models);
    log(`[jobs] targets metadata v${doc.signed.version} valid until ${doc.signed.expires}`);
  });
  // The feedback loop, nightly. Without an encoder bundle on this machine there is nothing to train on.
  const retrain: RetrainConfig | null = defaultRetrainConfig(log);
  await boss.createQueue(QUEUE_RETRAIN);
  await boss.schedule(QUEUE_RETRAIN, '41 3 * * *');
  await boss.work(QUEUE_RETRAIN, async () => {
    if (!retrain) log('[jobs] feedback retrain skipped: no encoder bundle (set STOREMIND_CENTRAL_ENCODER_DIR)');
    else {
      const d = await runFeedbackRetrain(db, models, retrain);
      log(`[jobs] feedback retrain: ${d.decision}${d.version ? ` ${d.version}` : ''} (${d.reason})`);
    }
    // Staff fraud verdicts: a correction on the fixed fraud network (no encoder needed).
    const f = await runFraudRetrain(db, models, { log });
    log(`[jobs] fraud retrain: ${f.decision}${f.version ? ` ${f.version}` : ''} (${f.reason})`);
  });
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => {});
    },
  };
}
