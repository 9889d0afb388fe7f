// Runs: node (vitest). One bad record must never stop a store's sync (hardening W1): a shopper
// question with a lone UTF-16 surrogate, stored by a terminal from before the core replaced them,
// and a record nested 1e5 levels deep sit in the outbox between good records. The platform refuses
// each of them alone, with its reason; the terminal quarantines them; every other record reaches
// the platform exactly once, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { AdminClient } from '../../../central/admin-client.ts';
import { startPostgres, type PgServer } from './helpers/postgres.ts';
import { makeTerminal, type TestTerminal } from './helpers/terminal.ts';

describe.each(['pglite', 'postgres'] as const)('a bad record among good ones (%s)', (backend) => {
  let pgServer: PgServer | null = null;
  let platform: Platform;
  let t: TestTerminal;

  beforeAll(async () => {
    const databaseUrl = backend === 'postgres' ? await (pgServer = await startPostgres()).createDatabase('central') : undefined;
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'bad-record-test-admin-token';
    platform = await startPlatform({ dataDir: tempDir('storemind-central-'), databaseUrl, port: 0, jobs: false, logLevel: 'silent' });
    t = await makeTerminal(new AdminClient(platform.url, platform.admin.token), platform.url, 'w1-store');
  });
  afterAll(async () => {
    t?.close();
    await platform?.close();
    await pgServer?.stop();
  });

  it('quarantines the lone-surrogate and the 1e5-deep record with their reasons; the rest arrive exactly once', async () => {
    const raw = (payload: string) => t.db.prepare("INSERT INTO outbox (kind, record_id, payload, created_at) VALUES ('interaction', ?, ?, ?)").run(`raw-${Math.random()}`, payload, new Date().toISOString()).lastInsertRowid as number;
    t.write(3);
    const surrogate = raw(JSON.stringify({ text: 'where is the milk \ud800' })); // as JSON.stringify writes it: "\ud800"
    expect(t.db.prepare('SELECT payload FROM outbox WHERE seq = ?').pluck().get(surrogate)).toContain('\\ud800');
    t.write(2);
    const deep = raw(`{"a":${'['.repeat(100_000)}1${']'.repeat(100_000)}}`); // 1e5 levels in 200 kB: under the size limit
    t.write(3);

    const r = await t.sync();
    expect(r.state).toBe('idle');
    expect(t.counts()).toMatchObject({ pending: 0, quarantined: 2, acked: 8 });
    const reasons = Object.fromEntries((t.db.prepare("SELECT seq, last_error FROM outbox WHERE status = 'quarantined'").all() as Array<{ seq: number; last_error: string }>).map((q) => [q.seq, q.last_error]));
    expect(reasons[surrogate]).toMatch(/not well-formed Unicode/);
    expect(reasons[deep]).toMatch(/nests more than 64 levels/);

    const stored = await platform.db.pool.query<{ n: number; distinct_seq: number }>('SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct_seq FROM records WHERE terminal_id = $1', [t.terminalId]);
    expect(stored.rows[0]).toEqual({ n: 8, distinct_seq: 8 });
    const rejected = await platform.db.pool.query<{ seq: number }>('SELECT seq FROM rejections WHERE terminal_id = $1 ORDER BY seq', [t.terminalId]);
    expect(rejected.rows.map((x) => x.seq)).toEqual([surrogate, deep]);

    // Later records are not held back by the quarantined ones.
    t.write(4);
    expect(await t.sync()).toMatchObject({ state: 'idle', pending: 0 });
    expect((await platform.db.pool.query('SELECT count(*)::int AS n FROM records WHERE terminal_id = $1', [t.terminalId])).rows[0].n).toBe(12);
  });
});
