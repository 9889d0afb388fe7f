// Runs: anywhere (core, renderer). The back office's catalogue: list products with search and
// filters, one product in full, edit, add, retire / restore, and a CSV import with the importer's
// rejected-row report. Stock is not edited here: it moves through the ledger (inventory.adjust).
// Every change is audited and shared with the store's other terminals (outbox kind product_edit).
import { z } from 'zod';
import { op } from './define.ts';

/** The importer takes at most this much CSV text in one call (thousands of rows; the browser host takes 1 MiB bodies). */
export const MAX_IMPORT_CSV_CHARS = 900_000;

const Text = (max: number) => z.string().trim().max(max);
const Cents = z.number().int().min(0).max(100_000_000);

export const AdminProductRow = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  brand: z.string(),
  department: z.string(),
  aisle: z.string(),
  bay: z.string(),
  shelf: z.string(),
  price_cents: z.number().int(),
  promo_price_cents: z.number().int().nullable(),
  onHand: z.number().int(),
  active: z.boolean(),
  barcodes: z.array(z.string()),
  updatedAt: z.string(),
});
export type AdminProductRowT = z.infer<typeof AdminProductRow>;

export const AdminProduct = AdminProductRow.extend({
  description: z.string(),
  category_path: z.string(),
  size: z.string(),
  synonyms: z.string(),
});
export type AdminProductT = z.infer<typeof AdminProduct>;

/** The fields a manager edits; barcodes may be typed as EAN-13, UPC-A or EAN-8 (spaces and dashes allowed). */
export const ProductFields = z.object({
  name: Text(300).min(1),
  brand: Text(200).optional(),
  department: Text(100).min(1),
  category_path: Text(500).optional(),
  description: Text(5000).optional(),
  size: Text(100).optional(),
  synonyms: Text(2000).optional(),
  aisle: Text(20).optional(),
  bay: Text(20).optional(),
  shelf: Text(20).optional(),
  price_cents: Cents,
  promo_price_cents: Cents.nullable().optional(),
  barcodes: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
});

export const catalogAdminOps = {
  'catalog.admin.list': op({
    summary: 'Products for the back office: search by name, brand, SKU or barcode; filter by department, active or retired, and low or no stock; paged.',
    access: 'manager',
    input: z.object({
      q: z.string().max(200).optional(),
      department: z.string().max(100).optional(),
      status: z.enum(['active', 'retired', 'all']).optional(),
      stock: z.enum(['any', 'low', 'out']).optional(),
      /** "Low" means at or below this many on hand (default 5). */
      lowAt: z.number().int().min(0).max(100_000).optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }).strict(),
    output: z.object({ rows: z.array(AdminProductRow), total: z.number().int(), departments: z.array(z.string()) }),
  }),
  'catalog.admin.get': op({
    summary: 'One product as the back office edits it, active or retired.',
    access: 'manager',
    input: z.object({ id: z.string().min(1).max(200) }).strict(),
    output: AdminProduct,
  }),
  'catalog.admin.save': op({
    summary: "Edit a product's name, brand, prices, barcodes and aisle / bay / shelf. Audited and shared with the store.",
    access: 'manager',
    input: ProductFields.extend({ id: z.string().min(1).max(200) }).strict(),
    output: AdminProduct,
  }),
  'catalog.admin.add': op({
    summary: 'Add a product (no stock yet: receive or adjust it through the ledger). Audited and shared with the store.',
    access: 'manager',
    input: ProductFields.extend({ sku: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an SKU of letters, digits, . _ or - (at most 64)') }).strict(),
    output: AdminProduct,
  }),
  'catalog.admin.setActive': op({
    summary: 'Retire a product (hidden from the kiosk and the till, kept for receipts and history) or restore it. Audited and shared with the store.',
    access: 'manager',
    input: z.object({ id: z.string().min(1).max(200), active: z.boolean() }).strict(),
    output: AdminProduct,
  }),
  'catalog.admin.import': op({
    summary: 'Import products from CSV text (upsert by id) with an optional column map ("name=Product,price=Price"); reports each rejected row with its line and reason.',
    access: 'manager',
    input: z.object({ csv: z.string().min(1).max(MAX_IMPORT_CSV_CHARS), map: z.string().max(2000).optional() }).strict(),
    output: z.object({
      inserted: z.number().int(),
      updated: z.number().int(),
      rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
      took_ms: z.number(),
    }),
  }),
};
