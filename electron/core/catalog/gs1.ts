// Runs: node (core). What one scan says, before the catalog is asked: a plain GTIN (EAN-13, UPC-A,
// EAN-8), a store's variable-measure label from the scale (EAN-13 with prefix 20–29, the weight or
// the price inside the code, laid out per store), or a GS1 element string from a GS1-128, DataBar
// or QR code (GTIN plus expiry, batch, weight, price). Pure parsing, no database: the till's
// resolveScan (pos/scan.ts) turns the result into a line.
import { z } from 'zod';
import { gs1CheckDigit, normalizeBarcode } from './barcode.ts';

// ---------------------------------------------------------------------------------------------
// Scale labels (variable-measure EAN-13)
// ---------------------------------------------------------------------------------------------

/**
 * One prefix range of a store's scale labels. The 12 digits before the EAN check digit are:
 * prefix (2) + item code (itemDigits) + [price check digit] + value (valueDigits), so
 * itemDigits + valueDigits + (priceCheckDigit ? 1 : 0) must be 10. The value is grams for
 * `weight` and cents for `price`.
 */
export const ScaleRangeSchema = z
  .object({
    from: z.number().int().min(20).max(29),
    to: z.number().int().min(20).max(29),
    measure: z.enum(['weight', 'price']),
    itemDigits: z.number().int().min(1).max(9).default(5),
    valueDigits: z.number().int().min(1).max(9).default(5),
    /** A GS1 price/weight check digit between the item code and the value (4- or 5-digit values only). */
    priceCheckDigit: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'a scale range must have from ≤ to' })
  .refine((r) => r.itemDigits + r.valueDigits + (r.priceCheckDigit ? 1 : 0) === 10, {
    message: 'item digits + value digits (+ 1 for a price check digit) must be 10',
  })
  .refine((r) => !r.priceCheckDigit || r.valueDigits === 4 || r.valueDigits === 5, {
    message: 'a price check digit covers a 4- or 5-digit value only',
  });

export const ScaleLayoutSchema = z
  .object({ ranges: z.array(ScaleRangeSchema).max(10) })
  .strict()
  .refine(
    (l) => l.ranges.every((a, i) => l.ranges.every((b, j) => i === j || a.to < b.from || b.to < a.from)),
    { message: 'scale prefix ranges must not overlap' },
  );

export type ScaleRange = z.output<typeof ScaleRangeSchema>;
export type ScaleLayout = z.output<typeof ScaleLayoutSchema>;
/** What a store writes in its settings: the defaults may be left out. */
export type ScaleLayoutInput = z.input<typeof ScaleLayoutSchema>;

/** Prefixes 20–24 carry the weight in grams, 25–29 the price in cents; 5 item digits, 5 value digits. */
export const DEFAULT_SCALE_LAYOUT: ScaleLayout = ScaleLayoutSchema.parse({
  ranges: [
    { from: 20, to: 24, measure: 'weight' },
    { from: 25, to: 29, measure: 'price' },
  ],
});

// Weighted-product tables of the GS1 price/weight check digit (GS1 General Specifications 7.9.x).
const W2MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const W3 = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const W5PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const W5MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

/** The check digit over a 4- or 5-digit price or weight field of a variable-measure code. */
export function priceCheckDigit(value: string): number {
  const d = [...value].map((c) => c.charCodeAt(0) - 48);
  if (d.length === 4) {
    const sum = W2MINUS[d[0]!]! + W2MINUS[d[1]!]! + W3[d[2]!]! + W5MINUS[d[3]!]!;
    return (sum * 3) % 10;
  }
  if (d.length === 5) {
    const sum = W5PLUS[d[0]!]! + W2MINUS[d[1]!]! + W5MINUS[d[2]!]! + W5PLUS[d[3]!]! + W2MINUS[d[4]!]!;
    return W5MINUS.indexOf((10 - (sum % 10)) % 10);
  }
  throw new Error(`a price check digit covers 4 or 5 digits, got ${value.length}`);
}

/** The range of the layout a 13-digit code falls in, by its 2-digit prefix. */
export function scaleRangeFor(code13: string, layout: ScaleLayout): ScaleRange | null {
  if (!/^2\d{12}$/.test(code13)) return null;
  const prefix = Number(code13.slice(0, 2));
  return layout.ranges.find((r) => prefix >= r.from && prefix <= r.to) ?? null;
}

/** The code a scale item is filed under: the same digits with the value (and its check) zeroed. */
export function variableBaseCode(code13: string, range: ScaleRange): string {
  const keep = 2 + range.itemDigits;
  return makeCode(code13.slice(0, keep) + '0'.repeat(12 - keep));
}

/** Builds a scale label (used by tests, the bench and label printing): item code and value in, 13 digits out. */
export function makeScaleCode(prefix: number, itemCode: string | number, value: number, range: ScaleRange): string {
  const item = String(itemCode).padStart(range.itemDigits, '0');
  const v = String(Math.round(value)).padStart(range.valueDigits, '0');
  if (item.length !== range.itemDigits || v.length !== range.valueDigits || !/^\d+$/.test(item)) {
    throw new Error(`item ${itemCode} or value ${value} does not fit the scale layout`);
  }
  return makeCode(`${prefix}${item}${range.priceCheckDigit ? priceCheckDigit(v) : ''}${v}`);
}

function makeCode(body12: string): string {
  return body12 + String(gs1CheckDigit(body12));
}

// ---------------------------------------------------------------------------------------------
// parseScan
// ---------------------------------------------------------------------------------------------

export type ParsedScan =
  /** gtin13: the form the catalog stores (EAN-13; EAN-8 stays 8 digits, as normalizeBarcode keeps it). */
  | { kind: 'gtin'; gtin13: string }
  | { kind: 'variable'; code: string; baseCode: string; prefix: number; itemCode: string; measure: 'weight' | 'price'; value: number }
  | {
      kind: 'gs1';
      /** The GTIN as the catalog stores it (indicator 0 dropped, an EAN-8 unpadded); a case GTIN (indicator 1–9) stays 14 digits. */
      gtin13: string;
      gtin14: string;
      /** AI 17, YYYY-MM-DD (DD 00 read as the month's last day). */
      expiry?: string;
      /** AI 15. */
      bestBefore?: string;
      batch?: string;
      serial?: string;
      weightGrams?: number;
      priceCents?: number;
    }
  | { kind: 'invalid'; reason: string }
  | { kind: 'text'; text: string };

/** The group separator a scanner sends for FNC1 between variable-length fields. */
export const GS = '\x1d';

// AIM symbology identifiers of symbols whose data is a GS1 element string (GS1-128, GS1 DataBar,
// GS1 QR, GS1 DataMatrix, GS1 DotCode) and of EAN/UPC.
const GS1_SYMBOLOGIES = new Set([']C1', ']e0', ']e1', ']e2', ']Q3', ']d2', ']J1']);

/**
 * Reads one scan. `raw` is what the scanner typed (a trailing CR/LF/Tab is dropped). Digit
 * strings of 8, 12 or 13 digits with a wrong check digit are `invalid`, not `text`; so are
 * element strings that do not parse. `today` sets the century of 2-digit GS1 years.
 */
export function parseScan(raw: string, layout: ScaleLayout = DEFAULT_SCALE_LAYOUT, today: Date = new Date()): ParsedScan {
  let s = raw.replace(/[\r\n\t]+$/, '').replace(/^[ ]+|[ ]+$/g, '');
  let symbology: string | null = null;
  const aim = /^\][A-Za-z][0-9A-Za-z]/.exec(s);
  if (aim) {
    symbology = aim[0];
    s = s.slice(3);
  }
  if (s.length === 0) return { kind: 'invalid', reason: 'The scan is empty.' };
  const year = today.getFullYear();

  if (s.startsWith('(')) return parseElementString(s, 'parens', year);
  if (symbology && GS1_SYMBOLOGIES.has(symbology)) return parseElementString(s.replace(new RegExp(`^${GS}+`), ''), 'raw', year);
  const link = /^https?:\/\/[^/?#]+(?:\/[^?#]*)?\/01\/(\d{14})/i.exec(s);
  if (link) return parseDigitalLink(s, year);
  // Some scanners send element strings without an AIM prefix: the GTIN AI (01) and its 14 digits
  // first (16 characters or more, which no EAN/UPC is).
  if (/^01\d{14}/.test(s)) return parseElementString(s, 'raw', year);

  const digits = /^[\d -]+$/.test(s) ? s.replace(/[ -]/g, '') : null;
  if (digits && [8, 12, 13, 14].includes(digits.length)) {
    if (digits.length === 14) {
      if (gs1CheckDigit(digits.slice(0, 13)) !== Number(digits[13])) return badCheck(digits);
      return { kind: 'gtin', gtin13: catalogForm(digits) };
    }
    const gtin = normalizeBarcode(digits);
    if (!gtin) return badCheck(digits);
    const range = gtin.length === 13 ? scaleRangeFor(gtin, layout) : null;
    return range ? parseVariable(gtin, range) : { kind: 'gtin', gtin13: gtin };
  }
  return { kind: 'text', text: s };
}

function badCheck(digits: string): ParsedScan {
  return { kind: 'invalid', reason: `The check digit of ${digits} is wrong (expected ${gs1CheckDigit(digits.slice(0, -1))}): rescan it.` };
}

function parseVariable(code: string, range: ScaleRange): ParsedScan {
  const itemEnd = 2 + range.itemDigits;
  const valueStart = itemEnd + (range.priceCheckDigit ? 1 : 0);
  const value = code.slice(valueStart, valueStart + range.valueDigits);
  if (range.priceCheckDigit && priceCheckDigit(value) !== Number(code[itemEnd])) {
    return { kind: 'invalid', reason: `The ${range.measure} check digit of scale label ${code} is wrong: rescan it.` };
  }
  return {
    kind: 'variable',
    code,
    baseCode: variableBaseCode(code, range),
    prefix: Number(code.slice(0, 2)),
    itemCode: code.slice(2, itemEnd),
    measure: range.measure,
    value: Number(value),
  };
}

/** A GTIN-14's catalog form: indicator 0 dropped (an EAN-8 also loses its zero padding). */
function catalogForm(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  return gtin14.startsWith('0') ? gtin14.slice(1) : gtin14;
}

// ---------------------------------------------------------------------------------------------
// GS1 element strings
// ---------------------------------------------------------------------------------------------

type AiSpec = { fixed: number; numeric: boolean } | { max: number; numeric: boolean };

/** Application identifiers we know the length of. Others in a raw string cannot be split, so they fail. */
function aiSpec(ai: string): AiSpec | null {
  switch (ai) {
    case '00': return { fixed: 18, numeric: true };
    case '01': case '02': return { fixed: 14, numeric: true };
    case '10': case '21': case '22': return { max: 20, numeric: false };
    case '11': case '12': case '13': case '15': case '16': case '17': return { fixed: 6, numeric: true };
    case '20': return { fixed: 2, numeric: true };
    case '30': case '37': return { max: 8, numeric: true };
    case '240': case '241': case '400': case '401': return { max: 30, numeric: false };
    case '410': case '411': case '412': case '413': case '414': case '415': return { fixed: 13, numeric: true };
    case '420': return { max: 20, numeric: false };
    case '422': return { fixed: 3, numeric: true };
    case '7003': return { fixed: 10, numeric: true };
    case '8008': return { max: 12, numeric: true };
  }
  if (/^3[1-6]\d\d$/.test(ai)) return { fixed: 6, numeric: true }; // trade measures, 4th digit = decimals
  if (/^39[02]\d$/.test(ai)) return { max: 15, numeric: true }; // amount payable / price, local currency
  if (/^39[13]\d$/.test(ai)) return { max: 18, numeric: true }; // with an ISO 4217 currency first
  if (/^9\d$/.test(ai)) return { max: 90, numeric: false }; // company internal
  return null;
}

/** The AI at the start of `s`: 2, 3 or 4 digits, whichever the table knows. */
function readAi(s: string): string | null {
  for (const n of [2, 3, 4]) {
    const ai = s.slice(0, n);
    if (/^\d+$/.test(ai) && ai.length === n && aiSpec(ai)) return ai;
  }
  return null;
}

function parseElementString(s: string, form: 'parens' | 'raw', year: number): ParsedScan {
  const fields: Array<[string, string]> = [];
  if (form === 'parens') {
    const re = /\((\d{2,4})\)([^()]*)/y;
    let m: RegExpExecArray | null;
    let at = 0;
    while (at < s.length && (m = re.exec(s))) {
      fields.push([m[1]!, m[2]!.replace(new RegExp(GS, 'g'), '')]);
      at = re.lastIndex;
    }
    if (at !== s.length || fields.length === 0) return invalid(`"${printable(s)}" is not a GS1 element string (AIs in parentheses).`);
  } else {
    let rest = s;
    while (rest.length) {
      if (rest.startsWith(GS)) {
        rest = rest.slice(1);
        continue;
      }
      const ai = readAi(rest);
      if (!ai) return invalid(`Unknown GS1 application identifier at "${printable(rest.slice(0, 4))}".`);
      const spec = aiSpec(ai)!;
      rest = rest.slice(ai.length);
      let value: string;
      if ('fixed' in spec) {
        value = rest.slice(0, spec.fixed);
        rest = rest.slice(spec.fixed);
      } else {
        const end = rest.indexOf(GS);
        value = end < 0 ? rest : rest.slice(0, end);
        rest = end < 0 ? '' : rest.slice(end + 1);
      }
      fields.push([ai, value]);
    }
  }
  return fromFields(fields, year);
}

/** GS1 Digital Link (a QR with https://…/01/<gtin>/10/<batch>?17=<date>): the same AIs in a URL. */
function parseDigitalLink(url: string, year: number): ParsedScan {
  const fields: Array<[string, string]> = [];
  const [pathPart = '', query = ''] = url.replace(/^https?:\/\/[^/?#]+/i, '').split(/\?/, 2);
  const segs = pathPart.split('/').filter(Boolean);
  const start = segs.indexOf('01');
  for (let i = start; i + 1 < segs.length; i += 2) fields.push([segs[i]!, safeDecode(segs[i + 1]!)]);
  for (const pair of query.split('#')[0]!.split('&')) {
    const [k, v] = pair.split('=');
    if (k && v !== undefined && /^\d{2,4}$/.test(k)) fields.push([k, safeDecode(v)]);
  }
  return fromFields(fields, year);
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function fromFields(fields: Array<[string, string]>, year: number): ParsedScan {
  const out: Extract<ParsedScan, { kind: 'gs1' }> = { kind: 'gs1', gtin13: '', gtin14: '' };
  for (const [ai, value] of fields) {
    const spec = aiSpec(ai);
    if (spec) {
      const len = 'fixed' in spec ? spec.fixed : spec.max;
      if ('fixed' in spec ? value.length !== len : value.length === 0 || value.length > len) {
        return invalid(`GS1 field (${ai}) must be ${'fixed' in spec ? `${len} characters` : `1–${len} characters`}, got "${printable(value)}".`);
      }
      if (spec.numeric && !/^\d+$/.test(value)) return invalid(`GS1 field (${ai}) must be digits, got "${printable(value)}".`);
    }
    if (ai === '01') {
      if (gs1CheckDigit(value.slice(0, 13)) !== Number(value[13])) {
        return invalid(`The check digit of GTIN ${value} in (01) is wrong (expected ${gs1CheckDigit(value.slice(0, 13))}): rescan it.`);
      }
      out.gtin14 = value;
      out.gtin13 = catalogForm(value);
    } else if (ai === '17' || ai === '15') {
      const date = gs1Date(value, year);
      if (!date) return invalid(`GS1 date (${ai}) ${value} is not a date (YYMMDD).`);
      if (ai === '17') out.expiry = date;
      else out.bestBefore = date;
    } else if (ai === '10') out.batch = value;
    else if (ai === '21') out.serial = value;
    else if (/^310\d$/.test(ai)) {
      const decimals = Number(ai[3]);
      out.weightGrams = Math.round((Number(value) * 1000) / 10 ** decimals);
    } else if (/^392\d$/.test(ai)) {
      const decimals = Number(ai[3]);
      out.priceCents = Math.round((Number(value) * 100) / 10 ** decimals);
    }
  }
  if (!out.gtin14) return invalid('The GS1 code carries no GTIN (01): it is not a product.');
  return out;
}

/**
 * YYMMDD → YYYY-MM-DD. Century by the GS1 rule: at most 50 years ahead of `year`, 49 behind.
 * DD 00 means the last day of the month.
 */
export function gs1Date(yymmdd: string, year: number = new Date().getFullYear()): string | null {
  const m = /^(\d\d)(\d\d)(\d\d)$/.exec(yymmdd);
  if (!m) return null;
  const yy = Number(m[1]);
  const mm = Number(m[2]);
  let dd = Number(m[3]);
  let full = Math.floor(year / 100) * 100 + yy;
  if (full - year >= 51) full -= 100;
  else if (year - full >= 50) full += 100;
  if (mm < 1 || mm > 12) return null;
  const last = new Date(Date.UTC(full, mm, 0)).getUTCDate();
  if (dd === 0) dd = last;
  if (dd > last) return null;
  return `${String(full).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function invalid(reason: string): ParsedScan {
  return { kind: 'invalid', reason };
}

function printable(s: string): string {
  return s.replace(new RegExp(GS, 'g'), '<GS>');
}

// ---------------------------------------------------------------------------------------------
// Expiry
// ---------------------------------------------------------------------------------------------

export const EXPIRY_SOON_DAYS = 2;

/**
 * A warning for the cashier when goods are past (or within two days of) their date. Both dates
 * are YYYY-MM-DD; the date printed is the last day of use, so "today" is soon, not expired.
 */
export function expiryWarning(expiry: string, today: string, what: 'expiry' | 'best before' = 'expiry'): { level: 'expired' | 'soon'; message: string } | null {
  const days = dayNumber(expiry);
  const now = dayNumber(today);
  if (days === null || now === null) return null;
  const left = days - now;
  const label = what === 'expiry' ? 'Expired' : 'Past its best-before date';
  if (left < 0) return { level: 'expired', message: `${label} on ${expiry} (${-left} day${left === -1 ? '' : 's'} ago).` };
  if (left <= EXPIRY_SOON_DAYS) {
    const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
    const verb = what === 'expiry' ? 'Expires' : 'Best before ends';
    return { level: 'soon', message: `${verb} ${when} (${expiry}).` };
  }
  return null;
}

function dayNumber(ymd: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(ymd);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000);
}
