// Runs: node (central platform). Background jobs through pg-boss (in PostgreSQL, so several
// platform instances share one queue and a job runs once). pg-boss talks through our own pool,
// which in the embedded mode is the single PGlite connection.
import PgBoss from 'pg-boss';
import type { CentralDb } from './db.ts';
import { currentTargets, type ModelsConfig } from './models.ts';

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
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => {});
    },
  };
}
