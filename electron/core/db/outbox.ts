// Runs: node (core). The write side of the outbox: a business write that must reach the central
// platform calls enqueue() inside its own db.transaction(), so the record and its outbox row
// commit or roll back together. The sync service reads and acknowledges rows.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.ts';
import { wellFormedJson } from '../text/unicode.ts';
import type { OUTBOX_KINDS } from '../../../common/api/sync.ts';

export type OutboxKind = (typeof OUTBOX_KINDS)[number];

// Who wants to hear that a row was queued (the sync loop uploads store-shared rows at once).
const listeners = new WeakMap<Db, (kind: OutboxKind) => void>();
export function onEnqueue(db: Db, fn: ((kind: OutboxKind) => void) | null): void {
  if (fn) listeners.set(db, fn);
  else listeners.delete(db);
}

/** Every business write queues its rows through this one statement, prepared once per database. */
const inserts = new WeakMap<Db, BetterSqlite3.Statement>();

export function enqueue(db: Db, kind: OutboxKind, recordId: string, payload: unknown, now = new Date()): number {
  if (!db.inTransaction) throw new Error('outbox.enqueue must run inside the business write\'s transaction');
  let insert = inserts.get(db);
  if (!insert) inserts.set(db, (insert = db.prepare('INSERT INTO outbox (kind, record_id, payload, created_at) VALUES (?, ?, ?, ?)')));
  const info = insert.run(kind, recordId, wellFormedJson(JSON.stringify(payload)), now.toISOString()); // what the platform's jsonb can store
  listeners.get(db)?.(kind);
  return Number(info.lastInsertRowid);
}

export function pendingCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
}
