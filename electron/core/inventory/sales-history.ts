// Runs: node (core). The terminal's own daily unit sales per SKU, from the stock ledger: a sale
// moves stock by −qty, a refund to stock or a post-void by +qty, so the day's units sold are minus
// the sum of those movements (with the store hub, every lane's movements are here too). A day whose
// refunds outweigh its sales counts as 0, not as negative demand.
import type { Db } from '../db/database.ts';
import { dayNumber, isoDay } from './forecast.ts';

export interface DailySalesOptions {
  /** How many days of history, at most (default 730). */
  days?: number;
  /** The series ends the day before this instant's UTC day (default now): complete days only, so a
   * run at 03:00 does not read today's first hours as a slow day, and forecasts start today. */
  until?: Date;
}

export function dailySales(db: Db, opts: DailySalesOptions = {}): { start: string; series: Map<string, Float64Array | number[]> } {
  const days = Math.max(1, Math.floor(opts.days ?? 730));
  const endExclusive = dayNumber((opts.until ?? new Date()).toISOString().slice(0, 10));
  const from = endExclusive - days;
  const rows = db
    .prepare(
      `SELECT sku, substr(at, 1, 10) AS day, -sum(delta) AS units FROM stock_movements
       WHERE reason IN ('sale', 'refund', 'void') AND at >= ? AND at < ?
       GROUP BY sku, day`,
    )
    .all(isoDay(from), isoDay(endExclusive)) as Array<{ sku: string; day: string; units: number }>;
  // Start at the first day with any movement, not `days` ago: a new terminal has a short history.
  let first = endExclusive;
  for (const r of rows) first = Math.min(first, dayNumber(r.day));
  const len = endExclusive - first;
  const series = new Map<string, Float64Array>();
  for (const r of rows) {
    const t = dayNumber(r.day) - first;
    if (!(t >= 0 && t < len)) continue;
    let y = series.get(r.sku);
    if (!y) series.set(r.sku, (y = new Float64Array(len)));
    y[t] = Math.max(0, r.units);
  }
  return { start: isoDay(first), series };
}
