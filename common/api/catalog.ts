// Runs: anywhere. Catalog operations the kiosk and POS use: product search (barcode, SKU or text),
// one product with its location on the store map, and the store map itself.
import { z } from 'zod';
import { op } from './define.ts';

export const SearchHit = z.object({
  id: z.string(),
  name: z.string(),
  /** The product's Chinese name; '' when the catalog has none. */
  name_zh: z.string(),
  brand: z.string(),
  department: z.string(),
  category_path: z.string(),
  aisle: z.string(),
  bay: z.string(),
  shelf: z.string(),
  price_cents: z.number().int(),
  promo_price_cents: z.number().int().nullable(),
  stock: z.number().int(),
  score: z.number(),
});

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });

export const MapArea = z.object({
  id: z.string(),
  kind: z.enum(['aisle', 'landmark']),
  name: z.string(),
  /** The area's Chinese name; '' when the store has not translated it. */
  name_zh: z.string(),
  departments: z.array(z.string()),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});

export const StoreMap = z.object({ width: z.number(), height: z.number(), areas: z.array(MapArea) });

export const ProductDetail = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  /** The Chinese name; '' when the catalog has none. */
  name_zh: z.string(),
  brand: z.string(),
  description: z.string(),
  department: z.string(),
  category_path: z.string(),
  aisle: z.string(),
  aisle_name: z.string().nullable(),
  aisle_name_zh: z.string(),
  bay: z.string(),
  shelf: z.string(),
  price_cents: z.number().int(),
  promo_price_cents: z.number().int().nullable(),
  size: z.string(),
  dietary: z.array(z.string()),
  synonyms: z.string(),
  barcodes: z.array(z.string()),
  stock: z.array(z.object({ location: z.string(), quantity: z.number().int() })),
  /** The aisle's rectangle on the store map, for the "you are here → there" view; null if unmapped. */
  map_area: MapArea.nullable(),
});

export const catalogOps = {
  'catalog.search': op({
    summary: 'Find products by barcode, SKU or words (typos, synonyms and plurals tolerated), with facets.',
    access: 'public',
    input: z
      .object({
        q: z.string().max(1000),
        limit: z.number().int().min(1).max(50).optional(),
        department: z.string().max(200).optional(),
        inStock: z.boolean().optional(),
        dietary: z.string().max(100).optional(),
      })
      .strict(),
    output: z.object({
      q: z.string(),
      took_ms: z.number(),
      mode: z.enum(['barcode', 'sku', 'text']),
      results: z.array(SearchHit),
      facets: z.object({ department: z.array(FacetCount), inStock: z.array(FacetCount), dietary: z.array(FacetCount) }),
    }),
  }),
  'catalog.product': op({
    summary: 'One product in full: barcodes, stock by location, aisle / bay / shelf and the aisle on the store map.',
    access: 'public',
    input: z.object({ id: z.string().min(1).max(200) }).strict(),
    output: ProductDetail,
  }),
  'catalog.pinyin': op({
    summary: "Pinyin input for the on-screen keyboard: the catalog's Chinese words that read as the typed letters.",
    access: 'public',
    input: z.object({ q: z.string().max(40).regex(/^[A-Za-z' ]*$/, 'pinyin is letters only') }).strict(),
    output: z.object({ candidates: z.array(z.string()) }),
  }),
  'catalog.storeMap': op({
    summary: 'The store map: aisles (with their names and departments) and landmarks on a grid.',
    access: 'public',
    input: z.object({}).strict(),
    output: StoreMap,
  }),
};
