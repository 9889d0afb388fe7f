// Runs: node (core). Shift and day routines: open a shift with a float, cash drops, the X report,
// the blind close count and the day's Z report.
//
// Why it is built this way: the drawer's cash is only ever worked out here, from the float, the
// terminal's completed transactions and the drops, never taken from the UI. The close takes the
// cashier's counts per denomination and nothing else (a blind count: what the drawer "should" hold
// is answered only after the count is in, and a closed shift cannot be counted again). Every step
// writes its slip to the print queue, its drawer opening and its audit entry in the same SQLite
// transaction as the step itself, so none can be lost or happen without the others. A count off by
// CASH_DISCREPANCY_CENTS or more waits in shift_discrepancies for a supervisor: the fraud review
// queue holds transactions (and the fraud model's features are fixed), so a cash discrepancy is a
// record of its own beside it, audited like everything else.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { User } from '../auth/users.ts';
import { roles, type Role } from '../../../common/api/define.ts';
import {
  CASH_DISCREPANCY_CENTS,
  MAX_COUNT_PER_DENOMINATION,
  MAX_COUNTED_CENTS,
  MAX_FLOAT_CENTS,
  type CloseResultViewT,
  type DiscrepancyViewT,
  type ShiftTotalsT,
  type ShiftViewT,
  type TenderTotalsT,
  type ZReportViewT,
} from '../../../common/api/shift.ts';
import { readStoreProfile } from '../store/profile.ts';
import { enqueue } from '../db/outbox.ts';
import type { ZReportRecordT } from '../../../common/api/live.ts';
import { enqueuePrint, openDrawer } from '../printing/queue.ts';
import { formatCents, reportDoc, type StoreHeader } from '../printing/document.ts';

/** An over/short this large (either way) is queued for review (the contract's constant, re-exported). */
export { CASH_DISCREPANCY_CENTS };

const TENDERS = ['cash', 'card', 'gift_card'] as const;
type Tender = (typeof TENDERS)[number];
const TENDER_LABEL: Record<Tender, string> = { cash: 'Cash', card: 'Card', gift_card: 'Gift card' };

export interface Denomination {
  cents: number;
  kind: 'note' | 'coin';
}

interface ShiftRow {
  id: string;
  terminal_id: string;
  cashier_id: string;
  cashier_name: string | null;
  opened_at: string;
  float_cents: number;
  status: 'open' | 'closed';
  closed_at: string | null;
  closed_by: string | null;
  counted: string | null;
  counted_cents: number | null;
  expected_cents: number | null;
  over_short_cents: number | null;
  summary: string | null;
  z_report_id: string | null;
  drops: number;
}

const SHIFT_SELECT = `SELECT s.*, u.name AS cashier_name, (SELECT count(*) FROM cash_drops d WHERE d.shift_id = s.id) AS drops
  FROM shifts s LEFT JOIN users u ON u.id = s.cashier_id`;

function shiftView(r: ShiftRow): ShiftViewT {
  return {
    id: r.id,
    terminalId: r.terminal_id,
    cashierId: r.cashier_id,
    cashierName: r.cashier_name ?? r.cashier_id,
    openedAt: r.opened_at,
    floatCents: r.float_cents,
    status: r.status,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    drops: r.drops,
  };
}

function rank(role: Role): number {
  return roles.indexOf(role);
}

function openRow(db: Db, terminalId: string): ShiftRow | undefined {
  return db.prepare(`${SHIFT_SELECT} WHERE s.terminal_id = ? AND s.status = 'open'`).get(terminalId) as ShiftRow | undefined;
}

function needOpen(db: Db, terminalId: string): ShiftRow {
  const r = openRow(db, terminalId);
  if (!r) throw new CoreError('NOT_FOUND', `No shift is open on terminal ${terminalId}; open one first.`);
  return r;
}

/** The shift's own cashier works its drawer; a supervisor or above may step in. */
function mayWork(shift: ShiftRow, user: User, what: string): void {
  if (shift.cashier_id === user.id || rank(user.role) >= rank('supervisor')) return;
  throw new CoreError('FORBIDDEN', `This shift is ${shift.cashier_name ?? shift.cashier_id}'s; only they or a supervisor may ${what}.`);
}

// ---------------------------------------------------------------------------------------------
// The store: currency, denominations, time zone, the slip's header.

interface Store {
  header: StoreHeader;
  timeZone: string;
}

function store(db: Db): Store {
  const p = readStoreProfile(db);
  return {
    header: { name: p?.name ?? 'StoreMind', address: p?.address ?? '', phone: p?.phone ?? null, currency: p?.currency ?? 'USD' },
    timeZone: validTimeZone(p?.timezone),
  };
}

function validTimeZone(tz: string | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

/** 'YYYY-MM-DD' of an instant in a time zone (the business date). */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: validTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function localTime(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The notes and coins of a currency, largest first (the denominations table, migration 012). */
export function denominations(db: Db, currency = store(db).header.currency): Denomination[] {
  return db.prepare('SELECT cents, kind FROM denominations WHERE currency = ? ORDER BY cents DESC').all(currency) as Denomination[];
}

/** Checks a blind count and adds it up; refuses unknown denominations and unbelievable amounts. */
export function countTotal(db: Db, counted: Record<string, number>, currency = store(db).header.currency): { counted: Record<string, number>; cents: number } {
  const known = denominations(db, currency);
  if (!known.length) throw new CoreError('BAD_INPUT', `No denominations are set up for ${currency}; the drawer cannot be counted.`);
  const byCents = new Map(known.map((d) => [d.cents, d]));
  const out: Record<string, number> = {};
  let cents = 0;
  for (const [key, count] of Object.entries(counted)) {
    const value = /^[1-9][0-9]{0,6}$/.test(key) ? Number(key) : NaN;
    if (!byCents.has(value)) {
      throw new CoreError('BAD_INPUT', `"${key.slice(0, 20)}" is not a ${currency} denomination; use one of ${known.map((d) => d.cents).join(', ')} (cents).`);
    }
    if (!Number.isInteger(count) || count < 0) throw new CoreError('BAD_INPUT', `The count for ${formatCents(value, currency)} must be a whole number of 0 or more.`);
    if (count > MAX_COUNT_PER_DENOMINATION) throw new CoreError('BAD_INPUT', `${count} × ${formatCents(value, currency)} is not believable (at most ${MAX_COUNT_PER_DENOMINATION}).`);
    out[String(value)] = count;
    cents += value * count;
  }
  if (cents > MAX_COUNTED_CENTS) throw new CoreError('BAD_INPUT', `The count adds up to ${formatCents(cents, currency)}, more than a drawer can hold (${formatCents(MAX_COUNTED_CENTS, currency)}); check the counts.`);
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(out).sort((a, b) => Number(b) - Number(a))) sorted[k] = out[k]!;
  return { counted: sorted, cents };
}

// ---------------------------------------------------------------------------------------------
// What a shift took: its terminal's completed transactions between two instants.

export function shiftTotals(db: Db, shift: { terminalId: string; shiftId: string; floatCents: number; from: string; to: string }): ShiftTotalsT {
  const rows = db
    .prepare(`SELECT type, tender_method AS method, count(*) AS n, coalesce(sum(total_cents), 0) AS cents FROM transactions
      WHERE terminal_id = ? AND status = 'completed' AND ts >= ? AND ts <= ? GROUP BY type, tender_method`)
    .all(shift.terminalId, shift.from, shift.to) as Array<{ type: 'sale' | 'refund' | 'void' | 'no_sale'; method: Tender | null; n: number; cents: number }>;
  const tenders = new Map<Tender, TenderTotalsT>();
  const tender = (m: Tender) => {
    let t = tenders.get(m);
    if (!t) tenders.set(m, (t = { method: m, sales: { count: 0, cents: 0 }, refunds: { count: 0, cents: 0 }, voids: { count: 0, cents: 0 }, netCents: 0 }));
    return t;
  };
  let noSales = 0;
  let transactions = 0;
  for (const r of rows) {
    transactions += r.n;
    if (r.type === 'no_sale') {
      noSales += r.n;
      continue;
    }
    if (!r.method) continue;
    const t = tender(r.method);
    const bucket = r.type === 'sale' ? t.sales : r.type === 'refund' ? t.refunds : t.voids;
    bucket.count += r.n;
    bucket.cents += r.cents;
  }
  for (const t of tenders.values()) t.netCents = t.sales.cents - t.refunds.cents - t.voids.cents;
  const drops = db.prepare('SELECT count(*) AS n, coalesce(sum(amount_cents), 0) AS cents FROM cash_drops WHERE shift_id = ?').get(shift.shiftId) as { n: number; cents: number };
  const cash = tenders.get('cash');
  const cashSalesCents = cash?.sales.cents ?? 0;
  const cashRefundsCents = cash?.refunds.cents ?? 0;
  const cashVoidsCents = cash?.voids.cents ?? 0;
  return {
    floatCents: shift.floatCents,
    cashSalesCents,
    cashRefundsCents,
    cashVoidsCents,
    drops: drops.n,
    dropsCents: drops.cents,
    expectedCashCents: shift.floatCents + cashSalesCents - cashRefundsCents - cashVoidsCents - drops.cents,
    tenders: TENDERS.filter((m) => tenders.has(m)).map((m) => tenders.get(m)!),
    noSales,
    transactions,
  };
}

function totalsLines(t: ShiftTotalsT, currency: string): Array<{ left: string; right?: string; bold?: boolean }> {
  const m = (c: number) => formatCents(c, currency);
  const lines: Array<{ left: string; right?: string; bold?: boolean }> = [];
  for (const x of t.tenders) {
    lines.push({ left: TENDER_LABEL[x.method], bold: true });
    lines.push({ left: `  Sales (${x.sales.count})`, right: m(x.sales.cents) });
    if (x.refunds.count) lines.push({ left: `  Refunds (${x.refunds.count})`, right: m(-x.refunds.cents) });
    if (x.voids.count) lines.push({ left: `  Voids (${x.voids.count})`, right: m(-x.voids.cents) });
    lines.push({ left: '  Net', right: m(x.netCents) });
  }
  lines.push(
    { left: 'No sales', right: String(t.noSales) },
    { left: 'Transactions', right: String(t.transactions) },
    { left: '' },
    { left: 'Float', right: m(t.floatCents) },
    { left: 'Cash sales', right: m(t.cashSalesCents) },
    { left: 'Cash refunds', right: m(-t.cashRefundsCents) },
    { left: 'Cash voids', right: m(-t.cashVoidsCents) },
    { left: `Drops (${t.drops})`, right: m(-t.dropsCents) },
    { left: 'Expected in drawer', right: m(t.expectedCashCents), bold: true },
  );
  return lines;
}

function shiftHeader(s: Store, r: ShiftRow): Array<{ left: string; right?: string }> {
  return [
    { left: 'Terminal', right: r.terminal_id },
    { left: 'Cashier', right: r.cashier_name ?? r.cashier_id },
    { left: 'Opened', right: localTime(r.opened_at, s.timeZone) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Open, drop, X, close.

export interface ShiftActor {
  terminalId: string;
  user: User;
  now?: Date;
}

export function currentShift(db: Db, terminalId: string): ShiftViewT | null {
  const r = openRow(db, terminalId);
  return r ? shiftView(r) : null;
}

export function openShift(db: Db, input: ShiftActor & { floatCents: number }): ShiftViewT {
  const now = input.now ?? new Date();
  const { floatCents, terminalId, user } = input;
  if (!Number.isInteger(floatCents) || floatCents < 0 || floatCents > MAX_FLOAT_CENTS) {
    throw new CoreError('BAD_INPUT', `The float must be a whole number of cents from 0 to ${MAX_FLOAT_CENTS}.`);
  }
  const s = store(db);
  const id = crypto.randomUUID();
  db.transaction(() => {
    const open = openRow(db, terminalId);
    if (open) throw new CoreError('CONFLICT', `A shift is already open on terminal ${terminalId} (${open.cashier_name ?? open.cashier_id}, since ${localTime(open.opened_at, s.timeZone)}); close it first.`);
    db.prepare("INSERT INTO shifts (id, terminal_id, cashier_id, opened_at, float_cents, status) VALUES (?, ?, ?, ?, ?, 'open')").run(id, terminalId, user.id, now.toISOString(), floatCents);
    const row = openRow(db, terminalId)!;
    enqueuePrint(db, { kind: 'report', ref: id, doc: reportDoc('SHIFT OPEN', s.header, [...shiftHeader(s, row), { left: 'Float', right: formatCents(floatCents, s.header.currency) }]) }, now);
    openDrawer(db, { terminalId, cashierId: user.id, reason: 'shift', note: `open ${id}` }, now);
    appendAudit(db, user.id, 'shift.open', id, { terminal_id: terminalId, float_cents: floatCents }, now);
  })();
  return shiftView(db.prepare(`${SHIFT_SELECT} WHERE s.id = ?`).get(id) as ShiftRow);
}

export function cashDrop(db: Db, input: ShiftActor & { amountCents: number; note?: string | null }) {
  const now = input.now ?? new Date();
  const { amountCents, terminalId, user } = input;
  if (!Number.isInteger(amountCents) || amountCents <= 0 || amountCents > MAX_COUNTED_CENTS) {
    throw new CoreError('BAD_INPUT', `A drop is a whole number of cents from 1 to ${MAX_COUNTED_CENTS}.`);
  }
  const note = input.note?.trim().slice(0, 160) || null;
  const s = store(db);
  const id = crypto.randomUUID();
  return db.transaction(() => {
    const shift = needOpen(db, terminalId);
    mayWork(shift, user, 'drop cash from it');
    db.prepare('INSERT INTO cash_drops (id, shift_id, ts, cashier_id, amount_cents, note) VALUES (?, ?, ?, ?, ?, ?)').run(id, shift.id, now.toISOString(), user.id, amountCents, note);
    const dropsCents = db.prepare('SELECT coalesce(sum(amount_cents), 0) FROM cash_drops WHERE shift_id = ?').pluck().get(shift.id) as number;
    const m = (c: number) => formatCents(c, s.header.currency);
    enqueuePrint(db, {
      kind: 'report',
      ref: id,
      doc: reportDoc('CASH DROP', s.header, [
        ...shiftHeader(s, shift),
        { left: 'Dropped at', right: localTime(now.toISOString(), s.timeZone) },
        { left: 'By', right: user.name },
        { left: 'Amount', right: m(amountCents), bold: true },
        ...(note ? [{ left: `Note: ${note}` }] : []),
        { left: 'Drops this shift', right: m(dropsCents) },
      ]),
    }, now);
    openDrawer(db, { terminalId, cashierId: user.id, reason: 'shift', note: `drop ${id}` }, now);
    appendAudit(db, user.id, 'shift.drop', shift.id, { drop_id: id, amount_cents: amountCents, note }, now);
    return { id, shiftId: shift.id, ts: now.toISOString(), amountCents, note, dropsCents };
  })();
}

/** The mid-shift report: what the shift took so far and what the drawer should hold. Closes nothing. */
export function xReport(db: Db, input: ShiftActor) {
  const now = input.now ?? new Date();
  const s = store(db);
  return db.transaction(() => {
    const shift = needOpen(db, input.terminalId);
    const totals = shiftTotals(db, { terminalId: shift.terminal_id, shiftId: shift.id, floatCents: shift.float_cents, from: shift.opened_at, to: now.toISOString() });
    const printJobId = enqueuePrint(db, {
      kind: 'report',
      ref: shift.id,
      doc: reportDoc('X REPORT', s.header, [
        ...shiftHeader(s, shift),
        { left: 'As of', right: localTime(now.toISOString(), s.timeZone) },
        { left: 'Not a closing report', bold: true },
        { left: '' },
        ...totalsLines(totals, s.header.currency),
      ]),
    }, now);
    appendAudit(db, input.user.id, 'shift.x', shift.id, { expected_cents: totals.expectedCashCents }, now);
    return { shift: shiftView(shift), asOf: now.toISOString(), totals, printJobId };
  })();
}

/**
 * Closes the open shift with the cashier's blind count. Expected cash is worked out here, at the
 * moment of closing, and answered with the result; the count cannot be changed afterwards.
 */
export function closeShift(db: Db, input: ShiftActor & { counted: Record<string, number> }): CloseResultViewT {
  const now = input.now ?? new Date();
  const { terminalId, user } = input;
  const s = store(db);
  const count = countTotal(db, input.counted, s.header.currency);
  return db.transaction(() => {
    const shift = needOpen(db, terminalId);
    mayWork(shift, user, 'close it');
    const at = now.toISOString();
    const totals = shiftTotals(db, { terminalId, shiftId: shift.id, floatCents: shift.float_cents, from: shift.opened_at, to: at });
    const expected = totals.expectedCashCents;
    const overShort = count.cents - expected;
    const changed = db
      .prepare(`UPDATE shifts SET status = 'closed', closed_at = ?, closed_by = ?, counted = ?, counted_cents = ?, expected_cents = ?, over_short_cents = ?, summary = ?
        WHERE id = ? AND status = 'open'`)
      .run(at, user.id, JSON.stringify(count.counted), count.cents, expected, overShort, JSON.stringify(totals), shift.id).changes;
    if (changed !== 1) throw new CoreError('CONFLICT', 'That shift was closed meanwhile.');
    const m = (c: number) => formatCents(c, s.header.currency);
    const flagged = Math.abs(overShort) >= CASH_DISCREPANCY_CENTS;
    enqueuePrint(db, {
      kind: 'report',
      ref: shift.id,
      doc: reportDoc('SHIFT CLOSE', s.header, [
        ...shiftHeader(s, shift),
        { left: 'Closed', right: localTime(at, s.timeZone) },
        { left: 'Closed by', right: user.name },
        { left: '' },
        { left: 'Count', bold: true },
        ...Object.entries(count.counted).filter(([, n]) => n > 0).map(([c, n]) => ({ left: `  ${n} x ${m(Number(c))}`, right: m(Number(c) * n) })),
        { left: 'Counted', right: m(count.cents), bold: true },
        { left: '' },
        ...totalsLines(totals, s.header.currency),
        { left: overShort >= 0 ? 'Over' : 'Short', right: m(overShort), bold: true },
        ...(flagged ? [{ left: '*** Sent for review ***', bold: true }] : []),
      ]),
    }, now);
    openDrawer(db, { terminalId, cashierId: user.id, reason: 'shift', note: `close ${shift.id}` }, now);
    appendAudit(db, user.id, 'shift.close', shift.id, { terminal_id: terminalId, float_cents: shift.float_cents, counted_cents: count.cents, expected_cents: expected, over_short_cents: overShort }, now);
    if (flagged) {
      const did = crypto.randomUUID();
      db.prepare(`INSERT INTO shift_discrepancies (id, shift_id, ts, terminal_id, cashier_id, counted_cents, expected_cents, over_short_cents, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')`).run(did, shift.id, at, terminalId, shift.cashier_id, count.cents, expected, overShort);
      appendAudit(db, user.id, 'shift.discrepancy', shift.id, { discrepancy_id: did, cashier_id: shift.cashier_id, over_short_cents: overShort, threshold_cents: CASH_DISCREPANCY_CENTS }, now);
    }
    const closed = db.prepare(`${SHIFT_SELECT} WHERE s.id = ?`).get(shift.id) as ShiftRow;
    return { shift: shiftView(closed), counted: count.counted, countedCents: count.cents, expectedCents: expected, overShortCents: overShort, flagged, totals };
  })();
}

// ---------------------------------------------------------------------------------------------
// The day: Z reports.

interface ZRow {
  id: string;
  terminal_id: string;
  number: number;
  business_date: string;
  created_at: string;
  created_by: string;
  report: string;
}

function zView(r: ZRow): ZReportViewT {
  const rep = JSON.parse(r.report) as Pick<ZReportViewT, 'shifts' | 'totals'>;
  return { id: r.id, terminalId: r.terminal_id, number: r.number, businessDate: r.business_date, createdAt: r.created_at, createdBy: r.created_by, shifts: rep.shifts, totals: rep.totals };
}

function addTotals(shifts: ShiftRow[]): ZReportViewT['totals'] {
  const tenders = new Map<Tender, TenderTotalsT>();
  const sum: ZReportViewT['totals'] = {
    floatCents: 0, cashSalesCents: 0, cashRefundsCents: 0, cashVoidsCents: 0, drops: 0, dropsCents: 0, expectedCashCents: 0, tenders: [], noSales: 0, transactions: 0,
    shifts: shifts.length, salesCents: 0, refundsCents: 0, voidsCents: 0, netSalesCents: 0, countedCents: 0, overShortCents: 0,
  };
  for (const sh of shifts) {
    const t = JSON.parse(sh.summary ?? 'null') as ShiftTotalsT | null;
    sum.countedCents += sh.counted_cents ?? 0;
    sum.overShortCents += sh.over_short_cents ?? 0;
    if (!t) continue;
    sum.floatCents += t.floatCents;
    sum.cashSalesCents += t.cashSalesCents;
    sum.cashRefundsCents += t.cashRefundsCents;
    sum.cashVoidsCents += t.cashVoidsCents;
    sum.drops += t.drops;
    sum.dropsCents += t.dropsCents;
    sum.expectedCashCents += t.expectedCashCents;
    sum.noSales += t.noSales;
    sum.transactions += t.transactions;
    for (const x of t.tenders) {
      const acc = tenders.get(x.method) ?? { method: x.method, sales: { count: 0, cents: 0 }, refunds: { count: 0, cents: 0 }, voids: { count: 0, cents: 0 }, netCents: 0 };
      acc.sales.count += x.sales.count;
      acc.sales.cents += x.sales.cents;
      acc.refunds.count += x.refunds.count;
      acc.refunds.cents += x.refunds.cents;
      acc.voids.count += x.voids.count;
      acc.voids.cents += x.voids.cents;
      acc.netCents += x.netCents;
      tenders.set(x.method, acc);
    }
  }
  sum.tenders = TENDERS.filter((m) => tenders.has(m)).map((m) => tenders.get(m)!);
  for (const x of sum.tenders) {
    sum.salesCents += x.sales.cents;
    sum.refundsCents += x.refunds.cents;
    sum.voidsCents += x.voids.cents;
  }
  sum.netSalesCents = sum.salesCents - sum.refundsCents - sum.voidsCents;
  return sum;
}

/**
 * The day's Z report for a terminal: numbered without gaps, one per business day (the store's time
 * zone), over every closed shift not yet in a Z report that closed on or before that day. Needs
 * the terminal's shift closed first, and a manager.
 */
export function zReport(db: Db, input: ShiftActor & { businessDate?: string | null }): ZReportViewT {
  const now = input.now ?? new Date();
  const { terminalId, user } = input;
  if (rank(user.role) < rank('manager')) throw new CoreError('FORBIDDEN', `${user.name} is a ${user.role}; a manager or above produces the Z report.`);
  const s = store(db);
  const today = localDate(now, s.timeZone);
  const date = input.businessDate ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new CoreError('BAD_INPUT', 'The business date is YYYY-MM-DD.');
  if (date > today) throw new CoreError('BAD_INPUT', `${date} has not begun yet in the store's time zone (today is ${today}).`);
  return db.transaction(() => {
    const done = db.prepare('SELECT number FROM z_reports WHERE terminal_id = ? AND business_date = ?').pluck().get(terminalId, date) as number | undefined;
    if (done !== undefined) throw new CoreError('CONFLICT', `Z report #${done} was already produced for ${date} on terminal ${terminalId}; a day has one Z report.`);
    const later = db.prepare('SELECT number, business_date FROM z_reports WHERE terminal_id = ? AND business_date > ? ORDER BY business_date DESC LIMIT 1').get(terminalId, date) as { number: number; business_date: string } | undefined;
    if (later) throw new CoreError('CONFLICT', `Z report #${later.number} is already for a later day (${later.business_date}); Z reports go forward, day by day.`);
    const open = openRow(db, terminalId);
    if (open) throw new CoreError('CONFLICT', `${open.cashier_name ?? open.cashier_id}'s shift (since ${localTime(open.opened_at, s.timeZone)}) is still open; close it before the Z report.`);
    const shifts = (db.prepare(`${SHIFT_SELECT} WHERE s.terminal_id = ? AND s.status = 'closed' AND s.z_report_id IS NULL ORDER BY s.closed_at`).all(terminalId) as ShiftRow[])
      .filter((r) => localDate(new Date(r.closed_at!), s.timeZone) <= date);
    const number = ((db.prepare('SELECT max(number) FROM z_reports WHERE terminal_id = ?').pluck().get(terminalId) as number | null) ?? 0) + 1;
    const id = crypto.randomUUID();
    const report: Pick<ZReportViewT, 'shifts' | 'totals'> = {
      shifts: shifts.map((r) => ({
        id: r.id, cashierId: r.cashier_id, cashierName: r.cashier_name ?? r.cashier_id, openedAt: r.opened_at, closedAt: r.closed_at!,
        floatCents: r.float_cents, countedCents: r.counted_cents ?? 0, expectedCents: r.expected_cents ?? 0, overShortCents: r.over_short_cents ?? 0,
      })),
      totals: addTotals(shifts),
    };
    db.prepare('INSERT INTO z_reports (id, terminal_id, number, business_date, created_at, created_by, report) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, terminalId, number, date, now.toISOString(), user.id, JSON.stringify(report));
    const mark = db.prepare('UPDATE shifts SET z_report_id = ? WHERE id = ?');
    for (const r of shifts) mark.run(id, r.id);
    const m = (c: number) => formatCents(c, s.header.currency);
    const t = report.totals;
    enqueuePrint(db, {
      kind: 'report',
      ref: id,
      doc: reportDoc(`Z REPORT #${number}`, s.header, [
        { left: 'Terminal', right: terminalId },
        { left: 'Business date', right: date },
        { left: 'Produced', right: localTime(now.toISOString(), s.timeZone) },
        { left: 'By', right: user.name },
        { left: '' },
        ...report.shifts.flatMap((x) => [
          { left: `Shift ${x.cashierName}`, bold: true },
          { left: `  ${localTime(x.openedAt, s.timeZone)} - ${localTime(x.closedAt, s.timeZone)}` },
          { left: '  Counted / expected', right: `${m(x.countedCents)} / ${m(x.expectedCents)}` },
          { left: `  ${x.overShortCents >= 0 ? 'Over' : 'Short'}`, right: m(x.overShortCents) },
        ]),
        ...(report.shifts.length ? [] : [{ left: 'No shifts closed this day' }]),
        { left: '' },
        ...totalsLines(t, s.header.currency),
        { left: 'Counted', right: m(t.countedCents) },
        { left: t.overShortCents >= 0 ? 'Over' : 'Short', right: m(t.overShortCents), bold: true },
        { left: 'Net sales', right: m(t.netSalesCents), bold: true },
      ]),
    }, now);
    appendAudit(db, user.id, 'shift.z', id, { terminal_id: terminalId, number, business_date: date, shifts: shifts.length, net_sales_cents: t.netSalesCents, over_short_cents: t.overShortCents }, now);
    // The back office on another PC lists every till's Z reports: shared with the store (and the platform).
    const record: ZReportRecordT = { id, terminalId, number, businessDate: date, createdAt: now.toISOString(), createdBy: user.id, report };
    enqueue(db, 'z_report', id, record, now);
    return zView(db.prepare('SELECT * FROM z_reports WHERE id = ?').get(id) as ZRow);
  })();
}

export function listZReports(db: Db, opts: { limit?: number; terminalId?: string } = {}): ZReportViewT[] {
  const rows = opts.terminalId
    ? db.prepare('SELECT * FROM z_reports WHERE terminal_id = ? ORDER BY business_date DESC, number DESC LIMIT ?').all(opts.terminalId, opts.limit ?? 100)
    : db.prepare('SELECT * FROM z_reports ORDER BY business_date DESC, terminal_id, number DESC LIMIT ?').all(opts.limit ?? 100);
  return (rows as ZRow[]).map(zView);
}

// ---------------------------------------------------------------------------------------------
// Cash discrepancies: the review queue beside the fraud queue.

interface DiscrepancyRow {
  id: string;
  shift_id: string;
  ts: string;
  terminal_id: string;
  cashier_id: string;
  cashier_name: string | null;
  counted_cents: number;
  expected_cents: number;
  over_short_cents: number;
  status: 'open' | 'reviewed';
  reviewed_by: string | null;
  reviewed_at: string | null;
  note: string | null;
}

const DISCREPANCY_SELECT = 'SELECT d.*, u.name AS cashier_name FROM shift_discrepancies d LEFT JOIN users u ON u.id = d.cashier_id';

function discrepancyView(r: DiscrepancyRow): DiscrepancyViewT {
  return {
    id: r.id, shiftId: r.shift_id, ts: r.ts, terminalId: r.terminal_id, cashierId: r.cashier_id, cashierName: r.cashier_name ?? r.cashier_id,
    countedCents: r.counted_cents, expectedCents: r.expected_cents, overShortCents: r.over_short_cents, status: r.status,
    reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, note: r.note,
  };
}

export function listDiscrepancies(db: Db, opts: { filter?: 'open' | 'all'; limit?: number } = {}): { items: DiscrepancyViewT[]; open: number } {
  const where = (opts.filter ?? 'open') === 'open' ? "WHERE d.status = 'open'" : '';
  const rows = db.prepare(`${DISCREPANCY_SELECT} ${where} ORDER BY d.ts DESC LIMIT ?`).all(opts.limit ?? 100) as DiscrepancyRow[];
  const open = db.prepare("SELECT count(*) FROM shift_discrepancies WHERE status = 'open'").pluck().get() as number;
  return { items: rows.map(discrepancyView), open };
}

export function reviewDiscrepancy(db: Db, id: string, user: User, note: string | null = null, now = new Date()): DiscrepancyViewT {
  return db.transaction(() => {
    const r = db.prepare(`${DISCREPANCY_SELECT} WHERE d.id = ?`).get(id) as DiscrepancyRow | undefined;
    if (!r) throw new CoreError('NOT_FOUND', `No cash discrepancy ${id.slice(0, 64)}.`);
    if (r.status === 'reviewed') throw new CoreError('CONFLICT', 'That cash discrepancy was already reviewed.');
    if (r.cashier_id === user.id) throw new CoreError('FORBIDDEN', 'You cannot review your own cash discrepancy; ask another supervisor.');
    const text = note?.trim().slice(0, 160) || null;
    db.prepare("UPDATE shift_discrepancies SET status = 'reviewed', reviewed_by = ?, reviewed_at = ?, note = ? WHERE id = ?").run(user.id, now.toISOString(), text, id);
    appendAudit(db, user.id, 'shift.discrepancy.reviewed', r.shift_id, { discrepancy_id: id, over_short_cents: r.over_short_cents, note: text }, now);
    return discrepancyView(db.prepare(`${DISCREPANCY_SELECT} WHERE d.id = ?`).get(id) as DiscrepancyRow);
  })();
}

/** Another till's Z report, from the store's change feed; a report is written once, so the first copy stands. */
export function applyStoreZReport(db: Db, z: ZReportRecordT): void {
  db.prepare(`INSERT INTO z_reports (id, terminal_id, number, business_date, created_at, created_by, report) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING`).run(z.id, z.terminalId, z.number, z.businessDate, z.createdAt, z.createdBy, JSON.stringify(z.report));
}
