// Runs: node (CLI). `storemind shift`: open a shift with a float, a cash drop, the X report, the
// blind close from a count file, and the day's Z report, from the terminal's shell. Why a CLI:
// a back-office script (or a till whose screen died) must still be able to close the day. It acts
// as 'cli' with the back office's rights, like the other commands, through the same core
// functions as the till's screen, so the same rules hold (one open shift, one Z a day). Slips and
// drawer kicks go through the print queue; the command waits briefly for a set-up printer.
import fs from 'node:fs';
import { z } from 'zod';
import { CountedInput, MAX_FLOAT_CENTS, MAX_COUNTED_CENTS, type ShiftTotalsT } from '../../common/api/shift.ts';
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { getSetting } from '../core/settings/settings.ts';
import { readStoreProfile } from '../core/store/profile.ts';
import { formatCents } from '../core/printing/document.ts';
import type { User } from '../core/auth/users.ts';
import { cashDrop, closeShift, currentShift, openShift, xReport, zReport } from '../core/pos/shifts.ts';
import { intOption, parse } from './args.ts';
import type { Command, GlobalOptions } from './registry.ts';

const USAGE = [
  'shift open --float CENTS [--json]',
  'shift drop --amount CENTS [--note TEXT] [--json]',
  'shift x [--json]',
  'shift close --counted FILE.json [--json]   (FILE.json: {"10000": 2, "2000": 3, "25": 4} or {"counts": {...}})',
  'shift z [--date YYYY-MM-DD] [--json]',
  'shift status [--json]',
].join('\n       storemind ');

/** The terminal's shell acts as the back office, as every other command does. */
const CLI_USER: User = { id: 'cli', name: 'cli', role: 'admin' };
const MAX_FILE_BYTES = 64 * 1024;
const PRINT_WAIT_MS = 10_000;

/** Reads and checks a count file; every problem is one clear line naming the file. */
export function readCountFile(file: string): Record<string, number> {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new CoreError('BAD_INPUT', `${file} is not a file.`);
    if (st.size > MAX_FILE_BYTES) throw new CoreError('BAD_INPUT', `${file} is ${st.size} bytes; a count file is a small JSON object (at most ${MAX_FILE_BYTES} bytes).`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw new CoreError('BAD_INPUT', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CoreError('BAD_INPUT', `${file} is not valid JSON (${(e as Error).message}); write it like {"10000": 2, "2000": 3, "25": 4}.`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new CoreError('BAD_INPUT', `${file} must hold a JSON object like {"10000": 2, "2000": 3, "25": 4}.`);
  // One shape at a time, so the message names the count that is wrong rather than "no union matched".
  const wrapped = Object.prototype.hasOwnProperty.call(raw, 'counts');
  const counts = wrapped ? (raw as { counts?: unknown }).counts : raw;
  if (wrapped) {
    const extra = Object.keys(raw).find((k) => k !== 'counts');
    if (extra !== undefined) throw new CoreError('BAD_INPUT', `${file}: unexpected key "${extra.slice(0, 40)}" beside "counts".`);
    if (!counts || typeof counts !== 'object' || Array.isArray(counts)) throw new CoreError('BAD_INPUT', `${file}: "counts" must be an object like {"10000": 2, "25": 4}.`);
  }
  const r = CountedInput.safeParse(counts);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const key = issue.path.length ? String(issue.path[0]) : undefined;
    const value = key !== undefined ? (counts as Record<string, unknown>)[key] : undefined;
    const what = issue.code === 'invalid_key' ? 'is not a denomination; a denomination is its value in cents, e.g. "2000" for a 20 note' : issue.message;
    const where = key === undefined ? '' : issue.code === 'invalid_key' ? `"${key.slice(0, 20)}" ` : `"${key.slice(0, 20)}": `;
    throw new CoreError('BAD_INPUT', `${file}: ${where}${what}${value !== undefined && issue.code !== 'invalid_key' ? ` (got ${String(JSON.stringify(value)).slice(0, 40)})` : ''}.`);
  }
  return r.data;
}

async function withCore<T>(g: GlobalOptions, fn: (core: ReturnType<typeof createCore>, terminalId: string, currency: string) => T): Promise<T> {
  const core = createCore({ dataDir: g.dataDir, loadModels: false });
  try {
    const out = fn(core, getSetting(core.db, 'terminalId'), readStoreProfile(core.db)?.currency ?? 'USD');
    // The slip and the drawer kick are queued; give a set-up printer a moment to take them.
    const printer = core.services.extensions.printer;
    if (printer && getSetting(core.db, 'printerUrl')) {
      printer.kick();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([printer.drain(), new Promise<void>((resolve) => (timer = setTimeout(resolve, PRINT_WAIT_MS)))]);
      clearTimeout(timer);
    }
    return out;
  } finally {
    core.close();
  }
}

function totalsText(t: ShiftTotalsT, m: (c: number) => string): string[] {
  const lines = t.tenders.map((x) => `  ${x.method.padEnd(9)} sales ${x.sales.count} ${m(x.sales.cents)}, refunds ${x.refunds.count} ${m(x.refunds.cents)}, voids ${x.voids.count} ${m(x.voids.cents)}, net ${m(x.netCents)}`);
  lines.push(`  float ${m(t.floatCents)} + cash sales ${m(t.cashSalesCents)} - cash refunds ${m(t.cashRefundsCents)} - cash voids ${m(t.cashVoidsCents)} - drops ${m(t.dropsCents)} = expected ${m(t.expectedCashCents)}`);
  lines.push(`  no-sales ${t.noSales}, transactions ${t.transactions}`);
  return lines;
}

export const shift: Command = {
  name: 'shift',
  summary: 'Shift and day routines: shift open --float CENTS | drop | x | close --counted FILE.json | z [--date YYYY-MM-DD] | status',
  usage: USAGE,
  async run(argv, g) {
    const { values, positionals } = parse(argv, { float: { type: 'string' }, amount: { type: 'string' }, note: { type: 'string' }, counted: { type: 'string' }, date: { type: 'string' } });
    const sub = positionals[0];
    if (positionals.length > 1) throw new CoreError('BAD_INPUT', `Unexpected argument "${positionals[1]!.slice(0, 40)}". Usage: storemind ${USAGE}`);
    const out = (json: unknown, text: string) => console.log(g.json ? JSON.stringify(json) : text);
    switch (sub) {
      case 'open': {
        if (values.float === undefined) throw new CoreError('BAD_INPUT', '--float CENTS is required (the starting cash in the drawer, in cents).');
        const floatCents = intOption(values.float, 'float', 0, MAX_FLOAT_CENTS);
        return withCore(g, (core, terminalId, currency) => {
          const s = openShift(core.db, { terminalId, user: CLI_USER, floatCents });
          out(s, `Shift ${s.id} open on ${terminalId} with a float of ${formatCents(s.floatCents, currency)}.`);
          return 0;
        });
      }
      case 'drop': {
        if (values.amount === undefined) throw new CoreError('BAD_INPUT', '--amount CENTS is required.');
        const amountCents = intOption(values.amount, 'amount', 1, MAX_COUNTED_CENTS);
        return withCore(g, (core, terminalId, currency) => {
          const d = cashDrop(core.db, { terminalId, user: CLI_USER, amountCents, note: values.note ?? null });
          out(d, `Dropped ${formatCents(d.amountCents, currency)}; ${formatCents(d.dropsCents, currency)} dropped this shift.`);
          return 0;
        });
      }
      case 'x':
        return withCore(g, (core, terminalId, currency) => {
          const x = xReport(core.db, { terminalId, user: CLI_USER });
          out(x, [`X report for shift ${x.shift.id} (not a closing report):`, ...totalsText(x.totals, (c) => formatCents(c, currency))].join('\n'));
          return 0;
        });
      case 'close': {
        if (!values.counted) throw new CoreError('BAD_INPUT', '--counted FILE.json is required: the count per denomination, e.g. {"10000": 2, "2000": 3, "25": 4}.');
        const counted = readCountFile(values.counted);
        return withCore(g, (core, terminalId, currency) => {
          const r = closeShift(core.db, { terminalId, user: CLI_USER, counted });
          const m = (c: number) => formatCents(c, currency);
          const os = r.overShortCents === 0 ? 'balanced' : r.overShortCents > 0 ? `over ${m(r.overShortCents)}` : `short ${m(-r.overShortCents)}`;
          out(r, [`Shift ${r.shift.id} closed: counted ${m(r.countedCents)}, expected ${m(r.expectedCents)}, ${os}.${r.flagged ? ' Sent for review.' : ''}`, ...totalsText(r.totals, m)].join('\n'));
          return 0;
        });
      }
      case 'z': {
        const date = values.date;
        if (date !== undefined && !z.iso.date().safeParse(date).success) throw new CoreError('BAD_INPUT', `--date must be a day as YYYY-MM-DD (got "${date.slice(0, 40)}").`);
        return withCore(g, (core, terminalId, currency) => {
          const r = zReport(core.db, { terminalId, user: CLI_USER, businessDate: date ?? null });
          const m = (c: number) => formatCents(c, currency);
          const t = r.totals;
          out(r, [
            `Z report #${r.number} for ${r.businessDate} on ${terminalId}: ${t.shifts} shift(s), net sales ${m(t.netSalesCents)}, counted ${m(t.countedCents)}, over/short ${m(t.overShortCents)}.`,
            ...totalsText(t, m),
          ].join('\n'));
          return 0;
        });
      }
      case 'status':
        return withCore(g, (core, terminalId, currency) => {
          const s = currentShift(core.db, terminalId);
          out({ shift: s }, s ? `Shift ${s.id} open on ${terminalId} since ${s.openedAt} (${s.cashierName}), float ${formatCents(s.floatCents, currency)}, ${s.drops} drop(s).` : `No shift is open on ${terminalId}.`);
          return 0;
        });
      default:
        throw new CoreError('BAD_INPUT', `Usage: storemind ${USAGE}`);
    }
  },
};
