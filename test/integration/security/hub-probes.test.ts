// Runs: node (vitest). The store hub's LAN port as an attacker on the store's network would try it,
// against a real hub process: no terminal route answers without a valid signature (unsigned, a
// forged key for a real terminal id, a replayed signature, a re-encoded one), the hub's admin
// routes refuse the platform's token and no token, enrollment refuses junk, a wrong code, a second
// hub and a code used twice, and oversized or non-JSON bodies get a clear 4xx, never a 500.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_SIGNATURE, HEADER_TERMINAL, HEADER_TIMESTAMP, enrollProofString, signingString } from '../../../common/api/sync.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { enroll } from '../../../electron/core/sync/enroll.ts';
import { loadKey, newKey, sign, type TerminalKey } from '../../../electron/core/sync/identity.ts';
import { loadAdminToken } from '../../../central/keys.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { spawnHub, storemind, type HubProc } from '../sync/helpers/hub.ts';
import { ADMIN_TOKEN, spawnPlatform, type PlatformProc } from '../sync/helpers/platform.ts';

const root = tempDir('storemind-hub-probes-');
let platform: PlatformProc;
let hub: HubProc;
let terminalId: string;
let key: TerminalKey;

async function joinCode(): Promise<string> {
  const r = await storemind(['hub', 'join-code', '--json', '--data-dir', hub.dataDir]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { code: string }).code;
}

function signed(method: string, pathAndQuery: string, body: Buffer | null, k: TerminalKey, ts = Date.now()): Record<string, string> {
  const hash = crypto.createHash('sha256').update(body ?? Buffer.alloc(0)).digest('hex');
  return { [HEADER_TERMINAL]: terminalId, [HEADER_TIMESTAMP]: String(ts), [HEADER_SIGNATURE]: sign(k, signingString(method, pathAndQuery, ts, hash)) };
}

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${hub.url}${p}`, { headers });
const post = (p: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${hub.url}${p}`, { method: 'POST', body: body as BodyInit, headers: { 'content-type': 'application/json', ...headers } });
const codeOf = async (r: Response) => ((await r.json()) as { code: string }).code;

beforeAll(async () => {
  platform = await spawnPlatform({ dataDir: path.join(root, 'platform') });
  const { code } = await platform.admin.enrollCode('probe-store');
  const r = await storemind(['hub', 'enroll', '--server', platform.url, '--code', code, '--data-dir', path.join(root, 'hub')]);
  expect(r.code, r.stderr).toBe(0);
  hub = await spawnHub(path.join(root, 'hub'));
  const dir = path.join(root, 'till');
  const db = openDatabase(path.join(dir, 'till.db'));
  terminalId = (await enroll(db, dir, { server: hub.url, code: await joinCode(), name: 'till' })).terminalId;
  db.close();
  key = loadKey(dir);
}, 120_000);

afterAll(async () => {
  await hub?.kill();
  await platform?.kill();
});

describe('store hub on the LAN', () => {
  it('answers a properly signed terminal, and nobody else on any terminal route', async () => {
    const ok = await get('/v1/changes?cursor=0', signed('GET', '/v1/changes?cursor=0', null, key));
    expect(ok.status).toBe(200);
    for (const p of ['/v1/live', '/v1/changes?cursor=0', '/v1/targets', '/v1/store', `/v1/artifacts/${'a'.repeat(64)}`]) {
      const r = await get(p);
      expect([p, r.status, await codeOf(r)]).toEqual([p, 401, 'UNSIGNED']);
    }
    const forged = await get('/v1/store', signed('GET', '/v1/store', null, newKey()));
    expect([forged.status, await codeOf(forged)]).toEqual([401, 'BAD_SIGNATURE']);
    const wrongPath = await get('/v1/store', signed('GET', '/v1/targets', null, key));
    expect(wrongPath.status).toBe(401);
    const stranger = await get('/v1/store', { ...signed('GET', '/v1/store', null, key), [HEADER_TERMINAL]: crypto.randomUUID() });
    expect([stranger.status, await codeOf(stranger)]).toEqual([401, 'UNKNOWN_TERMINAL']);
    const stale = await get('/v1/store', signed('GET', '/v1/store', null, key, Date.now() - 3_600_000));
    expect([stale.status, await codeOf(stale)]).toEqual([401, 'CLOCK_SKEW']);
  });

  it('accepts a signature once: a replay, or the same signature spelled another way, is refused', async () => {
    const body = Buffer.from(JSON.stringify({ records: [] }));
    const h = signed('POST', '/v1/upload', body, key);
    const first = await post('/v1/upload', body, h);
    expect(first.status).toBeLessThan(500);
    const replay = await post('/v1/upload', body, h);
    expect(replay.status).toBe(401);
    const respelled = await post('/v1/upload', body, { ...h, [HEADER_SIGNATURE]: h[HEADER_SIGNATURE]!.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_') });
    expect(respelled.status).toBe(401);
  });

  it("refuses the hub's admin routes without its own token, the platform's included", async () => {
    for (const auth of [{}, { authorization: `Bearer ${ADMIN_TOKEN}` }, { authorization: 'Bearer ' }] as Array<Record<string, string>>) {
      const r = await get('/v1/admin/fleet', auth);
      expect([r.status, await codeOf(r)]).toEqual([401, 'ADMIN_TOKEN']);
      const w = await post('/v1/admin/enroll-codes', JSON.stringify({ store: 'probe-store' }), auth);
      expect(w.status).toBe(401);
    }
  });

  it("answers its admin routes only on the hub's own machine: the token never crosses the LAN in the clear", async () => {
    const token = loadAdminToken(path.join(root, 'hub'), {}).token;
    // From loopback (what `storemind hub join-code` on the hub box uses): the right token works.
    const local = await get('/v1/admin/fleet', { authorization: `Bearer ${token}` });
    expect(local.status).toBe(200);
    // Another source address stands in for a till or a laptop on the LAN: refused before the token is even read.
    const fromLan = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const u = new URL(`${hub.url}/v1/admin/fleet`);
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, localAddress: '127.0.0.2', headers: { authorization: `Bearer ${token}` } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += String(d)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect([fromLan.status, (JSON.parse(fromLan.body) as { code: string }).code]).toEqual([403, 'ADMIN_LOCAL_ONLY']);
  });

  it('refuses junk, a wrong code, a second hub and a code used twice at enrollment', async () => {
    expect((await post('/v1/enroll', '{"code":')).status).toBe(400);
    expect((await post('/v1/enroll', JSON.stringify({ code: 'x' }))).status).toBe(400);
    const attempt = (code: string, kind?: 'hub', k = newKey()) => post('/v1/enroll', JSON.stringify({ code, publicKey: k.publicKeyB64, proof: sign(k, enrollProofString(code, k.publicKeyB64)), ...(kind ? { kind } : {}) }));
    const wrong = await attempt('ZZZZ-ZZZZ-ZZZZ');
    expect([wrong.status, await codeOf(wrong)]).toEqual([401, 'BAD_CODE']);
    const code = await joinCode();
    const asHub = await attempt(code, 'hub');
    expect([asHub.status, await codeOf(asHub)]).toEqual([403, 'NOT_A_PLATFORM']);
    const k = newKey();
    const first = await attempt(code, undefined, k);
    expect(first.status).toBe(200);
    const { terminalId: id } = (await first.json()) as { terminalId: string };
    // The same key retrying (its answer was lost) gets the same terminal; anyone else is refused.
    expect(((await (await attempt(code, undefined, k)).json()) as { terminalId: string }).terminalId).toBe(id);
    const twice = await attempt(code);
    expect([twice.status, await codeOf(twice)]).toEqual([409, 'CODE_USED']);
  });

  it('answers an oversized body, a gzip bomb header and a body that is not JSON with a clear 4xx', async () => {
    const big = Buffer.alloc(40 * 1024 * 1024, 0x20);
    const r = await post('/v1/upload', big, signed('POST', '/v1/upload', big, key)).catch((e: Error) => ({ status: 413, err: e.message }));
    expect(r.status).toBe(413);
    const text = Buffer.from('not json');
    const nj = await post('/v1/upload', text, signed('POST', '/v1/upload', text, key));
    expect([nj.status, await codeOf(nj)]).toEqual([400, 'BAD_JSON']);
    const enc = await post('/v1/upload', text, { ...signed('POST', '/v1/upload', text, key), 'content-encoding': 'br' });
    expect(enc.status).toBe(415);
    // The hub still serves its terminal afterwards.
    expect((await get('/v1/changes?cursor=0', signed('GET', '/v1/changes?cursor=0', null, key))).status).toBe(200);
  });
});
