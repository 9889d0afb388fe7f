// Runs: node (core). Composes the core: opens the terminal's SQLite store, seeds the demo store on
// first run, and returns the one dispatch function every host calls. Hosts (Electron utility
// process, browser host, CLI) never reach into services directly.
import fs from 'node:fs';
import { openDatabase, type Db } from './db/database.ts';
import { createSessionStore } from './auth/sessions.ts';
import { seedDemoStaff, type TerminalLock } from './auth/users.ts';
import { getSetting } from './settings/settings.ts';
import { seedDemoStore } from './catalog/seed.ts';
import { createDispatcher, type Dispatch, type DispatchLog } from './api/dispatch.ts';
import { handlers } from './api/handlers.ts';
import type { CoreServices } from './api/context.ts';
import { appRoot, databasePath } from './paths.ts';

export interface CoreOptions {
  dataDir: string;
  /** Seed the bundled demo store and demo staff on first run (default true). */
  seedDemo?: boolean;
  log?: DispatchLog;
  onSlowQuery?: (sql: string, ms: number) => void;
}

export interface Core {
  services: CoreServices;
  db: Db;
  dispatch: Dispatch;
  onEvent: (listener: (event: string, payload: unknown) => void) => () => void;
  close: () => void;
}

export function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(`${appRoot()}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function createCore(opts: CoreOptions): Core {
  const dbPath = databasePath(opts.dataDir);
  const db = openDatabase(dbPath, {
    onSlowQuery: opts.onSlowQuery ?? ((sql, ms) => console.warn(`[db] slow query ${ms.toFixed(1)} ms: ${sql.slice(0, 120)}`)),
  });
  if (opts.seedDemo ?? true) {
    seedDemoStore(db);
    seedDemoStaff(db);
  }
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const terminalLock: TerminalLock = { failures: 0, lockedUntil: null };
  const services: CoreServices = {
    db,
    dataDir: opts.dataDir,
    dbPath,
    appVersion: appVersion(),
    sessions: createSessionStore(() => getSetting(db, 'sessionIdleMinutes')),
    terminalLock,
    modelVersions: () => [],
    emit: (event, payload) => listeners.forEach((l) => l(event, payload)),
    extensions: new Map(),
  };
  const dispatch = createDispatcher(services, handlers, opts.log);
  return {
    services,
    db,
    dispatch,
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => db.close(),
  };
}
