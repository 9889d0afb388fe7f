// Runs: node (core). A print document (document.ts) to ESC/POS bytes, with
// @point-of-sale/receipt-printer-encoder: a pure encoder (bytes out, no I/O), which picks the code
// page per character from the printer model's own table. Chosen over node-thermal-printer by
// `npm run bench -- --only printing`: the other is faster (0.2 vs 1 ms a receipt, both far under
// the 150 ms budget) but silently prints a character outside its one code page as a wrong glyph,
// where this one lets us find such text first and print it as an image instead.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { PrintBlock, PrintDoc } from './document.ts';
import { rasterLine } from './raster-text.ts';

export interface PrinterProfile {
  /** Characters per line with font A. */
  columns: number;
}

/** The code pages text may use; anything outside them is drawn (Latin, Greek and Cyrillic print as text). */
const CODEPAGES = ['cp437', 'cp858', 'cp850', 'cp852', 'cp866', 'cp737', 'windows1252', 'windows1250', 'windows1251', 'iso8859-15'] as const;

const printableCache = new Map<string, boolean>();

/** True when every character prints from a code page (a '?' is only a '?'). */
export function printableAsText(text: string): boolean {
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    let ok = printableCache.get(ch);
    if (ok === undefined) {
      const frags = CodepageEncoder.autoEncode(ch, [...CODEPAGES]);
      ok = frags.every((f) => !f.bytes.includes(0x3f));
      printableCache.set(ch, ok);
    }
    if (!ok) return false;
  }
  return true;
}

/** Cuts a label so a pair still fits on one line with its amount. */
function fitPair(left: string, right: string, columns: number): string {
  const room = columns - right.length - 1;
  const l = [...left];
  const shown = l.length > room ? `${l.slice(0, Math.max(0, room - 1)).join('')}…` : left;
  return shown + ' '.repeat(Math.max(1, columns - [...shown].length - right.length)) + right;
}

/**
 * ASCII prints from any code page; only a line with other characters lets the encoder pick pages
 * per character ('auto' costs ~1 ms a line, 34 ms a receipt if every line used it).
 */
function line(e: ReceiptPrinterEncoder, text: string): void {
  if (/^[\x20-\x7e]*$/.test(text)) e.line(text);
  else e.codepage('auto').line(text).codepage('cp437');
}

function block(e: ReceiptPrinterEncoder, b: PrintBlock, columns: number): void {
  const widthDots = columns * 12;
  switch (b.kind) {
    case 'text': {
      const size = b.size ?? 1;
      if (!printableAsText(b.text)) {
        e.align('left').image(rasterLine({ left: b.text, align: b.align, size }, widthDots), widthDots, 32 * size, 'threshold');
        return;
      }
      e.align(b.align ?? 'left').bold(!!b.bold).size(size, size);
      line(e, b.text);
      e.size(1, 1).bold(false);
      return;
    }
    case 'pair':
      if (!printableAsText(b.left + b.right)) {
        e.align('left').image(rasterLine({ left: b.left, right: b.right }, widthDots), widthDots, 32, 'threshold');
        return;
      }
      e.align('left').bold(!!b.bold);
      line(e, fitPair(b.left, b.right, columns));
      e.bold(false);
      return;
    case 'rule':
      e.align('left').line('-'.repeat(columns));
      return;
    case 'qr':
      e.align('center').qrcode(b.data, { model: 2, size: 6, errorlevel: 'm' }).align('left');
      return;
    case 'barcode':
      e.align('center').barcode(b.data, 'code128', { height: 60, text: 'below' }).align('left');
      return;
    case 'feed':
      e.newline(b.lines);
      return;
  }
}

export function encodeDoc(doc: PrintDoc, profile: PrinterProfile): Uint8Array {
  const e = new ReceiptPrinterEncoder({
    printerModel: 'epson-tm-t20iii',
    columns: profile.columns,
    imageMode: 'raster',
    codepageCandidates: [...CODEPAGES],
    feedBeforeCut: 4,
  });
  e.initialize().codepage('cp437');
  // The drawer opens as the receipt starts, not after it has printed.
  if (doc.pulse) e.pulse(0, 100, 500);
  for (const b of doc.blocks) block(e, b, profile.columns);
  if (doc.cut) e.cut('partial');
  return e.encode();
}
