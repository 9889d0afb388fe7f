// Runs: anywhere (core, renderer). Shift and day routines on a till: open a shift with a float,
// cash drops, the X report (mid-shift, closes nothing), the blind close count and the day's Z report.
// Why here: the cashier's screen, the CLI and the back office must agree on one shape; the close
// takes counts only, never an "expected" figure, so a blind count is blind by contract.
import { z } from 'zod';
import { op } from './define.ts';

/** Limits the core also enforces (pos/shifts.ts), kept here so the UI can say them. */
export const MAX_FLOAT_CENTS = 1_000_000;
export const MAX_COUNT_PER_DENOMINATION = 100_000;
export const MAX_COUNTED_CENTS = 100_000_000;
/** An over/short this large (either way) is queued for a supervisor's review. */
export const CASH_DISCREPANCY_CENTS = 500;

/** `{"2000": 3}`: three 20-unit notes. Keys are denominations in cents; values how many were counted. */
export const CountedInput = z.record(
  z.string().regex(/^[1-9][0-9]{0,6}$/, 'a denomination is its value in cents, e.g. "2000" for a 20 note'),
  z.number().int('a count must be a whole number').min(0, 'a count cannot be negative').max(MAX_COUNT_PER_DENOMINATION, `a count over ${MAX_COUNT_PER_DENOMINATION} is not believable`),
);
export type CountedInputT = z.infer<typeof CountedInput>;

export const DenominationView = z.object({ cents: z.number().int(), kind: z.enum(['note', 'coin']) });

export const ShiftView = z.object({
  id: z.string(),
  terminalId: z.string(),
  cashierId: z.string(),
  cashierName: z.string(),
  openedAt: z.string(),
  floatCents: z.number().int(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  drops: z.number().int(),
});
export type ShiftViewT = z.infer<typeof ShiftView>;

const CountCents = z.object({ count: z.number().int(), cents: z.number().int() });

export const TenderTotals = z.object({
  method: z.enum(['cash', 'card', 'gift_card']),
  sales: CountCents,
  refunds: CountCents,
  voids: CountCents,
  /** Sales less refunds and voids. */
  netCents: z.number().int(),
});
export type TenderTotalsT = z.infer<typeof TenderTotals>;

/** A shift's money, from its float and its terminal's completed transactions (X report, and at close). */
export const ShiftTotals = z.object({
  floatCents: z.number().int(),
  cashSalesCents: z.number().int(),
  cashRefundsCents: z.number().int(),
  cashVoidsCents: z.number().int(),
  drops: z.number().int(),
  dropsCents: z.number().int(),
  /** float + cash sales − cash refunds − cash voids − drops. */
  expectedCashCents: z.number().int(),
  tenders: z.array(TenderTotals),
  noSales: z.number().int(),
  transactions: z.number().int(),
});
export type ShiftTotalsT = z.infer<typeof ShiftTotals>;

export const XReportView = z.object({ shift: ShiftView, asOf: z.string(), totals: ShiftTotals, printJobId: z.string().nullable() });

export const CloseResultView = z.object({
  shift: ShiftView,
  counted: z.record(z.string(), z.number().int()),
  countedCents: z.number().int(),
  expectedCents: z.number().int(),
  /** counted − expected: positive is over, negative is short. */
  overShortCents: z.number().int(),
  /** True when |over/short| reached the review threshold and a discrepancy was queued. */
  flagged: z.boolean(),
  totals: ShiftTotals,
});
export type CloseResultViewT = z.infer<typeof CloseResultView>;

export const ZShiftLine = z.object({
  id: z.string(),
  cashierId: z.string(),
  cashierName: z.string(),
  openedAt: z.string(),
  closedAt: z.string(),
  floatCents: z.number().int(),
  countedCents: z.number().int(),
  expectedCents: z.number().int(),
  overShortCents: z.number().int(),
});

export const ZReportView = z.object({
  id: z.string(),
  terminalId: z.string(),
  number: z.number().int(),
  businessDate: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  shifts: z.array(ZShiftLine),
  totals: ShiftTotals.extend({
    shifts: z.number().int(),
    salesCents: z.number().int(),
    refundsCents: z.number().int(),
    voidsCents: z.number().int(),
    netSalesCents: z.number().int(),
    countedCents: z.number().int(),
    overShortCents: z.number().int(),
  }),
});
export type ZReportViewT = z.infer<typeof ZReportView>;

export const DiscrepancyView = z.object({
  id: z.string(),
  shiftId: z.string(),
  ts: z.string(),
  terminalId: z.string(),
  cashierId: z.string(),
  cashierName: z.string(),
  countedCents: z.number().int(),
  expectedCents: z.number().int(),
  overShortCents: z.number().int(),
  status: z.enum(['open', 'reviewed']),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type DiscrepancyViewT = z.infer<typeof DiscrepancyView>;

const Note = z.string().trim().max(160);

export const shiftOps = {
  'shift.current': op({
    summary: "This terminal's open shift (or null), the drawer's denominations and the store's currency. Never the expected cash: the close count is blind.",
    access: 'cashier',
    input: z.object({}).strict(),
    output: z.object({ shift: ShiftView.nullable(), currency: z.string(), denominations: z.array(DenominationView), businessDate: z.string() }),
  }),
  'shift.open': op({
    summary: 'Open a shift on this terminal with a starting float (prints a slip, opens the drawer). One open shift per terminal.',
    access: 'cashier',
    input: z.object({ floatCents: z.number().int('the float is in whole cents').min(0, 'the float cannot be negative').max(MAX_FLOAT_CENTS, `the float cannot be over ${MAX_FLOAT_CENTS} cents`) }).strict(),
    output: ShiftView,
  }),
  'shift.drop': op({
    summary: 'A cash drop: cash taken out of the drawer to the safe during the shift (prints a slip, opens the drawer).',
    access: 'cashier',
    input: z.object({ amountCents: z.number().int('the amount is in whole cents').min(1, 'a drop must be more than 0').max(MAX_COUNTED_CENTS, 'that drop is not believable'), note: Note.optional() }).strict(),
    output: z.object({ id: z.string(), shiftId: z.string(), ts: z.string(), amountCents: z.number().int(), note: z.string().nullable(), dropsCents: z.number().int() }),
  }),
  'shift.x': op({
    summary: 'The X report: the open shift so far, by tender, with the cash the drawer should hold (a supervisor\'s, so the close count stays blind). Prints; closes nothing.',
    access: 'supervisor',
    input: z.object({}).strict(),
    output: XReportView,
  }),
  'shift.close': op({
    summary: 'Close the open shift with a blind count per denomination; answers counted, expected and over/short (prints, opens the drawer).',
    access: 'cashier',
    input: z.object({ counted: CountedInput }).strict(),
    output: CloseResultView,
  }),
  'shift.z': op({
    summary: "The day's Z report for this terminal: numbered, once per business day, over the day's closed shifts (close the open shift first). The day is named (shift.current gives today's), so a manager closes the day they mean.",
    access: 'manager',
    input: z.object({ businessDate: z.iso.date('the business date is YYYY-MM-DD') }).strict(),
    output: ZReportView,
  }),
  'shift.zReports': op({
    summary: 'Z reports, newest first.',
    access: 'manager',
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ reports: z.array(ZReportView), currency: z.string() }),
  }),
  'shift.discrepancies': op({
    summary: 'Closed shifts whose count was off by the review threshold or more: open (the default) or all.',
    access: 'supervisor',
    input: z.object({ filter: z.enum(['open', 'all']).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ items: z.array(DiscrepancyView), open: z.number().int() }),
  }),
  'shift.reviewDiscrepancy': op({
    summary: 'Mark a cash discrepancy reviewed, with a note (audited).',
    access: 'supervisor',
    input: z.object({ id: z.string().min(1).max(64), note: Note.optional() }).strict(),
    output: DiscrepancyView,
  }),
};
