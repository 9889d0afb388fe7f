// Runs: node (core, and the central platform's feedback job). Staff verdicts on reviewed
// transactions ("fraud" / "legitimate") retrain, cheaply, a correction on top of the fixed fraud
// network: an offset to the network's log-odds from the standardised feature vector,
//   p' = σ(logit(p) + b + Σ wᵢ·clip((xᵢ − meanᵢ)/scaleᵢ)),
// fitted by penalised logistic regression with every parameter pulled towards "no change"
// (b = 0, w = 0). The network's log-odds keep their weight of 1: a correction may move the
// transactions the verdicts speak about, never flatten the network's ranking of everything else
// (fitting that weight too collapsed it when staff overruled confident scores). The pull matters:
// verdicts exist only for transactions someone reviewed, so they over-represent fraud and the
// flagged corner of the feature space; with few verdicts the correction stays close to the
// network, and only a pattern the verdicts agree on moves it (a store whose keyed-in card sales
// are honest, say). The platform publishes a correction only when it beats the running model on
// held-out verdicts and stays within 0.02 PR-AUC of the network alone on the simulator's held-out
// days (central/fraud-feedback.ts).
import { z } from 'zod';

export const RECALIBRATION_FILE = 'recalibration.json';
export const RECALIBRATION_FORMAT = 'storemind-fraud-recalibration';

/** One fitted correction: p' = σ(logit(p) + bias + Σ weightsᵢ·clip((xᵢ − meanᵢ)/scaleᵢ)). */
export const correctionSchema = z.object({
  bias: z.number().finite(),
  weights: z.array(z.number().finite()),
  scale: z.array(z.number().finite().positive()),
  trained: z.object({ verdicts: z.number().int().nonnegative(), fraud: z.number().int().nonnegative(), legitimate: z.number().int().nonnegative() }),
});
export type Correction = z.infer<typeof correctionSchema>;

/**
 * recalibration.json: a fleet correction fitted on every store's verdicts, and per-store ones for
 * stores with enough verdicts of their own (stores differ: one store's honest habit is another's
 * fraud pattern). A terminal applies its store's correction, else the fleet one.
 */
export const recalibrationSchema = z.object({
  format: z.literal(RECALIBRATION_FORMAT),
  format_version: z.literal(1),
  /** The model's feature order; must equal the bundle's manifest features. */
  features: z.array(z.string()).min(1),
  fleet: correctionSchema.nullable(),
  stores: z.record(z.string().min(1).max(100), correctionSchema).default({}),
});
export type Recalibration = z.infer<typeof recalibrationSchema>;

/** The correction a terminal of `storeId` applies: its store's, else the fleet's, else none. */
export function correctionFor(r: Recalibration, storeId: string | null | undefined): { scope: 'store' | 'fleet'; correction: Correction } | null {
  const own = storeId ? r.stores[storeId] : undefined;
  if (own) return { scope: 'store', correction: own };
  return r.fleet ? { scope: 'fleet', correction: r.fleet } : null;
}

export interface VerdictRow {
  /** The model vector (features.ts modelVector) at decision time. */
  x: Float32Array;
  /** The fixed network's probability for x. */
  p: number;
  /** 1: staff confirmed fraud; 0: legitimate. */
  y: 0 | 1;
}

const EPS = 1e-6;
export const logit = (p: number): number => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * A feature's standardised value, clipped: verdicts cover a narrow corner of the feature space, so
 * a transaction far outside it (by the verdicts' own spread) must not get an unbounded correction.
 */
const Z_CLIP = 3;
const standardise = (x: number, mean: number, scale: number): number => Math.max(-Z_CLIP, Math.min(Z_CLIP, (x - mean) / scale));

/** The corrected probability of one row; `means` are the manifest's training means. */
export function applyCorrection(r: Correction, means: readonly number[], x: ArrayLike<number>, p: number): number {
  let z = logit(p) + r.bias;
  for (let i = 0; i < r.weights.length; i++) z += (r.weights[i] as number) * standardise(x[i] as number, means[i] as number, r.scale[i] as number);
  return sigmoid(z);
}

export interface FitOptions {
  /** Strength of the pull towards "no change": it weighs as much as this many verdicts (default 10). */
  l2?: number;
  /** Newton steps at most (each solves one small linear system; 47 unknowns for the shipped model). */
  iterations?: number;
}

/** Solves A·x = b for a symmetric positive definite A (Cholesky); A is n×n row-major. */
function solveSpd(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / L[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= L[i * n + k]! * y[k]!;
    y[i] = sum / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= L[k * n + i]! * x[k]!;
    x[i] = sum / L[i * n + i]!;
  }
  return x;
}

/**
 * Fits the correction on verdict rows: penalised logistic regression by damped Newton steps from
 * "no change" (deterministic, converges in a few steps even when the network's scores are
 * saturated). Feature scales are the rows' standard deviations; a feature that never varies among
 * the verdicts gets no say.
 */
export function fitCorrection(rows: readonly VerdictRow[], features: readonly string[], means: readonly number[], opts: FitOptions = {}): Correction {
  const n = rows.length;
  const d = features.length;
  if (n === 0) throw new Error('no verdicts to fit on');
  if (means.length !== d || rows.some((r) => r.x.length !== d)) throw new Error('verdict rows, means and features disagree in length');
  const l2 = opts.l2 ?? 10;
  const scale = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    let m = 0;
    for (const r of rows) m += r.x[j] as number;
    m /= n;
    let v = 0;
    for (const r of rows) v += ((r.x[j] as number) - m) ** 2;
    const sd = Math.sqrt(v / n);
    scale[j] = sd > 1e-3 ? sd : Number.POSITIVE_INFINITY;
  }
  // θ = [b, w₁…w_d] over φ = [1, z₁…z_d], the network's log-odds a fixed offset; the pull is
  // towards θ = 0.
  const k = d + 1;
  const offset = rows.map((r) => logit(r.p));
  const phi = rows.map((r) => {
    const f = new Float64Array(k);
    f[0] = 1;
    for (let j = 0; j < d; j++) f[j + 1] = Number.isFinite(scale[j]!) ? standardise(r.x[j] as number, means[j] as number, scale[j]!) : 0;
    return f;
  });
  const theta0 = new Float64Array(k);
  const objective = (t: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let z = offset[i]!;
      for (let j = 0; j < k; j++) z += phi[i]![j]! * t[j]!;
      // log(1 + e^z) − y·z, computed without overflow
      s += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - rows[i]!.y * z;
    }
    for (let j = 0; j < k; j++) s += l2 * (t[j]! - theta0[j]!) ** 2;
    return s;
  };
  let theta = Float64Array.from(theta0);
  let f = objective(theta);
  for (let it = 0; it < (opts.iterations ?? 50); it++) {
    const g = new Float64Array(k);
    const H = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const x = phi[i]!;
      let z = offset[i]!;
      for (let j = 0; j < k; j++) z += x[j]! * theta[j]!;
      const s = sigmoid(z);
      const err = s - rows[i]!.y;
      const wgt = s * (1 - s);
      for (let a = 0; a < k; a++) {
        g[a] = g[a]! + err * x[a]!;
        if (wgt === 0 || x[a] === 0) continue;
        for (let b = 0; b <= a; b++) H[a * k + b] = H[a * k + b]! + wgt * x[a]! * x[b]!;
      }
    }
    for (let a = 0; a < k; a++) {
      g[a] = g[a]! + 2 * l2 * (theta[a]! - theta0[a]!);
      H[a * k + a] = H[a * k + a]! + 2 * l2;
      for (let b = 0; b < a; b++) H[b * k + a] = H[a * k + b]!;
    }
    const step = solveSpd(H, g, k);
    // Damped: halve the step until the objective does not rise.
    let t = 1;
    let next = theta;
    let fNext = f;
    for (let h = 0; h < 30; h++, t /= 2) {
      const cand = Float64Array.from(theta, (v, j) => v - t * step[j]!);
      const fc = objective(cand);
      if (fc <= f) {
        next = cand;
        fNext = fc;
        break;
      }
    }
    const moved = f - fNext;
    theta = next;
    f = fNext;
    if (moved < 1e-9 * Math.max(1, Math.abs(f))) break;
  }
  const fraud = rows.filter((r) => r.y === 1).length;
  return {
    bias: theta[0]!,
    weights: Array.from(theta.subarray(1)),
    scale: scale.map((s) => (Number.isFinite(s) ? s : 1)),
    trained: { verdicts: n, fraud, legitimate: n - fraud },
  };
}

/** Mean log loss of probabilities against labels (lower is better). */
export function logLoss(probs: readonly number[], labels: readonly (0 | 1)[]): number {
  let s = 0;
  probs.forEach((p, i) => {
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    s -= labels[i] === 1 ? Math.log(q) : Math.log(1 - q);
  });
  return s / Math.max(1, probs.length);
}
