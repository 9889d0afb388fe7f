// Runs: node (core). Training and serving "goes well with" from baskets. Item-to-item co-purchase
// counts, each basket weighted by its age (half-life), normalised for popularity (a pair over a
// damped power of the two items' counts, shrunk toward 0 when rare, dropped when bought together
// less often than chance), so a best-seller in every basket does not top every list. An item with
// few companions is topped up from its category (nearest by the on-device encoder's vector when there is one, else
// the category's best-sellers), so a new product still gets sensible companions. The same product
// in another size or flavour, and whatever `exclude` names, are never suggested.
import { REC_FORMAT, REC_VERSION, type RecModel } from './model.ts';

export interface Basket {
  items: string[];
  ts?: string;
}

export interface ProductMeta {
  id: string;
  name?: string;
  brand?: string;
  category?: string;
  vector?: Float32Array | number[];
}

export interface TrainOptions {
  now?: Date;
  halfLifeDays?: number;
  products?: ProductMeta[];
  exclude?: (id: string) => boolean;
  neighbors?: number;
  catalog?: string;
  /** Pairs are counted over at most this many items of one basket (a 10,000-item basket stays cheap). */
  maxBasket?: number;
  /** A pair seen this (decayed) many times counts half: rare pairs are noise. */
  shrink?: number;
  /** How much a companion's own popularity is discounted (0: raw counts, 0.5: cosine). */
  damping?: number;
  /** Pairs bought together less often than this times chance are dropped (default 1). */
  minLift?: number;
}

const words = (name: string) => new Set(name.toLowerCase().replace(/\d+(\.\d+)?\s*(g|kg|ml|l|oz|lb|ct|pk|pack)\b/g, ' ').split(/[^a-z\u4e00-\u9fff]+/).filter((w) => w.length > 1));

/** Same brand and mostly the same words: another size or flavour of one product. */
function variantTest(products: ProductMeta[] | undefined): (a: string, b: string) => boolean {
  if (!products?.length) return () => false;
  const meta = new Map(products.map((p) => [p.id, { brand: (p.brand ?? '').toLowerCase(), words: words(p.name ?? '') }]));
  return (a, b) => {
    const x = meta.get(a);
    const y = meta.get(b);
    if (!x || !y || !x.brand || x.brand !== y.brand || !x.words.size || !y.words.size) return false;
    let common = 0;
    for (const w of x.words) if (y.words.has(w)) common++;
    return common / (x.words.size + y.words.size - common) >= 0.5;
  };
}

/**
 * Set by `recommend eval` on the Instacart sample (README), HR@10 with pairs below lift 1 dropped:
 * 7.7 / 7.4 / 7.1 / 5.1% for damping 0 / 0.1 / 0.25 / 0.5 (7.4 / 7.1 / 7.1 / 5.1% without the lift
 * cut). 0.1 ties raw counts and keeps a best-seller off the top of lists it barely belongs to.
 */
export const DAMPING = 0.1;
export const SHRINK = 3;

export function trainRecommender(baskets: Iterable<Basket>, opts: TrainOptions = {}): RecModel {
  const now = (opts.now ?? new Date()).getTime();
  const halfLife = (opts.halfLifeDays ?? 90) * 86_400_000;
  const k = opts.neighbors ?? 20;
  const maxBasket = opts.maxBasket ?? 50;
  const shrink = opts.shrink ?? SHRINK;
  const damping = opts.damping ?? DAMPING;
  const minLift = opts.minLift ?? 1;
  const exclude = opts.exclude ?? (() => false);
  const index = new Map<string, number>();
  const items: string[] = [];
  const pop: number[] = [];
  let total = 0;
  const pairs: Array<Map<number, number>> = [];
  const idOf = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = items.length;
      index.set(id, i);
      items.push(id);
      pop.push(0);
      pairs.push(new Map());
    }
    return i;
  };
  for (const b of baskets) {
    const ids = [...new Set(b.items)].map(idOf);
    if (!ids.length) continue;
    const age = b.ts ? Math.max(0, now - Date.parse(b.ts)) : 0;
    const w = Number.isFinite(age) ? Math.pow(0.5, age / halfLife) : 1;
    total += w;
    for (const i of ids) pop[i]! += w;
    const capped = ids.length > maxBasket ? ids.slice(0, maxBasket) : ids;
    for (let x = 0; x < capped.length; x++) {
      for (let y = x + 1; y < capped.length; y++) {
        const a = capped[x]!;
        const c = capped[y]!;
        pairs[a]!.set(c, (pairs[a]!.get(c) ?? 0) + w);
        pairs[c]!.set(a, (pairs[c]!.get(a) ?? 0) + w);
      }
    }
  }
  for (const p of opts.products ?? []) idOf(p.id);
  const isVariant = variantTest(opts.products);
  const meta = new Map((opts.products ?? []).map((p) => [p.id, p]));
  const popular = items.map((_, i) => i).filter((i) => pop[i]! > 0 && !exclude(items[i]!)).sort((a, b) => pop[b]! - pop[a]!);
  const byCategory = new Map<string, number[]>();
  for (const i of popular) {
    const c = meta.get(items[i]!)?.category;
    if (!c) continue;
    let list = byCategory.get(c);
    if (!list) byCategory.set(c, (list = []));
    if (list.length < 50) list.push(i);
  }
  const neighbors: Array<[number[], number[]]> = items.map((id, a) => {
    const scored: Array<[number, number]> = [];
    for (const [c, n] of pairs[a]!) {
      if (exclude(items[c]!) || isVariant(id, items[c]!)) continue;
      // Bought together less often than chance (lift below 1): a best-seller that is in every basket.
      if ((n * total) / (pop[a]! * pop[c]!) < minLift) continue;
      scored.push([c, (n / (Math.sqrt(pop[a]!) * Math.pow(pop[c]!, damping))) * (n / (n + shrink))]);
    }
    scored.sort((x, y) => y[1] - x[1]);
    const top = scored.slice(0, k);
    if (top.length < 5) coldStart(a, top);
    return [top.map((t) => t[0]), top.map((t) => Number(t[1].toPrecision(3)))];
  });

  /** Tops up a sparse list from the item's category, below every learned companion. */
  function coldStart(a: number, top: Array<[number, number]>): void {
    const m = meta.get(items[a]!);
    const pool = (m?.category ? byCategory.get(m.category) : undefined) ?? [];
    const floor = top.length ? Math.min(...top.map((t) => t[1])) : 1;
    const have = new Set(top.map((t) => t[0]));
    const candidates = pool.filter((c) => c !== a && !have.has(c) && !isVariant(items[a]!, items[c]!));
    const v = m?.vector;
    const ranked = v
      ? candidates.map((c): [number, number] => [c, cosine(v, meta.get(items[c]!)?.vector)]).sort((x, y) => y[1] - x[1])
      : candidates.map((c, r): [number, number] => [c, 1 / (r + 1)]);
    for (const [c, s] of ranked.slice(0, 5 - top.length)) top.push([c, floor * 0.1 * Math.max(0.01, s)]);
  }

  return { format: REC_FORMAT, version: REC_VERSION, catalog: opts.catalog ?? '', created: new Date(now).toISOString(), items, popular: popular.slice(0, 100), neighbors };
}

function cosine(a: Float32Array | number[], b: Float32Array | number[] | undefined): number {
  if (!b || b.length !== a.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const indexes = new WeakMap<RecModel, Map<string, number>>();

/** Up to `limit` ids, best first, none already in the basket; best-sellers fill what companions leave. */
export function recommend(model: RecModel, basket: string[], opts: { limit?: number; filter?: (id: string) => boolean; fill?: boolean } = {}): string[] {
  const limit = opts.limit ?? 10;
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new Map(model.items.map((id, i) => [id, i]))));
  const inBasket = new Set<number>();
  for (const id of basket.slice(0, 1000)) {
    const i = index.get(id);
    if (i !== undefined) inBasket.add(i);
  }
  const score = new Map<number, number>();
  for (const i of [...inBasket].slice(0, 200)) {
    const [ids, s] = model.neighbors[i]!;
    for (let j = 0; j < ids.length; j++) score.set(ids[j]!, (score.get(ids[j]!) ?? 0) + s[j]!);
  }
  const ranked = [...score].filter(([i]) => !inBasket.has(i)).sort((a, b) => b[1] - a[1]).map(([i]) => i);
  const out: string[] = [];
  const seen = new Set<number>();
  // Best-sellers fill the list (fill: false keeps it to real companions: under a product they are noise).
  for (const i of ranked.length && opts.fill === false ? ranked : [...ranked, ...model.popular]) {
    if (out.length >= limit) break;
    if (seen.has(i) || inBasket.has(i)) continue;
    seen.add(i);
    const id = model.items[i]!;
    if (!opts.filter || opts.filter(id)) out.push(id);
  }
  return out;
}
