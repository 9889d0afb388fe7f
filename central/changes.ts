// Runs: node (central platform). What terminals download: catalog, prices, knowledge base, fraud
// rules and settings as a per-store log of changes. Each store's ids are handed out by a counter
// on its stores row, whose row lock is held until commit, so ids become visible in order and a
// terminal reading "after cursor N" can never skip a change that commits late.
import type pg from 'pg';
import type { z } from 'zod';
import type { ChangeT, PublishChangesRequest } from '../common/api/sync.ts';
import type { CentralDb } from './db.ts';
import { HttpError } from './errors.ts';

export async function publishChanges(db: CentralDb, req: z.infer<typeof PublishChangesRequest>): Promise<{ stores: number; changes: number }> {
  return db.tx(async (c) => {
    const stores = req.store === '*'
      ? (await c.query<{ id: string }>('SELECT id FROM stores ORDER BY id FOR UPDATE')).rows.map((r) => r.id)
      : (await c.query<{ id: string }>('SELECT id FROM stores WHERE id = $1 FOR UPDATE', [req.store])).rows.map((r) => r.id);
    if (!stores.length) throw new HttpError(404, 'NOT_FOUND', `No store ${req.store}.`);
    const n = req.changes.length;
    for (const store of stores) await appendChanges(c, store, req.changes);
    await c.query("INSERT INTO admin_log (action, detail) VALUES ('publish-changes', $1)", [JSON.stringify({ store: req.store, changes: n })]);
    return { stores: stores.length, changes: n * stores.length };
  });
}

/**
 * Appends changes to one store's log inside the caller's transaction; returns the last id. The
 * store's row stays locked until commit, so ids become visible in order.
 */
export async function appendChanges(c: pg.PoolClient, store: string, changes: Array<Omit<ChangeT, 'id'>>): Promise<number> {
  const n = changes.length;
  const { rows } = await c.query<{ change_seq: number }>('UPDATE stores SET change_seq = change_seq + $2 WHERE id = $1 RETURNING change_seq', [store, n]);
  if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', `No store ${store}.`);
  if (!n) return rows[0].change_seq;
  const first = rows[0].change_seq - n + 1;
  await c.query(
    `INSERT INTO changes (store_id, id, kind, key, op, data)
     SELECT $1, $2 + ord - 1, k, key, op, d::jsonb FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(k, key, op, d, ord)`,
    [store, first, changes.map((x) => x.kind), changes.map((x) => x.key), changes.map((x) => x.op), changes.map((x) => JSON.stringify(x.data ?? null))],
  );
  return rows[0].change_seq;
}

export async function readChanges(db: CentralDb, storeId: string, terminalId: string, after: number, limit: number): Promise<{ changes: ChangeT[]; cursor: number; more: boolean }> {
  const { rows } = await db.pool.query<{ id: number; kind: ChangeT['kind']; key: string; op: ChangeT['op']; data: unknown }>(
    'SELECT id, kind, key, op, data FROM changes WHERE store_id = $1 AND id > $2 ORDER BY id LIMIT $3', [storeId, after, limit + 1],
  );
  const more = rows.length > limit;
  const changes = rows.slice(0, limit);
  const cursor = changes.at(-1)?.id ?? after;
  // What the terminal has asked for up to is what it has applied (it asks again after applying).
  await db.pool.query('UPDATE terminals SET change_cursor = GREATEST(change_cursor, $2), last_contact = now() WHERE id = $1', [terminalId, after]);
  return { changes, cursor, more };
}
