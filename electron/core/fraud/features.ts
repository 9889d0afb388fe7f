// Runs: node (core). Turns one transaction plus the store's history into numbers the rules and
// the model read: this terminal's own transactions, and for card and cashier velocity also the
// other lanes' (store_txns, shared through the store hub), so a card tested across three lanes
// counts as on one. Every query is an index range: short windows (10 minutes, an hour, a day of
// card use) through covering indexes on transactions, the 7-day per-cashier view through the
// fraud_cashier_days rollup (8 rows whatever the store's volume). That keeps a decision within a
// few milliseconds with a million past transactions (bench/fraud.ts measures it). Which features
// there are is feature-catalog.ts; the day rollup they read is written by rollup.ts.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/database.ts';
import type { TxnRecord } from './types.ts';
import type { Features } from './feature-catalog.ts';

/** Local time and trading hours; from the store profile, or given (the simulator trades in UTC). */
export interface FeatureContext {
  timezone: string;
  /** weekday (0 = Sunday) → [opens, closes] in minutes after local midnight; null = closed. */
  hours: Array<[number, number] | null>;
}

function toMinutes(hhmm: string | null): number | null {
  if (!hhmm) return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function loadFeatureContext(db: Db): FeatureContext {
  const tz = (db.prepare('SELECT timezone FROM store_profile WHERE id = 1').pluck().get() as string | undefined) ?? 'UTC';
  const hours: FeatureContext['hours'] = Array.from({ length: 7 }, () => [7 * 60, 22 * 60] as [number, number]);
  const rows = db.prepare('SELECT weekday, opens, closes FROM opening_hours').all() as Array<{ weekday: number; opens: string | null; closes: string | null }>;
  for (const r of rows) {
    const o = toMinutes(r.opens);
    const c = toMinutes(r.closes);
    hours[r.weekday] = o === null || c === null ? null : [o, c];
  }
  let timezone = tz;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    timezone = 'UTC';
  }
  return { timezone, hours };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Local weekday and minute of day for a UTC instant. */
export function localClock(ms: number, timezone: string): { weekday: number; minute: number } {
  if (timezone === 'UTC') {
    const d = new Date(ms);
    return { weekday: d.getUTCDay(), minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
  }
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formatters.set(timezone, f);
  }
  let weekday = 0;
  let h = 0;
  let m = 0;
  for (const p of f.formatToParts(ms)) {
    if (p.type === 'weekday') weekday = WEEKDAYS[p.value] ?? 0;
    else if (p.type === 'hour') h = Number(p.value);
    else if (p.type === 'minute') m = Number(p.value);
  }
  return { weekday, minute: h * 60 + m };
}

const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface Statements {
  terminal: BetterSqlite3.Statement;
  card: BetterSqlite3.Statement;
  storeCard: BetterSqlite3.Statement;
  cashier: BetterSqlite3.Statement;
  storeCashier: BetterSqlite3.Statement;
  cashierDiscounts: BetterSqlite3.Statement;
  days: BetterSqlite3.Statement;
  byId: BetterSqlite3.Statement;
  byReceipt: BetterSqlite3.Statement;
  price: BetterSqlite3.Statement;
}

const statements = new WeakMap<Db, Statements>();

function prepared(db: Db): Statements {
  let s = statements.get(db);
  if (s) return s;
  s = {
    terminal: db.prepare(`SELECT count(*) AS n,
        coalesce(sum(type = 'sale' AND tender_method = 'card'), 0) AS card,
        count(DISTINCT CASE WHEN type = 'sale' THEN card_fingerprint END) AS cards,
        coalesce(sum(type = 'sale' AND tender_method = 'card' AND total_cents < 500), 0) AS small,
        coalesce(sum(type = 'sale' AND entry_mode = 'keyed'), 0) AS keyed
      FROM transactions INDEXED BY transactions_terminal_cov WHERE terminal_id = ? AND ts > ? AND ts <= ?`),
    card: db.prepare(`SELECT count(*) AS n24, coalesce(sum(ts > ?), 0) AS n10
      FROM transactions INDEXED BY transactions_card_cov WHERE card_fingerprint = ? AND ts > ? AND ts <= ?`),
    storeCard: db.prepare(`SELECT count(*) AS n24, coalesce(sum(ts > ?), 0) AS n10
      FROM store_txns INDEXED BY store_txns_card WHERE card_fingerprint = ? AND ts > ? AND ts <= ?`),
    cashier: db.prepare(`SELECT count(*) AS n, coalesce(sum(type = 'refund'), 0) AS refunds,
        coalesce(sum(type = 'void'), 0) AS voids, coalesce(sum(type = 'no_sale'), 0) AS no_sale
      FROM transactions INDEXED BY transactions_cashier_cov WHERE cashier_id = ? AND ts > ? AND ts <= ?`),
    storeCashier: db.prepare(`SELECT count(*) AS n, coalesce(sum(type = 'refund'), 0) AS refunds,
        coalesce(sum(type = 'void'), 0) AS voids, coalesce(sum(type = 'no_sale'), 0) AS no_sale
      FROM store_txns INDEXED BY store_txns_cashier WHERE cashier_id = ? AND ts > ? AND ts <= ?`),
    cashierDiscounts: db
      .prepare(`SELECT count(*) FROM transactions INDEXED BY transactions_cashier_cov
        WHERE cashier_id = ? AND ts > ? AND ts <= ? AND type = 'sale' AND markdown_bp >= ?`)
      .pluck(),
    days: db.prepare(`SELECT day, n_txn, n_sales, sale_cents, n_refunds, refund_cents, n_refunds_no_receipt, n_voids,
        n_no_sale, n_lines, n_override_lines, n_discount_lines, list_cents, markdown_cents, n_card, n_keyed
      FROM fraud_cashier_days WHERE cashier_id = ? AND day >= ? AND day <= ?`),
    byId: db.prepare('SELECT ts, type, total_cents FROM transactions WHERE id = ?'),
    byReceipt: db.prepare('SELECT ts, type, total_cents FROM transactions WHERE receipt_no = ?'),
    price: db.prepare('SELECT price_cents, promo_price_cents FROM products WHERE sku = ?'),
  };
  statements.set(db, s);
  return s;
}

interface DayRow {
  day: string;
  n_txn: number;
  n_sales: number;
  sale_cents: number;
  n_refunds: number;
  refund_cents: number;
  n_refunds_no_receipt: number;
  n_voids: number;
  n_no_sale: number;
  n_lines: number;
  n_override_lines: number;
  n_discount_lines: number;
  list_cents: number;
  markdown_cents: number;
  n_card: number;
  n_keyed: number;
}

/** Line discounts as a share of the basket's stated prices, 0..1 (the discount_ratio feature). */
export function discountShare(items: TxnRecord['items']): number {
  let list = 0;
  let off = 0;
  for (const l of items) {
    list += l.unitCents * l.qty;
    if (l.discountCents > 0) off += l.discountCents;
  }
  return list > 0 ? Math.min(1, off / list) : 0;
}

/** A sale this share off or more counts as heavily discounted (the staff discount is 20%). */
export const HEAVY_DISCOUNT_BP = 1500;

/** What a line is charged before the basket total: the override (if any) times qty, less the discount. */
export function lineCharge(l: TxnRecord['items'][number]): number {
  return (l.overrideCents ?? l.unitCents) * l.qty - l.discountCents;
}

export interface BasketFacts {
  listCents: number;
  catalogCents: number;
  chargedCents: number;
  unknownSkus: string[];
  overrideLines: number;
  discountLines: number;
  discountCents: number;
  items: number;
}

/** Basket arithmetic, with shelf prices from the catalog (an unknown SKU counts at its stated price). */
export function basketFacts(db: Db, t: TxnRecord): BasketFacts {
  const s = prepared(db);
  const f: BasketFacts = { listCents: 0, catalogCents: 0, chargedCents: 0, unknownSkus: [], overrideLines: 0, discountLines: 0, discountCents: 0, items: 0 };
  for (const l of t.items) {
    const p = s.price.get(l.sku) as { price_cents: number; promo_price_cents: number | null } | undefined;
    if (!p) f.unknownSkus.push(l.sku);
    const shelf = p ? Math.min(p.price_cents, p.promo_price_cents ?? p.price_cents) : l.unitCents;
    f.listCents += l.unitCents * l.qty;
    f.catalogCents += Math.max(shelf, l.unitCents) * l.qty;
    f.chargedCents += lineCharge(l);
    if (l.overrideCents !== null && l.overrideCents !== l.unitCents) f.overrideLines++;
    if (l.discountCents > 0) {
      f.discountLines++;
      f.discountCents += l.discountCents;
    }
    f.items += l.qty;
  }
  return f;
}

export function computeFeatures(db: Db, t: TxnRecord, ctx: FeatureContext): Features {
  const s = prepared(db);
  const at = Date.parse(t.ts);
  const b = basketFacts(db, t);
  const card = t.tender.method === 'card';
  const out: Features = {};

  out.amount = Math.abs(t.totalCents) / 100;
  out.n_items = b.items;
  out.n_lines = t.items.length;
  out.is_sale = t.type === 'sale' ? 1 : 0;
  out.is_refund = t.type === 'refund' ? 1 : 0;
  out.is_void = t.type === 'void' ? 1 : 0;
  out.is_no_sale = t.type === 'no_sale' ? 1 : 0;
  out.is_card = card ? 1 : 0;
  out.is_keyed = card && t.tender.entryMode === 'keyed' ? 1 : 0;
  out.is_cash = t.tender.method === 'cash' ? 1 : 0;
  out.is_gift_card = t.tender.method === 'gift_card' ? 1 : 0;
  // Against the higher of shelf and stated price: ringing an item at a lower "unit price" than the
  // shelf says is the same give-away as an override.
  out.basket_gap_ratio = b.catalogCents > 0 ? Math.max(0, Math.min(1, 1 - Math.abs(t.totalCents) / b.catalogCents)) : 0;
  out.override_share = t.items.length ? b.overrideLines / t.items.length : 0;
  out.discount_ratio = discountShare(t.items);
  out.unknown_skus = b.unknownSkus.length;
  out.total_mismatch = t.items.length && Math.abs(Math.abs(t.totalCents) - b.chargedCents) > Math.max(1, b.chargedCents * 0.01) ? 1 : 0;

  // The original transaction, for refunds and voids.
  let original: { ts: string } | undefined;
  if (t.originalTxnId) original = s.byId.get(t.originalTxnId) as { ts: string } | undefined;
  if (!original && t.receiptRef) original = s.byReceipt.get(t.receiptRef) as { ts: string } | undefined;
  out.no_receipt = t.type === 'refund' && !t.receiptRef && !t.originalTxnId ? 1 : 0;
  out.receipt_unknown = (t.type === 'refund' || t.type === 'void') && (t.receiptRef || t.originalTxnId) && !original ? 1 : 0;
  out.original_age_h = original ? Math.max(0, (at - Date.parse(original.ts)) / HOUR) : 0;

  const clock = localClock(at, ctx.timezone);
  out.hour_local = clock.minute / 60;
  const open = ctx.hours[clock.weekday];
  out.unusual_hour = !open || clock.minute < open[0] || clock.minute >= open[1] ? 1 : 0;

  const now = t.ts;
  if (card && t.tender.fingerprint) {
    const args = [iso(at - 10 * MIN), t.tender.fingerprint, iso(at - DAY), now];
    const c = s.card.get(...args) as { n24: number; n10: number };
    const o = s.storeCard.get(...args) as { n24: number; n10: number };
    out.card_txn_10m = c.n10 + o.n10;
    out.card_txn_24h = c.n24 + o.n24;
  } else {
    out.card_txn_10m = 0;
    out.card_txn_24h = 0;
  }

  const term = s.terminal.get(t.terminalId, iso(at - 10 * MIN), now) as { n: number; card: number; cards: number; small: number; keyed: number };
  out.term_txn_10m = term.n;
  out.term_card_10m = term.card;
  out.term_cards_10m = term.cards;
  out.term_small_card_10m = term.small;
  out.term_keyed_10m = term.keyed;

  // A cashier who moves to another till brings the last hour with them.
  type Hour = { n: number; refunds: number; voids: number; no_sale: number };
  const ch = s.cashier.get(t.cashierId, iso(at - HOUR), now) as Hour;
  const oh = s.storeCashier.get(t.cashierId, iso(at - HOUR), now) as Hour;
  out.cashier_txn_1h = ch.n + oh.n;
  out.cashier_refunds_1h = ch.refunds + oh.refunds;
  out.cashier_voids_1h = ch.voids + oh.voids;
  out.cashier_no_sale_1h = ch.no_sale + oh.no_sale;
  out.cashier_discount_sales_2h = s.cashierDiscounts.get(t.cashierId, iso(at - 2 * HOUR), now, HEAVY_DISCOUNT_BP) as number;

  const today = t.ts.slice(0, 10);
  const rows = s.days.all(t.cashierId, iso(at - 6 * DAY).slice(0, 10), today) as DayRow[];
  const d1 = rows.find((r) => r.day === today);
  const w = rows.reduce(
    (a, r) => {
      a.txn += r.n_txn;
      a.sales += r.n_sales;
      a.saleCents += r.sale_cents;
      a.refundCents += r.refund_cents;
      a.noRcpt += r.n_refunds_no_receipt;
      a.voids += r.n_voids;
      a.noSale += r.n_no_sale;
      a.lines += r.n_lines;
      a.overrides += r.n_override_lines;
      a.discounts += r.n_discount_lines;
      a.list += r.list_cents;
      a.markdown += r.markdown_cents;
      a.card += r.n_card;
      a.keyed += r.n_keyed;
      return a;
    },
    { txn: 0, sales: 0, saleCents: 0, refundCents: 0, noRcpt: 0, voids: 0, noSale: 0, lines: 0, overrides: 0, discounts: 0, list: 0, markdown: 0, card: 0, keyed: 0 },
  );
  out.c1d_refunds_no_receipt = d1?.n_refunds_no_receipt ?? 0;
  out.c1d_voids = d1?.n_voids ?? 0;
  out.c1d_markdown_ratio = d1 && d1.list_cents > 0 ? d1.markdown_cents / d1.list_cents : 0;
  out.c1d_discount_lines = d1?.n_discount_lines ?? 0;
  out.c7_txn = w.txn;
  out.c7_refund_ratio = w.refundCents / Math.max(100, w.saleCents);
  out.c7_refunds_no_receipt = w.noRcpt;
  out.c7_void_ratio = w.voids / Math.max(1, w.sales);
  out.c7_override_share = w.overrides / Math.max(1, w.lines);
  out.c7_discount_share = w.discounts / Math.max(1, w.lines);
  out.c7_markdown_ratio = w.markdown / Math.max(100, w.list);
  out.c7_keyed_share = w.keyed / Math.max(1, w.card);
  out.c7_no_sale = w.noSale;
  return out;
}
