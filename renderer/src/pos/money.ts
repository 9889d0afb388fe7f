// Runs: dom (renderer). Money on the till: integer cents in, "$12.34" out (the core does the sums).
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.34" or "12" → 1234; null when it is not a sensible amount. */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(/^\$/, '');
  if (!/^\d{1,6}(\.\d{0,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

export interface CartItem {
  sku: string;
  name: string;
  qty: number;
  unitCents: number;
  overrideCents: number | null;
  discountCents: number;
  /** Stock on hand when it was scanned (screen only: the till warns before selling below zero). */
  onHand?: number;
  /** A weighed line from a scale label: its weight; its price is the label's (qty stays 1). */
  weightGrams?: number | null;
}

export function lineTotal(l: CartItem): number {
  return Math.round((l.overrideCents ?? l.unitCents) * l.qty - l.discountCents);
}

export function cartTotal(lines: readonly CartItem[]): number {
  return lines.reduce((a, l) => a + lineTotal(l), 0);
}

/**
 * The payment terminal's answer for a card: a token, the last four, how it was read. Demo: made up
 * here, in letters only — a hex token now and then held a Luhn-valid run of 13+ digits, which the
 * core rightly refuses as "a card number".
 */
export function demoCardToken(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `pt_${Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}
