// Runs: node (dev script). `node --import tsx scripts/render-receipt.ts OUT.html`: a sample cash
// receipt (a store name in Chinese, a weighed item, a discount, change) put through the real path
// — receiptDoc, encodeDoc to ESC/POS bytes — then read back by the decoder and drawn as a strip of
// paper in OUT.html, for the README's picture of a printed receipt (screenshot it in Chromium).
import fs from 'node:fs';
import path from 'node:path';
import { receiptDoc } from '../electron/core/printing/document.ts';
import { encodeDoc } from '../electron/core/printing/encode.ts';
import { decodeEscPos, receiptText, renderReceiptHtml } from '../electron/core/printing/escpos-decode.ts';
import type { TxnViewT } from '../electron/core/pos/views.ts';

const out = process.argv[2];
if (!out) {
  console.error('Usage: node --import tsx scripts/render-receipt.ts OUT.html');
  process.exit(2);
}

const lines: TxnViewT['lines'] = [
  { sku: '4011', name: 'Bananas', qty: 0.812, unitCents: 129, overrideCents: null, discountCents: 0, lineCents: 105, weightGrams: 812 },
  { sku: '0001234500017', name: 'Oat milk 1 L', qty: 2, unitCents: 249, overrideCents: null, discountCents: 0, lineCents: 498, weightGrams: null },
  { sku: '0009876500021', name: 'Jasmine rice 2 kg', qty: 1, unitCents: 799, overrideCents: null, discountCents: 150, lineCents: 649, weightGrams: null },
  { sku: '0005550000109', name: 'Green tea, 20 bags', qty: 1, unitCents: 375, overrideCents: null, discountCents: 0, lineCents: 375, weightGrams: null },
];
const total = lines.reduce((a, l) => a + l.lineCents, 0);
const txn: TxnViewT = {
  id: 'sample-receipt',
  ts: '2026-03-14T17:42:00.000Z',
  terminalId: 'till-2',
  cashierId: 'u-cashier',
  cashierName: 'Casey',
  type: 'sale',
  status: 'completed',
  totalCents: total,
  tenderMethod: 'cash',
  cardLast4: null,
  entryMode: null,
  tenderedCents: 2000,
  changeCents: 2000 - total,
  receiptNo: 'R2-000418',
  receiptRef: null,
  originalTxnId: null,
  approvedBy: null, approvedByName: null,
  voided: false,
  lines,
  decision: null,
};
const store = { name: 'StoreMind 超市 Market', address: '1 High Street, Springfield', phone: '555-0100', currency: 'USD' };

const doc = receiptDoc(txn, store, { copy: 0, footer: 'Thank you for shopping with us!', taxIncludedBp: 800, timeZone: 'UTC' });
const bytes = encodeDoc(doc, { columns: 48 });
const job = decodeEscPos(bytes, { columns: 48 });
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, renderReceiptHtml(job, { title: 'StoreMind receipt' }));
console.log(receiptText(job));
console.log(`\n${bytes.length} bytes of ESC/POS → ${out}`);
