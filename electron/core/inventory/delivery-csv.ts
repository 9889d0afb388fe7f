// Runs: node (core). A delivery note as CSV (`sku,qty` and optionally `po`): what the supplier's
// van brought, checked line by line. The file's own hash is the delivery's id, so receiving the
// same file twice is refused instead of counting the goods twice.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeUtf8, parseCsv } from '../catalog/csv.ts';
import { CoreError } from '../db/errors.ts';

export interface DeliveryFile {
  receiptId: string;
  poId: string | null;
  lines: Array<{ sku: string; qty: number }>;
}

export function readDeliveryCsv(file: string): DeliveryFile {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new CoreError('BAD_INPUT', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const records = parseCsv(decodeUtf8(bytes, name), name);
  const header = records[0]?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  const col = (n: string) => header.indexOf(n);
  if (col('sku') < 0 || col('qty') < 0) throw new CoreError('BAD_INPUT', `${name}: the header must name the columns sku and qty (and optionally po); it has ${header.join(', ') || 'nothing'}.`);
  const lines: DeliveryFile['lines'] = [];
  const pos = new Set<string>();
  for (const r of records.slice(1)) {
    if (r.fields.every((f) => f.trim() === '')) continue;
    const sku = (r.fields[col('sku')] ?? '').trim();
    const qtyText = (r.fields[col('qty')] ?? '').trim();
    if (!sku || sku.length > 64) throw new CoreError('BAD_INPUT', `${name} line ${r.line}: the SKU is empty or longer than 64 characters.`);
    if (!/^\d{1,6}$/.test(qtyText) || Number(qtyText) === 0) throw new CoreError('BAD_INPUT', `${name} line ${r.line}: qty "${qtyText}" must be a whole number from 1 to 999999 (a delivery brings goods in; write damaged goods off separately).`);
    const po = col('po') >= 0 ? (r.fields[col('po')] ?? '').trim() : '';
    if (po) pos.add(po);
    lines.push({ sku, qty: Number(qtyText) });
  }
  if (lines.length === 0) throw new CoreError('BAD_INPUT', `${name} has no delivery lines.`);
  if (pos.size > 1) throw new CoreError('BAD_INPUT', `${name} names ${pos.size} purchase orders (${[...pos].join(', ')}); receive one order per file.`);
  return { receiptId: `file-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 40)}`, poId: [...pos][0] ?? null, lines };
}
