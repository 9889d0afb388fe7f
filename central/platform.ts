// Runs: node (central platform). Starts one platform instance: database (PostgreSQL or embedded
// PGlite), migrations, secrets, HTTP server and background jobs; returns a handle to stop it.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { lockDataDir } from './data-lock.ts';
import { openCentralDb, type CentralDb } from './db.ts';
import { startJobs, type Jobs } from './jobs.ts';
import { checkFleetRootKey, loadAdminToken, loadRootKey, type AdminToken } from './keys.ts';
import { migrateCentral } from './migrations.ts';
import { buildServer, type ServerConfig } from './server.ts';

export interface PlatformOptions {
  dataDir: string;
  databaseUrl?: string;
  port: number;
  host?: string;
  /** Start pg-boss workers (default true). */
  jobs?: boolean;
  logLevel?: string;
  metadataTtlMs?: number;
  limits?: Pick<ServerConfig, 'maxBodyBytes' | 'maxDecompressedBytes' | 'maxArtifactBytes'>;
}

export interface Platform {
  url: string;
  port: number;
  db: CentralDb;
  app: FastifyInstance;
  admin: AdminToken;
  rootKeyFile: string;
  close(): Promise<void>;
}

export async function startPlatform(opts: PlatformOptions): Promise<Platform> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(dataDir);
  let db: CentralDb;
  let admin: AdminToken;
  let rootKey: ReturnType<typeof loadRootKey>;
  try {
    admin = loadAdminToken(dataDir);
    rootKey = loadRootKey(dataDir);
    db = await openCentralDb({ dataDir, databaseUrl: opts.databaseUrl });
  } catch (e) {
    lock.release();
    throw e;
  }
  let jobs: Jobs | null = null;
  try {
    await migrateCentral(db);
    await checkFleetRootKey(db.pool, rootKey);
    const models = { dataDir, rootKey, metadataTtlMs: opts.metadataTtlMs ?? 7 * 24 * 3600_000 };
    const app = buildServer({ db, adminToken: admin.token, models, logLevel: opts.logLevel, ...opts.limits });
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port, host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.port;
    if (opts.jobs ?? true) jobs = await startJobs(db, models, (m) => app.log.info(m));
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      app,
      admin,
      rootKeyFile: rootKey.file,
      async close() {
        await app.close();
        await jobs?.stop();
        await db.close();
        lock.release();
      },
    };
  } catch (e) {
    await jobs?.stop();
    await db.close();
    lock.release();
    throw e;
  }
}
