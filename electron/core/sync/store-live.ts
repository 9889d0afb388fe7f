// Runs: node (core). Applies the store's live changes that the hub (or the platform) hands down:
// help tickets merge the way they merged at the hub (forward only, first claim wins), stock
// movements are applied once each, staff accounts take the newer change, and the other lanes'
// transactions feed store-wide fraud velocity. Each change is checked with the same zod schema the
// hub checked the record with; a bad one is skipped with its reason, like any download.
import { StaffRecord, StockMovement, StoreTxn, TicketRecord, mergeTicket, type TicketRecordT } from '../../../common/api/live.ts';
import type { ChangeT } from '../../../common/api/sync.ts';
import type { z } from 'zod';
import { applyStoreStaff } from '../auth/users.ts';
import { applyStoreMovement } from '../inventory/stock.ts';
import { getSetting } from '../settings/settings.ts';
import { registerChangeApplier } from './download.ts';

function parse<T extends z.ZodType>(schema: T, c: ChangeT): z.output<T> {
  if (c.op === 'delete') throw new Error(`${c.kind} ${c.key}: the store's live data is never deleted`);
  const r = schema.safeParse(c.data);
  if (!r.success) throw new Error(`${c.kind} ${c.key}: ${r.error.issues[0]?.path.join('.') || 'value'} ${r.error.issues[0]?.message ?? 'is invalid'}`);
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
  registerChangeApplier('store_txn', (db, c) => {
    const t = parse(StoreTxn, c);
    if (t.terminalId === getSetting(db, 'terminalId')) return; // this lane's own, already in transactions
    db.prepare(`INSERT INTO store_txns (id, ts, terminal_id, cashier_id, type, total_cents, card_fingerprint, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET status = excluded.status`).run(t.id, t.ts, t.terminalId, t.cashierId, t.type, t.totalCents, t.cardFingerprint, t.status);
  });
}
