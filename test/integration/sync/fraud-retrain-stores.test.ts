// Runs: node (vitest). Stores differ, so fraud verdicts train a correction per store as well as
// one for the fleet (PGlite platform, real ONNX, the simulator's held-out days). At the garden
// centre the outdoor card reader is broken and staff clear the hand-keyed small card sales the
// model flags; at the city-centre store the same-looking sales are the first cards of card-testing
// runs and staff confirm them as fraud. One bundle carries both stores' corrections; each store's
// terminal applies its own, so the garden centre's honest sales pass while the city centre's keep
// being caught. A store with too few verdicts of its own gets the fleet's.
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
import { modelVector } from '../../../electron/core/fraud/feature-catalog.ts';
import { FRAUD_MODEL_NAME, loadRiskModel, type RiskModel } from '../../../electron/core/fraud/model.ts';
import { modelUpdater } from '../../../electron/core/sync/models.ts';
import { getState } from '../../../electron/core/sync/state.ts';
import { makeTerminal, type TestTerminal } from './helpers/terminal.ts';
import { verdictKit, type VerdictKit } from './helpers/verdicts.ts';

describe('per-store fraud corrections', () => {
  let platform: Platform;
  let models: ModelsConfig;
  let shipped: RiskModel;
  let kit: VerdictKit;
  let garden: TestTerminal;
  let city: TestTerminal;
  let corner: TestTerminal;

  const sync = (t: TestTerminal) => t.sync({ models: modelUpdater({ dataDir: t.dir, rootPublicKey: crypto.createPublicKey(fs.readFileSync(path.join(models.dataDir, 'keys', 'root.pub'))) }) });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  /** The fraud model a terminal runs after syncing: the installed bundle, with the terminal's store. */
  async function installedFor(t: TestTerminal): Promise<RiskModel> {
    const dir = t.db.prepare("SELECT path FROM models WHERE name = ? AND status = 'active'").pluck().get(FRAUD_MODEL_NAME) as string;
    return loadRiskModel(dir, { storeId: getState(t.db, 'enrollment')!.storeId });
  }

  beforeAll(async () => {
    shipped = await loadRiskModel();
    kit = verdictKit(shipped, 7);
    const dataDir = tempDir('storemind-central-');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'fraud-stores-test-admin-token';
    platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
    models = { dataDir, rootKey: loadRootKey(dataDir), metadataTtlMs: 7 * 24 * 3600_000 };
    const admin = new AdminClient(platform.url, platform.admin.token);
    garden = await makeTerminal(admin, platform.url, 'garden-centre');
    city = await makeTerminal(admin, platform.url, 'city-centre');
    corner = await makeTerminal(admin, platform.url, 'corner-shop');
  });
  afterAll(async () => {
    await shipped?.release();
    for (const t of [garden, city, corner]) t?.close();
    await platform?.close();
  });

  it('publishes one bundle with a correction per store, and each store runs its own', async () => {
    kit.record(garden, [
      ...Array.from({ length: 45 }, () => ({ f: kit.keyedSmall(), verdict: 'legitimate' as const })),
      ...Array.from({ length: 25 }, () => ({ f: kit.burst(), verdict: 'fraud' as const })),
      ...Array.from({ length: 10 }, () => ({ f: kit.refundSpree(), verdict: 'fraud' as const })),
    ]);
    kit.record(city, [
      ...Array.from({ length: 45 }, () => ({ f: kit.keyedSmall(), verdict: 'fraud' as const })),
      ...Array.from({ length: 20 }, () => ({ f: kit.burst(), verdict: 'fraud' as const })),
      ...Array.from({ length: 15 }, () => ({ f: kit.ordinary(), verdict: 'legitimate' as const })),
    ]);
    kit.record(corner, Array.from({ length: 6 }, () => ({ f: kit.keyedSmall(), verdict: 'legitimate' as const })));
    for (const t of [garden, city, corner]) await sync(t);

    const d = await runFraudRetrain(platform.db, models, { heldoutDays: 7 });
    expect(d.decision, d.reason).toBe('published');
    expect(d.metrics.corrections!.stores.sort()).toEqual(['city-centre', 'garden-centre']);
    expect(d.metrics.heldOutVerdicts!.candidate.logLoss).toBeLessThan(d.metrics.heldOutVerdicts!.baseline.logLoss);
    for (const pr of Object.values(d.metrics.population!.stores)) expect(pr).toBeGreaterThanOrEqual(d.metrics.population!.network - 0.02);

    for (const t of [garden, city, corner]) expect((await sync(t)).models).toEqual([{ name: FRAUD_MODEL_NAME, version: '1.0.1', status: 'active' }]);
    const [g, c, k] = [await installedFor(garden), await installedFor(city), await installedFor(corner)];
    try {
      expect(g.correction?.scope).toBe('store');
      expect(c.correction?.scope).toBe('store');
      expect(k.correction?.scope).toBe(d.metrics.corrections!.fleet ? 'fleet' : undefined);
      const keyed = Array.from({ length: 20 }, () => modelVector(kit.keyedSmall()));
      const [atGarden, atCity, shippedScore] = [await g.score(keyed), await c.score(keyed), await shipped.score(keyed)];
      expect(mean(atGarden)).toBeLessThan(mean(shippedScore) - 0.2); // cleared at the garden centre
      expect(mean(atCity)).toBeGreaterThan(0.8); // still caught in the city centre
      expect(mean(atCity)).toBeGreaterThan(mean(atGarden) + 0.3);
    } finally {
      for (const m of [g, c, k]) await m.release();
    }
  });
});
