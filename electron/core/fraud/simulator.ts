// Runs: node (core). A POS transaction simulator with a seeded PRNG: normal trading for store days
// (shifts, lunch and evening peaks, card/cash/gift-card mix, price matches, coupons, staff buying
// with their discount, refunds with and without receipts, honest voids, drawer openings) plus
// injected, labelled fraud at configurable rates:
//   card_testing    bursts of small card sales with a different card each time, mostly keyed
//   refund_abuse    a cashier refunds goods without receipts, to cash or gift card
//   sweethearting   a cashier rings a friend's full basket at a fraction of its price
//   void_abuse      a cashier voids a paid cash sale after the customer has left
//   discount_abuse  a cashier gives the employee discount to friends, again and again
// The same generator trains the risk model and evaluates the engine on held-out days.
import type { TxnLine, TxnRecord, TenderMethod, EntryMode } from './types.ts';

export const PATTERNS = ['card_testing', 'refund_abuse', 'sweethearting', 'void_abuse', 'discount_abuse'] as const;
export type Pattern = (typeof PATTERNS)[number];

export interface SimProduct {
  sku: string;
  priceCents: number;
}

export interface SimConfig {
  seed: number;
  days: number;
  /** First day, 'YYYY-MM-DD' (UTC; the simulator trades in UTC, 07:00 to 22:00). */
  start: string;
  terminals?: number;
  cashiers?: number;
  txnsPerDay?: number;
  /** Fraud episodes per day, per pattern. */
  rates?: Partial<Record<Pattern, number>>;
  products: SimProduct[];
}

export const DEFAULT_RATES: Record<Pattern, number> = {
  card_testing: 0.4,
  refund_abuse: 0.6,
  sweethearting: 0.7,
  void_abuse: 0.6,
  discount_abuse: 0.6,
};

export interface SimTxn {
  txn: TxnRecord;
  fraud: boolean;
  pattern: Pattern | null;
  day: number;
}

/** sfc32: small, fast, seedable, good enough for simulation. */
export function rng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 + seed * 7;
  let c = 0xb7e15162 ^ (seed * 13);
  let d = 1;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const OPEN_H = 7;
const CLOSE_H = 22;

export function simulate(cfg: SimConfig): SimTxn[] {
  const r = rng(cfg.seed);
  const rates = { ...DEFAULT_RATES, ...(cfg.rates ?? {}) };
  const nTerm = cfg.terminals ?? 3;
  const nCash = cfg.cashiers ?? 8;
  const perDay = cfg.txnsPerDay ?? 600;
  const products = [...cfg.products].filter((p) => p.priceCents > 0).sort((a, b) => a.priceCents - b.priceCents);
  if (products.length < 20) throw new Error('simulator needs at least 20 priced products');
  const cheap = products.filter((p) => p.priceCents < 500);
  const pricey = products.filter((p) => p.priceCents >= 1500);
  const out: SimTxn[] = [];
  let seq = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const randInt = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const poisson = (lambda: number) => {
    let k = 0;
    let p = Math.exp(-lambda);
    let s = p;
    const u = r();
    while (u > s && k < 50) {
      k++;
      p *= lambda / k;
      s += p;
    }
    return k;
  };
  const id = () => `sim${cfg.seed}-${(seq++).toString(36)}`;
  const customers = Array.from({ length: 4000 }, (_, i) => `tok_${cfg.seed}_${i.toString(36)}`);
  const cardFor = (): TxnRecord['tender'] => {
    const u = r();
    const mode: EntryMode = u < 0.55 ? 'chip' : u < 0.9 ? 'tap' : u < 0.975 ? 'swipe' : 'keyed';
    return { method: 'card', fingerprint: pick(customers), last4: String(randInt(1000, 9999)), entryMode: mode };
  };
  const tenderFor = (): TxnRecord['tender'] => {
    const u = r();
    if (u < 0.62) return cardFor();
    return { method: (u < 0.9 ? 'cash' : 'gift_card') as TenderMethod, fingerprint: null, last4: null, entryMode: null };
  };
  const cash = (): TxnRecord['tender'] => ({ method: 'cash', fingerprint: null, last4: null, entryMode: null });
  const line = (p: SimProduct, qty = 1): TxnLine => ({ sku: p.sku, qty, unitCents: p.priceCents, overrideCents: null, discountCents: 0 });
  const basket = (n: number, pool = products): TxnLine[] => {
    const lines: TxnLine[] = [];
    for (let i = 0; i < n; i++) {
      // Everyday goods dominate baskets: skew towards the cheaper end.
      const p = pool[Math.floor(Math.pow(r(), 1.6) * pool.length)]!;
      lines.push(line(p, chance(0.15) ? randInt(2, 4) : 1));
    }
    return lines;
  };
  const total = (lines: TxnLine[]) => Math.max(0, Math.round(lines.reduce((a, l) => a + (l.overrideCents ?? l.unitCents) * l.qty - l.discountCents, 0)));
  const basketSize = () => Math.min(40, 1 + Math.floor(-Math.log(1 - r()) * 4.5));

  const pastSales: Array<{ txn: TxnRecord; day: number }> = [];
  const dayStart0 = Date.parse(`${cfg.start}T00:00:00.000Z`);

  for (let day = 0; day < cfg.days; day++) {
    const d0 = dayStart0 + day * 24 * HOUR;
    const weekday = new Date(d0).getUTCDay();
    const volume = perDay * (weekday === 0 || weekday === 6 ? 1.25 : 1) * (0.85 + 0.3 * r());
    // Two shifts per terminal; cashiers drawn for the day.
    const roster: string[][] = Array.from({ length: nTerm }, () => [`c${randInt(1, nCash)}`, `c${randInt(1, nCash)}`]);
    const cashierAt = (term: number, ms: number) => roster[term]![ms - d0 < 15 * HOUR ? 0 : 1]!;
    const events: SimTxn[] = [];
    const push = (t: TxnRecord, pattern: Pattern | null) => events.push({ txn: t, fraud: pattern !== null, pattern, day });
    const base = (ms: number, term: number, cashier?: string): Pick<TxnRecord, 'id' | 'ts' | 'terminalId' | 'cashierId'> => ({
      id: id(),
      ts: new Date(Math.round(ms)).toISOString(),
      terminalId: `T${term + 1}`,
      cashierId: cashier ?? cashierAt(term, ms),
    });
    // Busy at lunch and after work; quiet first thing.
    const tradingTime = () => {
      for (;;) {
        const h = OPEN_H + r() * (CLOSE_H - OPEN_H);
        const w = 0.5 + Math.exp(-((h - 12.5) ** 2) / 2) + 1.2 * Math.exp(-((h - 17.5) ** 2) / 3);
        if (r() * 2 < w) return d0 + h * HOUR;
      }
    };

    const n = Math.round(volume);
    for (let i = 0; i < n; i++) {
      const ms = tradingTime();
      const term = randInt(0, nTerm - 1);
      const u = r();
      if (u < 0.025 && pastSales.length > 50) {
        // Honest refund: three in four bring the receipt.
        const withReceipt = chance(0.75);
        if (withReceipt) {
          const o = pastSales[pastSales.length - 1 - Math.floor(r() * Math.min(pastSales.length, 4000))]!.txn;
          const lines = o.items.slice(0, randInt(1, Math.min(2, o.items.length))).map((l) => ({ ...l }));
          push({ ...base(ms, term), type: 'refund', items: lines, totalCents: total(lines), tender: o.tender.method === 'card' ? o.tender : cash(), receiptRef: chance(0.5) ? (o.receiptNo ?? null) : null, originalTxnId: null, receiptNo: null }, null);
          const last = events[events.length - 1]!.txn;
          if (!last.receiptRef) last.originalTxnId = o.id;
        } else {
          const lines = basket(chance(0.8) ? 1 : 2, products.filter((p) => p.priceCents < 4000));
          push({ ...base(ms, term), type: 'refund', items: lines, totalCents: total(lines), tender: chance(0.6) ? cash() : cardFor(), receiptRef: null, originalTxnId: null }, null);
        }
        continue;
      }
      if (u < 0.032) {
        push({ ...base(ms, term), type: 'no_sale', items: [], totalCents: 0, tender: { method: null, fingerprint: null, last4: null, entryMode: null }, receiptRef: null, originalTxnId: null }, null);
        continue;
      }
      // A sale, sometimes a tiny one (a drink, gum), sometimes with a price match or coupon.
      const small = chance(0.1);
      const lines = small ? [line(pick(cheap))] : basket(basketSize());
      const v = r();
      if (v < 0.03) {
        const l = pick(lines);
        l.overrideCents = Math.round(l.unitCents * (0.75 + 0.2 * r()));
      } else if (v < 0.09) {
        for (const l of lines) if (chance(0.4)) l.discountCents = Math.round(l.unitCents * l.qty * (0.05 + 0.1 * r()));
      } else if (v < 0.1) {
        // A member of staff buying for themselves with the employee discount.
        for (const l of lines) l.discountCents = Math.round(l.unitCents * l.qty * 0.2);
      }
      const tender = small && chance(0.6) ? cardFor() : tenderFor();
      const sale: TxnRecord = { ...base(ms, term), type: 'sale', items: lines, totalCents: total(lines), tender, receiptRef: null, originalTxnId: null, receiptNo: `S${cfg.seed}-${seq.toString(36).toUpperCase()}` };
      push(sale, null);
      pastSales.push({ txn: sale, day });
      if (chance(0.006)) {
        // Honest void: wrong tender or a customer who changed their mind, a minute or two later.
        const vms = ms + (0.3 + 3 * r()) * MIN;
        push({ ...base(vms, term, sale.cashierId), type: 'void', items: sale.items.map((l) => ({ ...l })), totalCents: sale.totalCents, tender: sale.tender, receiptRef: null, originalTxnId: sale.id }, null);
      }
    }

    // Fraud episodes.
    for (let k = poisson(rates.card_testing); k > 0; k--) {
      const term = randInt(0, nTerm - 1);
      const offHours = chance(0.3);
      let ms = offHours ? d0 + (chance(0.5) ? 5 + 2 * r() : 22 + 1.5 * r()) * HOUR : tradingTime();
      const cashier = cashierAt(term, Math.min(Math.max(ms, d0 + OPEN_H * HOUR), d0 + (CLOSE_H - 0.01) * HOUR));
      const burst = randInt(12, 40);
      let card = `ct_${cfg.seed}_${seq}`;
      for (let j = 0; j < burst; j++) {
        if (j === 0 || !chance(0.15)) card = `ct_${cfg.seed}_${seq}_${j}`;
        const mode: EntryMode = chance(0.6) ? 'keyed' : chance(0.75) ? 'swipe' : 'tap';
        const lines = [line(pick(cheap))];
        push({ ...base(ms, term, cashier), type: 'sale', items: lines, totalCents: total(lines), tender: { method: 'card', fingerprint: card, last4: String(randInt(1000, 9999)), entryMode: mode }, receiptRef: null, originalTxnId: null, receiptNo: `S${cfg.seed}-${seq.toString(36).toUpperCase()}` }, 'card_testing');
        ms += (8 + 37 * r()) * 1000;
      }
    }
    for (let k = poisson(rates.refund_abuse); k > 0; k--) {
      const term = randInt(0, nTerm - 1);
      const ms0 = tradingTime();
      const cashier = cashierAt(term, ms0);
      const count = randInt(3, 7);
      for (let j = 0; j < count; j++) {
        const ms = Math.min(ms0 + j * (10 + 50 * r()) * MIN, d0 + (CLOSE_H - 0.02) * HOUR);
        const lines = basket(randInt(1, 3), pricey);
        push({ ...base(ms, term, cashier), type: 'refund', items: lines, totalCents: total(lines), tender: chance(0.7) ? cash() : { method: 'gift_card', fingerprint: null, last4: null, entryMode: null }, receiptRef: chance(0.15) ? `R${randInt(100000, 999999)}` : null, originalTxnId: null }, 'refund_abuse');
      }
    }
    for (let k = poisson(rates.sweethearting); k > 0; k--) {
      const term = randInt(0, nTerm - 1);
      const ms0 = tradingTime();
      const cashier = cashierAt(term, ms0);
      const count = randInt(2, 5);
      for (let j = 0; j < count; j++) {
        const ms = Math.min(ms0 + j * (15 + 60 * r()) * MIN, d0 + (CLOSE_H - 0.02) * HOUR);
        const lines = basket(randInt(4, 15));
        const keep = 0.05 + 0.45 * r();
        for (const l of lines) {
          if (chance(0.7)) l.overrideCents = Math.max(1, Math.round(l.unitCents * keep * r()));
          else if (chance(0.5)) l.discountCents = Math.round(l.unitCents * l.qty * (1 - keep));
        }
        push({ ...base(ms, term, cashier), type: 'sale', items: lines, totalCents: total(lines), tender: chance(0.6) ? cash() : cardFor(), receiptRef: null, originalTxnId: null, receiptNo: `S${cfg.seed}-${seq.toString(36).toUpperCase()}` }, 'sweethearting');
      }
    }
    for (let k = poisson(rates.void_abuse); k > 0; k--) {
      const term = randInt(0, nTerm - 1);
      const ms0 = tradingTime();
      const cashier = cashierAt(term, ms0);
      const count = randInt(2, 5);
      for (let j = 0; j < count; j++) {
        const ms = Math.min(ms0 + j * (20 + 60 * r()) * MIN, d0 + (CLOSE_H - 0.5) * HOUR);
        const lines = basket(randInt(2, 8));
        const sale: TxnRecord = { ...base(ms, term, cashier), type: 'sale', items: lines, totalCents: total(lines), tender: cash(), receiptRef: null, originalTxnId: null, receiptNo: `S${cfg.seed}-${seq.toString(36).toUpperCase()}` };
        push(sale, null);
        const vms = ms + (3 + 25 * r()) * MIN;
        push({ ...base(vms, term, cashier), type: 'void', items: lines.map((l) => ({ ...l })), totalCents: sale.totalCents, tender: sale.tender, receiptRef: null, originalTxnId: sale.id }, 'void_abuse');
      }
    }
    for (let k = poisson(rates.discount_abuse); k > 0; k--) {
      const term = randInt(0, nTerm - 1);
      const ms0 = tradingTime();
      const cashier = cashierAt(term, ms0);
      const count = randInt(4, 10);
      for (let j = 0; j < count; j++) {
        const ms = Math.min(ms0 + j * (8 + 30 * r()) * MIN, d0 + (CLOSE_H - 0.02) * HOUR);
        const lines = basket(basketSize() + 2);
        const pct = chance(0.5) ? 0.2 : 0.3;
        for (const l of lines) l.discountCents = Math.round(l.unitCents * l.qty * pct);
        push({ ...base(ms, term, cashier), type: 'sale', items: lines, totalCents: total(lines), tender: tenderFor(), receiptRef: null, originalTxnId: null, receiptNo: `S${cfg.seed}-${seq.toString(36).toUpperCase()}` }, 'discount_abuse');
      }
    }
    events.sort((a, b) => (a.txn.ts < b.txn.ts ? -1 : a.txn.ts > b.txn.ts ? 1 : 0));
    out.push(...events);
  }
  return out;
}
