// Runs: node (tests). Scan parsing: plain GTINs, scale labels per store layout (with and without
// the price check digit), GS1 element strings in every form a scanner sends, dates, expiry.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCALE_LAYOUT,
  GS,
  ScaleLayoutSchema,
  expiryWarning,
  gs1Date,
  makeScaleCode,
  parseScan,
  priceCheckDigit,
  variableBaseCode,
} from '../../../electron/core/catalog/gs1.ts';

const today = new Date('2026-06-15T12:00:00');
const parse = (raw: string) => parseScan(raw, DEFAULT_SCALE_LAYOUT, today);

describe('parseScan: plain GTINs', () => {
  it('reads EAN-13, UPC-A (to EAN-13), EAN-8 and GTIN-14 in the catalog form', () => {
    expect(parse('4006381333931')).toEqual({ kind: 'gtin', gtin13: '4006381333931' });
    expect(parse('036000291452')).toEqual({ kind: 'gtin', gtin13: '0036000291452' });
    expect(parse('96385074')).toEqual({ kind: 'gtin', gtin13: '96385074' });
    expect(parse('09501101530003')).toEqual({ kind: 'gtin', gtin13: '9501101530003' });
    expect(parse('19501101530000')).toEqual({ kind: 'gtin', gtin13: '19501101530000' }); // a case: its own code
    // The terminator and an AIM prefix for EAN are dropped.
    expect(parse('4006381333931\r\n')).toEqual({ kind: 'gtin', gtin13: '4006381333931' });
    expect(parse(']E04006381333931')).toEqual({ kind: 'gtin', gtin13: '4006381333931' });
  });

  it('refuses a wrong check digit, with the digit it expected', () => {
    const r = parse('4006381333932');
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason).toMatch(/check digit of 4006381333932 is wrong \(expected 1\)/);
    expect(parse('036000291453').kind).toBe('invalid');
    expect(parse('96385075').kind).toBe('invalid');
    expect(parse('09501101530004').kind).toBe('invalid');
  });

  it('anything else is text (a SKU or words)', () => {
    expect(parse('PRD-0001')).toEqual({ kind: 'text', text: 'PRD-0001' });
    expect(parse('  oat milk ')).toEqual({ kind: 'text', text: 'oat milk' });
    expect(parse('12345')).toEqual({ kind: 'text', text: '12345' });
    expect(parse('')).toEqual({ kind: 'invalid', reason: 'The scan is empty.' });
  });
});

describe('parseScan: scale labels', () => {
  const [weight, price] = DEFAULT_SCALE_LAYOUT.ranges;

  it('the default layout: 20–24 weight in grams, 25–29 price in cents, 5 + 5 digits', () => {
    expect(DEFAULT_SCALE_LAYOUT.ranges).toEqual([
      { from: 20, to: 24, measure: 'weight', itemDigits: 5, valueDigits: 5, priceCheckDigit: false },
      { from: 25, to: 29, measure: 'price', itemDigits: 5, valueDigits: 5, priceCheckDigit: false },
    ]);
    expect(parse('2104711012500')).toEqual({ kind: 'variable', code: '2104711012500', baseCode: '2104711000002', prefix: 21, itemCode: '04711', measure: 'weight', value: 1250 });
    expect(parse('2712345004992')).toEqual({ kind: 'variable', code: '2712345004992', baseCode: '2712345000000', prefix: 27, itemCode: '12345', measure: 'price', value: 499 });
    expect(makeScaleCode(21, '04711', 1250, weight!)).toBe('2104711012500');
    expect(makeScaleCode(25, 42, 1899, price!)).toBe('2500042018998');
    expect(variableBaseCode('2500042018998', price!)).toBe('2500042000009');
  });

  it('a scale label with a wrong EAN check digit is invalid', () => {
    const r = parse('2104711012501');
    expect(r).toMatchObject({ kind: 'invalid' });
    expect(r.kind === 'invalid' && r.reason).toMatch(/check digit/);
  });

  it('a prefix outside every range is a plain GTIN', () => {
    const onlyPrice = ScaleLayoutSchema.parse({ ranges: [{ from: 28, to: 29, measure: 'price' }] });
    expect(parseScan('2104711012500', onlyPrice, today)).toEqual({ kind: 'gtin', gtin13: '2104711012500' });
    expect(parseScan('2104711012500', ScaleLayoutSchema.parse({ ranges: [] }), today).kind).toBe('gtin');
  });

  it('price check digits (4- and 5-digit values) match the GS1 tables', () => {
    expect(priceCheckDigit('2875')).toBe(9); // GS1's 4-digit example
    // Real German scale labels: prefix, 4-digit item, price check digit, 5-digit price.
    for (const [code, check] of [['2810276146856', 6], ['2957822002843', 2], ['2810029003221', 9], ['2810063024800', 3], ['2850090007827', 0]] as const) {
      expect(priceCheckDigit(code.slice(7, 12))).toBe(check);
    }
  });

  it('a German layout: 4 item digits, a price check digit, 5 price digits; a wrong one is refused', () => {
    const de = ScaleLayoutSchema.parse({ ranges: [{ from: 28, to: 29, measure: 'price', itemDigits: 4, priceCheckDigit: true }] });
    expect(parseScan('2810276146856', de, today)).toEqual({ kind: 'variable', code: '2810276146856', baseCode: '2810270000000', prefix: 28, itemCode: '1027', measure: 'price', value: 14685 });
    // Same price, price check digit 5 instead of 6, EAN check digit recomputed: only the inner check fails.
    const bad = makeScaleCode(28, '1027', 0, de.ranges[0]!).slice(0, 6) + '5' + '14685';
    const withCheck = bad + String(checkOf(bad));
    const r = parseScan(withCheck, de, today);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason).toMatch(/price check digit/);
    expect(makeScaleCode(28, '1027', 14685, de.ranges[0]!)).toBe('2810276146856');
  });

  it('the layout schema refuses layouts that cannot be read', () => {
    expect(ScaleLayoutSchema.safeParse({ ranges: [{ from: 20, to: 24, measure: 'weight', itemDigits: 6 }] }).success).toBe(false); // 11 digits
    expect(ScaleLayoutSchema.safeParse({ ranges: [{ from: 20, to: 24, measure: 'weight', itemDigits: 4, valueDigits: 6, priceCheckDigit: true }] }).success).toBe(false);
    expect(ScaleLayoutSchema.safeParse({ ranges: [{ from: 20, to: 24, measure: 'weight' }, { from: 24, to: 29, measure: 'price' }] }).success).toBe(false); // overlap
    expect(ScaleLayoutSchema.safeParse({ ranges: [{ from: 19, to: 24, measure: 'weight' }] }).success).toBe(false);
    expect(ScaleLayoutSchema.safeParse({ ranges: [{ from: 25, to: 21, measure: 'weight' }] }).success).toBe(false);
    expect(ScaleLayoutSchema.safeParse({ ranges: [{ from: 20, to: 22, measure: 'weight', itemDigits: 6, valueDigits: 4 }] }).success).toBe(true);
  });
});

function checkOf(body12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

describe('parseScan: GS1 element strings', () => {
  const expected = { kind: 'gs1', gtin13: '9501101530003', gtin14: '09501101530003', expiry: '2026-12-31', batch: 'AB12' };

  it('reads the parenthesised form', () => {
    expect(parse('(01)09501101530003(17)261231(10)AB12')).toEqual(expected);
    expect(parse('(01)09501101530003(3103)001250(3922)1099(21)S-77')).toEqual({ kind: 'gs1', gtin13: '9501101530003', gtin14: '09501101530003', weightGrams: 1250, priceCents: 1099, serial: 'S-77' });
  });

  it('reads raw strings with FNC1 as GS, after each symbology prefix, or none', () => {
    for (const aim of [']C1', ']e0', ']Q3', ']d2']) {
      expect(parse(`${aim}010950110153000317261231${'10'}AB12`)).toEqual(expected);
      expect(parse(`${aim}0109501101530003${'10'}AB12${GS}17261231`)).toEqual(expected);
    }
    expect(parse(`0109501101530003${'10'}AB12${GS}17261231`)).toEqual(expected);
    expect(parse(`]C1${GS}010950110153000317261231${'10'}AB12\r`)).toEqual(expected); // leading FNC1, CR
    expect(parse('0109501101530003')).toEqual({ kind: 'gs1', gtin13: '9501101530003', gtin14: '09501101530003' });
  });

  it('reads a GS1 Digital Link QR', () => {
    expect(parse('https://id.gs1.org/01/09501101530003/10/AB12?17=261231')).toEqual(expected);
  });

  it('AI 17 with DD 00 is the last day of the month; 15 is best before; 310x and 392x decimals', () => {
    expect(parse('(01)09501101530003(17)260200')).toMatchObject({ expiry: '2026-02-28' });
    expect(parse('(01)09501101530003(17)280200')).toMatchObject({ expiry: '2028-02-29' });
    expect(parse('(01)09501101530003(15)260400')).toMatchObject({ bestBefore: '2026-04-30' });
    // (3102) 12.34 kg, (3921) 25.0 in one decimal.
    expect(parse(']C1010950110153000331020012343921250')).toMatchObject({ weightGrams: 12340, priceCents: 2500 });
    expect(parse('(01)09501101530003(3100)000002(3920)3')).toMatchObject({ weightGrams: 2000, priceCents: 300 });
  });

  it('an EAN-8 inside a GTIN-14 is found by its 8 digits', () => {
    expect(parse('(01)00000096385074')).toMatchObject({ kind: 'gs1', gtin13: '96385074' });
  });

  it('refuses a wrong GTIN check digit and malformed element strings', () => {
    const bad = parse('(01)09501101530004(17)261231');
    expect(bad.kind).toBe('invalid');
    expect(bad.kind === 'invalid' && bad.reason).toMatch(/check digit of GTIN 09501101530004/);
    const cases = [
      '(01)0950110153000(17)261231', // 13-digit GTIN
      '(01)09501101530003(17)261331', // month 13
      '(01)09501101530003(17)260231', // 31 February
      '(01)09501101530003(17)2612', // short date
      '(17)261231(10)AB12', // no GTIN
      '(01)09501101530003)(10)X', // broken parentheses
      '(01)09501101530003(10)', // empty batch
      '(01)09501101530003(10)ABCDEFGHIJKLMNOPQRSTU', // batch over 20
      ']C1010950110153000399', // unknown/empty at the end: 99 needs a value
      ']C10109501101530003ZZ12', // not an AI
      ']C101095011015300', // GTIN cut short
      '01095011015300041726123', // no AIM, bad check digit
    ];
    for (const c of cases) expect(parse(c), c).toMatchObject({ kind: 'invalid' });
  });
});

describe('GS1 dates and expiry', () => {
  it('picks the century by the GS1 rule', () => {
    expect(gs1Date('261231', 2026)).toBe('2026-12-31');
    expect(gs1Date('760101', 2026)).toBe('2076-01-01'); // 50 ahead
    expect(gs1Date('770101', 2026)).toBe('1977-01-01'); // 51 ahead → last century
    expect(gs1Date('010101', 2098)).toBe('2101-01-01'); // 97 behind → next century
    expect(gs1Date('480101', 2098)).toBe('2148-01-01'); // 50 behind → next century
    expect(gs1Date('490101', 2098)).toBe('2049-01-01');
    expect(gs1Date('990100', 2026)).toBe('1999-01-31');
    expect(gs1Date('260230', 2026)).toBeNull();
    expect(gs1Date('2602', 2026)).toBeNull();
  });

  it('warns when goods are expired or expire within two days', () => {
    expect(expiryWarning('2026-06-14', '2026-06-15')).toEqual({ level: 'expired', message: 'Expired on 2026-06-14 (1 day ago).' });
    expect(expiryWarning('2026-05-16', '2026-06-15')).toMatchObject({ level: 'expired', message: expect.stringContaining('30 days ago') });
    expect(expiryWarning('2026-06-15', '2026-06-15')).toEqual({ level: 'soon', message: 'Expires today (2026-06-15).' });
    expect(expiryWarning('2026-06-16', '2026-06-15')).toMatchObject({ level: 'soon', message: expect.stringContaining('tomorrow') });
    expect(expiryWarning('2026-06-17', '2026-06-15')).toMatchObject({ level: 'soon', message: expect.stringContaining('in 2 days') });
    expect(expiryWarning('2026-06-18', '2026-06-15')).toBeNull();
    expect(expiryWarning('2027-01-01', '2026-12-31')).toMatchObject({ level: 'soon' }); // across a year
    expect(expiryWarning('2026-06-10', '2026-06-15', 'best before')?.message).toMatch(/best-before/);
    expect(expiryWarning('not a date', '2026-06-15')).toBeNull();
  });
});
