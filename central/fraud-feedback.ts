// Runs: node (central platform; part of the nightly feedback job). Staff verdicts on reviewed
// transactions retrain, cheaply, the fraud model terminals run: the fixed network stays, and
// corrections on top of it (electron/core/fraud/recalibration.ts) are fitted on the verdicts: one
// for the fleet, and one for each store with enough verdicts whose own beats the fleet's on its
// held-out verdicts (one store's honest habit is another's fraud pattern). Each correction must
// keep the engine's ranking on the simulator's held-out days (verdicts come from reviewed
// transactions only, so a correction must not trade the population it never saw for the corner
// staff looked at); the candidate is published as a new signed fraud-risk bundle only when it
// beats the running model on the held-out verdicts. Every run is recorded in retrain_runs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { averagePrecision, enginePrAuc, heldoutPopulation } from '../electron/core/fraud/evaluate.ts';
import { modelVector } from '../electron/core/fraud/feature-catalog.ts';
import { defaultBundleDir, FRAUD_MODEL_NAME, loadRiskModel, type RiskModel } from '../electron/core/fraud/model.ts';
import { applyCorrection, correctionFor, fitCorrection, logLoss, RECALIBRATION_FILE, RECALIBRATION_FORMAT, type Correction, type Recalibration, type VerdictRow } from '../electron/core/fraud/recalibration.ts';
import { stratifiedSplit } from '../electron/core/models/index.ts';
import { packDir } from '../electron/core/sync/pack.ts';
import type { CentralDb } from './db.ts';
import { publishModel, type ModelsConfig } from './models.ts';
import { lastSeenRecordAt, newestPublished, nextRetrainVersion, recordRetrainRun, type RetrainOutcome } from './retrain-runs.ts';

/** Fewer verdicts than this (or fewer than MIN_PER_CLASS of either kind) teach nothing reliable. */
const MIN_VERDICTS = 30;
const MIN_PER_CLASS = 5;
/** The newest this many verdict records are fitted on. */
const MAX_VERDICTS = 50_000;
/** Share of verdicts held out from the fit to judge it. */
const HOLDOUT = 0.3;
/**
 * "Keeps its ranking": engine PR-AUC on the simulator's held-out days (a generic store) may drop
 * this much at most. A store's honest habit that looks like fraud elsewhere (hand-keyed card sales
 * look like the start of a card-testing burst) costs the generic store a little when the store's
 * own verdicts teach the model to let it through: that trade is the point. A correction that
 * breaks the model (verdicts calling card testing honest) costs far more and is refused.
 */
const PR_AUC_SLACK = 0.02;

export interface FraudRetrainConfig {
  /** The fraud bundle terminals run when nothing has been published (the shipped one). */
  shippedDir?: string;
  /** Simulated held-out days for the population check (default: the fraud eval's). */
  heldoutDays?: number;
  seed?: number;
  /** Refit even when no verdict arrived since the last run. */
  force?: boolean;
  log?: (msg: string) => void;
}

export interface FraudRetrainDecision {
  decision: RetrainOutcome;
  reason: string;
  version: string | null;
  baseline: string | null;
  verdicts: number;
  metrics: {
    verdicts?: { fraud: number; legitimate: number; fit: number; heldOut: number };
    heldOutVerdicts?: { candidate: { logLoss: number; prAuc: number }; baseline: { logLoss: number; prAuc: number } };
    /** Engine PR-AUC on the simulated held-out days: the network alone, with the fleet correction, with each store's. */
    population?: { candidate: number; network: number; stores: Record<string, number> };
    corrections?: { fleet: boolean; stores: string[]; notes: Record<string, string> };
  };
}

const VerdictPayload = z.object({
  verdict: z.enum(['fraud', 'legitimate']),
  features: z.record(z.string(), z.number().finite()),
  at: z.string().optional(),
});

interface Verdict {
  txnId: string;
  storeId: string;
  y: 0 | 1;
  x: Float32Array;
}

/**
 * The latest verdict per transaction (staff may change their mind), with its model vector, from
 * the newest MAX_VERDICTS verdict records: recent behaviour is what the correction should follow,
 * and the fit stays seconds long however long the chain has been reviewing.
 */
async function collectVerdicts(db: CentralDb): Promise<{ list: Verdict[]; lastAt: Date | null }> {
  const { rows } = await db.pool.query<{ record_id: string; store_id: string; payload: unknown; received_at: Date }>(
    `SELECT record_id, store_id, payload, received_at FROM (
       SELECT record_id, store_id, payload, received_at, seq FROM records WHERE kind = 'fraud_verdict' ORDER BY received_at DESC, seq DESC LIMIT $1
     ) newest ORDER BY received_at, seq`,
    [MAX_VERDICTS],
  );
  const latest = new Map<string, { v: Verdict; at: string }>();
  let lastAt: Date | null = null;
  for (const r of rows) {
    lastAt = r.received_at;
    const p = VerdictPayload.safeParse(r.payload);
    if (!p.success) continue;
    const at = p.data.at ?? '';
    const key = `${r.store_id}/${r.record_id}`;
    const prev = latest.get(key);
    if (prev && prev.at > at) continue;
    latest.set(key, { v: { txnId: r.record_id, storeId: r.store_id, y: p.data.verdict === 'fraud' ? 1 : 0, x: modelVector(p.data.features) }, at });
  }
  return { list: [...latest.values()].map((e) => e.v), lastAt };
}

/** A copy of the baseline bundle with the new correction, its golden scores and a new manifest version. */
async function writeCandidate(baselineDir: string, dir: string, version: string, recalibration: Recalibration): Promise<void> {
  fs.cpSync(baselineDir, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, RECALIBRATION_FILE), JSON.stringify(recalibration, null, 2));
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { version: string; files: Record<string, { sha256: string; bytes: number }>; recalibrated?: unknown };
  manifest.version = `${manifest.version.split('+')[0]}+verdicts.${version}`;
  manifest.recalibrated = { fleet: recalibration.fleet?.trained ?? null, stores: Object.fromEntries(Object.entries(recalibration.stores).map(([id, c]) => [id, c.trained])), at: new Date().toISOString() };
  manifest.files[RECALIBRATION_FILE] = { sha256: '', bytes: 0 };
  const hashAll = () => {
    for (const file of Object.keys(manifest.files)) {
      const bytes = fs.readFileSync(path.join(dir, file));
      manifest.files[file] = { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    }
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  };
  hashAll();
  // Golden scores are what the terminal must reproduce: the candidate's own, fleet correction included.
  const goldenFile = path.join(dir, 'golden.json');
  const golden = JSON.parse(fs.readFileSync(goldenFile, 'utf8')) as { rows: number[][]; scores: number[] };
  const model = await loadRiskModel(dir);
  try {
    golden.scores = await model.score(golden.rows.map((r) => Float32Array.from(r)));
  } finally {
    await model.release();
  }
  fs.writeFileSync(goldenFile, JSON.stringify(golden));
  hashAll();
}

async function record(db: CentralDb, d: FraudRetrainDecision, lastAt: Date | null): Promise<FraudRetrainDecision> {
  await recordRetrainRun(db, { model: FRAUD_MODEL_NAME, ...d, corrections: 0, fraudVerdicts: d.verdicts, lastAt });
  return d;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export async function runFraudRetrain(db: CentralDb, models: ModelsConfig, cfg: FraudRetrainConfig = {}): Promise<FraudRetrainDecision> {
  const log = cfg.log ?? (() => {});
  const { list, lastAt } = await collectVerdicts(db);
  const fraud = list.filter((v) => v.y === 1).length;
  const base: FraudRetrainDecision = { decision: 'skipped', reason: '', version: null, baseline: null, verdicts: list.length, metrics: {} };
  const seenUpTo = await lastSeenRecordAt(db, FRAUD_MODEL_NAME);
  if (list.length < MIN_VERDICTS || fraud < MIN_PER_CLASS || list.length - fraud < MIN_PER_CLASS) {
    return record(db, { ...base, reason: `${list.length} verdicts (${fraud} fraud); at least ${MIN_VERDICTS} with ${MIN_PER_CLASS} of each kind are needed` }, lastAt);
  }
  if (!cfg.force && seenUpTo && lastAt && lastAt <= seenUpTo) return record(db, { ...base, reason: 'no new fraud verdicts since the last run' }, lastAt);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-fraud-retrain-'));
  const loaded: RiskModel[] = [];
  try {
    const published = await newestPublished(db, models, FRAUD_MODEL_NAME, path.join(tmp, 'published'));
    const baselineDir = published?.dir ?? cfg.shippedDir ?? defaultBundleDir();
    const baseline = await loadRiskModel(baselineDir);
    loaded.push(baseline);
    const baselineName = published ? `${FRAUD_MODEL_NAME} ${published.version}` : `shipped ${baseline.version}`;

    // Fit on 70% of the verdicts, judge on the rest (stratified by verdict, seeded).
    const labelled = list.map((v) => ({ ...v, intent: String(v.y) }));
    const split = stratifiedSplit(labelled, HOLDOUT, cfg.seed ?? 13);
    const { features, means } = baseline.manifest;
    const withP = async (vs: Verdict[]) => (await baseline.scoreNetwork(vs.map((v) => v.x))).map((p, i) => ({ ...vs[i]!, p }));
    const fitRows = await withP(split.train);
    const heldRows = await withP(split.val);
    const logLossOn = (rows: Array<VerdictRow>, c: Correction | null) => logLoss(rows.map((r) => (c ? applyCorrection(c, means, r.x, r.p) : r.p)), rows.map((r) => r.y));

    // The fleet correction from every store's verdicts; a store's own where it has enough verdicts
    // and its own beats the fleet's on its held-out verdicts.
    const fleetFit = fitCorrection(fitRows, features, means);
    const storeFits: Record<string, Correction> = {};
    const storeNotes: Record<string, string> = {};
    for (const storeId of [...new Set(list.map((v) => v.storeId))].sort()) {
      const mine = list.filter((v) => v.storeId === storeId);
      const mineFraud = mine.filter((v) => v.y === 1).length;
      if (mine.length < MIN_VERDICTS || mineFraud < MIN_PER_CLASS || mine.length - mineFraud < MIN_PER_CLASS) continue;
      const held = heldRows.filter((v) => v.storeId === storeId);
      const own = fitCorrection(fitRows.filter((v) => v.storeId === storeId), features, means);
      const [ownLoss, fleetLoss] = [logLossOn(held, own), logLossOn(held, fleetFit)];
      if (held.length && ownLoss < fleetLoss) storeFits[storeId] = own;
      else storeNotes[storeId] = `its own correction was no better than the fleet's on its held-out verdicts (${round(ownLoss)} vs ${round(fleetLoss)})`;
    }

    // Population check of each correction on the simulator's held-out days. The anchor is the
    // network alone, not the running model: judged against the running model, a chain of small
    // allowed losses could walk the ranking down step by step. A correction that fails is dropped.
    const simulated = await heldoutPopulation(path.join(tmp, 'sim'), { days: cfg.heldoutDays });
    const prAucWith = (c: Correction | null) =>
      enginePrAuc(simulated, async (rows) => (await baseline.scoreNetwork(rows)).map((p, i) => (c ? applyCorrection(c, means, rows[i]!, p) : p)));
    const popNet = await prAucWith(null);
    const population: NonNullable<FraudRetrainDecision['metrics']['population']> = { network: popNet, candidate: await prAucWith(fleetFit), stores: {} };
    let fleet: Correction | null = fleetFit;
    if (population.candidate < popNet - PR_AUC_SLACK) fleet = null;
    for (const [storeId, c] of Object.entries(storeFits)) {
      const pr = await prAucWith(c);
      population.stores[storeId] = pr;
      if (pr < popNet - PR_AUC_SLACK) {
        delete storeFits[storeId];
        storeNotes[storeId] = `its own correction loses ranking quality on the simulated held-out days (${pr} vs ${popNet})`;
      }
    }
    const recalibration: Recalibration = { format: RECALIBRATION_FORMAT, format_version: 1, features: [...features], fleet, stores: storeFits };

    // The candidate as a whole against the running model, each held-out verdict judged with the
    // correction its store's terminals would apply.
    const running = baseline.recalibration;
    const judge = (pick: (storeId: string) => Correction | null) => {
      const ps = heldRows.map((r) => {
        const c = pick(r.storeId);
        return c ? applyCorrection(c, means, r.x, r.p) : r.p;
      });
      const ys = heldRows.map((r) => r.y);
      return { logLoss: round(logLoss(ps, ys)), prAuc: round(averagePrecision(ps, ys.map((y) => y === 1))) };
    };
    const heldOutVerdicts = {
      candidate: judge((storeId) => correctionFor(recalibration, storeId)?.correction ?? null),
      baseline: judge((storeId) => (running ? correctionFor(running, storeId)?.correction ?? null : null)),
    };
    const metrics: FraudRetrainDecision['metrics'] = {
      verdicts: { fraud, legitimate: list.length - fraud, fit: split.train.length, heldOut: split.val.length },
      heldOutVerdicts,
      population,
      corrections: { fleet: fleet !== null, stores: Object.keys(storeFits), notes: storeNotes },
    };
    const summary = `held-out verdicts log loss ${heldOutVerdicts.candidate.logLoss} vs ${heldOutVerdicts.baseline.logLoss}; simulated held-out PR-AUC ${population.candidate} (fleet correction) vs ${popNet} for the network alone; store corrections: ${Object.keys(storeFits).join(', ') || 'none'}`;
    log(`[fraud-retrain] ${list.length} verdicts; ${summary}`);
    if (!fleet && !Object.keys(storeFits).length) {
      return record(db, { ...base, baseline: baselineName, metrics, decision: 'rejected', reason: `loses ranking quality on the simulated held-out days: ${summary}` }, lastAt);
    }
    if (heldOutVerdicts.candidate.logLoss >= heldOutVerdicts.baseline.logLoss) {
      return record(db, { ...base, baseline: baselineName, metrics, decision: 'rejected', reason: `no better than ${baselineName} on held-out verdicts: ${summary}` }, lastAt);
    }

    const version = nextRetrainVersion(published?.version ?? null);
    const dir = path.join(tmp, 'candidate');
    await writeCandidate(baselineDir, dir, version, recalibration);
    await publishModel(db, models, FRAUD_MODEL_NAME, version, packDir(dir));
    await db.pool.query('UPDATE model_versions SET metrics = $3 WHERE name = $1 AND version = $2', [FRAUD_MODEL_NAME, version, JSON.stringify(metrics)]);
    log(`[fraud-retrain] published ${FRAUD_MODEL_NAME} ${version}: ${summary}`);
    return record(db, { ...base, baseline: baselineName, metrics, version, decision: 'published', reason: `better than ${baselineName}: ${summary}` }, lastAt);
  } catch (e) {
    return record(db, { ...base, decision: 'failed', reason: (e as Error).message.slice(0, 500) }, lastAt);
  } finally {
    for (const m of loaded) await m.release().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
