// Runs: node (core). Composes the core: opens the terminal's SQLite store, seeds the demo store on
// first run, and returns the one dispatch function every host calls. Hosts (Electron utility
// process, browser host, CLI) never reach into services directly.
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from './db/errors.ts';
import { keyFile } from './sync/identity.ts';
import { openDatabase, type Db } from './db/database.ts';
import { createSessionStore } from './auth/sessions.ts';
import { seedDemoStaff } from './auth/users.ts';
import { getSetting } from './settings/settings.ts';
import { seedDemoStore } from './catalog/seed.ts';
import { createSearchIndex, warmSearch } from './search/engine.ts';
import { fileKeyStore, KEY_FILE, resolveDatabaseKey } from './db/key.ts';
import { createDispatcher, type Dispatch, type DispatchLog } from './api/dispatch.ts';
import { handlers } from './api/handlers.ts';
import type { CoreServices } from './api/context.ts';
import { appRoot, databasePath } from './paths.ts';
import { ENCODER_NAME, startModelService, type ModelServiceOptions } from './model-service.ts';
import { embedMissing } from './search/vectors.ts';
import { KIOSK_HEAD_MODEL, reloadAssistantModel } from './assistant/service.ts';
import { startAdmin } from './admin/service.ts';
import { startPrintWorker } from './printing/worker.ts';
import { startSync } from './sync/index.ts';
import { startForecastSchedule } from './inventory/forecast-job.ts';
import { startRecommenderSchedule } from './recommend/service.ts';
import { clientFor } from './sync/service.ts';
import { registerFraudRuleDownloads } from './fraud/sync-rules.ts';
import { registerStoreLiveDownloads } from './sync/store-live.ts';
import { FRAUD_MODEL_NAME } from './fraud/model.ts';
import { reloadFraudModel } from './fraud/service.ts';
import type { SearchIndex } from './search/engine.ts';

export interface CoreOptions {
  dataDir: string;
  /** Seed the bundled demo store and demo staff on first run (default true). */
  seedDemo?: boolean;
  log?: DispatchLog;
  /** The database key from the OS keychain (Electron safeStorage); else a 0600 key file is used. */
  dbKey?: Buffer;
  /** Encrypt the database at rest (default true). */
  encrypt?: boolean;
  /** Load the on-device models in the background (default true; tests of other domains skip it). */
  loadModels?: boolean;
  onSlowQuery?: (sql: string, ms: number) => void;
}

export interface Core {
  services: CoreServices;
  db: Db;
  dispatch: Dispatch;
  /** Resolves when background start-up work (model loading, embedding new products) is done. */
  ready: Promise<void>;
  onEvent: (listener: (event: string, payload: unknown) => void) => () => void;
  close: () => void;
}

export function appVersion(): string {
  try {
    // package.json stays inside app.asar when packaged; appRoot() may point at the unpacked copy.
    const file = [`${appRoot()}/package.json`, `${appRoot().replace(/\.unpacked$/, '')}/package.json`].find((f) => fs.existsSync(f));
    return (JSON.parse(fs.readFileSync(file ?? '', 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * A terminal that was set up before (its database key or its enrollment key is in the data folder)
 * but whose database file is empty must not start over as a fresh demo store: enrollment, sales
 * and staff would be silently replaced. It stops with what to do instead.
 */
function refuseEmptyDatabase(dataDir: string, dbPath: string): void {
  if (!fs.existsSync(dbPath) || fs.statSync(dbPath).size > 0) return;
  const keys = [path.join(dataDir, KEY_FILE), keyFile(dataDir)].filter((f) => fs.existsSync(f));
  if (!keys.length) return;
  throw new CoreError('DB_CORRUPT', `Database ${dbPath} is empty, but this terminal was set up before (${keys.map((k) => path.basename(k)).join(', ')} exist): StoreMind will not start over as a new store. Restore the database from a backup, or move the data folder aside to set the terminal up again.`);
}

export function createCore(opts: CoreOptions): Core {
  const dbPath = databasePath(opts.dataDir);
  refuseEmptyDatabase(opts.dataDir, dbPath);
  const key = opts.encrypt === false ? null : (opts.dbKey ?? resolveDatabaseKey(fileKeyStore(opts.dataDir), fs.existsSync(dbPath)));
  const db = openDatabase(dbPath, {
    key,
    // One line per slow query (the SQL's own line breaks and indentation collapsed), so logs stay greppable.
    onSlowQuery: opts.onSlowQuery ?? ((sql, ms) => console.warn(`[db] slow query ${ms.toFixed(1)} ms: ${sql.replace(/\s+/g, ' ').trim().slice(0, 160)}`)),
  });
  if (opts.seedDemo ?? true) {
    seedDemoStore(db);
    seedDemoStaff(db);
  }
  const models = startModelService(db, { load: opts.loadModels ?? true, hubEncoder: hubEncoderOption(db, opts.dataDir) });
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const services: CoreServices = {
    db,
    dataDir: opts.dataDir,
    dbPath,
    appVersion: appVersion(),
    sessions: createSessionStore(() => getSetting(db, 'sessionIdleMinutes')),
    modelVersions: () => models.versions(),
    embedder: () => models.embedder(),
    emit: (event, payload) => listeners.forEach((l) => l(event, payload)),
    extensions: {},
  };
  const searchIndex = createSearchIndex(db);
  services.extensions.search = searchIndex;
  services.extensions.models = models;
  const ready = models.ready.then(() => attachEmbedder(searchIndex, models.embedder()));
  // Search warm-up (#21): a few representative queries, one per event-loop turn, so the first shopper gets the same speed as the hundredth; again (one hybrid query) once the encoder is attached.
  setImmediate(() => void warmSearch(searchIndex, { semantic: false }));
  void ready.then(() => warmSearch(searchIndex, { lexical: false })).catch(() => undefined);
  // Hot model switch: a verified encoder update (sync emits models.changed) is loaded beside the
  // running one; search embeds the catalog with it before the swap, then the old one is closed.
  models.onSwap(({ embedder }) => switchEmbedder(searchIndex, embedder));
  // The assistant's intent head re-binds too: to the new encoder on a swap, to a new head when one arrives.
  models.onSwap(({ encoder }) => reloadAssistantModel(services, encoder));
  listeners.add((event, payload) => {
    if (event !== 'models.changed') return;
    const name = (payload as { name?: string } | null)?.name;
    if (name === ENCODER_NAME) void models.reload().catch((e: Error) => console.warn(`[models] reload failed: ${e.message}`));
    if (name === KIOSK_HEAD_MODEL) void reloadAssistantModel(services).catch((e: Error) => console.warn(`[assistant] head reload failed: ${e.message}`));
    if (name === FRAUD_MODEL_NAME) void reloadFraudModel(services).catch((e: Error) => console.warn(`[fraud] model reload failed, the running model stays: ${e.message}`));
  });
  // The background services, started in one loop with one error policy: one that fails to start
  // is reported and the terminal runs without it (it keeps selling); close stops them in reverse.
  const running: Array<{ name: string; stop(): void }> = [];
  const start = (name: string, run: () => { stop(): void }) => {
    try {
      const svc = run();
      running.push({ name, stop: () => svc.stop() });
    } catch (e) {
      console.warn(`[${name}] start-up failed: ${(e as Error).message}`);
    }
  };
  start('admin', () => startAdmin(services)); // retention purge (now and daily), revoking deactivated staff's sessions
  // Receipts and drawer kicks: queued with each sale, sent by this worker (printing/worker.ts).
  start('printer', () => (services.extensions.printer = startPrintWorker(db, { emit: services.emit })));
  start('forecast', () => startForecastSchedule(db)); // nightly demand forecasts for replenishment
  start('recommend', () => startRecommenderSchedule(db, opts.dataDir)); // nightly "goes well with" from the store's baskets
  registerFraudRuleDownloads(); // rule sets from the platform go through the fraud engine's validation
  registerStoreLiveDownloads(); // tickets, stock, staff and lanes' transactions from the store hub
  start('sync', () => startSync(services)); // background sync with the central platform, once this terminal is enrolled
  const dispatch = createDispatcher(services, handlers, opts.log);
  return {
    services,
    db,
    dispatch,
    ready,
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => {
      for (const svc of running.reverse()) {
        try {
          svc.stop();
        } catch (e) {
          console.warn(`[${svc.name}] stop failed: ${(e as Error).message}`);
        }
      }
      void models.close();
      db.close();
    },
  };
}

/** Gives search the encoder and embeds products that have no vector for this model version yet. */
/**
 * Hybrid compute, off unless STOREMIND_HUB_ENCODER_MS gives the budget: the encoder asks the hub
 * (or platform) this terminal is enrolled with, and encodes locally when it is late or refuses.
 */
function hubEncoderOption(db: Db, dataDir: string): ModelServiceOptions['hubEncoder'] {
  const budgetMs = Number(process.env.STOREMIND_HUB_ENCODER_MS ?? 0);
  if (!Number.isFinite(budgetMs) || budgetMs <= 0) return undefined;
  return {
    budgetMs: Math.min(budgetMs, 1000),
    client: () => {
      try {
        return clientFor({ db, dataDir });
      } catch {
        return null; // not enrolled: local only
      }
    },
  };
}

async function attachEmbedder(index: SearchIndex, embedder: ReturnType<ReturnType<typeof startModelService>['embedder']>): Promise<void> {
  if (!embedder) return;
  try {
    index.embedder = embedder;
    await index.embedMissing();
    index.reloadVectors();
  } catch (e) {
    console.warn(`[search] semantic vectors unavailable: ${(e as Error).message}`);
  }
}

/** Moves search to a new encoder: vectors for its version first, then the switch (old vectors serve meanwhile). */
async function switchEmbedder(index: SearchIndex, embedder: NonNullable<ReturnType<ReturnType<typeof startModelService>['embedder']>>): Promise<void> {
  try {
    index.refresh();
    await embedMissing(index.db, embedder, (id) => index.docOf(id)?.embedText);
    index.embedder = embedder;
    index.reloadVectors();
  } catch (e) {
    console.warn(`[search] semantic vectors for ${embedder.version} unavailable: ${(e as Error).message}`);
    index.embedder = embedder; // never keep the encoder being swapped out: it is about to close
    index.reloadVectors();
  }
}
