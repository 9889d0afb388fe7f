// Runs: node (core). The back office's stock list: every product with on hand, on order and its
// reorder point, filtered to what needs attention (low: at or below the reorder point; negative:
// the ledger says fewer than none, so the shelf needs a count), or to one aisle for a cycle count.
import type { Db } from '../db/database.ts';
import { onOrderBySku } from './purchase-orders.ts';
import { levelsFor, policies } from './replenish.ts';

export type StockFilter = 'all' | 'low' | 'negative';

export interface StockRow {
  sku: string;
  name: string;
  department: string;
  aisle: string;
  bay: string;
  shelf: string;
  onHand: number;
  onOrder: number;
  reorderPoint: number | null;
  weeklyDemand: number | null;
  lastMovementAt: string | null;
  flag: 'negative' | 'low' | null;
}

export function stockList(db: Db, opts: { filter?: StockFilter; q?: string; aisle?: string; limit?: number; now?: Date } = {}): { rows: StockRow[]; counts: { low: number; negative: number } } {
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const { fallback, byDepartment } = policies(db);
  const onOrder = onOrderBySku(db);
  const raw = db.prepare(`SELECT p.sku, p.name, p.department, p.aisle, p.bay, p.shelf, coalesce(s.quantity, 0) AS on_hand,
      f.first_day, f.daily, f.lower, f.upper,
      (SELECT max(at) FROM stock_movements m WHERE m.sku = p.sku) AS last_at
    FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store' LEFT JOIN forecasts f ON f.sku = p.sku
    WHERE p.active = 1 ORDER BY p.aisle, p.bay, p.shelf, p.name`).all() as
    Array<{ sku: string; name: string; department: string; aisle: string; bay: string; shelf: string; on_hand: number; first_day: string | null; daily: string | null; lower: string | null; upper: string | null; last_at: string | null }>;
  const rows: StockRow[] = raw.map((r) => {
    const lv = r.daily && r.first_day ? levelsFor({ daily: JSON.parse(r.daily), lower: JSON.parse(r.lower!), upper: JSON.parse(r.upper!), firstDay: r.first_day }, byDepartment.get(r.department) ?? fallback, today) : null;
    const owed = onOrder.get(r.sku) ?? 0;
    const flag = r.on_hand < 0 ? 'negative' : lv && lv.weeklyDemand > 0 && r.on_hand + owed <= lv.reorderPoint ? 'low' : null;
    return {
      sku: r.sku, name: r.name, department: r.department, aisle: r.aisle, bay: r.bay, shelf: r.shelf, onHand: r.on_hand, onOrder: owed,
      reorderPoint: lv ? Math.round(lv.reorderPoint * 10) / 10 : null, weeklyDemand: lv ? Math.round(lv.weeklyDemand * 10) / 10 : null,
      lastMovementAt: r.last_at, flag,
    };
  });
  const counts = { low: rows.filter((r) => r.flag === 'low').length, negative: rows.filter((r) => r.flag === 'negative').length };
  const q = opts.q?.trim().toLowerCase();
  const filter = opts.filter ?? 'all';
  const picked = rows.filter((r) =>
    (filter === 'all' || r.flag === filter) &&
    (!opts.aisle || r.aisle.toLowerCase() === opts.aisle.toLowerCase()) &&
    (!q || r.sku.toLowerCase() === q || r.name.toLowerCase().includes(q)));
  return { rows: picked.slice(0, opts.limit ?? 200), counts };
}
