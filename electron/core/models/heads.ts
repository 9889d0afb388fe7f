// Runs: node (core). A linear classifier over [dense embedding ⊕ sparse lexical] features: the
// "head" on the frozen encoder. Two losses: multinomial logistic regression (softmax), or one-vs-rest
// squared hinge (a linear SVM), which on the kiosk's validation lines generalised better to
// naturally phrased questions (see native-models/heads/README.md); either way the scores are
// calibrated afterwards with a softmax temperature. Trained here with mini-batch Adam (lazy for the
// sparse rows, so a step costs what the batch touches, not 32k x classes), L2-regularised, with
// early stopping on validation accuracy. Weight layout is feature-major ([feature][class]) so a
// sparse feature's weights are one contiguous row.
import type { SparseVec } from './features.ts';
import { mulberry32, shuffleInPlace } from './rng.ts';

export interface Example {
  dense: Float32Array;
  sparse: SparseVec;
  y: number;
}

export interface LinearHead {
  classes: number;
  dim: number;
  buckets: number;
  wDense: Float32Array; // dim x classes
  wSparse: Float32Array; // buckets x classes
  bias: Float32Array; // classes
}

export type HeadLoss = 'softmax' | 'hinge';

export interface TrainOptions {
  /** softmax (default): cross-entropy; hinge: one-vs-rest squared hinge. */
  loss?: HeadLoss;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  l2?: number;
  /** Epochs without validation improvement before stopping. */
  patience?: number;
  seed?: number;
  onEpoch?: (e: { epoch: number; loss: number; valAccuracy: number | null }) => void;
}

export interface TrainResult {
  head: LinearHead;
  epochs: number;
  bestEpoch: number;
  trainLoss: number;
  valAccuracy: number | null;
}

export function emptyHead(classes: number, dim: number, buckets: number): LinearHead {
  return { classes, dim, buckets, wDense: new Float32Array(dim * classes), wSparse: new Float32Array(buckets * classes), bias: new Float32Array(classes) };
}

export function logits(h: LinearHead, x: Pick<Example, 'dense' | 'sparse'>, out = new Float32Array(h.classes)): Float32Array {
  const C = h.classes;
  out.set(h.bias);
  for (let d = 0; d < h.dim; d++) {
    const v = x.dense[d] as number;
    if (v === 0) continue;
    const off = d * C;
    for (let c = 0; c < C; c++) out[c] = (out[c] as number) + v * (h.wDense[off + c] as number);
  }
  const { idx, val } = x.sparse;
  for (let k = 0; k < idx.length; k++) {
    const v = val[k] as number;
    const off = (idx[k] as number) * C;
    for (let c = 0; c < C; c++) out[c] = (out[c] as number) + v * (h.wSparse[off + c] as number);
  }
  return out;
}

/** In-place softmax of z / temperature; returns the array. */
export function softmax(z: Float32Array, temperature = 1): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, (z[i] as number) / temperature);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const e = Math.exp((z[i] as number) / temperature - max);
    z[i] = e;
    sum += e;
  }
  for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) / sum;
  return z;
}

function argmax(z: Float32Array): number {
  let best = 0;
  for (let i = 1; i < z.length; i++) if ((z[i] as number) > (z[best] as number)) best = i;
  return best;
}

export function accuracy(h: LinearHead, xs: readonly Example[]): number {
  if (xs.length === 0) return 0;
  const buf = new Float32Array(h.classes);
  let ok = 0;
  for (const x of xs) if (argmax(logits(h, x, buf)) === x.y) ok++;
  return ok / xs.length;
}

/**
 * One-vs-rest squared hinge: class c wants a score of at least +1 when it is the gold class and at
 * most -1 otherwise. Replaces the scores in z with dL/dscore and returns the loss.
 */
function squaredHingeGrad(z: Float32Array, y: number): number {
  let loss = 0;
  for (let c = 0; c < z.length; c++) {
    const t = c === y ? 1 : -1;
    const m = 1 - t * (z[c] as number);
    if (m > 0) {
      loss += m * m;
      z[c] = -2 * t * m;
    } else z[c] = 0;
  }
  return loss;
}

const B1 = 0.9;
const B2 = 0.999;
const EPS = 1e-8;

export function trainLinearHead(train: readonly Example[], val: readonly Example[], shape: { classes: number; dim: number; buckets: number }, opts: TrainOptions = {}): TrainResult {
  const { classes: C, dim: D, buckets: NB } = shape;
  const epochs = opts.epochs ?? 40;
  const batchSize = opts.batchSize ?? 64;
  const lr = opts.learningRate ?? 0.01;
  const l2 = opts.l2 ?? 1e-5; // CLINC150, lexical block: 1e-4 underfits (88.8% vs 90.3%); 1e-6..3e-6 change little
  const patience = opts.patience ?? 3;
  const hinge = opts.loss === 'hinge';
  const rand = mulberry32(opts.seed ?? 13);

  const h = emptyHead(C, D, NB);
  // Adam moments: dense block and bias updated every step; sparse rows lazily.
  const mD = new Float32Array(D * C), vD = new Float32Array(D * C);
  const mB = new Float32Array(C), vB = new Float32Array(C);
  const mS = new Float32Array(NB * C), vS = new Float32Array(NB * C);
  const gD = new Float32Array(D * C), gB = new Float32Array(C);
  // Sparse gradient rows live in a reusable pool: slot[bucket] is the row's place in the pool
  // (-1 when untouched), so a step allocates nothing and clears only the rows it used.
  const slot = new Int32Array(NB).fill(-1);
  let pool = new Float32Array(4096 * C);
  const touched: number[] = [];
  const z = new Float32Array(C);

  let best: LinearHead = emptyHead(C, D, NB);
  let bestAcc = -Infinity; // the score is -loss without validation, and a loss can exceed 1
  let bestEpoch = 0;
  let since = 0;
  let lastLoss = 0;
  let ran = 0;
  let step = 0;
  const order = train.map((_, i) => i);

  const adam = (w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, wOff: number, n: number, c1: number, c2: number) => {
    for (let i = 0; i < n; i++) {
      const gi = g[i] as number;
      const j = wOff + i;
      const mi = B1 * (m[j] as number) + (1 - B1) * gi;
      const vi = B2 * (v[j] as number) + (1 - B2) * gi * gi;
      m[j] = mi;
      v[j] = vi;
      w[j] = (w[j] as number) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + EPS);
    }
  };

  for (let epoch = 1; epoch <= epochs; epoch++) {
    ran = epoch;
    shuffleInPlace(order, rand);
    let lossSum = 0;
    for (let s = 0; s < order.length; s += batchSize) {
      const batch = order.slice(s, s + batchSize);
      const inv = 1 / batch.length;
      gD.fill(0);
      gB.fill(0);
      for (const i of batch) {
        const x = train[i] as Example;
        logits(h, x, z);
        if (hinge) lossSum += squaredHingeGrad(z, x.y);
        else {
          softmax(z);
          lossSum -= Math.log(Math.max(z[x.y] as number, 1e-12));
          z[x.y] = (z[x.y] as number) - 1; // dL/dlogits = p - onehot
        }
        for (let c = 0; c < C; c++) gB[c] = (gB[c] as number) + (z[c] as number) * inv;
        for (let d = 0; d < D; d++) {
          const v = (x.dense[d] as number) * inv;
          if (v === 0) continue;
          const off = d * C;
          for (let c = 0; c < C; c++) gD[off + c] = (gD[off + c] as number) + v * (z[c] as number);
        }
        const { idx, val } = x.sparse;
        for (let k = 0; k < idx.length; k++) {
          const b = idx[k] as number;
          let r = slot[b] as number;
          if (r < 0) {
            r = touched.length;
            if ((r + 1) * C > pool.length) {
              const bigger = new Float32Array(pool.length * 2);
              bigger.set(pool);
              pool = bigger;
            }
            slot[b] = r;
            touched.push(b);
          }
          const off = r * C;
          const v = (val[k] as number) * inv;
          for (let c = 0; c < C; c++) pool[off + c] = (pool[off + c] as number) + v * (z[c] as number);
        }
      }
      step++;
      const c1 = 1 - B1 ** step;
      const c2 = 1 - B2 ** step;
      for (let j = 0; j < gD.length; j++) gD[j] = (gD[j] as number) + l2 * (h.wDense[j] as number);
      adam(h.wDense, gD, mD, vD, 0, D * C, c1, c2);
      adam(h.bias, gB, mB, vB, 0, C, c1, c2);
      for (let r = 0; r < touched.length; r++) {
        const b = touched[r] as number;
        const off = b * C;
        const g = pool.subarray(r * C, (r + 1) * C);
        for (let c = 0; c < C; c++) g[c] = (g[c] as number) + l2 * (h.wSparse[off + c] as number);
        adam(h.wSparse, g, mS, vS, off, C, c1, c2);
        g.fill(0);
        slot[b] = -1;
      }
      touched.length = 0;
    }
    lastLoss = lossSum / Math.max(1, train.length);
    const valAcc = val.length ? accuracy(h, val) : null;
    opts.onEpoch?.({ epoch, loss: lastLoss, valAccuracy: valAcc });
    const score = valAcc ?? -lastLoss;
    if (score > bestAcc + 1e-9) {
      bestAcc = score;
      bestEpoch = epoch;
      since = 0;
      best = { ...h, wDense: h.wDense.slice(), wSparse: h.wSparse.slice(), bias: h.bias.slice() };
    } else if (++since >= patience) break;
  }
  return { head: best, epochs: ran, bestEpoch, trainLoss: lastLoss, valAccuracy: val.length ? bestAcc : null };
}
