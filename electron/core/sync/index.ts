// Runs: node (core). The sync service as the core sees it: registered as extension 'sync' by
// createCore(); runs the background loop only when this terminal is enrolled (and the loop is
// not disabled with STOREMIND_SYNC_INTERVAL_MS=0); emits `sync.state` events to the UIs.
import type { CoreServices } from '../api/context.ts';
import { getState } from './state.ts';
import { loadPinnedRootKey, modelUpdater } from './models.ts';
import { startSyncLoop, syncOnce, syncStatus, type SyncLoop, type SyncOptions, type SyncResult } from './service.ts';

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

export function startSync(services: CoreServices, env: NodeJS.ProcessEnv = process.env): SyncService {
  const interval = env.STOREMIND_SYNC_INTERVAL_MS === undefined ? 30_000 : Number(env.STOREMIND_SYNC_INTERVAL_MS);
  let loop: SyncLoop | null = null;
  const start = () => {
    loop?.stop();
    loop = null;
    if (interval > 0 && getState(services.db, 'enrollment')) loop = startSyncLoop({ ...syncOptions(services), intervalMs: interval });
  };
  start();
  const svc: SyncService = {
    syncNow: () => syncOnce(syncOptions(services)),
    status: () => syncStatus(services.db, loop?.state()),
    restart: start,
    stop: () => {
      loop?.stop();
      loop = null;
    },
  };
  services.extensions.set('sync', svc);
  return svc;
}
