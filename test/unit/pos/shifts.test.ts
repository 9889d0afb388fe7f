// Shift and day routines on a real SQLite file: expected cash from the float, cash sales, refunds,
// voids and drops (card sales and other terminals' or unfinished transactions do not count), the
// over/short sign, the blind count, the checks on counts, Z numbering and one Z a day, the slips
// and drawer openings queued, and a discrepancy reaching the review queue and the audit log.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { seedDemoStaff, type User } from '../../../electron/core/auth/users.ts';
import { verifyAuditChain } from '../../../electron/core/audit/audit.ts';
import { recordTransaction } from '../../../electron/core/pos/record.ts';
import type { Decision, TxnRecord } from '../../../electron/core/fraud/types.ts';
import {
  CASH_DISCREPANCY_CENTS,
  cashDrop,
  closeShift,
  currentShift,
  denominations,
  listDiscrepancies,
  listZReports,
  localDate,
  openShift,
  reviewDiscrepancy,
  xReport,
  zReport,
} from '../../../electron/core/pos/shifts.ts';
import { shiftOps } from '../../../common/api/shift.ts';
import { setSetting } from '../../../electron/core/settings/settings.ts';
import { tempDir } from '../../helpers/tmp.ts';

const cashier: User = { id: 'u-cashier', name: 'Casey Cashier', role: 'cashier' };
const otherCashier: User = { id: 'u-other', name: 'Olly Other', role: 'cashier' };
const supervisor: User = { id: 'u-supervisor', name: 'Sam Supervisor', role: 'supervisor' };
const manager: User = { id: 'u-manager', name: 'Morgan Manager', role: 'manager' };
const T = 'terminal-1';
const at = (iso: string) => new Date(iso);
const ALLOW: Decision = { score: 0.1, decision: 'allow', reasons: [], rulesFired: [], modelScore: 0, rulesVersion: 't', modelVersion: 'none', features: {} };

function store(name: string): Db {
  const db = openDatabase(path.join(tempDir(), `${name}.db`));
  seedDemoStore(db); // America/Chicago, USD
  seedDemoStaff(db);
  setSetting(db, 'printerUrl', 'tcp://127.0.0.1:9'); // queued only: no worker runs here
  return db;
}

let n = 0;
function txn(db: Db, over: Partial<TxnRecord> & { ts: string }, status?: 'completed' | 'blocked' | 'pending_approval'): TxnRecord {
  const p = db.prepare('SELECT sku FROM products ORDER BY sku LIMIT 1').pluck().get() as string;
  const cents = over.totalCents ?? 1000;
  const t: TxnRecord = {
    id: `shift-t${++n}`,
    terminalId: T,
    cashierId: cashier.id,
    type: 'sale',
    items: over.type === 'no_sale' ? [] : [{ sku: p, qty: 1, unitCents: cents, overrideCents: null, discountCents: 0 }],
    totalCents: cents,
    tender: { method: 'cash', fingerprint: null, last4: null, entryMode: null },
    receiptRef: null,
    originalTxnId: null,
    ...over,
  };
  recordTransaction(db, t, ALLOW, { status, stock: false, now: at(over.ts) });
  return t;
}
const card = { method: 'card' as const, fingerprint: 'pt_abcdef12', last4: '4242', entryMode: 'chip' as const };
const count = (db: Db, sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

/** 1 × $100, 1 × $5, 3 × $1, 4 × 25¢ = $109.00 */
const COUNT_10900 = { '10000': 1, '500': 1, '100': 3, '25': 4 };

describe('shifts', () => {
  it('expected cash = float + cash sales − cash refunds − cash voids − drops; card and unfinished sales do not count; the X report closes nothing', () => {
    const db = store('expected');
    txn(db, { ts: '2025-06-02T13:00:00.000Z', totalCents: 9999 }); // before the shift
    const shift = openShift(db, { terminalId: T, user: cashier, floatCents: 10_000, now: at('2025-06-02T14:00:00Z') });
    expect(shift).toMatchObject({ status: 'open', floatCents: 10_000, cashierName: 'Casey Cashier', drops: 0 });
    const s1 = txn(db, { ts: '2025-06-02T14:10:00.000Z', totalCents: 2500 });
    const s2 = txn(db, { ts: '2025-06-02T14:12:00.000Z', totalCents: 1500 });
    txn(db, { ts: '2025-06-02T14:15:00.000Z', totalCents: 4000, tender: card }); // card: not in the drawer
    txn(db, { ts: '2025-06-02T14:16:00.000Z', totalCents: 800, tender: { method: 'gift_card', fingerprint: null, last4: null, entryMode: null } });
    txn(db, { ts: '2025-06-02T14:20:00.000Z', type: 'refund', totalCents: 700, originalTxnId: s1.id });
    txn(db, { ts: '2025-06-02T14:25:00.000Z', type: 'void', totalCents: 1500, originalTxnId: s2.id });
    txn(db, { ts: '2025-06-02T14:26:00.000Z', type: 'no_sale', totalCents: 0, tender: { method: null, fingerprint: null, last4: null, entryMode: null } });
    txn(db, { ts: '2025-06-02T14:27:00.000Z', totalCents: 5000, terminalId: 'terminal-2' }); // another till
    txn(db, { ts: '2025-06-02T14:28:00.000Z', totalCents: 6000 }, 'blocked');
    txn(db, { ts: '2025-06-02T14:29:00.000Z', type: 'refund', totalCents: 6000 }, 'pending_approval');
    const drop = cashDrop(db, { terminalId: T, user: cashier, amountCents: 1000, note: 'to safe', now: at('2025-06-02T14:40:00Z') });
    expect(drop).toMatchObject({ amountCents: 1000, dropsCents: 1000, note: 'to safe', shiftId: shift.id });

    const x = xReport(db, { terminalId: T, user: cashier, now: at('2025-06-02T14:50:00Z') });
    expect(x.totals).toMatchObject({ floatCents: 10_000, cashSalesCents: 4000, cashRefundsCents: 700, cashVoidsCents: 1500, drops: 1, dropsCents: 1000, noSales: 1, transactions: 7 });
    expect(x.totals.expectedCashCents).toBe(10_000 + 4000 - 700 - 1500 - 1000);
    const byTender = Object.fromEntries(x.totals.tenders.map((t) => [t.method, t]));
    expect(byTender.cash).toMatchObject({ sales: { count: 2, cents: 4000 }, refunds: { count: 1, cents: 700 }, voids: { count: 1, cents: 1500 }, netCents: 1800 });
    expect(byTender.card).toMatchObject({ sales: { count: 1, cents: 4000 }, netCents: 4000 });
    expect(byTender.gift_card).toMatchObject({ sales: { count: 1, cents: 800 } });
    // Printing an X report closes nothing.
    expect(currentShift(db, T)?.status).toBe('open');
    expect(count(db, "SELECT count(*) FROM print_jobs WHERE kind = 'report' AND id = ?", x.printJobId)).toBe(1);

    // Counted $109.00 against $108.00 expected: $1.00 over (positive), below the review threshold.
    const r = closeShift(db, { terminalId: T, user: cashier, counted: COUNT_10900, now: at('2025-06-02T15:00:00Z') });
    expect(r.expectedCents).toBe(10_800);
    expect(r.countedCents).toBe(10_900);
    expect(r.overShortCents).toBe(100);
    expect(r.flagged).toBe(false);
    expect(r.shift).toMatchObject({ status: 'closed', closedBy: 'u-cashier', closedAt: '2025-06-02T15:00:00.000Z' });
    expect(currentShift(db, T)).toBeNull();
    // A sale after the close belongs to no shift of this one's.
    txn(db, { ts: '2025-06-02T15:05:00.000Z', totalCents: 700 });
    const row = db.prepare('SELECT counted, counted_cents, expected_cents, over_short_cents FROM shifts WHERE id = ?').get(shift.id) as Record<string, unknown>;
    expect(row).toEqual({ counted: JSON.stringify({ '10000': 1, '500': 1, '100': 3, '25': 4 }), counted_cents: 10_900, expected_cents: 10_800, over_short_cents: 100 });
  });

  it('short is negative; a count that is far enough off is queued for review and audited, and reviewed by someone else', () => {
    const db = store('short');
    openShift(db, { terminalId: T, user: cashier, floatCents: 10_000, now: at('2025-06-02T14:00:00Z') });
    txn(db, { ts: '2025-06-02T14:10:00.000Z', totalCents: 2000 });
    // Expected $120.00, counted $109.00: $11.00 short.
    const r = closeShift(db, { terminalId: T, user: cashier, counted: COUNT_10900, now: at('2025-06-02T15:00:00Z') });
    expect(r.overShortCents).toBe(-1100);
    expect(Math.abs(r.overShortCents)).toBeGreaterThanOrEqual(CASH_DISCREPANCY_CENTS);
    expect(r.flagged).toBe(true);
    const q = listDiscrepancies(db);
    expect(q.open).toBe(1);
    expect(q.items[0]).toMatchObject({ shiftId: r.shift.id, cashierId: 'u-cashier', cashierName: 'Casey Cashier', overShortCents: -1100, countedCents: 10_900, expectedCents: 12_000, status: 'open' });
    const audit = db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'shift.%' ORDER BY seq").all() as Array<{ action: string; details: string }>;
    expect(audit.map((a) => a.action)).toEqual(['shift.open', 'shift.close', 'shift.discrepancy']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ counted_cents: 10_900, expected_cents: 12_000, over_short_cents: -1100 });
    expect(JSON.parse(audit[2]!.details)).toMatchObject({ over_short_cents: -1100, threshold_cents: CASH_DISCREPANCY_CENTS });
    // The cashier cannot clear their own discrepancy; a supervisor can, once.
    const id = q.items[0]!.id;
    expect(() => reviewDiscrepancy(db, id, cashier)).toThrow(/your own/);
    expect(reviewDiscrepancy(db, id, supervisor, 'recounted: a $10 note under the tray')).toMatchObject({ status: 'reviewed', reviewedBy: 'u-supervisor', note: 'recounted: a $10 note under the tray' });
    expect(() => reviewDiscrepancy(db, id, supervisor)).toThrow(/already reviewed/);
    expect(listDiscrepancies(db).open).toBe(0);
    expect(listDiscrepancies(db, { filter: 'all' }).items).toHaveLength(1);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('the count is blind: nothing before the close says what is expected, the close takes counts only, and a closed shift cannot be recounted', () => {
    const db = store('blind');
    const opened = openShift(db, { terminalId: T, user: cashier, floatCents: 5000, now: at('2025-06-02T14:00:00Z') });
    txn(db, { ts: '2025-06-02T14:10:00.000Z', totalCents: 2000 });
    const json = JSON.stringify(currentShift(db, T));
    expect(json).not.toMatch(/expected|counted|overShort/i);
    expect(json).not.toContain('7000');
    expect(Object.keys(opened)).not.toContain('expectedCents');
    // The contract refuses anything but counts (a UI cannot send, or be sent, an "expected" figure).
    const close = shiftOps['shift.close'].input;
    expect(close.safeParse({ counted: { '2000': 1 } }).success).toBe(true);
    expect(close.safeParse({ counted: { '2000': 1 }, expectedCents: 7000 }).success).toBe(false);
    expect(Object.keys(shiftOps['shift.current'].output.shape.shift.unwrap().shape)).not.toContain('expectedCents');
    const r = closeShift(db, { terminalId: T, user: cashier, counted: { '5000': 1, '2000': 1 }, now: at('2025-06-02T15:00:00Z') });
    expect(r.overShortCents).toBe(0);
    expect(() => closeShift(db, { terminalId: T, user: cashier, counted: { '5000': 1, '2000': 1 }, now: at('2025-06-02T15:01:00Z') })).toThrow(/No shift is open/);
  });

  it('refuses bad counts, bad floats and drops with clear messages, and leaves the shift open', () => {
    const db = store('bad');
    for (const floatCents of [-1, 1_000_001, 12.5]) {
      expect(() => openShift(db, { terminalId: T, user: cashier, floatCents })).toThrow(/float must be a whole number of cents from 0 to 1000000/);
    }
    expect(shiftOps['shift.open'].input.safeParse({ floatCents: -5 }).success).toBe(false);
    expect(() => xReport(db, { terminalId: T, user: cashier })).toThrow(/No shift is open on terminal terminal-1/);
    openShift(db, { terminalId: T, user: cashier, floatCents: 10_000 });
    expect(() => openShift(db, { terminalId: T, user: manager, floatCents: 0 })).toThrow(/already open on terminal terminal-1/);
    // The database itself holds one open shift per terminal.
    expect(() => db.prepare("INSERT INTO shifts (id, terminal_id, cashier_id, opened_at, float_cents, status) VALUES ('x', ?, 'u', '2025', 0, 'open')").run(T)).toThrow(/UNIQUE/);
    const bad: Array<[Record<string, number>, RegExp]> = [
      [{ '2000': -1 }, /whole number of 0 or more/],
      [{ '2000': 1.5 }, /whole number of 0 or more/],
      [{ '7': 2 }, /"7" is not a USD denomination; use one of 10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1/],
      [{ abc: 2 }, /"abc" is not a USD denomination/],
      [{ '10000': 100_001 }, /not believable \(at most 100000\)/],
      [{ '10000': 100_000, '5000': 100_000 }, /more than a drawer can hold/],
    ];
    for (const [counted, msg] of bad) {
      expect(() => closeShift(db, { terminalId: T, user: cashier, counted }), JSON.stringify(counted)).toThrow(msg);
    }
    expect(shiftOps['shift.close'].input.safeParse({ counted: { '2000': -1 } }).success).toBe(false);
    expect(shiftOps['shift.close'].input.safeParse({ counted: { abc: 1 } }).success).toBe(false);
    expect(currentShift(db, T)?.status).toBe('open');
    // Drops: positive whole cents; only the shift's cashier or a supervisor works its drawer.
    expect(() => cashDrop(db, { terminalId: T, user: cashier, amountCents: 0 })).toThrow(/from 1 to/);
    expect(() => cashDrop(db, { terminalId: T, user: otherCashier, amountCents: 100 })).toThrow(/only they or a supervisor/);
    expect(() => closeShift(db, { terminalId: T, user: otherCashier, counted: {} })).toThrow(/only they or a supervisor/);
    expect(cashDrop(db, { terminalId: T, user: supervisor, amountCents: 100 }).dropsCents).toBe(100);
    expect(() => db.prepare("INSERT INTO cash_drops (id, shift_id, ts, cashier_id, amount_cents) VALUES ('d', (SELECT id FROM shifts LIMIT 1), '2025', 'u', 0)").run()).toThrow(/CHECK/);
    expect(denominations(db, 'CNY').map((d) => d.cents)).toEqual([10000, 5000, 2000, 1000, 500, 100, 50, 10]);
  });

  it('open, drop and close each queue a slip and open the drawer (reason shift); X and Z queue a report', () => {
    const db = store('print');
    const s = openShift(db, { terminalId: T, user: cashier, floatCents: 10_000, now: at('2025-06-02T14:00:00Z') });
    const d = cashDrop(db, { terminalId: T, user: cashier, amountCents: 2000, now: at('2025-06-02T14:30:00Z') });
    xReport(db, { terminalId: T, user: cashier, now: at('2025-06-02T14:40:00Z') });
    closeShift(db, { terminalId: T, user: cashier, counted: { '5000': 1, '2000': 1, '1000': 1 }, now: at('2025-06-02T15:00:00Z') });
    const z = zReport(db, { terminalId: T, user: manager, now: at('2025-06-02T23:00:00Z') });
    const reports = db.prepare("SELECT ref, doc FROM print_jobs WHERE kind = 'report' ORDER BY created_at").all() as Array<{ ref: string; doc: string }>;
    const titles = reports.map((r) => (JSON.parse(r.doc) as { blocks: Array<{ text?: string }> }).blocks[1]!.text);
    expect(titles).toEqual(['SHIFT OPEN', 'CASH DROP', 'X REPORT', 'SHIFT CLOSE', 'Z REPORT #1']);
    expect(reports.map((r) => r.ref)).toEqual([s.id, d.id, s.id, s.id, z.id]);
    const closeDoc = reports[3]!.doc;
    expect(closeDoc).toContain('$80.00'); // counted
    expect(closeDoc).toContain('Expected in drawer');
    const openings = db.prepare('SELECT reason, note, cashier_id FROM drawer_openings ORDER BY ts').all() as Array<{ reason: string; note: string; cashier_id: string }>;
    expect(openings.map((o) => o.reason)).toEqual(['shift', 'shift', 'shift']);
    expect(openings.map((o) => o.note.split(' ')[0])).toEqual(['open', 'drop', 'close']);
    expect(count(db, "SELECT count(*) FROM print_jobs WHERE kind = 'drawer'")).toBe(3);
  });

  it('Z reports: numbered per terminal, one per day (CONFLICT), need the shift closed and a manager, cover the day\'s closed shifts once', () => {
    const db = store('z');
    const day1 = (h: string) => at(`2025-06-02T${h}:00Z`); // Chicago: 5 hours behind in June
    openShift(db, { terminalId: T, user: cashier, floatCents: 10_000, now: day1('14:00') });
    txn(db, { ts: '2025-06-02T14:10:00.000Z', totalCents: 2500 });
    txn(db, { ts: '2025-06-02T14:11:00.000Z', totalCents: 4000, tender: card });
    expect(() => zReport(db, { terminalId: T, user: manager, now: day1('14:30') })).toThrow(/still open; close it before the Z report/);
    closeShift(db, { terminalId: T, user: cashier, counted: { '10000': 1, '2000': 1, '500': 1 }, now: day1('15:00') }); // exact
    openShift(db, { terminalId: T, user: cashier, floatCents: 5000, now: day1('16:00') });
    txn(db, { ts: '2025-06-02T16:10:00.000Z', totalCents: 1000 });
    txn(db, { ts: '2025-06-02T16:20:00.000Z', type: 'refund', totalCents: 400 });
    closeShift(db, { terminalId: T, user: cashier, counted: { '5000': 1, '500': 1 }, now: day1('17:00') }); // expected 5600, counted 5500: short 100
    expect(() => zReport(db, { terminalId: T, user: cashier, now: day1('23:00') })).toThrow(/a manager or above/);
    expect(() => zReport(db, { terminalId: T, user: manager, businessDate: '2025-06-03', now: day1('23:00') })).toThrow(/has not begun yet/);

    // 23:00 UTC is 18:00 in Chicago: still 2 June there.
    expect(localDate(day1('23:00'), 'America/Chicago')).toBe('2025-06-02');
    const z1 = zReport(db, { terminalId: T, user: manager, now: day1('23:00') });
    expect(z1).toMatchObject({ number: 1, businessDate: '2025-06-02', terminalId: T, createdBy: 'u-manager' });
    expect(z1.shifts).toHaveLength(2);
    expect(z1.totals).toMatchObject({ shifts: 2, floatCents: 15_000, cashSalesCents: 3500, cashRefundsCents: 400, salesCents: 7500, refundsCents: 400, netSalesCents: 7100, countedCents: 18_000, expectedCashCents: 18_100, overShortCents: -100 });
    expect(z1.totals.tenders.find((t) => t.method === 'card')?.sales).toEqual({ count: 1, cents: 4000 });
    expect(() => zReport(db, { terminalId: T, user: manager, now: day1('23:30') })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/Z report #1 was already produced for 2025-06-02/) }));
    expect(() => db.prepare("INSERT INTO z_reports (id, terminal_id, number, business_date, created_at, created_by, report) VALUES ('zz', ?, 9, '2025-06-02', 'x', 'x', '{}')").run(T)).toThrow(/UNIQUE/);

    // The next day: a new number, only the new shift; another terminal counts from 1.
    openShift(db, { terminalId: T, user: cashier, floatCents: 10_000, now: at('2025-06-03T14:00:00Z') });
    closeShift(db, { terminalId: T, user: cashier, counted: { '10000': 1 }, now: at('2025-06-03T15:00:00Z') });
    const z2 = zReport(db, { terminalId: T, user: manager, now: at('2025-06-04T03:00:00Z') }); // 22:00 on 3 June in Chicago
    expect(z2).toMatchObject({ number: 2, businessDate: '2025-06-03' });
    expect(z2.totals.shifts).toBe(1);
    expect(() => zReport(db, { terminalId: T, user: manager, businessDate: '2025-06-01', now: at('2025-06-04T03:00:00Z') })).toThrow(/later day \(2025-06-03\)/);
    const other = zReport(db, { terminalId: 'terminal-2', user: manager, businessDate: '2025-06-03', now: at('2025-06-04T03:00:00Z') });
    expect(other).toMatchObject({ number: 1, terminalId: 'terminal-2' });
    expect(other.totals.shifts).toBe(0);
    expect(listZReports(db).map((z) => [z.terminalId, z.number])).toEqual([[T, 2], ['terminal-2', 1], [T, 1]]);
    expect(count(db, 'SELECT count(*) FROM shifts WHERE z_report_id IS NULL')).toBe(0);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
