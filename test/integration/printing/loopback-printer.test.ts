// Runs: node (vitest). The transport (sendToPrinter) against the loopback printer, a real TCP
// server on 127.0.0.1, in each of its modes: a printer that reads and answers (the job decoded with
// its text), one that takes the connection and never reads (a PrinterError by the reply timeout),
// one that resets mid-receipt and one out of paper (clear reasons, no job); and back to 'ok', the
// next send prints. Also: status requests inside image data are not answered, only real ones.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAWER_KICK, receiptDoc } from '../../../electron/core/printing/document.ts';
import { encodeDoc } from '../../../electron/core/printing/encode.ts';
import { receiptText } from '../../../electron/core/printing/escpos-decode.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../../electron/core/printing/loopback-printer.ts';
import { PrinterError, sendToPrinter, type SendOptions } from '../../../electron/core/printing/transport.ts';
import type { TxnViewT } from '../../../electron/core/pos/views.ts';

const txn: TxnViewT = {
  id: 'txn-lp', ts: '2026-03-14T09:30:00.000Z', terminalId: 'till-1', cashierId: 'u-cashier', cashierName: 'Casey Cashier', type: 'sale', status: 'completed',
  totalCents: 1234, tenderMethod: 'cash', cardLast4: null, entryMode: null, tenderedCents: 1500, changeCents: 266, receiptNo: 'R-LOOP-1',
  receiptRef: null, originalTxnId: null, approvedBy: null, approvedByName: null, voided: false, decision: null,
  lines: [{ sku: 'BREAD', name: 'Sourdough loaf', qty: 1, unitCents: 1234, overrideCents: null, discountCents: 0, lineCents: 1234, weightGrams: null }],
};
const store = { name: 'StoreMind 超市 Market', address: '1 High Street', phone: null, currency: 'USD' };
const receipt = encodeDoc(receiptDoc(txn, store, { copy: 0, footer: 'Thank you', taxIncludedBp: 0, timeZone: 'UTC' }), { columns: 48 });
const fast: SendOptions = { statusCheck: true, connectTimeoutMs: 500, replyTimeoutMs: 400 };

async function rejection(p: Promise<unknown>): Promise<PrinterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PrinterError);
    return e as PrinterError;
  }
  throw new Error('expected the send to fail');
}

describe('loopback printer ← sendToPrinter', () => {
  let lp: LoopbackPrinter;
  beforeAll(async () => {
    lp = await startLoopbackPrinter();
  });
  afterAll(async () => {
    await lp?.close();
  });

  it('ok: the paper check, the receipt and the confirmation; the job decodes to the receipt', async () => {
    expect(lp.url).toBe(`tcp://127.0.0.1:${lp.port}`);
    await sendToPrinter(lp.url, receipt, fast);
    const [job] = await lp.waitForJobs(1, 2000);
    expect([...job!.raw]).toEqual([0x10, 0x04, 0x04, ...receipt, 0x10, 0x04, 0x01]);
    expect(job!.statusRequests).toBe(2);
    expect(job!.qr).toEqual(['R-LOOP-1']);
    expect(job!.cuts).toBe(1);
    expect(job!.pulses).toEqual([]);
    expect(job!.images.map((i) => [i.width, i.height])).toEqual([[576, 64]]);
    const text = receiptText(job!);
    expect(text).toMatch(/^Sourdough loaf +\$12\.34$/m);
    expect(text).toMatch(/^Change +\$2\.66$/m);
    expect(text).not.toContain('?');
  });

  it('ok without status checks: the bytes alone are a job', async () => {
    const before = lp.jobs.length;
    await sendToPrinter(lp.url, receipt, { statusCheck: false, connectTimeoutMs: 500, replyTimeoutMs: 400 });
    const jobs = await lp.waitForJobs(before + 1, 2000);
    expect(jobs.at(-1)!.statusRequests).toBe(0);
    expect([...jobs.at(-1)!.raw]).toEqual([...receipt]);
  });

  it('never-read: the send fails with a PrinterError by its reply timeout, and nothing is printed', async () => {
    lp.setMode('never-read');
    const before = lp.jobs.length;
    const t0 = Date.now();
    const err = await rejection(sendToPrinter(lp.url, receipt, fast));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(err.message).toMatch(/does not answer/);
    expect(err.retry).toBe(true);
    expect(lp.jobs.length).toBe(before);
  });

  it('reset-after: the printer drops the connection mid-receipt; the send says so, no job', async () => {
    lp.setMode('reset-after');
    const before = lp.jobs.length;
    const err = await rejection(sendToPrinter(lp.url, receipt, fast));
    expect(err.message).toMatch(/dropped the connection in the middle of the receipt|closed the connection before the receipt was confirmed/);
    await new Promise((r) => setTimeout(r, 50));
    expect(lp.jobs.length).toBe(before);
  });

  it('reset-after a custom byte count, on its own printer', async () => {
    const small = await startLoopbackPrinter({ mode: 'reset-after', resetAfterBytes: 2000 });
    try {
      const err = await rejection(sendToPrinter(small.url, receipt, fast));
      expect(err.message).toMatch(/printer/);
      // Under the limit the printer answers like any other: a short job goes through.
      const tiny = encodeDoc({ blocks: [{ kind: 'text', text: 'hi' }], pulse: false, cut: false }, { columns: 48 });
      await sendToPrinter(small.url, tiny, fast);
      const [job] = await small.waitForJobs(1, 2000);
      expect(receiptText(job!)).toBe('hi');
    } finally {
      await small.close();
    }
  });

  it('paper-out: the send fails saying the printer is out of paper, and nothing is printed', async () => {
    lp.setMode('paper-out');
    const before = lp.jobs.length;
    const err = await rejection(sendToPrinter(lp.url, receipt, fast));
    expect(err.message).toMatch(/out of paper/);
    await new Promise((r) => setTimeout(r, 50));
    expect(lp.jobs.length).toBe(before);
  });

  it('paper-out: a drawer kick, which needs no paper, still goes through', async () => {
    const before = lp.jobs.length;
    await sendToPrinter(lp.url, encodeDoc(DRAWER_KICK, { columns: 48 }), { ...fast, requirePaper: false });
    const jobs = await lp.waitForJobs(before + 1, 2000);
    expect(jobs.at(-1)!.pulses).toEqual([{ pin: 0, onMs: 100, offMs: 500 }]);
  });

  it("after setMode('ok') the next send prints", async () => {
    lp.setMode('ok');
    const before = lp.jobs.length;
    await sendToPrinter(lp.url, receipt, fast);
    const jobs = await lp.waitForJobs(before + 1, 2000);
    expect(jobs.at(-1)!.qr).toEqual(['R-LOOP-1']);
  });

  it('answers only real status requests: DLE EOT bytes inside an image are image data', async () => {
    lp.setMode('ok');
    const before = lp.jobs.length;
    // GS v 0: 8 dots wide, 4 rows, whose dots happen to spell DLE EOT 1.
    const image = [0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x04, 0x00, 0x10, 0x04, 0x01, 0x10];
    const bytes = [0x10, 0x04, 0x04, ...image, 0x10, 0x04, 0x01];
    const replies = await new Promise<number[]>((resolve, reject) => {
      const got: number[] = [];
      const s = net.connect(lp.port, '127.0.0.1', () => s.write(Uint8Array.from(bytes)));
      s.on('data', (d: Buffer) => {
        got.push(...d);
        if (got.length >= 2) setTimeout(() => s.end(), 100);
      });
      s.on('close', () => resolve(got));
      s.on('error', reject);
    });
    expect(replies).toEqual([0x12, 0x12]);
    const [job] = (await lp.waitForJobs(before + 1, 2000)).slice(before);
    expect(job!.statusRequests).toBe(2);
    expect(job!.images.map((i) => [i.width, i.height, [...i.bits]])).toEqual([[8, 4, [0x10, 0x04, 0x01, 0x10]]]);
  });

  it('waitForJobs rejects when the jobs do not come', async () => {
    await expect(lp.waitForJobs(lp.jobs.length + 1, 100)).rejects.toThrow(/jobs after 100 ms/);
  });

  it('a closed printer refuses the connection', async () => {
    const gone = await startLoopbackPrinter();
    await gone.close();
    const err = await rejection(sendToPrinter(gone.url, receipt, fast));
    expect(err.message).toMatch(/connection refused|did not answer/);
  });
});
