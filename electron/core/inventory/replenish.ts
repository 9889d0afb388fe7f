// Runs: node (core). Replenishment from the nightly forecasts: per product a reorder point (demand
// over the lead time plus safety stock for the department's service level) and an order-up-to level
// (demand over lead time plus review period, plus safety), rounded up to whole packs. A product is
// suggested when what is on hand plus on order has fallen to its reorder point; each line says why.
import type { Db } from '../db/database.ts';
import { onOrderBySku } from './purchase-orders.ts';

export interface Policy {
  serviceLevel: number;
  leadDays: number;
  reviewDays: number;
}

export function policies(db: Db): { fallback: Policy; byDepartment: Map<string, Policy> } {
  const rows = db.prepare('SELECT department, service_level AS serviceLevel, lead_days AS leadDays, review_days AS reviewDays FROM inventory_policies').all() as Array<Policy & { department: string }>;
  const byDepartment = new Map(rows.map((r) => [r.department, { serviceLevel: r.serviceLevel, leadDays: r.leadDays, reviewDays: r.reviewDays }]));
  return { fallback: byDepartment.get('*') ?? { serviceLevel: 0.95, leadDays: 3, reviewDays: 7 }, byDepartment };
}

/** The store default first, then every department of the catalog with its own rules or the default's. */
export function listPolicies(db: Db): Array<Policy & { department: string; inherited: boolean }> {
  const { fallback, byDepartment } = policies(db);
  const departments = db.prepare('SELECT DISTINCT department FROM products WHERE active = 1 ORDER BY department').pluck().all() as string[];
  return [{ department: '*', ...fallback, inherited: false }, ...departments.map((d) => ({ department: d, ...(byDepartment.get(d) ?? fallback), inherited: !byDepartment.has(d) }))];
}

export function savePolicy(db: Db, department: string, p: Policy): void {
  db.prepare(`INSERT INTO inventory_policies (department, service_level, lead_days, review_days) VALUES (?, ?, ?, ?)
    ON CONFLICT(department) DO UPDATE SET service_level = excluded.service_level, lead_days = excluded.lead_days, review_days = excluded.review_days`)
    .run(department, p.serviceLevel, p.leadDays, p.reviewDays);
}

/** Standard normal quantile (Acklam's rational approximation; |error| < 1.2e-9 on (0, 1)). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The forecasts' intervals are 80%: half their width over z(0.9) is one standard deviation. */
const Z80 = normalQuantile(0.9);

export interface Levels {
  /** Expected units over the lead time, and over lead time plus review period. */
  leadDemand: number;
  reorderPoint: number;
  orderUpTo: number;
  weeklyDemand: number;
}

interface ForecastRow {
  daily: number[];
  lower: number[];
  upper: number[];
  firstDay: string;
}

/** Sums forecast days [from, from + n) with their variances, using the last day past the horizon. */
function window(f: ForecastRow, from: number, n: number): { mean: number; variance: number } {
  let mean = 0;
  let variance = 0;
  for (let i = from; i < from + n; i++) {
    const k = Math.min(Math.max(i, 0), f.daily.length - 1);
    mean += f.daily[k] ?? 0;
    const sd = Math.max(0, ((f.upper[k] ?? 0) - (f.lower[k] ?? 0)) / (2 * Z80));
    variance += sd * sd;
  }
  return { mean, variance };
}

export function levelsFor(f: ForecastRow, p: Policy, today: string): Levels {
  const offset = Math.max(0, Math.round((Date.parse(today) - Date.parse(f.firstDay)) / 86_400_000));
  const z = normalQuantile(p.serviceLevel);
  const lead = window(f, offset, Math.max(1, p.leadDays));
  const cycle = window(f, offset, Math.max(1, p.leadDays) + p.reviewDays);
  const week = window(f, offset, 7);
  return {
    leadDemand: lead.mean,
    reorderPoint: lead.mean + z * Math.sqrt(lead.variance),
    orderUpTo: cycle.mean + z * Math.sqrt(cycle.variance),
    weeklyDemand: week.mean,
  };
}

export interface SuggestedLine {
  sku: string;
  name: string;
  department: string;
  qty: number;
  packSize: number;
  onHand: number;
  onOrder: number;
  reorderPoint: number;
  orderUpTo: number;
  weeklyDemand: number;
  method: string;
  reason: string;
}

function units(n: number): string {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

/** The suggested order: every product whose stock position is at or below its reorder point. */
export function suggestOrder(db: Db, now = new Date()): SuggestedLine[] {
  const today = now.toISOString().slice(0, 10);
  const { fallback, byDepartment } = policies(db);
  const onOrder = onOrderBySku(db);
  const rows = db.prepare(`SELECT p.sku, p.name, p.department, p.pack_size, coalesce(s.quantity, 0) AS on_hand, f.method, f.first_day, f.daily, f.lower, f.upper
    FROM forecasts f JOIN products p ON p.sku = f.sku AND p.active = 1 LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store' ORDER BY p.department, p.name`).all() as
    Array<{ sku: string; name: string; department: string; pack_size: number; on_hand: number; method: string; first_day: string; daily: string; lower: string; upper: string }>;
  const out: SuggestedLine[] = [];
  for (const r of rows) {
    const policy = byDepartment.get(r.department) ?? fallback;
    const lv = levelsFor({ daily: JSON.parse(r.daily), lower: JSON.parse(r.lower), upper: JSON.parse(r.upper), firstDay: r.first_day }, policy, today);
    const owed = onOrder.get(r.sku) ?? 0;
    const position = r.on_hand + owed;
    if (lv.weeklyDemand <= 0 || position > lv.reorderPoint) continue;
    const need = Math.max(0, lv.orderUpTo - position);
    const qty = Math.max(1, Math.ceil(need / r.pack_size)) * r.pack_size;
    const parts = [`sells ${units(lv.weeklyDemand)}/week`, `${r.on_hand} on hand`];
    if (owed) parts.push(`${owed} on order`);
    parts.push(`delivery in ${policy.leadDays} day${policy.leadDays === 1 ? '' : 's'}`);
    if (r.pack_size > 1) parts.push(`packs of ${r.pack_size}`);
    out.push({
      sku: r.sku, name: r.name, department: r.department, qty, packSize: r.pack_size, onHand: r.on_hand, onOrder: owed,
      reorderPoint: Math.round(lv.reorderPoint * 10) / 10, orderUpTo: Math.round(lv.orderUpTo * 10) / 10, weeklyDemand: Math.round(lv.weeklyDemand * 10) / 10,
      method: r.method, reason: parts.join(', '),
    });
  }
  return out;
}
