// The print queue against a real TCP printer on 127.0.0.1 (the loopback printer decodes the
// ESC/POS it receives): a cash sale's drawer kick and receipt arrive; a printer that never reads,
// one that resets mid-receipt and one out of paper leave the receipt queued with the reason on the
// till, and it prints exactly once when the printer is back; a drawer kick is not held up by an
// empty roll, and one that could not be sent in time is dropped rather than popping the drawer later.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { seedDemoStaff, type User } from '../../../electron/core/auth/users.ts';
import { createFraudEngine, type FraudEngine } from '../../../electron/core/fraud/engine.ts';
import { submitTransaction } from '../../../electron/core/pos/service.ts';
import { setSetting } from '../../../electron/core/settings/settings.ts';
import { openDrawer, retryAll } from '../../../electron/core/printing/queue.ts';
import { printState, startPrintWorker, type PrintWorker } from '../../../electron/core/printing/worker.ts';
import { receiptText } from '../../../electron/core/printing/escpos-decode.ts';
import { startLoopbackPrinter } from '../../../electron/core/printing/loopback-printer.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { until } from '../../helpers/until.ts';

const cashier: User = { id: 'u-cashier', name: 'Casey Cashier', role: 'cashier' };
const cash = { method: 'cash' as const, fingerprint: null, last4: null, entryMode: null };
const card = { method: 'card' as const, fingerprint: 'pt_0123456789abcdef', last4: '4242', entryMode: 'tap' as const };

let lp: Awaited<ReturnType<typeof startLoopbackPrinter>>;
let db: Db;
let engine: FraudEngine;
let worker: PrintWorker;
let line: { sku: string; qty: number; unitCents: number; overrideCents: null; discountCents: number };
const events: unknown[] = [];

const sale = (tender: typeof cash | typeof card, tenderedCents?: number) =>
  submitTransaction({ db, engine, terminalId: 'till-1', user: cashier }, { type: 'sale', lines: [line], tender: tenderedCents ? { ...tender, tenderedCents } : tender });
const status = (txnId: string) => db.prepare("SELECT status, attempts, last_error FROM print_jobs WHERE kind = 'receipt' AND ref = ?").get(txnId) as { status: string; attempts: number; last_error: string | null };


beforeAll(async () => {
  lp = await startLoopbackPrinter({ mode: 'ok' });
  db = openDatabase(path.join(tempDir(), 'print.db'));
  seedDemoStore(db);
  seedDemoStaff(db);
  engine = await createFraudEngine(db);
  const p = db.prepare('SELECT sku, price_cents FROM products WHERE promo_price_cents IS NULL AND price_cents BETWEEN 200 AND 3000 ORDER BY sku LIMIT 1').get() as { sku: string; price_cents: number };
  line = { sku: p.sku, qty: 1, unitCents: p.price_cents, overrideCents: null, discountCents: 0 };
  setSetting(db, 'printerUrl', lp.url);
  worker = startPrintWorker(db, { emit: (e, p) => events.push([e, p]), connectTimeoutMs: 500, replyTimeoutMs: 400 });
});

afterAll(async () => {
  worker?.stop();
  await lp?.close();
  db?.close();
});

describe('print queue → network printer', () => {
  it('a cash sale: the drawer kick, then the receipt with its lines, change and QR; a card sale: the receipt only', async () => {
    const t = await sale(cash, line.unitCents + 500);
    worker.kick();
    const [kick, receipt] = await lp.waitForJobs(2, 5000);
    expect(kick!.pulses).toHaveLength(1);
    expect(kick!.lines.every((l) => l.text.trim() === '')).toBe(true);
    expect(receipt!.pulses).toHaveLength(0);
    expect(receipt!.qr).toEqual([t.receiptNo]);
    expect(receipt!.cuts).toBe(1);
    expect(receiptText(receipt!)).toMatch(/Change\s+\$5\.00/);
    const k = await sale(card);
    worker.kick();
    const [, , cardReceipt] = await lp.waitForJobs(3, 5000);
    expect(cardReceipt!.pulses).toHaveLength(0);
    expect(receiptText(cardReceipt!)).toContain('**** 4242');
    expect(status(k.id).status).toBe('done');
    expect(events.some((e) => (e as [string])[0] === 'print.state')).toBe(true);
  });

  for (const mode of ['never-read', 'reset-after', 'paper-out'] as const) {
    it(`a printer that ${mode === 'never-read' ? 'takes the connection and never reads' : mode === 'reset-after' ? 'resets mid-receipt' : 'is out of paper'}: the receipt stays queued with the reason, then prints once`, async () => {
      lp.setMode(mode);
      const before = lp.jobs.length;
      const t = await sale(card);
      worker.kick();
      await until('a failed attempt', () => status(t.id).attempts >= 1);
      expect(status(t.id).status).toBe('queued');
      expect(status(t.id).last_error).toMatch(mode === 'paper-out' ? /out of paper/ : /printer/);
      expect(printState(db)).toMatchObject({ queued: 1, lastError: expect.any(String) });
      lp.setMode('ok');
      retryAll(db);
      worker.kick();
      await until('the receipt printed', () => status(t.id).status === 'done');
      await worker.drain();
      const printed = lp.jobs.slice(before).filter((j) => j.qr.includes(t.receiptNo!));
      expect(printed).toHaveLength(1);
      expect(printState(db).queued).toBe(0);
    });
  }

  it('out of paper does not keep the drawer shut; a kick not sent in time is dropped', async () => {
    lp.setMode('paper-out');
    const before = lp.jobs.length;
    db.transaction(() => openDrawer(db, { terminalId: 'till-1', cashierId: cashier.id, reason: 'no_sale', note: 'change' }))();
    worker.kick();
    await until('the drawer kick', () => lp.jobs.length > before);
    expect(lp.jobs.at(-1)!.pulses).toHaveLength(1);
    lp.setMode('ok');
    // A kick whose time ran out while the printer was away.
    worker.stop();
    const id = db.transaction(() => openDrawer(db, { terminalId: 'till-1', cashierId: cashier.id, reason: 'no_sale' }, new Date(Date.now() - 60_000)))();
    worker = startPrintWorker(db, { connectTimeoutMs: 500, replyTimeoutMs: 400 });
    await worker.drain();
    await until('the stale kick expired', () => db.prepare("SELECT status FROM print_jobs WHERE ref = ?").pluck().get(id) === 'expired');
    expect(lp.jobs.length).toBe(before + 1);
  });
});
