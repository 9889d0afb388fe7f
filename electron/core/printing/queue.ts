// Runs: node (core). The print queue's writes and reads. A job is written in the same SQLite
// transaction as the sale, refund, shift report or drawer opening that needs it, so nothing a
// till owes the shopper on paper can be lost between "sold" and "printed"; the worker (worker.ts)
// takes jobs from here and marks them done.
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { TxnType } from '../fraud/types.ts';
import type { PrintDoc } from './document.ts';
import { getSetting } from '../settings/settings.ts';

export type PrintKind = 'receipt' | 'drawer' | 'report' | 'test';
export type DrawerReason = 'cash_sale' | 'cash_refund' | 'cash_void' | 'no_sale' | 'shift';

/** A drawer kick that could not be sent in this time is dropped: a drawer opening by itself later is worse than none. */
export const DRAWER_KICK_TTL_MS = 30_000;

export interface EnqueuePrint {
  kind: PrintKind;
  /** The transaction (receipt), the report id, the drawer opening id. */
  ref?: string | null;
  /** What to print; a receipt leaves it out and is built from its transaction at print time. */
  doc?: PrintDoc | null;
  copy?: number;
  expiresInMs?: number;
  /** Queue it even with no printer in the settings (the CLI names one for this job). */
  always?: boolean;
}

/** A till without a printer keeps no queue to print all at once the day one is plugged in. */
export function printerConfigured(db: Db): boolean {
  return getSetting(db, 'printerUrl') !== '';
}

/** Queues a job, or nothing (null) when this till has no printer set up. */
export function enqueuePrint(db: Db, job: EnqueuePrint, now = new Date()): string | null {
  if (!job.always && !printerConfigured(db)) return null;
  const id = crypto.randomUUID();
  const at = now.toISOString();
  db.prepare(`INSERT INTO print_jobs (id, created_at, kind, ref, copy, status, attempts, next_attempt_at, doc, expires_at)
    VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`).run(
    id, at, job.kind, job.ref ?? null, job.copy ?? 0, at, job.doc ? JSON.stringify(job.doc) : null,
    job.expiresInMs ? new Date(now.getTime() + job.expiresInMs).toISOString() : null,
  );
  return id;
}

/**
 * Which transactions open the drawer: money changes hands in cash. Card and gift card never do
 * (a drawer that pops on a card payment is the complaint peers' users file most).
 */
export function drawerReasonFor(type: TxnType, tenderMethod: string | null): DrawerReason | null {
  if (type === 'no_sale') return 'no_sale';
  if (tenderMethod !== 'cash') return null;
  return type === 'sale' ? 'cash_sale' : type === 'refund' ? 'cash_refund' : 'cash_void';
}

export interface DrawerOpening {
  terminalId: string;
  cashierId: string;
  reason: DrawerReason;
  txnId?: string | null;
  note?: string | null;
}

/** Records the opening and queues the kick (the drawer hangs off the printer); call it inside the transaction that needs the drawer. */
export function openDrawer(db: Db, o: DrawerOpening, now = new Date()): string {
  const id = crypto.randomUUID();
  db.prepare('INSERT INTO drawer_openings (id, ts, terminal_id, cashier_id, reason, txn_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, now.toISOString(), o.terminalId, o.cashierId, o.reason, o.txnId ?? null, o.note ?? null);
  enqueuePrint(db, { kind: 'drawer', ref: id, expiresInMs: DRAWER_KICK_TTL_MS }, now);
  return id;
}

export interface PrintJobView {
  id: string;
  createdAt: string;
  kind: PrintKind;
  ref: string | null;
  copy: number;
  status: 'queued' | 'done' | 'expired';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  printedAt: string | null;
}

interface JobRow {
  id: string;
  created_at: string;
  kind: PrintKind;
  ref: string | null;
  copy: number;
  status: PrintJobView['status'];
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  printed_at: string | null;
}

const view = (r: JobRow): PrintJobView => ({
  id: r.id, createdAt: r.created_at, kind: r.kind, ref: r.ref, copy: r.copy, status: r.status, attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at, lastError: r.last_error, printedAt: r.printed_at,
});

const JOB_COLS = 'id, created_at, kind, ref, copy, status, attempts, next_attempt_at, last_error, printed_at';

/** Waiting jobs first, then the latest printed ones. */
export function listPrintJobs(db: Db, limit = 20): PrintJobView[] {
  return (db.prepare(`SELECT ${JOB_COLS} FROM print_jobs ORDER BY status = 'queued' DESC, created_at DESC LIMIT ?`).all(limit) as JobRow[]).map(view);
}

export function printJob(db: Db, id: string): PrintJobView | null {
  const r = db.prepare(`SELECT ${JOB_COLS} FROM print_jobs WHERE id = ?`).get(id) as JobRow | undefined;
  return r ? view(r) : null;
}

export function queuedCount(db: Db): number {
  return db.prepare("SELECT count(*) FROM print_jobs WHERE status = 'queued'").pluck().get() as number;
}

/**
 * Queues a copy of a transaction's receipt. It is numbered (COPY 1, COPY 2, …) on the paper and
 * audited, so a reprint can never pass as a second sale's receipt.
 */
export function reprintReceipt(db: Db, txnId: string, userId: string, now = new Date(), opts: { printerGiven?: boolean } = {}): PrintJobView {
  return db.transaction(() => {
    const t = db.prepare('SELECT status FROM transactions WHERE id = ?').pluck().get(txnId) as string | undefined;
    if (!t) throw new CoreError('NOT_FOUND', `No transaction ${txnId}.`);
    if (t !== 'completed') throw new CoreError('CONFLICT', `Transaction ${txnId} is ${t.replace('_', ' ')}; only a completed one has a receipt.`);
    const copy = (db.prepare("SELECT coalesce(max(copy), 0) FROM print_jobs WHERE kind = 'receipt' AND ref = ?").pluck().get(txnId) as number) + 1;
    const id = enqueuePrint(db, { kind: 'receipt', ref: txnId, copy, always: opts.printerGiven }, now);
    if (!id) throw new CoreError('BAD_INPUT', 'No receipt printer is set up on this till (back office → Settings → Receipt printer).');
    appendAudit(db, userId, 'pos.reprint', txnId, { copy }, now);
    return printJob(db, id)!;
  })();
}

/** "Try again now": every waiting job is due at once (after the cashier loaded paper, say). */
export function retryAll(db: Db, now = new Date()): number {
  return db.prepare("UPDATE print_jobs SET next_attempt_at = ? WHERE status = 'queued'").run(now.toISOString()).changes;
}
