// Runs: anywhere. Point-of-sale operations: item lookup, ringing sales, refunds, post-tender voids
// and no-sale drawer openings, manager approval by PIN, receipts. Money is integer cents. Card
// payments happen on the external payment terminal: only its fingerprint token, the last four
// digits and the entry mode ever reach StoreMind, never a card number (the core refuses one).
import { z } from 'zod';
import { op } from './define.ts';

export const TxnTypeSchema = z.enum(['sale', 'refund', 'void', 'no_sale']);
export const TenderMethodSchema = z.enum(['cash', 'card', 'gift_card']);
export const EntryModeSchema = z.enum(['chip', 'tap', 'swipe', 'keyed']);
export const ActionSchema = z.enum(['allow', 'review', 'manager_approval', 'block']);
export const TxnStatusSchema = z.enum(['completed', 'blocked', 'pending_approval']);

const Cents = z.number().int().min(0).max(10_000_000);

export const CartLine = z
  .object({
    sku: z.string().min(1).max(64),
    qty: z.number().positive().max(1000),
    unitCents: Cents,
    overrideCents: Cents.nullable(),
    discountCents: Cents,
    /** A weighed item's weight from its scale label (the price is then the label's). */
    weightGrams: z.number().int().min(1).max(100_000).nullable().optional(),
  })
  .strict();

/** The store's one return policy: what the kiosk tells shoppers and what the till allows. */
export const ReturnPolicy = z
  .object({
    /** Days after the sale a return with its receipt is accepted. */
    days: z.number().int().min(1).max(365),
    /** Without a receipt: store credit (a gift card), a refund to any tender, or no return. */
    noReceipt: z.enum(['store_credit', 'refund', 'refuse']),
    /** A return without a receipt needs the shopper's photo ID checked at the till. */
    idRequired: z.boolean(),
  })
  .strict();
export type ReturnPolicyT = z.infer<typeof ReturnPolicy>;

export const TenderInput = z
  .object({
    method: TenderMethodSchema,
    /** The payment terminal's token for the card; never the card number. */
    fingerprint: z.string().min(6).max(128).regex(/^[A-Za-z0-9_:.-]+$/, 'card fingerprint must be a token (letters, digits, _ : . -)').nullable(),
    last4: z.string().regex(/^\d{4}$/, 'last four must be 4 digits').nullable(),
    entryMode: EntryModeSchema.nullable(),
    /** Cash only: what the shopper handed over, so the till shows and prints the change. */
    tenderedCents: Cents.nullable().optional(),
  })
  .strict();

/** A reason as data: its code and value let a screen say it in the reader's language; text is the English. */
export const ReasonView = z.object({ code: z.string(), text: z.string(), value: z.string().optional() });

export const DecisionView = z.object({
  score: z.number(),
  decision: ActionSchema,
  reasons: z.array(z.string()),
  explain: z.array(ReasonView),
  rulesVersion: z.string(),
  modelVersion: z.string(),
});

export const TxnLineView = z.object({
  sku: z.string(),
  name: z.string(),
  qty: z.number(),
  unitCents: z.number().int(),
  overrideCents: z.number().int().nullable(),
  discountCents: z.number().int(),
  lineCents: z.number().int(),
  weightGrams: z.number().int().nullable(),
});

export const TxnView = z.object({
  id: z.string(),
  ts: z.string(),
  terminalId: z.string(),
  cashierId: z.string(),
  cashierName: z.string(),
  type: TxnTypeSchema,
  status: TxnStatusSchema,
  totalCents: z.number().int(),
  tenderMethod: TenderMethodSchema.nullable(),
  cardLast4: z.string().nullable(),
  entryMode: EntryModeSchema.nullable(),
  tenderedCents: z.number().int().nullable(),
  changeCents: z.number().int().nullable(),
  receiptNo: z.string().nullable(),
  receiptRef: z.string().nullable(),
  originalTxnId: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** The approver as a person reads it (their name), beside the id. */
  approvedByName: z.string().nullable(),
  voided: z.boolean(),
  lines: z.array(TxnLineView),
  decision: DecisionView.nullable(),
});

export const ProductLookupHit = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  brand: z.string(),
  priceCents: z.number().int(),
  stock: z.number().int(),
});

export const posOps = {
  'pos.lookup': op({
    summary: 'Find a product to ring up: a scanned barcode, a SKU, or words.',
    access: 'cashier',
    input: z.object({ q: z.string().min(1).max(200), limit: z.number().int().min(1).max(20).optional() }).strict(),
    output: z.object({ mode: z.enum(['barcode', 'sku', 'text']), results: z.array(ProductLookupHit) }),
  }),
  'pos.scan': op({
    summary: 'What one scan rings up: a GTIN, a scale label (weight or price in the code) or a GS1 code with its expiry.',
    access: 'cashier',
    input: z.object({ code: z.string().min(1).max(200) }).strict(),
    output: z.object({
      code: z.string(),
      kind: z.enum(['gtin', 'variable', 'gs1']),
      product: ProductLookupHit,
      qty: z.number(),
      weightGrams: z.number().int().nullable(),
      /** The line's price: the product's, or the one printed in a scale label, or weight x price per kg. */
      priceCents: z.number().int(),
      warnings: z.array(z.string()),
    }),
  }),
  'pos.submit': op({
    summary: 'Complete a sale, refund, void or no-sale: the fraud engine decides before it completes.',
    access: 'cashier',
    input: z
      .object({
        type: TxnTypeSchema,
        lines: z.array(CartLine).max(500),
        tender: TenderInput.nullable(),
        receiptRef: z.string().min(1).max(64).nullable().optional(),
        originalTxnId: z.string().min(1).max(64).nullable().optional(),
        /** Why the drawer is opened without a sale (change for the float, a customer's correction); printed and recorded. */
        noSaleReason: z.string().trim().min(1).max(120).optional(),
        /** The cashier checked the shopper's photo ID (a return without a receipt, where the policy asks). */
        idChecked: z.boolean().optional(),
      })
      .strict(),
    output: TxnView,
  }),
  'pos.approve': op({
    summary: 'A manager approves a transaction that needs one, with their PIN (no session is opened).',
    access: 'cashier',
    input: z.object({ txnId: z.string().min(1).max(64), pin: z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits') }).strict(),
    output: TxnView,
  }),
  'pos.cancel': op({
    summary: 'Abandon a transaction waiting for approval (it stays on record, unapproved).',
    access: 'cashier',
    input: z.object({ txnId: z.string().min(1).max(64) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'pos.receipt': op({
    summary: 'One transaction as a receipt, by id or printed receipt number.',
    access: 'cashier',
    input: z.object({ txnId: z.string().min(1).max(64).optional(), receiptNo: z.string().min(1).max(64).optional() }).strict(),
    output: TxnView,
  }),
  'pos.recent': op({
    summary: "This terminal's latest transactions (for voids and reprints).",
    access: 'cashier',
    input: z.object({ limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: z.object({ transactions: z.array(TxnView) }),
  }),
};
