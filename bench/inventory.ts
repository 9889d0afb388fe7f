// Runs: node (bench). The stock ledger at scale: 1M movements written through the real path
// (movement row + outbox row, 1,000 per transaction) over the demo catalog, then a product's on
// hand read from the maintained aggregate (stock.quantity, moved in the movement's transaction)
// beside the peer a ledger without it has: the sum of the product's movements over its index.
// Also the stock list and the suggested order the back office opens over the whole catalog.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './core.ts';
import { openDatabase } from '../electron/core/db/database.ts';
import { seedDemoStore } from '../electron/core/catalog/seed.ts';
import { recordMovement } from '../electron/core/inventory/stock.ts';
import { stockList } from '../electron/core/inventory/stock-list.ts';
import { suggestOrder } from '../electron/core/inventory/replenish.ts';
import { runForecasts } from '../electron/core/inventory/forecast-job.ts';

const MOVEMENTS = 1_000_000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchInventory(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-inv-'));
  try {
    const db = openDatabase(path.join(dir, 'inv.db'));
    seedDemoStore(db);
    const skus = db.prepare('SELECT sku FROM products ORDER BY sku').pluck().all() as string[];
    const day0 = Date.parse('2025-01-01T12:00:00Z');
    const t0 = performance.now();
    const batch = db.transaction((from: number) => {
      for (let i = from; i < from + 1000; i++) {
        const sku = skus[(i * 7919) % skus.length]!;
        recordMovement(db, { id: `b:${i}`, sku, delta: i % 10 === 0 ? 5 : -1, reason: i % 10 === 0 ? 'receive' : 'sale', ref: null, terminalId: 'till-1', at: new Date(day0 + Math.floor(i / 1400) * 86_400_000 + (i % 1400) * 30_000).toISOString(), note: null });
      }
    });
    for (let i = 0; i < MOVEMENTS; i += 1000) batch(i);
    const writeS = (performance.now() - t0) / 1000;
    db.prepare('DELETE FROM outbox').run(); // not what is measured; keeps the file to the ledger
    const aggregate = db.prepare(`SELECT s.quantity FROM products p JOIN stock s ON s.product_id = p.id AND s.location = 'store' WHERE p.sku = ?`).pluck();
    const summed = db.prepare('SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE sku = ?').pluck();
    const time = (stmt: typeof aggregate) => {
      const ms: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const sku = skus[(i * 104729) % skus.length]!;
        const s = performance.now();
        stmt.get(sku);
        ms.push(performance.now() - s);
      }
      return ms;
    };
    time(aggregate);
    const a = time(aggregate);
    const b = time(summed);
    const f0 = performance.now();
    const run = await runForecasts(db, { now: new Date(day0 + 730 * 86_400_000), pauseMs: 0 });
    const forecastS = (performance.now() - f0) / 1000;
    const l0 = performance.now();
    const list = stockList(db, { filter: 'low', now: new Date(day0 + 730 * 86_400_000) });
    const listMs = performance.now() - l0;
    const s0 = performance.now();
    const lines = suggestOrder(db, new Date(day0 + 730 * 86_400_000));
    const suggestMs = performance.now() - s0;
    db.close();
    const perSku = Math.round(MOVEMENTS / skus.length);
    return [
      { bench: 'inventory', metric: `write 1M movements (+ outbox) over ${skus.length} products, 1,000 per transaction`, value: writeS, unit: 's' },
      { bench: 'inventory', metric: `on hand after 1M movements: maintained aggregate, p50`, value: pct(a, 50), unit: 'ms' },
      { bench: 'inventory', metric: `on hand after 1M movements: maintained aggregate, p99`, value: pct(a, 99), unit: 'ms', target: '≤ 1 ms' },
      { bench: 'inventory', metric: `on hand after 1M movements: sum of ~${perSku} movements (peer), p50`, value: pct(b, 50), unit: 'ms' },
      { bench: 'inventory', metric: `on hand after 1M movements: sum of ~${perSku} movements (peer), p99`, value: pct(b, 99), unit: 'ms' },
      { bench: 'inventory', metric: `nightly forecast from the ledger: ${run.products} products, sales read + fit + store`, value: forecastS, unit: 's' },
      { bench: 'inventory', metric: `stock list, low filter over the catalog (${list.counts.low} low)`, value: listMs, unit: 'ms' },
      { bench: 'inventory', metric: `suggested order over the catalog (${lines.length} lines)`, value: suggestMs, unit: 'ms' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
