// Runs: node (vitest). The embedded platform's own trust boundaries: its PGlite database is not on a
// TCP port anyone on the machine could reach without a password (a private Unix socket instead),
// and one data folder serves one platform at a time. And the terminal's commits are durable.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { startPostgres, type PgServer } from '../sync/helpers/postgres.ts';

describe('embedded platform', () => {
  const dataDir = tempDir('storemind-central-');
  let platform: Platform;

  beforeAll(async () => {
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'platform-hardening-admin-token';
    platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('serves PGlite on a Unix socket only its owner can open, not on a TCP port', async () => {
    const opts = (platform.db.pool as unknown as { options: { host?: string; port?: number; connectionString?: string } }).options;
    expect(opts.connectionString).toBeUndefined();
    const dir = opts.host!;
    expect(path.isAbsolute(dir)).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, `.s.PGSQL.${opts.port}`)).mode & 0o777).toBe(0o600);
    // The pool works through it.
    expect((await platform.db.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    // No PostgreSQL wire protocol answers on the loopback ports this process listens on, other than its HTTP port.
    const listening = fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).filter((l) => l.trim().split(/\s+/)[3] === '0A');
    const inodes = new Set(fs.readdirSync(`/proc/${process.pid}/fd`).map((fd) => { try { return fs.readlinkSync(`/proc/${process.pid}/fd/${fd}`); } catch { return ''; } }).filter((l) => l.startsWith('socket:')).map((l) => l.slice(8, -1)));
    const mine = listening.filter((l) => inodes.has(l.trim().split(/\s+/)[9]!)).map((l) => parseInt(l.trim().split(/\s+/)[1]!.split(':')[1]!, 16));
    expect(mine).toEqual([platform.port]);
    const http = await new Promise<boolean>((resolve) => {
      const s = net.connect(platform.port, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    expect(http).toBe(true);
  });

  it('refuses a second platform on the same data folder, with a clear reason', async () => {
    await expect(startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' })).rejects.toThrow(/Another platform \(pid \d+\) is using the data folder|already runs a platform/);
    // The first one still answers.
    expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);
  });

  it('takes over a lock left by a platform that no longer runs', async () => {
    const other = tempDir('storemind-central-');
    fs.writeFileSync(path.join(other, 'platform.lock'), '999999999\n'); // no such process
    const p = await startPlatform({ dataDir: other, port: 0, jobs: false, logLevel: 'silent' });
    await p.close();
    expect(fs.existsSync(path.join(other, 'platform.lock'))).toBe(false);
  });
});

describe('two platform instances on one PostgreSQL', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    delete process.env.STOREMIND_CENTRAL_ROOT_KEY;
    await pg?.stop();
  });

  it('sign with one fleet key: an instance with a key of its own is refused, and starts once given the fleet key', async () => {
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'platform-hardening-admin-token';
    const databaseUrl = await pg.createDatabase('fleet');
    const first = await startPlatform({ dataDir: tempDir('storemind-central-a-'), databaseUrl, port: 0, jobs: false, logLevel: 'silent' });
    try {
      await expect(startPlatform({ dataDir: tempDir('storemind-central-b-'), databaseUrl, port: 0, jobs: false, logLevel: 'silent' })).rejects.toThrow(/This fleet signs with root key .* but this instance has/);
      process.env.STOREMIND_CENTRAL_ROOT_KEY = first.rootKeyFile;
      const second = await startPlatform({ dataDir: tempDir('storemind-central-b-'), databaseUrl, port: 0, jobs: false, logLevel: 'silent' });
      await second.close();
    } finally {
      delete process.env.STOREMIND_CENTRAL_ROOT_KEY;
      await first.close();
    }
  });
});

describe('terminal database', () => {
  const dir = tempDir();
  it('commits durably (synchronous=FULL): a sale whose receipt printed survives a power cut', () => {
    const db = openDatabase(path.join(dir, 'durable.db'));
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});
