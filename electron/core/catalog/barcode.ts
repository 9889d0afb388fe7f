// Runs: node (core). Retail barcode arithmetic: GS1 check digits for EAN-13, UPC-A and EAN-8, and
// normalisation to the one form the catalog stores (EAN-13; a UPC-A is an EAN-13 with a leading 0),
// so a code typed by a scanner in either form finds the same product.

/** The GS1 check digit for the digits that precede it (weights 3,1,3,... from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

export type BarcodeKind = 'ean13' | 'upca' | 'ean8';

/** True when `code` is 8, 12 or 13 digits with a correct check digit. */
export function isValidBarcode(code: string): boolean {
  return barcodeKind(code) !== null;
}

export function barcodeKind(code: string): BarcodeKind | null {
  if (!/^\d+$/.test(code)) return null;
  const kind: BarcodeKind | null = code.length === 13 ? 'ean13' : code.length === 12 ? 'upca' : code.length === 8 ? 'ean8' : null;
  if (!kind) return null;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1)) ? kind : null;
}

/**
 * The stored form of a barcode: EAN-13 for EAN-13 and UPC-A (leading 0 added), EAN-8 as is.
 * Returns null for anything that is not a valid code (wrong length, letters, bad check digit).
 * Spaces and dashes are dropped first, since people type "0 12345 67890 5".
 */
export function normalizeBarcode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, '');
  const kind = barcodeKind(code);
  if (kind === 'upca') return `0${code}`;
  return kind ? code : null;
}

/** Appends the check digit to a 12-digit body (used by the demo catalog and the import preset). */
export function makeEan13(body12: string): string {
  if (!/^\d{12}$/.test(body12)) throw new Error(`EAN-13 body must be 12 digits, got "${body12}"`);
  return body12 + String(gs1CheckDigit(body12));
}
