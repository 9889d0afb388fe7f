// Runs: node (core). The sync service's small key/value state in SQLite (table sync_state): who
// this terminal is at the platform, the download cursor, the clock offset, the last result.
// Values are JSON; setState joins the caller's transaction, so a cursor commits with its data.
import type { Db } from '../db/database.ts';

export interface Enrollment {
  server: string;
  terminalId: string;
  storeId: string;
  enrolledAt: string;
}

export interface SyncStateMap {
  enrollment: Enrollment;
  /** Last change id applied from the platform's per-store change log. */
  changeCursor: number;
  /** platform clock − local clock, ms (from the platform's x-storemind-time header). */
  clockOffsetMs: number;
  /** Highest signed targets metadata version accepted (rollback protection). */
  targetsVersion: number;
  lastSyncAt: string;
  lastError: string | null;
  /** Acked outbox rows are kept this long, then purged. */
  ackedRetentionHours: number;
  /** Set when the platform said this terminal is revoked: sync stops until re-enrolled. */
  revoked: boolean;
}

export const stateDefaults: Partial<SyncStateMap> = { changeCursor: 0, clockOffsetMs: 0, targetsVersion: 0, ackedRetentionHours: 72, revoked: false, lastError: null };

export function getState<K extends keyof SyncStateMap>(db: Db, key: K): SyncStateMap[K] | undefined {
  const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return stateDefaults[key] as SyncStateMap[K] | undefined;
  try {
    return JSON.parse(row.value) as SyncStateMap[K];
  } catch {
    return stateDefaults[key] as SyncStateMap[K] | undefined;
  }
}

export function setState<K extends keyof SyncStateMap>(db: Db, key: K, value: SyncStateMap[K], now = new Date()): void {
  db.prepare('INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    key, JSON.stringify(value), now.toISOString(),
  );
}
