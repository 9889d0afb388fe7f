// Runs: node (core). Backtest of the forecaster on held-out weeks: the last `windows` windows of
// `horizon` days, rolling origin (each forecast sees only the days before its origin, the chosen
// method and the calendar uplifts included). MASE per series = MAE over every held-out day / the
// in-sample MAE of seasonal naive (lag 7) over the training part (all days before the first
// origin); series whose scale is 0 are skipped and counted. Rows: the three baselines as plain
// point forecasts (no calendar), each single method of the family (with the calendar), the
// per-product choice "auto", and "auto" without the calendar, to show what the calendar adds.
// Also the loader of the UCI Online Retail sample, read at run time from ../shared (never copied).
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../db/errors.ts';
import { BASELINES, METHODS, MIN_TRAIN, calendarPrior, dayNumber, forecastSeries, isoDay, pointForecast, type Calendar, type DailySales, type Method } from './forecast.ts';
import { columns, csvRecords } from './sales-csv.ts';

export interface EvalOptions {
  horizon: number;
  /** Held-out windows (default 4). */
  windows?: number;
  calendar?: Calendar;
  /** Candidates of "auto" (default: the whole family). */
  candidates?: readonly Method[];
  /** Backtest windows "auto" chooses on (default: the forecaster's). */
  selectWindows?: number;
  select?: 'mae' | 'mse';
  classify?: boolean;
  /** The true expected demand per day (the simulator knows it): adds an "oracle" row. */
  truth?: Map<string, Float64Array>;
}

export interface EvalRow {
  method: string;
  kind: 'baseline' | 'single' | 'auto' | 'oracle';
  meanMase: number;
  medianMase: number;
}

export interface EvalReport {
  dataset: string;
  horizon: number;
  windows: number;
  heldOut: { from: string; to: string };
  series: number;
  skippedZeroScale: number;
  skippedShort: number;
  rows: EvalRow[];
  bestBaseline: { method: string; meanMase: number };
  auto: { meanMase: number; improvementPct: number; coverage: number; level: number };
  /** The same choice with the predictive median as the point (what MAE, hence MASE, rewards). */
  autoP50: { meanMase: number; improvementPct: number };
  /** How often each method was chosen by "auto" (per series and origin). */
  picks: Record<string, number>;
}

const AUTO = 'auto';
const AUTO_P50 = 'auto (P50 point)';
const AUTO_NO_CAL = 'auto (no calendar)';
const ORACLE = 'oracle (true mean)';
const SINGLES = METHODS.filter((m) => !BASELINES.includes(m));

export function evaluate(sales: DailySales, dataset: string, opts: EvalOptions): EvalReport {
  const h = opts.horizon;
  const K = opts.windows ?? 4;
  const names: string[] = [...BASELINES, ...SINGLES, AUTO, AUTO_P50, AUTO_NO_CAL];
  if (opts.truth) names.push(ORACLE);
  const at = (name: string) => names.indexOf(name);
  const mase: number[][] = names.map(() => []);
  const picks: Record<string, number> = {};
  let covered = 0;
  let coverN = 0;
  let skippedZeroScale = 0;
  let skippedShort = 0;
  let len = 0;
  for (const v of sales.series.values()) len = Math.max(len, v.length);
  const origin0 = len - h * K;
  if (origin0 <= 0) throw new CoreError('BAD_INPUT', `The history (${len} days) is shorter than the ${K} held-out windows of ${h} days.`);
  const priors = Array.from({ length: K }, (_, k) => calendarPrior(sales, opts.calendar, origin0 + k * h));
  const errs = new Float64Array(names.length);

  for (const [sku, values] of sales.series) {
    const y = Float64Array.from(values as ArrayLike<number>, (v) => (v > 0 ? v : 0));
    let first = 0;
    while (first < y.length && !(y[first]! > 0)) first++;
    if (y.length !== len || origin0 - first < MIN_TRAIN + h) {
      skippedShort++;
      continue;
    }
    let scale = 0;
    for (let t = first + 7; t < origin0; t++) scale += Math.abs(y[t]! - y[t - 7]!);
    scale /= origin0 - first - 7;
    if (!(scale > 0)) {
      skippedZeroScale++;
      continue;
    }
    errs.fill(0);
    for (let k = 0; k < K; k++) {
      const o = origin0 + k * h;
      const past = y.subarray(first, o);
      const add = (idx: number, f: ArrayLike<number>) => {
        for (let i = 0; i < h; i++) errs[idx] = errs[idx]! + Math.abs(y[o + i]! - f[i]!);
      };
      BASELINES.forEach((b, i) => add(i, pointForecast(b, past, past.length, h)));
      const upto = y.subarray(0, o);
      SINGLES.forEach((m, i) => add(BASELINES.length + i, forecastSeries(sku, upto, sales.start, { horizon: h, calendar: opts.calendar, prior: priors[k], methods: [m as Method] }).forecast));
      const choice = { horizon: h, methods: opts.candidates, windows: opts.selectWindows, select: opts.select, classify: opts.classify };
      const auto = forecastSeries(sku, upto, sales.start, { ...choice, calendar: opts.calendar, prior: priors[k] });
      add(at(AUTO), auto.forecast);
      add(at(AUTO_P50), forecastSeries(sku, upto, sales.start, { ...choice, calendar: opts.calendar, prior: priors[k], point: 'median' }).forecast);
      picks[auto.method] = (picks[auto.method] ?? 0) + 1;
      for (let i = 0; i < h; i++) {
        const a = y[o + i]!;
        if (a >= auto.lower[i]! && a <= auto.upper[i]!) covered++;
        coverN++;
      }
      add(at(AUTO_NO_CAL), forecastSeries(sku, upto, sales.start, { ...choice, calendarEffects: false }).forecast);
      const truth = opts.truth?.get(sku);
      if (truth) add(at(ORACLE), truth.subarray(o, o + h));
    }
    for (let i = 0; i < names.length; i++) mase[i]!.push(errs[i]! / (K * h) / scale);
  }

  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
  };
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  const rows: EvalRow[] = names.map((method, i) => ({
    method,
    kind: i < BASELINES.length ? 'baseline' : method.startsWith(AUTO) ? 'auto' : method === ORACLE ? 'oracle' : 'single',
    meanMase: round(mean(mase[i]!)),
    medianMase: round(median(mase[i]!)),
  }));
  const best = rows.filter((r) => r.kind === 'baseline').reduce((a, b) => (b.meanMase < a.meanMase ? b : a));
  const auto = rows.find((r) => r.method === AUTO)!;
  const p50 = rows.find((r) => r.method === AUTO_P50)!;
  const gain = (v: number) => round((100 * (best.meanMase - v)) / best.meanMase);
  const start = dayNumber(sales.start);
  return {
    dataset,
    horizon: h,
    windows: K,
    heldOut: { from: isoDay(start + origin0), to: isoDay(start + len - 1) },
    series: mase[0]!.length,
    skippedZeroScale,
    skippedShort,
    rows,
    bestBaseline: { method: best.method, meanMase: best.meanMase },
    auto: { meanMase: auto.meanMase, improvementPct: gain(auto.meanMase), coverage: round(covered / Math.max(1, coverN)), level: 0.8 },
    autoP50: { meanMase: p50.meanMase, improvementPct: gain(p50.meanMase) },
    picks,
  };
}

// ---------- UCI Online Retail sample ----------

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const UCI_SAMPLE = path.resolve(REPO_ROOT, '../shared/datasets/uci_online_retail_sample/online_retail_sample_20k.csv');

// England & Wales bank holidays over the data's year (public dates, not taken from the data).
export const UK_BANK_HOLIDAYS_2010_2011 = ['2010-12-27', '2010-12-28', '2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27'];

export interface UciDaily {
  sales: DailySales;
  calendar: Calendar;
  info: { rows: number; cancellations: number; nonPositive: number; nonProduct: number; zeroPrice: number; stockCodes: number; kept: number; minSaleDays: number };
}

/**
 * Daily demand per StockCode from the UCI sample: positive quantities of product lines only.
 * Dropped: cancellations (InvoiceNo C…), quantities ≤ 0 (returns, damages, adjustments), price ≤ 0
 * (free lines and stock fixes) and non-product codes — a product code is 5 digits with an optional
 * letter suffix, so POST, DOT, M, D, C2, BANK CHARGES, AMAZONFEE, gift_…, DCGS…, PADS, S, B go.
 * Kept: StockCodes with sales on at least `minSaleDays` distinct days (default 20) over the file —
 * the sample is 20k random rows of a year, so most codes sell on a handful of days, where any
 * method's error is noise and the seasonal-naive scale is mostly zero. (Counting the whole year,
 * held-out weeks included, selects the same products for every method alike.)
 */
export function loadUciDaily(file = UCI_SAMPLE, opts: { minSaleDays?: number } = {}): UciDaily {
  if (!fs.existsSync(file)) throw new CoreError('NOT_FOUND', `The UCI Online Retail sample is not at ${file} (pass its path).`);
  const minSaleDays = opts.minSaleDays ?? 20;
  const records = csvRecords(fs.readFileSync(file, 'utf8'));
  const head = records.next();
  if (head.done) throw new CoreError('BAD_INPUT', `${file} is empty.`);
  const col = columns(head.value.cells, ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice'] as const, file);
  const info = { rows: 0, cancellations: 0, nonPositive: 0, nonProduct: 0, zeroPrice: 0, stockCodes: 0, kept: 0, minSaleDays };
  const byCode = new Map<string, Map<number, number>>();
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const { line, cells } of records) {
    info.rows++;
    if (cells[col.InvoiceNo]!.trim().toUpperCase().startsWith('C')) {
      info.cancellations++;
      continue;
    }
    const qty = Number(cells[col.Quantity]);
    if (!(qty > 0)) {
      info.nonPositive++;
      continue;
    }
    const code = cells[col.StockCode]!.trim().toUpperCase();
    if (!/^\d{5}[A-Z]{0,2}$/.test(code)) {
      info.nonProduct++;
      continue;
    }
    if (!(Number(cells[col.UnitPrice]) > 0)) {
      info.zeroPrice++;
      continue;
    }
    const day = dayNumber(cells[col.InvoiceDate]!.trim().slice(0, 10));
    if (Number.isNaN(day)) throw new CoreError('BAD_INPUT', `${file} line ${line}: InvoiceDate "${cells[col.InvoiceDate]}" is not a date.`);
    const days = byCode.get(code) ?? new Map<number, number>();
    days.set(day, (days.get(day) ?? 0) + qty);
    byCode.set(code, days);
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  info.stockCodes = byCode.size;
  const len = maxDay - minDay + 1;
  const series = new Map<string, Float64Array>();
  for (const [code, days] of [...byCode].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (days.size < minSaleDays) continue;
    const y = new Float64Array(len);
    for (const [d, q] of days) y[d - minDay] = q;
    series.set(code, y);
  }
  info.kept = series.size;
  return { sales: { start: isoDay(minDay), series }, calendar: { holidays: UK_BANK_HOLIDAYS_2010_2011 }, info };
}
