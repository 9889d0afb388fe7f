// Runs: anywhere (core, renderer). Inventory operations: the stock list and a product's ledger,
// write-offs and adjustments, cycle counts, deliveries received (against an order or not), the
// suggested order and purchase orders. Access is the least role allowed; the core enforces it.
import { z } from 'zod';
import { op } from './define.ts';
import { PurchaseOrderRecord } from './live.ts';

const Sku = z.string().trim().min(1).max(64);
const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an id of 8 to 64 letters, digits, _ or -');
const Qty = z.number().int().min(1).max(100_000);
const Note = z.string().trim().max(160);
export const ADJUST_REASONS = ['damaged', 'expired', 'theft', 'lost', 'found', 'transfer_in', 'transfer_out', 'correction'] as const;

export const StockRowView = z.object({
  sku: z.string(),
  name: z.string(),
  department: z.string(),
  aisle: z.string(),
  bay: z.string(),
  shelf: z.string(),
  onHand: z.number().int(),
  onOrder: z.number().int(),
  reorderPoint: z.number().nullable(),
  weeklyDemand: z.number().nullable(),
  lastMovementAt: z.string().nullable(),
  flag: z.enum(['negative', 'low']).nullable(),
});
export type StockRowViewT = z.infer<typeof StockRowView>;

export const MovementView = z.object({
  id: z.string(),
  delta: z.number().int(),
  /** One of STOCK_REASONS from this version; a newer terminal's reason still shows. */
  reason: z.string(),
  ref: z.string().nullable(),
  note: z.string().nullable(),
  terminalId: z.string(),
  at: z.string(),
  applied: z.boolean(),
});

export const SuggestedLineView = z.object({
  sku: z.string(),
  name: z.string(),
  department: z.string(),
  qty: z.number().int(),
  packSize: z.number().int(),
  onHand: z.number().int(),
  onOrder: z.number().int(),
  reorderPoint: z.number(),
  orderUpTo: z.number(),
  weeklyDemand: z.number(),
  method: z.string(),
  reason: z.string(),
});
export type SuggestedLineViewT = z.infer<typeof SuggestedLineView>;

/** How sure a department must be not to run out, and how long an order takes and how often one is placed. */
export const Policy = z.object({
  serviceLevel: z.number().min(0.8).max(0.995),
  leadDays: z.number().int().min(0).max(90),
  reviewDays: z.number().int().min(1).max(90),
});

export const inventoryOps = {
  'inventory.list': op({
    summary: 'Stock by product with on hand, on order and reorder point; low, negative or one aisle.',
    access: 'cashier',
    input: z.object({ filter: z.enum(['all', 'low', 'negative']).optional(), q: z.string().max(100).optional(), aisle: z.string().max(20).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ rows: z.array(StockRowView), counts: z.object({ low: z.number().int(), negative: z.number().int() }) }),
  }),
  'inventory.product': op({
    summary: "One product's on hand and its latest movements.",
    access: 'cashier',
    input: z.object({ sku: Sku }).strict(),
    output: z.object({ sku: z.string(), name: z.string().nullable(), onHand: z.number().int().nullable(), baseline: z.number().int().nullable(), movements: z.array(MovementView), nextDelivery: z.object({ poId: z.string(), expectedDate: z.string().nullable(), qty: z.number().int() }).nullable() }),
  }),
  'inventory.adjust': op({
    summary: 'Write stock off (damaged, expired, theft, lost) or adjust it (found, transfer, correction), with a reason.',
    access: 'supervisor',
    input: z.object({ id: ClientId, sku: Sku, qty: z.number().int().min(-100_000).max(100_000).refine((n) => n !== 0, 'the quantity cannot be 0'), reason: z.enum(ADJUST_REASONS), note: Note.optional() }).strict(),
    output: z.object({ id: z.string(), sku: z.string(), delta: z.number().int(), onHand: z.number().int(), duplicate: z.boolean() }),
  }),
  'inventory.count': op({
    summary: 'Post a cycle count: each counted product\'s variance becomes a count movement (posting the same count twice is harmless).',
    access: 'supervisor',
    input: z.object({ countId: ClientId, lines: z.array(z.object({ sku: Sku, counted: z.number().int().min(0).max(1_000_000) }).strict()).min(1).max(2000), note: Note.optional() }).strict(),
    output: z.object({ lines: z.array(z.object({ sku: z.string(), expected: z.number().int(), counted: z.number().int(), variance: z.number().int(), status: z.enum(['posted', 'matched', 'already_posted']) })) }),
  }),
  'inventory.receive': op({
    summary: 'Receive a delivery, against a purchase order or not; receiving the same delivery twice moves stock once.',
    access: 'supervisor',
    input: z.object({ receiptId: ClientId, poId: z.string().max(64).nullable().optional(), lines: z.array(z.object({ sku: Sku, qty: Qty }).strict()).min(1).max(2000), note: Note.optional() }).strict(),
    output: z.object({ receiptId: z.string(), poId: z.string().nullable(), lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), onOrder: z.boolean() })), order: PurchaseOrderRecord.nullable() }),
  }),
  'inventory.suggested': op({
    summary: 'The suggested order from the latest forecasts, with the reason for each line.',
    access: 'supervisor',
    input: z.object({}).strict(),
    output: z.object({ lines: z.array(SuggestedLineView), forecastsMadeAt: z.string().nullable() }),
  }),
  'inventory.orders.list': op({
    summary: 'Purchase orders: open (the default) or all.',
    access: 'supervisor',
    input: z.object({ which: z.enum(['open', 'all']).optional() }).strict(),
    output: z.object({ orders: z.array(PurchaseOrderRecord) }),
  }),
  'inventory.orders.create': op({
    summary: 'Place a purchase order (often the accepted suggested order, quantities adjusted).',
    access: 'manager',
    input: z.object({ supplier: z.string().trim().min(1).max(100), expectedDate: z.iso.date().nullable(), lines: z.array(z.object({ sku: Sku, qty: Qty, reason: z.string().max(300).optional() }).strict()).min(1).max(2000) }).strict(),
    output: PurchaseOrderRecord,
  }),
  'inventory.orders.cancel': op({
    summary: 'Cancel an open purchase order.',
    access: 'manager',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: PurchaseOrderRecord,
  }),
  'inventory.policies.list': op({
    summary: 'Ordering rules per department (service level, lead time, review period) and the store default (*).',
    access: 'supervisor',
    input: z.object({}).strict(),
    output: z.object({ policies: z.array(Policy.extend({ department: z.string(), inherited: z.boolean() })) }),
  }),
  'inventory.policies.save': op({
    summary: "Set a department's ordering rules ('*' is the store default).",
    access: 'manager',
    input: Policy.extend({ department: z.string().trim().min(1).max(80) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'inventory.forecast.run': op({
    summary: "Forecast every product's demand now from the store's sales (the terminal also does this nightly).",
    access: 'manager',
    input: z.object({}).strict(),
    output: z.object({ products: z.number().int(), ms: z.number(), madeAt: z.string() }),
  }),
};
