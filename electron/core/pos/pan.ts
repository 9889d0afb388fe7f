// Runs: node (core). StoreMind never stores a card number: the payment terminal hands us a
// fingerprint token, the last four digits and the entry mode. Anything that looks like a primary
// account number (a run of 12 to 19 digits, spaces and dashes allowed between them) is refused
// wherever card data could arrive, whether or not it passes the Luhn check.

const PAN_LIKE = /(?:\d[ -]?){12,19}/;

export function looksLikePan(s: string | null | undefined): boolean {
  if (!s) return false;
  const m = PAN_LIKE.exec(s);
  return m !== null && m[0].replace(/[ -]/g, '').length >= 12;
}

// One Luhn implementation for the whole core: the redactor's.
export { luhnValid } from '../privacy/redact.ts';
