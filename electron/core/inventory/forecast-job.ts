// Runs: node (core). The nightly forecast: every product's daily sales (this terminal's and, with
// the store hub, every lane's: movements are shared) forecast for the next weeks and stored for
// replenishment and the stock list. It runs in short slices with pauses between them, so a till
// doing the same work in the same process keeps answering in milliseconds (bounded CPU).
import type { Db } from '../db/database.ts';
import { calendarPrior, forecastSeries, type Calendar } from './forecast.ts';
import { dailySales } from './sales-history.ts';
import { startNightly } from '../jobs/nightly.ts';

export interface ForecastRunOptions {
  now?: Date;
  /** Days forecast ahead (replenishment reads lead time plus review period from them). */
  horizon?: number;
  /** Work this long, then pause this long: about half of one core at most. */
  sliceMs?: number;
  pauseMs?: number;
}

export interface ForecastRun {
  products: number;
  ms: number;
  madeAt: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The store's holidays from its calendar (the hours editor), for every forecast made from its own sales. */
export function storeCalendar(db: Db): Calendar {
  return { holidays: (db.prepare('SELECT date FROM holiday_hours ORDER BY date').pluck().all() as string[]) };
}

const running = new WeakMap<Db, Promise<ForecastRun>>();

/** Forecasts every product with sales and replaces the stored forecasts in one transaction. One run per database at a time. */
export function runForecasts(db: Db, opts: ForecastRunOptions = {}): Promise<ForecastRun> {
  let p = running.get(db);
  if (!p) {
    p = run(db, opts).finally(() => running.delete(db));
    running.set(db, p);
  }
  return p;
}

async function run(db: Db, opts: ForecastRunOptions): Promise<ForecastRun> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const horizon = opts.horizon ?? 28;
  const sliceMs = opts.sliceMs ?? 40;
  const pauseMs = opts.pauseMs ?? 40;
  const sales = dailySales(db, { until: now });
  const calendar = storeCalendar(db);
  const prior = calendarPrior(sales, calendar);
  const days = [...sales.series.values()][0]?.length ?? 0;
  const firstDay = new Date(Date.parse(sales.start) + days * 86_400_000).toISOString().slice(0, 10);
  const out: Array<ReturnType<typeof forecastSeries>> = [];
  let slice = performance.now();
  for (const [sku, values] of sales.series) {
    out.push(forecastSeries(sku, values, sales.start, { horizon, calendar, prior }));
    if (performance.now() - slice > sliceMs) {
      await sleep(pauseMs);
      slice = performance.now();
    }
  }
  const madeAt = now.toISOString();
  if (!db.open) return { products: 0, ms: performance.now() - started, madeAt };
  const round = (a: number[]) => JSON.stringify(a.map((v) => Math.round(v * 100) / 100));
  db.transaction(() => {
    db.prepare('DELETE FROM forecasts').run();
    const ins = db.prepare('INSERT INTO forecasts (sku, method, first_day, daily, lower, upper, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const f of out) ins.run(f.sku, f.method, firstDay, round(f.forecast), round(f.lower), round(f.upper), madeAt);
  })();
  return { products: out.length, ms: Math.round(performance.now() - started), madeAt };
}

export function forecastsMadeAt(db: Db): string | null {
  return (db.prepare('SELECT max(made_at) FROM forecasts').pluck().get() as string | null) ?? null;
}

/** The forecast once a night from 03:00 local time, and at once on a terminal with sales but no forecasts yet. */
export function startForecastSchedule(db: Db, opts: { hour?: number; everyMs?: number } = {}): { stop: () => void } {
  return startNightly(db, {
    name: 'inventory',
    hour: opts.hour,
    everyMs: opts.everyMs,
    lastRunAt: () => forecastsMadeAt(db),
    hasWork: () => db.prepare("SELECT 1 FROM stock_movements WHERE reason = 'sale' LIMIT 1").get() !== undefined,
    run: () => runForecasts(db),
  });
}
