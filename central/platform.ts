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
import { buildServer, type HubRoutes, type ServerConfig } from './server.ts';
import { cachedArtifact, startHubLink, type HubLink, type Upstream } from './hub-link.ts';
import { createLiveHub } from './live.ts';
import { hubStatus } from './store-view.ts';
import { createHubEncoder, type HubEncoder } from './hub-encode.ts';
import type { TerminalKey } from '../electron/core/sync/identity.ts';

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
  /** Run as a store hub (central/hub.ts starts it so): one store, relayed to the platform. */
  hub?: { upstream: Upstream; key: TerminalKey; linkIntervalMs?: number };
  /** Embedded mode: create a fresh database in a child process, so the server keeps half the memory (the serve commands do). */
  initInChild?: boolean;
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
    // A hub keeps its own admin token: the platform's token in the environment is not the store's.
    admin = loadAdminToken(dataDir, opts.hub ? {} : process.env);
    rootKey = loadRootKey(dataDir);
    db = await openCentralDb({ dataDir, databaseUrl: opts.databaseUrl, initInChild: opts.initInChild });
  } catch (e) {
    lock.release();
    throw e;
  }
  let jobs: Jobs | null = null;
  let link: HubLink | null = null;
  let hubEncoder: HubEncoder | undefined;
  try {
    await migrateCentral(db);
    await checkFleetRootKey(db.pool, rootKey);
    const models = { dataDir, rootKey, metadataTtlMs: opts.metadataTtlMs ?? 7 * 24 * 3600_000 };
    const live = createLiveHub();
    let hub: HubRoutes | undefined;
    if (opts.hub) {
      const { upstream, key } = opts.hub;
      await db.pool.query('INSERT INTO stores (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [upstream.storeId]);
      await db.pool.query('INSERT INTO hub_link (id) VALUES (1) ON CONFLICT (id) DO NOTHING');
      hubEncoder = createHubEncoder();
      const l = startHubLink({ db, dataDir, upstream, key, intervalMs: opts.hub.linkIntervalMs, onChanges: () => live.poke(upstream.storeId), log: (m) => console.warn(`[hub] ${m}`) });
      link = l;
      hub = {
        storeId: upstream.storeId,
        upstream,
        targets: async () => (await db.pool.query<{ targets: unknown }>('SELECT targets FROM hub_link WHERE id = 1')).rows[0]?.targets ?? null,
        artifactFile: async (sha) => (fs.existsSync(cachedArtifact(dataDir, sha)) ? cachedArtifact(dataDir, sha) : null),
        onIngest: () => l.kick(),
        status: () => hubStatus(db, upstream),
        encoder: hubEncoder,
      };
    }
    const app = buildServer({ db, adminToken: admin.token, models, logLevel: opts.logLevel, live, hub, ...opts.limits });
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port, host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.port;
    if ((opts.jobs ?? true) && !opts.hub) jobs = await startJobs(db, models, (m) => app.log.info(m));
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      app,
      admin,
      rootKeyFile: rootKey.file,
      async close() {
        await app.close();
        await link?.stop();
        await hubEncoder?.close();
        await jobs?.stop();
        await db.close();
        lock.release();
      },
    };
  } catch (e) {
    await link?.stop();
    await jobs?.stop();
    await db.close();
    lock.release();
    throw e;
  }
}
