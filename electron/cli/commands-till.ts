// Runs: node (CLI). The till's hardware from the command line: print (or reprint) a receipt on a
// printer, say what a scanned code rings up, and run a loopback "printer" that decodes what it is
// sent (for setting up a till without paper, and for the tests). A receipt printed here goes
// through the same queue as the till's: if the printer fails, the copy stays queued, not lost.
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { getSetting, setSetting, settingsSchema } from '../core/settings/settings.ts';
import { printJob, reprintReceipt } from '../core/printing/queue.ts';
import { printJobNow } from '../core/printing/worker.ts';
import { PrinterError } from '../core/printing/transport.ts';
import { receiptText } from '../core/printing/escpos-decode.ts';
import { startLoopbackPrinter } from '../core/printing/loopback-printer.ts';
import { resolveScan } from '../core/pos/scan.ts';
import { readTxnByReceipt } from '../core/pos/views.ts';
import { intOption, parse } from './args.ts';
import type { Command } from './registry.ts';

const PRINTER_USAGE = 'printer listen [--port P] [--mode ok|never-read|reset-after|paper-out] [--json]';
const POS_USAGE = 'pos scan CODE [--json]';
const RECEIPT_USAGE = 'receipt print --txn ID|--receipt NO [--printer tcp://HOST:PORT] [--save] [--json]';

export const receipt: Command = {
  name: 'receipt',
  summary: 'Print a numbered copy of a receipt: receipt print --txn ID --printer tcp://HOST:PORT [--save]',
  usage: RECEIPT_USAGE,
  async run(argv, g) {
    const { values, positionals } = parse(argv, { txn: { type: 'string' }, receipt: { type: 'string' }, printer: { type: 'string' }, save: { type: 'boolean' } });
    if (positionals[0] !== 'print' || (!values.txn && !values.receipt)) throw new CoreError('BAD_INPUT', `Usage: storemind ${RECEIPT_USAGE}`);
    if (values.printer !== undefined) {
      const ok = settingsSchema.printerUrl.safeParse(values.printer);
      if (!ok.success || !values.printer) throw new CoreError('BAD_INPUT', '--printer must be tcp://HOST:PORT, a /dev/ path, file:///… or cups://QUEUE.');
    }
    const core = createCore({ dataDir: g.dataDir, loadModels: false });
    try {
      core.services.extensions.printer?.stop(); // this command prints its one job itself
      if (values.save && values.printer) setSetting(core.db, 'printerUrl', values.printer);
      const printer = values.printer ?? getSetting(core.db, 'printerUrl');
      if (!printer) throw new CoreError('BAD_INPUT', 'No printer: give --printer tcp://HOST:PORT (add --save to keep it for this till).');
      const txnId = values.txn ?? readTxnByReceipt(core.db, values.receipt!.slice(0, 64)).id;
      const job = reprintReceipt(core.db, txnId.slice(0, 64), 'cli', new Date(), { printerGiven: true });
      try {
        await printJobNow(core.db, job.id, printer);
      } catch (e) {
        if (!(e instanceof PrinterError)) throw e;
        const after = printJob(core.db, job.id)!;
        if (g.json) console.log(JSON.stringify({ printed: false, job: after, error: e.message }));
        else console.error(`Not printed: ${e.message}. Copy ${after.copy} stays queued; the till retries it.`);
        return 1;
      }
      const after = printJob(core.db, job.id)!;
      console.log(g.json ? JSON.stringify({ printed: true, job: after }) : `Printed copy ${after.copy} of ${txnId} on ${printer}.`);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const printer: Command = {
  name: 'printer',
  summary: 'A loopback receipt printer on 127.0.0.1 that shows what it is sent: printer listen [--port 9100]',
  usage: PRINTER_USAGE,
  async run(argv, g) {
    const { values, positionals } = parse(argv, { port: { type: 'string' }, mode: { type: 'string' } });
    if (positionals[0] !== 'listen') throw new CoreError('BAD_INPUT', `Usage: storemind ${PRINTER_USAGE}`);
    const modes = ['ok', 'never-read', 'reset-after', 'paper-out'] as const;
    const mode = (values.mode ?? 'ok') as (typeof modes)[number];
    if (!modes.includes(mode)) throw new CoreError('BAD_INPUT', `--mode must be one of ${modes.join(', ')}.`);
    const port = values.port === undefined ? 9100 : intOption(values.port, 'port', 0, 65535);
    const lp = await startLoopbackPrinter({ port, mode });
    console.log(g.json ? JSON.stringify({ url: lp.url }) : `Loopback printer on ${lp.url} (${mode}); Ctrl+C stops it.`);
    let seen = 0;
    const timer = setInterval(() => {
      for (; seen < lp.jobs.length; seen++) {
        const job = lp.jobs[seen]!;
        if (g.json) console.log(JSON.stringify({ job: seen + 1, text: receiptText(job), pulses: job.pulses.length, cuts: job.cuts, qr: job.qr }));
        else console.log(`--- job ${seen + 1}${job.pulses.length ? ' (drawer pulse)' : ''} ---\n${receiptText(job)}`);
      }
    }, 100);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    clearInterval(timer);
    await lp.close();
    return 0;
  },
};

export const pos: Command = {
  name: 'pos',
  summary: 'What a scanned code rings up (product, weight or price from a scale label, expiry warnings): pos scan CODE',
  usage: POS_USAGE,
  async run(argv, g) {
    const { positionals } = parse(argv, {});
    if (positionals[0] !== 'scan' || !positionals[1]) throw new CoreError('BAD_INPUT', `Usage: storemind ${POS_USAGE}`);
    const code = positionals[1].slice(0, 200);
    const core = createCore({ dataDir: g.dataDir, loadModels: false });
    try {
      const r = resolveScan(core.db, code, getSetting(core.db, 'scaleLayout'));
      if (g.json) console.log(JSON.stringify(r));
      else {
        const what = r.weightGrams ? `${(r.weightGrams / 1000).toFixed(3)} kg` : `${r.qty} ×`;
        console.log(`${r.product.sku} ${r.product.name}: ${what} ${(r.priceCents / 100).toFixed(2)}`);
        for (const w of r.warnings) console.log(`  warning: ${w}`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
