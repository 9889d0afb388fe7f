// The till's print queue as the sale writes it: the drawer only for cash (and a no-sale with its
// reason), never for card or gift card; a receipt job for every completed transaction, written in
// the sale's own transaction; numbered, audited reprints; cash handed over and change.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { seedDemoStaff, type User } from '../../../electron/core/auth/users.ts';
import { createFraudEngine } from '../../../electron/core/fraud/engine.ts';
import { approveTransaction, submitTransaction, type TillContext } from '../../../electron/core/pos/service.ts';
import { drawerReasonFor, listPrintJobs, reprintReceipt } from '../../../electron/core/printing/queue.ts';
import { jobDoc } from '../../../electron/core/printing/worker.ts';
import { setSetting } from '../../../electron/core/settings/settings.ts';
import { tempDir } from '../../helpers/tmp.ts';

const cashier: User = { id: 'u-cashier', name: 'Casey Cashier', role: 'cashier' };
const cash = { method: 'cash' as const, fingerprint: null, last4: null, entryMode: null };
const card = { method: 'card' as const, fingerprint: 'pt_0123456789abcdef', last4: '4242', entryMode: 'chip' as const };
const gift = { method: 'gift_card' as const, fingerprint: null, last4: null, entryMode: null };

async function till(name: string, withPrinter = true) {
  const db = openDatabase(path.join(tempDir(), `${name}.db`));
  seedDemoStore(db);
  seedDemoStaff(db);
  if (withPrinter) setSetting(db, 'printerUrl', 'tcp://127.0.0.1:9'); // queued only: no worker runs here
  const engine = await createFraudEngine(db);
  const p = db.prepare('SELECT sku, price_cents FROM products WHERE promo_price_cents IS NULL AND price_cents BETWEEN 200 AND 3000 ORDER BY sku LIMIT 1').get() as { sku: string; price_cents: number };
  const line = (qty = 1) => ({ sku: p.sku, qty, unitCents: p.price_cents, overrideCents: null, discountCents: 0 });
  const ctx = (): TillContext => ({ db, engine, terminalId: 'terminal-1', user: cashier, now: new Date('2025-06-02T15:00:00Z') });
  const jobs = (ref: string) => db.prepare('SELECT kind, copy, status FROM print_jobs WHERE ref = ? OR ref IN (SELECT id FROM drawer_openings WHERE txn_id = ?) ORDER BY kind').all(ref, ref) as Array<{ kind: string; copy: number; status: string }>;
  const openings = (txnId: string) => db.prepare('SELECT reason, note FROM drawer_openings WHERE txn_id = ?').all(txnId) as Array<{ reason: string; note: string | null }>;
  return { db, p, line, ctx, jobs, openings };
}

describe('print queue and cash drawer', () => {
  it('the drawer rule: cash moves open it, card and gift card never do', () => {
    expect(drawerReasonFor('sale', 'cash')).toBe('cash_sale');
    expect(drawerReasonFor('refund', 'cash')).toBe('cash_refund');
    expect(drawerReasonFor('void', 'cash')).toBe('cash_void');
    expect(drawerReasonFor('no_sale', null)).toBe('no_sale');
    expect(drawerReasonFor('sale', 'card')).toBeNull();
    expect(drawerReasonFor('sale', 'gift_card')).toBeNull();
    expect(drawerReasonFor('void', 'card')).toBeNull();
  });

  it('a cash sale queues the drawer kick and the receipt with the sale; a card or gift-card sale only the receipt', async () => {
    const { ctx, line, jobs, openings } = await till('drawer');
    const c = await submitTransaction(ctx(), { type: 'sale', lines: [line(2)], tender: cash });
    expect(jobs(c.id)).toEqual([{ kind: 'drawer', copy: 0, status: 'queued' }, { kind: 'receipt', copy: 0, status: 'queued' }]);
    expect(openings(c.id)).toEqual([{ reason: 'cash_sale', note: null }]);
    const k = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: card });
    expect(jobs(k.id)).toEqual([{ kind: 'receipt', copy: 0, status: 'queued' }]);
    expect(openings(k.id)).toEqual([]);
    const g = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: gift });
    expect(openings(g.id)).toEqual([]);
    // Voiding the card sale refunds to the card: no drawer. Voiding the cash sale pays cash out: drawer.
    const vk = await submitTransaction(ctx(), { type: 'void', lines: [], tender: null, originalTxnId: k.id });
    expect(openings(vk.id)).toEqual([]);
    const vc = await submitTransaction(ctx(), { type: 'void', lines: [], tender: null, originalTxnId: c.id });
    expect(openings(vc.id)).toEqual([{ reason: 'cash_void', note: null }]);
  });

  it('a no-sale opens the drawer with its reason, recorded', async () => {
    const { ctx, openings } = await till('nosale');
    const n = await submitTransaction(ctx(), { type: 'no_sale', lines: [], tender: null, noSaleReason: 'Change for a customer' });
    expect(openings(n.id)).toEqual([{ reason: 'no_sale', note: 'Change for a customer' }]);
  });

  it('a no-sale held for a manager opens the drawer when approved, with the reason it was asked with', async () => {
    const { ctx, openings, db } = await till('held-nosale');
    let held = null;
    for (let i = 0; i < 6 && !held; i++) {
      const n = await submitTransaction(ctx(), { type: 'no_sale', lines: [], tender: null, noSaleReason: `Change ${i}` });
      if (n.status === 'pending_approval') held = n;
    }
    expect(held, 'repeated no-sales are held for a manager').not.toBeNull();
    expect(openings(held!.id)).toEqual([]);
    approveTransaction(db, held!.id, '3333', cashier, new Date('2025-06-02T15:05:00Z'));
    expect(openings(held!.id)).toEqual([{ reason: 'no_sale', note: expect.stringMatching(/^Change \d$/) }]);
  });

  it('cash handed over gives the change on the receipt; less than the total is refused before anything is written', async () => {
    const { db, ctx, line, p } = await till('change');
    const t = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: { ...cash, tenderedCents: p.price_cents + 1000 } });
    expect(t.tenderedCents).toBe(p.price_cents + 1000);
    expect(t.changeCents).toBe(1000);
    const receipt = jobDoc(db, { kind: 'receipt', ref: t.id, copy: 0, doc: null });
    expect(receipt.blocks).toContainEqual({ kind: 'pair', left: 'Change', right: '$10.00', bold: true });
    expect(receipt.blocks).toContainEqual({ kind: 'qr', data: t.receiptNo });
    const before = db.prepare('SELECT count(*) FROM print_jobs').pluck().get();
    await expect(submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: { ...cash, tenderedCents: p.price_cents - 1 } })).rejects.toThrow(/less than the total/);
    expect(db.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(before);
  });

  it('a reprint is a numbered, audited copy that says so on the paper', async () => {
    const { db, ctx, line } = await till('reprint');
    const t = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: card });
    expect(reprintReceipt(db, t.id, 'u-manager').copy).toBe(1);
    const second = reprintReceipt(db, t.id, 'u-manager');
    expect(second.copy).toBe(2);
    const doc = jobDoc(db, { kind: 'receipt', ref: t.id, copy: 2, doc: null });
    expect(doc.blocks.some((b) => b.kind === 'text' && /COPY 2/.test(b.text))).toBe(true);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'pos.reprint' AND target = ?").pluck().get(t.id)).toBe(2);
    expect(() => reprintReceipt(db, 'no-such-txn', 'u-manager')).toThrow(/No transaction/);
    expect(listPrintJobs(db).filter((j) => j.ref === t.id)).toHaveLength(3);
  });

  it('a till with no printer set up queues nothing (no backlog the day one is plugged in), still records the drawer, and says so on reprint', async () => {
    const { db, ctx, line, openings } = await till('noprinter', false);
    const t = await submitTransaction(ctx(), { type: 'sale', lines: [line()], tender: cash });
    expect(db.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(0);
    expect(openings(t.id)).toEqual([{ reason: 'cash_sale', note: null }]);
    expect(() => reprintReceipt(db, t.id, 'u-manager')).toThrow(/No receipt printer is set up/);
  });
});
