// Runs: node (bench). `npm run bench [-- --only core,models,search,printing,scanner,till]`: runs every benchmark suite,
// prints one table and writes bench/results/latest.json. Benchmarks measure; tests never time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './core.ts';

type Suite = { name: string; load: () => Promise<() => Promise<BenchRow[]>> };

const suites: Suite[] = [
  { name: 'core', load: async () => (await import('./core.ts')).benchCore },
  { name: 'models', load: async () => (await import('./models.ts')).benchModels as () => Promise<BenchRow[]> },
  { name: 'search', load: async () => (await import('./search.ts')).benchSearch as () => Promise<BenchRow[]> },
  { name: 'search-zh', load: async () => (await import('./search-zh.ts')).benchSearchZh },
  { name: 'admin', load: async () => (await import('./admin.ts')).benchAdmin as () => Promise<BenchRow[]> },
  { name: 'sync', load: async () => (await import('./sync.ts')).benchSync as () => Promise<BenchRow[]> },
  { name: 'hub', load: async () => (await import('./hub.ts')).benchHub },
  { name: 'inventory', load: async () => (await import('./inventory.ts')).benchInventory },
  { name: 'recommend', load: async () => (await import('./recommend.ts')).benchRecommend },
  { name: 'forecast', load: async () => (await import('./forecast.ts')).benchForecast },
  { name: 'fraud', load: async () => (await import('./fraud.ts')).benchFraud as () => Promise<BenchRow[]> },
  { name: 'printing', load: async () => (await import('./printing.ts')).benchPrinting },
  { name: 'till', load: async () => (await import('./till-screen.ts')).benchTillScreen },
  { name: 'scanner', load: async () => (await import('./scanner.ts')).benchScanner as () => Promise<BenchRow[]> },
  { name: 'assistant', load: async () => (await import('./assistant.ts')).benchAssistant as () => Promise<BenchRow[]> },
];

const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? (process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;

const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`StoreMind benchmarks on ${machine}\n`);
const all: BenchRow[] = [];
for (const s of suites) {
  if (only && !only.has(s.name)) continue;
  let run: () => Promise<BenchRow[]>;
  try {
    run = await s.load();
  } catch (e) {
    console.log(`(${s.name}: not available: ${(e as Error).message.split('\n')[0]})`);
    continue;
  }
  let rows: BenchRow[];
  try {
    rows = await run();
  } catch (e) {
    console.log(`(${s.name}: failed: ${(e as Error).message.split('\n')[0]})`);
    continue;
  }
  all.push(...rows);
  for (const r of rows) console.log(`${r.bench.padEnd(10)} ${r.metric.padEnd(70)} ${format(r.value).padStart(12)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
}
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify({ machine, when: new Date().toISOString(), rows: all }, null, 2));

function format(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4);
}
