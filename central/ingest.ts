// Runs: node (central platform). Applies one uploaded batch in ONE transaction: the terminal's row
// is locked, records above its last committed seq are checked one by one (a bad record is
// rejected with its reason and does not block the others), accepted ones are inserted, and the
// new last seq is stored in the same transaction (as Replicache stores lastMutationID). A replayed
// batch therefore finds its seqs already committed: it is acknowledged, counted as duplicates,
// and not applied twice. Rejections are remembered, so a replay reports them again.
import { OUTBOX_KINDS, type UploadRequestT, type UploadResponseT } from '../common/api/sync.ts';
import type pg from 'pg';
import { hasLoneSurrogateEscape, jsonDepth } from '../electron/core/text/unicode.ts';
import type { CentralDb } from './db.ts';
import { forbidden } from './errors.ts';
import type { TerminalIdentity } from './terminal-auth.ts';
import { deriveLiveChanges, liveRecordProblem } from './store-live.ts';

const KINDS = new Set<string>(OUTBOX_KINDS);
/** One record's JSON may not exceed this (a batch has its own, larger limit). */
export const MAX_RECORD_BYTES = 256 * 1024;

/** Deeper than this is no record a terminal writes (jsonb and JSON.stringify would overflow first). */
export const MAX_RECORD_DEPTH = 64;

/** The record's JSON text, or why it cannot be stored. */
export function checkRecord(r: UploadRequestT['records'][number], terminal: TerminalIdentity): { json: string } | { problem: string } {
  if (!KINDS.has(r.kind)) return { problem: `unknown record kind "${r.kind.slice(0, 40)}"` };
  if (r.payload === null || typeof r.payload !== 'object' || Array.isArray(r.payload)) return { problem: 'payload must be a JSON object' };
  if (jsonDepth(r.payload, MAX_RECORD_DEPTH) > MAX_RECORD_DEPTH) return { problem: `payload nests more than ${MAX_RECORD_DEPTH} levels deep` };
  const json = JSON.stringify(r.payload);
  if (json.length > MAX_RECORD_BYTES) return { problem: `payload is ${json.length} bytes; the limit is ${MAX_RECORD_BYTES}` };
  // PostgreSQL's jsonb cannot hold NUL characters or lone UTF-16 surrogates; refuse the record rather than fail the batch.
  if (json.includes('\\u0000')) return { problem: 'payload contains a NUL character' };
  if (hasLoneSurrogateEscape(json)) return { problem: 'payload contains text that is not well-formed Unicode (a lone UTF-16 surrogate)' };
  const p = r.payload as Record<string, unknown>;
  const store = p.storeId ?? p.store_id;
  if (store !== undefined && store !== terminal.storeId) return { problem: `record belongs to store "${String(store).slice(0, 64)}", not this terminal's store` };
  const live = liveRecordProblem(r.kind, r.payload);
  if (live) return { problem: live };
  return { json };
}

type Accepted = { seq: number; kind: string; id: string; created: string; payload: string; origin: string | null; relay: number | null };

/**
 * Inserts the accepted records in one statement. Should the database still refuse one (a value no
 * check above foresaw), the statement is undone to a savepoint and the records go in one by one,
 * each under its own savepoint: the one the database refuses becomes that record's rejection, with
 * the database's reason, and the rest of the batch commits.
 */
async function insertRecords(c: pg.PoolClient, terminal: TerminalIdentity, acc: Accepted[]): Promise<Array<{ seq: number; kind: string; reason: string }>> {
  const insert = (rows: Accepted[]) => c.query(
    `INSERT INTO records (terminal_id, seq, store_id, kind, record_id, created_at, payload, origin_terminal, relay_seq)
     SELECT $1, s, $2, k, i, ca, p::jsonb, o, rs FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::bigint[]) AS u(s, k, i, ca, p, o, rs)`,
    [terminal.id, terminal.storeId, rows.map((r) => r.seq), rows.map((r) => r.kind), rows.map((r) => r.id), rows.map((r) => r.created), rows.map((r) => r.payload),
      rows.map((r) => r.origin), rows.map((r) => r.relay)],
  );
  if (!acc.length) return [];
  await c.query('SAVEPOINT batch');
  try {
    await insert(acc);
    await c.query('RELEASE SAVEPOINT batch');
    return [];
  } catch {
    await c.query('ROLLBACK TO SAVEPOINT batch');
  }
  const refused: Array<{ seq: number; kind: string; reason: string }> = [];
  for (const r of acc) {
    await c.query('SAVEPOINT one');
    try {
      await insert([r]);
      await c.query('RELEASE SAVEPOINT one');
    } catch (e) {
      await c.query('ROLLBACK TO SAVEPOINT one');
      const err = e as { code?: string; message?: string };
      refused.push({ seq: r.seq, kind: r.kind, reason: `the platform's database refused it (${err.code ?? 'error'}: ${String(err.message ?? e).slice(0, 200)})` });
    }
  }
  return refused;
}

export interface IngestOptions {
  /** At a store hub: number accepted records in the order they go upward (records.relay_seq). */
  relay?: boolean;
  now?: number;
}

export interface IngestResult extends UploadResponseT {
  /** Live changes this batch added to the store's change log (the caller pokes the store's streams). */
  liveChanges: number;
}

export async function ingestBatch(db: CentralDb, terminal: TerminalIdentity, body: UploadRequestT, opts: IngestOptions = {}): Promise<IngestResult> {
  const now = opts.now ?? Date.now();
  const records = [...body.records].sort((a, b) => a.seq - b.seq);
  return db.tx(async (c) => {
    // The row lock serializes concurrent or duplicated requests of one terminal.
    const { rows } = await c.query<{ last_seq: number; revoked_at: Date | null; store_id: string; kind: 'terminal' | 'hub' }>(
      'SELECT last_seq, revoked_at, store_id, kind FROM terminals WHERE id = $1 FOR UPDATE', [terminal.id],
    );
    const t = rows[0];
    if (!t || t.revoked_at) throw forbidden('REVOKED', 'This terminal has been revoked by the platform administrator.');
    const fresh = records.filter((r, i) => r.seq > t.last_seq && (i === 0 || r.seq !== records[i - 1]!.seq));
    const replayed = records.filter((r) => r.seq <= t.last_seq).map((r) => r.seq);
    const acc: Accepted[] = [];
    const rej: Array<{ seq: number; kind: string; reason: string }> = [];
    for (const r of fresh) {
      const checked = checkRecord(r, terminal);
      if ('problem' in checked) rej.push({ seq: r.seq, kind: r.kind.slice(0, 40), reason: checked.problem });
      else if (r.origin && t.kind !== 'hub') rej.push({ seq: r.seq, kind: r.kind.slice(0, 40), reason: 'only a store hub may relay records of other terminals' });
      else acc.push({ seq: r.seq, kind: r.kind, id: r.id, created: r.createdAt, payload: checked.json, origin: r.origin ?? null, relay: null });
    }
    if (opts.relay && acc.length) {
      // The store row's lock is held to commit, so relay numbers become visible in order.
      const { rows: s } = await c.query<{ relay_seq: string }>('UPDATE stores SET relay_seq = relay_seq + $2 WHERE id = $1 RETURNING relay_seq', [t.store_id, acc.length]);
      const first = Number(s[0]!.relay_seq) - acc.length + 1;
      acc.forEach((a, i) => (a.relay = first + i));
    }
    const refusedByDb = await insertRecords(c, terminal, acc);
    rej.push(...refusedByDb);
    const refusedSeqs = new Set(refusedByDb.map((r) => r.seq));
    // A hub's records were shared in its store already; only a terminal's own records are derived here.
    const liveChanges = t.kind === 'terminal' ? await deriveLiveChanges(c, t.store_id, acc.filter((a) => !refusedSeqs.has(a.seq))) : 0;
    const accepted = acc.length - refusedByDb.length;
    if (rej.length) {
      await c.query(
        `INSERT INTO rejections (terminal_id, seq, kind, reason) SELECT $1, s, k, r FROM unnest($2::bigint[], $3::text[], $4::text[]) AS u(s, k, r)`,
        [terminal.id, rej.map((r) => r.seq), rej.map((r) => r.kind), rej.map((r) => r.reason)],
      );
    }
    const newLast = Math.max(t.last_seq, fresh.at(-1)?.seq ?? 0);
    await c.query(
      `UPDATE terminals SET last_seq = $2, last_contact = to_timestamp($3 / 1000.0), backlog = $4, duplicates = duplicates + $5,
         rejected = rejected + $6, app_version = COALESCE($7, app_version), models = COALESCE($8::jsonb, models) WHERE id = $1`,
      [terminal.id, newLast, now, body.pending, replayed.length, rej.length, body.appVersion ?? null, body.models ? JSON.stringify(body.models) : null],
    );
    // A replay must report the rejections the first delivery made, or the terminal would ack them.
    const rejected = rej.map(({ seq, reason }) => ({ seq, reason }));
    if (replayed.length) {
      const old = await c.query<{ seq: number; reason: string }>('SELECT seq, reason FROM rejections WHERE terminal_id = $1 AND seq = ANY($2::bigint[])', [terminal.id, replayed]);
      rejected.push(...old.rows);
    }
    return { ackedThrough: newLast, accepted, duplicates: replayed.length, rejected, serverTime: Date.now(), liveChanges };
  });
}
