// Runs: node (vitest). The nightly population check scores every candidate correction on ONE
// simulation of the held-out days (heldoutPopulation + enginePrAuc). That is only sound if it gives
// the same engine PR-AUC as running the days through the engine with that model, as the fraud
// eval does: checked here on a correction that changes the shipped model's scores.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { enginePrAuc, evaluateHeldout, heldoutPopulation, type PopulationRow } from '../../../electron/core/fraud/evaluate.ts';
import { loadRiskModel, type RiskModel } from '../../../electron/core/fraud/model.ts';
import { applyCorrection, type Correction } from '../../../electron/core/fraud/recalibration.ts';

describe('population check on one simulation', () => {
  const dir = tempDir();
  const DAYS = 2;
  let shipped: RiskModel;
  let rows: PopulationRow[];

  beforeAll(async () => {
    shipped = await loadRiskModel();
    rows = await heldoutPopulation(path.join(dir, 'once'), { days: DAYS });
  });
  afterAll(async () => {
    await shipped?.release();
  });

  const corrected = (c: Correction): RiskModel => ({
    ...shipped,
    correction: { scope: 'fleet', correction: c },
    score: async (xs) => (await shipped.scoreNetwork(xs)).map((p, i) => applyCorrection(c, shipped.manifest.means, xs[i]!, p)),
  });

  it('gives the engine PR-AUC that running the days through the engine with a corrected model gives', async () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.some((r) => r.fraud)).toBe(true);
    const network = await enginePrAuc(rows, (xs) => shipped.scoreNetwork(xs));
    // A correction that distrusts large amounts: it reorders the scores, and both ways agree on how much.
    const amount = shipped.manifest.features.indexOf('amount');
    expect(amount).toBeGreaterThanOrEqual(0);
    const weights = shipped.manifest.features.map((_, i) => (i === amount ? 3 : 0));
    const c: Correction = { bias: -0.5, weights, scale: weights.map(() => 1), trained: { verdicts: 0, fraud: 0, legitimate: 0 } };
    const once = await enginePrAuc(rows, corrected(c).score);
    const again = await evaluateHeldout(path.join(dir, 'full-corrected'), { model: corrected(c), days: DAYS });
    expect(once).toBeCloseTo(again.overall.engine.pr_auc, 3);
    expect(once).not.toBeCloseTo(network, 3);
  });
});
