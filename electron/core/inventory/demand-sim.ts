// Runs: node (core). A seeded daily demand simulator standing for the store's own POS history, to
// test and evaluate the forecaster without real data: fast sellers (weekly seasonality, trend, a
// mild yearly swing, sometimes a level shift), slow sellers, intermittent and lumpy sellers, promos
// (a product-specific uplift over a few days) and holidays (a product-specific effect). Noise is
// negative binomial around the daily mean, as real counts are wider than Poisson.
import { rng } from '../fraud/simulator.ts';
import { dayNumber, isoDay, type Calendar, type DailySales } from './forecast.ts';

export type DemandKind = 'fast' | 'slow' | 'intermittent' | 'lumpy';

export interface DemandSimConfig {
  seed: number;
  products?: number;
  days?: number;
  /** First day, 'YYYY-MM-DD' (default 2023-01-02, a Monday). */
  start?: string;
  /** Days after the history the calendar also covers (planned promos, next holidays); default 28. */
  futureDays?: number;
  /** Also return each day's expected demand (the truth a forecaster is after), for evaluation. */
  withMeans?: boolean;
}

export interface SimDemand extends DailySales {
  series: Map<string, Float64Array>;
  /** Last day of history. */
  end: string;
  calendar: Calendar;
  kinds: Map<string, DemandKind>;
  means?: Map<string, Float64Array>;
}

// Fixed-date holidays each year (a store calendar would carry the movable ones too).
const HOLIDAYS_MMDD = ['01-01', '05-01', '07-14', '11-11', '12-24', '12-25', '12-26', '12-31'];

export function simulateDemand(cfg: DemandSimConfig): SimDemand {
  const r = rng(cfg.seed);
  const nProducts = cfg.products ?? 300;
  const days = cfg.days ?? 730;
  const start = cfg.start ?? '2023-01-02';
  const future = cfg.futureDays ?? 28;
  const day0 = dayNumber(start);
  const span = days + future;

  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const gamma = (shape: number): number => {
    // Marsaglia-Tsang; shape < 1 boosted by U^(1/shape).
    if (shape < 1) return gamma(shape + 1) * Math.pow(r(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - r()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const poisson = (lambda: number): number => {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = r();
    while (p > limit) {
      k++;
      p *= r();
    }
    return k;
  };
  // Negative binomial as a Gamma-Poisson mixture: mean m, variance m + m²/k.
  const negbin = (m: number, k: number) => poisson(m * (gamma(k) / k));

  const holidays: string[] = [];
  for (let d = day0; d < day0 + span; d++) if (HOLIDAYS_MMDD.includes(isoDay(d).slice(5))) holidays.push(isoDay(d));
  const holidaySet = new Set(holidays.map(dayNumber));
  const promos: NonNullable<Calendar['promos']> = [];
  const series = new Map<string, Float64Array>();
  const kinds = new Map<string, DemandKind>();
  const weekday = new Float64Array(7);
  const means = cfg.withMeans ? new Map<string, Float64Array>() : undefined;

  for (let i = 0; i < nProducts; i++) {
    const sku = `SIM-${String(i + 1).padStart(5, '0')}`;
    const u = r();
    const kind: DemandKind = u < 0.3 ? 'fast' : u < 0.6 ? 'slow' : u < 0.85 ? 'intermittent' : 'lumpy';
    kinds.set(sku, kind);
    // Weekly shape: busier towards the weekend, with a product-specific twist.
    const weekendLift = kind === 'fast' ? 0.3 + 0.9 * r() : kind === 'slow' ? 0.1 + 0.5 * r() : 0.2 * r();
    for (let w = 0; w < 7; w++) {
      const wd = (day0 + w + 4) % 7; // 0 = Sunday
      const base = wd === 6 ? 1 + weekendLift : wd === 0 ? 1 + 0.6 * weekendLift : wd === 5 ? 1 + 0.3 * weekendLift : 1;
      weekday[w] = base * (1 + 0.15 * normal());
    }
    let norm = 0;
    for (let w = 0; w < 7; w++) norm += weekday[w] = Math.max(0.05, weekday[w]!);
    for (let w = 0; w < 7; w++) weekday[w] = (weekday[w]! * 7) / norm;

    const level = kind === 'fast' ? Math.exp(Math.log(8) + 1.2 * r() * 2) : kind === 'slow' ? 0.4 + 3 * r() : 0;
    const trend = kind === 'fast' ? (r() - 0.4) * 0.8 : kind === 'slow' ? (r() - 0.5) * 0.6 : 0; // relative change over the history
    const yearly = kind === 'fast' ? 0.25 * r() : 0.1 * r();
    const yearPhase = 2 * Math.PI * r();
    const shiftAt = r() < 0.15 ? Math.floor(days * (0.3 + 0.65 * r())) : -1;
    const shift = 0.6 + 0.9 * r();
    const occur = kind === 'intermittent' ? 0.04 + 0.25 * r() : 0.01 + 0.06 * r();
    const sizeMean = kind === 'intermittent' ? 1 + 2 * r() : 4 + 20 * r();
    const dispK = kind === 'fast' ? 8 + 20 * r() : 3 + 5 * r();
    const holidayEffect = Math.exp(0.35 + 0.45 * normal());
    const promoLift = 1.4 + 1.8 * r();

    // Promotions: about half the products, every 40–120 days, 3–10 days long.
    const promoDay = new Uint8Array(span);
    if (r() < 0.5) {
      for (let d = Math.floor(20 + 60 * r()); d < span; d += Math.floor(40 + 80 * r())) {
        const len = 3 + Math.floor(8 * r());
        promos.push({ sku, from: isoDay(day0 + d), to: isoDay(day0 + Math.min(span - 1, d + len - 1)) });
        promoDay.fill(1, d, Math.min(span, d + len));
      }
    }

    const y = new Float64Array(days);
    const mu = means ? new Float64Array(days) : null;
    for (let t = 0; t < days; t++) {
      let m = 1;
      m *= weekday[t % 7]!;
      m *= 1 + yearly * Math.sin((2 * Math.PI * t) / 365.25 + yearPhase);
      if (holidaySet.has(day0 + t)) m *= holidayEffect;
      if (promoDay[t]) m *= promoLift;
      if (kind === 'fast' || kind === 'slow') {
        let lv = level * (1 + (trend * t) / days);
        if (shiftAt >= 0 && t >= shiftAt) lv *= shift;
        y[t] = negbin(Math.max(0, lv * m), dispK);
        if (mu) mu[t] = Math.max(0, lv * m);
      } else {
        // A sale happens with a probability moved by the same effects; its size is its own draw.
        y[t] = r() < Math.min(0.95, occur * m) ? 1 + poisson(sizeMean - 1) * (kind === 'lumpy' ? gamma(1) : 1) : 0;
        y[t] = Math.round(y[t]!);
        if (mu) mu[t] = Math.min(0.95, occur * m) * sizeMean;
      }
    }
    series.set(sku, y);
    if (mu) means!.set(sku, mu);
  }
  return { start, end: isoDay(day0 + days - 1), series, calendar: { holidays, promos }, kinds, ...(means ? { means } : {}) };
}
