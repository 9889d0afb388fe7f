// Runs: node (bench). `npm run bench -- --only forecast`, or `node --import tsx bench/forecast.ts`.
// 1. The nightly forecast of 5,000 simulated products × 730 days, horizon 14, in a child process
//    pinned to one core (taskset, where there is one): wall time of forecastAll, and the child's
//    peak resident memory (VmHWM, the whole process: Node + tsx alone are ~85 MB of it), plus the
//    JS heap + array buffers in use at the end for comparison.
// 2. The backtest tables (mean MASE per method, auto vs the best baseline) on the simulator and on
//    the UCI Online Retail sample, read from ../shared at run time (skipped when absent).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { simulateDemand } from '../electron/core/inventory/demand-sim.ts';
import { evaluate, loadUciDaily, UCI_SAMPLE, type EvalReport } from '../electron/core/inventory/forecast-eval.ts';
import { forecastAll } from '../electron/core/inventory/forecast.ts';
import type { BenchRow } from './core.ts';

const PRODUCTS = Number(process.env.STOREMIND_FORECAST_PRODUCTS ?? 5000);
const DAYS = 730;
const HORIZON = 14;

/** The child's job: simulate, forecast, report on stdout as one JSON line. */
function child(): void {
  const sales = simulateDemand({ seed: 2024, products: PRODUCTS, days: DAYS });
  const t0 = performance.now();
  const out = forecastAll(sales, { horizon: HORIZON, calendar: sales.calendar });
  const seconds = (performance.now() - t0) / 1000;
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const hwmMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const mem = process.memoryUsage();
  console.log(JSON.stringify({ seconds, hwmMb, heapMb: (mem.heapUsed + mem.arrayBuffers) / 2 ** 20, products: out.length }));
}

function evalRows(r: EvalReport, name: string): BenchRow[] {
  const rows: BenchRow[] = r.rows.map((x) => ({ bench: 'forecast', metric: `${name} mean MASE, ${x.method} (${x.kind})`, value: x.meanMase, unit: 'MASE' }));
  rows.push({ bench: 'forecast', metric: `${name} auto vs best baseline (${r.bestBaseline.method}), ${r.series} series, ${r.skippedZeroScale} skipped (zero scale)`, value: r.auto.improvementPct, unit: '% better', target: '>= 10%' });
  rows.push({ bench: 'forecast', metric: `${name} auto with the P50 point vs best baseline`, value: r.autoP50.improvementPct, unit: '% better' });
  rows.push({ bench: 'forecast', metric: `${name} 80% interval coverage of auto, held-out days`, value: r.auto.coverage * 100, unit: '%' });
  return rows;
}

export async function benchForecast(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const self = path.resolve(import.meta.dirname, 'forecast.ts');
  const pin = spawnSync('taskset', ['--version']).status === 0;
  const args = ['--import', 'tsx', self, '--child'];
  const r = pin ? spawnSync('taskset', ['-c', '0', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`forecast bench child failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { seconds: number; hwmMb: number; heapMb: number; products: number };
  const what = `${m.products} products × ${DAYS} days, horizon ${HORIZON}${pin ? ', one core' : ''}`;
  rows.push({ bench: 'forecast', metric: `nightly forecast wall time, ${what}`, value: m.seconds, unit: 's', target: '<= 60 s' });
  rows.push({ bench: 'forecast', metric: 'nightly forecast peak RSS of the process (VmHWM, incl. Node+tsx)', value: m.hwmMb, unit: 'MB', target: '<= 200 MB' });
  rows.push({ bench: 'forecast', metric: 'JS heap + array buffers in use after the run', value: m.heapMb, unit: 'MB' });

  const sim = simulateDemand({ seed: 7, products: 300, days: DAYS, withMeans: true });
  rows.push(...evalRows(evaluate(sim, 'sim', { horizon: HORIZON, calendar: sim.calendar, truth: sim.means }), 'sim 300×730'));
  if (fs.existsSync(UCI_SAMPLE)) {
    const u = loadUciDaily();
    rows.push(...evalRows(evaluate(u.sales, 'uci', { horizon: HORIZON, calendar: u.calendar }), `UCI ${u.info.kept} codes`));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--child')) child();
  else for (const r of await benchForecast()) console.log(`${r.metric.padEnd(90)} ${r.value.toFixed(4).padStart(12)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
}
