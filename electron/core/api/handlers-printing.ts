// Runs: node (core). Handlers for the receipt printer's queue (print.*) and the customer display
// (display.*). The display's state lives in memory: it is what the till shows this second, worth
// nothing after a restart, and the till sends it again on its next change.
import { CoreError } from '../db/errors.ts';
import { readStoreProfile } from '../store/profile.ts';
import { promotionsForDisplay } from '../catalog/products.ts';
import { enqueuePrint, listPrintJobs, printJob, reprintReceipt, retryAll } from '../printing/queue.ts';
import { printState } from '../printing/worker.ts';
import { reportDoc } from '../printing/document.ts';
import type { DisplayStateT } from '../../../common/api/printing.ts';
import type { CoreServices, Handler } from './context.ts';

const IDLE_DISPLAY: DisplayStateT = { phase: 'idle', lines: [], totalCents: 0 };


/** Tells the print worker there is something new; a core without one (the CLI's) leaves the job queued. */
export function kickPrinter(core: CoreServices): void {
  core.extensions.printer?.kick();
}

export const printingHandlers: {
  'print.status': Handler<'print.status'>;
  'print.reprint': Handler<'print.reprint'>;
  'print.retry': Handler<'print.retry'>;
  'print.test': Handler<'print.test'>;
  'display.update': Handler<'display.update'>;
  'display.state': Handler<'display.state'>;
} = {
  'print.status': ({ core }, input) => ({ ...printState(core.db), jobs: listPrintJobs(core.db, input.limit ?? 20) }),
  'print.reprint': (ctx, input) => {
    const job = reprintReceipt(ctx.core.db, input.txnId, ctx.session.user.id);
    kickPrinter(ctx.core);
    return job;
  },
  'print.retry': (ctx) => {
    const due = retryAll(ctx.core.db);
    kickPrinter(ctx.core);
    return { due };
  },
  'print.test': (ctx) => {
    const db = ctx.core.db;
    const p = readStoreProfile(db);
    const store = { name: p?.name ?? 'StoreMind', address: p?.address ?? '', phone: p?.phone ?? null, currency: p?.currency ?? 'USD' };
    const doc = reportDoc('TEST PAGE', store, [
      { left: 'Latin: café, naïve, Größe' },
      { left: '中文: 欢迎光临，谢谢惠顾' },
      { left: 'Printed at', right: new Date().toISOString().slice(0, 16).replace('T', ' ') },
    ]);
    const id = enqueuePrint(db, { kind: 'test', doc });
    if (!id) throw new CoreError('BAD_INPUT', 'No receipt printer is set up: save its address in Settings first.');
    kickPrinter(ctx.core);
    return printJob(db, id)!;
  },
  'display.update': (ctx, input) => {
    ctx.core.extensions.display = input;
    ctx.core.emit('display.changed', input);
    return { ok: true as const };
  },
  'display.state': ({ core }) => {
    const p = readStoreProfile(core.db);
    return {
      state: core.extensions.display ?? IDLE_DISPLAY,
      promotions: promotionsForDisplay(core.db),
      storeName: p?.name ?? 'StoreMind',
      currency: p?.currency ?? 'USD',
    };
  },
};
