// Runs: node (bench; part of `npm run bench -- --only fraud`). The platform's fraud retrain on
// realistic verdicts: three simulated weeks of another store (seed 303, neither the training nor
// the held-out seed) run through the shipped engine; staff review every flagged transaction and
// give the true verdict; the verdicts sync up from a real terminal to a PGlite platform; the
// nightly retrain fits its correction and decides. Reports what it decided, on what evidence, and
// how long it took.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform } from '../central/platform.ts';
import { AdminClient } from '../central/admin-client.ts';
import { loadRootKey } from '../central/keys.ts';
import { runFraudRetrain } from '../central/fraud-feedback.ts';
import { enqueue } from '../electron/core/db/outbox.ts';
import { createFraudEngine } from '../electron/core/fraud/engine.ts';
import { openSimStore, runDays, SIM_CONTEXT } from '../electron/core/fraud/evaluate.ts';
import { FEATURES } from '../electron/core/fraud/feature-catalog.ts';
import { makeTerminal } from '../test/integration/sync/helpers/terminal.ts';
import type { BenchRow } from './core.ts';

const say = (line: string) => console.log(`  [fraud-retrain] ${line}`);

export async function benchFraudRetrain(): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-fraud-retrain-'));
  const rows: BenchRow[] = [];
  try {
    // 1. A store's three weeks through the shipped engine; what it flagged goes to review.
    const sim = openSimStore(path.join(root, 'sim'));
    const engine = await createFraudEngine(sim, { context: SIM_CONTEXT, explainAbove: 2 });
    const vectors: Array<{ v: Float32Array; fraud: boolean }> = [];
    const scored = await runDays(sim, engine, { seed: 303, start: '2025-06-02', days: 21 }, (v, s) => vectors.push({ v, fraud: s.fraud }));
    sim.close();
    const reviewed = scored.map((s, i) => ({ ...vectors[i]!, flagged: s.flaggedEngine })).filter((r) => r.flagged);
    const fraud = reviewed.filter((r) => r.fraud).length;
    say(`${scored.length} transactions, ${reviewed.length} flagged and reviewed (${fraud} fraud)`);

    // 2. Verdicts recorded on a terminal (features as the decision stored them) and synced up.
    const dataDir = path.join(root, 'central');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN ??= 'bench-fraud-retrain-admin-token';
    const platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
    try {
      const t = await makeTerminal(new AdminClient(platform.url, platform.admin.token), platform.url, 'bench-store');
      t.db.transaction(() => {
        reviewed.forEach((r, i) => {
          const features = Object.fromEntries(FEATURES.map((f, j) => [f.name, f.log ? Math.expm1(r.v[j]!) : r.v[j]!]));
          enqueue(t.db, 'fraud_verdict', `sim-${i}`, { txn_id: `sim-${i}`, verdict: r.fraud ? 'fraud' : 'legitimate', features, by: 'u-manager', at: new Date().toISOString() });
        });
      })();
      while (t.counts().pending > 0) await t.sync();
      t.close();

      // 3. The nightly retrain.
      const t0 = performance.now();
      const d = await runFraudRetrain(platform.db, { dataDir, rootKey: loadRootKey(dataDir), metadataTtlMs: 7 * 24 * 3600_000 });
      const wall = (performance.now() - t0) / 1000;
      say(`${d.decision}: ${d.reason} (${wall.toFixed(1)} s)`);
      const h = d.metrics.heldOutVerdicts;
      const p = d.metrics.population;
      rows.push(
        { bench: 'fraud', metric: `verdict retrain: verdicts (flagged in 3 simulated weeks, seed 303; ${fraud} fraud)`, value: reviewed.length, unit: 'verdicts' },
        { bench: 'fraud', metric: `verdict retrain: decision = ${d.decision}; wall time (fit + 2 simulated held-out evaluations)`, value: Math.round(wall * 10) / 10, unit: 's' },
      );
      if (h) rows.push(
        { bench: 'fraud', metric: 'verdict retrain: held-out verdicts log loss, candidate', value: h.candidate.logLoss, unit: `(running model ${h.baseline.logLoss})` },
        { bench: 'fraud', metric: 'verdict retrain: held-out verdicts PR-AUC, candidate', value: h.candidate.prAuc, unit: `AP (running model ${h.baseline.prAuc})` },
      );
      if (p) rows.push({ bench: 'fraud', metric: 'verdict retrain: simulated held-out PR-AUC (engine), candidate', value: p.candidate, unit: `AP (network alone ${p.network})` });
    } finally {
      await platform.close();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchFraudRetrain()) console.log(`${r.metric}: ${r.value} ${r.unit}`);
}
