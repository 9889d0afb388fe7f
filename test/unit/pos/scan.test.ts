// Runs: node (tests). resolveScan against a real SQLite catalog: a plain GTIN at its (promotion)
// price, a weighed product rung as weight × price per kg, a price-embedded label at its printed
// price, GS1 codes with weight, price and expiry warnings, and the errors a cashier sees.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { productWriter, type ProductInput } from '../../../electron/core/catalog/products.ts';
import { DEFAULT_SCALE_LAYOUT, ScaleLayoutSchema, makeScaleCode } from '../../../electron/core/catalog/gs1.ts';
import { resolveScan, weighedPrice } from '../../../electron/core/pos/scan.ts';
import { CoreError } from '../../../electron/core/db/errors.ts';
import { tempDir } from '../../helpers/tmp.ts';

const base = { department: 'Grocery', stock: 10 };
const products: ProductInput[] = [
  // Weighed: filed under the scale label's base code (value zeroed); price_cents is per kg.
  { ...base, id: 'p-cheese', sku: 'DEL-0001', name: 'Aged Gouda', brand: 'Dairy Hill', price_cents: 2490, barcodes: ['2104711000002'], stock: 12000 },
  // Weighed, found by SKU = item code without its leading zeros; promotion per kg.
  { ...base, id: 'p-apples', sku: '42', name: 'Loose Apples', brand: '', price_cents: 399, promo_price_cents: 349 },
  // Price-embedded (pre-packed meat), SKU = item code.
  { ...base, id: 'p-steak', sku: '12345', name: 'Ribeye Steak', brand: 'Butcher Block', price_cents: 3999 },
  // Plain GTINs.
  { ...base, id: 'p-oats', sku: 'GRO-0100', name: 'Rolled Oats', brand: 'Mill Co', price_cents: 450, promo_price_cents: 399, barcodes: ['4006381333931'] },
  { ...base, id: 'p-cola', sku: 'BEV-0200', name: 'Cola 12 oz', brand: 'Fizz', price_cents: 129, barcodes: ['0036000291452'] },
  { ...base, id: 'p-mints', sku: 'CON-0300', name: 'Mints', brand: 'Cool', price_cents: 99, barcodes: ['96385074'] },
  // GS1 (fresh, weighed by the packer); price_cents per kg.
  { ...base, id: 'p-salmon', sku: 'SEA-0400', name: 'Salmon Fillet', brand: 'North Sea', price_cents: 2800, barcodes: ['9501101530003'], stock: 5 },
  // Inactive: never found.
  { ...base, id: 'p-gone', sku: 'OLD-0001', name: 'Discontinued', brand: '', price_cents: 100, barcodes: ['5901234123457'] },
];

let db: Db;
const today = new Date('2026-06-15T10:00:00');
const scan = (raw: string, layout = DEFAULT_SCALE_LAYOUT) => resolveScan(db, raw, layout, today);

function thrown(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CoreError) return e;
    throw e;
  }
  throw new Error('expected a CoreError');
}

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'scan.db'));
  const write = productWriter(db);
  db.transaction(() => products.forEach(write))();
  db.prepare("UPDATE products SET active = 0 WHERE id = 'p-gone'").run();
});

describe('resolveScan', () => {
  it('a GTIN rings the product at its price now (promotion applied)', () => {
    expect(scan('4006381333931')).toEqual({
      code: '4006381333931',
      kind: 'gtin',
      product: { id: 'p-oats', sku: 'GRO-0100', name: 'Rolled Oats', brand: 'Mill Co', priceCents: 399, stock: 10 },
      qty: 1,
      weightGrams: null,
      priceCents: 399,
      warnings: [],
    });
    expect(scan('036000291452')).toMatchObject({ code: '0036000291452', product: { id: 'p-cola' }, priceCents: 129 }); // UPC-A
    expect(scan('96385074\r\n')).toMatchObject({ product: { id: 'p-mints' }, priceCents: 99 });
  });

  it('a weight label rings weight × price per kg, rounded to the cent', () => {
    const code = makeScaleCode(21, '04711', 1250, DEFAULT_SCALE_LAYOUT.ranges[0]!);
    expect(code).toBe('2104711012500');
    expect(scan(code)).toEqual({
      code: '2104711012500',
      kind: 'variable',
      product: { id: 'p-cheese', sku: 'DEL-0001', name: 'Aged Gouda', brand: 'Dairy Hill', priceCents: 2490, stock: 12000 },
      qty: 1,
      weightGrams: 1250,
      priceCents: 3113, // 1.25 kg × 24.90 = 31.125 → 31.13
      warnings: [],
    });
    // Found by SKU "42" from item code 00042; the promotion applies per kg: 0.735 × 3.49 = 2.565 → 2.57.
    expect(scan('2000042007355')).toMatchObject({ kind: 'variable', product: { id: 'p-apples', priceCents: 349 }, weightGrams: 735, priceCents: 257 });
    expect(weighedPrice(735, 349)).toBe(257);
    expect(weighedPrice(1, 2490)).toBe(2);
  });

  it('a price label rings the price printed in it', () => {
    expect(scan('2712345004992')).toMatchObject({ code: '2712345004992', kind: 'variable', product: { id: 'p-steak', priceCents: 3999 }, qty: 1, weightGrams: null, priceCents: 499 });
  });

  it('follows the store layout: the same label read under another layout', () => {
    // Prefix 21 as a price range: the same digits are now 12.50 of cheese.
    const allPrice = ScaleLayoutSchema.parse({ ranges: [{ from: 20, to: 29, measure: 'price' }] });
    expect(scan('2104711012500', allPrice)).toMatchObject({ product: { id: 'p-cheese' }, weightGrams: null, priceCents: 1250 });
    // No scale ranges at all: 21… is a plain GTIN no product has.
    const e = thrown(() => scan('2104711012500', ScaleLayoutSchema.parse({ ranges: [] })));
    expect(e.code).toBe('NOT_FOUND');
  });

  it('a GS1 code: weight × price per kg, or its own price; expiry and best-before warnings', () => {
    expect(scan('(01)09501101530003(3103)000500(17)261231(10)LOT1')).toEqual({
      code: '9501101530003',
      kind: 'gs1',
      product: { id: 'p-salmon', sku: 'SEA-0400', name: 'Salmon Fillet', brand: 'North Sea', priceCents: 2800, stock: 5 },
      qty: 1,
      weightGrams: 500,
      priceCents: 1400,
      warnings: [],
    });
    expect(scan(']C1010950110153000331030004203922999')).toMatchObject({ weightGrams: 420, priceCents: 999 });
    expect(scan(']e0010950110153000317260614')).toMatchObject({ weightGrams: null, priceCents: 2800, warnings: ['Expired on 2026-06-14 (1 day ago).'] });
    expect(scan(']Q3010950110153000317260600').warnings).toEqual([]);
    expect(scan(']d2010950110153000317260100').warnings).toEqual(['Expired on 2026-01-31 (135 days ago).']);
    // DD 00 = end of month: not expired in mid-June; best before tomorrow is a "soon".
    expect(scan(']Q301095011015300031726060015260616').warnings).toEqual(['Best before ends tomorrow (2026-06-16).']);
    expect(scan('(01)09501101530003(17)260616').warnings).toEqual(['Expires tomorrow (2026-06-16).']);
  });

  it('unknown products are NOT_FOUND, with the code in the message', () => {
    let e = thrown(() => scan('5901234123457')); // inactive
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('No product has barcode 5901234123457.');
    e = thrown(() => scan('0123456789012'));
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: 'No product has barcode 0123456789012.' });
    e = thrown(() => scan(makeScaleCode(22, '99999', 1000, DEFAULT_SCALE_LAYOUT.ranges[0]!)));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/No product has barcode 2299999000001 or SKU 99999/);
    e = thrown(() => scan('(01)00012345678905(17)261231'));
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: 'No product has barcode 0012345678905.' });
  });

  it('bad check digits, malformed GS1 codes, empty weights and words are BAD_INPUT', () => {
    for (const raw of ['4006381333932', '2104711012501', '(01)09501101530004(17)261231']) {
      const e = thrown(() => scan(raw));
      expect(e.code, raw).toBe('BAD_INPUT');
      expect(e.message, raw).toMatch(/check digit/);
    }
    expect(thrown(() => scan('(01)09501101530003(17)261331'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/not a date/) });
    expect(thrown(() => scan('2104711000002'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/no weight/) });
    expect(thrown(() => scan('oat milk'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/not a barcode/) });
    expect(thrown(() => scan('DEL-0001'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/not a barcode/) });
  });
});
