// Runs: node (bench). Sync benchmarks against a real PostgreSQL server started for the run (and
// PGlite for the drain): platform ingest rate, a 100,000-interaction backlog drained over
// loopback, and 50 terminals syncing at once with the platform's peak memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BenchRow } from './core.ts';
import { startPlatform } from '../central/platform.ts';
import { AdminClient } from '../central/admin-client.ts';
import { openDatabase } from '../electron/core/db/database.ts';
import { recordInteractions } from '../electron/core/assistant/interactions.ts';
import { enroll } from '../electron/core/sync/enroll.ts';
import { PlatformClient } from '../electron/core/sync/http.ts';
import { loadKey } from '../electron/core/sync/identity.ts';
import { syncOnce } from '../electron/core/sync/service.ts';
import { startPostgres } from '../test/integration/sync/helpers/postgres.ts';
import { spawnPlatform } from '../test/integration/sync/helpers/platform.ts';
import { interaction } from '../test/integration/sync/helpers/terminal.ts';

async function terminal(admin: AdminClient, server: string, root: string, store: string) {
  const dir = fs.mkdtempSync(path.join(root, 't-'));
  const db = openDatabase(path.join(dir, 'storemind.db'));
  const { code } = await admin.enrollCode(store);
  const e = await enroll(db, dir, { server, code });
  return { dir, db, terminalId: e.terminalId };
}

function write(db: ReturnType<typeof openDatabase>, n: number): void {
  for (let i = 0; i < n; i += 1000) recordInteractions(db, Array.from({ length: Math.min(1000, n - i) }, (_, k) => interaction(i + k)));
}

export async function benchSync(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-sync-'));
  const pg = await startPostgres();
  process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'bench-admin-token-0123456789';
  try {
    // 1. Ingest: 8 terminals send pre-built gzip batches of 2,000 interactions at once.
    {
      const platform = await startPlatform({ dataDir: path.join(root, 'c1'), databaseUrl: await pg.createDatabase('ingest'), port: 0, jobs: false, logLevel: 'silent' });
      const admin = new AdminClient(platform.url, platform.admin.token);
      const terms = await Promise.all(Array.from({ length: 8 }, () => terminal(admin, platform.url, root, 'ingest')));
      const batches = 12;
      const per = 2000;
      const bodies = terms.map(() =>
        Array.from({ length: batches }, (_, b) => {
          const records = Array.from({ length: per }, (_, i) => {
            const seq = b * per + i + 1;
            return { seq, kind: 'interaction', id: crypto.randomUUID(), createdAt: new Date().toISOString(), payload: { ...interaction(seq), id: seq, text_redacted: `where are the aa batteries ${seq}` } };
          });
          return zlib.gzipSync(JSON.stringify({ pending: 0, records }), { level: 3 });
        }),
      );
      const t0 = performance.now();
      await Promise.all(terms.map(async (t, k) => {
        const c = new PlatformClient({ server: platform.url, terminalId: t.terminalId, key: loadKey(t.dir) });
        for (const body of bodies[k]!) await c.json('POST', '/v1/upload', { body, gzip: true });
      }));
      const secs = (performance.now() - t0) / 1000;
      rows.push({ bench: 'sync', metric: 'platform ingest into PostgreSQL (8 terminals, gzip batches of 2,000)', value: (terms.length * batches * per) / secs, unit: 'records/s', target: '>= 20000' });
      terms.forEach((t) => t.db.close());
      await platform.close();
    }
    // 2. Drain a 100,000-interaction backlog over loopback, PostgreSQL and PGlite.
    for (const backend of ['postgres', 'pglite'] as const) {
      const platform = await startPlatform({ dataDir: path.join(root, `c2-${backend}`), databaseUrl: backend === 'postgres' ? await pg.createDatabase('drain') : undefined, port: 0, jobs: false, logLevel: 'silent' });
      const admin = new AdminClient(platform.url, platform.admin.token);
      const t = await terminal(admin, platform.url, root, 'drain');
      write(t.db, 100_000);
      const t0 = performance.now();
      const r = await syncOnce({ db: t.db, dataDir: t.dir });
      const secs = (performance.now() - t0) / 1000;
      if (r.pending !== 0 || r.uploaded !== 100_000) throw new Error(`drain left ${r.pending} pending, uploaded ${r.uploaded}`);
      rows.push({ bench: 'sync', metric: `100,000-interaction backlog drained over loopback (${backend})`, value: secs, unit: 's', target: '<= 30' });
      t.db.close();
      await platform.close();
    }
    // 3. 50 terminals at once against a platform process; its peak resident memory.
    {
      const platform = await spawnPlatform({ dataDir: path.join(root, 'c3'), databaseUrl: await pg.createDatabase('fleet') });
      const terms = [];
      for (let i = 0; i < 50; i++) terms.push(await terminal(platform.admin, platform.url, root, `fleet-${i % 5}`));
      for (const t of terms) write(t.db, 2000);
      const t0 = performance.now();
      const results = await Promise.all(terms.map((t) => syncOnce({ db: t.db, dataDir: t.dir, limits: { maxRows: 500, maxBytes: 1 << 20 } })));
      const secs = (performance.now() - t0) / 1000;
      const status = fs.readFileSync(`/proc/${platform.proc.pid}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      if (results.some((r) => r.pending !== 0)) throw new Error('a terminal did not drain');
      rows.push({ bench: 'sync', metric: '50 terminals syncing at once (2,000 rows each): wall time', value: secs, unit: 's' });
      rows.push({ bench: 'sync', metric: '50 terminals syncing at once: platform peak resident memory', value: hwm, unit: 'MB', target: '< 300' });
      terms.forEach((t) => t.db.close());
      await platform.kill('SIGTERM');
    }
  } finally {
    await pg.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchSync()) console.log(`${r.metric.padEnd(80)} ${r.value.toFixed(2).padStart(10)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
}
