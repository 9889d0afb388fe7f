// Runs: node (core). The sync service as the core sees it: registered as extension 'sync' by
// createCore(); runs the background loop only when this terminal is enrolled (and the loop is
// not disabled with STOREMIND_SYNC_INTERVAL_MS=0); emits `sync.state` events to the UIs.
import type { CoreServices } from '../api/context.ts';
import { getState } from './state.ts';
import { loadPinnedRootKey, modelUpdater } from './models.ts';
import { clientFor, startSyncLoop, syncOnce, syncStatus, type SyncLoop, type SyncOptions, type SyncResult } from './service.ts';
import { startLiveLink } from './live.ts';
import { onEnqueue, type OutboxKind } from '../db/outbox.ts';
import type { Db } from '../db/database.ts';

export { syncOnce, syncStatus, startSyncLoop, type SyncResult, type SyncOptions } from './service.ts';
export { enroll } from './enroll.ts';

export interface SyncService {
  /** One pass now (waits for a pass already running). */
  syncNow(): Promise<SyncResult>;
  status(): ReturnType<typeof syncStatus>;
  /** Starts the loop after an enrollment made while the core was running. */
  restart(): void;
  stop(): void;
}

export function syncOptions(services: CoreServices): SyncOptions {
  const root = loadPinnedRootKey();
  const log = (m: string) => console.warn(`[sync] ${m}`);
  return {
    // Model updates only with a pinned root key: without one nothing could be verified.
    models: root
      ? modelUpdater({ dataDir: services.dataDir, rootPublicKey: root, log, onActivated: (name, version) => services.emit('models.changed', { name, version }) })
      : undefined,
    db: services.db,
    dataDir: services.dataDir,
    appVersion: services.appVersion,
    emit: services.emit,
    modelVersions: () =>
      (services.db.prepare("SELECT name, version, status FROM models WHERE status IN ('active', 'failed') ORDER BY name").all() as Array<{ name: string; version: string; status: string }>),
    log,
  };
}

/** Records the rest of the store waits for: uploaded at once, not at the next poll. */
const STORE_SHARED: ReadonlySet<OutboxKind> = new Set(['help_ticket', 'stock_movement', 'staff', 'transaction', 'purchase_order', 'z_report', 'product_edit']);

/**
 * The loop plus the live link: a pass runs when the server says the store's log grew, and soon
 * after this terminal queues something the store shares (gathered over a few milliseconds).
 */
export function startLiveSync(o: SyncOptions & { intervalMs: number; firstDelayMs?: number; live?: boolean }): { stop(): void; loop: SyncLoop } {
  const loop = startSyncLoop(o);
  let soon: NodeJS.Timeout | null = null;
  const kickSoon = () => {
    if (soon) return;
    soon = setTimeout(() => {
      soon = null;
      void loop.kick();
    }, 30);
    soon.unref();
  };
  const live = o.live === false ? null : startLiveLink({ client: () => clientFor({ ...o, timeoutMs: 75_000 }), onChanges: kickSoon, log: o.log });
  const db: Db = o.db;
  onEnqueue(db, (kind) => {
    if (STORE_SHARED.has(kind)) kickSoon();
  });
  return {
    loop,
    stop() {
      loop.stop();
      live?.stop();
      if (soon) clearTimeout(soon);
      onEnqueue(db, null);
    },
  };
}

export function startSync(services: CoreServices, env: NodeJS.ProcessEnv = process.env): SyncService {
  const interval = env.STOREMIND_SYNC_INTERVAL_MS === undefined ? 30_000 : Number(env.STOREMIND_SYNC_INTERVAL_MS);
  let running: ReturnType<typeof startLiveSync> | null = null;
  let loop: SyncLoop | null = null;
  const start = () => {
    running?.stop();
    running = null;
    loop = null;
    if (interval > 0 && getState(services.db, 'enrollment')) {
      running = startLiveSync({ ...syncOptions(services), intervalMs: interval, live: env.STOREMIND_LIVE !== '0' });
      loop = running.loop;
    }
  };
  start();
  const svc: SyncService = {
    syncNow: () => syncOnce(syncOptions(services)),
    status: () => syncStatus(services.db, loop?.state()),
    restart: start,
    stop: () => {
      running?.stop();
      running = null;
      loop = null;
    },
  };
  services.extensions.sync = svc;
  return svc;
}
