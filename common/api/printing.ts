// Runs: anywhere (core, renderer). The till's hardware: the receipt printer's queue (status,
// reprint, retry, test page) and the customer-facing display that follows the till's cart.
import { z } from 'zod';
import { op } from './define.ts';

/** The receipt printer: '' for none, tcp://HOST:PORT (network, port 9100), a device path (USB or serial), file:///… or cups://QUEUE. */
export const PrinterUrl = z
  .string()
  .max(300)
  .regex(/^$|^tcp:\/\/[A-Za-z0-9.-]+:\d{1,5}$|^\/dev\/[A-Za-z0-9/_.-]+$|^file:\/\/\/[^\0]+$|^cups:\/\/[A-Za-z0-9_.-]+$/, 'printer must be tcp://HOST:PORT, /dev/…, file:///… or cups://QUEUE');

export const PrintJobView = z.object({
  id: z.string(),
  createdAt: z.string(),
  kind: z.enum(['receipt', 'drawer', 'report', 'test']),
  ref: z.string().nullable(),
  copy: z.number().int(),
  status: z.enum(['queued', 'done', 'expired']),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  printedAt: z.string().nullable(),
});

export const PrintStateView = z.object({
  /** The printer's address from settings; '' when none is set up. */
  printer: z.string(),
  queued: z.number().int(),
  lastError: z.string().nullable(),
});

const Cents = z.number().int().min(-100_000_000).max(100_000_000);

/** What the shopper sees: the cart as rung up, its totals, and what to do next. */
export const DisplayState = z.object({
  phase: z.enum(['idle', 'ringing', 'paying', 'done']),
  lines: z
    .array(
      z.object({
        name: z.string().max(200),
        qty: z.number().min(0).max(100_000),
        weightGrams: z.number().int().min(0).max(1_000_000).nullable().optional(),
        lineCents: Cents,
      }),
    )
    .max(500),
  totalCents: Cents,
  savedCents: Cents.optional(),
  tenderedCents: Cents.nullable().optional(),
  changeCents: Cents.nullable().optional(),
  /** Set when the sale is done: the receipt number the shopper may want sent or printed. */
  receiptNo: z.string().max(64).nullable().optional(),
});
export type DisplayStateT = z.infer<typeof DisplayState>;

export const printingOps = {
  'print.status': op({
    summary: "The receipt printer: its address, what waits in the queue and why.",
    access: 'cashier',
    input: z.object({ limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: PrintStateView.extend({ jobs: z.array(PrintJobView) }),
  }),
  'print.reprint': op({
    summary: "Prints a numbered copy of a transaction's receipt (audited; it says COPY on the paper).",
    access: 'cashier',
    input: z.object({ txnId: z.string().min(1).max(64) }).strict(),
    output: PrintJobView,
  }),
  'print.retry': op({
    summary: 'Tries every waiting job again now (after loading paper or switching the printer on).',
    access: 'cashier',
    input: z.object({}).strict(),
    output: z.object({ due: z.number().int() }),
  }),
  'print.test': op({
    summary: 'Prints a test page: the store header, the code page check and a line of Chinese.',
    access: 'manager',
    input: z.object({}).strict(),
    output: PrintJobView,
  }),
  'display.update': op({
    summary: "The till tells its customer display what to show.",
    access: 'cashier',
    input: DisplayState.strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'display.state': op({
    summary: "What the customer display shows now, and the store's promotions for when the till is idle.",
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({
      state: DisplayState,
      promotions: z.array(z.object({ name: z.string(), priceCents: z.number().int(), promoPriceCents: z.number().int() })),
      storeName: z.string(),
      currency: z.string(),
    }),
  }),
};
