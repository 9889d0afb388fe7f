// Runs: node (core). The learned risk model: a small ONNX network (trained by
// native-models/fraud/train.py on the simulator's labelled history) that maps the feature vector to
// a fraud probability. The bundle's manifest lists every file's sha256 (checked before loading) and
// the feature order the model was trained on (checked against features.ts, so a model and an app
// that disagree about inputs never score a sale). The manifest also carries each input's training
// mean: replacing one input by its mean and re-scoring says how much that feature drove the score.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { z } from 'zod';
import { appRoot } from '../paths.ts';
import { CoreError } from '../db/errors.ts';
import { FEATURE_NAMES } from './feature-catalog.ts';
import { applyCorrection, correctionFor, RECALIBRATION_FILE, recalibrationSchema, type Correction, type Recalibration } from './recalibration.ts';

/** The model's name in signed model updates (the platform's targets, the terminal's models table). */
export const FRAUD_MODEL_NAME = 'fraud-risk';
/** manifest.json's `kind` for a fraud model bundle. */
export const RISK_BUNDLE_KIND = 'tabular-risk';

const ManifestSchema = z.object({
  name: z.literal(FRAUD_MODEL_NAME),
  version: z.string().min(1).max(64),
  kind: z.literal(RISK_BUNDLE_KIND),
  input: z.string(),
  output: z.string(),
  features: z.array(z.string()),
  means: z.array(z.number()),
  files: z.record(z.string(), z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int() })),
  metrics: z.record(z.string(), z.unknown()).optional(),
});
export type FraudManifest = z.infer<typeof ManifestSchema>;

export interface RiskModel {
  version: string;
  manifest: FraudManifest;
  /** Scores rows of the model vector (features.ts modelVector), one probability per row. */
  score(rows: Float32Array[]): Promise<number[]>;
  /** The network's own probabilities, before the verdict correction (what a new correction is fitted on). */
  scoreNetwork(rows: Float32Array[]): Promise<number[]>;
  /** The verdict corrections the bundle carries (recalibration.json), if any. */
  recalibration: Recalibration | null;
  /** The one this model applies: its store's, else the fleet's. */
  correction: { scope: 'store' | 'fleet'; correction: Correction } | null;
  /** Frees the ONNX session (after a newer model has taken over). */
  release(): Promise<void>;
}

export function defaultBundleDir(): string {
  return path.join(appRoot(), 'native-models', 'bundles', FRAUD_MODEL_NAME);
}

const GoldenSchema = z.object({ rows: z.array(z.array(z.number())).min(1), scores: z.array(z.number().min(0).max(1)).min(1) });
/** The factory writes golden scores with torch; onnxruntime agrees to ~1e-6, so this is generous. */
const GOLDEN_TOLERANCE = 1e-4;

/**
 * Checks an unpacked fraud model before a terminal switches to it: its manifest and every file's
 * sha256, the feature order this app computes (and every verdict correction's shape), and its
 * golden rows scored by a real session against the scores written with it (the network with the
 * fleet correction, if any). The running model keeps serving meanwhile.
 */
export async function verifyRiskBundle(dir: string): Promise<{ ok: boolean; problems: string[] }> {
  let model: RiskModel | null = null;
  try {
    model = await loadRiskModel(dir);
    const file = path.join(dir, 'golden.json');
    if (!fs.existsSync(file) || !model.manifest.files['golden.json']) return { ok: false, problems: ['the fraud model has no golden.json listed in its manifest'] };
    const golden = GoldenSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!golden.success || golden.data.rows.length !== golden.data.scores.length) return { ok: false, problems: ['golden.json is not a list of rows with one score each'] };
    if (golden.data.rows.some((r) => r.length !== model!.manifest.features.length)) return { ok: false, problems: ['golden.json rows do not have one value per feature'] };
    const got = await model.score(golden.data.rows.map((r) => Float32Array.from(r)));
    const off = got.map((s, i) => Math.abs(s - golden.data.scores[i]!)).reduce((a, b) => Math.max(a, b), 0);
    return off <= GOLDEN_TOLERANCE ? { ok: true, problems: [] } : { ok: false, problems: [`golden rows score up to ${off.toExponential(2)} away from golden.json`] };
  } catch (e) {
    return { ok: false, problems: [(e as Error).message] };
  } finally {
    await model?.release();
  }
}

export interface LoadRiskOptions {
  /** This terminal's store: picks the store's own verdict correction when the bundle has one. */
  storeId?: string | null;
}

export async function loadRiskModel(dir = defaultBundleDir(), opts: LoadRiskOptions = {}): Promise<RiskModel> {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new CoreError('MODEL_INVALID', `No fraud model at ${dir} (manifest.json missing).`);
  const parsed = ManifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) throw new CoreError('MODEL_INVALID', `Fraud model manifest is invalid: ${parsed.error.issues[0]?.message}`);
  const m = parsed.data;
  for (const [file, meta] of Object.entries(m.files)) {
    if (file.includes('/') || file.includes('\\') || file.startsWith('.')) throw new CoreError('MODEL_INVALID', `Fraud model manifest names a bad file: ${file}`);
    const bytes = fs.readFileSync(path.join(dir, file));
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    if (sha !== meta.sha256) throw new CoreError('MODEL_INVALID', `Fraud model file ${file} does not match its sha256 in the manifest.`);
  }
  if (m.features.join(',') !== FEATURE_NAMES.join(',')) {
    throw new CoreError('MODEL_INVALID', 'Fraud model was trained on different features than this app computes; retrain it.');
  }
  if (m.means.length !== m.features.length) throw new CoreError('MODEL_INVALID', 'Fraud model manifest: means and features differ in length.');
  if (!m.files['model.onnx']) throw new CoreError('MODEL_INVALID', 'Fraud model manifest lists no model.onnx.');
  const recalibration = m.files[RECALIBRATION_FILE] ? readRecalibration(path.join(dir, RECALIBRATION_FILE), m) : null;
  const correction = recalibration ? correctionFor(recalibration, opts.storeId) : null;
  const session = await ort.InferenceSession.create(fs.readFileSync(path.join(dir, 'model.onnx')), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const width = m.features.length;
  async function scoreNetwork(rows: Float32Array[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const data = new Float32Array(rows.length * width);
    rows.forEach((r, i) => data.set(r, i * width));
    const out = await session.run({ [m.input]: new ort.Tensor('float32', data, [rows.length, width]) });
    const probs = out[m.output]!.data as Float32Array;
    return Array.from(probs, (p) => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0));
  }
  return {
    version: m.version,
    manifest: m,
    recalibration,
    correction,
    scoreNetwork,
    async score(rows) {
      const p = await scoreNetwork(rows);
      return correction ? p.map((q, i) => applyCorrection(correction.correction, m.means, rows[i]!, q)) : p;
    },
    release: () => session.release(),
  };
}

function readRecalibration(file: string, m: FraudManifest): Recalibration {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CoreError('MODEL_INVALID', `Fraud model ${RECALIBRATION_FILE} is not valid JSON: ${(e as Error).message}`);
  }
  const r = recalibrationSchema.safeParse(raw);
  if (!r.success) throw new CoreError('MODEL_INVALID', `Fraud model ${RECALIBRATION_FILE} is invalid: ${r.error.issues[0]?.message}`);
  const d = m.features.length;
  const corrections = [r.data.fleet, ...Object.values(r.data.stores)].filter((c): c is Correction => c !== null);
  if (r.data.features.join(',') !== m.features.join(',') || corrections.some((c) => c.weights.length !== d || c.scale.length !== d)) {
    throw new CoreError('MODEL_INVALID', `Fraud model ${RECALIBRATION_FILE} was fitted on other features than the model's.`);
  }
  return r.data;
}

/**
 * How much each input pushed the score up: the score's log-odds minus the log-odds with that input
 * at its training mean, all in one batched run. Log-odds, because a confident score (0.999) barely
 * moves in probability when one of several strong signals is removed. Returns the top raisers.
 */
export async function topDrivers(model: RiskModel, vector: Float32Array, score: number, k = 3): Promise<Array<{ index: number; delta: number }>> {
  const rows: Float32Array[] = [];
  for (let i = 0; i < vector.length; i++) {
    const r = vector.slice();
    r[i] = model.manifest.means[i]!;
    rows.push(r);
  }
  const scores = await model.score(rows);
  const logit = (p: number) => {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  };
  const base = logit(score);
  return scores
    .map((s, index) => ({ index, delta: base - logit(s) }))
    .filter((d) => d.delta > 0.1)
    .sort((a, b) => b.delta - a.delta)
    .slice(0, k);
}
