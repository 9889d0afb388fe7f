// Runs: node (CLI). Demand forecasts and their backtest:
//   storemind forecast --sales FILE.csv --horizon N [--calendar FILE.json] [--point mean|median] [--json]
//   storemind forecast [--horizon N] [--json]             (the terminal's own sales, from the stock ledger)
//   storemind forecast eval --sales FILE.csv | --dataset uci|sim  --horizon N [--windows K] [--json]
// One JSON line per SKU: {"sku","forecast","lower","upper","method"}, forecast days starting the day
// after the last day of the history.
import fs from 'node:fs';
import { z } from 'zod';
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { simulateDemand } from '../core/inventory/demand-sim.ts';
import { evaluate, loadUciDaily, UCI_SAMPLE, type EvalReport } from '../core/inventory/forecast-eval.ts';
import { dayNumber, forecastAll, isoDay, prepareCalendar, type Calendar, type DailySales, type SkuForecast } from '../core/inventory/forecast.ts';
import { parseSalesCsv } from '../core/inventory/sales-csv.ts';
import { dailySales } from '../core/inventory/sales-history.ts';
import { storeCalendar } from '../core/inventory/forecast-job.ts';
import { intOption, parse } from './args.ts';
import type { Command } from './registry.ts';
import { valueIssue } from '../../common/zod-issue.ts';

const USAGE = [
  'forecast --sales FILE.csv --horizon N [--calendar FILE.json] [--point mean|median] [--json]',
  '       forecast [--horizon N] [--calendar FILE.json] [--json]   (this terminal\'s own sales)',
  '       forecast eval (--sales FILE.csv [--calendar FILE.json] | --dataset uci|sim [--file UCI.csv]) --horizon N [--windows K] [--json]',
].join('\n');

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const CalendarFile = z.object({
  holidays: z.array(Day).max(10_000).optional(),
  promos: z.array(z.object({ sku: z.string().min(1).max(64), from: Day, to: Day })).max(100_000).optional(),
});

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CoreError('BAD_INPUT', `Cannot read the ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

function readCalendar(file: string | undefined): Calendar | undefined {
  if (!file) return undefined;
  let cal: unknown;
  try {
    cal = JSON.parse(readText(file, 'calendar'));
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw new CoreError('BAD_INPUT', `The calendar ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const r = CalendarFile.safeParse(cal);
  if (!r.success) {
    throw new CoreError('BAD_INPUT', `The calendar ${file} must be {"holidays": ["YYYY-MM-DD"], "promos": [{"sku", "from", "to"}]}: ${valueIssue(r.error)}.`);
  }
  prepareCalendar(r.data); // and every date a real day, with the entry named
  return r.data;
}

function lastDay(sales: DailySales): string {
  let len = 0;
  for (const v of sales.series.values()) len = Math.max(len, v.length);
  return isoDay(dayNumber(sales.start) + len - 1);
}

function printForecasts(rows: SkuForecast[], json: boolean, firstDay: string): void {
  if (json) {
    for (const r of rows) console.log(JSON.stringify({ sku: r.sku, forecast: r.forecast, lower: r.lower, upper: r.upper, method: r.method }));
    return;
  }
  if (!rows.length) return void console.log('No sales in the history: nothing to forecast.');
  const h = rows[0]!.forecast.length;
  console.log(`Forecast of daily units from ${firstDay}, ${h} days (total, 80% range of each day summed in brackets):`);
  console.log(`${'SKU'.padEnd(18)} ${'method'.padEnd(26)} ${'total'.padStart(9)}  next days`);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  for (const r of rows) {
    const total = `${sum(r.forecast).toFixed(1)}`;
    const days = r.forecast.slice(0, 7).map((v) => v.toFixed(1)).join(' ');
    console.log(`${r.sku.padEnd(18)} ${r.method.padEnd(26)} ${total.padStart(9)}  ${days}${h > 7 ? ' …' : ''}  [${sum(r.lower).toFixed(0)}–${sum(r.upper).toFixed(0)}]`);
  }
}

function printEval(r: EvalReport, json: boolean): void {
  if (json) return void console.log(JSON.stringify(r));
  console.log(`Backtest on ${r.dataset}: ${r.series} series, held-out ${r.heldOut.from}..${r.heldOut.to} (${r.windows} windows of ${r.horizon} days, rolling origin)`);
  console.log(`Skipped: ${r.skippedZeroScale} with a zero seasonal-naive scale, ${r.skippedShort} too short to train.`);
  console.log(`${'method'.padEnd(22)} ${'kind'.padEnd(9)} ${'mean MASE'.padStart(10)} ${'median'.padStart(8)}`);
  for (const row of r.rows) console.log(`${row.method.padEnd(22)} ${row.kind.padEnd(9)} ${row.meanMase.toFixed(4).padStart(10)} ${row.medianMase.toFixed(4).padStart(8)}`);
  console.log(`Best baseline: ${r.bestBaseline.method} (${r.bestBaseline.meanMase.toFixed(4)}). auto: ${r.auto.improvementPct.toFixed(1)}% better (mean point), ${r.autoP50.improvementPct.toFixed(1)}% with the P50 point.`);
  console.log(`80% interval coverage of auto on held-out days: ${(100 * r.auto.coverage).toFixed(1)}%.`);
}

export const forecast: Command = {
  name: 'forecast',
  summary: 'Daily demand forecasts per product with 80% intervals (forecast --sales FILE.csv --horizon N), and their backtest (forecast eval)',
  usage: USAGE,
  async run(argv, g) {
    const { values, positionals } = parse(argv, {
      sales: { type: 'string' },
      horizon: { type: 'string' },
      calendar: { type: 'string' },
      point: { type: 'string' },
      dataset: { type: 'string' },
      file: { type: 'string' },
      windows: { type: 'string' },
      seed: { type: 'string' },
    });
    const sub = positionals[0];
    if (sub !== undefined && sub !== 'eval') throw new CoreError('BAD_INPUT', `Unknown forecast subcommand "${sub}". Usage: storemind ${USAGE}`);
    const horizon = intOption(values.horizon ?? 14, 'horizon', 1, 366);
    const calendar = readCalendar(values.calendar);

    if (sub === 'eval') {
      const windows = intOption(values.windows ?? 4, 'windows', 1, 26);
      if (values.sales && values.dataset) throw new CoreError('BAD_INPUT', 'Give --sales FILE.csv or --dataset uci|sim, not both.');
      if (values.sales) {
        const s = parseSalesCsv(readText(values.sales, 'sales file'));
        printEval(evaluate(s, values.sales, { horizon, windows, calendar }), g.json);
      } else if (values.dataset === 'uci') {
        const u = loadUciDaily(values.file ?? UCI_SAMPLE);
        printEval(evaluate(u.sales, `UCI Online Retail sample (${u.info.kept} StockCodes selling on ≥ ${u.info.minSaleDays} days)`, { horizon, windows, calendar: calendar ?? u.calendar }), g.json);
      } else if (values.dataset === 'sim') {
        const seed = intOption(values.seed ?? 7, 'seed', 0, 2 ** 31 - 1);
        const s = simulateDemand({ seed, products: 300, days: 730, withMeans: true });
        printEval(evaluate(s, `simulator (seed ${seed}, 300 products × 730 days)`, { horizon, windows, calendar: calendar ?? s.calendar, truth: s.means }), g.json);
      } else throw new CoreError('BAD_INPUT', 'forecast eval needs --sales FILE.csv or --dataset uci|sim.');
      return 0;
    }

    const point = values.point ?? 'mean';
    if (point !== 'mean' && point !== 'median') throw new CoreError('BAD_INPUT', '--point must be mean or median.');
    let sales: DailySales;
    let cal = calendar;
    if (values.sales) sales = parseSalesCsv(readText(values.sales, 'sales file'));
    else {
      const core = createCore({ dataDir: g.dataDir, loadModels: false });
      try {
        sales = dailySales(core.db);
        cal ??= storeCalendar(core.db); // the holidays the nightly run forecasts with
      } finally {
        core.close();
      }
    }
    const rows = forecastAll(sales, { horizon, calendar: cal, point });
    printForecasts(rows, g.json, isoDay(dayNumber(lastDay(sales)) + 1));
    return 0;
  },
};
