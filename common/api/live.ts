// Runs: anywhere. The store's live data as it travels between a store's terminals: the record a
// terminal uploads and the change its hub (or the platform, for a store without one) hands to
// every other terminal of the store. One schema per kind, checked at both ends.
import { z } from 'zod';
import { roles } from './define.ts';

const Id = z.string().min(1).max(200);
const Iso = z.string().min(10).max(40);

export const TICKET_STATUSES = ['open', 'claimed', 'closed'] as const;
export const TicketRecord = z.object({
  id: Id,
  ts: Iso,
  terminal_id: z.string().max(200),
  session_id: z.string().max(200),
  reason: z.string().max(1000),
  status: z.enum(TICKET_STATUSES),
  handled_by: z.string().max(200).nullable(),
  /** The claimer's name, so the kiosk can tell the shopper who is coming. */
  handled_by_name: z.string().max(100).nullable().optional(),
  updated_at: Iso,
});
export type TicketRecordT = z.infer<typeof TicketRecord>;

/** Why stock moved; on hand is the catalog's baseline plus every movement since. */
export const STOCK_REASONS = ['sale', 'refund', 'void', 'receive', 'transfer', 'shrink', 'count'] as const;
export const StockMovement = z.object({
  id: Id,
  sku: z.string().min(1).max(64),
  delta: z.number().int().min(-1_000_000).max(1_000_000),
  reason: z.enum(STOCK_REASONS),
  ref: z.string().max(200).nullable(),
  terminalId: z.string().max(200),
  at: Iso,
  /** Why, in words: a write-off's cause, a count's "counted 5, expected 7". */
  note: z.string().max(200).nullable().optional(),
});
export type StockMovementT = z.infer<typeof StockMovement>;

export const PO_STATUSES = ['open', 'partial', 'received', 'cancelled'] as const;
export const PurchaseOrderLine = z.object({
  sku: z.string().min(1).max(64),
  qty: z.number().int().min(1).max(1_000_000),
  received: z.number().int().min(0).max(1_000_000),
  /** Why this line was suggested ("sells 14/week, 6 on hand, delivery in 3 days"), or who added it. */
  reason: z.string().max(300),
});
/** A purchase order as the store shares it: the whole order, newest updatedAt wins everywhere. */
export const PurchaseOrderRecord = z.object({
  id: Id,
  supplier: z.string().min(1).max(100),
  status: z.enum(PO_STATUSES),
  expectedDate: z.iso.date().nullable(),
  lines: z.array(PurchaseOrderLine).min(1).max(2000),
  createdBy: z.string().max(200),
  createdAt: Iso,
  updatedAt: Iso,
  terminalId: z.string().max(200),
});
export type PurchaseOrderRecordT = z.infer<typeof PurchaseOrderRecord>;

/** A till's Z report as the store shares it (the back office PC lists every till's). Written once, never changed. */
export const ZReportRecord = z.object({
  id: Id,
  terminalId: z.string().min(1).max(200),
  number: z.number().int().min(1),
  businessDate: z.iso.date(),
  createdAt: Iso,
  createdBy: z.string().max(200),
  /** The shifts covered and the day's totals, as printed. */
  report: z.record(z.string(), z.unknown()),
});
export type ZReportRecordT = z.infer<typeof ZReportRecord>;

/**
 * A product as a store edit shares it (the back office's catalogue): the whole product, newest
 * updatedAt wins. The hub hands it to the store as a change of kind 'product' (a retired one as a
 * delete), which every terminal applies exactly as a platform catalog change.
 */
export const ProductEditRecord = z.object({
  id: Id,
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(300),
  brand: z.string().max(200),
  description: z.string().max(5000),
  department: z.string().min(1).max(100),
  category_path: z.string().max(500),
  aisle: z.string().max(20),
  bay: z.string().max(20),
  shelf: z.string().max(20),
  price_cents: z.number().int().nonnegative(),
  promo_price_cents: z.number().int().nonnegative().nullable(),
  size: z.string().max(100),
  attributes: z.record(z.string(), z.unknown()),
  synonyms: z.string().max(2000),
  barcodes: z.array(z.string().regex(/^\d{8,14}$/)).max(20),
  active: z.boolean(),
  updatedAt: Iso,
  terminalId: z.string().max(200),
});
export type ProductEditRecordT = z.infer<typeof ProductEditRecord>;

/** A staff account as every terminal of the store holds it: the PIN's scrypt hash, never the PIN. */
export const StaffRecord = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  role: z.enum(roles),
  pinHash: z.string().regex(/^[0-9a-f]{16,256}$/),
  pinSalt: z.string().regex(/^[0-9a-f]{8,128}$/),
  active: z.boolean(),
  updatedAt: Iso,
});
export type StaffRecordT = z.infer<typeof StaffRecord>;

/** What the other lanes need of a transaction for store-wide velocity checks (no card data). */
export const StoreTxn = z.object({
  id: Id,
  ts: Iso,
  terminalId: z.string().max(200),
  cashierId: z.string().max(200),
  type: z.enum(['sale', 'refund', 'void', 'no_sale']),
  totalCents: z.number().int(),
  cardFingerprint: z.string().max(200).nullable(),
  status: z.string().max(40),
});
export type StoreTxnT = z.infer<typeof StoreTxn>;

const ticketRank = { open: 0, claimed: 1, closed: 2 } as const;

/**
 * How two views of one ticket merge, the same at the hub and at a terminal: a ticket only moves
 * forward (open → claimed → closed), the first claim wins, and closed is final. Returns the
 * winner, or null when the incoming view changes nothing.
 */
export function mergeTicket(current: TicketRecordT | null, incoming: TicketRecordT): TicketRecordT | null {
  if (!current) return incoming;
  const a = ticketRank[current.status];
  const b = ticketRank[incoming.status];
  if (b < a) return null;
  if (b === a) {
    if (current.status === 'claimed' && incoming.handled_by !== current.handled_by) return null; // first claim wins
    if (incoming.updated_at <= current.updated_at && incoming.handled_by_name === current.handled_by_name) return null;
  }
  // A close keeps who handled it; a claim that lost still leaves the first claimer named.
  if (current.status === 'claimed' && incoming.status === 'closed' && current.handled_by) {
    return { ...incoming, handled_by: current.handled_by, handled_by_name: current.handled_by_name ?? incoming.handled_by_name ?? null };
  }
  return incoming;
}

/** What a terminal's back office shows of its store: the terminals, and (at a hub) the link up. */
export const StoreOverview = z.object({
  via: z.enum(['hub', 'platform']),
  storeId: z.string().max(64),
  platform: z.object({ server: z.string().max(2000), lastOkAt: z.string().nullable(), lastError: z.string().max(2000).nullable() }).nullable(),
  upstreamBacklog: z.number().int().nonnegative(),
  terminals: z.array(z.object({
    id: z.string().max(64),
    name: z.string().max(200),
    lastContact: z.string().nullable(),
    pending: z.number().int(),
    revoked: z.boolean(),
  })).max(1000),
});
export type StoreOverviewT = z.infer<typeof StoreOverview>;

/** Hybrid compute: a kiosk asks its hub to embed texts with the model it runs itself. */
export const EncodeRequest = z.object({
  model: z.string().min(1).max(200),
  texts: z.array(z.string().max(2000)).min(1).max(32),
}).strict();
export const EncodeResponse = z.object({
  model: z.string().max(200),
  vectors: z.array(z.array(z.number()).max(4096)).max(32),
});
