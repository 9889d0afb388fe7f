// Runs: node (core). Post-hoc calibration on validation data: a softmax temperature so that
// confidence means probability, and an out-of-scope threshold on that confidence.

/** Mean negative log-likelihood of labels y under softmax(logits / T). */
function nll(logits: readonly Float32Array[], y: readonly number[], t: number): number {
  let total = 0;
  logits.forEach((z, i) => {
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v / t);
    let sum = 0;
    for (const v of z) sum += Math.exp(v / t - max);
    total -= (z[y[i] as number] as number) / t - max - Math.log(sum);
  });
  return total / Math.max(1, logits.length);
}

/** Temperature minimising validation NLL: golden-section search over log T in [-3, 3]. */
export function fitTemperature(logits: readonly Float32Array[], y: readonly number[]): number {
  if (logits.length === 0) return 1;
  let lo = -3;
  let hi = 3;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(logits, y, Math.exp(a));
  let fb = nll(logits, y, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(logits, y, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(logits, y, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

export interface ScoredExample {
  /** Top class index and its calibrated probability. */
  pred: number;
  confidence: number;
  /** Gold class index; `oos` marks gold out-of-scope examples. */
  gold: number;
  oos: boolean;
}

export interface ThresholdChoice {
  threshold: number;
  in_scope_accuracy: number;
  oos_recall: number | null;
  /** In-scope accuracy with no threshold, the baseline the budget is measured from. */
  base_in_scope_accuracy: number;
}

/**
 * Picks the confidence threshold maximising in-scope accuracy + oos recall, subject to losing at
 * most `maxLoss` in-scope accuracy against no threshold. A prediction of the oos class itself
 * already counts as a rejection. Without oos examples recall cannot be measured, so the threshold
 * spends the whole budget: the highest threshold within `maxLoss` (unknown questions do reach a
 * kiosk, and the least confident in-scope answers are the likeliest to be wrong anyway).
 */
export function chooseThreshold(xs: readonly ScoredExample[], oosClass: number | null, maxLoss = 0.02): ThresholdChoice {
  const inScope = xs.filter((x) => !x.oos);
  const oos = xs.filter((x) => x.oos);
  const evalAt = (t: number) => {
    const acc = inScope.length ? inScope.filter((x) => x.pred === x.gold && x.pred !== oosClass && x.confidence >= t).length / inScope.length : 0;
    const rec = oos.length ? oos.filter((x) => x.pred === oosClass || x.confidence < t).length / oos.length : null;
    return { acc, rec };
  };
  const base = evalAt(0);
  // Candidate thresholds: just above each observed confidence (rejecting it and everything below).
  const cands = [0, ...new Set(xs.map((x) => x.confidence))].sort((a, b) => a - b).map((c) => (c === 0 ? 0 : c + 1e-7));
  let best = { t: 0, acc: base.acc, rec: base.rec, score: oos.length ? base.acc + (base.rec ?? 0) : 0 };
  for (const t of cands) {
    const { acc, rec } = evalAt(t);
    if (acc < base.acc - maxLoss - 1e-12) break; // accuracy only falls as t rises
    const score = oos.length ? acc + (rec ?? 0) : t;
    if (score > best.score + 1e-12) best = { t, acc, rec, score };
  }
  return { threshold: best.t, in_scope_accuracy: best.acc, oos_recall: best.rec, base_in_scope_accuracy: base.acc };
}
