// Runs: node (vitest). The ESC/POS decoder on the bytes our encoder really sends: a receipt, a
// report and Chinese text (drawn as an image, never '?') read back to lines with their alignment,
// style, QR data, cuts and drawer pulses; code pages beyond cp437; the preview page and its PNGs;
// and arbitrary or cut-short bytes decoded without a throw or an endless loop.
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rasterLine } from '../../../electron/core/printing/raster-text.ts';
import { DRAWER_KICK, receiptDoc, reportDoc, type PrintDoc, type StoreHeader } from '../../../electron/core/printing/document.ts';
import { encodeDoc } from '../../../electron/core/printing/encode.ts';
import { bitmapToPng, commandSpan, decodeEscPos, receiptText, renderReceiptHtml, type DecodedJob } from '../../../electron/core/printing/escpos-decode.ts';
import type { TxnViewT } from '../../../electron/core/pos/views.ts';

const store: StoreHeader = { name: 'StoreMind Market', address: '1 High Street, Springfield', phone: '555-0100', currency: 'USD' };

const txn: TxnViewT = {
  id: 'txn-1',
  ts: '2026-03-14T09:30:00.000Z',
  terminalId: 'till-1',
  cashierId: 'u-cashier',
  cashierName: 'Casey Cashier',
  type: 'sale',
  status: 'completed',
  totalCents: 1473,
  tenderMethod: 'cash',
  cardLast4: null,
  entryMode: null,
  tenderedCents: 2000,
  changeCents: 527,
  receiptNo: 'R-000123',
  receiptRef: null,
  originalTxnId: null,
  approvedBy: null, approvedByName: null,
  voided: false,
  lines: [
    { sku: 'MILK-1L', name: 'Whole milk 1 L', qty: 2, unitCents: 189, overrideCents: null, discountCents: 0, lineCents: 378, weightGrams: null },
    { sku: 'APPLE-KG', name: 'Apples Gala', qty: 0.532, unitCents: 450, overrideCents: null, discountCents: 0, lineCents: 239, weightGrams: 532 },
    { sku: 'COFFEE', name: 'Ground coffee 250 g', qty: 1, unitCents: 956, overrideCents: null, discountCents: 100, lineCents: 856, weightGrams: null },
  ],
  decision: null,
};
const opts = { copy: 0, footer: 'Thank you for shopping with us.', taxIncludedBp: 800, timeZone: 'UTC' };

const roundTrip = (doc: PrintDoc, columns = 48): DecodedJob => decodeEscPos(encodeDoc(doc, { columns }), { columns });
const lineOf = (job: DecodedJob, text: string) => job.lines.find((l) => l.text.trim() === text);

describe('decodeEscPos on encodeDoc output', () => {
  const doc = receiptDoc(txn, store, opts);
  const job = roundTrip(doc);

  it('reads every text block back as a line, with its alignment, weight and size', () => {
    const name = lineOf(job, 'StoreMind Market');
    expect(name).toMatchObject({ align: 'center', bold: true, size: 2 });
    expect(lineOf(job, '1 High Street')).toMatchObject({ align: 'center', bold: false, size: 1 });
    expect(lineOf(job, '555-0100')).toMatchObject({ align: 'center' });
    expect(lineOf(job, 'SALE')).toMatchObject({ align: 'center', bold: true, size: 1 });
    expect(lineOf(job, '0.532 kg @ $4.50/kg')).toMatchObject({ align: 'left', bold: false });
    expect(lineOf(job, '2 x $1.89')).toMatchObject({ align: 'left' });
    expect(lineOf(job, 'R-000123')).toMatchObject({ align: 'center' });
    expect(lineOf(job, 'Thank you for shopping with us.')).toMatchObject({ align: 'center' });
    expect(job.lines.filter((l) => l.text === '-'.repeat(48))).toHaveLength(2);
    expect(job.unknown).toEqual([]);
    expect(job.codepages).toEqual(['cp437']);
  });

  it('lays a pair out as the label at the left edge and the amount flush with the right edge', () => {
    const pairs = doc.blocks.filter((b) => b.kind === 'pair');
    expect(pairs.length).toBeGreaterThan(6);
    for (const p of pairs) {
      const line = job.lines.find((l) => l.text.startsWith(p.left) && l.text.endsWith(p.right));
      expect(line, `${p.left} … ${p.right}`).toBeDefined();
      expect(line!.columns).toBe(48);
      expect(line!.text).toHaveLength(48);
      expect(line!.align).toBe('left');
      expect(line!.bold).toBe(!!p.bold);
    }
    expect(job.lines.find((l) => l.text.startsWith('TOTAL'))).toMatchObject({ bold: true, text: expect.stringMatching(/^TOTAL +\$14\.73$/) });
    expect(receiptText(job)).toMatch(/^Change +\$5\.27$/m);
    expect(receiptText(job)).toMatch(/^Cash +\$20\.00$/m);
    expect(receiptText(job)).toMatch(/^ {2}discount +-\$1\.00$/m);
    expect(receiptText(job)).toMatch(/^You saved +\$1\.00$/m);
  });

  it('a narrower roll (42 columns) keeps the pairs at its own width', () => {
    const narrow = roundTrip(doc, 42);
    const total = narrow.lines.find((l) => l.text.startsWith('TOTAL'))!;
    expect(total.text).toHaveLength(42);
    expect(lineOf(narrow, 'SALE')).toMatchObject({ align: 'center' });
  });

  it('the QR holds the receipt number, printed once, then one partial cut; no pulse unless the doc asks', () => {
    expect(job.qr).toEqual(['R-000123']);
    expect(job.cuts).toBe(1);
    expect(job.cutKinds).toEqual([{ partial: true, feed: 0 }]);
    // The encoder sends one line feed after the cut (it lands on the next receipt): nothing else.
    const afterCut = job.flow.slice(job.flow.findIndex((f) => f.kind === 'cut') + 1);
    expect(afterCut.every((f) => f.kind === 'line' && f.line.text === '')).toBe(true);
    expect(job.pulses).toEqual([]);
    expect(job.statusRequests).toBe(0);
    const withPulse = roundTrip({ ...doc, pulse: true });
    expect(withPulse.pulses).toEqual([{ pin: 0, onMs: 100, offMs: 500 }]);
    // The drawer opens as the receipt starts.
    expect(withPulse.flow.findIndex((f) => f.kind === 'pulse')).toBeLessThan(withPulse.flow.findIndex((f) => f.kind === 'line' && f.line.text.trim() !== ''));
    const noCut = roundTrip({ ...doc, cut: false });
    expect(noCut.cuts).toBe(0);
  });

  it('the drawer kick on its own: one pulse, nothing printed, no cut', () => {
    const kick = roundTrip(DRAWER_KICK);
    expect(kick.pulses).toHaveLength(1);
    expect(kick.lines.every((l) => l.text.trim() === '')).toBe(true);
    expect(kick.images).toEqual([]);
    expect(kick.cuts).toBe(0);
  });

  it('a report: the title at double size, label/amount pairs and plain lines', () => {
    const report = roundTrip(reportDoc('X REPORT', store, [{ left: 'Sales', right: '$120.00' }, { left: 'Refunds', right: '-$4.50', bold: true }, { left: 'Till counted by Casey', bold: true }]));
    expect(lineOf(report, 'StoreMind Market')).toMatchObject({ align: 'center', bold: true, size: 1 });
    expect(lineOf(report, 'X REPORT')).toMatchObject({ align: 'center', bold: true, size: 2 });
    expect(report.lines.find((l) => l.text.startsWith('Sales'))).toMatchObject({ bold: false, columns: 48, text: expect.stringMatching(/ \$120\.00$/) });
    expect(report.lines.find((l) => l.text.startsWith('Refunds'))).toMatchObject({ bold: true, text: expect.stringMatching(/ -\$4\.50$/) });
    expect(lineOf(report, 'Till counted by Casey')).toMatchObject({ align: 'left', bold: true });
    expect(report.qr).toEqual([]);
    expect(report.cuts).toBe(1);
  });

  it('Chinese text comes out as an image the width of the paper, never as "?"', () => {
    const zh = roundTrip(receiptDoc({ ...txn, lines: [{ ...txn.lines[0]!, name: '牛奶 Whole milk' }] }, { ...store, name: 'StoreMind 超市' }, opts));
    expect(zh.images.length).toBe(2);
    // The store name at double size (64 dots high), the item's pair at single (32).
    expect(zh.images.map((i) => [i.width, i.height])).toEqual([[576, 64], [576, 32]]);
    for (const img of zh.images) {
      expect(img.bits.length).toBe((img.width / 8) * img.height);
      const black = img.bits.reduce((a, b) => a + popcount(b), 0);
      expect(black).toBeGreaterThan(100);
      expect(black).toBeLessThan(img.width * img.height * 0.5);
    }
    const text = receiptText(zh);
    expect(text).not.toMatch(/\?|超|牛/);
    expect(text).toContain('[image 576x64]');
    expect(zh.flow[0]).toMatchObject({ kind: 'image' });
    expect(lineOf(zh, '1 High Street')).toBeDefined();
  });

  it('Latin letters and digits in a drawn line are glyphs of their own, not the same placeholder boxes', () => {
    const bits = (text: string) => Buffer.from(rasterLine({ left: text, align: 'left' }, 576).data).toString('base64');
    expect(bits('StoreMind 超市')).not.toBe(bits('XxXxXxXxX 超市'));
    expect(bits('Total 12.50 超市')).not.toBe(bits('Total 99.99 超市'));
  });

  it('Latin, Greek and Cyrillic print from their own code pages (ESC t), read back exactly', () => {
    const words = ['Café crème', 'Prix 5 €', 'Ωμέγα', 'Привет', 'Łódź'];
    const multi = roundTrip({ blocks: words.map((text) => ({ kind: 'text' as const, text })), pulse: false, cut: false });
    expect(multi.lines.map((l) => l.text)).toEqual(words);
    expect(multi.codepages.length).toBeGreaterThan(2);
    expect(multi.images).toEqual([]);
  });

  it('a barcode block: its data, without the code set prefix', () => {
    const bc = roundTrip({ blocks: [{ kind: 'barcode', data: 'GC-1234-5678' }], pulse: false, cut: false });
    expect(bc.barcodes).toEqual(['GC-1234-5678']);
    expect(bc.flow.find((f) => f.kind === 'barcode')).toMatchObject({ align: 'center' });
  });
});

describe('decodeEscPos on hand-made bytes', () => {
  const b = (...xs: Array<number | string>) => Uint8Array.from(xs.flatMap((x) => (typeof x === 'string' ? [...Buffer.from(x, 'latin1')] : [x])));

  it('style commands, feeds, cuts, the real-time pulse and status requests', () => {
    const job = decodeEscPos(b(0x1b, 0x40, 0x1b, 0x21, 0x38, 'BIG', 0x0a, 0x1b, 0x21, 0x00, 0x1b, 0x2d, 0x01, 'under', 0x1b, 0x64, 0x03, 0x1b, 0x61, 0x02, 'right', 0x0a,
      0x10, 0x04, 0x01, 0x10, 0x04, 0x04, 0x10, 0x14, 0x01, 0x01, 0x05, 0x1d, 0x56, 0x42, 0x03, 0x1d, 0x56, 0x00, 0x1b, 0x74, 0x10, 0x80, 0x0a));
    expect(job.lines.map((l) => [l.text, l.bold, l.size, l.underline, l.align])).toEqual([
      ['BIG', true, 2, false, 'left'],
      ['under', false, 1, true, 'left'],
      ['', false, 1, true, 'left'],
      ['', false, 1, true, 'left'],
      ['right', false, 1, true, 'right'],
      ['€', false, 1, true, 'right'],
    ]);
    expect(job.statusRequests).toBe(2);
    expect(job.pulses).toEqual([{ pin: 1, onMs: 500, offMs: 500 }]);
    expect(job.cutKinds).toEqual([{ partial: true, feed: 3 }, { partial: false, feed: 0 }]);
    expect(job.codepages).toEqual(['cp437', 'windows1252']);
  });

  it('a column image (ESC *) and a stored raster graphic (GS ( L) become images too', () => {
    const col = decodeEscPos(b(0x1b, 0x2a, 0x00, 0x02, 0x00, 0x80, 0x01));
    expect(col.images).toHaveLength(1);
    expect([col.images[0]!.width, col.images[0]!.height]).toEqual([8, 8]);
    expect(col.images[0]!.bits[0]).toBe(0x80); // column 0, top dot
    expect(col.images[0]!.bits[7]).toBe(0x40); // column 1, bottom dot
    const data = [0xff, 0x00];
    const body = [0x30, 0x70, 0x30, 0x01, 0x01, 0x31, 0x08, 0x00, 0x02, 0x00, ...data];
    const gfx = decodeEscPos(b(0x1d, 0x28, 0x4c, body.length, 0x00, ...body, 0x1d, 0x28, 0x4c, 0x02, 0x00, 0x30, 0x32));
    expect(gfx.images.map((i) => [i.width, i.height, [...i.bits]])).toEqual([[8, 2, data]]);
  });

  it('unknown commands are stepped over and noted; text around them survives', () => {
    const job = decodeEscPos(b('A', 0x1b, 0x01, 'B', 0x07, 'C', 0x1d, 0x01, 0x0a));
    expect(job.lines.map((l) => l.text)).toEqual(['ABC']);
    expect(job.unknown).toEqual([1, 4, 6]);
  });

  it('never throws or hangs: arbitrary bytes, and a real receipt cut short anywhere', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const job = decodeEscPos(bytes);
        expect(job.lines.length).toBeLessThanOrEqual(bytes.length + 1);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0x1b, 0x1d, 0x10, 0x1c, 0x28, 0x6b, 0x76, 0x30, 0x00, 0xff, 0x0a, 0x41, 0x4c, 0x38, 0x2a, 0x26, 0x71), { maxLength: 300 }), (xs) => {
        decodeEscPos(Uint8Array.from(xs));
      }),
      { numRuns: 500 },
    );
    const full = encodeDoc(receiptDoc(txn, { ...store, name: 'StoreMind 超市' }, opts), { columns: 48 });
    for (let cut = 0; cut < full.length; cut += 7) {
      const part = full.subarray(0, cut);
      expect(() => decodeEscPos(part)).not.toThrow();
    }
  });

  it('commandSpan asks for more bytes until a command is whole, and always moves forward', () => {
    const qr = b(0x1d, 0x28, 0x6b, 0x06, 0x00, 0x31, 0x50, 0x30, 'R-1');
    for (let n = 1; n < qr.length; n++) expect(commandSpan(qr.subarray(0, n), 0)).toBeNull();
    expect(commandSpan(qr, 0)).toEqual({ end: qr.length, known: true });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 50 }), (bytes) => {
        const s = commandSpan(bytes, 0);
        if (s) expect(s.end).toBeGreaterThan(0);
      }),
    );
  });
});

describe('receipt preview', () => {
  const job = roundTrip(receiptDoc(txn, { ...store, name: 'StoreMind 超市 Market' }, opts));

  it('receiptText: the lines, with images, codes and the cut as markers', () => {
    const text = receiptText(job);
    expect(text.split('\n')[0]).toBe('[image 576x64]');
    expect(text).toContain('[QR R-000123]');
    expect(text.trimEnd().endsWith('[partial cut]')).toBe(true);
  });

  it('renderReceiptHtml: one self-contained page with the text, the drawn image, the QR box and the cut', () => {
    const html = renderReceiptHtml(job);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('width: 576px');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html.match(/src="data:image\/png;base64,/g)).toHaveLength(1);
    expect(html).toContain('>QR<');
    expect(html).toContain('R-000123');
    expect(html).toContain('partial cut');
    expect(html).toContain('TOTAL');
    expect(html).toContain('font-weight:700');
    expect(renderReceiptHtml(job, { widthDots: 384 })).toContain('width: 384px');
    expect(renderReceiptHtml(decodeEscPos(Uint8Array.from(Buffer.from('<b>&"x"</b>\n', 'latin1'))))).toContain('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
  });

  it('bitmapToPng: a valid 1-bit PNG whose pixels are the printer dots', () => {
    const img = job.images[0]!;
    const png = bitmapToPng(img);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(img.width);
    expect(png.readUInt32BE(20)).toBe(img.height);
    const chunks = readChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const c of chunks) expect(c.crcOk).toBe(true);
    const raw = zlib.inflateSync(chunks[1]!.data);
    const rowBytes = img.width / 8;
    expect(raw.length).toBe((rowBytes + 1) * img.height);
    for (let y = 0; y < img.height; y++) {
      expect(raw[y * (rowBytes + 1)]).toBe(0);
      for (let k = 0; k < rowBytes; k++) expect(raw[y * (rowBytes + 1) + 1 + k]).toBe(~img.bits[y * rowBytes + k]! & 0xff);
    }
  });
});

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v >>= 1) n += v & 1;
  return n;
}

function readChunks(png: Buffer): Array<{ type: string; data: Buffer; crcOk: boolean }> {
  const out: Array<{ type: string; data: Buffer; crcOk: boolean }> = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + len);
    const crc = png.readUInt32BE(at + 8 + len);
    out.push({ type, data, crcOk: zlib.crc32(png.subarray(at + 4, at + 8 + len)) === crc });
    at += 12 + len;
  }
  return out;
}
