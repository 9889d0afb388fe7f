// Runs: node (core). Applies the store's live changes that the hub (or the platform) hands down:
// help tickets merge the way they merged at the hub (forward only, first claim wins), stock
// movements are applied once each, staff accounts and purchase orders take the newer change, and the other lanes'
// transactions feed store-wide fraud velocity. Each change is checked with the same zod schema the
// hub checked the record with; a bad one is skipped with its reason, like any download.
import { PurchaseOrderRecord, StaffRecord, StockMovement, StoreTxn, TicketRecord, ZReportRecord, mergeTicket, type TicketRecordT } from '../../../common/api/live.ts';
import type { ChangeT } from '../../../common/api/sync.ts';
import type { z } from 'zod';
import { applyStoreStaff } from '../auth/users.ts';
import type { Db } from '../db/database.ts';
import { applyStoreMovement } from '../inventory/stock.ts';
import { applyStorePurchaseOrder } from '../inventory/purchase-orders.ts';
import { applyStoreZReport } from '../pos/shifts.ts';
import { registerChangeApplier } from './download.ts';
import { valueIssue } from '../../../common/zod-issue.ts';

function parse<T extends z.ZodType>(schema: T, c: ChangeT): z.output<T> {
  if (c.op === 'delete') throw new Error(`${c.kind} ${c.key}: the store's live data is never deleted`);
  const r = schema.safeParse(c.data);
  if (!r.success) throw new Error(`${c.kind} ${c.key}: ${valueIssue(r.error)}`);
  return r.data;
}

const TICKET_COLUMNS = 'id, ts, terminal_id, session_id, reason, status, handled_by, handled_by_name, updated_at';

let registered = false;

/** Registers the appliers (idempotent; createCore calls it at start-up). */
export function registerStoreLiveDownloads(): void {
  if (registered) return;
  registered = true;
  registerChangeApplier('ticket', (db, c) => {
    const t = parse(TicketRecord, c);
    const cur = db.prepare(`SELECT ${TICKET_COLUMNS} FROM help_tickets WHERE id = ?`).get(t.id) as TicketRecordT | undefined;
    // The hub's view is the store's; equal rank from the hub still names the winning claimer.
    const next = cur && cur.status === t.status && cur.handled_by !== t.handled_by ? t : mergeTicket(cur ?? null, t);
    if (!next) return;
    db.prepare(`INSERT INTO help_tickets (${TICKET_COLUMNS}) VALUES (@id, @ts, @terminal_id, @session_id, @reason, @status, @handled_by, @handled_by_name, @updated_at)
      ON CONFLICT(id) DO UPDATE SET status = excluded.status, handled_by = excluded.handled_by, handled_by_name = excluded.handled_by_name, updated_at = excluded.updated_at`)
      .run({ ...next, handled_by_name: next.handled_by_name ?? null });
  });
  registerChangeApplier('stock', (db, c) => applyStoreMovement(db, parse(StockMovement, c)));
  registerChangeApplier('staff', (db, c) => applyStoreStaff(db, parse(StaffRecord, c)));
  registerChangeApplier('po', (db, c) => applyStorePurchaseOrder(db, parse(PurchaseOrderRecord, c)));
  registerChangeApplier('z_report', (db, c) => applyStoreZReport(db, parse(ZReportRecord, c)));
  registerChangeApplier('store_txn', (db, c) => {
    const t = parse(StoreTxn, c);
    // This lane's own comes back too: it is in transactions already (lane names need not differ).
    if (db.prepare('SELECT 1 FROM transactions WHERE id = ?').get(t.id)) return;
    db.prepare(`INSERT INTO store_txns (id, ts, terminal_id, cashier_id, type, total_cents, card_fingerprint, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET status = excluded.status`).run(t.id, t.ts, t.terminalId, t.cashierId, t.type, t.totalCents, t.cardFingerprint, t.status);
  });
}

/** The longest window a fraud feature reads other lanes' transactions over is a day. */
const STORE_TXN_KEEP_MS = 2 * 86_400_000;

/**
 * Drops other lanes' transactions older than any fraud window reads: they are a cache (each lane
 * keeps and syncs its own), so this loses nothing.
 */
export function pruneStoreTxns(db: Db, now = new Date()): number {
  return db.prepare('DELETE FROM store_txns WHERE ts < ?').run(new Date(now.getTime() - STORE_TXN_KEEP_MS).toISOString()).changes;
}
