// Runs: anywhere (core, renderer). "Goes well with": companions for a kiosk product page and for the
// till's cart (only products on the shelf), a companion taken, the top pairs with their acceptance
// rate for the back office, and retraining on demand (the terminal also retrains nightly).
import { z } from 'zod';
import { op } from './define.ts';

const Sku = z.string().trim().min(1).max(64);
export const CompanionView = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  brand: z.string(),
  aisle: z.string(),
  bay: z.string(),
  shelf: z.string(),
  priceCents: z.number().int(),
  promoPriceCents: z.number().int().nullable(),
  stock: z.number().int(),
});
export type CompanionViewT = z.infer<typeof CompanionView>;
const Companions = z.object({ items: z.array(CompanionView), modelVersion: z.string().nullable() });

export const recommendOps = {
  'recommend.product': op({
    summary: 'Shoppers also buy: companions of one product, in stock, with their aisle (the shown ones are recorded).',
    access: 'public',
    input: z.object({ id: z.string().min(1).max(200), limit: z.number().int().min(1).max(10).optional() }).strict(),
    output: Companions,
  }),
  'recommend.cart': op({
    summary: "Add-ons for the till's cart (the shown ones are recorded); never blocks the sale.",
    access: 'cashier',
    input: z.object({ skus: z.array(Sku).min(1).max(500), limit: z.number().int().min(1).max(10).optional() }).strict(),
    output: Companions,
  }),
  'recommend.accept': op({
    summary: 'A shopper opened a companion, or a cashier added an add-on: recorded without personal data.',
    access: 'public',
    input: z.object({ surface: z.enum(['kiosk_product', 'pos_cart']), anchor: Sku, item: Sku, modelVersion: z.string().max(64).nullable() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'recommend.pairs': op({
    summary: 'The most shown companion pairs with how often each was taken.',
    access: 'supervisor',
    input: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.object({
      pairs: z.array(z.object({ anchor: z.string(), anchorName: z.string().nullable(), item: z.string(), itemName: z.string().nullable(), impressions: z.number().int(), accepts: z.number().int(), rate: z.number() })),
      trainedAt: z.string().nullable(),
    }),
  }),
  'recommend.train': op({
    summary: "Retrain from the store's baskets now and install the model.",
    access: 'manager',
    input: z.object({}).strict(),
    output: z.object({ baskets: z.number().int(), products: z.number().int(), ms: z.number(), version: z.string() }),
  }),
};
