// Runs: node (core). PII redaction applied to every shopper text before it is stored, logged or
// synced: card numbers (13-19 digits that pass Luhn, with spaces or dashes), email addresses and
// phone numbers. Order, gift card and loyalty numbers are not PII and must survive, so only
// Luhn-valid digit runs count as cards and phone patterns need phone-like shape.
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// +1 (555) 123-4567, 555-123-4567, 555.123.4567, +44 20 7946 0958, 13812345678
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}\b|\b1[3-9]\d{9}\b/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export interface RedactionResult {
  text: string;
  found: { card: number; email: number; phone: number };
}

export function redact(text: string): RedactionResult {
  const found = { card: 0, email: 0, phone: 0 };
  let out = text.replace(CARD_CANDIDATE, (m) => {
    const digits = m.replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) {
      found.card++;
      return '[card]';
    }
    return m;
  });
  out = out.replace(EMAIL, () => {
    found.email++;
    return '[email]';
  });
  out = out.replace(PHONE, () => {
    found.phone++;
    return '[phone]';
  });
  return { text: out, found };
}

export function redactText(text: string): string {
  return redact(text).text;
}
