// Runs: node (core). Handlers for the sync operations: the state POS and admin screens show, and
// "sync now".
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { StoreOverview } from '../../../common/api/live.ts';
import { syncOptions } from '../sync/index.ts';
import { clientFor, syncStatus } from '../sync/service.ts';
import { quarantinedRows, requeueQuarantined } from '../sync/upload.ts';
import type { CallContext, Handler } from './context.ts';

const service = ({ core }: CallContext) => core.extensions.sync;

export const syncHandlers: {
  'sync.status': Handler<'sync.status'>;
  'sync.quarantined': Handler<'sync.quarantined'>;
  'sync.requeue': Handler<'sync.requeue'>;
  'sync.store': Handler<'sync.store'>;
  'sync.now': Handler<'sync.now'>;
} = {
  'sync.status': (ctx) => service(ctx)?.status() ?? syncStatus(ctx.core.db),
  'sync.quarantined': ({ core }, i) => {
    return quarantinedRows(core.db, i.limit);
  },
  'sync.requeue': (ctx, i) => {
    const { core, session } = ctx;
    const { moved } = requeueQuarantined(core.db, 'seqs' in i ? i.seqs : null);
    if (moved.length) appendAudit(core.db, session?.user.id ?? 'system', 'sync.requeue', 'outbox', { count: moved.length, moved: moved.slice(0, 100) });
    // Screens showing the backlog (POS badge, the Sync panel) refresh on it.
    const now = service(ctx)?.status() ?? syncStatus(core.db);
    core.emit('sync.state', { state: now.state, pending: now.pending });
    // The count is complete; the list of moves is capped so "all" over a large quarantine stays a small answer.
    return { requeued: moved.length, moved: moved.slice(0, 500) };
  },
  'sync.store': async ({ core }) => {
    const client = clientFor({ ...syncOptions(core), timeoutMs: 5000 });
    let raw: unknown;
    try {
      raw = await client.json('GET', '/v1/store');
    } catch (e) {
      throw new CoreError('CONFLICT', `The store's hub (or the platform) cannot be reached: ${(e as Error).message}`);
    }
    const r = StoreOverview.safeParse(raw);
    if (!r.success) throw new CoreError('CONFLICT', 'The hub answered with something that is not a store overview.');
    return r.data;
  },
  'sync.now': async (ctx) => {
    const svc = service(ctx);
    if (!svc) throw new CoreError('CONFLICT', 'Sync is not running on this terminal.');
    if (!svc.status().enrolled) throw new CoreError('CONFLICT', 'This terminal is not enrolled with a platform.');
    try {
      const r = await svc.syncNow();
      return { uploaded: r.uploaded, pending: r.pending, downloaded: r.downloaded, state: r.state };
    } catch (e) {
      throw new CoreError('CONFLICT', `Sync failed: ${(e as Error).message}`);
    }
  },
};
