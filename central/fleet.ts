// Runs: node (central platform). Read models for the admin: the stats the CLI prints and the
// fleet dashboard's data (terminals with last contact, backlog and model versions; feedback
// counts; model versions with rollout share; the feedback retrains' latest decisions).
import type { CentralDb } from './db.ts';

export interface Stats {
  terminals: number;
  revoked: number;
  records: Record<string, number>;
  duplicates: number;
  rejected: number;
}

export async function stats(db: CentralDb): Promise<Stats> {
  const t = await db.pool.query<{ n: number; revoked: number; duplicates: number | null; rejected: number | null }>(
    'SELECT count(*)::bigint AS n, count(revoked_at)::bigint AS revoked, sum(duplicates)::bigint AS duplicates, sum(rejected)::bigint AS rejected FROM terminals',
  );
  const r = await db.pool.query<{ kind: string; n: number }>('SELECT kind, count(*)::bigint AS n FROM records GROUP BY kind ORDER BY kind');
  const row = t.rows[0]!;
  return {
    terminals: row.n,
    revoked: row.revoked,
    records: Object.fromEntries(r.rows.map((x) => [x.kind, x.n])),
    duplicates: row.duplicates ?? 0,
    rejected: row.rejected ?? 0,
  };
}

export async function fleet(db: CentralDb) {
  const terminals = await db.pool.query(
    `SELECT id, store_id AS "storeId", name, kind, enrolled_at AS "enrolledAt", revoked_at AS "revokedAt", last_contact AS "lastContact",
            last_seq AS "lastSeq", backlog, duplicates, rejected, change_cursor AS "changeCursor", app_version AS "appVersion", models
       FROM terminals ORDER BY store_id, enrolled_at`,
  );
  const feedback = await db.pool.query<{ kind: string; store: string; n: number; last24h: number }>(
    `SELECT kind, store_id AS store, count(*)::bigint AS n, count(*) FILTER (WHERE received_at > now() - interval '1 day')::bigint AS last24h
       FROM records WHERE kind IN ('feedback', 'intent_correction', 'fraud_verdict') GROUP BY kind, store_id ORDER BY store_id, kind`,
  );
  const models = await db.pool.query(
    `SELECT name, version, sha256, length, rollout, revoked, created_at AS "createdAt",
            (SELECT count(*)::bigint FROM model_reports m WHERE m.name = v.name AND m.version = v.version AND m.status = 'failed') AS failures
       FROM model_versions v ORDER BY name, created_at DESC`,
  );
  // What the nightly feedback retrains decided, newest first: a rejected candidate says why.
  const retrains = await db.pool.query(
    `SELECT at, model, decision, candidate_version AS version, reason FROM retrain_runs ORDER BY id DESC LIMIT 20`,
  );
  // A hub's terminals are not enrolled here: the platform knows them by the records relayed for them.
  const behind = await db.pool.query<{ hub: string; terminal: string; records: number; lastRecordAt: Date }>(
    `SELECT terminal_id AS hub, origin_terminal AS terminal, count(*)::bigint AS records, max(received_at) AS "lastRecordAt"
       FROM records WHERE origin_terminal IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  for (const t of terminals.rows as Array<{ id: string; kind: string; behind?: unknown[] }>) {
    if (t.kind === 'hub') t.behind = behind.rows.filter((b) => b.hub === t.id).map(({ terminal, records, lastRecordAt }) => ({ terminal, records, lastRecordAt }));
  }
  return { terminals: terminals.rows, feedback: feedback.rows, models: models.rows, retrains: retrains.rows, stats: await stats(db), serverTime: new Date().toISOString() };
}

/** Per-store record counts, for checking exactly-once delivery: records vs distinct record ids. */
export async function recordsSummary(db: CentralDb, storeId: string) {
  const { rows } = await db.pool.query<{ terminal_id: string; n: number; ids: number; min_seq: number | null; max_seq: number | null }>(
    `SELECT terminal_id, count(*)::bigint AS n, count(DISTINCT record_id)::bigint AS ids, min(seq) AS min_seq, max(seq) AS max_seq
       FROM records WHERE store_id = $1 GROUP BY terminal_id`, [storeId],
  );
  const distinct = await db.pool.query<{ n: number }>('SELECT count(DISTINCT (kind, record_id))::bigint AS n FROM records WHERE store_id = $1', [storeId]);
  const rej = await db.pool.query<{ n: number }>('SELECT count(*)::bigint AS n FROM rejections r JOIN terminals t ON t.id = r.terminal_id WHERE t.store_id = $1', [storeId]);
  // By the terminal that wrote each record, whether it came direct or through the store hub: a
  // record counted twice would show as records > distinct.
  const origin = await db.pool.query<{ origin: string; n: number; d: number }>(
    `SELECT COALESCE(origin_terminal, terminal_id)::text AS origin, count(*)::bigint AS n, count(DISTINCT (kind, record_id, md5(payload::text)))::bigint AS d
       FROM records WHERE store_id = $1 GROUP BY 1`, [storeId],
  );
  return {
    records: rows.reduce((a, r) => a + r.n, 0),
    distinctRecords: distinct.rows[0]?.n ?? 0,
    rejections: rej.rows[0]?.n ?? 0,
    byTerminal: Object.fromEntries(rows.map((r) => [r.terminal_id, { records: r.n, distinctIds: r.ids, minSeq: r.min_seq, maxSeq: r.max_seq }])),
    byOrigin: Object.fromEntries(origin.rows.map((r) => [r.origin, { records: Number(r.n), distinct: Number(r.d) }])),
  };
}

export async function allStoreIds(db: CentralDb): Promise<string[]> {
  return (await db.pool.query<{ id: string }>('SELECT id FROM stores')).rows.map((r) => r.id);
}

