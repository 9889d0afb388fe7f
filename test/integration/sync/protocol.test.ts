// Runs: node (vitest). The platform's answers to bad input (unsigned, wrongly signed or replayed requests,
// gzip bombs, oversized and malformed batches, replayed and expired enrollment codes, records for
// another store) and the download path (catalog, prices, knowledge base, settings as deltas from
// a cursor, applied in one SQLite transaction with the cursor), on PostgreSQL and on PGlite.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';
import { startPlatform, type Platform } from '../../../central/platform.ts';
import { AdminClient } from '../../../central/admin-client.ts';
import { enqueue } from '../../../electron/core/db/outbox.ts';
import type { PlatformError } from '../../../electron/core/sync/http.ts';
import { PlatformClient } from '../../../electron/core/sync/http.ts';
import { loadKey, newKey, sign } from '../../../electron/core/sync/identity.ts';
import { HEADER_SIGNATURE, HEADER_TERMINAL, HEADER_TIMESTAMP, signingString } from '../../../common/api/sync.ts';
import { getState } from '../../../electron/core/sync/state.ts';
import { quarantine, requeueQuarantined } from '../../../electron/core/sync/upload.ts';
import { getSetting } from '../../../electron/core/settings/settings.ts';
import { startPostgres, type PgServer } from './helpers/postgres.ts';
import { makeTerminal, type TestTerminal } from './helpers/terminal.ts';

describe.each(['pglite', 'postgres'] as const)('platform protocol (%s)', (backend) => {
  let pgServer: PgServer | null = null;
  let platform: Platform;
  let admin: AdminClient;
  const terminals: TestTerminal[] = [];

  beforeAll(async () => {
    const databaseUrl = backend === 'postgres' ? await (pgServer = await startPostgres()).createDatabase('central') : undefined;
    process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = 'protocol-test-admin-token';
    platform = await startPlatform({ dataDir: tempDir('storemind-central-'), databaseUrl, port: 0, jobs: false, logLevel: 'silent', limits: { maxBodyBytes: 1 << 20, maxDecompressedBytes: 4 << 20 } });
    admin = new AdminClient(platform.url, platform.admin.token);
  });
  afterAll(async () => {
    terminals.forEach((t) => t.close());
    await platform?.close();
    await pgServer?.stop();
  });

  async function terminal(store: string) {
    const t = await makeTerminal(admin, platform.url, store);
    terminals.push(t);
    return t;
  }
  const clientOf = (t: TestTerminal, key = loadKey(t.dir)) => new PlatformClient({ server: platform.url, terminalId: t.terminalId, key });
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: PlatformError) => ({ status: e.status, code: e.code, message: e.message }));
  const upload = (records: unknown[]) => Buffer.from(JSON.stringify({ pending: 0, records }));

  it('refuses unsigned, wrongly signed and revoked-terminal requests', async () => {
    const t = await terminal('bad-1');
    const body = zlib.gzipSync(upload([]));
    expect(await refusal(new PlatformClient({ server: platform.url }).request('POST', '/v1/upload', { body, gzip: true, signed: false }))).toMatchObject({ status: 401, code: 'UNSIGNED' });
    expect(await refusal(clientOf(t, newKey()).request('POST', '/v1/upload', { body, gzip: true }))).toMatchObject({ status: 401, code: 'BAD_SIGNATURE' });
    await admin.revoke(t.terminalId);
    expect(await refusal(clientOf(t).request('POST', '/v1/upload', { body, gzip: true }))).toMatchObject({ status: 403, code: 'REVOKED' });
  });

  it('accepts a signed request once: a captured copy replayed inside the skew window is refused', async () => {
    const t = await terminal('replay-1');
    const body = zlib.gzipSync(upload([]));
    const ts = Date.now();
    const headers = {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      [HEADER_TERMINAL]: t.terminalId,
      [HEADER_TIMESTAMP]: String(ts),
      [HEADER_SIGNATURE]: sign(loadKey(t.dir), signingString('POST', '/v1/upload', ts, crypto.createHash('sha256').update(body).digest('hex'))),
    };
    const send = () => fetch(new URL('/v1/upload', platform.url), { method: 'POST', headers, body: new Uint8Array(body) });
    expect((await send()).status).toBe(200);
    const again = await send();
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'REPLAYED' });
    // The same signature spelled another way is the same signature: never a fresh request.
    const b64 = headers[HEADER_SIGNATURE];
    const b64url = Buffer.from(b64, 'base64').toString('base64url');
    for (const spelling of [b64.replace(/=+$/, ''), b64url, `${b64}=`, ` ${b64}`, `${b64.slice(0, 40)} ${b64.slice(40)}`]) {
      const r = await fetch(new URL('/v1/upload', platform.url), { method: 'POST', headers: { ...headers, [HEADER_SIGNATURE]: spelling }, body: new Uint8Array(body) });
      expect(r.status, spelling).toBe(401);
      expect((await r.json()).code, spelling).toMatch(/^(REPLAYED|BAD_SIGNATURE)$/);
    }
    const dupes = await platform.db.pool.query<{ duplicates: number }>('SELECT duplicates FROM terminals WHERE id = $1', [t.terminalId]);
    expect(dupes.rows[0]!.duplicates).toBe(0);
    // The terminal's own client signs every request anew, so back-to-back identical requests pass.
    const c = clientOf(t);
    const results = await Promise.all([1, 2, 3].map(() => c.request('POST', '/v1/upload', { body, gzip: true })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('refuses gzip bombs, oversized and malformed batches with a reason, and writes nothing', async () => {
    const t = await terminal('bad-2');
    const c = clientOf(t);
    const bomb = zlib.gzipSync(Buffer.alloc(64 << 20, 0x20), { level: 9 }); // 64 MiB of spaces in ~64 KiB
    expect(bomb.length).toBeLessThan(1 << 20);
    const r1 = await refusal(c.request('POST', '/v1/upload', { body: bomb, gzip: true }));
    expect(r1).toMatchObject({ status: 413, code: 'DECOMPRESSED_TOO_LARGE' });
    expect(r1!.message).toMatch(/decompresses to more than/);
    expect(await refusal(c.request('POST', '/v1/upload', { body: crypto.randomBytes(2 << 20) }))).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(await refusal(c.request('POST', '/v1/upload', { body: Buffer.from('{"records": [') }))).toMatchObject({ status: 400, code: 'BAD_JSON' });
    expect(await refusal(c.request('POST', '/v1/upload', { body: Buffer.from('not gzip'), gzip: true }))).toMatchObject({ status: 400, code: 'BAD_GZIP' });
    expect(await refusal(c.request('POST', '/v1/upload', { body: upload([{ seq: -1, kind: 'interaction', id: 'x', createdAt: 'now', payload: {} }]) }))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect((await admin.recordsSummary('bad-2')).records).toBe(0);
  });

  it('rejects bad records one by one; the terminal quarantines them and the rest go through', async () => {
    const t = await terminal('bad-3');
    t.write(10);
    t.db.transaction(() => {
      enqueue(t.db, 'feedback', 'f-other', { storeId: 'someone-else', rating: 1 });
      enqueue(t.db, 'bogus' as never, 'b-1', { a: 1 });
      enqueue(t.db, 'feedback', 'f-nul', { text: 'a\u0000b' });
      enqueue(t.db, 'feedback', 'f-ok', { storeId: 'bad-3', rating: -1 });
    })();
    t.write(5);
    const r = await t.sync();
    expect(r.uploaded).toBe(16);
    const c = t.counts();
    expect(c).toMatchObject({ pending: 0, quarantined: 3, acked: 16 });
    const reasons = t.db.prepare("SELECT record_id, last_error FROM outbox WHERE status = 'quarantined' ORDER BY seq").all() as Array<{ record_id: string; last_error: string }>;
    expect(reasons.map((x) => x.record_id)).toEqual(['f-other', 'b-1', 'f-nul']);
    expect(reasons[0]!.last_error).toMatch(/belongs to store "someone-else"/);
    expect(reasons[1]!.last_error).toMatch(/unknown record kind/);
    expect(reasons[2]!.last_error).toMatch(/NUL/);
    const s = await admin.recordsSummary('bad-3');
    expect(s).toMatchObject({ records: 16, distinctRecords: 16, rejections: 3 });
  });

  it('queues refused rows again under new numbers: stored once when the platform now takes them, refused again when not', async () => {
    const t = await terminal('requeue-1');
    t.write(3);
    t.db.transaction(() => {
      enqueue(t.db, 'feedback', 'rq-good', { storeId: 'requeue-1', rating: 1 });
      enqueue(t.db, 'feedback', 'rq-other', { storeId: 'someone-else', rating: 1 });
    })();
    // rq-good was refused by an earlier platform (say, one that did not know the kind yet).
    const goodSeq = t.db.prepare("SELECT seq FROM outbox WHERE record_id = 'rq-good'").pluck().get() as number;
    quarantine(t.db, goodSeq, 'refused by the platform: unknown record kind (BAD_RECORD)');
    await t.sync();
    expect(t.counts()).toMatchObject({ pending: 0, acked: 3, quarantined: 2 });

    const { moved } = requeueQuarantined(t.db, null);
    expect(moved.map((m) => m.from)).toEqual([goodSeq, goodSeq + 1]);
    const lastAcked = t.db.prepare("SELECT max(seq) FROM outbox WHERE status = 'acked'").pluck().get() as number;
    for (const m of moved) expect(m.to).toBeGreaterThan(lastAcked); // above what the platform committed
    expect(t.counts()).toMatchObject({ pending: 2, quarantined: 0, total: 5 });
    expect(requeueQuarantined(t.db, null).moved).toEqual([]); // nothing left to move

    const r = await t.sync();
    expect(r.uploaded).toBe(1); // accepted ones; rq-other is refused again
    expect(t.counts()).toMatchObject({ pending: 0, acked: 4, quarantined: 1 });
    const still = t.db.prepare("SELECT record_id, last_error FROM outbox WHERE status = 'quarantined'").all() as Array<{ record_id: string; last_error: string }>;
    expect(still).toEqual([{ record_id: 'rq-other', last_error: expect.stringMatching(/belongs to store "someone-else"/) }]);
    // rq-good is on the platform once; rq-other was refused twice and stored never.
    expect(await admin.recordsSummary('requeue-1')).toMatchObject({ records: 4, distinctRecords: 4 });
  });

  it('refuses a replayed or expired enrollment code, but lets the same key retry a lost answer', async () => {
    const { code } = await admin.enrollCode('bad-4');
    const key = newKey();
    const { enrollProofString } = await import('../../../common/api/sync.ts');
    const send = (k = key, c = code) => new PlatformClient({ server: platform.url }).json<{ terminalId: string }>('POST', '/v1/enroll', {
      signed: false, body: Buffer.from(JSON.stringify({ code: c, publicKey: k.publicKeyB64, proof: crypto.sign(null, Buffer.from(enrollProofString(c, k.publicKeyB64)), k.privateKey).toString('base64') })),
    });
    const first = await send();
    expect((await send()).terminalId).toBe(first.terminalId); // same key: the answer was lost, not a replay
    expect(await refusal(send(newKey()))).toMatchObject({ status: 409, code: 'CODE_USED' });
    const expired = await admin.enrollCode('bad-4');
    await platform.db.pool.query("UPDATE enroll_codes SET expires_at = now() - interval '1 second' WHERE used_at IS NULL");
    expect(await refusal(send(newKey(), expired.code))).toMatchObject({ status: 410, code: 'CODE_EXPIRED' });
    expect(await refusal(send(newKey(), 'NOPE0-NOPE0-NOPE0-NOPE0'))).toMatchObject({ status: 401, code: 'BAD_CODE' });
  });

  it('downloads catalog, prices, knowledge base and settings as deltas from a cursor', async () => {
    const t = await terminal('dl-1');
    const other = await terminal('dl-2');
    await admin.publishChanges('dl-1', [
      { kind: 'product', key: 'p-oat', op: 'upsert', data: { sku: 'OAT-1', name: 'Oat Milk 1L', department: 'Dairy', price_cents: 299, barcodes: ['4006381333931'] } },
      { kind: 'kb', key: 'policy.returns', op: 'upsert', data: { kind: 'policy', title: 'Returns', body: 'Within 30 days with a receipt.' } },
      { kind: 'setting', key: 'idleResetSeconds', op: 'upsert', data: 120 },
      { kind: 'setting', key: 'noSuchSetting', op: 'upsert', data: 1 },
      { kind: 'price', key: 'p-missing', op: 'upsert', data: { price_cents: 5 } },
    ]);
    await admin.publishChanges('*', [{ kind: 'price', key: 'p-oat', op: 'upsert', data: { price_cents: 249, promo_price_cents: 199 } }]);
    const r = await t.sync();
    expect(r.downloaded).toMatchObject({ product: 1, kb: 1, setting: 1, price: 1, skipped: 2 });
    expect(t.db.prepare('SELECT price_cents, promo_price_cents FROM products WHERE id = ?').get('p-oat')).toEqual({ price_cents: 249, promo_price_cents: 199 });
    expect(t.db.prepare('SELECT product_id FROM barcodes WHERE code = ?').pluck().get('4006381333931')).toBe('p-oat');
    expect(t.db.prepare('SELECT title FROM kb_entries WHERE id = ?').pluck().get('policy.returns')).toBe('Returns');
    expect(getSetting(t.db, 'idleResetSeconds')).toBe(120);
    expect(getState(t.db, 'changeCursor')).toBe(6);
    // Nothing new: nothing applied again. Another store sees only what was published to it.
    expect((await t.sync()).downloaded).toEqual({});
    await admin.publishChanges('dl-1', [{ kind: 'product', key: 'p-oat', op: 'delete' }]);
    expect((await t.sync()).downloaded).toEqual({ product: 1 });
    expect(t.db.prepare('SELECT active FROM products WHERE id = ?').pluck().get('p-oat')).toBe(0);
    const ro = await other.sync();
    expect(ro.downloaded).toEqual({ skipped: 1 }); // only the '*' price change, for a product this store lacks
  });
});
