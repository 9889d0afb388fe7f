// Runs: node (vitest). The nightly feedback job as pg-boss runs it (PGlite): one job runs both
// retrains, the kiosk head's and the fraud model's, and each records its decision (here "skipped":
// no labels have arrived yet) in retrain_runs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { startJobs, type Jobs } from '../../../central/jobs.ts';
import { QUEUE_RETRAIN, KIOSK_HEAD_MODEL } from '../../../central/feedback.ts';
import { loadRootKey } from '../../../central/keys.ts';
import { FRAUD_MODEL_NAME } from '../../../electron/core/fraud/model.ts';

describe('the nightly feedback job', () => {
  let platform: Platform;
  let jobs: Jobs;
  const logs: string[] = [];

  beforeAll(async () => {
    const dataDir = tempDir('storemind-central-');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'retrain-job-test-admin-token';
    platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
    jobs = await startJobs(platform.db, { dataDir, rootKey: loadRootKey(dataDir), metadataTtlMs: 864e5 }, (m) => logs.push(m));
  });
  afterAll(async () => {
    await jobs?.stop();
    await platform?.close();
  });

  it('runs the kiosk head retrain and the fraud retrain, and records both', async () => {
    await jobs.boss.send(QUEUE_RETRAIN, {});
    await vi.waitFor(async () => {
      const { rows } = await platform.db.pool.query<{ model: string; decision: string }>('SELECT model, decision FROM retrain_runs ORDER BY id');
      expect(rows).toEqual([
        { model: KIOSK_HEAD_MODEL, decision: 'skipped' },
        { model: FRAUD_MODEL_NAME, decision: 'skipped' },
      ]);
      // Each run's row is written before the job logs it: wait for the log lines too.
      expect(logs.some((l) => l.startsWith('[jobs] feedback retrain: skipped'))).toBe(true);
      expect(logs.some((l) => /^\[jobs\] fraud retrain: skipped \(0 verdicts/.test(l))).toBe(true);
    }, { timeout: 30_000, interval: 200 });
  });
});
