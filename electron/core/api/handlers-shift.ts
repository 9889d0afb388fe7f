// Runs: node (core). Handlers for the shift and day routines (shift.*); the dispatcher has checked
// the role and parsed the input. Why thin: the rules (one open shift, blind count, one Z a day)
// live in pos/shifts.ts so the CLI and the UI get the same answers. This terminal's id comes from
// its settings, never from the caller, and the printer is kicked after each slip is queued.
import { getSetting } from '../settings/settings.ts';
import { readStoreProfile } from '../store/profile.ts';
import { cashDrop, closeShift, currentShift, denominations, listDiscrepancies, listZReports, localDate, openShift, reviewDiscrepancy, xReport, zReport } from '../pos/shifts.ts';
import type { Handler, SignedIn } from './context.ts';
import { kickPrinter } from './handlers-printing.ts';

function actor(ctx: SignedIn) {
  return { terminalId: getSetting(ctx.core.db, 'terminalId'), user: ctx.session.user };
}

export const shiftHandlers: {
  'shift.current': Handler<'shift.current'>;
  'shift.open': Handler<'shift.open'>;
  'shift.drop': Handler<'shift.drop'>;
  'shift.x': Handler<'shift.x'>;
  'shift.close': Handler<'shift.close'>;
  'shift.z': Handler<'shift.z'>;
  'shift.zReports': Handler<'shift.zReports'>;
  'shift.discrepancies': Handler<'shift.discrepancies'>;
  'shift.reviewDiscrepancy': Handler<'shift.reviewDiscrepancy'>;
} = {
  'shift.current': ({ core }) => {
    const p = readStoreProfile(core.db);
    const currency = p?.currency ?? 'USD';
    return { shift: currentShift(core.db, getSetting(core.db, 'terminalId')), currency, denominations: denominations(core.db, currency), businessDate: localDate(new Date(), p?.timezone ?? 'UTC') };
  },
  'shift.open': (ctx, input) => {
    const r = openShift(ctx.core.db, { ...actor(ctx), floatCents: input.floatCents });
    kickPrinter(ctx.core);
    return r;
  },
  'shift.drop': (ctx, input) => {
    const r = cashDrop(ctx.core.db, { ...actor(ctx), amountCents: input.amountCents, note: input.note ?? null });
    kickPrinter(ctx.core);
    return r;
  },
  'shift.x': (ctx) => {
    const r = xReport(ctx.core.db, actor(ctx));
    kickPrinter(ctx.core);
    return r;
  },
  'shift.close': (ctx, input) => {
    const r = closeShift(ctx.core.db, { ...actor(ctx), counted: input.counted });
    kickPrinter(ctx.core);
    return r;
  },
  'shift.z': (ctx, input) => {
    const r = zReport(ctx.core.db, { ...actor(ctx), businessDate: input.businessDate });
    kickPrinter(ctx.core);
    return r;
  },
  'shift.zReports': ({ core }, input) => ({ reports: listZReports(core.db, { limit: input.limit ?? 100 }), currency: readStoreProfile(core.db)?.currency ?? 'USD' }),
  'shift.discrepancies': ({ core }, input) => listDiscrepancies(core.db, { filter: input.filter ?? 'open', limit: input.limit ?? 100 }),
  'shift.reviewDiscrepancy': (ctx, input) => reviewDiscrepancy(ctx.core.db, input.id, actor(ctx).user, input.note ?? null),
};
