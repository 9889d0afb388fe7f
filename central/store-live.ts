// Runs: node (central platform and store hub). Turns a store's uploaded records into the store's
// live changes, in the ingest transaction: help tickets (merged, so the first claim wins and every
// terminal converges on one state), stock movements, purchase orders, staff accounts and the transaction facts
// other lanes need for velocity checks. Whoever a terminal uploads to does this — the store hub,
// or the platform for a store without a hub; records a hub relays upward were derived at the hub.
import type pg from 'pg';
import type { z } from 'zod';
import { ProductEditRecord, PurchaseOrderRecord, StaffRecord, StockMovement, StoreTxn, TicketRecord, ZReportRecord, mergeTicket, type TicketRecordT } from '../common/api/live.ts';
import type { ChangeT } from '../common/api/sync.ts';
import { appendChanges } from './changes.ts';
import { zodIssue } from '../common/zod-issue.ts';

const strict: Partial<Record<string, z.ZodType>> = { help_ticket: TicketRecord, stock_movement: StockMovement, staff: StaffRecord, purchase_order: PurchaseOrderRecord, z_report: ZReportRecord, product_edit: ProductEditRecord };

/** Why a live record cannot be shared with the store (it is then rejected like any bad record), or null. */
export function liveRecordProblem(kind: string, payload: unknown): string | null {
  const schema = strict[kind];
  if (!schema) return null;
  const r = schema.safeParse(payload);
  if (r.success) return null;
  const issue = zodIssue(r.error);
  return `${kind} record is invalid${issue.at}: ${issue.message}`;
}

export interface LiveInput {
  kind: string;
  payload: string;
}

type NewChange = Omit<ChangeT, 'id'>;

/** Appends the store's live changes for these accepted records; returns how many were appended. */
export async function deriveLiveChanges(c: pg.PoolClient, storeId: string, records: LiveInput[]): Promise<number> {
  const out: NewChange[] = [];
  for (const r of records) {
    if (r.kind === 'help_ticket') {
      const t = TicketRecord.parse(JSON.parse(r.payload));
      out.push({ kind: 'ticket', key: t.id, op: 'upsert', data: await mergeStoreTicket(c, storeId, t) });
    } else if (r.kind === 'stock_movement') {
      const m = StockMovement.parse(JSON.parse(r.payload));
      out.push({ kind: 'stock', key: m.id, op: 'upsert', data: m });
    } else if (r.kind === 'staff') {
      const s = StaffRecord.parse(JSON.parse(r.payload));
      out.push({ kind: 'staff', key: s.id, op: 'upsert', data: s });
    } else if (r.kind === 'purchase_order') {
      const o = PurchaseOrderRecord.parse(JSON.parse(r.payload));
      out.push({ kind: 'po', key: o.id, op: 'upsert', data: o });
    } else if (r.kind === 'z_report') {
      const z = ZReportRecord.parse(JSON.parse(r.payload));
      out.push({ kind: 'z_report', key: z.id, op: 'upsert', data: z });
    } else if (r.kind === 'product_edit') {
      // A store edit travels as the platform's own catalog change, so terminals apply it the same way.
      const { id, active, terminalId: _t, ...product } = ProductEditRecord.parse(JSON.parse(r.payload));
      out.push(active ? { kind: 'product', key: id, op: 'upsert', data: product } : { kind: 'product', key: id, op: 'delete', data: { updatedAt: product.updatedAt } });
    } else if (r.kind === 'transaction') {
      const p = JSON.parse(r.payload) as Record<string, unknown>;
      const t = StoreTxn.safeParse({ ...p, cardFingerprint: (p.tender as { fingerprint?: unknown } | undefined)?.fingerprint ?? null });
      if (t.success) out.push({ kind: 'store_txn', key: t.data.id, op: 'upsert', data: t.data });
    }
  }
  if (out.length) await appendChanges(c, storeId, out);
  return out.length;
}

/** The store's one view of a ticket after this report; a losing report still gets it published, so its terminal is corrected. */
async function mergeStoreTicket(c: pg.PoolClient, storeId: string, t: TicketRecordT): Promise<TicketRecordT> {
  const { rows } = await c.query<{ data: TicketRecordT }>('SELECT data FROM store_tickets WHERE store_id = $1 AND id = $2 FOR UPDATE', [storeId, t.id]);
  const current = rows[0]?.data ?? null;
  const next = mergeTicket(current, t);
  if (!next) return current!;
  await c.query(
    `INSERT INTO store_tickets (store_id, id, data, updated_at) VALUES ($1, $2, $3::jsonb, now())
     ON CONFLICT (store_id, id) DO UPDATE SET data = excluded.data, updated_at = now()`,
    [storeId, t.id, JSON.stringify(next)],
  );
  return next;
}
