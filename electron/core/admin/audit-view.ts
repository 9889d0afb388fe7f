// Runs: node (core). The audit log as the back office reads it: newest first, keyset by seq, and
// the chain's verification on the first page (the same check as `storemind audit verify`).
import type { Db } from '../db/database.ts';
import { verifyAuditChain } from '../audit/audit.ts';

export function listAudit(db: Db, before: number | undefined, limit = 50) {
  const rows = db
    // People read names: the actor's, and the target's when it is a staff account.
    .prepare(`SELECT a.seq, a.ts, a.actor, u.name AS actorName, a.action, a.target, t.name AS targetName, a.details FROM audit_log a
      LEFT JOIN users u ON u.id = a.actor LEFT JOIN users t ON t.id = a.target ${before ? 'WHERE a.seq < @before' : ''} ORDER BY a.seq DESC LIMIT @limit`)
    .all({ ...(before ? { before } : {}), limit: limit + 1 }) as Array<{ seq: number; ts: string; actor: string; actorName: string | null; action: string; target: string; targetName: string | null; details: string }>;
  const more = rows.length > limit;
  const entries = more ? rows.slice(0, limit) : rows;
  const v = verifyAuditChain(db);
  return {
    entries,
    nextBefore: more ? (entries.at(-1)?.seq ?? null) : null,
    chain: { ok: v.ok, entries: v.entries, firstBadSeq: v.ok ? null : v.firstBadSeq, reason: v.ok ? null : v.reason },
  };
}
