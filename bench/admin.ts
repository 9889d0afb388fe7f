// Runs: node (bench). The back office at 1 million kiosk interactions: seeds them through the real
// write path (recordInteractions: redaction, outbox row, FTS and keyset indexes) into an encrypted
// temp database, then times the admin list's first page, a deep page (keyset cursor ~900 000 rows
// in, compared with what OFFSET would cost), filtered pages (intent, handoff, text, date range,
// feedback) and the CSV export. `node --import tsx bench/admin.ts [--rows N]` or via bench/run.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/core/db/database.ts';
import { recordInteractions, type NewInteraction } from '../electron/core/assistant/interactions.ts';
import { encodeCursor, listInteractions } from '../electron/core/admin/interactions.ts';
import { exportCsv } from '../electron/core/admin/exports.ts';
import type { BenchRow } from './core.ts';

const INTENTS = ['find_product', 'store_hours', 'return_policy', 'payment_methods', 'gift_card', 'loyalty_program', 'promotions', 'store_services', 'human_agent', 'out_of_scope'];
const WORDS = ['where', 'is', 'the', 'milk', 'bread', 'open', 'today', 'return', 'receipt', 'card', 'gift', 'points', 'sale', 'aisle', 'batteries', 'coffee', 'refund', 'hours', 'sunday', 'key', 'cutting', 'pharmacy', 'parking', 'delivery'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown, reps = 7): number {
  fn(); // warm the page cache and the statement
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

export async function benchAdmin(rows = Number(process.env.ADMIN_BENCH_ROWS ?? 1_000_000)): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-admin-'));
  const db = openDatabase(path.join(dir, 'storemind.db'), { key: crypto.randomBytes(32) });
  const out: BenchRow[] = [];
  try {
    // Seed: 1 M rows over ~60 days through the real write path, 10 000 per transaction.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const start = Date.parse('2025-01-01T00:00:00Z');
    const step = (60 * 86_400_000) / rows;
    const t0 = performance.now();
    const BATCH = 10_000;
    for (let b = 0; b < rows; b += BATCH) {
      const items: NewInteraction[] = [];
      const n = Math.min(BATCH, rows - b);
      for (let i = 0; i < n; i++) {
        const words = Array.from({ length: 4 + Math.floor(rnd() * 6) }, () => WORDS[Math.floor(rnd() * WORDS.length)]!);
        items.push({
          terminalId: `kiosk-${1 + Math.floor(rnd() * 4)}`,
          sessionId: `s${b + i}`,
          text: words.join(' '),
          intent: INTENTS[Math.floor(rnd() * INTENTS.length)]!,
          confidence: rnd(),
          answerId: 'a',
          answerText: 'answer',
          handoff: rnd() < 0.03,
          modelVersion: 'bert-mini@1',
          latencyMs: 5,
        });
      }
      // Ten rows per timestamp (ties exercise the id tie-break), one outer transaction per batch.
      db.transaction(() => {
        for (let j = 0; j < n; j += 10) recordInteractions(db, items.slice(j, j + 10), new Date(start + (b + j) * step));
      })();
    }
    const seedS = (performance.now() - t0) / 1000;
    // A few feedback marks, as shoppers leave them.
    db.exec('UPDATE interactions SET feedback = -1 WHERE rowid % 97 = 0');
    db.exec('ANALYZE');
    out.push({ bench: 'admin', metric: `seed ${rows.toLocaleString('en')} interactions via recordInteractions (encrypted)`, value: rows / seedS, unit: 'rows/s' });
    const bytes = fs.statSync(path.join(dir, 'storemind.db')).size + (fs.existsSync(path.join(dir, 'storemind.db-wal')) ? fs.statSync(path.join(dir, 'storemind.db-wal')).size : 0);
    out.push({ bench: 'admin', metric: 'database size at that volume (db + wal)', value: bytes / 2 ** 20, unit: 'MiB' });

    const first = time(() => listInteractions(db, { limit: 50 }));
    out.push({ bench: 'admin', metric: 'interactions list: first page (50 rows)', value: first, unit: 'ms', target: '< 50 ms' });

    const deepAt = Math.floor(rows * 0.9);
    const anchor = db.prepare('SELECT ts, id FROM interactions ORDER BY ts DESC, id DESC LIMIT 1 OFFSET ?').get(deepAt) as { ts: string; id: string };
    const cursor = encodeCursor(anchor.ts, anchor.id);
    out.push({ bench: 'admin', metric: `interactions list: deep page by keyset cursor (~row ${deepAt.toLocaleString('en')})`, value: time(() => listInteractions(db, { limit: 50, cursor })), unit: 'ms', target: '< 50 ms' });
    out.push({
      bench: 'admin',
      metric: 'for comparison: the same deep page with OFFSET (not used)',
      value: time(() => db.prepare('SELECT * FROM interactions ORDER BY ts DESC, id DESC LIMIT 50 OFFSET ?').all(deepAt), 3),
      unit: 'ms',
    });
    const filters: Array<[string, Parameters<typeof listInteractions>[1]['filter']]> = [
      ['intent = gift_card', { intent: 'gift_card' }],
      ['handoff only (3%)', { handoff: true }],
      ['thumbs down only (1%)', { feedback: 'down' }],
      ['text "batteries aisle"', { q: 'batteries aisle' }],
      ['text "pharm" (prefix)', { q: 'pharm' }],
      ['one day + intent', { from: '2025-02-10T00:00:00Z', to: '2025-02-11T00:00:00Z', intent: 'store_hours' }],
      ['text + handoff', { q: 'refund receipt', handoff: true }],
    ];
    for (const [label, filter] of filters) {
      out.push({ bench: 'admin', metric: `interactions list: filtered first page, ${label}`, value: time(() => listInteractions(db, { limit: 50, filter })), unit: 'ms', target: '< 100 ms' });
      const p1 = listInteractions(db, { limit: 50, filter });
      if (p1.nextCursor) {
        const c = p1.nextCursor;
        out.push({ bench: 'admin', metric: `interactions list: filtered next page, ${label}`, value: time(() => listInteractions(db, { limit: 50, filter, cursor: c })), unit: 'ms' });
      }
    }
    out.push({ bench: 'admin', metric: 'CSV export of 10 000 filtered rows (intent)', value: time(() => exportCsv(db, 'bench', { intent: 'find_product' }, 10_000), 3), unit: 'ms' });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--rows');
  const rows = await benchAdmin(i > 0 ? Number(process.argv[i + 1]) : undefined);
  for (const r of rows) console.log(`${r.metric.padEnd(84)} ${r.value.toFixed(r.value >= 100 ? 0 : 2).padStart(10)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
}
