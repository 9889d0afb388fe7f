// Runs: node (bench). The till's printing, side by side with the peer where there is one:
// - the two ESC/POS encoders on the same receipt (@point-of-sale/receipt-printer-encoder, which we
//   use, and node-thermal-printer): time per receipt, bytes, and what each does with Chinese text;
// - our whole path from tender to the first receipt byte at a network printer (target ≤ 150 ms):
//   pos.submit through the core (fraud decision, the sale's SQLite transaction with its print jobs),
//   the worker's kick, building and encoding the receipt, the TCP connect and the paper check,
//   against the loopback printer on 127.0.0.1;
// - a receipt whose store name must be drawn as an image (Chinese), first and cached.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CharacterSet, ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import type { BenchRow } from './core.ts';
import { createCore } from '../electron/core/core.ts';
import { setSetting } from '../electron/core/settings/settings.ts';
import { encodeDoc } from '../electron/core/printing/encode.ts';
import { receiptDoc, type PrintDoc } from '../electron/core/printing/document.ts';
import { startPrintWorker, type PrintWorker } from '../electron/core/printing/worker.ts';
import { startLoopbackPrinter } from '../electron/core/printing/loopback-printer.ts';
import type { TxnViewT } from '../electron/core/pos/views.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function sampleTxn(): TxnViewT {
  const lines = Array.from({ length: 12 }, (_, i) => ({
    sku: `SKU-${i}`, name: `Item number ${i} with a longer name`, qty: 1 + (i % 3), unitCents: 199 + i * 37, overrideCents: null,
    discountCents: i % 4 === 0 ? 50 : 0, lineCents: (199 + i * 37) * (1 + (i % 3)) - (i % 4 === 0 ? 50 : 0), weightGrams: null,
  }));
  const total = lines.reduce((a, l) => a + l.lineCents, 0);
  return {
    id: 'bench-txn', ts: '2026-12-01T10:00:00.000Z', terminalId: 'till-1', cashierId: 'u1', cashierName: 'Casey', type: 'sale', status: 'completed',
    totalCents: total, tenderMethod: 'cash', cardLast4: null, entryMode: null, tenderedCents: total + 500, changeCents: 500, receiptNo: 'RBENCH001',
    receiptRef: null, originalTxnId: null, approvedBy: null, approvedByName: null, voided: false, lines, decision: null,
  };
}

/** The same receipt through node-thermal-printer's buffer (no printer attached). */
function peerEncode(doc: PrintDoc): Buffer {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: 'tcp://127.0.0.1:1', width: 48, characterSet: CharacterSet.PC437_USA });
  if (doc.pulse) p.openCashDrawer();
  for (const b of doc.blocks) {
    if (b.kind === 'text') {
      if (b.align === 'center') p.alignCenter();
      else p.alignLeft();
      p.bold(!!b.bold);
      if (b.size === 2) p.setTextSize(1, 1);
      p.println(b.text);
      p.setTextNormal();
      p.bold(false);
    } else if (b.kind === 'pair') {
      p.alignLeft();
      p.bold(!!b.bold);
      p.leftRight(b.left, b.right);
      p.bold(false);
    } else if (b.kind === 'rule') p.drawLine();
    else if (b.kind === 'qr') {
      p.alignCenter();
      p.printQR(b.data, { cellSize: 6, correction: 'M', model: 2 });
    } else if (b.kind === 'feed') for (let i = 0; i < b.lines; i++) p.newLine();
  }
  if (doc.cut) p.partialCut();
  return p.getBuffer();
}

function timeIt(n: number, fn: () => unknown): number[] {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    fn();
    ms.push(performance.now() - s);
  }
  return ms;
}

export async function benchPrinting(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store = { name: 'StoreMind Market', address: '1 High Street, Springfield', phone: '555-0100', currency: 'USD' };
  const doc = receiptDoc(sampleTxn(), store, { copy: 0, footer: 'Thank you for shopping with us.', taxIncludedBp: 800, timeZone: 'UTC' });
  timeIt(20, () => encodeDoc(doc, { columns: 48 }));
  timeIt(20, () => peerEncode(doc));
  const ours = timeIt(300, () => encodeDoc(doc, { columns: 48 }));
  const peer = timeIt(300, () => peerEncode(doc));
  rows.push(
    { bench: 'printing', metric: 'encode a 12-line receipt: receipt-printer-encoder (ours) p50', value: pct(ours, 50), unit: 'ms' },
    { bench: 'printing', metric: 'encode a 12-line receipt: node-thermal-printer (peer) p50', value: pct(peer, 50), unit: 'ms' },
    { bench: 'printing', metric: 'receipt bytes: receipt-printer-encoder (ours)', value: encodeDoc(doc, { columns: 48 }).length, unit: 'B' },
    { bench: 'printing', metric: 'receipt bytes: node-thermal-printer (peer)', value: peerEncode(doc).length, unit: 'B' },
  );
  // Chinese store name: we draw it as an image.
  const zh = { ...doc, blocks: [{ kind: 'text' as const, text: 'StoreMind 超市 欢迎光临', align: 'center' as const, bold: true, size: 2 as const }, ...doc.blocks.slice(1)] };
  const first = timeIt(1, () => encodeDoc(zh, { columns: 48 }))[0]!;
  const zhMs = timeIt(20, () => encodeDoc(zh, { columns: 48 }));
  const peerZh = peerEncode(zh);
  const peerZhText = peerZh.toString('latin1');
  rows.push(
    { bench: 'printing', metric: 'encode with a Chinese store name drawn as an image: first receipt (font load)', value: first, unit: 'ms' },
    { bench: 'printing', metric: 'encode with a Chinese store name drawn as an image: p50 after', value: pct(zhMs, 50), unit: 'ms' },
    // node-thermal-printer switches the printer's character set and sends GB2312 bytes: right only on a
    // printer with a Chinese font in ROM, wrong glyphs on the common Western models; an image prints on both.
    { bench: 'printing', metric: 'peer: Chinese sent as double-byte text for a printer with a Chinese font ROM (1 = yes)', value: peerZhText.includes('StoreMind \u001bR') && /[\x80-\xff]/.test(peerZhText) ? 1 : 0, unit: 'bool' },
  );

  // Tender to the first receipt byte, through the real core and a real socket.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-print-'));
  const lp = await startLoopbackPrinter({ mode: 'ok' });
  const core = createCore({ dataDir: dir, loadModels: false, encrypt: false });
  let worker: PrintWorker | null = null;
  try {
    core.services.extensions.printer!.stop();
    setSetting(core.db, 'printerUrl', lp.url);
    const firstByte = new Map<string, number>();
    worker = startPrintWorker(core.db, { onFirstByte: (id) => firstByte.set(id, performance.now()) });
    core.services.extensions.printer = worker;
    const signIn = (await core.dispatch('auth.signIn', { pin: '1111', surface: 'pos' }, null)) as { ok: boolean; data: { token: string } };
    if (!signIn.ok) throw new Error('bench: the demo cashier could not sign in');
    const p = core.db.prepare('SELECT sku, price_cents FROM products WHERE promo_price_cents IS NULL AND price_cents BETWEEN 200 AND 3000 ORDER BY sku LIMIT 3').all() as Array<{ sku: string; price_cents: number }>;
    const lines = p.map((x) => ({ sku: x.sku, qty: 1, unitCents: x.price_cents, overrideCents: null, discountCents: 0 }));
    const latencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      const method = i % 2 ? 'card' : 'cash';
      const tender = method === 'cash' ? { method, fingerprint: null, last4: null, entryMode: null } : { method, fingerprint: `pt_bench${String(i).padStart(8, '0')}`, last4: '4242', entryMode: 'chip' };
      const t0 = performance.now();
      const r = (await core.dispatch('pos.submit', { type: 'sale', lines, tender }, signIn.data.token)) as { ok: boolean; data: { id: string } };
      if (!r.ok) throw new Error(`bench: sale refused: ${JSON.stringify(r)}`);
      await worker.drain();
      const receiptJob = core.db.prepare("SELECT id FROM print_jobs WHERE kind = 'receipt' AND ref = ?").pluck().get(r.data.id) as string;
      const drawerJob = core.db.prepare("SELECT j.id FROM print_jobs j JOIN drawer_openings d ON d.id = j.ref WHERE d.txn_id = ?").pluck().get(r.data.id) as string | undefined;
      const at = firstByte.get(drawerJob ?? receiptJob);
      if (at !== undefined && i >= 4) latencies.push(at - t0);
    }
    await lp.waitForJobs(60, 10_000).catch(() => undefined);
    rows.push(
      { bench: 'printing', metric: 'tender to first receipt byte at a network printer (pos.submit → loopback TCP) p50', value: pct(latencies, 50), unit: 'ms', target: '≤ 150 ms' },
      { bench: 'printing', metric: 'tender to first receipt byte at a network printer p95', value: pct(latencies, 95), unit: 'ms', target: '≤ 150 ms' },
      { bench: 'printing', metric: `jobs the loopback printer decoded (cash: drawer + receipt, card: receipt) of ${20 * 2 + 20}`, value: lp.jobs.length, unit: 'jobs' },
    );
  } finally {
    worker?.stop();
    core.close();
    await lp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
