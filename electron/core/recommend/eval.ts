// Runs: node (core). Evaluation of "goes well with": a time-ordered split (train on the earlier
// baskets, test on the later), one item of each later basket of two or more hidden (a seeded pick),
// and HR@10 / NDCG@10 for the hidden item given the rest, for the model beside two baselines in the
// same run: popularity (the best-sellers) and plain co-occurrence (raw pair counts, no normalising).
import fs from 'node:fs';
import path from 'node:path';
import { rng } from '../fraud/simulator.ts';
import { recommend, trainRecommender, type Basket } from './train.ts';

export interface EvalRow {
  method: string;
  hr: number;
  ndcg: number;
}

export interface RecEval {
  train: number;
  test: number;
  k: number;
  rows: EvalRow[];
}

function cooccurrence(train: Basket[]): (basket: string[], k: number) => string[] {
  const pairs = new Map<string, Map<string, number>>();
  const pop = new Map<string, number>();
  for (const b of train) {
    const ids = [...new Set(b.items)].slice(0, 50);
    for (const a of ids) {
      pop.set(a, (pop.get(a) ?? 0) + 1);
      let m = pairs.get(a);
      if (!m) pairs.set(a, (m = new Map()));
      for (const c of ids) if (c !== a) m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  const popular = [...pop].sort((x, y) => y[1] - x[1]).map(([id]) => id);
  return (basket, k) => {
    const have = new Set(basket);
    const score = new Map<string, number>();
    for (const a of basket) for (const [c, n] of pairs.get(a) ?? []) if (!have.has(c)) score.set(c, (score.get(c) ?? 0) + n);
    const out = [...score].sort((x, y) => y[1] - x[1]).map(([id]) => id).slice(0, k);
    for (const id of popular) {
      if (out.length >= k) break;
      if (!have.has(id) && !out.includes(id)) out.push(id);
    }
    return out;
  };
}

export function evaluateRecommender(baskets: Basket[], opts: { split?: number; k?: number; seed?: number } = {}): RecEval {
  const k = opts.k ?? 10;
  const ordered = baskets.every((b) => b.ts) ? [...baskets].sort((a, b) => a.ts!.localeCompare(b.ts!)) : baskets;
  const cut = Math.floor(ordered.length * (opts.split ?? 0.8));
  const train = ordered.slice(0, cut);
  const test = ordered.slice(cut).map((b) => [...new Set(b.items)]).filter((b) => b.length >= 2);
  const last = train.at(-1)?.ts;
  const model = trainRecommender(train, { now: last ? new Date(last) : undefined });
  const flat = trainRecommender(train, { now: last ? new Date(last) : undefined, halfLifeDays: 1e9 });
  const co = cooccurrence(train);
  const methods: Array<[string, (basket: string[]) => string[]]> = [
    ['popularity', (b) => recommend(model, ['\u0000none'], { limit: k + b.length }).filter((id) => !b.includes(id)).slice(0, k)],
    ['co-occurrence (raw counts)', (b) => co(b, k)],
    ['StoreMind (damped, shrunk, time decay)', (b) => recommend(model, b, { limit: k })],
    ['StoreMind without time decay', (b) => recommend(flat, b, { limit: k })],
  ];
  const r = rng(opts.seed ?? 7);
  const cases = test.map((b) => {
    const h = Math.floor(r() * b.length);
    return { hidden: b[h]!, rest: b.filter((_, i) => i !== h) };
  });
  const rows = methods.map(([method, fn]) => {
    let hits = 0;
    let ndcg = 0;
    for (const c of cases) {
      const rank = fn(c.rest).indexOf(c.hidden);
      if (rank >= 0) {
        hits++;
        ndcg += 1 / Math.log2(rank + 2);
      }
    }
    return { method, hr: cases.length ? hits / cases.length : 0, ndcg: cases.length ? ndcg / cases.length : 0 };
  });
  return { train: train.length, test: cases.length, k, rows };
}

/** The Instacart sample's baskets in order id order (it has no dates), read where it lies; never copied. */
export function loadInstacart(repoRoot: string): Basket[] {
  const dir = path.resolve(repoRoot, '../shared/datasets/instacart_orders_sample');
  const byOrder = new Map<number, string[]>();
  for (const f of ['order_products__prior.csv', 'order_products__train.csv']) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(1);
    for (const l of lines) {
      const [order, product] = l.split(',');
      if (!order || !product) continue;
      const o = Number(order);
      let b = byOrder.get(o);
      if (!b) byOrder.set(o, (b = []));
      b.push(product);
    }
  }
  return [...byOrder].sort((a, b) => a[0] - b[0]).map(([, items]) => ({ items }));
}
