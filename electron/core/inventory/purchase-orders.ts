// Runs: node (core). Purchase orders and deliveries: an order (often the accepted suggested order)
// is shared with the store so every kiosk can say when a product is expected; a delivery received
// against it moves stock by one 'receive' movement per product and updates what the order still
// owes. The whole order travels as one record and the newest version wins at every terminal.
import crypto from 'node:crypto';
import { PurchaseOrderRecord, type PurchaseOrderRecordT } from '../../../common/api/live.ts';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { enqueue } from '../db/outbox.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from './ledger.ts';
import { recordMovement } from './stock.ts';

type Row = { id: string; supplier: string; status: PurchaseOrderRecordT['status']; expected_date: string | null; lines: string; created_by: string; created_at: string; updated_at: string; terminal_id: string };

function fromRow(r: Row): PurchaseOrderRecordT {
  return { id: r.id, supplier: r.supplier, status: r.status, expectedDate: r.expected_date, lines: JSON.parse(r.lines), createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, terminalId: r.terminal_id };
}

function store(db: Db, o: PurchaseOrderRecordT): void {
  db.prepare(`INSERT INTO purchase_orders (id, supplier, status, expected_date, lines, created_by, created_at, updated_at, terminal_id)
    VALUES (@id, @supplier, @status, @expectedDate, @lines, @createdBy, @createdAt, @updatedAt, @terminalId)
    ON CONFLICT(id) DO UPDATE SET supplier = excluded.supplier, status = excluded.status, expected_date = excluded.expected_date, lines = excluded.lines, updated_at = excluded.updated_at`)
    .run({ ...o, lines: JSON.stringify(o.lines) });
}

/** Saves this terminal's version of an order and shares it with the store. */
function save(db: Db, o: PurchaseOrderRecordT): PurchaseOrderRecordT {
  const checked = PurchaseOrderRecord.parse(o);
  store(db, checked);
  enqueue(db, 'purchase_order', checked.id, checked);
  return checked;
}

/** An order another terminal changed: kept if it is newer than the one here. */
export function applyStorePurchaseOrder(db: Db, o: PurchaseOrderRecordT): void {
  const cur = db.prepare('SELECT updated_at FROM purchase_orders WHERE id = ?').pluck().get(o.id) as string | undefined;
  if (cur !== undefined && cur >= o.updatedAt) return;
  store(db, o);
}

export function getPurchaseOrder(db: Db, id: string): PurchaseOrderRecordT | null {
  const r = db.prepare('SELECT * FROM purchase_orders WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function listPurchaseOrders(db: Db, which: 'open' | 'all' = 'open', limit = 200): PurchaseOrderRecordT[] {
  const where = which === 'open' ? "WHERE status IN ('open', 'partial')" : '';
  return (db.prepare(`SELECT * FROM purchase_orders ${where} ORDER BY created_at DESC LIMIT ?`).all(limit) as Row[]).map(fromRow);
}

function unknownSkus(db: Db, skus: string[]): string[] {
  const known = db.prepare('SELECT 1 FROM products WHERE sku = ?').pluck();
  return skus.filter((s) => known.get(s) === undefined);
}

/** Sums lines of the same product: a scanned delivery lists a product once per scan. */
function merge<T extends { sku: string; qty: number }>(lines: T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const l of lines) {
    if (!Number.isInteger(l.qty) || l.qty <= 0) throw new CoreError('BAD_INPUT', `${l.sku}: a quantity is a whole number above 0.`);
    const cur = out.get(l.sku);
    out.set(l.sku, cur ? { ...cur, qty: cur.qty + l.qty } : { ...l });
  }
  return out;
}

export interface NewOrder {
  supplier: string;
  expectedDate: string | null;
  lines: Array<{ sku: string; qty: number; reason?: string }>;
}

export function createPurchaseOrder(db: Db, input: NewOrder, by: Actor): PurchaseOrderRecordT {
  if (input.lines.length === 0) throw new CoreError('BAD_INPUT', 'An order needs at least one line.');
  const lines = [...merge(input.lines).values()];
  const unknown = unknownSkus(db, lines.map((l) => l.sku));
  if (unknown.length) throw new CoreError('BAD_INPUT', `Not in the catalog: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. Nothing was ordered.`);
  const now = (by.now ?? new Date()).toISOString();
  const o: PurchaseOrderRecordT = {
    id: `PO-${now.slice(0, 10).replaceAll('-', '')}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`,
    supplier: input.supplier.trim(),
    status: 'open',
    expectedDate: input.expectedDate,
    lines: lines.map((l) => ({ sku: l.sku, qty: l.qty, received: 0, reason: (l.reason ?? 'added by hand').slice(0, 300) })),
    createdBy: by.userId,
    createdAt: now,
    updatedAt: now,
    terminalId: by.terminalId,
  };
  return db.transaction(() => {
    const saved = save(db, o);
    appendAudit(db, by.userId, 'po.create', o.id, { supplier: o.supplier, lines: o.lines.length, units: o.lines.reduce((s, l) => s + l.qty, 0) }, by.now);
    return saved;
  })();
}

export function cancelPurchaseOrder(db: Db, id: string, by: Actor): PurchaseOrderRecordT {
  return db.transaction(() => {
    const o = getPurchaseOrder(db, id);
    if (!o) throw new CoreError('NOT_FOUND', `No purchase order ${id}.`);
    if (o.status === 'received' || o.status === 'cancelled') throw new CoreError('CONFLICT', `Order ${id} is already ${o.status}.`);
    const saved = save(db, { ...o, status: 'cancelled', updatedAt: later(o.updatedAt, by.now) });
    appendAudit(db, by.userId, 'po.cancel', id, {}, by.now);
    return saved;
  })();
}

/** A version stamp after the last one, even if this terminal's clock is behind the one that wrote it. */
function later(prev: string, now = new Date()): string {
  const t = Math.max(now.getTime(), Date.parse(prev) + 1);
  return new Date(t).toISOString();
}

export interface ReceiveInput {
  /** The client's id for this delivery: receiving it twice moves stock once. */
  receiptId: string;
  poId?: string | null;
  lines: Array<{ sku: string; qty: number }>;
  note?: string;
}

export interface ReceiveResult {
  receiptId: string;
  poId: string | null;
  lines: Array<{ sku: string; qty: number; onOrder: boolean }>;
  order: PurchaseOrderRecordT | null;
}

/**
 * Receives a delivery: every product must be in the catalog (or nothing is received); goods not on
 * the order, or more than ordered, are received all the same (the shelf is the truth) and flagged.
 */
export function receiveDelivery(db: Db, input: ReceiveInput, by: Actor): ReceiveResult {
  if (input.lines.length === 0) throw new CoreError('BAD_INPUT', 'A delivery needs at least one line.');
  const lines = merge(input.lines);
  const unknown = unknownSkus(db, [...lines.keys()]);
  if (unknown.length) throw new CoreError('BAD_INPUT', `Not in the catalog: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. Nothing was received; add the products first.`);
  const now = by.now ?? new Date();
  return db.transaction(() => {
    const order = input.poId ? getPurchaseOrder(db, input.poId) : null;
    if (input.poId && !order) throw new CoreError('NOT_FOUND', `No purchase order ${input.poId}.`);
    if (order && (order.status === 'received' || order.status === 'cancelled')) throw new CoreError('CONFLICT', `Order ${order.id} is ${order.status}; receive this delivery without an order.`);
    let fresh = 0;
    for (const l of lines.values()) {
      const moved = recordMovement(db, {
        id: `recv:${input.receiptId}:${l.sku}`, sku: l.sku, delta: l.qty, reason: 'receive', ref: order?.id ?? input.receiptId,
        terminalId: by.terminalId, at: now.toISOString(), note: input.note?.trim().slice(0, 200) || null,
      });
      if (moved) fresh++;
    }
    if (fresh === 0) throw new CoreError('CONFLICT', `Delivery ${input.receiptId} was already received; stock was not moved again.`);
    let saved: PurchaseOrderRecordT | null = null;
    if (order) {
      const next = order.lines.map((ol) => ({ ...ol, received: ol.received + (lines.get(ol.sku)?.qty ?? 0) }));
      const done = next.every((ol) => ol.received >= ol.qty);
      saved = save(db, { ...order, lines: next, status: done ? 'received' : 'partial', updatedAt: later(order.updatedAt, now) });
    }
    const onOrder = new Set(order?.lines.map((l) => l.sku) ?? []);
    const result = { receiptId: input.receiptId, poId: order?.id ?? null, lines: [...lines.values()].map((l) => ({ sku: l.sku, qty: l.qty, onOrder: onOrder.has(l.sku) })), order: saved };
    appendAudit(db, by.userId, 'stock.receive', input.receiptId, { po: result.poId, lines: result.lines.length, units: result.lines.reduce((s, l) => s + l.qty, 0), notOnOrder: order ? result.lines.filter((l) => !l.onOrder).map((l) => l.sku) : [] }, now);
    return result;
  })();
}

/** Units still owed per product by open orders. */
export function onOrderBySku(db: Db): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of listPurchaseOrders(db, 'open', 10_000)) for (const l of o.lines) out.set(l.sku, (out.get(l.sku) ?? 0) + Math.max(0, l.qty - l.received));
  return out;
}

/** The earliest expected delivery that still owes this product, if any. */
export function nextDelivery(db: Db, sku: string): { poId: string; expectedDate: string | null; qty: number } | null {
  const rows = db.prepare(`SELECT po.id, po.expected_date, l.value AS line FROM purchase_orders po, json_each(po.lines) l
    WHERE po.status IN ('open', 'partial') AND json_extract(l.value, '$.sku') = ? ORDER BY po.expected_date IS NULL, po.expected_date`).all(sku) as
    Array<{ id: string; expected_date: string | null; line: string }>;
  for (const r of rows) {
    const l = JSON.parse(r.line) as { qty: number; received: number };
    if (l.qty > l.received) return { poId: r.id, expectedDate: r.expected_date, qty: l.qty - l.received };
  }
  return null;
}
