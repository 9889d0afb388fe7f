// Runs: node (central platform). Applies one uploaded batch in ONE transaction: the terminal's row
// is locked, records above its last committed seq are checked one by one (a bad record is
// rejected with its reason and does not block the others), accepted ones are inserted, and the
// new last seq is stored in the same transaction (as Replicache stores lastMutationID). A replayed
// batch therefore finds its seqs already committed: it is acknowledged, counted as duplicates,
// and not applied twice. Rejections are remembered, so a replay reports them again.
import { OUTBOX_KINDS, type UploadRequestT, type UploadResponseT } from '../common/api/sync.ts';
import type { CentralDb } from './db.ts';
import { forbidden } from './errors.ts';
import type { TerminalIdentity } from './terminal-auth.ts';

const KINDS = new Set<string>(OUTBOX_KINDS);
/** One record's JSON may not exceed this (a batch has its own, larger limit). */
export const MAX_RECORD_BYTES = 256 * 1024;

/** Why a record cannot be stored, or null when it can. */
export function recordProblem(r: UploadRequestT['records'][number], terminal: TerminalIdentity, json: string): string | null {
  if (!KINDS.has(r.kind)) return `unknown record kind "${r.kind.slice(0, 40)}"`;
  if (r.payload === null || typeof r.payload !== 'object' || Array.isArray(r.payload)) return 'payload must be a JSON object';
  if (json.length > MAX_RECORD_BYTES) return `payload is ${json.length} bytes; the limit is ${MAX_RECORD_BYTES}`;
  // PostgreSQL's jsonb cannot hold NUL characters; refuse the record rather than fail the batch.
  if (json.includes('\\u0000')) return 'payload contains a NUL character';
  const p = r.payload as Record<string, unknown>;
  const store = p.storeId ?? p.store_id;
  if (store !== undefined && store !== terminal.storeId) return `record belongs to store "${String(store).slice(0, 64)}", not this terminal's store`;
  return null;
}

export async function ingestBatch(db: CentralDb, terminal: TerminalIdentity, body: UploadRequestT, now = Date.now()): Promise<UploadResponseT> {
  const records = [...body.records].sort((a, b) => a.seq - b.seq);
  return db.tx(async (c) => {
    // The row lock serializes concurrent or duplicated requests of one terminal.
    const { rows } = await c.query<{ last_seq: number; revoked_at: Date | null; store_id: string }>(
      'SELECT last_seq, revoked_at, store_id FROM terminals WHERE id = $1 FOR UPDATE', [terminal.id],
    );
    const t = rows[0];
    if (!t || t.revoked_at) throw forbidden('REVOKED', 'This terminal has been revoked by the platform administrator.');
    const fresh = records.filter((r, i) => r.seq > t.last_seq && (i === 0 || r.seq !== records[i - 1]!.seq));
    const replayed = records.filter((r) => r.seq <= t.last_seq).map((r) => r.seq);
    const acc = { seq: [] as number[], kind: [] as string[], id: [] as string[], created: [] as string[], payload: [] as string[] };
    const rej = { seq: [] as number[], kind: [] as string[], reason: [] as string[] };
    for (const r of fresh) {
      const json = JSON.stringify(r.payload ?? null);
      const problem = recordProblem(r, terminal, json);
      if (problem) {
        rej.seq.push(r.seq);
        rej.kind.push(r.kind.slice(0, 40));
        rej.reason.push(problem);
      } else {
        acc.seq.push(r.seq);
        acc.kind.push(r.kind);
        acc.id.push(r.id);
        acc.created.push(r.createdAt);
        acc.payload.push(json);
      }
    }
    if (acc.seq.length) {
      await c.query(
        `INSERT INTO records (terminal_id, seq, store_id, kind, record_id, created_at, payload)
         SELECT $1, s, $2, k, i, ca, p::jsonb FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(s, k, i, ca, p)`,
        [terminal.id, terminal.storeId, acc.seq, acc.kind, acc.id, acc.created, acc.payload],
      );
    }
    if (rej.seq.length) {
      await c.query(
        `INSERT INTO rejections (terminal_id, seq, kind, reason) SELECT $1, s, k, r FROM unnest($2::bigint[], $3::text[], $4::text[]) AS u(s, k, r)`,
        [terminal.id, rej.seq, rej.kind, rej.reason],
      );
    }
    const newLast = Math.max(t.last_seq, fresh.at(-1)?.seq ?? 0);
    await c.query(
      `UPDATE terminals SET last_seq = $2, last_contact = to_timestamp($3 / 1000.0), backlog = $4, duplicates = duplicates + $5,
         rejected = rejected + $6, app_version = COALESCE($7, app_version), models = COALESCE($8::jsonb, models) WHERE id = $1`,
      [terminal.id, newLast, now, body.pending, replayed.length, rej.seq.length, body.appVersion ?? null, body.models ? JSON.stringify(body.models) : null],
    );
    // A replay must report the rejections the first delivery made, or the terminal would ack them.
    const rejected = rej.seq.map((seq, i) => ({ seq, reason: rej.reason[i]! }));
    if (replayed.length) {
      const old = await c.query<{ seq: number; reason: string }>('SELECT seq, reason FROM rejections WHERE terminal_id = $1 AND seq = ANY($2::bigint[])', [terminal.id, replayed]);
      rejected.push(...old.rows);
    }
    return { ackedThrough: newLast, accepted: acc.seq.length, duplicates: replayed.length, rejected, serverTime: Date.now() };
  });
}
