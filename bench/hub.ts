// Runs: node (bench). The store hub, all real processes on loopback: the platform and the hub as
// child processes (embedded PGlite each), terminals in this process with their own SQLite files.
// 1. Help ticket at a kiosk → on another terminal's SQLite: with the hub's live push, and beside
//    it the same through polling alone (a 2 s loop), the peer a store has without push.
// 2. 10 terminals each recording 20 transactions a second through one hub to the platform:
//    every record arrives exactly once; the hub's peak memory and CPU.
// 3. A backlog at the hub after an internet outage, drained to the platform.
// And hybrid compute: a query embedded on the kiosk vs by the hub.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './core.ts';
import { AdminClient } from '../central/admin-client.ts';
import { openDatabase, type Db } from '../electron/core/db/database.ts';
import { seedDemoStore } from '../electron/core/catalog/seed.ts';
import { openTicket } from '../electron/core/assistant/tickets.ts';
import { recordInteractions } from '../electron/core/assistant/interactions.ts';
import { recordTransaction } from '../electron/core/pos/record.ts';
import { enroll } from '../electron/core/sync/enroll.ts';
import { startLiveSync } from '../electron/core/sync/index.ts';
import { clientFor, syncOnce } from '../electron/core/sync/service.ts';
import { hubEmbed } from '../electron/core/models/hub-encoder.ts';
import { loadEncoder } from '../electron/core/models/encoder.ts';
import { ENCODER_NAME, shippedModelsDir } from '../electron/core/model-service.ts';
import { registerStoreLiveDownloads } from '../electron/core/sync/store-live.ts';
import type { Decision, TxnRecord } from '../electron/core/fraud/types.ts';
import { spawnHub, storemind } from '../test/integration/sync/helpers/hub.ts';
import { spawnPlatform } from '../test/integration/sync/helpers/platform.ts';
import { interaction } from '../test/integration/sync/helpers/terminal.ts';

const STORE = 'bench-hub';
const DECISION: Decision = { score: 0, decision: 'allow', reasons: [], rulesFired: [], modelScore: 0, rulesVersion: 'bench', modelVersion: 'bench', features: {} };

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function procStats(pid: number): { rssPeakMb: number; cpuS: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime
  return { rssPeakMb: hwm / 1024, cpuS: ticks / 100 };
}

export async function benchHub(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-hub-'));
  registerStoreLiveDownloads();
  const platform = await spawnPlatform({ dataDir: path.join(root, 'platform') });
  const { code } = await platform.admin.enrollCode(STORE);
  const hubDir = path.join(root, 'hub');
  const e = await storemind(['hub', 'enroll', '--server', platform.url, '--code', code, '--data-dir', hubDir, '--json']);
  if (e.code) throw new Error(e.stderr);
  const hub = await spawnHub(hubDir);
  const hubAdmin = new AdminClient(hub.url, fs.readFileSync(path.join(hubDir, 'admin-token'), 'utf8').trim());
  const terminals: Array<{ db: Db; dir: string; id: string; stop: () => void }> = [];
  const terminal = async (name: string, live: boolean, intervalMs: number) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    const db = openDatabase(path.join(dir, 'storemind.db'));
    seedDemoStore(db);
    const { code: join } = await hubAdmin.enrollCode(STORE);
    const { terminalId } = await enroll(db, dir, { server: hub.url, code: join });
    const s = startLiveSync({ db, dataDir: dir, intervalMs, firstDelayMs: 0, live, log: () => {} });
    const t = { db, dir, id: terminalId, stop: () => s.stop() };
    terminals.push(t);
    return t;
  };
  try {
    // 1. Ticket latency, push vs polling.
    for (const mode of [{ live: true, interval: 60_000, label: 'live push' }, { live: false, interval: 2_000, label: 'polling every 2 s, no push' }]) {
      const kiosk = await terminal(`kiosk-${mode.live}`, mode.live, mode.interval);
      const till = await terminal(`till-${mode.live}`, mode.live, mode.interval);
      await sleep(500);
      const lat: number[] = [];
      const has = till.db.prepare('SELECT 1 FROM help_tickets WHERE id = ?').pluck();
      for (let i = 0; i < (mode.live ? 60 : 15); i++) {
        const t0 = performance.now();
        const { ticket } = openTicket(kiosk.db, { terminalId: 'kiosk', sessionId: `bench-${mode.live}-${i}`, reason: 'bench' });
        while (!has.get(ticket.id)) await sleep(2);
        lat.push(performance.now() - t0);
        await sleep(20 + Math.random() * 100);
      }
      rows.push({ bench: 'hub', metric: `help ticket kiosk → other terminal p50 (${mode.label})`, value: pct(lat, 50), unit: 'ms' });
      rows.push({ bench: 'hub', metric: `help ticket kiosk → other terminal p95 (${mode.label})`, value: pct(lat, 95), unit: 'ms', target: mode.live ? '≤ 2000 ms' : undefined });
      kiosk.stop();
      till.stop();
    }

    // Hybrid compute: one query embedded on the kiosk (int8, one thread, as a weak kiosk runs it)
    // vs asked of the hub (fp32) over loopback, signed, in the same run; distinct texts, no caches.
    {
      const kiosk = await terminal('kiosk-encode', false, 3_600_000);
      kiosk.stop();
      const local = await loadEncoder(path.join(shippedModelsDir(), ENCODER_NAME), { cacheSize: 0, overrides: { threads: 1 } });
      const model = `${local.modelInfo.name}@${local.modelInfo.version}`;
      const client = clientFor({ db: kiosk.db, dataDir: kiosk.dir });
      await hubEmbed(client, model, ['warm up the hub encoder'], 30_000);
      await local.embed(['warm up']);
      const lat = { local: [] as number[], hub: [] as number[] };
      for (let i = 0; i < 200; i++) {
        const q = [`where can I find the oat milk number ${i}`];
        let t0 = performance.now();
        await local.embed(q);
        lat.local.push(performance.now() - t0);
        t0 = performance.now();
        await hubEmbed(client, model, [`${q[0]} at the hub`], 5_000);
        lat.hub.push(performance.now() - t0);
      }
      await local.close();
      for (const k of ['local', 'hub'] as const) {
        const where = k === 'local' ? 'on the kiosk (int8, 1 thread)' : 'by the hub (fp32, signed HTTP over loopback)';
        rows.push({ bench: 'hub', metric: `one query embedded ${where} p50`, value: pct(lat[k], 50), unit: 'ms' });
        rows.push({ bench: 'hub', metric: `one query embedded ${where} p95`, value: pct(lat[k], 95), unit: 'ms' });
      }
    }

    // 2. 10 terminals × 20 transactions/s through the hub.
    const seconds = Number(process.env.BENCH_HUB_SECONDS ?? 60);
    const lanes = await Promise.all(Array.from({ length: 10 }, (_, i) => terminal(`lane-${i}`, true, 5_000)));
    const sku = lanes[0]!.db.prepare('SELECT sku FROM products ORDER BY sku LIMIT 1').pluck().get() as string;
    const cpu0 = procStats(hub.proc.pid!);
    const t0 = performance.now();
    let n = 0;
    for (let s = 0; s < seconds; s++) {
      const tick = performance.now();
      for (const [k, l] of lanes.entries()) {
        for (let j = 0; j < 20; j++) {
          const t: TxnRecord = {
            id: `bench-${k}-${s}-${j}`, ts: new Date().toISOString(), terminalId: `lane-${k}`, cashierId: 'u-cashier', type: 'sale',
            items: [{ sku, qty: 1, unitCents: 199, overrideCents: null, discountCents: 0 } as TxnRecord['items'][number]], totalCents: 199,
            tender: { method: 'card', fingerprint: `fp-${k}-${j}`, last4: '4242', entryMode: 'tap' }, receiptRef: null, originalTxnId: null,
          };
          recordTransaction(l.db, t, DECISION);
          n++;
        }
      }
      await sleep(Math.max(0, 1000 - (performance.now() - tick)));
    }
    const written = lanes.reduce((a, l) => a + (l.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number), 0);
    for (;;) {
      const pending = lanes.reduce((a, l) => a + (l.db.prepare("SELECT count(*) FROM outbox WHERE status != 'acked'").pluck().get() as number), 0);
      const st = await hubAdmin.call<{ upstreamBacklog: number }>('GET', '/v1/admin/hub');
      if (!pending && !st.upstreamBacklog) break;
      await sleep(200);
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu1 = procStats(hub.proc.pid!);
    const summary = await platform.admin.call<{ records: number; byOrigin: Record<string, { records: number; distinct: number }> }>('GET', `/v1/admin/stores/${STORE}/records`);
    const laneRecords = lanes.reduce((a, l) => a + (summary.byOrigin[l.id]?.records ?? 0), 0);
    const distinct = lanes.reduce((a, l) => a + (summary.byOrigin[l.id]?.distinct ?? 0), 0);
    rows.push({ bench: 'hub', metric: `10 lanes × 20 txn/s × ${seconds} s: transactions written`, value: n, unit: 'txns' });
    rows.push({ bench: 'hub', metric: '… records the lanes wrote (transaction, fraud decision, stock movement)', value: written, unit: 'records' });
    rows.push({ bench: 'hub', metric: '… of them at the platform, each once (−1 if any twice)', value: laneRecords === distinct ? laneRecords : -1, unit: 'records' });
    rows.push({ bench: 'hub', metric: '… until the last one is at the platform', value: wall, unit: 's' });
    rows.push({ bench: 'hub', metric: '… hub peak RSS', value: cpu1.rssPeakMb, unit: 'MiB' });
    rows.push({ bench: 'hub', metric: '… hub CPU (share of one core over the run)', value: (100 * (cpu1.cpuS - cpu0.cpuS)) / wall, unit: '%' });
    for (const l of lanes) l.stop();

    // 3. Outage backlog at the hub, drained when the platform returns.
    const backlog = Number(process.env.BENCH_HUB_BACKLOG ?? 100_000);
    await platform.kill();
    const feeder = await terminal('feeder', false, 3_600_000);
    feeder.stop();
    for (let i = 0; i < backlog; i += 1000) recordInteractions(feeder.db, Array.from({ length: Math.min(1000, backlog - i) }, (_, k) => interaction(i + k)));
    const f0 = performance.now();
    await syncOnce({ db: feeder.db, dataDir: feeder.dir, retry: { attempts: 8, baseMs: 100, capMs: 2000 }, timeoutMs: 60_000 });
    rows.push({ bench: 'hub', metric: `terminal → hub upload of ${backlog} interactions (platform down)`, value: (performance.now() - f0) / 1000, unit: 's' });
    const before = (await hubAdmin.call<{ upstreamBacklog: number }>('GET', '/v1/admin/hub')).upstreamBacklog;
    await platform.restart();
    const d0 = performance.now();
    for (;;) {
      const st = await hubAdmin.call<{ upstreamBacklog: number }>('GET', '/v1/admin/hub');
      if (!st.upstreamBacklog) break;
      await sleep(100);
    }
    rows.push({ bench: 'hub', metric: `hub → platform drain of a ${before}-record outage backlog`, value: (performance.now() - d0) / 1000, unit: 's', target: '≤ 60 s for 100k' });
  } finally {
    for (const t of terminals) {
      t.stop();
      t.db.close();
    }
    await hub.kill('SIGTERM');
    await platform.kill('SIGTERM');
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
