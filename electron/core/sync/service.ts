// Runs: node (core). One sync pass (upload everything pending, then download changes, then check
// for signed model updates, then purge old acked rows) and the background loop that runs it when
// the platform is reachable. One pass at a time per database; the platform makes concurrent
// passes from other processes safe anyway (it locks the terminal's row per batch).
import zlib from 'node:zlib';
import { ChangesResponse, UploadResponse, type SyncStatusView } from '../../../common/api/sync.ts';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { PlatformClient, PlatformError, isRetryable } from './http.ts';
import { loadKey } from './identity.ts';
import { applyChanges } from './download.ts';
import { openTicketCount } from '../assistant/tickets.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { getState, setState } from './state.ts';
import { DEFAULT_LIMITS, applyAck, noteFailure, outboxCounts, purgeAcked, quarantine, readBatch, type BatchLimits } from './upload.ts';

export type SyncStateName = SyncStatusView['state'];

export interface SyncResult {
  uploaded: number;
  pending: number;
  quarantined: number;
  duplicates: number;
  downloaded: Record<string, number>;
  models: Array<{ name: string; version: string; status: string; reason?: string }>;
  state: SyncStateName;
}

/** Optional step run after download (the signed model updater plugs in here). */
export type ModelStep = (client: PlatformClient, db: Db) => Promise<SyncResult['models']>;

export interface SyncOptions {
  db: Db;
  dataDir: string;
  appVersion?: string;
  limits?: BatchLimits;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  /** The terminal's clock (tests give it one that is hours off). */
  now?: () => number;
  models?: ModelStep;
  /** Reported to the platform with each batch (fleet dashboard). */
  modelVersions?: () => Array<{ name: string; version: string; status: string }>;
  emit?: (event: string, payload: unknown) => void;
  log?: (msg: string) => void;
}

const running = new WeakMap<Db, Promise<unknown>>();

/** A signed client for whoever this terminal enrolled with (its store hub or the platform). */
export function clientFor(o: SyncOptions): PlatformClient {
  const enrollment = getState(o.db, 'enrollment');
  if (!enrollment) throw new CoreError('CONFLICT', 'This terminal is not enrolled; run `storemind enroll --server URL --code CODE` first.');
  return new PlatformClient({
    server: enrollment.server,
    terminalId: enrollment.terminalId,
    key: loadKey(o.dataDir),
    clockOffsetMs: getState(o.db, 'clockOffsetMs') ?? 0,
    onClockOffset: (ms) => setState(o.db, 'clockOffsetMs', ms),
    timeoutMs: o.timeoutMs,
    now: o.now,
  });
}

function retryOpts(o: SyncOptions): RetryOptions {
  return { attempts: 6, baseMs: 250, capMs: 8000, retryable: isRetryable, ...o.retry };
}

/** Upload, download, models, purge. Serialized per database. */
export async function syncOnce(o: SyncOptions): Promise<SyncResult> {
  while (running.has(o.db)) await running.get(o.db)!.catch(() => {});
  const p = runPass(o);
  running.set(o.db, p);
  try {
    return await p;
  } finally {
    running.delete(o.db);
  }
}

async function runPass(o: SyncOptions): Promise<SyncResult> {
  const { db } = o;
  const emit = (state: SyncStateName) => o.emit?.('sync.state', { state, pending: db.open ? outboxCounts(db).pending : 0 });
  const result: SyncResult = { uploaded: 0, pending: 0, quarantined: 0, duplicates: 0, downloaded: {}, models: [], state: 'syncing' };
  if (getState(db, 'revoked')) {
    Object.assign(result, outboxCounts(db), { state: 'revoked' as const });
    emit('revoked');
    return result;
  }
  const client = clientFor(o);
  emit('syncing');
  try {
    await upload(o, client, result);
    await download(o, client, result);
    if (o.models) result.models = await o.models(client, db);
    purgeAcked(db, getState(db, 'ackedRetentionHours') ?? 72);
    const counts = outboxCounts(db);
    result.pending = counts.pending;
    result.quarantined = counts.quarantined;
    result.state = 'idle';
    db.transaction(() => {
      setState(db, 'lastSyncAt', new Date().toISOString());
      setState(db, 'lastError', null);
    })();
  } catch (e) {
    const err = e instanceof PlatformError ? e : null;
    result.state = err?.code === 'REVOKED' ? 'revoked' : err && (err.status === 0 || err.retryable) ? 'offline' : 'error';
    if (db.open) {
      if (result.state === 'revoked') setState(db, 'revoked', true);
      setState(db, 'lastError', `${(e as Error).message}`.slice(0, 500));
      const counts = outboxCounts(db);
      result.pending = counts.pending;
      result.quarantined = counts.quarantined;
    }
    emit(result.state);
    throw e;
  }
  emit('idle');
  return result;
}

/** Whole-batch refusals that one bad row can cause. */
const BISECT_CODES = new Set(['BAD_REQUEST', 'BAD_JSON', 'BODY_TOO_LARGE', 'DECOMPRESSED_TOO_LARGE']);

async function upload(o: SyncOptions, client: PlatformClient, result: SyncResult): Promise<void> {
  const { db } = o;
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  let maxRows = limits.maxRows;
  const models = o.modelVersions?.();
  let isolated = 0;
  for (let guard = 0; guard < 1_000_000; guard++) {
    const batch = readBatch(db, { ...limits, maxRows });
    if (!batch.records.length) return;
    const pendingAfter = Math.max(0, outboxCounts(db).pending - batch.records.length);
    const head = `{"pending":${pendingAfter}${o.appVersion ? `,"appVersion":${JSON.stringify(o.appVersion)}` : ''}${models ? `,"models":${JSON.stringify(models)}` : ''},"records":`;
    const body = zlib.gzipSync(Buffer.from(`${head}${batch.json}}`), { level: 3 });
    const seqs = batch.records.map((r) => r.seq);
    let res;
    try {
      res = UploadResponse.parse(
        await withRetry(() => client.json('POST', '/v1/upload', { body, gzip: true }), {
          ...retryOpts(o),
          onRetry: (e, attempt, delay) => {
            noteFailure(db, seqs, (e as Error).message);
            o.log?.(`upload attempt ${attempt + 1} failed (${(e as Error).message}); retrying in ${delay} ms`);
          },
        }),
      );
    } catch (e) {
      const err = e instanceof PlatformError ? e : null;
      // The platform refused the batch as a whole (malformed, too large): halve it until the one
      // bad row is alone, then quarantine that row with the platform's reason and carry on.
      if (err && !err.retryable && BISECT_CODES.has(err.code)) {
        if (batch.records.length > 1) {
          maxRows = Math.max(1, Math.floor(batch.records.length / 2));
          continue;
        }
        // A platform that refuses every row is broken, not the data: stop before quarantining the outbox.
        if (++isolated > 20) throw err;
        quarantine(db, seqs[0]!, `refused by the platform: ${err.message} (${err.code})`);
        maxRows = limits.maxRows;
        continue;
      }
      noteFailure(db, seqs, (e as Error).message);
      throw e;
    }
    const ack = applyAck(db, res);
    result.uploaded += res.accepted;
    result.duplicates += res.duplicates;
    if (ack.quarantined) o.log?.(`${ack.quarantined} record(s) rejected by the platform and quarantined`);
    if (maxRows < limits.maxRows) maxRows = Math.min(limits.maxRows, maxRows * 2);
    o.emit?.('sync.state', { state: 'syncing', pending: pendingAfter });
  }
}

async function download(o: SyncOptions, client: PlatformClient, result: SyncResult): Promise<void> {
  const { db } = o;
  for (let guard = 0; guard < 100_000; guard++) {
    const after = getState(db, 'changeCursor') ?? 0;
    const page = ChangesResponse.parse(await withRetry(() => client.json('GET', `/v1/changes?after=${after}&limit=1000`), retryOpts(o)));
    const applied = applyChanges(db, page.changes, page.cursor);
    for (const [k, n] of Object.entries(applied.applied)) result.downloaded[k] = (result.downloaded[k] ?? 0) + (n ?? 0);
    // The POS and back office redraw their ticket lists: a kiosk or another till changed one.
    if (applied.applied.ticket) o.emit?.('tickets.changed', { open: openTicketCount(db) });
    if (applied.skipped.length) {
      result.downloaded.skipped = (result.downloaded.skipped ?? 0) + applied.skipped.length;
      for (const s of applied.skipped) o.log?.(`change ${s.id} (${s.kind} ${s.key}) skipped: ${s.reason}`);
    }
    if (!page.more || page.cursor <= after) return;
  }
}

export interface SyncLoop {
  stop(): void;
  /** Runs a pass now (or waits for the one in progress) and returns its result. */
  kick(): Promise<SyncResult | null>;
  state(): SyncStateName;
}

/**
 * The background loop: a pass every intervalMs when idle, backing off (with jitter) while offline.
 * kick() runs a pass now; kicks that arrive during a pass are folded into one more pass after it.
 */
export function startSyncLoop(o: SyncOptions & { intervalMs?: number; firstDelayMs?: number }): SyncLoop {
  const interval = o.intervalMs ?? 30_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let state: SyncStateName = 'idle';
  let inFlight: Promise<SyncResult | null> | null = null;
  let again = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  const pass = async (): Promise<SyncResult | null> => {
    if (stopped || !o.db.open) return null;
    try {
      const r = await syncOnce(o);
      state = r.state;
      failures = 0;
      if (r.state !== 'revoked') schedule(interval);
      return r;
    } catch (e) {
      if (stopped || !o.db.open) return null;
      state = e instanceof PlatformError && e.code === 'REVOKED' ? 'revoked' : 'offline';
      failures++;
      if (state !== 'revoked') schedule(Math.min(10 * 60_000, Math.floor(interval * Math.min(2 ** failures, 20) * (0.5 + Math.random() / 2))));
      o.log?.(`sync failed: ${(e as Error).message}`);
      return null;
    }
  };
  const tick = (): Promise<SyncResult | null> => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    if (timer) clearTimeout(timer);
    inFlight = pass().finally(() => {
      inFlight = null;
      if (again && !stopped) {
        again = false;
        void tick();
      }
    });
    return inFlight;
  };
  schedule(o.firstDelayMs ?? 3000);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    kick: () => tick(),
    state: () => state,
  };
}

export function syncStatus(db: Db, loopState?: SyncStateName): SyncStatusView {
  const enrollment = getState(db, 'enrollment');
  const counts = outboxCounts(db);
  const models = db.prepare('SELECT name, version, status FROM models ORDER BY name, installed_at DESC').all() as Array<{ name: string; version: string; status: string }>;
  const revoked = getState(db, 'revoked') ?? false;
  const lastError = getState(db, 'lastError') ?? null;
  return {
    enrolled: !!enrollment,
    state: !enrollment ? 'not_enrolled' : revoked ? 'revoked' : (loopState ?? (lastError ? 'offline' : 'idle')),
    server: enrollment?.server ?? null,
    terminalId: enrollment?.terminalId ?? null,
    storeId: enrollment?.storeId ?? null,
    pending: counts.pending,
    quarantined: counts.quarantined,
    lastSyncAt: getState(db, 'lastSyncAt') ?? null,
    lastError,
    models,
  };
}
