// Runs: node (central platform). One way to reach the database: a `pg` pool. With --database-url
// it points at a real PostgreSQL server; without, PGlite keeps the data in the data folder and
// @electric-sql/pglite-socket serves it over the PostgreSQL wire protocol on a private Unix socket, so
// the same SQL, driver and job queue (pg-boss) run in both modes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// bigint columns (counts, sequences) come back as JS numbers: every value we store fits 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface CentralDb {
  pool: pg.Pool;
  kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction on one connection; rolls back on any error. */
  tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  dataDir: string;
  databaseUrl?: string;
  /** Pool size for a real server (default 10). PGlite always gets one connection. */
  poolSize?: number;
  /** A long-lived server creates a fresh PGlite database in a child process (see initInChild). */
  initInChild?: boolean;
}

/** The platform's or hub's own database cannot be opened: refused with what to do, never a crash. */
export class CentralDbError extends Error {
  readonly code = 'DB_CORRUPT';
  constructor(message: string) {
    super(message);
    this.name = 'CentralDbError';
  }
}

/**
 * A fresh data folder's initdb runs in a child process that exits (central/pglite-init.mjs): the
 * memory initdb grows is never returned, and the server opening an existing database stays at
 * about half of it (`npm run bench -- --only hub`: first start vs restart).
 */
function initInChild(dir: string): void {
  const script = fileURLToPath(new URL('./pglite-init.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script, dir], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`creating the embedded database failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim().slice(0, 500)}`);
}

export async function openCentralDb(opts: OpenDbOptions): Promise<CentralDb> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, idleTimeoutMillis: 30_000 });
    pool.on('error', (e) => console.error(`[db] idle client error: ${e.message}`));
    await pool.query('SELECT 1');
    return wrap(pool, 'postgres', async () => pool.end());
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = path.join(opts.dataDir, 'pgdata');
  fs.mkdirSync(dir, { recursive: true });
  let lite: Awaited<ReturnType<typeof PGlite.create>>;
  try {
    if (opts.initInChild && !fs.existsSync(path.join(dir, 'PG_VERSION'))) initInChild(dir);
    lite = await PGlite.create(dir);
  } catch (e) {
    throw new CentralDbError(
      `The embedded database in ${dir} cannot be opened (${(e as Error).message}), so nothing was started. ` +
        'Restore that folder from a backup, or move it aside to start with an empty one (a store hub must then be enrolled again).',
    );
  }
  // PGlite is one session. The socket server multiplexes connections, but messages of two clients'
  // extended-protocol exchanges could interleave, so the pool holds exactly one connection and
  // never lets it idle out; transactions then serialize in the pool.
  // The wire protocol is served on a Unix socket in a private folder (0700, socket 0600), not a
  // TCP port: PGlite has no authentication, and any local user or web page could reach a port.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-pglite-'));
  fs.chmodSync(socketDir, 0o700);
  const server = new PGLiteSocketServer({ db: lite, path: path.join(socketDir, '.s.PGSQL.5432'), maxConnections: 4 });
  await server.start();
  fs.chmodSync(path.join(socketDir, '.s.PGSQL.5432'), 0o600);
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1, idleTimeoutMillis: 0 });
  pool.on('error', (e) => console.error(`[db] idle client error: ${e.message}`));
  return wrap(pool, 'pglite', async () => {
    await pool.end();
    await server.stop();
    await lite.close();
    fs.rmSync(socketDir, { recursive: true, force: true });
  });
}

function wrap(pool: pg.Pool, kind: CentralDb['kind'], closeAll: () => Promise<void>): CentralDb {
  let closed = false;
  return {
    pool,
    kind,
    async tx(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeAll();
    },
  };
}
