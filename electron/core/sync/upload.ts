// Runs: node (core). The terminal side of upload: reads pending outbox rows in seq order into a
// batch capped by rows and bytes, and applies the platform's answer in one SQLite transaction
// (rows up to ackedThrough → acked; rows the platform rejected → quarantined with the reason,
// without blocking the rows behind them). Acked rows are purged after a retention period.
import type { Db } from '../db/database.ts';
import { MAX_BATCH_RECORDS, type UploadRecordT, type UploadResponseT } from '../../../common/api/sync.ts';

export interface BatchLimits {
  maxRows: number;
  /** Uncompressed JSON bytes of the records. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: BatchLimits = { maxRows: 2000, maxBytes: 2 * 1024 * 1024 };
/** The platform refuses a single record above this (central/ingest.ts MAX_RECORD_BYTES). */
export const MAX_RECORD_BYTES = 256 * 1024;

export interface Batch {
  records: UploadRecordT[];
  /** The request body's records array, as JSON text (payloads spliced in without re-encoding). */
  json: string;
  bytes: number;
}

interface OutboxRow {
  seq: number;
  kind: string;
  record_id: string;
  payload: string;
  created_at: string;
}

/** Quarantines one row locally (it can never be uploaded as it is); the reason is kept on the row. */
export function quarantine(db: Db, seq: number, reason: string): void {
  db.prepare("UPDATE outbox SET status = 'quarantined', last_error = ? WHERE seq = ? AND status = 'pending'").run(reason.slice(0, 500), seq);
}

export interface RequeueResult {
  /** Old seq → the new seq the row waits under. */
  moved: Array<{ from: number; to: number }>;
}

/**
 * Puts quarantined rows back in the upload queue (after the platform was fixed or upgraded), in one
 * transaction. Each row is queued again under a NEW seq: the platform acknowledges everything up to
 * the last seq it committed, so the old seq would be taken for a duplicate and never stored. The old
 * row is deleted in the same transaction, so a record is never queued twice (a seq named twice
 * counts once). `seqs` null = all.
 */
/** Records the platform refused, newest first, with its reason (written by the sync code from the platform's answer: no shopper text). */
export function quarantinedRows(db: Db, limit: number): { total: number; rows: Array<{ seq: number; kind: string; recordId: string; createdAt: string; attempts: number; reason: string | null }> } {
  const rows = db
    .prepare("SELECT seq, kind, record_id AS recordId, created_at AS createdAt, attempts, last_error AS reason FROM outbox WHERE status = 'quarantined' ORDER BY seq DESC LIMIT ?")
    .all(limit) as Array<{ seq: number; kind: string; recordId: string; createdAt: string; attempts: number; reason: string | null }>;
  const total = db.prepare("SELECT count(*) FROM outbox WHERE status = 'quarantined'").pluck().get() as number;
  return { total, rows };
}

export function requeueQuarantined(db: Db, seqs: readonly number[] | null): RequeueResult {
  return db.transaction(() => {
    const rows = (
      seqs === null
        ? db.prepare("SELECT seq, kind, record_id, payload, created_at FROM outbox WHERE status = 'quarantined' ORDER BY seq").all()
        : [...new Set(seqs)].map((seq) => db.prepare("SELECT seq, kind, record_id, payload, created_at FROM outbox WHERE status = 'quarantined' AND seq = ?").get(seq)).filter(Boolean)
    ) as OutboxRow[];
    const insert = db.prepare("INSERT INTO outbox (kind, record_id, payload, created_at, status) VALUES (?, ?, ?, ?, 'pending')");
    const remove = db.prepare("DELETE FROM outbox WHERE seq = ? AND status = 'quarantined'");
    const moved = rows.map((r) => {
      const to = Number(insert.run(r.kind, r.record_id, r.payload, r.created_at).lastInsertRowid);
      remove.run(r.seq);
      return { from: r.seq, to };
    });
    return { moved };
  })();
}

export function readBatch(db: Db, limits: BatchLimits = DEFAULT_LIMITS): Batch {
  const maxRows = Math.max(1, Math.min(limits.maxRows, MAX_BATCH_RECORDS));
  const rows = db
    .prepare("SELECT seq, kind, record_id, payload, created_at FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?")
    .all(maxRows) as OutboxRow[];
  const records: UploadRecordT[] = [];
  const parts: string[] = [];
  let bytes = 2;
  for (const r of rows) {
    let payload: unknown;
    try {
      payload = JSON.parse(r.payload);
    } catch {
      quarantine(db, r.seq, 'payload is not valid JSON');
      continue;
    }
    if (r.payload.length > MAX_RECORD_BYTES) {
      quarantine(db, r.seq, `payload is ${r.payload.length} bytes; the platform accepts at most ${MAX_RECORD_BYTES}`);
      continue;
    }
    const part = `{"seq":${r.seq},"kind":${JSON.stringify(r.kind)},"id":${JSON.stringify(r.record_id)},"createdAt":${JSON.stringify(r.created_at)},"payload":${r.payload}}`;
    if (records.length > 0 && bytes + part.length + 1 > limits.maxBytes) break;
    records.push({ seq: r.seq, kind: r.kind, id: r.record_id, createdAt: r.created_at, payload });
    parts.push(part);
    bytes += part.length + 1;
  }
  return { records, json: `[${parts.join(',')}]`, bytes };
}

export interface AckResult {
  acked: number;
  quarantined: number;
}

/** Applies the platform's answer to a batch in one transaction. */
export function applyAck(db: Db, res: UploadResponseT, now = new Date()): AckResult {
  return db.transaction(() => {
    let quarantined = 0;
    for (const r of res.rejected) {
      quarantined += db
        .prepare("UPDATE outbox SET status = 'quarantined', last_error = ? WHERE seq = ? AND status = 'pending'")
        .run(`rejected by the platform: ${r.reason}`.slice(0, 500), r.seq).changes;
    }
    const acked = db
      .prepare("UPDATE outbox SET status = 'acked', acked_at = ? WHERE status = 'pending' AND seq <= ?")
      .run(now.toISOString(), res.ackedThrough).changes;
    return { acked, quarantined };
  })();
}

/** Counts a failed attempt on the rows of a batch, so the admin can see what keeps failing. */
export function noteFailure(db: Db, seqs: number[], error: string): void {
  if (!seqs.length) return;
  db.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE status = 'pending' AND seq BETWEEN ? AND ?").run(error.slice(0, 500), seqs[0], seqs.at(-1));
}

/**
 * Deletes acked rows older than the retention. An interaction's row stays while the interaction
 * does: the admin retention purge deletes an interaction only when it finds its acked row.
 */
export function purgeAcked(db: Db, retentionHours: number, now = new Date()): number {
  const cutoff = new Date(now.getTime() - retentionHours * 3600_000).toISOString();
  return db
    .prepare(
      `DELETE FROM outbox WHERE status = 'acked' AND acked_at < ?
         AND NOT (kind = 'interaction' AND EXISTS (SELECT 1 FROM interactions i WHERE i.id = outbox.record_id))`,
    )
    .run(cutoff).changes;
}

export function outboxCounts(db: Db): { pending: number; quarantined: number; acked: number } {
  const rows = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as Array<{ status: string; n: number }>;
  const get = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { pending: get('pending'), quarantined: get('quarantined'), acked: get('acked') };
}
