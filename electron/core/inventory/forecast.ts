// Runs: node (core). Daily demand forecasts per product, no database: a small family of forecasters
// (the three baselines, Holt-Winters with weekly seasonality, a weekday profile × smoothed level,
// Croston, SBA and TSB for intermittent demand), one chosen PER PRODUCT by a rolling-origin backtest
// on that product's own history (the method with the lowest MAE over the last `windows` windows of
// `horizon` days; MAE ranks like MASE within one series). A product that sold on fewer than 1 day
// in 1.32 over its last 16 weeks (Syntetos-Boylan ADI) chooses among Croston, SBA and TSB only:
// by absolute error alone it would get whatever forecasts zeros, and no stock. The point is the
// predictive mean (what replenishment sums); `point: 'median'` gives the P50 instead. Holidays and a product's promo days get a
// multiplicative uplift estimated from its own history, shrunk toward the pooled uplift of every
// product (toward 1 when called alone); history on those days is deseasonalized before fitting.
// Prediction intervals: a negative binomial around the point whose dispersion is fitted (method of
// moments) to the chosen method's backtest residuals, so the interval carries the model's own error
// on this product, stays ≥ 0 and suits counts (Poisson when the residuals are no wider than that).
// Hot paths are plain loops over Float64Arrays: 5,000 products × 730 days run in a few seconds.
import { CoreError } from '../db/errors.ts';

export interface Calendar {
  holidays?: string[];
  promos?: Array<{ sku: string; from: string; to: string }>;
}

/** Daily unit sales per SKU, oldest first; every series starts on `start` (same length for all). */
export interface DailySales {
  start: string;
  series: Map<string, ArrayLike<number>>;
}

export interface SkuForecast {
  sku: string;
  forecast: number[];
  lower: number[];
  upper: number[];
  method: string;
}

export const METHODS = ['weekday-profile', 'holt-winters', 'tsb', 'sba', 'croston', 'weekday-mean-8w', 'mean-28', 'seasonal-naive'] as const;
export type Method = (typeof METHODS)[number];
export const BASELINES: readonly Method[] = ['seasonal-naive', 'mean-28', 'weekday-mean-8w'];

export interface ForecastOptions {
  horizon: number;
  calendar?: Calendar;
  /** Central coverage of the interval (default 0.8). */
  level?: number;
  /** Backtest windows of `horizon` days used to choose the method (default 4). */
  windows?: number;
  /** Candidates; one method means "this method, no choice" (the evaluation's single-method rows). */
  methods?: readonly Method[];
  /** false: ignore the calendar (no uplift, no deseasonalizing). */
  calendarEffects?: boolean;
  /** Where a product's uplifts shrink to when it has few event days (default 1; forecastAll pools). */
  prior?: { holiday: number; promo: number };
  /** The point: the predictive mean (default; what replenishment sums) or the median (P50). */
  point?: 'mean' | 'median';
  /** Backtest criterion: MAE (default) or squared error (consistent with a mean point). */
  select?: 'mae' | 'mse';
  /** Intermittent products (ADI > 1.32) choose among Croston, SBA and TSB only (default true). */
  classify?: boolean;
}

/** Syntetos-Boylan cut-off of the average inter-demand interval: above it demand is intermittent. */
export const ADI_CUTOFF = 1.32;
export const INTERMITTENT: readonly Method[] = ['tsb', 'sba', 'croston'];

/** Below this many days (after the first sale) plus one horizon, there is nothing to backtest. */
export const MIN_TRAIN = 28;
/** Prior strength of an uplift, in expected units on event days (Gamma-Poisson shrinkage). */
const UPLIFT_PRIOR_UNITS = 10;
const HOLIDAY = 1;
const PROMO = 2;

// ---------- dates ----------

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 for a strict 'YYYY-MM-DD' calendar date; NaN otherwise. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return t / DAY_MS;
}
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// ---------- the family: each fits y[0..n) and writes h days into out ----------

type Fit = (y: Float64Array, n: number, h: number, out: Float64Array) => void;

function meanOf(y: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let t = from; t < to; t++) s += y[t]!;
  return to > from ? s / (to - from) : 0;
}

const seasonalNaive: Fit = (y, n, h, out) => {
  if (n < 7) return void out.fill(meanOf(y, 0, n), 0, h);
  for (let i = 0; i < h; i++) out[i] = y[n - 7 + (i % 7)]!;
};

const mean28: Fit = (y, n, h, out) => void out.fill(meanOf(y, Math.max(0, n - 28), n), 0, h);

const weekdayMean8: Fit = (y, n, h, out) => {
  for (let i = 0; i < Math.min(h, 7); i++) {
    let s = 0;
    let c = 0;
    for (let j = n - 7 + i; j >= 0 && c < 8; j -= 7, c++) s += y[j]!;
    out[i] = c ? s / c : meanOf(y, 0, n);
  }
  for (let i = 7; i < h; i++) out[i] = out[i - 7]!;
};

// Holt-Winters, additive weekly seasonality, error-correction form; a small grid (level and season
// gains, with or without a damped trend) chosen by in-sample one-step MAE. Cheap: 12 passes.
const HW_ALPHA = [0.05, 0.15, 0.35];
const HW_GAMMA = [0.05, 0.2];
const HW_TREND = [
  [0, 1],
  [0.01, 0.95],
] as const;
const season = new Float64Array(7);
function hwPass(y: Float64Array, n: number, a: number, g: number, b: number, phi: number, h: number, out: Float64Array | null): number {
  const w = Math.max(1, Math.min(4, Math.floor(n / 7)));
  const init = Math.min(n, 7 * w);
  let level = meanOf(y, 0, init);
  for (let p = 0; p < 7; p++) {
    let s = 0;
    let c = 0;
    for (let t = p; t < init; t += 7, c++) s += y[t]!;
    season[p] = c ? s / c - level : 0;
  }
  let trend = 0;
  let err = 0;
  for (let t = 0, p = 0; t < n; t++, p = p === 6 ? 0 : p + 1) {
    const e = y[t]! - (level + phi * trend + season[p]!);
    if (t >= 14) err += Math.abs(e);
    level = level + phi * trend + a * e;
    trend = phi * trend + b * e;
    season[p] = season[p]! + g * e;
  }
  if (out) {
    let damp = 0;
    let pk = 1;
    for (let i = 0; i < h; i++) {
      pk *= phi;
      damp += pk;
      out[i] = Math.max(0, level + damp * trend + season[(n + i) % 7]!);
    }
  }
  return err;
}
const holtWinters: Fit = (y, n, h, out) => {
  if (n < 14) return mean28(y, n, h, out);
  let best = Infinity;
  let ba = 0.15;
  let bg = 0.05;
  let bb = 0;
  let bp = 1;
  for (const a of HW_ALPHA)
    for (const g of HW_GAMMA)
      for (const [b, phi] of HW_TREND) {
        const e = hwPass(y, n, a, g, b, phi, 0, null);
        if (e < best) [best, ba, bg, bb, bp] = [e, a, g, b, phi];
      }
  hwPass(y, n, ba, bg, bb, bp, h, out);
};

// Weekday profile (last 16 weeks, shrunk toward flat by a prior worth 5 units per weekday) ×
// a level smoothed by L += α(y − r·L): a weekday that rarely sells barely moves the level, so the
// zeros of a closed day do not drag it down. α from a small grid by in-sample one-step MAE.
const PROFILE_ALPHA = [0.03, 0.1, 0.25];
const profile = new Float64Array(7);
function weekdayProfile(y: Float64Array, n: number): void {
  const from = Math.max(0, n - 112);
  const m = meanOf(y, from, n);
  if (m <= 0) return void profile.fill(1);
  let norm = 0;
  for (let p = 0; p < 7; p++) {
    let s = 0;
    let c = 0;
    // Phase p is the day index mod 7 (the series' own weekday alignment).
    for (let t = from + ((p - (from % 7) + 7) % 7); t < n; t += 7, c++) s += y[t]!;
    profile[p] = (s + 5) / (c * m + 5);
    norm += profile[p]!;
  }
  for (let p = 0; p < 7; p++) profile[p] = (profile[p]! * 7) / norm;
}
function profilePass(y: Float64Array, n: number, a: number, h: number, out: Float64Array | null): number {
  let level = meanOf(y, 0, Math.min(n, 28));
  let err = 0;
  for (let t = 0, p = 0; t < n; t++, p = p === 6 ? 0 : p + 1) {
    const e = y[t]! - profile[p]! * level;
    if (t >= 28) err += Math.abs(e);
    level = Math.max(0, level + a * e);
  }
  if (out) for (let i = 0; i < h; i++) out[i] = profile[(n + i) % 7]! * level;
  return err;
}
const weekdayLevel: Fit = (y, n, h, out) => {
  weekdayProfile(y, n);
  let best = Infinity;
  let ba = 0.1;
  for (const a of PROFILE_ALPHA) {
    const e = profilePass(y, n, a, 0, null);
    if (e < best) [best, ba] = [e, a];
  }
  profilePass(y, n, ba, h, out);
};

// Croston: smooth the sizes of non-zero demands and the intervals between them (α = 0.1);
// SBA removes Croston's known upward bias by (1 − α/2).
const CROSTON_ALPHA = 0.1;
function crostonRate(y: Float64Array, n: number): number {
  let z = 0;
  let p = 0;
  let q = 1;
  let seen = false;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v > 0) {
      if (!seen) {
        z = v;
        p = q;
        seen = true;
      } else {
        z += CROSTON_ALPHA * (v - z);
        p += CROSTON_ALPHA * (q - p);
      }
      q = 1;
    } else q++;
  }
  return seen ? z / p : 0;
}
const croston: Fit = (y, n, h, out) => void out.fill(crostonRate(y, n), 0, h);
const sba: Fit = (y, n, h, out) => void out.fill(crostonRate(y, n) * (1 - CROSTON_ALPHA / 2), 0, h);

// TSB: the probability of a sale is updated every day (β = 0.05), so a product that stopped
// selling decays toward zero instead of keeping its old rate; sizes smoothed on sale days (α = 0.1).
const tsb: Fit = (y, n, h, out) => {
  const init = Math.min(n, 28);
  let nz = 0;
  let size = 0;
  for (let t = 0; t < init; t++) {
    if (y[t]! > 0) {
      nz++;
      size += y[t]!;
    }
  }
  let prob = nz / Math.max(1, init);
  size = nz ? size / nz : 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (v > 0) {
      prob += 0.05 * (1 - prob);
      size = size ? size + 0.1 * (v - size) : v;
    } else prob -= 0.05 * prob;
  }
  out.fill(prob * size, 0, h);
};

const FITS: Record<Method, Fit> = {
  'seasonal-naive': seasonalNaive,
  'mean-28': mean28,
  'weekday-mean-8w': weekdayMean8,
  'holt-winters': holtWinters,
  'weekday-profile': weekdayLevel,
  croston,
  sba,
  tsb,
};

/** One method's point forecast from y[0..n), no calendar, no interval (the evaluation's baselines). */
export function pointForecast(method: Method, y: Float64Array, n: number, h: number): Float64Array {
  const out = new Float64Array(h);
  FITS[method](y, n, h, out);
  return out;
}

// ---------- calendar ----------

interface PreparedCalendar {
  holidays: Set<number>;
  promos: Map<string, Array<[number, number]>>;
}
const prepared = new WeakMap<Calendar, PreparedCalendar>();

/** Validates and indexes a calendar once (dates as day numbers); BAD_INPUT names the bad entry. */
export function prepareCalendar(cal: Calendar): PreparedCalendar {
  const hit = prepared.get(cal);
  if (hit) return hit;
  const day = (s: unknown, where: string) => {
    const d = typeof s === 'string' ? dayNumber(s) : NaN;
    if (Number.isNaN(d)) throw new CoreError('BAD_INPUT', `calendar: ${where} ${JSON.stringify(s)} is not a date (YYYY-MM-DD).`);
    return d;
  };
  if (cal.holidays !== undefined && !Array.isArray(cal.holidays)) throw new CoreError('BAD_INPUT', 'calendar: holidays must be a list of dates.');
  if (cal.promos !== undefined && !Array.isArray(cal.promos)) throw new CoreError('BAD_INPUT', 'calendar: promos must be a list of {sku, from, to}.');
  const holidays = new Set((cal.holidays ?? []).map((s, i) => day(s, `holidays[${i}]`)));
  const promos = new Map<string, Array<[number, number]>>();
  (cal.promos ?? []).forEach((p, i) => {
    if (!p || typeof p.sku !== 'string' || !p.sku) throw new CoreError('BAD_INPUT', `calendar: promos[${i}] needs a sku.`);
    const from = day(p.from, `promos[${i}].from`);
    const to = day(p.to, `promos[${i}].to`);
    if (to < from) throw new CoreError('BAD_INPUT', `calendar: promos[${i}] ends (${p.to}) before it starts (${p.from}).`);
    const list = promos.get(p.sku) ?? [];
    list.push([from, to]);
    promos.set(p.sku, list);
  });
  const pc = { holidays, promos };
  prepared.set(cal, pc);
  return pc;
}

/** Event bits per day from startDay for len days (HOLIDAY | PROMO), or null when none fall there. */
function eventFlags(cal: PreparedCalendar, sku: string, startDay: number, len: number): Uint8Array | null {
  let flags: Uint8Array | null = null;
  const buf = () => {
    flagBuf = grown(flagBuf, len, (n) => new Uint8Array(n));
    const f = flagBuf.subarray(0, len);
    f.fill(0);
    return f;
  };
  for (const d of cal.holidays) {
    const t = d - startDay;
    if (t >= 0 && t < len) (flags ??= buf())[t]! |= HOLIDAY;
  }
  for (const [from, to] of cal.promos.get(sku) ?? []) {
    for (let t = Math.max(0, from - startDay); t <= Math.min(len - 1, to - startDay); t++) (flags ??= buf())[t]! |= PROMO;
  }
  return flags;
}

/** What the day would have sold without events: same weekday, ±4 weeks, event-free days only. */
function localBaseline(y: Float64Array, n: number, flags: Uint8Array, t: number): number {
  let s = 0;
  let c = 0;
  for (let k = 7; k <= 28; k += 7) {
    if (t - k >= 0 && !flags[t - k]) {
      s += y[t - k]!;
      c++;
    }
    if (t + k < n && !flags[t + k]) {
      s += y[t + k]!;
      c++;
    }
  }
  return c ? s / c : NaN;
}

/** Units sold vs baseline units on days with exactly this event (the uplift's evidence). */
function eventSums(y: Float64Array, n: number, flags: Uint8Array, bit: number): { actual: number; base: number } {
  let actual = 0;
  let base = 0;
  for (let t = 0; t < n; t++) {
    if (flags[t] !== bit) continue;
    const b = localBaseline(y, n, flags, t);
    if (Number.isNaN(b)) continue;
    actual += y[t]!;
    base += b;
  }
  return { actual, base };
}

const shrunkUplift = (s: { actual: number; base: number }, prior: number) =>
  Math.min(10, (s.actual + UPLIFT_PRIOR_UNITS * prior) / (s.base + UPLIFT_PRIOR_UNITS));

// Scratch buffers reused from product to product: the nightly run allocates no per-day objects and
// almost nothing per product, so 5,000 products do not churn the heap.
let yBuf = new Float64Array(1024);
let yaBuf = new Float64Array(1024);
let flagBuf = new Uint8Array(1024);
function grown<T extends Float64Array | Uint8Array>(buf: T, len: number, make: (n: number) => T): T {
  return buf.length >= len ? buf : make(Math.max(len, buf.length * 2));
}

function trimmed(values: ArrayLike<number>, end = values.length): { y: Float64Array; first: number } {
  // Days before a product's first sale are before it was stocked, not days of zero demand.
  let first = 0;
  while (first < end && !(Number(values[first]) > 0)) first++;
  yBuf = grown(yBuf, end - first, (n) => new Float64Array(n));
  const y = yBuf.subarray(0, end - first);
  for (let i = 0; i < y.length; i++) {
    const v = Number(values[first + i]);
    y[i] = v > 0 && Number.isFinite(v) ? v : 0;
  }
  return { y, first };
}

/**
 * The pooled uplift of holidays and of promo days over every product (each product's own evidence
 * then shrinks toward it), from the first `end` days of each series (default: all).
 */
export function calendarPrior(sales: DailySales, calendar: Calendar | undefined, end?: number): { holiday: number; promo: number } {
  if (!calendar) return { holiday: 1, promo: 1 };
  const cal = prepareCalendar(calendar);
  const start = dayNumber(sales.start);
  const sum = { h: { actual: 0, base: 0 }, p: { actual: 0, base: 0 } };
  for (const [sku, values] of sales.series) {
    const { y, first } = trimmed(values, end ?? values.length);
    const flags = eventFlags(cal, sku, start + first, y.length);
    if (!flags) continue;
    const h = eventSums(y, y.length, flags, HOLIDAY);
    const p = eventSums(y, y.length, flags, PROMO);
    sum.h.actual += h.actual;
    sum.h.base += h.base;
    sum.p.actual += p.actual;
    sum.p.base += p.base;
  }
  return { holiday: shrunkUplift(sum.h, 1), promo: shrunkUplift(sum.p, 1) };
}

// ---------- intervals ----------

/** Inverse standard normal CDF (Acklam), for the normal approximation of large counts. */
function normInv(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = p < 0.5 ? p : 1 - p;
  let x: number;
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    x = (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
    x = -x;
  } else {
    const r = q - 0.5;
    const s = r * r;
    x = ((((((a[0]! * s + a[1]!) * s + a[2]!) * s + a[3]!) * s + a[4]!) * s + a[5]!) * r) / (((((b[0]! * s + b[1]!) * s + b[2]!) * s + b[3]!) * s + b[4]!) * s + 1);
  }
  return p < 0.5 ? x : -x;
}

let qLoOut = 0;
let qHiOut = 0;
/** Quantiles lo/hi of a negative binomial with mean m and variance m + a·m² (a = 0: Poisson). */
function nbQuantiles(m: number, a: number, lo: number, hi: number): void {
  if (!(m > 0)) return void ((qLoOut = 0), (qHiOut = 0));
  if (m > 200) {
    const sd = Math.sqrt(m + a * m * m);
    qLoOut = Math.max(0, m + normInv(lo) * sd);
    qHiOut = m + normInv(hi) * sd;
    return;
  }
  let pr: number;
  let ratio: number;
  let r = 0;
  if (a < 1e-6) {
    pr = Math.exp(-m);
    ratio = m;
  } else {
    r = 1 / a;
    pr = Math.exp(r * Math.log(r / (r + m)));
    ratio = m / (r + m);
  }
  let cdf = pr;
  let x = 0;
  let gotLo = false;
  for (; x < 1_000_000; x++) {
    if (!gotLo && cdf >= lo) {
      qLoOut = x;
      gotLo = true;
    }
    if (cdf >= hi) break;
    pr *= a < 1e-6 ? ratio / (x + 1) : ((x + r) / (x + 1)) * ratio;
    cdf += pr;
  }
  if (!gotLo) qLoOut = x;
  qHiOut = x;
}

/** Dispersion a of var = m + a·m², fitted by moments to residuals; 0 (Poisson) if no wider. */
const dispersion = (sumE2: number, sumF: number, sumF2: number) => (sumF2 > 0 ? Math.min(50, Math.max(0, (sumE2 - sumF) / sumF2)) : 0);

// ---------- one product ----------

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** The forecast of one product whose daily series starts on `start`. Never throws on data. */
export function forecastSeries(sku: string, values: ArrayLike<number>, start: string, opts: ForecastOptions): SkuForecast {
  const h = opts.horizon;
  const level = opts.level ?? 0.8;
  const qLo = (1 - level) / 2;
  const qHi = 1 - qLo;
  const { y, first } = trimmed(values);
  const n = y.length;
  const median = opts.point === 'median';
  const result = (f: Float64Array, a: number, method: string): SkuForecast => {
    const forecast: number[] = new Array(h);
    const lower: number[] = new Array(h);
    const upper: number[] = new Array(h);
    for (let i = 0; i < h; i++) {
      let p = f[i]!;
      if (median) {
        nbQuantiles(p, a, 0.5, 0.5);
        p = qHiOut;
      }
      nbQuantiles(f[i]!, a, qLo, qHi);
      forecast[i] = r4(p);
      lower[i] = r4(Math.min(qLoOut, p));
      upper[i] = r4(Math.max(qHiOut, p));
    }
    return { sku, forecast, lower, upper, method };
  };
  if (n === 0) return result(new Float64Array(h), 0, 'no-sales-yet');

  // Calendar: uplift per event type, deseasonalized history `ya`, multipliers for forecast days.
  const mult = new Float64Array(h).fill(1);
  let ya = y;
  const cal = opts.calendar && opts.calendarEffects !== false ? prepareCalendar(opts.calendar) : null;
  const flags = cal ? eventFlags(cal, sku, dayNumber(start) + first, n + h) : null;
  if (flags) {
    const prior = opts.prior ?? { holiday: 1, promo: 1 };
    const uH = shrunkUplift(eventSums(y, n, flags, HOLIDAY), prior.holiday);
    const uP = shrunkUplift(eventSums(y, n, flags, PROMO), prior.promo);
    const upliftOf = (bits: number) => (bits & HOLIDAY ? uH : 1) * (bits & PROMO ? uP : 1);
    yaBuf = grown(yaBuf, n, (len) => new Float64Array(len));
    ya = yaBuf.subarray(0, n);
    ya.set(y);
    for (let t = 0; t < n; t++) {
      if (!flags[t]) continue;
      const u = upliftOf(flags[t]!);
      // A day the product mostly does not sell (a closure) says nothing of its level: use the
      // local baseline there instead of dividing by a near-zero uplift.
      const b = u < 0.25 ? localBaseline(y, n, flags, t) : NaN;
      ya[t] = Number.isNaN(b) ? y[t]! / Math.max(u, 0.25) : b;
    }
    for (let i = 0; i < h; i++) mult[i] = upliftOf(flags[n + i]!);
  }

  const out = new Float64Array(h);
  if (n < MIN_TRAIN + h) {
    // Too short to backtest: the mean of what there is, dispersion from its own variance.
    const from = Math.max(0, n - 28);
    const m = meanOf(ya, from, n);
    let v = 0;
    for (let t = from; t < n; t++) v += (ya[t]! - m) ** 2;
    v = n - from > 1 ? v / (n - from - 1) : m;
    for (let i = 0; i < h; i++) out[i] = m * mult[i]!;
    return result(out, m > 0 ? Math.min(50, Math.max(0, (v - m) / (m * m))) : 0, `short-history-mean (${n} day${n === 1 ? '' : 's'})`);
  }

  let cands = opts.methods ?? METHODS;
  const mse = opts.select === 'mse';
  if (!opts.methods && opts.classify !== false) {
    // Classify on the last 16 weeks: a product that sells most days is not intermittent any more.
    let nz = 0;
    for (let t = Math.max(0, n - 112); t < n; t++) if (ya[t]! > 0) nz++;
    // Choosing by absolute error among all methods would favour whatever forecasts zeros for an
    // intermittent product (the median of its days), i.e. too little stock: keep to its methods.
    if (nz === 0 || Math.min(n, 112) / nz > ADI_CUTOFF) cands = INTERMITTENT;
  }
  const W = Math.max(1, Math.min(opts.windows ?? 4, Math.floor((n - MIN_TRAIN) / h)));
  let best = 0;
  let bestErr = Infinity;
  let bestE2 = 0;
  let bestF = 0;
  let bestF2 = 0;
  for (let c = 0; c < cands.length; c++) {
    const fit = FITS[cands[c]!];
    let err = 0;
    let e2 = 0;
    let sf = 0;
    let sf2 = 0;
    for (let w = 0; w < W; w++) {
      const o = n - h * (W - w);
      fit(ya, o, h, out);
      for (let i = 0; i < h; i++) {
        const f = out[i]!;
        const e = ya[o + i]! - f;
        err += mse ? e * e : Math.abs(e);
        e2 += e * e;
        sf += f;
        sf2 += f * f;
      }
      if (err >= bestErr) break; // already worse than the best: no need for its other windows
    }
    if (err < bestErr) [best, bestErr, bestE2, bestF, bestF2] = [c, err, e2, sf, sf2];
  }
  const method = cands[best]!;
  FITS[method](ya, n, h, out);
  for (let i = 0; i < h; i++) out[i] = out[i]! * mult[i]!;
  return result(out, dispersion(bestE2, bestF, bestF2), method);
}

/** Forecasts every product; uplifts shrink toward the pooled uplift of all products. Sorted by SKU. */
export function forecastAll(sales: DailySales, opts: ForecastOptions): SkuForecast[] {
  const prior = opts.prior ?? (opts.calendarEffects === false ? undefined : calendarPrior(sales, opts.calendar));
  const skus = [...sales.series.keys()].sort();
  return skus.map((sku) => forecastSeries(sku, sales.series.get(sku)!, sales.start, { ...opts, prior }));
}
