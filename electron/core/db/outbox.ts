// Runs: node (core). The write side of the outbox: a business write that must reach the central
// platform calls enqueue() inside its own db.transaction(), so the record and its outbox row
// commit or roll back together. The sync service reads and acknowledges rows.
import type { Db } from './database.ts';
import { wellFormedJson } from '../text/unicode.ts';

export type OutboxKind =
  | 'interaction'
  | 'feedback'
  | 'help_ticket'
  | 'transaction'
  | 'fraud_decision'
  | 'fraud_verdict'
  | 'audit'
  | 'intent_correction';

export function enqueue(db: Db, kind: OutboxKind, recordId: string, payload: unknown, now = new Date()): number {
  if (!db.inTransaction) throw new Error('outbox.enqueue must run inside the business write\'s transaction');
  const info = db
    .prepare('INSERT INTO outbox (kind, record_id, payload, created_at) VALUES (?, ?, ?, ?)')
    .run(kind, recordId, wellFormedJson(JSON.stringify(payload)), now.toISOString()); // what the platform's jsonb can store
  return Number(info.lastInsertRowid);
}

export function pendingCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;
}
