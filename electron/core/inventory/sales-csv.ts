// Runs: node (core). Reads a daily sales CSV (header with date, sku, qty in any order, extra columns
// ignored) into per-SKU daily series over the file's date range; days a SKU has no row are zero.
// Decisions on bad input, each a BAD_INPUT naming the line, never a silent change:
//   - negative qty: rejected. The file is unit SALES; a return is not negative demand, and netting
//     it in here would hide a data problem. Net returns into the day's sales before export.
//   - fractional qty: rejected. Quantities are whole units of sale (the intervals are for counts);
//     weighed goods must be exported in a whole unit (e.g. grams or packs).
//   - sku and date twice: rejected with both lines, not summed: a file exported twice or a bad
//     join would otherwise double the sales without anyone noticing.
//   - empty file, header only, missing column, non-date (strictly YYYY-MM-DD), empty sku: rejected.
//   - a SKU with one day of history is fine: the forecaster gives it a short-history forecast.
// No CSV library in package.json and admin/csv.ts only writes, so a small RFC 4180 reader is here.
import { CoreError } from '../db/errors.ts';
import { dayNumber, isoDay } from './forecast.ts';

/** RFC 4180 records (quoted cells may hold commas, quotes and newlines), with their first line. */
export function* csvRecords(text: string): Generator<{ line: number; cells: string[] }> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const at = line;
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = n;
    const raw = text.slice(i, nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    if (!raw.includes('"')) {
      // The common case, fast: no quotes on this line.
      i = nl + 1;
      line++;
      if (raw.trim() !== '') yield { line: at, cells: raw.split(',') };
      continue;
    }
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let j = i;
    for (; j < n; j++) {
      const ch = text[j]!;
      if (quoted) {
        if (ch === '"') {
          if (text[j + 1] === '"') {
            cell += '"';
            j++;
          } else quoted = false;
        } else {
          if (ch === '\n') line++;
          cell += ch;
        }
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cell);
        cell = '';
      }
      else if (ch === '\n') break;
      else if (ch !== '\r') cell += ch;
    }
    if (quoted) throw new CoreError('BAD_INPUT', `line ${at}: a quoted field is never closed.`);
    cells.push(cell);
    i = j + 1;
    line++;
    yield { line: at, cells };
  }
}

/** Column indexes by (trimmed, case-insensitive) header name; BAD_INPUT lists the missing ones. */
export function columns<K extends string>(header: string[], wanted: readonly K[], what: string): Record<K, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const out = {} as Record<K, number>;
  const missing: string[] = [];
  for (const w of wanted) {
    const i = names.indexOf(w.toLowerCase());
    if (i < 0) missing.push(w);
    else out[w] = i;
  }
  if (missing.length) throw new CoreError('BAD_INPUT', `line 1: ${what} has no column ${missing.join(', ')} (header is "${header.join(',')}"; needs ${wanted.join(',')}, in any order).`);
  return out;
}

export interface SalesFile {
  start: string;
  end: string;
  days: number;
  series: Map<string, Float64Array>;
  rows: number;
}

const MAX_DAYS = 3660;
const MAX_QTY = 10_000_000;

export function parseSalesCsv(text: string): SalesFile {
  const records = csvRecords(text);
  const head = records.next();
  if (head.done) throw new CoreError('BAD_INPUT', 'The sales file is empty: it needs a header date,sku,qty and one row per SKU and day.');
  const col = columns(head.value.cells, ['date', 'sku', 'qty'] as const, 'the sales file');
  const need = Math.max(col.date, col.sku, col.qty) + 1;

  // Pass 1: validate and keep rows compactly (typed arrays grown by doubling), SKUs interned.
  const skuIds = new Map<string, number>();
  const skus: string[] = [];
  let cap = 1024;
  let skuOf = new Int32Array(cap);
  let dayOf = new Int32Array(cap);
  let qtyOf = new Float64Array(cap);
  let lineOf = new Int32Array(cap);
  let rows = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const { line, cells } of records) {
    if (cells.length < need) throw new CoreError('BAD_INPUT', `line ${line}: expected at least ${need} columns, found ${cells.length}.`);
    const date = cells[col.date]!.trim();
    const day = dayNumber(date);
    if (Number.isNaN(day)) throw new CoreError('BAD_INPUT', `line ${line}: date "${date}" is not a date (YYYY-MM-DD).`);
    const sku = cells[col.sku]!.trim();
    if (!sku) throw new CoreError('BAD_INPUT', `line ${line}: sku is empty.`);
    if (sku.length > 64) throw new CoreError('BAD_INPUT', `line ${line}: sku "${sku.slice(0, 20)}…" is longer than 64 characters.`);
    const qtyText = cells[col.qty]!.trim();
    const qty = qtyText === '' ? NaN : Number(qtyText);
    if (!Number.isFinite(qty)) throw new CoreError('BAD_INPUT', `line ${line}: qty "${qtyText}" is not a number.`);
    if (qty < 0) throw new CoreError('BAD_INPUT', `line ${line}: qty ${qtyText} is negative; the file is daily unit sales, returns are not demand (net them into the day's sales, or leave the row out).`);
    if (!Number.isInteger(qty)) throw new CoreError('BAD_INPUT', `line ${line}: qty ${qtyText} is not a whole number of units (export weighed goods in a whole unit, e.g. grams).`);
    if (qty > MAX_QTY) throw new CoreError('BAD_INPUT', `line ${line}: qty ${qtyText} is more than ${MAX_QTY} units in a day.`);
    let id = skuIds.get(sku);
    if (id === undefined) skuIds.set(sku, (id = skus.push(sku) - 1));
    if (rows === cap) {
      cap *= 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      skuOf = grow(skuOf, new Int32Array(cap));
      dayOf = grow(dayOf, new Int32Array(cap));
      qtyOf = grow(qtyOf, new Float64Array(cap));
      lineOf = grow(lineOf, new Int32Array(cap));
    }
    skuOf[rows] = id;
    dayOf[rows] = day;
    qtyOf[rows] = qty;
    lineOf[rows] = line;
    rows++;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  if (!rows) throw new CoreError('BAD_INPUT', 'The sales file has a header but no rows.');
  const days = maxDay - minDay + 1;
  if (days > MAX_DAYS) throw new CoreError('BAD_INPUT', `The sales file spans ${days} days (${isoDay(minDay)} to ${isoDay(maxDay)}); at most ${MAX_DAYS} (10 years).`);

  // Pass 2: fill the series; the line of each (sku, day) already seen names a duplicate.
  const seen = skus.map(() => new Int32Array(days));
  const series = new Map<string, Float64Array>(skus.map((s) => [s, new Float64Array(days)]));
  const bySku = skus.map((s) => series.get(s)!);
  for (let r = 0; r < rows; r++) {
    const s = skuOf[r]!;
    const t = dayOf[r]! - minDay;
    const prev = seen[s]![t]!;
    if (prev) throw new CoreError('BAD_INPUT', `line ${lineOf[r]}: sku ${skus[s]} on ${isoDay(dayOf[r]!)} was already given on line ${prev}; give one row per SKU and day (rows are not summed, so a file exported twice cannot double the sales).`);
    seen[s]![t] = lineOf[r]!;
    bySku[s]![t] = qtyOf[r]!;
  }
  return { start: isoDay(minDay), end: isoDay(maxDay), days, series, rows };
}
