// Runs: node (vitest). Two platform instances on one PostgreSQL serve a fleet together, behind a
// load balancer on 127.0.0.1 (a real HTTP proxy): it sends each request to the next instance in
// turn; it delivers every other upload to both instances at once (a balancer retrying on another
// backend: the copy is a replay), and loses the answer to every fifth upload after an instance
// committed it (the terminal sends the batch again, newly signed, and the next instance gets it).
// The terminal never knows which instance answered; every record is stored exactly once, and a
// change written through one instance reaches the terminal through the other.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../../../central/admin-client.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { getSetting } from '../../../electron/core/settings/settings.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { startPostgres, type PgServer } from './helpers/postgres.ts';
import { makeTerminal, type TestTerminal } from './helpers/terminal.ts';

interface Balancer {
  url: string;
  served: number[];
  doubled: number;
  lost: number;
  close(): Promise<void>;
}

function forward(target: string, req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request(new URL(req.url!, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    out.on('error', reject);
    out.end(body);
  });
}

async function startBalancer(targets: string[]): Promise<Balancer> {
  let next = 0;
  let uploads = 0;
  const b: Balancer = { url: '', served: targets.map(() => 0), doubled: 0, lost: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const i = next++ % targets.length;
      b.served[i]!++;
      try {
        const primary = forward(targets[i]!, req, body);
        const n = req.url === '/v1/upload' ? uploads++ : -1;
        if (n % 2 === 1) {
          // The same signed batch at the other instance too, at the same moment.
          b.doubled++;
          void forward(targets[(i + 1) % targets.length]!, req, body).catch(() => {});
        }
        const r = await primary;
        if (n % 5 === 4 && r.status === 200) {
          b.lost++;
          res.writeHead(502).end();
          return;
        }
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  b.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  b.close = () => new Promise((r) => server.close(() => r()));
  return b;
}

describe('two platform instances behind a load balancer', () => {
  let pg: PgServer;
  let a: Platform;
  let b: Platform;
  let lb: Balancer;
  let terminal: TestTerminal;

  beforeAll(async () => {
    pg = await startPostgres();
    const databaseUrl = await pg.createDatabase('fleet');
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'scale-out-admin-token';
    a = await startPlatform({ dataDir: tempDir('storemind-central-a-'), databaseUrl, port: 0, jobs: true, logLevel: 'silent' });
    process.env.STOREMIND_CENTRAL_ROOT_KEY = a.rootKeyFile;
    b = await startPlatform({ dataDir: tempDir('storemind-central-b-'), databaseUrl, port: 0, jobs: true, logLevel: 'silent' });
    lb = await startBalancer([a.url, b.url]);
    terminal = await makeTerminal(new AdminClient(lb.url, a.admin.token), lb.url, 'scale-1');
  }, 120_000);

  afterAll(async () => {
    delete process.env.STOREMIND_CENTRAL_ROOT_KEY;
    terminal?.close();
    await lb?.close();
    await b?.close();
    await a?.close();
    await pg?.stop();
  });

  it('stores every record exactly once whichever instance takes each batch, and a resent batch adds nothing', async () => {
    terminal.write(3000);
    for (let pass = 0; terminal.counts().pending > 0 && pass < 200; pass++) {
      await terminal.sync({ limits: { maxRows: 150, maxBytes: 1 << 20 } }).catch(() => null);
    }
    expect(terminal.counts()).toMatchObject({ pending: 0, quarantined: 0 });
    expect(lb.served.every((n) => n > 5)).toBe(true);
    expect(lb.doubled).toBeGreaterThan(5);
    expect(lb.lost).toBeGreaterThan(2);

    const written = terminal.counts().total;
    for (const p of [a, b]) {
      const s = await new AdminClient(p.url, p.admin.token).call<{ records: number; byOrigin: Record<string, { records: number; distinct: number }> }>('GET', '/v1/admin/stores/scale-1/records');
      expect(s.byOrigin[terminal.terminalId]).toEqual({ records: written, distinct: written });
    }
    // The batches whose answers were lost came again and were recognised, not stored twice.
    const dup = await a.db.pool.query<{ duplicates: string }>('SELECT duplicates FROM terminals WHERE id = $1', [terminal.terminalId]);
    expect(Number(dup.rows[0]!.duplicates)).toBeGreaterThan(0);
  });

  it('sends a change written through one instance to a terminal that syncs through the other', async () => {
    await new AdminClient(b.url, b.admin.token).publishChanges('scale-1', [{ kind: 'setting', key: 'idleResetSeconds', op: 'upsert', data: 140 }]);
    for (let i = 0; i < 4 && getSetting(terminal.db, 'idleResetSeconds') !== 140; i++) await terminal.sync();
    expect(getSetting(terminal.db, 'idleResetSeconds')).toBe(140);
  });
});
