// The browser host over real HTTP on 127.0.0.1: the API contract, role checks, and the guards a
// kiosk needs (path traversal, foreign Host/Origin, bad and oversized bodies).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server.ts';
import { tempDir } from '../../helpers/tmp.ts';

let core: Core;
let host: BrowserHost;
const dir = tempDir();

beforeAll(async () => {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  core = createCore({ dataDir: path.join(dir, 'data') });
  host = await startBrowserHost({ core, port: 0, rendererDir });
});
afterAll(async () => {
  await host.close();
  core.close();
});

async function call(op: string, input: unknown, session?: string) {
  const res = await fetch(`${host.url}api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { 'x-storemind-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
}

/** Raw request so we control the path bytes and headers exactly. */
function raw(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('serves the UI with a strict CSP and the bridge script', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const bridge = await fetch(`${host.url}storemind-bridge.js`);
    expect(await bridge.text()).toMatch(/window, 'storemind'/);
  });

  it('answers public operations and validates input', async () => {
    const info = await call('app.info', {});
    expect(info.ok).toBe(true);
    expect(info.data.schemaVersion).toBeGreaterThanOrEqual(1);
    const bad = await call('auth.signIn', { pin: 'abc', surface: 'pos' });
    expect(bad.error?.code).toBe('BAD_INPUT');
    expect(bad.error?.message).toMatch(/PIN must be 4 to 8 digits/);
    const unknown = await call('nope.nothing', {});
    expect(unknown.error?.code).toBe('NOT_FOUND');
    const extra = await call('app.info', { sneaky: 1 });
    expect(extra.error?.code).toBe('BAD_INPUT');
  });

  it('signs in, keeps the session, and refuses cashiers on the admin surface', async () => {
    const s = await call('auth.signIn', { pin: '3333', surface: 'admin' });
    expect(s.ok).toBe(true);
    const who = await call('auth.whoami', {}, s.data.token);
    expect(who.data.user.role).toBe('manager');
    const cashier = await call('auth.signIn', { pin: '1111', surface: 'admin' });
    expect(cashier.error?.code).toBe('FORBIDDEN');
    await call('auth.signOut', {}, s.data.token);
    expect((await call('auth.whoami', {}, s.data.token)).data.user).toBeNull();
  });

  it('refuses path traversal in every spelling', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00index.html', '/%E0%A4%A']) {
      const r = await raw(p);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.body).not.toMatch(/do not serve/);
    }
  });

  it('refuses a foreign Host or Origin (DNS rebinding, other web pages)', async () => {
    expect((await raw('/', { host: 'evil.example' })).status).toBe(403);
    const res = await fetch(`${host.url}api/app.info`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('refuses Origin: null and non-JSON posts (a sandboxed frame or a no-cors form elsewhere on the machine), and a WebSocket from another origin', async () => {
    const post = (headers: Record<string, string>) => fetch(`${host.url}api/settings.setLocale`, { method: 'POST', headers, body: JSON.stringify({ locale: 'zh-CN' }) });
    expect((await post({ origin: 'null', 'content-type': 'application/json' })).status).toBe(403);
    expect((await post({ origin: 'null', 'content-type': 'text/plain' })).status).toBe(403);
    const plain = await post({ 'content-type': 'text/plain;charset=UTF-8' });
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.message).toMatch(/application\/json/);
    const own = new URL(host.url).origin;
    expect((await fetch(`${host.url}api/app.info`, { method: 'POST', headers: { origin: own, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);

    const upgrade = (origin: string | null) => new Promise<number | 'open'>((resolve) => {
      const headers: Record<string, string> = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };
      if (origin) headers.origin = origin;
      const req = http.request(`${host.url}events`, { headers });
      req.on('upgrade', (_res, socket) => { socket.destroy(); resolve('open'); });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => resolve(0));
      req.end();
    });
    expect(await upgrade('null')).toBe(0);
    expect(await upgrade('http://evil.example')).toBe(0);
    expect(await upgrade(null)).toBe(0);
    expect(await upgrade(own)).toBe('open');
  });

  it('answers bad JSON, oversized bodies and wrong methods clearly', async () => {
    const json = { 'content-type': 'application/json' };
    const badJson = await fetch(`${host.url}api/app.info`, { method: 'POST', headers: json, body: '{nope' });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.message).toMatch(/not valid JSON/);
    const big = await fetch(`${host.url}api/app.info`, { method: 'POST', headers: json, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const get = await fetch(`${host.url}api/app.info`);
    expect(get.status).toBe(405);
  });
});
