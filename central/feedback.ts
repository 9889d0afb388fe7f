// Runs: node (central platform; a pg-boss job). The feedback loop for the kiosk: collects the staff
// intent corrections terminals uploaded (fraud verdicts are counted here and retrain the fraud
// model in fraud-feedback.ts), retrains what is cheap — the kiosk intent
// head on the fixed encoder, from the shipped training set plus the corrections — evaluates the
// candidate and the head terminals run now on the same held-out set, and publishes a new signed
// version (an "intent-head" bundle through publishModel) only if it is not worse. Every run records
// its decision and metrics in retrain_runs, published or not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIntentClassifier, DEFAULT_RECIPE, headRecipe, intentMetrics, recipeOptions, loadEncoder, parseHead, stratifiedSplit, trainIntentHead, type Encoder, type HeadFile, type IntentExample, type IntentMetrics } from '../electron/core/models/index.ts';
import { writeHeadBundle } from '../electron/core/models/head-bundle.ts';
import { packDir } from '../electron/core/sync/pack.ts';
import { isKioskIntent } from '../electron/core/assistant/intents.ts';
import type { CentralDb } from './db.ts';
import { publishModel, type ModelsConfig } from './models.ts';
import { lastSeenRecordAt, newestPublished, nextRetrainVersion, recordRetrainRun } from './retrain-runs.ts';

export const QUEUE_RETRAIN = 'feedback-retrain';
export const KIOSK_HEAD_MODEL = 'kiosk-intent';
/** A staff correction counts this many times in training: it is a label someone checked. */
const CORRECTION_WEIGHT = 3;
/** "Not worse": held-out accuracy must not drop; macro F1 may move by rounding noise only. */
const MACRO_F1_SLACK = 0.005;

export interface RetrainConfig {
  /** The fixed encoder bundle terminals run (the head is trained on its embeddings). */
  encoderDir: string;
  /** The shipped kiosk training set. */
  baseTrain: () => IntentExample[] | Promise<IntentExample[]>;
  /** The held-out set the publish decision is made on; never trained or calibrated on. */
  heldOut: () => IntentExample[] | Promise<IntentExample[]>;
  /**
   * Validation lines the candidate is early-stopped and calibrated on (temperature, out-of-scope
   * threshold): the running head's own, so the candidate differs from it only by the corrections.
   * Without them, 10% of the training lines (stratified), which calibrates on easy, seen phrasing.
   */
  calibration?: () => IntentExample[] | Promise<IntentExample[]>;
  /** The head terminals run when nothing has been published yet (the shipped head). */
  shippedHeadFile?: string;
  trustUnsigned?: boolean;
  seed?: number;
  /** Retrain even when no correction arrived since the last run. */
  force?: boolean;
  log?: (msg: string) => void;
}

export interface RetrainDecision {
  decision: 'published' | 'rejected' | 'skipped' | 'failed';
  reason: string;
  version: string | null;
  baseline: string | null;
  corrections: number;
  fraudVerdicts: number;
  metrics: { candidate?: IntentMetrics; baseline?: IntentMetrics; correctionsFixed?: number; fraud?: Record<string, number>; candidateLines?: { train: number; calibration: number } };
}

interface Correction {
  text: string;
  intent: string;
}

const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim();

/** Latest correction per interaction (a later one overrides an earlier one), kiosk intents only. */
async function collectCorrections(db: CentralDb): Promise<{ list: Correction[]; lastAt: Date | null }> {
  const { rows } = await db.pool.query<{ record_id: string; payload: { text?: unknown; correctedIntent?: unknown; correctedAt?: unknown }; received_at: Date }>(
    "SELECT record_id, payload, received_at FROM records WHERE kind = 'intent_correction' ORDER BY received_at, seq",
  );
  const latest = new Map<string, { text: string; intent: string; at: string }>();
  let lastAt: Date | null = null;
  for (const r of rows) {
    lastAt = r.received_at;
    const text = typeof r.payload.text === 'string' ? r.payload.text.replace(/\s+/g, ' ').trim() : '';
    const intent = typeof r.payload.correctedIntent === 'string' ? r.payload.correctedIntent : '';
    const at = typeof r.payload.correctedAt === 'string' ? r.payload.correctedAt : '';
    if (!text || text.length > 500 || !isKioskIntent(intent)) continue;
    const prev = latest.get(r.record_id);
    if (!prev || prev.at <= at) latest.set(r.record_id, { text, intent, at });
  }
  return { list: [...latest.values()].map(({ text, intent }) => ({ text, intent })), lastAt };
}

async function fraudVerdictStats(db: CentralDb): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ verdict: string | null; n: string }>(
    "SELECT payload->>'verdict' AS verdict, count(*) AS n FROM records WHERE kind = 'fraud_verdict' GROUP BY 1",
  );
  return Object.fromEntries(rows.map((r) => [r.verdict ?? 'unknown', Number(r.n)]));
}

/** The newest published, not revoked head, unpacked into `into`; else null. */
async function publishedHead(db: CentralDb, cfg: ModelsConfig, into: string): Promise<{ version: string; head: HeadFile } | null> {
  const published = await newestPublished(db, cfg, KIOSK_HEAD_MODEL, into);
  if (!published) return null;
  return { version: published.version, head: parseHead(fs.readFileSync(path.join(into, 'head.json'), 'utf8'), `${KIOSK_HEAD_MODEL} ${published.version}`) };
}

async function evaluate(head: HeadFile, encoder: Encoder, rows: readonly IntentExample[]): Promise<{ metrics: IntentMetrics; pred: string[] }> {
  const clf = createIntentClassifier(head, encoder);
  const pred: string[] = [];
  for (let i = 0; i < rows.length; i += 64) {
    const out = await clf.classify(rows.slice(i, i + 64).map((r) => r.text), { topK: 1 });
    pred.push(...out.map((p) => p.label));
  }
  return { metrics: intentMetrics(rows.map((r) => r.intent), pred), pred };
}

async function record(db: CentralDb, d: RetrainDecision, lastAt: Date | null): Promise<RetrainDecision> {
  await recordRetrainRun(db, { model: KIOSK_HEAD_MODEL, ...d, lastAt });
  return d;
}

export async function runFeedbackRetrain(db: CentralDb, models: ModelsConfig, cfg: RetrainConfig): Promise<RetrainDecision> {
  const log = cfg.log ?? (() => {});
  const { list: corrections, lastAt } = await collectCorrections(db);
  const fraud = await fraudVerdictStats(db);
  const fraudVerdicts = Object.values(fraud).reduce((a, b) => a + b, 0);
  const base: Omit<RetrainDecision, 'decision' | 'reason'> = { version: null, baseline: null, corrections: corrections.length, fraudVerdicts, metrics: { fraud } };
  const seenUpTo = await lastSeenRecordAt(db, KIOSK_HEAD_MODEL);
  if (!cfg.force && (!corrections.length || (seenUpTo && lastAt && lastAt <= seenUpTo))) {
    return record(db, { ...base, decision: 'skipped', reason: corrections.length ? 'no new intent corrections since the last run' : 'no intent corrections yet' }, lastAt);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-retrain-'));
  let encoder: Encoder | null = null;
  try {
    const heldOut = await cfg.heldOut();
    const heldKeys = new Set(heldOut.map((r) => key(r.text)));
    // A correction that repeats a held-out line would make the evaluation flatter the candidate.
    const usable = corrections.filter((c) => !heldKeys.has(key(c.text)));
    const corrected = new Set(usable.map((c) => key(c.text)));
    // Staff know better than the shipped label for the same sentence: theirs replaces it.
    const train = [...(await cfg.baseTrain()).filter((r) => !corrected.has(key(r.text))), ...usable.flatMap((c) => Array.from({ length: CORRECTION_WEIGHT }, () => c))];

    encoder = await loadEncoder(cfg.encoderDir, { trustUnsigned: cfg.trustUnsigned ?? false, cacheSize: 4096 });
    const info = encoder.modelInfo;
    const published = await publishedHead(db, models, path.join(tmp, 'published'));
    const baselineHead = published?.head ?? (cfg.shippedHeadFile && fs.existsSync(cfg.shippedHeadFile) ? parseHead(fs.readFileSync(cfg.shippedHeadFile, 'utf8'), cfg.shippedHeadFile) : null);
    const baselineName = published ? `${KIOSK_HEAD_MODEL} ${published.version}` : baselineHead ? `shipped head (${cfg.shippedHeadFile})` : null;
    if (baselineHead && (baselineHead.encoder.name !== info.name || baselineHead.encoder.version !== info.version)) {
      return record(db, { ...base, baseline: baselineName, decision: 'failed', reason: `the running head was trained on ${baselineHead.encoder.name} ${baselineHead.encoder.version}; this platform's encoder is ${info.name} ${info.version}` }, lastAt);
    }
    log(`[retrain] ${usable.length} corrections (${corrections.length - usable.length} repeat held-out lines), ${train.length} training lines, encoder ${info.name} ${info.version}`);

    const seed = cfg.seed ?? 13;
    const calibration = cfg.calibration ? await cfg.calibration() : null;
    const split = calibration ? { train, val: calibration } : stratifiedSplit(train, 0.1, seed);
    // The candidate is trained the way the running head was (features, loss, calibration budget).
    const { loss, ...recipe } = recipeOptions(baselineHead ? headRecipe(baselineHead) : DEFAULT_RECIPE);
    const { head } = await trainIntentHead({ train: split.train, val: split.val, encoder, name: KIOSK_HEAD_MODEL, ...recipe, train_options: { seed, loss } });
    base.metrics.candidateLines = { train: split.train.length, calibration: split.val.length };
    const cand = await evaluate(head, encoder, heldOut);
    const fixed = usable.length ? (await evaluate(head, encoder, usable)).metrics.accuracy : undefined;
    const baseEval = baselineHead ? (await evaluate(baselineHead, encoder, heldOut)).metrics : undefined;
    const metrics = { ...base.metrics, candidate: cand.metrics, ...(baseEval ? { baseline: baseEval } : {}), ...(fixed !== undefined ? { correctionsFixed: fixed } : {}) };
    const notWorse = !baseEval || (cand.metrics.accuracy >= baseEval.accuracy && cand.metrics.macro_f1 >= baseEval.macro_f1 - MACRO_F1_SLACK);
    const summary = `held-out accuracy ${cand.metrics.accuracy} vs ${baseEval?.accuracy ?? 'none'}, macro F1 ${cand.metrics.macro_f1} vs ${baseEval?.macro_f1 ?? 'none'}`;
    if (!notWorse) {
      log(`[retrain] candidate rejected: ${summary}`);
      return record(db, { ...base, baseline: baselineName, metrics, decision: 'rejected', reason: `worse than ${baselineName} on the held-out set: ${summary}` }, lastAt);
    }
    const version = nextRetrainVersion(published?.version ?? null);
    const dir = path.join(tmp, 'bundle');
    writeHeadBundle(dir, head, {
      name: KIOSK_HEAD_MODEL,
      version,
      golden: heldOut.slice(0, 20).map((r, i) => ({ text: r.text, label: cand.pred[i]! })),
      metrics: { held_out: cand.metrics, baseline: baseEval ?? null, corrections: usable.length },
    });
    await publishModel(db, models, KIOSK_HEAD_MODEL, version, packDir(dir));
    await db.pool.query('UPDATE model_versions SET metrics = $3 WHERE name = $1 AND version = $2', [KIOSK_HEAD_MODEL, version, JSON.stringify(metrics)]);
    log(`[retrain] published ${KIOSK_HEAD_MODEL} ${version}: ${summary}`);
    return record(db, { ...base, baseline: baselineName, metrics, version, decision: 'published', reason: `not worse than ${baselineName ?? 'nothing'}: ${summary}` }, lastAt);
  } catch (e) {
    return record(db, { ...base, decision: 'failed', reason: (e as Error).message.slice(0, 500) }, lastAt);
  } finally {
    await encoder?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
