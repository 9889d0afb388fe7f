// Runs: node (bench). Walking-skeleton benchmarks: browser-host cold start to first page served,
// resident memory after start, and SQLite throughput of interaction rows written with their
// outbox rows (one transaction per row, and batched).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/core/db/database.ts';
import { recordInteraction, recordInteractions, type NewInteraction } from '../electron/core/assistant/interactions.ts';

export interface BenchRow {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
}

const BIN = path.resolve(import.meta.dirname, '../bin/storemind.mjs');

async function timeToFirstPage(dataDir: string): Promise<{ ms: number; rssMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += String(c);
        const m = /serving (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const res = await fetch(url);
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
  }
}

function sample(i: number): NewInteraction {
  return {
    terminalId: 'bench', sessionId: `s${i % 50}`, text: `where are the aa batteries ${i}`, intent: 'find_product', confidence: 0.93,
    answerId: 'product_location', answerText: 'AA batteries are in aisle A12, shelf 3.', handoff: false, modelVersion: 'bench@1', latencyMs: 4.2,
  };
}

export async function benchCore(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-'));
  try {
    const cold = await timeToFirstPage(path.join(dir, 'cold'));
    rows.push({ bench: 'startup', metric: 'cold start (first run, seeds demo store) to first page', value: cold.ms, unit: 'ms' });
    const warm = await timeToFirstPage(path.join(dir, 'cold'));
    rows.push({ bench: 'startup', metric: 'warm start to first page', value: warm.ms, unit: 'ms' });
    rows.push({ bench: 'startup', metric: 'resident memory after start', value: warm.rssMb, unit: 'MB' });

    // The same write paths on an encrypted file (what terminals run) and a plain one: the
    // difference is the cost of encryption at rest.
    for (const [label, key] of [['encrypted', Buffer.alloc(32, 1)], ['plain', null]] as const) {
      const db = openDatabase(path.join(dir, `tp-${label}.db`), { key });
      const n1 = 3000;
      let t = performance.now();
      for (let i = 0; i < n1; i++) recordInteraction(db, sample(i));
      rows.push({ bench: 'sqlite', metric: `interactions + outbox, one transaction per row (${label})`, value: n1 / ((performance.now() - t) / 1000), unit: 'rows/s' });
      // What every commit being durable (synchronous=FULL, what terminals run) costs against NORMAL.
      db.pragma('synchronous = NORMAL');
      t = performance.now();
      for (let i = 0; i < n1; i++) recordInteraction(db, sample(n1 + i));
      rows.push({ bench: 'sqlite', metric: `the same with synchronous=NORMAL, not durable on power loss (${label})`, value: n1 / ((performance.now() - t) / 1000), unit: 'rows/s' });
      db.pragma('synchronous = FULL');
      const n2 = 50_000;
      t = performance.now();
      for (let i = 0; i < n2; i += 500) recordInteractions(db, Array.from({ length: 500 }, (_, k) => sample(i + k)));
      rows.push({ bench: 'sqlite', metric: `interactions + outbox, batches of 500 (${label})`, value: n2 / ((performance.now() - t) / 1000), unit: 'rows/s' });
      t = performance.now();
      for (let i = 0; i < 200; i++) db.prepare('SELECT id, text_redacted, intent FROM interactions WHERE ts <= ? ORDER BY ts DESC LIMIT 50').all(new Date().toISOString());
      rows.push({ bench: 'sqlite', metric: `read a 50-row page of interactions (${label})`, value: (performance.now() - t) / 200, unit: 'ms' });
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
