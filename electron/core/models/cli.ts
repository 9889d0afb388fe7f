// Runs: node (core, called by the `storemind` CLI dispatcher). `intent train` and `intent eval`.
// A trained model is a folder holding head.json; the head records which encoder bundle it needs
// (name, version and the bundle path relative to the folder), so eval needs only the folder.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createIntentClassifier, trainIntentHead } from './classifier.ts';
import { readJsonl, stratifiedSplit } from './dataset.ts';
import { loadEncoder, type ModelInfo } from './encoder.ts';
import { readHead, writeHead } from './head-file.ts';
import { DEFAULT_LEXICAL } from './features.ts';
import { intentMetrics, percentile, type IntentMetrics } from './metrics.ts';
import { runtimeOverridesSchema } from './probe.ts';

const log = z.custom<(line: string) => void>((v) => typeof v === 'function').optional();

export const intentTrainArgsSchema = z.object({
  data: z.string().min(1),
  /** Validation JSONL; several files comma-separated are read as one set. */
  val: z.string().min(1).optional(),
  out: z.string().min(1),
  encoderDir: z.string().min(1),
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i).default('intents'),
  seed: z.number().int().default(13),
  trustUnsigned: z.boolean().default(false),
  runtime: runtimeOverridesSchema.optional(),
  /** In-scope accuracy (0..1) the oos threshold may cost on validation; default 0.02. */
  maxThresholdLoss: z.number().min(0).max(1).default(0.02),
  /** Weight of the embedding block against the (unit-norm) lexical block; default 1. */
  embeddingScale: z.number().positive().max(100).default(1),
  /** Hash buckets of the lexical features (a power of two); the head's size grows with it. */
  buckets: z.number().int().min(256).max(1 << 20).refine((n) => (n & (n - 1)) === 0, 'buckets must be a power of two').optional(),
  /** Shortest character n-gram of the lexical features (default 3). */
  charNgramMin: z.number().int().min(1).max(5).optional(),
  /** Weigh lexical buckets by idf over the training lines. */
  idf: z.boolean().default(false),
  /** softmax (default) or hinge (one-vs-rest squared hinge). */
  loss: z.enum(['softmax', 'hinge']).default('softmax'),
  log,
});
export type IntentTrainArgs = z.input<typeof intentTrainArgsSchema>;

export interface IntentTrainResult {
  what: string;
  headFile: string;
  labels: string[];
  oos_trained: boolean;
  n_train: number;
  n_val: number;
  val_source: 'file' | 'split 10% stratified';
  time_ms: number;
  timings: { embed_ms: number; features_ms: number; fit_ms: number };
  val: IntentMetrics;
  temperature: number;
  threshold: number;
  encoder: ModelInfo;
}

export async function intentTrain(args: IntentTrainArgs): Promise<IntentTrainResult> {
  const a = intentTrainArgsSchema.parse(args);
  const say = a.log ?? ((l: string) => console.log(l));
  const t0 = performance.now();
  const rows = await readJsonl(a.data);
  // --val may name several files, comma-separated (the kiosk head: dev.jsonl,natural_val.jsonl).
  const valFiles = a.val ? a.val.split(',').filter(Boolean) : [];
  const { train, val } = valFiles.length ? { train: rows, val: (await Promise.all(valFiles.map((f) => readJsonl(f)))).flat() } : stratifiedSplit(rows, 0.1, a.seed);
  const encoder = await loadEncoder(a.encoderDir, { trustUnsigned: a.trustUnsigned, overrides: a.runtime, cacheSize: 0 });
  try {
    say(`encoder ${encoder.modelInfo.name} ${encoder.modelInfo.version} (${encoder.modelInfo.variant}, ${encoder.modelInfo.verified ? 'verified' : 'UNVERIFIED'}) loaded in ${encoder.modelInfo.load_ms} ms`);
    const lexical = { ...DEFAULT_LEXICAL, ...(a.buckets ? { buckets: a.buckets } : {}), ...(a.charNgramMin ? { charNgramMin: a.charNgramMin } : {}), idf: a.idf };
    const { head, val: metrics, timings } = await trainIntentHead({ train, val, encoder, name: a.name, maxThresholdLoss: a.maxThresholdLoss, embeddingScale: a.embeddingScale, lexical, train_options: { seed: a.seed, loss: a.loss }, log: say });
    const headFile = path.resolve(a.out, 'head.json');
    head.encoder.dir = path.relative(path.dirname(headFile), path.resolve(a.encoderDir)) || '.';
    await writeHead(headFile, head);
    const time_ms = Math.round(performance.now() - t0);
    say(`trained ${head.description}: ${head.labels.length} intents on ${train.length} lines in ${(time_ms / 1000).toFixed(1)} s`);
    say(`validation (${val.length} lines): accuracy ${metrics.accuracy}, in-scope ${metrics.in_scope_accuracy}, oos recall ${metrics.oos_recall ?? 'n/a'}, macro F1 ${metrics.macro_f1}`);
    say(`wrote ${headFile}`);
    return {
      what: head.description,
      headFile,
      labels: head.labels,
      oos_trained: head.oos_trained,
      n_train: train.length,
      n_val: val.length,
      val_source: a.val ? 'file' : 'split 10% stratified',
      time_ms,
      timings: { embed_ms: timings.embed_ms, features_ms: timings.features_ms, fit_ms: timings.fit_ms },
      val: metrics,
      temperature: head.temperature,
      threshold: head.threshold,
      encoder: encoder.modelInfo,
    };
  } finally {
    await encoder.close();
  }
}

export const intentEvalArgsSchema = z.object({
  /** Folder written by intentTrain, or a head .json file (e.g. <bundle>/heads/<name>.json). */
  model: z.string().min(1),
  data: z.string().min(1),
  /** Overrides the encoder folder recorded in the head. */
  encoderDir: z.string().min(1).optional(),
  trustUnsigned: z.boolean().default(false),
  runtime: runtimeOverridesSchema.optional(),
  log,
});
export type IntentEvalArgs = z.input<typeof intentEvalArgsSchema>;

export interface IntentEvalResult extends IntentMetrics {
  p50_ms: number;
  p95_ms: number;
}

export function resolveHeadFile(model: string): string {
  const abs = path.resolve(model);
  if (!existsSync(abs)) throw new Error(`model ${abs} does not exist`);
  if (statSync(abs).isDirectory()) {
    const f = path.join(abs, 'head.json');
    if (!existsSync(f)) throw new Error(`model folder ${abs} has no head.json (train one with intentTrain)`);
    return f;
  }
  return abs;
}

export async function intentEval(args: IntentEvalArgs): Promise<IntentEvalResult> {
  const a = intentEvalArgsSchema.parse(args);
  const say = a.log ?? ((l: string) => console.log(l));
  const headFile = resolveHeadFile(a.model);
  const head = await readHead(headFile);
  // A head inside a bundle (heads/<name>.json) without a recorded dir belongs to that bundle.
  const encoderDir = a.encoderDir ?? path.resolve(path.dirname(headFile), head.encoder.dir ?? '..');
  const rows = await readJsonl(a.data);
  // No cache: every query pays tokenise + encode + head, as a new customer question would.
  const encoder = await loadEncoder(encoderDir, { trustUnsigned: a.trustUnsigned, overrides: a.runtime, cacheSize: 0 });
  try {
    const clf = createIntentClassifier(head, encoder);
    await clf.classify(['warm up the head']);
    const pred: string[] = [];
    const ms: number[] = [];
    for (const r of rows) {
      const t = performance.now();
      const [p] = await clf.classify([r.text]);
      ms.push(performance.now() - t);
      pred.push((p as { label: string }).label);
    }
    const m = intentMetrics(
      rows.map((r) => r.intent),
      pred,
    );
    const result = { ...m, p50_ms: round2(percentile(ms, 50)), p95_ms: round2(percentile(ms, 95)) };
    say(
      `${rows.length} lines: accuracy ${m.accuracy}, in-scope ${m.in_scope_accuracy}, oos recall ${m.oos_recall ?? 'n/a'}, oos precision ${m.oos_precision ?? 'n/a'}, macro F1 ${m.macro_f1}; latency p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms (${encoder.modelInfo.variant}, ${encoder.modelInfo.threads} threads)`,
    );
    return result;
  } finally {
    await encoder.close();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
