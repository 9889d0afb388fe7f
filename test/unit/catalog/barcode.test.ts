// Runs: node (tests). GS1 check digits and the UPC-A → EAN-13 normalisation.
import { describe, expect, it } from 'vitest';
import { barcodeKind, gs1CheckDigit, isValidBarcode, makeEan13, normalizeBarcode } from '../../../electron/core/catalog/barcode.ts';

describe('barcodes', () => {
  it('computes GS1 check digits', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1); // 4006381333931, the usual EAN-13 example
    expect(gs1CheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gs1CheckDigit('9638507')).toBe(4); // EAN-8 96385074
  });
  it('validates EAN-13, UPC-A and EAN-8', () => {
    expect(barcodeKind('4006381333931')).toBe('ean13');
    expect(barcodeKind('036000291452')).toBe('upca');
    expect(barcodeKind('96385074')).toBe('ean8');
    expect(isValidBarcode('4006381333932')).toBe(false);
    expect(isValidBarcode('12345')).toBe(false);
    expect(isValidBarcode('40063813339a1')).toBe(false);
    expect(isValidBarcode('')).toBe(false);
  });
  it('normalises UPC-A to EAN-13 and strips separators', () => {
    expect(normalizeBarcode('036000291452')).toBe('0036000291452');
    expect(normalizeBarcode('0 36000 29145 2')).toBe('0036000291452');
    expect(normalizeBarcode('4006381333931')).toBe('4006381333931');
    expect(normalizeBarcode('96385074')).toBe('96385074');
    expect(normalizeBarcode('4006381333930')).toBeNull();
  });
  it('builds EAN-13 codes', () => {
    expect(makeEan13('400638133393')).toBe('4006381333931');
    expect(() => makeEan13('123')).toThrow();
  });
});
