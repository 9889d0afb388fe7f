// Runs: node (core). Intent classifier = frozen encoder embedding ⊕ hashed lexical features →
// a linear head (softmax regression or one-vs-rest squared hinge), temperature-calibrated, with an
// out-of-scope threshold. Training computes every embedding once (in batches), then fits only the
// linear head, which is why a 15k-line dataset trains in seconds-to-minutes on a till instead of
// hours of fine-tuning.
import { z } from 'zod';
import { OOS_LABEL, type IntentExample } from './dataset.ts';
import type { Encoder } from './encoder.ts';
import { bucketIdf, DEFAULT_LEXICAL, lexicalFeatures, lexicalConfigSchema, type LexicalConfig } from './features.ts';
import { f32ToBase64, f32ToInt8Block64Base64, HEAD_FORMAT, headIdf, headWeights, int8Block64Base64ToF32, type HeadFile } from './head-file.ts';
import { accuracy, logits, softmax, trainLinearHead, type Example, type HeadLoss, type LinearHead, type TrainOptions } from './heads.ts';
import { chooseThreshold, fitTemperature } from './calibration.ts';
import { intentMetrics, type IntentMetrics } from './metrics.ts';

export interface Prediction {
  /** The intent, or out_of_scope when the oos class wins or confidence is under the threshold. */
  label: string;
  /** Calibrated probability of the top class. */
  confidence: number;
  topK: { label: string; p: number }[];
}

export interface IntentClassifier {
  readonly head: HeadFile;
  readonly encoder: Encoder;
  classify(texts: readonly string[], opts?: { topK?: number }): Promise<Prediction[]>;
}

export interface TrainHeadOptions {
  train: readonly IntentExample[];
  val: readonly IntentExample[];
  encoder: Encoder;
  name?: string;
  lexical?: LexicalConfig;
  /** Multiplies the embedding block; both blocks are unit-norm, so 1 weighs them equally. */
  embeddingScale?: number;
  /** Largest in-scope accuracy loss the oos threshold may cost on validation. */
  maxThresholdLoss?: number;
  train_options?: TrainOptions;
  log?: (line: string) => void;
}

/** How a head was trained, stored with it so a retrain (the platform's feedback job) repeats it. */
export interface HeadRecipe {
  lexical: LexicalConfig;
  embeddingScale: number;
  loss: HeadLoss;
  maxThresholdLoss: number;
}

const headRecipeSchema = z.object({
  lexical: lexicalConfigSchema,
  embeddingScale: z.number().positive(),
  loss: z.enum(['softmax', 'hinge']),
  maxThresholdLoss: z.number().min(0).max(1),
});

/** trainIntentHead's defaults, as a recipe. */
export const DEFAULT_RECIPE: HeadRecipe = { lexical: lexicalConfigSchema.parse(DEFAULT_LEXICAL), embeddingScale: 1, loss: 'softmax', maxThresholdLoss: 0.02 };

/** The recipe a head was trained with; heads written before recipes were stored get the defaults it implies. */
export function headRecipe(head: HeadFile): HeadRecipe {
  const r = headRecipeSchema.safeParse(head.training['recipe']);
  if (r.success) return r.data;
  return { lexical: head.features.lexical, embeddingScale: head.features.embedding.scale, loss: 'softmax', maxThresholdLoss: 0.02 };
}

/** Training options that repeat a recipe. */
export function recipeOptions(r: HeadRecipe): Pick<TrainHeadOptions, 'lexical' | 'embeddingScale' | 'maxThresholdLoss'> & { loss: HeadLoss } {
  return { lexical: r.lexical, embeddingScale: r.embeddingScale, maxThresholdLoss: r.maxThresholdLoss, loss: r.loss };
}

export interface TrainHeadResult {
  head: HeadFile;
  val: IntentMetrics;
  timings: { embed_ms: number; features_ms: number; fit_ms: number; total_ms: number };
}

function toExamples(rows: readonly IntentExample[], emb: Float32Array[], labelIndex: Map<string, number>, cfg: LexicalConfig, scale: number, idf: Float32Array | undefined): Example[] {
  return rows.map((r, i) => {
    const y = labelIndex.get(r.intent);
    if (y === undefined) throw new Error(`validation label "${r.intent}" does not occur in the training data`);
    const dense = emb[i] as Float32Array;
    if (scale !== 1) for (let d = 0; d < dense.length; d++) dense[d] = (dense[d] as number) * scale;
    return { dense, sparse: lexicalFeatures(r.text, cfg, idf), y };
  });
}

export async function trainIntentHead(opts: TrainHeadOptions): Promise<TrainHeadResult> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const cfg = lexicalConfigSchema.parse(opts.lexical ?? DEFAULT_LEXICAL);
  const scale = opts.embeddingScale ?? 1;
  const labels = [...new Set(opts.train.map((r) => r.intent))].sort();
  if (labels.length < 2) throw new Error(`need at least 2 intents to train, got ${labels.length}`);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const oosTrained = labelIndex.has(OOS_LABEL);
  const info = opts.encoder.modelInfo;

  log(`embedding ${opts.train.length + opts.val.length} texts with ${info.name} ${info.version} (${info.variant})`);
  const all = await opts.encoder.embed([...opts.train, ...opts.val].map((r) => r.text));
  const t1 = performance.now();
  // idf comes from the training lines only, and is stored as the head will read it back (int8).
  const idfEncoded = cfg.idf ? f32ToInt8Block64Base64(bucketIdf(opts.train.map((r) => r.text), cfg)) : undefined;
  const idf = idfEncoded ? int8Block64Base64ToF32(idfEncoded, cfg.buckets, 'lexical idf') : undefined;
  const train = toExamples(opts.train, all.slice(0, opts.train.length), labelIndex, cfg, scale, idf);
  const val = toExamples(opts.val, all.slice(opts.train.length), labelIndex, cfg, scale, idf);
  const t2 = performance.now();

  const loss = opts.train_options?.loss ?? 'softmax';
  log(`fitting a linear head (${loss} loss): ${labels.length} classes, ${info.dim} + ${cfg.buckets} features${cfg.idf ? ' (idf-weighted)' : ''}`);
  const fit = trainLinearHead(train, val, { classes: labels.length, dim: info.dim, buckets: cfg.buckets }, {
    ...opts.train_options,
    onEpoch: (e) => {
      log(`  epoch ${e.epoch}: loss ${e.loss.toFixed(4)}${e.valAccuracy === null ? '' : `, val acc ${e.valAccuracy.toFixed(4)}`}`);
      opts.train_options?.onEpoch?.(e);
    },
  });
  const t3 = performance.now();

  const oosClass = oosTrained ? (labelIndex.get(OOS_LABEL) as number) : null;
  const { temperature, threshold } = calibrate(fit.head, val, oosClass, opts.maxThresholdLoss ?? 0.02);
  const head: HeadFile = {
    format: HEAD_FORMAT,
    format_version: 1,
    name: opts.name ?? 'intents',
    created: new Date().toISOString(),
    description: 'head on frozen embeddings + lexical features',
    labels,
    oos_label: OOS_LABEL,
    oos_trained: oosTrained,
    encoder: { name: info.name, version: info.version, dim: info.dim, variant: info.variant, verified: info.verified },
    features: { embedding: { dim: info.dim, scale }, lexical: cfg, ...(idfEncoded ? { lexical_idf: idfEncoded } : {}) },
    weights: { dtype: 'int8-block64-le-base64', dense: f32ToInt8Block64Base64(fit.head.wDense), sparse: f32ToInt8Block64Base64(fit.head.wSparse), bias: f32ToBase64(fit.head.bias) },
    temperature,
    threshold,
    metrics: {},
    training: {},
  };
  // Validation metrics of the head as written (int8 weights), not of the float weights before it.
  const written = headWeights(head);
  const valPred = val.map((x) => predictOne(written, head, x, 1).label);
  const valMetrics = intentMetrics(
    val.map((x) => labels[x.y] as string),
    valPred,
  );
  const timings = { embed_ms: Math.round(t1 - t0), features_ms: Math.round(t2 - t1), fit_ms: Math.round(t3 - t2), total_ms: Math.round(performance.now() - t0) };
  head.metrics = { val: valMetrics, train_accuracy: Math.round(accuracy(fit.head, train) * 1e4) / 1e4 };
  const recipe: HeadRecipe = { lexical: cfg, embeddingScale: scale, loss, maxThresholdLoss: opts.maxThresholdLoss ?? 0.02 };
  head.training = { recipe, n_train: train.length, n_val: val.length, epochs: fit.epochs, best_epoch: fit.bestEpoch, ...timings };
  log(`temperature ${temperature.toFixed(3)}, oos threshold ${threshold.toFixed(3)}; val accuracy ${valMetrics.accuracy}`);
  return { head, val: valMetrics, timings };
}

function calibrate(h: LinearHead, val: readonly Example[], oosClass: number | null, maxLoss: number) {
  if (val.length === 0) return { temperature: 1, threshold: 0 };
  const rawLogits = val.map((x) => logits(h, x));
  const gold = val.map((x) => x.y);
  const temperature = fitTemperature(rawLogits, gold);
  const scored = rawLogits.map((z, i) => {
    const p = softmax(z.slice(), temperature);
    let best = 0;
    for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
    return { pred: best, confidence: p[best] as number, gold: gold[i] as number, oos: gold[i] === oosClass };
  });
  return { temperature, threshold: chooseThreshold(scored, oosClass, maxLoss).threshold };
}

function predictOne(h: LinearHead, head: HeadFile, x: Pick<Example, 'dense' | 'sparse'>, topK: number): Prediction {
  const p = softmax(logits(h, x), head.temperature);
  const order = Array.from(p.keys()).sort((a, b) => (p[b] as number) - (p[a] as number));
  const top = order[0] as number;
  const confidence = p[top] as number;
  const label = head.labels[top] as string;
  return {
    label: label === head.oos_label || confidence < head.threshold ? head.oos_label : label,
    confidence,
    topK: order.slice(0, topK).map((c) => ({ label: head.labels[c] as string, p: p[c] as number })),
  };
}

/** Binds a head to a loaded encoder; refuses an encoder other than the one it was trained on. */
export function createIntentClassifier(head: HeadFile, encoder: Encoder): IntentClassifier {
  const info = encoder.modelInfo;
  if (info.name !== head.encoder.name || info.version !== head.encoder.version) {
    throw new Error(`head ${head.name} was trained on encoder ${head.encoder.name} ${head.encoder.version}, not ${info.name} ${info.version}`);
  }
  const weights = headWeights(head);
  const idf = headIdf(head);
  const scale = head.features.embedding.scale;
  return {
    head,
    encoder,
    async classify(texts, opts = {}) {
      const emb = await encoder.embed(texts);
      return emb.map((dense, i) => {
        if (scale !== 1) for (let d = 0; d < dense.length; d++) dense[d] = (dense[d] as number) * scale;
        return predictOne(weights, head, { dense, sparse: lexicalFeatures(texts[i] as string, head.features.lexical, idf) }, opts.topK ?? 3);
      });
    },
  };
}
