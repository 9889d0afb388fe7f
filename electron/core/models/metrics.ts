// Runs: node (core). Intent metrics where out-of-scope is both a class and a rejection.
import { OOS_LABEL } from './dataset.ts';

export interface IntentMetrics {
  n: number;
  /** Exact label match over everything, out_of_scope counted as a class. */
  accuracy: number;
  /** Share of in-scope examples given their right label (a rejection counts as wrong). */
  in_scope_accuracy: number;
  /** Share of out-of-scope examples rejected; null when the data has none. */
  oos_recall: number | null;
  /** Share of rejections that were really out of scope; null when nothing was rejected. */
  oos_precision: number | null;
  /** Unweighted mean F1 over the gold labels, out_of_scope included. */
  macro_f1: number;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function intentMetrics(gold: readonly string[], pred: readonly string[]): IntentMetrics {
  if (gold.length !== pred.length) throw new Error('gold and predicted labels differ in length');
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosHit = 0;
  let rejected = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  gold.forEach((g, i) => {
    const p = pred[i] as string;
    if (g === p) {
      correct++;
      inc(tp, g);
    } else {
      inc(fp, p);
      inc(fn, g);
    }
    if (p === OOS_LABEL) rejected++;
    if (g === OOS_LABEL) {
      oos++;
      if (p === OOS_LABEL) oosHit++;
    } else {
      inScope++;
      if (p === g) inScopeCorrect++;
    }
  });
  const labels = [...new Set(gold)];
  const f1s = labels.map((l) => {
    const t = tp.get(l) ?? 0;
    const denom = 2 * t + (fp.get(l) ?? 0) + (fn.get(l) ?? 0);
    return denom === 0 ? 0 : (2 * t) / denom;
  });
  return {
    n: gold.length,
    accuracy: round4(gold.length ? correct / gold.length : 0),
    in_scope_accuracy: round4(inScope ? inScopeCorrect / inScope : 0),
    oos_recall: oos ? round4(oosHit / oos) : null,
    oos_precision: rejected ? round4(oosHit / rejected) : null,
    macro_f1: round4(f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0),
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i] as number;
}
