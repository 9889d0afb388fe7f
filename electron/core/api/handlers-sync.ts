// Runs: node (core). Handlers for the sync operations: the state POS and admin screens show, and
// "sync now".
import { CoreError } from '../db/errors.ts';
import type { SyncService } from '../sync/index.ts';
import { syncStatus } from '../sync/service.ts';
import type { CallContext, Handler } from './context.ts';

const service = ({ core }: CallContext) => core.extensions.get('sync') as SyncService | undefined;

export const syncHandlers: {
  'sync.status': Handler<'sync.status'>;
  'sync.now': Handler<'sync.now'>;
} = {
  'sync.status': (ctx) => service(ctx)?.status() ?? syncStatus(ctx.core.db),
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
