// Runs: node (vitest). Fraud verdicts retrain the fraud model (PGlite platform, real ONNX, the real
// simulator for the population check). A store's outdoor card reader is broken, so its cashiers
// key in small card sales all day: the shipped model flags them, staff mark them legitimate, and
// mark real card-testing bursts and no-receipt refund sprees as fraud. The verdicts sync up; the
// platform fits a correction on top of the network, checks it on held-out verdicts and on the
// simulator's held-out days, and publishes a signed fraud-risk bundle; the terminal verifies and
// installs it, and the new model lets the honest keyed sales through while bursts stay blocked.
// Too few verdicts are skipped; verdicts that call card testing honest are refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { AdminClient } from '../../../central/admin-client.ts';
import { runFraudRetrain } from '../../../central/fraud-feedback.ts';
import type { ModelsConfig } from '../../../central/models.ts';
import { loadRootKey } from '../../../central/keys.ts';
import { modelVector, type Features } from '../../../electron/core/fraud/feature-catalog.ts';
import { FRAUD_MODEL_NAME, loadRiskModel, type RiskModel } from '../../../electron/core/fraud/model.ts';
import { modelUpdater } from '../../../electron/core/sync/models.ts';
import { makeTerminal, type TestTerminal } from './helpers/terminal.ts';
import { verdictKit, type VerdictKit } from './helpers/verdicts.ts';

// Each retrain runs the platform's simulation of held-out days: ~10 s alone, ~21 s on a busy 2-core
// CI machine, so 3× that is the limit, not vitest's default minute.
describe('fraud verdicts → recalibrated fraud model → signed update', { timeout: 90_000 }, () => {
  let platform: Platform;
  let models: ModelsConfig;
  let t: TestTerminal;
  let shipped: RiskModel;
  let kit: VerdictKit;
  const keyedHonest = () => kit.keyedSmall();
  const burst = () => kit.burst();
  const refundSpree = () => kit.refundSpree();
  const verdicts = (rows: Array<{ f: Features; verdict: 'fraud' | 'legitimate' }>) => kit.record(t, rows);
  const sync = () => t.sync({ models: modelUpdater({ dataDir: t.dir, rootPublicKey: crypto.createPublicKey(fs.readFileSync(path.join(models.dataDir, 'keys', 'root.pub'))) }) });

  beforeAll(async () => {
    shipped = await loadRiskModel();
    kit = verdictKit(shipped);
    const dataDir = tempDir('storemind-central-');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'fraud-retrain-test-admin-token';
    platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
    models = { dataDir, rootKey: loadRootKey(dataDir), metadataTtlMs: 7 * 24 * 3600_000 };
    t = await makeTerminal(new AdminClient(platform.url, platform.admin.token), platform.url, 'garden-centre');
  });
  afterAll(async () => {
    await shipped?.release();
    t?.close();
    await platform?.close();
  });

  it('skips while there are too few verdicts to learn from', async () => {
    verdicts(Array.from({ length: 10 }, () => ({ f: keyedHonest(), verdict: 'legitimate' as const })));
    await sync();
    const d = await runFraudRetrain(platform.db, models);
    expect(d).toMatchObject({ decision: 'skipped', verdicts: 10 });
    expect(d.reason).toMatch(/at least 30/);
  });

  it('publishes a correction that lets the honest keyed sales through, and the terminal installs it', async () => {
    verdicts([
      ...Array.from({ length: 40 }, () => ({ f: keyedHonest(), verdict: 'legitimate' as const })),
      ...Array.from({ length: 30 }, () => ({ f: burst(), verdict: 'fraud' as const })),
      ...Array.from({ length: 12 }, () => ({ f: refundSpree(), verdict: 'fraud' as const })),
    ]);
    expect((await sync()).uploaded).toBe(82);
    const d = await runFraudRetrain(platform.db, models, { heldoutDays: 7 });
    expect(d.decision, d.reason).toBe('published');
    expect(d).toMatchObject({ version: '1.0.1', verdicts: 92 });
    const held = d.metrics.heldOutVerdicts!;
    expect(held.candidate.logLoss).toBeLessThan(held.baseline.logLoss);
    expect(d.metrics.population!.candidate).toBeGreaterThanOrEqual(d.metrics.population!.network - 0.02);

    const r = await sync();
    expect(r.models).toEqual([{ name: FRAUD_MODEL_NAME, version: '1.0.1', status: 'active' }]);
    const dir = t.db.prepare("SELECT path FROM models WHERE name = ? AND status = 'active'").pluck().get(FRAUD_MODEL_NAME) as string;
    const installed = await loadRiskModel(dir);
    try {
      expect(installed.version).toBe(`${shipped.version}+verdicts.1.0.1`);
      // One store: its own correction would be the fleet's, so the fleet correction is what it runs.
      expect(installed.correction).toMatchObject({ scope: 'fleet', correction: { trained: { fraud: expect.any(Number), legitimate: expect.any(Number) } } });
      expect(installed.recalibration?.stores).toEqual({});
      const honest = Array.from({ length: 20 }, () => modelVector(keyedHonest()));
      const bursts = Array.from({ length: 20 }, () => modelVector(burst()));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const [oldHonest, newHonest, newBursts] = [await shipped.score(honest), await installed.score(honest), await installed.score(bursts)];
      expect(mean(newHonest)).toBeLessThan(mean(oldHonest) - 0.2);
      expect(Math.min(...newBursts)).toBeGreaterThan(0.5);
    } finally {
      await installed.release();
    }
  });

  it('refuses verdicts that call card testing honest: the simulated held-out days get worse', async () => {
    verdicts(Array.from({ length: 80 }, () => ({ f: burst(), verdict: 'legitimate' as const })));
    await sync();
    const d = await runFraudRetrain(platform.db, models, { heldoutDays: 7 });
    expect(d.decision, d.reason).toBe('rejected');
    expect(d.reason).toMatch(/loses ranking quality on the simulated held-out days/);
    expect(d.metrics.population!.candidate).toBeLessThan(d.metrics.population!.network - 0.02);
    const versions = await platform.db.pool.query<{ version: string }>('SELECT version FROM model_versions WHERE name = $1', [FRAUD_MODEL_NAME]);
    expect(versions.rows.map((v) => v.version)).toEqual(['1.0.1']);
    const runs = await platform.db.pool.query<{ decision: string }>("SELECT decision FROM retrain_runs WHERE model = $1 ORDER BY id", [FRAUD_MODEL_NAME]);
    expect(runs.rows.map((x) => x.decision)).toEqual(['skipped', 'published', 'rejected']);
    // The fleet dashboard shows the decisions, newest first, with their reasons.
    const fleet = (await new AdminClient(platform.url, platform.admin.token).fleet()) as { retrains: Array<{ model: string; decision: string; version: string | null; reason: string }> };
    expect(fleet.retrains.slice(0, 3).map((r) => [r.model, r.decision, r.version])).toEqual([
      [FRAUD_MODEL_NAME, 'rejected', null],
      [FRAUD_MODEL_NAME, 'published', '1.0.1'],
      [FRAUD_MODEL_NAME, 'skipped', null],
    ]);
    expect(fleet.retrains[0]!.reason).toMatch(/loses ranking quality/);
  });
});
