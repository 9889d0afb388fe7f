// Runs: node (core). Runs simulated store days through the real engine (features from SQLite
// history, the ONNX model, the rule set; every transaction recorded as in a store) and measures it:
// per fraud pattern and overall, precision and recall at the engine's own operating point, area
// under the precision-recall curve (average precision), and recall at 1% of legitimate
// transactions flagged, for the engine, a rules-only and a model-only baseline. Also exports the
// training table the Python model factory learns from.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/database.ts';
import { seedDemoStore } from '../catalog/seed.ts';
import { recordTransaction } from '../pos/record.ts';
import { createFraudEngine, engineScore, ruleEnv, ACTION_SCORE, type FraudEngine } from './engine.ts';
import { evaluateRules } from './rules.ts';
import { type FeatureContext } from './features.ts';
import { FEATURES, modelVector } from './feature-catalog.ts';
import { DEFAULT_RATES, PATTERNS, simulate, type Pattern, type SimConfig, type SimProduct } from './simulator.ts';
import type { RiskModel } from './model.ts';

/** The simulator trades in UTC from 07:00 to 22:00 every day. */
export const SIM_CONTEXT: FeatureContext = { timezone: 'UTC', hours: Array.from({ length: 7 }, () => [7 * 60, 22 * 60] as [number, number]) };

/**
 * The model's training table (`storemind fraud simulate` defaults): six weeks just before the
 * held-out dates, with three times the default fraud episodes so each pattern has hundreds of
 * examples (at the default rates a 4-week table held ~560 fraud rows, too few for the rarer
 * patterns). The held-out evaluation keeps the default rates.
 */
export const TRAIN = {
  seed: 101,
  start: '2025-03-03',
  days: 42,
  rates: Object.fromEntries(Object.entries(DEFAULT_RATES).map(([p, r]) => [p, Math.round(r * 3 * 10) / 10])) as Record<Pattern, number>,
} as const;
/** Held-out: another seed, later dates; the first WARMUP days build history and are not scored. */
export const HELDOUT = { seed: 202, start: '2025-04-14', days: 21, warmup: 7 } as const;

export function openSimStore(dir: string): Db {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'sim.db');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabase(file);
  seedDemoStore(db);
  return db;
}

export function simProducts(db: Db): SimProduct[] {
  return (db.prepare('SELECT sku, min(price_cents, coalesce(promo_price_cents, price_cents)) AS priceCents FROM products WHERE active = 1 ORDER BY sku').all() as SimProduct[]);
}

export interface Scored {
  fraud: boolean;
  pattern: Pattern | null;
  day: number;
  engine: number;
  rules: number;
  model: number;
  flaggedEngine: boolean;
  flaggedRules: boolean;
}

/** The simulated store is scratch: its history feeds the features, its stock is never read. */
const SIM_RECORD = { stock: false } as const;

/** Runs simulated days through the engine, recording each transaction; returns the scores. */
export async function runDays(db: Db, engine: FraudEngine, cfg: Omit<SimConfig, 'products'>, onVector?: (v: Float32Array, s: { fraud: boolean; pattern: Pattern | null; day: number; type: string }) => void): Promise<Scored[]> {
  const sims = simulate({ ...cfg, products: simProducts(db) });
  const out: Scored[] = [];
  const set = engine.rules();
  for (const s of sims) {
    const d = await engine.decide(s.txn);
    recordTransaction(db, s.txn, d, SIM_RECORD);
    onVector?.(modelVector(d.features), { fraud: s.fraud, pattern: s.pattern, day: s.day, type: s.txn.type });
    // Rules-only baseline: the same rules without the ones that read the model's score; ties broken
    // by how many rules fired, so it has a ranking to draw a precision-recall curve from.
    const ro = evaluateRules(set, ruleEnv(s.txn, d.features, 0), { skipModelRules: true });
    out.push({
      fraud: s.fraud,
      pattern: s.pattern,
      day: s.day,
      engine: d.score,
      rules: ACTION_SCORE[ro.action] + Math.min(0.2, ro.fired.length * 0.02),
      model: d.modelScore,
      flaggedEngine: d.decision !== 'allow',
      flaggedRules: ro.action !== 'allow',
    });
  }
  return out;
}

/** Average precision: the area under the precision-recall curve, ties taken as one step. */
export function averagePrecision(scores: number[], labels: boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const positives = labels.filter(Boolean).length;
  if (!positives) return 0;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < idx.length; ) {
    const s = scores[idx[i]!]!;
    while (i < idx.length && scores[idx[i]!] === s) {
      if (labels[idx[i]!]) tp++;
      else fp++;
      i++;
    }
    const recall = tp / positives;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  }
  return ap;
}

/** Recall when the threshold flags at most `fpr` of legitimate transactions. */
export function recallAtFpr(scores: number[], labels: boolean[], fpr: number): number {
  const neg = scores.filter((_, i) => !labels[i]).sort((a, b) => b - a);
  const k = Math.floor(fpr * neg.length);
  const threshold = neg[k] ?? -Infinity; // flag strictly above the (k+1)-th highest legit score
  const pos = scores.filter((_, i) => labels[i]);
  return pos.length ? pos.filter((s) => s > threshold).length / pos.length : 0;
}

export interface MethodMetrics {
  precision: number;
  recall: number;
  pr_auc: number;
  recall_at_1pct_fpr: number;
}

export interface EvalReport {
  heldout: { seed: number; start: string; days: number; transactions: number; fraud: number };
  model_version: string;
  rules_version: string;
  overall: Record<'engine' | 'rules_only' | 'model_only', MethodMetrics>;
  patterns: Record<Pattern, { count: number } & Record<'engine' | 'rules_only' | 'model_only', MethodMetrics>>;
  targets: { pr_auc_overall: boolean; card_testing_recall_at_1pct: boolean; beats_baselines: boolean };
}

function metrics(rows: Scored[], key: 'engine' | 'rules' | 'model', flag: (s: Scored) => boolean): MethodMetrics {
  const scores = rows.map((r) => r[key]);
  const labels = rows.map((r) => r.fraud);
  const tp = rows.filter((r) => r.fraud && flag(r)).length;
  const flagged = rows.filter(flag).length;
  const pos = rows.filter((r) => r.fraud).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    precision: round(flagged ? tp / flagged : 0),
    recall: round(pos ? tp / pos : 0),
    pr_auc: round(averagePrecision(scores, labels)),
    recall_at_1pct_fpr: round(recallAtFpr(scores, labels, 0.01)),
  };
}

export function summarize(rows: Scored[]): Pick<EvalReport, 'overall' | 'patterns' | 'targets'> {
  const three = (rs: Scored[]) => ({
    engine: metrics(rs, 'engine', (r) => r.flaggedEngine),
    rules_only: metrics(rs, 'rules', (r) => r.flaggedRules),
    model_only: metrics(rs, 'model', (r) => r.model >= 0.5),
  });
  const overall = three(rows);
  const patterns = {} as EvalReport['patterns'];
  for (const p of PATTERNS) {
    // Each pattern against every legitimate transaction.
    const rs = rows.filter((r) => !r.fraud || r.pattern === p);
    patterns[p] = { count: rs.filter((r) => r.fraud).length, ...three(rs) };
  }
  return {
    overall,
    patterns,
    targets: {
      pr_auc_overall: overall.engine.pr_auc >= 0.85,
      card_testing_recall_at_1pct: patterns.card_testing.engine.recall_at_1pct_fpr >= 0.9,
      beats_baselines: overall.engine.pr_auc > overall.rules_only.pr_auc && overall.engine.pr_auc > overall.model_only.pr_auc,
    },
  };
}

/** Held-out evaluation in a fresh temp store. `model` undefined: the shipped bundle. */
export async function evaluateHeldout(dir: string, opts: { model?: RiskModel | null; seed?: number; days?: number; rates?: SimConfig['rates'] } = {}): Promise<EvalReport> {
  const db = openSimStore(dir);
  try {
    const engine = await createFraudEngine(db, { model: opts.model, context: SIM_CONTEXT, explainAbove: 2 });
    const seed = opts.seed ?? HELDOUT.seed;
    const days = (opts.days ?? HELDOUT.days - HELDOUT.warmup) + HELDOUT.warmup;
    const rows = (await runDays(db, engine, { seed, start: HELDOUT.start, days, rates: opts.rates })).filter((r) => r.day >= HELDOUT.warmup);
    return {
      heldout: { seed, start: HELDOUT.start, days: days - HELDOUT.warmup, transactions: rows.length, fraud: rows.filter((r) => r.fraud).length },
      model_version: engine.model?.version ?? 'none',
      rules_version: engine.rules().version,
      ...summarize(rows),
    };
  } finally {
    db.close();
  }
}

/** One scored transaction of the held-out days, as any model would see it. */
export interface PopulationRow {
  x: Float32Array;
  /** The strongest fired rule's weight among the rules that do not read the model's score. */
  ruleScore: number;
  fraud: boolean;
}

/**
 * The simulator's held-out days, run once on rules only. Features come from the store's history
 * and the rules that lift the engine's score never read the model's, so any model's engine PR-AUC
 * on these days follows from these rows (enginePrAuc) without simulating the days again: the
 * nightly population check scores each candidate correction on one simulation.
 */
export async function heldoutPopulation(dir: string, opts: { seed?: number; days?: number } = {}): Promise<PopulationRow[]> {
  const db = openSimStore(dir);
  try {
    const engine = await createFraudEngine(db, { model: null, context: SIM_CONTEXT });
    const days = (opts.days ?? HELDOUT.days - HELDOUT.warmup) + HELDOUT.warmup;
    const rows: PopulationRow[] = [];
    const sims = simulate({ seed: opts.seed ?? HELDOUT.seed, start: HELDOUT.start, days, products: simProducts(db) });
    for (const s of sims) {
      const d = await engine.decide(s.txn); // no model: the score is the non-model rules' weight
      recordTransaction(db, s.txn, d, SIM_RECORD);
      if (s.day >= HELDOUT.warmup) rows.push({ x: modelVector(d.features), ruleScore: d.score, fraud: s.fraud });
    }
    return rows;
  } finally {
    db.close();
  }
}

/** The engine's PR-AUC on population rows with a model's scores (rounded as evaluateHeldout reports it). */
export async function enginePrAuc(rows: readonly PopulationRow[], score: (xs: Float32Array[]) => Promise<number[]>): Promise<number> {
  const ps = await score(rows.map((r) => r.x));
  const engine = ps.map((p, i) => Math.min(1, Math.max(0, engineScore(p, rows[i]!.ruleScore))));
  return Math.round(averagePrecision(engine, rows.map((r) => r.fraud)) * 1000) / 1000;
}

/** Writes the training table: one row per simulated transaction (model vector, label, pattern, day). */
export async function exportTrainingCsv(dir: string, file: string, cfg: { seed?: number; days?: number; start?: string; rates?: SimConfig['rates'] } = {}): Promise<{ rows: number; fraud: number }> {
  const db = openSimStore(dir);
  const lines: string[] = [[...FEATURES.map((f) => f.name), 'label', 'pattern', 'day', 'type'].join(',')];
  let fraud = 0;
  try {
    const engine = await createFraudEngine(db, { model: null, context: SIM_CONTEXT, explainAbove: 2 });
    await runDays(db, engine, { seed: cfg.seed ?? TRAIN.seed, start: cfg.start ?? TRAIN.start, days: cfg.days ?? TRAIN.days, rates: cfg.rates ?? TRAIN.rates }, (v, s) => {
      if (s.fraud) fraud++;
      lines.push([...Array.from(v, (x) => (Number.isInteger(x) ? String(x) : x.toFixed(6))), s.fraud ? 1 : 0, s.pattern ?? '', s.day, s.type].join(','));
    });
  } finally {
    db.close();
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { rows: lines.length - 1, fraud };
}
