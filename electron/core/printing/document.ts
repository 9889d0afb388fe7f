// Runs: node (core). What a till prints, as plain data: a receipt, a shift report or a test page is
// a list of blocks, built here from the records and encoded for the printer elsewhere (encode.ts).
// Keeping the layout as data lets the tests read a receipt without decoding bytes, and lets one
// encoder serve every document.
import type { TxnViewT } from '../pos/views.ts';

export type Align = 'left' | 'center' | 'right';

export type PrintBlock =
  | { kind: 'text'; text: string; align?: Align; bold?: boolean; size?: 1 | 2 }
  /** A label on the left and an amount on the right, on one line. */
  | { kind: 'pair'; left: string; right: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number };

export interface PrintDoc {
  blocks: PrintBlock[];
  /** Open the cash drawer (the kick pulse goes to the printer's drawer port). */
  pulse: boolean;
  cut: boolean;
}

export interface StoreHeader {
  name: string;
  address: string;
  phone: string | null;
  currency: string;
}

export interface ReceiptOptions {
  /** 0 for the original; a reprint says so on the paper, so it cannot pass as a second sale. */
  copy: number;
  footer: string;
  taxIncludedBp: number;
  timeZone: string;
}

const TITLES: Record<TxnViewT['type'], string> = { sale: 'SALE', refund: 'REFUND', void: 'VOID', no_sale: 'NO SALE' };
const TENDERS: Record<NonNullable<TxnViewT['tenderMethod']>, string> = { cash: 'Cash', card: 'Card', gift_card: 'Gift card' };

export function formatCents(cents: number, currency = 'USD'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const symbol = currency === 'USD' ? '$' : currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : currency === 'CNY' ? '¥' : `${currency} `;
  return `${sign}${symbol}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function localTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  try {
    return d.toLocaleString('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  } catch {
    return d.toISOString().slice(0, 16).replace('T', ' ');
  }
}

function qtyText(l: TxnViewT['lines'][number]): string {
  if (l.weightGrams) return `${(l.weightGrams / 1000).toFixed(3)} kg`;
  return Number.isInteger(l.qty) ? String(l.qty) : l.qty.toFixed(3);
}

/** The receipt of one transaction: header, lines, discounts, totals, tax, tender, change, the code to bring back. */
export function receiptDoc(txn: TxnViewT, store: StoreHeader, opts: ReceiptOptions): PrintDoc {
  const m = (c: number) => formatCents(c, store.currency);
  const sign = txn.type === 'sale' ? 1 : -1;
  const blocks: PrintBlock[] = [
    { kind: 'text', text: store.name, align: 'center', bold: true, size: 2 },
    ...store.address.split(/\n|, (?=\S)/).filter(Boolean).map((line): PrintBlock => ({ kind: 'text', text: line, align: 'center' })),
    ...(store.phone ? [{ kind: 'text', text: store.phone, align: 'center' } as PrintBlock] : []),
    { kind: 'feed', lines: 1 },
  ];
  if (opts.copy > 0) blocks.push({ kind: 'text', text: `*** COPY ${opts.copy} — NOT A NEW SALE ***`, align: 'center', bold: true });
  blocks.push(
    { kind: 'text', text: TITLES[txn.type], align: 'center', bold: true },
    { kind: 'pair', left: localTime(txn.ts, opts.timeZone), right: txn.terminalId },
    { kind: 'pair', left: `Cashier: ${txn.cashierName}`, right: txn.receiptNo ?? txn.receiptRef ?? '' },
    { kind: 'rule' },
  );
  for (const l of txn.lines) {
    blocks.push({ kind: 'pair', left: l.name, right: m(sign * l.lineCents) });
    const unit = l.overrideCents ?? l.unitCents;
    // A weighed line carries the label's price; its price per kg is read back from it.
    if (l.weightGrams) blocks.push({ kind: 'text', text: `  ${qtyText(l)} @ ${m(Math.round((unit * l.qty * 1000) / l.weightGrams))}/kg` });
    else if (l.qty !== 1) blocks.push({ kind: 'text', text: `  ${qtyText(l)} x ${m(unit)}` });
    if (l.overrideCents !== null && l.overrideCents !== l.unitCents) blocks.push({ kind: 'text', text: `  price changed from ${m(l.unitCents)}` });
    if (l.discountCents > 0) blocks.push({ kind: 'pair', left: '  discount', right: m(-sign * l.discountCents) });
  }
  if (txn.lines.length) blocks.push({ kind: 'rule' });
  const discounts = txn.lines.reduce((a, l) => a + l.discountCents + Math.max(0, (l.unitCents - (l.overrideCents ?? l.unitCents)) * l.qty), 0);
  if (discounts > 0) blocks.push({ kind: 'pair', left: 'You saved', right: m(Math.round(discounts)) });
  if (txn.type !== 'no_sale') {
    blocks.push({ kind: 'pair', left: 'TOTAL', right: m(sign * txn.totalCents), bold: true });
    if (opts.taxIncludedBp > 0) {
      const tax = Math.round((txn.totalCents * opts.taxIncludedBp) / (10_000 + opts.taxIncludedBp));
      blocks.push({ kind: 'pair', left: `incl. tax ${(opts.taxIncludedBp / 100).toFixed(2)}%`, right: m(sign * tax) });
    }
    if (txn.tenderMethod) {
      const card = txn.tenderMethod === 'card' && txn.cardLast4 ? ` **** ${txn.cardLast4}${txn.entryMode ? ` (${txn.entryMode})` : ''}` : '';
      blocks.push({ kind: 'pair', left: `${TENDERS[txn.tenderMethod]}${card}`, right: m(sign * (txn.tenderedCents ?? txn.totalCents)) });
    }
    if (txn.changeCents !== null && txn.changeCents > 0) blocks.push({ kind: 'pair', left: 'Change', right: m(txn.changeCents), bold: true });
  }
  blocks.push({ kind: 'feed', lines: 1 });
  // The code the returns desk scans (pos.receipt takes the receipt number).
  if (txn.receiptNo) blocks.push({ kind: 'qr', data: txn.receiptNo }, { kind: 'text', text: txn.receiptNo, align: 'center' });
  if (opts.footer) blocks.push({ kind: 'text', text: opts.footer, align: 'center' });
  return { blocks, pulse: false, cut: true };
}

/** A report (X, Z, test page) from label/amount lines. */
export function reportDoc(title: string, store: StoreHeader, lines: Array<{ left: string; right?: string; bold?: boolean }>): PrintDoc {
  return {
    blocks: [
      { kind: 'text', text: store.name, align: 'center', bold: true },
      { kind: 'text', text: title, align: 'center', bold: true, size: 2 },
      { kind: 'rule' },
      ...lines.map((l): PrintBlock => (l.right === undefined ? { kind: 'text', text: l.left, bold: l.bold } : { kind: 'pair', left: l.left, right: l.right, bold: l.bold })),
      { kind: 'feed', lines: 1 },
    ],
    pulse: false,
    cut: true,
  };
}

/** The drawer kick on its own: no paper, so an empty roll never keeps the drawer shut. */
export const DRAWER_KICK: PrintDoc = { blocks: [], pulse: true, cut: false };
