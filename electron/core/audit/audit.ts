// Runs: node (core). The append-only, hash-chained audit log: each entry's hash covers its content
// and the previous entry's hash, so editing or deleting any entry breaks every hash after it.
// Entries are also queued for sync in the same transaction.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { enqueue } from '../db/outbox.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  ts: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(e: Omit<AuditEntry, 'hash' | 'seq'> & { seq: number }): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([e.seq, e.ts, e.actor, e.action, e.target, e.details, e.prev_hash]))
    .digest('hex');
}

/** Appends one entry. Joins the caller's transaction if there is one. */
export function appendAudit(db: Db, actor: string, action: string, target = '', details: unknown = {}, now = new Date()): AuditEntry {
  const write = db.transaction(() => {
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const entry = { seq, ts: now.toISOString(), actor, action, target, details: JSON.stringify(details ?? {}), prev_hash: last?.hash ?? GENESIS_HASH };
    const hash = entryHash(entry);
    db.prepare('INSERT INTO audit_log (seq, ts, actor, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      seq, entry.ts, actor, action, target, entry.details, entry.prev_hash, hash,
    );
    const full = { ...entry, hash };
    enqueue(db, 'audit', String(seq), full, now);
    return full;
  });
  return write();
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; entries: number; firstBadSeq: number; reason: string };

/** Walks the chain from the start; names the first entry whose hash or link does not hold. */
export function verifyAuditChain(db: Db): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let n = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditEntry>) {
    n++;
    if (row.seq !== expectedSeq) return { ok: false, entries: n, firstBadSeq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    if (row.prev_hash !== prev) return { ok: false, entries: n, firstBadSeq: row.seq, reason: 'link to the previous entry is broken' };
    if (entryHash(row) !== row.hash) return { ok: false, entries: n, firstBadSeq: row.seq, reason: 'content does not match its hash' };
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries: n };
}
