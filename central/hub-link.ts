// Runs: node (store hub). The hub's link to the central platform, the same protocol a terminal
// speaks: the hub is enrolled upstream as its store's one 'hub' terminal and signs with its own
// key. Upward, it relays its terminals' records in relay_seq order (the order ingest committed
// them), with relay_seq as the hub's upload seq: the platform's per-terminal "last seq" makes the
// relay exactly once, however often a batch is resent or the hub restarts. Downward, it copies the
// platform's changes into its own store log (cursor and changes in one transaction) and keeps the
// platform's model files in a local cache, fetched once per store, resumable and verified.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ChangesResponse, SignedTargets, UploadResponse, type SignedTargetsT } from '../common/api/sync.ts';
import { PlatformClient, PlatformError, isRetryable } from '../electron/core/sync/http.ts';
import type { TerminalKey } from '../electron/core/sync/identity.ts';
import { downloadArtifact } from '../electron/core/sync/models.ts';
import { withRetry } from '../electron/core/sync/retry.ts';
import { appendChanges } from './changes.ts';
import type { CentralDb } from './db.ts';

export interface Upstream {
  server: string;
  terminalId: string;
  storeId: string;
}

export interface HubLinkOptions {
  db: CentralDb;
  dataDir: string;
  upstream: Upstream;
  key: TerminalKey;
  /** The store's change log grew (platform changes arrived): tell the terminals. */
  onChanges(): void;
  intervalMs?: number;
  timeoutMs?: number;
  log?: (msg: string) => void;
}

export interface HubLink {
  /** Run a pass soon (records were accepted). */
  kick(): void;
  /** One pass now, for tests and the CLI; resolves with what it did. */
  runOnce(): Promise<PassResult>;
  stop(): Promise<void>;
}

export interface PassResult {
  uploaded: number;
  rejected: number;
  changes: number;
  artifacts: number;
}

/** Upward batches stay well under the platform's body limits. */
const MAX_BATCH_ROWS = 2000;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export function cachedArtifact(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'artifacts', sha256);
}

export function startHubLink(o: HubLinkOptions): HubLink {
  const interval = o.intervalMs ?? 15_000;
  const client = new PlatformClient({ server: o.upstream.server, terminalId: o.upstream.terminalId, key: o.key, timeoutMs: o.timeoutMs ?? 30_000 });
  const retry = { attempts: 3, baseMs: 250, capMs: 4000, retryable: isRetryable };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<PassResult> | null = null;
  let again = false;
  let failures = 0;

  async function upload(res: PassResult): Promise<void> {
    for (;;) {
      const acked = Number((await o.db.pool.query<{ upstream_acked: string }>('SELECT upstream_acked FROM hub_link WHERE id = 1')).rows[0]!.upstream_acked);
      const { rows } = await o.db.pool.query<{ relay_seq: string; terminal_id: string; kind: string; record_id: string; created_at: string; payload: string }>(
        `SELECT relay_seq, terminal_id, kind, record_id, created_at, payload::text AS payload FROM records
         WHERE store_id = $1 AND relay_seq > $2 ORDER BY relay_seq LIMIT $3`, [o.upstream.storeId, acked, MAX_BATCH_ROWS],
      );
      if (!rows.length) return;
      const parts: string[] = [];
      let bytes = 0;
      for (const r of rows) {
        const part = `{"seq":${r.relay_seq},"kind":${JSON.stringify(r.kind)},"id":${JSON.stringify(r.record_id)},"createdAt":${JSON.stringify(r.created_at)},"origin":${JSON.stringify(r.terminal_id)},"payload":${r.payload}}`;
        if (parts.length && bytes + part.length > MAX_BATCH_BYTES) break;
        parts.push(part);
        bytes += part.length;
      }
      const pending = (await o.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE store_id = $1 AND relay_seq > $2', [o.upstream.storeId, acked])).rows[0]!.n;
      const body = zlib.gzipSync(Buffer.from(`{"pending":${Math.max(0, Number(pending) - parts.length)},"records":[${parts.join(',')}]}`), { level: 3 });
      const ack = UploadResponse.parse(await withRetry(() => client.json('POST', '/v1/upload', { body, gzip: true }), retry));
      await o.db.tx(async (c) => {
        for (const r of ack.rejected) await c.query('UPDATE records SET upstream_error = $3 WHERE store_id = $1 AND relay_seq = $2', [o.upstream.storeId, r.seq, r.reason.slice(0, 500)]);
        await c.query('UPDATE hub_link SET upstream_acked = GREATEST(upstream_acked, $1), last_ok_at = now(), last_error = NULL WHERE id = 1', [ack.ackedThrough]);
      });
      res.uploaded += ack.accepted;
      res.rejected += ack.rejected.length;
      // The platform acknowledged less than was sent: leave the rest to the next pass rather than spin.
      if (ack.ackedThrough < Number(rows[parts.length - 1]!.relay_seq)) return;
    }
  }

  async function download(res: PassResult): Promise<void> {
    for (let guard = 0; guard < 100_000; guard++) {
      const after = Number((await o.db.pool.query<{ change_cursor: string }>('SELECT change_cursor FROM hub_link WHERE id = 1')).rows[0]!.change_cursor);
      const page = ChangesResponse.parse(await withRetry(() => client.json('GET', `/v1/changes?after=${after}&limit=1000`), retry));
      const fresh = page.changes.filter((ch) => ch.id > after);
      await o.db.tx(async (c) => {
        // Cursor and changes in one transaction: a hub killed here copies the page again, never half of it.
        const cur = Number((await c.query<{ change_cursor: string }>('SELECT change_cursor FROM hub_link WHERE id = 1 FOR UPDATE')).rows[0]!.change_cursor);
        if (cur !== after) return; // another pass got here first
        if (fresh.length) await appendChanges(c, o.upstream.storeId, fresh.map(({ kind, key, op, data }) => ({ kind, key, op, data })));
        await c.query('UPDATE hub_link SET change_cursor = $1 WHERE id = 1', [Math.max(after, page.cursor)]);
      });
      res.changes += fresh.length;
      if (!page.more || page.cursor <= after) return;
    }
  }

  async function models(res: PassResult): Promise<void> {
    let raw: unknown;
    try {
      raw = await client.json('GET', '/v1/targets');
    } catch (e) {
      if (e instanceof PlatformError && e.status === 404) return;
      throw e;
    }
    const targets = SignedTargets.parse(raw);
    // The terminals check the platform's signature and the metadata version; the hub only passes it on.
    const prev = (await o.db.pool.query<{ targets: SignedTargetsT | null }>('SELECT targets FROM hub_link WHERE id = 1')).rows[0]?.targets;
    if (prev && prev.signed.version > targets.signed.version) throw new Error(`the platform sent targets version ${targets.signed.version}, older than ${prev.signed.version}`);
    for (const versions of Object.values(targets.signed.models)) {
      for (const v of versions) {
        if (v.revoked || v.rollout <= 0) continue;
        const file = cachedArtifact(o.dataDir, v.sha256);
        if (fs.existsSync(file)) continue;
        const bytes = await downloadArtifact(client, v, `${file}.part`);
        fs.writeFileSync(`${file}.tmp`, bytes);
        fs.renameSync(`${file}.tmp`, file);
        res.artifacts++;
      }
    }
    await o.db.pool.query('UPDATE hub_link SET targets = $1::jsonb WHERE id = 1', [JSON.stringify(raw)]);
  }

  async function pass(): Promise<PassResult> {
    const res: PassResult = { uploaded: 0, rejected: 0, changes: 0, artifacts: 0 };
    try {
      await upload(res);
      await download(res);
      if (res.changes) o.onChanges();
      await models(res);
      await o.db.pool.query('UPDATE hub_link SET last_ok_at = now(), last_error = NULL WHERE id = 1');
      failures = 0;
    } catch (e) {
      if (res.changes) o.onChanges();
      failures++;
      await o.db.pool.query('UPDATE hub_link SET last_error = $1 WHERE id = 1', [String((e as Error).message).slice(0, 500)]).catch(() => {});
      throw e;
    }
    return res;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick().catch((e: unknown) => o.log?.(`platform link: ${(e as Error).message}`)), ms);
    timer.unref();
  }

  async function tick(): Promise<PassResult> {
    if (running) {
      again = true;
      return running;
    }
    running = pass();
    try {
      return await running;
    } finally {
      running = null;
      if (again) {
        again = false;
        schedule(50);
      } else schedule(failures ? Math.min(5 * 60_000, interval * 2 ** Math.min(failures, 5)) : interval);
    }
  }

  schedule(0);
  return {
    kick: () => {
      if (running) again = true;
      else if (!failures) schedule(200); // gathers a burst of uploads into one relay batch
    },
    runOnce: () => tick(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
