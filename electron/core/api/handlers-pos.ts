// Runs: node (core). Handlers for the POS operations (pos.*). The fraud engine (ONNX model + rule
// set) that decides every transaction is created on first use and kept in core.extensions.
import { getSetting } from '../settings/settings.ts';
import { fraudEngine } from '../fraud/service.ts';
import { approveTransaction, cancelPending, receipt, submitTransaction } from '../pos/service.ts';
import { recentTxns } from '../pos/views.ts';
import { lookupProducts, resolveScan } from '../pos/scan.ts';
import type { Handler } from './context.ts';
import { kickPrinter } from './handlers-printing.ts';

export const posHandlers: {
  'pos.lookup': Handler<'pos.lookup'>;
  'pos.scan': Handler<'pos.scan'>;
  'pos.submit': Handler<'pos.submit'>;
  'pos.approve': Handler<'pos.approve'>;
  'pos.cancel': Handler<'pos.cancel'>;
  'pos.receipt': Handler<'pos.receipt'>;
  'pos.recent': Handler<'pos.recent'>;
} = {
  'pos.lookup': ({ core }, input) => lookupProducts(core.db, input.q, input.limit ?? 8),
  'pos.scan': ({ core }, input) => resolveScan(core.db, input.code, getSetting(core.db, 'scaleLayout')),
  'pos.submit': async (ctx, input) => {
    const user = ctx.session.user;
    const engine = await fraudEngine(ctx.core);
    const txn = await submitTransaction({ db: ctx.core.db, engine, terminalId: getSetting(ctx.core.db, 'terminalId'), user }, input);
    kickPrinter(ctx.core);
    return txn;
  },
  'pos.approve': (ctx, input) => {
    const txn = approveTransaction(ctx.core.db, input.txnId, input.pin, ctx.session.user);
    kickPrinter(ctx.core);
    return txn;
  },
  'pos.cancel': (ctx, input) => {
    cancelPending(ctx.core.db, input.txnId, ctx.session.user);
    return { ok: true as const };
  },
  'pos.receipt': ({ core }, input) => receipt(core.db, input),
  'pos.recent': ({ core }, input) => ({ transactions: recentTxns(core.db, getSetting(core.db, 'terminalId'), input.limit ?? 20) }),
};
