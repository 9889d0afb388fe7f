// Runs: node (bench). "Goes well with" at chain scale: 1M basket lines (about 100k baskets of ten
// over 50k products with a few thousand co-bought groups) trained on one core, the model file's
// size, one basket's recommendation p50/p95, and the evaluation on the Instacart sample beside
// popularity and plain co-occurrence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './core.ts';
import { rng } from '../electron/core/fraud/simulator.ts';
import { saveModel } from '../electron/core/recommend/model.ts';
import { recommend, trainRecommender, type Basket } from '../electron/core/recommend/train.ts';
import { evaluateRecommender, loadInstacart } from '../electron/core/recommend/eval.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchRecommend(): Promise<BenchRow[]> {
  const r = rng(11);
  const PRODUCTS = 50_000;
  const baskets: Basket[] = [];
  let lines = 0;
  while (lines < 1_000_000) {
    const group = Math.floor(r() * 5000) * 10;
    const items: string[] = [];
    for (let i = 0; i < 10; i++) items.push(String(r() < 0.6 ? group + Math.floor(r() * 10) : Math.floor(Math.pow(r(), 2) * PRODUCTS)));
    baskets.push({ items });
    lines += items.length;
  }
  const t0 = performance.now();
  const model = trainRecommender(baskets);
  const trainS = (performance.now() - t0) / 1000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-rec-'));
  saveModel(model, dir);
  const size = fs.statSync(path.join(dir, 'recommender.json.gz')).size;
  fs.rmSync(dir, { recursive: true, force: true });
  const ms: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const b = baskets[(i * 7919) % baskets.length]!.items.slice(0, 1 + (i % 8));
    const s = performance.now();
    recommend(model, b, { limit: 10 });
    ms.push(performance.now() - s);
  }
  const rows: BenchRow[] = [
    { bench: 'recommend', metric: `train on ${lines.toLocaleString('en')} basket lines (${baskets.length.toLocaleString('en')} baskets, ${model.items.length.toLocaleString('en')} products), one core`, value: trainS, unit: 's', target: '≤ 60 s' },
    { bench: 'recommend', metric: `model file for ${model.items.length.toLocaleString('en')} products (gzipped JSON)`, value: size / 2 ** 20, unit: 'MiB', target: '≤ 5 MB' },
    { bench: 'recommend', metric: 'recommend for one basket (1–8 items), p50', value: pct(ms, 50), unit: 'ms' },
    { bench: 'recommend', metric: 'recommend for one basket (1–8 items), p95', value: pct(ms, 95), unit: 'ms', target: '≤ 2 ms' },
  ];
  try {
    const e = evaluateRecommender(loadInstacart(path.resolve(import.meta.dirname, '..')));
    for (const row of e.rows) rows.push({ bench: 'recommend', metric: `Instacart sample (${e.train} train / ${e.test} test baskets) HR@10, ${row.method}`, value: row.hr * 100, unit: '%' });
  } catch (err) {
    rows.push({ bench: 'recommend', metric: `Instacart sample not available: ${(err as Error).message.slice(0, 60)}`, value: 0, unit: '' });
  }
  return rows;
}
