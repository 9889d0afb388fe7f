// Runs: node (core). Stock movements: every completed sale, refund and post-void moves stock by a
// movement row written in the same SQLite transaction as the sale, and the store's other terminals
// apply the same row when it reaches them. A movement is applied once per terminal (its id is the
// key), so two tills selling the last pack at once both count, in any order, offline or not.
// On hand = the catalog's baseline + every movement since (see migration 008).
import type { StockMovementT } from '../../../common/api/live.ts';
import type { Db } from '../db/database.ts';
import { enqueue } from '../db/outbox.ts';
import type { TxnRecord } from '../fraud/types.ts';

// Prepared once per database: a sale writes one movement per line, inside the sale's transaction.
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    product: db.prepare('SELECT id FROM products WHERE sku = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO stock_movements (id, sku, delta, reason, ref, terminal_id, at, applied, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    ),
    move: db.prepare(`INSERT INTO stock (product_id, location, quantity, base_quantity, updated_at) VALUES (?, 'store', ?, 0, ?)
      ON CONFLICT(product_id, location) DO UPDATE SET quantity = stock.quantity + excluded.quantity, updated_at = excluded.updated_at`),
  };
}
function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

/** Inserts the movement if new and moves stock by it; returns false when it was already here. */
function apply(db: Db, m: StockMovementT): boolean {
  const s = stmts(db);
  const product = s.product.get(m.sku) as string | undefined;
  const inserted = s.insert.run(m.id, m.sku, m.delta, m.reason, m.ref, m.terminalId, m.at, product ? 1 : 0, m.note ?? null).changes > 0;
  if (inserted && product) move(db, product, m.delta, m.at);
  return inserted;
}

function move(db: Db, productId: string, delta: number, at: string): void {
  stmts(db).move.run(productId, delta, at);
}

/** Records this terminal's own movement and queues it for the store (inside the caller's transaction); false when its id was already recorded. */
export function recordMovement(db: Db, m: StockMovementT): boolean {
  if (!apply(db, m)) return false;
  enqueue(db, 'stock_movement', m.id, m);
  return true;
}

/** Applies a movement another terminal recorded (a download); the caller's savepoint holds it. */
export function applyStoreMovement(db: Db, m: StockMovementT): void {
  apply(db, m);
}

/** Movements for a product the terminal did not know yet, applied once its catalog row arrives. */
export function applyWaitingMovements(db: Db, productId: string, sku: string, now: string): void {
  const waiting = db.prepare('SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE sku = ? AND applied = 0').pluck().get(sku) as number;
  if (!waiting) return;
  db.prepare('UPDATE stock_movements SET applied = 1 WHERE sku = ? AND applied = 0').run(sku);
  move(db, productId, waiting, now);
}

/** What a completed transaction does to stock: a sale takes goods off the shelf, a refund or a post-void puts them back. */
export function saleMovements(t: TxnRecord): StockMovementT[] {
  const sign = t.type === 'sale' ? -1 : t.type === 'refund' || (t.type === 'void' && t.originalTxnId) ? 1 : 0;
  if (!sign) return [];
  return t.items
    .map((l, i) => ({ id: `${t.id}:${i}`, sku: l.sku, delta: sign * l.qty, reason: t.type === 'sale' ? 'sale' as const : t.type === 'refund' ? 'refund' as const : 'void' as const, ref: t.id, terminalId: t.terminalId, at: t.ts }))
    .filter((m) => Number.isInteger(m.delta) && m.delta !== 0);
}

export interface StockView {
  sku: string;
  productId: string | null;
  name: string | null;
  onHand: number | null;
  baseline: number | null;
  movements: Array<{ id: string; delta: number; reason: string; ref: string | null; note: string | null; terminalId: string; at: string; applied: boolean }>;
}

export function stockOf(db: Db, sku: string, limit = 20): StockView {
  const p = db.prepare(`SELECT p.id, p.name, s.quantity, s.base_quantity FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store' WHERE p.sku = ?`).get(sku) as
    { id: string; name: string; quantity: number | null; base_quantity: number | null } | undefined;
  const movements = (db.prepare('SELECT id, delta, reason, ref, note, terminal_id, at, applied FROM stock_movements WHERE sku = ? ORDER BY at DESC, id DESC LIMIT ?').all(sku, limit) as
    Array<{ id: string; delta: number; reason: string; ref: string | null; note: string | null; terminal_id: string; at: string; applied: number }>)
    .map((m) => ({ id: m.id, delta: m.delta, reason: m.reason, ref: m.ref, note: m.note, terminalId: m.terminal_id, at: m.at, applied: m.applied === 1 }));
  return { sku, productId: p?.id ?? null, name: p?.name ?? null, onHand: p ? (p.quantity ?? 0) : null, baseline: p?.base_quantity ?? null, movements };
}
