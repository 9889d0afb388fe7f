// Runs: node (central). What a store looks like from its hub or the platform: the store's
// terminals (last contact, what each said it still holds), and at a hub its link to the platform.
// Read by the hub's admin route, `storemind hub status` and the terminals' back office (GET /v1/store).
import type { StoreOverviewT } from '../common/api/live.ts';
import type { CentralDb } from './db.ts';
import type { Upstream } from './hub-link.ts';

export interface HubStatus {
  storeId: string;
  platform: { server: string; hubTerminalId: string; lastOkAt: string | null; lastError: string | null; changeCursor: number };
  upstreamBacklog: number;
  upstreamAcked: number;
  upstreamRejected: number;
  terminals: Array<{ id: string; name: string; lastContact: string | null; pending: number; lastSeq: number; revoked: boolean }>;
}

type Terminal = HubStatus['terminals'][number];

/** The store's terminals (not its hub), oldest first. */
async function storeTerminals(db: CentralDb, storeId: string): Promise<Terminal[]> {
  const { rows } = await db.pool.query<{ id: string; name: string; last_contact: Date | null; backlog: string; last_seq: string; revoked_at: Date | null }>(
    "SELECT id, name, last_contact, backlog, last_seq, revoked_at FROM terminals WHERE store_id = $1 AND kind = 'terminal' ORDER BY enrolled_at LIMIT 1000", [storeId]);
  return rows.map((t) => ({ id: t.id, name: t.name, lastContact: t.last_contact?.toISOString() ?? null, pending: Number(t.backlog), lastSeq: Number(t.last_seq), revoked: !!t.revoked_at }));
}

/** The hub's link to the platform: its row in hub_link and the records not yet acknowledged upstream. */
async function hubLink(db: CentralDb, upstream: Upstream) {
  const link = (await db.pool.query<{ upstream_acked: string; change_cursor: string; last_ok_at: Date | null; last_error: string | null }>(
    'SELECT upstream_acked, change_cursor, last_ok_at, last_error FROM hub_link WHERE id = 1')).rows[0];
  const backlog = (await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE store_id = $1 AND relay_seq > $2', [upstream.storeId, link?.upstream_acked ?? 0])).rows[0]!.n;
  return {
    acked: Number(link?.upstream_acked ?? 0),
    changeCursor: Number(link?.change_cursor ?? 0),
    lastOkAt: link?.last_ok_at?.toISOString() ?? null,
    lastError: link?.last_error ?? null,
    backlog: Number(backlog),
  };
}

/** What a store engineer needs to see of a hub: its terminals and its platform link. */
export async function hubStatus(db: CentralDb, upstream: Upstream): Promise<HubStatus> {
  const link = await hubLink(db, upstream);
  const upstreamErrors = (await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE upstream_error IS NOT NULL')).rows[0]!.n;
  return {
    storeId: upstream.storeId,
    platform: { server: upstream.server, hubTerminalId: upstream.terminalId, lastOkAt: link.lastOkAt, lastError: link.lastError, changeCursor: link.changeCursor },
    upstreamBacklog: link.backlog,
    upstreamAcked: link.acked,
    upstreamRejected: Number(upstreamErrors),
    terminals: await storeTerminals(db, upstream.storeId),
  };
}

/** The store as its terminals see it (GET /v1/store): its terminals, and a hub's link to the platform. */
export async function storeOverview(db: CentralDb, storeId: string, upstream: Upstream | null): Promise<StoreOverviewT> {
  const terminals = (await storeTerminals(db, storeId)).map(({ lastSeq: _, ...t }) => t);
  if (!upstream) return { via: 'platform', storeId, platform: null, upstreamBacklog: 0, terminals };
  const link = await hubLink(db, upstream);
  return { via: 'hub', storeId, platform: { server: upstream.server, lastOkAt: link.lastOkAt, lastError: link.lastError }, upstreamBacklog: link.backlog, terminals };
}
