// Runs: node (bench). `npm run bench -- --only scanner`, or `node --import tsx bench/scanner.ts`.
// The wedge-scanner detector's detection rate on scanner bursts and its false positives on people
// typing (the fixtures of test/fixtures/scanner-timing.ts, then 10,000 generated sessions each),
// and the cost of one scan: parseScan alone, and resolveScan against the demo catalog (plus scale
// and GS1 items) in a real SQLite file, per kind of code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './core.ts';
import { openDatabase } from '../electron/core/db/database.ts';
import { seedDemoStore } from '../electron/core/catalog/seed.ts';
import { productWriter } from '../electron/core/catalog/products.ts';
import { DEFAULT_SCALE_LAYOUT, makeScaleCode, parseScan } from '../electron/core/catalog/gs1.ts';
import { resolveScan } from '../electron/core/pos/scan.ts';
import { ScanDetector } from '../renderer/src/components/scan-detector.ts';
import { SCANNED_CODES, SCANNER_FIXTURES, TYPED_TEXTS, TYPIST_FIXTURES, scannerBurst, typistKeys, type KeyEvent } from '../test/fixtures/scanner-timing.ts';

const GENERATED = 10_000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function detected(keys: readonly KeyEvent[]): string | null {
  const d = new ScanDetector();
  let out: string | null = null;
  for (const k of keys) out = d.key(k.key, k.at) ?? out;
  return out;
}

/** µs per call of fn over `codes`, after a warm-up pass. */
function time(codes: string[], fn: (code: string) => unknown, rounds = 20): number[] {
  for (const c of codes) fn(c);
  const us: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of codes) {
      const t = performance.now();
      fn(c);
      us.push((performance.now() - t) * 1000);
    }
  }
  return us;
}

export async function benchScanner(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // Detection: fixtures, then generated sessions with other seeds.
  const fixHits = SCANNER_FIXTURES.filter((f) => detected(f.keys) === f.expected).length;
  const fixFp = TYPIST_FIXTURES.filter((f) => detected(f.keys) !== null).length;
  rows.push({ bench: 'scanner', metric: `detection rate, ${SCANNER_FIXTURES.length} scanner fixtures (30 ± 10 ms/key, Bluetooth stalls, Enter/Tab)`, value: fixHits / SCANNER_FIXTURES.length, unit: '', target: '= 1' });
  rows.push({ bench: 'scanner', metric: `false positives, ${TYPIST_FIXTURES.length} typist fixtures (80 and 120 wpm)`, value: fixFp, unit: '', target: '= 0' });
  let genHits = 0;
  for (let s = 0; s < GENERATED; s++) {
    const c = SCANNED_CODES[s % SCANNED_CODES.length]!;
    if (detected(scannerBurst(c.text, 1_000_000 + s, { stall: s % 4 === 0, terminator: s % 3 === 0 ? 'Tab' : 'Enter' })) === c.text) genHits++;
  }
  rows.push({ bench: 'scanner', metric: `detection rate, ${GENERATED.toLocaleString('en')} generated scanner bursts`, value: genHits / GENERATED, unit: '', target: '= 1' });
  for (const wpm of [80, 120]) {
    let fp = 0;
    for (let s = 0; s < GENERATED; s++) if (detected(typistKeys(TYPED_TEXTS[s % TYPED_TEXTS.length]!, 2_000_000 + s * 7 + wpm, { wpm })) !== null) fp++;
    rows.push({ bench: 'scanner', metric: `false-positive rate, ${GENERATED.toLocaleString('en')} generated typist sessions at ${wpm} wpm`, value: fp / GENERATED, unit: '', target: '= 0' });
  }
  const keys = SCANNER_FIXTURES.flatMap((f) => f.keys);
  const d = new ScanDetector();
  const t0 = performance.now();
  for (let r = 0; r < 200; r++) for (const k of keys) d.key(k.key, k.at + r * 1e6);
  rows.push({ bench: 'scanner', metric: 'ScanDetector.key, per key', value: ((performance.now() - t0) * 1000) / (200 * keys.length), unit: 'µs' });

  // Cost of one scan.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-scan-'));
  try {
    const db = openDatabase(path.join(dir, 'scan.db'));
    seedDemoStore(db);
    const [weight, price] = DEFAULT_SCALE_LAYOUT.ranges;
    const write = productWriter(db);
    // 200 weighed items filed under their base code, 200 price-labelled items found by SKU = item code.
    db.transaction(() => {
      for (let i = 1; i <= 200; i++) {
        write({ id: `w-${i}`, sku: `W-${i}`, name: `Deli item ${i}`, department: 'Deli', price_cents: 999 + i, barcodes: [makeScaleCode(21, 10_000 + i, 0, weight!)], stock: 5000 });
        write({ id: `p-${i}`, sku: String(20_000 + i), name: `Butcher item ${i}`, department: 'Meat', price_cents: 1999, stock: 20 });
      }
    })();
    const gtins = db.prepare("SELECT code FROM barcodes WHERE code NOT LIKE '2%' ORDER BY code LIMIT 400").pluck().all() as string[];
    const gtinScans = gtins.map((g, i) => (i % 3 === 0 && g.length === 13 && g.startsWith('0') ? g.slice(1) : g)); // a third as UPC-A
    const scaleScans = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? makeScaleCode(21, 10_001 + i, 250 + i * 7, weight!) : makeScaleCode(27, 20_001 + i, 100 + i * 13, price!)));
    const gs1Scans = gtins.filter((g) => g.length === 13).slice(0, 200).map((g, i) => (i % 2 === 0 ? `(01)0${g}(17)26${String((i % 12) + 1).padStart(2, '0')}00(10)L${i}` : `]C101${'0' + g}3103${String(300 + i).padStart(6, '0')}17270100`));
    const missScans = Array.from({ length: 100 }, (_, i) => makeScaleCode(22, 90_000 + i, 500, weight!));
    const today = new Date('2026-06-15T12:00:00');
    const all = [...gtinScans, ...scaleScans, ...gs1Scans];

    const p = time(all, (c) => parseScan(c, DEFAULT_SCALE_LAYOUT, today));
    rows.push({ bench: 'scanner', metric: `parseScan, mixed GTIN / scale / GS1 (${all.length} codes), p50`, value: pct(p, 50), unit: 'µs' });
    rows.push({ bench: 'scanner', metric: 'parseScan, mixed, p95', value: pct(p, 95), unit: 'µs' });
    const products = db.prepare('SELECT count(*) FROM products').pluck().get() as number;
    for (const [name, codes] of [['GTIN', gtinScans], ['scale label', scaleScans], ['GS1 element string', gs1Scans], ['mixed', all]] as const) {
      const r = time([...codes], (c) => resolveScan(db, c, DEFAULT_SCALE_LAYOUT, today));
      rows.push({ bench: 'scanner', metric: `resolveScan, ${name} (${products} products), p50`, value: pct(r, 50), unit: 'µs' });
      rows.push({ bench: 'scanner', metric: `resolveScan, ${name}, p95`, value: pct(r, 95), unit: 'µs', ...(name === 'mixed' ? { target: '≤ 1,000 µs' } : {}) });
    }
    const miss = time(missScans, (c) => {
      try {
        resolveScan(db, c, DEFAULT_SCALE_LAYOUT, today);
      } catch {
        /* NOT_FOUND: what is timed */
      }
    }, 5);
    rows.push({ bench: 'scanner', metric: 'resolveScan, unknown scale item (NOT_FOUND after the SKU fallback), p95', value: pct(miss, 95), unit: 'µs' });
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const r of await benchScanner()) console.log(`${r.metric.padEnd(92)} ${r.value.toFixed(r.value >= 100 ? 0 : 3).padStart(10)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
}
