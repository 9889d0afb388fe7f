// Runs: node (core). Takes print jobs from the queue to the printer, one at a time, in order:
// drawer kicks first (the cashier is holding the change), then receipts and reports oldest first.
// A failed job stays queued with its reason and is retried with backoff; its bytes are encoded once
// and kept, so the receipt that finally prints is the one the sale produced. The sale never waits
// for any of this: the queue is written with the sale, the worker is kicked after the commit.
import type { Db } from '../db/database.ts';
import { getSetting } from '../settings/settings.ts';
import { readStoreProfile } from '../store/profile.ts';
import { readTxn } from '../pos/views.ts';
import { DRAWER_KICK, receiptDoc, type PrintDoc, type StoreHeader } from './document.ts';
import { encodeDoc } from './encode.ts';
import { PrinterError, sendToPrinter } from './transport.ts';
import { queuedCount } from './queue.ts';

/** Seconds before the n-th retry; the last one repeats. */
export const RETRY_BACKOFF_S = [1, 2, 5, 10, 30, 60] as const;
/** How often a queue with nothing due is looked at again (a printer that was set up meanwhile). */
const IDLE_POLL_MS = 30_000;
const START_DELAY_MS = 1_000;
/** A receipt not printed within this time is dropped from the queue: the shopper has gone (reprint from the list). */
export const RECEIPT_TTL_MS = 4 * 3600_000;

export interface PrintState {
  printer: string;
  queued: number;
  /** The newest failure of a job still waiting, or null when everything printed. */
  lastError: string | null;
}

interface DueRow {
  id: string;
  kind: 'receipt' | 'drawer' | 'report' | 'test';
  ref: string | null;
  copy: number;
  attempts: number;
  doc: string | null;
  bytes: Buffer | null;
  expires_at: string | null;
}

export interface PrintWorkerOptions {
  emit?: (event: string, payload: unknown) => void;
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
  /** Told when the first byte of a job goes to a network printer (the bench's tender-to-paper figure). */
  onFirstByte?: (jobId: string) => void;
}

export interface PrintWorker {
  /** Look at the queue now (after a sale commits, after "retry"). */
  kick(): void;
  /** Resolves once nothing is due or in flight (tests and the CLI wait on it). */
  drain(): Promise<void>;
  stop(): void;
}

function storeHeader(db: Db): StoreHeader & { timeZone: string } {
  const p = readStoreProfile(db);
  return { name: p?.name ?? 'StoreMind', address: p?.address ?? '', phone: p?.phone ?? null, currency: p?.currency ?? 'USD', timeZone: p?.timezone ?? 'UTC' };
}

/** What a job prints, built from its record: a receipt from its transaction, others from their stored doc. */
export function jobDoc(db: Db, job: Pick<DueRow, 'kind' | 'ref' | 'copy' | 'doc'>): PrintDoc {
  if (job.kind === 'drawer') return DRAWER_KICK;
  if (job.kind === 'receipt') {
    const store = storeHeader(db);
    return receiptDoc(readTxn(db, job.ref!), store, {
      copy: job.copy,
      footer: getSetting(db, 'receiptFooter'),
      taxIncludedBp: getSetting(db, 'taxIncludedBp'),
      timeZone: store.timeZone,
    });
  }
  return JSON.parse(job.doc ?? '{"blocks":[],"pulse":false,"cut":true}') as PrintDoc;
}

export function printState(db: Db): PrintState {
  const lastError = db.prepare("SELECT last_error FROM print_jobs WHERE status = 'queued' AND last_error IS NOT NULL ORDER BY next_attempt_at DESC LIMIT 1").pluck().get() as string | undefined;
  return { printer: getSetting(db, 'printerUrl'), queued: queuedCount(db), lastError: lastError ?? null };
}

/** Sends one job; marks it done, expired, or failed with its reason and next try. Throws on failure. */
async function printOne(db: Db, job: DueRow, printer: string, opts: PrintWorkerOptions): Promise<void> {
  const now = new Date();
  if (job.expires_at && job.expires_at <= now.toISOString()) {
    db.prepare("UPDATE print_jobs SET status = 'expired', last_error = coalesce(last_error, 'not sent in time') WHERE id = ?").run(job.id);
    return;
  }
  try {
    let bytes = job.bytes;
    if (!bytes) {
      bytes = Buffer.from(encodeDoc(jobDoc(db, job), { columns: getSetting(db, 'printerColumns') }));
      db.prepare('UPDATE print_jobs SET bytes = ? WHERE id = ?').run(bytes, job.id);
    }
    await sendToPrinter(printer, bytes, {
      statusCheck: getSetting(db, 'printerStatusCheck'),
      requirePaper: job.kind !== 'drawer',
      connectTimeoutMs: opts.connectTimeoutMs,
      replyTimeoutMs: opts.replyTimeoutMs,
      onFirstByte: () => opts.onFirstByte?.(job.id),
    });
    db.prepare("UPDATE print_jobs SET status = 'done', printed_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?").run(new Date().toISOString(), job.id);
  } catch (e) {
    const err = e as Error;
    const retry = !(err instanceof PrinterError) || err.retry;
    const wait = RETRY_BACKOFF_S[Math.min(job.attempts, RETRY_BACKOFF_S.length - 1)]! * 1000 * (retry ? 1 : 10);
    db.prepare('UPDATE print_jobs SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(err.message.slice(0, 300), new Date(Date.now() + wait).toISOString(), job.id);
    throw err;
  }
}

/** Prints one queued job now on the given printer (the CLI's `receipt print`); it stays queued if that fails. */
export async function printJobNow(db: Db, jobId: string, printer: string, opts: PrintWorkerOptions = {}): Promise<void> {
  const job = db.prepare(`SELECT id, kind, ref, copy, attempts, doc, bytes, expires_at FROM print_jobs WHERE id = ? AND status = 'queued'`).get(jobId) as DueRow | undefined;
  if (!job) throw new PrinterError(`Print job ${jobId} is not waiting to print.`, false);
  await printOne(db, job, printer, opts);
}

export function startPrintWorker(db: Db, opts: PrintWorkerOptions = {}): PrintWorker {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const emit = () => opts.emit?.('print.state', printState(db));

  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const next = db.prepare("SELECT min(next_attempt_at) FROM print_jobs WHERE status = 'queued'").pluck().get() as string | null;
    const wait = next ? Math.max(0, Math.min(IDLE_POLL_MS, Date.parse(next) - Date.now())) : IDLE_POLL_MS;
    timer = setTimeout(kick, wait);
    timer.unref();
  };

  const due = (): DueRow | undefined =>
    db.prepare(`SELECT id, kind, ref, copy, attempts, doc, bytes, expires_at FROM print_jobs
      WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY kind = 'drawer' DESC, created_at, rowid LIMIT 1`).get(new Date().toISOString()) as DueRow | undefined;

  async function run(): Promise<void> {
    for (;;) {
      again = false;
      const printer = getSetting(db, 'printerUrl');
      if (stopped || !printer) break;
      const job = due();
      if (!job) break;
      try {
        await printOne(db, job, printer, opts);
        emit();
      } catch {
        emit();
        // A printer that failed one job fails the next too: wait for the backoff, keep the order.
        if (job.kind !== 'drawer') break;
      }
      if (stopped) break;
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((e: Error) => console.warn(`[print] ${e.message}`))
      .finally(() => {
        running = null;
        if (again) kick();
        else schedule();
      });
  }

  // What waited from before a restart goes out a moment after start (a CLI command that opens the
  // core for a second is gone by then, and never prints the till's queue by accident).
  timer = setTimeout(kick, START_DELAY_MS);
  timer.unref();
  return {
    kick,
    async drain() {
      while (running) await running;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
