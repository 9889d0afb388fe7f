// Runs: node (browser host). `storemind serve`: serves the built renderer, the bridge script and
// the API contract over HTTP (POST /api/<op>) and server events over a WebSocket (/events).
// It listens on 127.0.0.1 only unless explicitly told otherwise with a token, and refuses
// requests whose Host or Origin is not its own, an Origin of "null" included (so a web page cannot
// reach a kiosk's API through DNS rebinding or a sandboxed frame), and API calls that are not JSON.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { readStatic } from './static-files.ts';

export interface BrowserHostOptions {
  core: Core;
  port: number;
  host?: string;
  /** Required whenever host is not a loopback address. */
  token?: string;
  rendererDir: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  close: () => Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const BRIDGE = fs.readFileSync(path.join(import.meta.dirname, 'storemind-bridge.js'));

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !opts.token) {
    throw new CoreError('BAD_INPUT', `Listening on ${host} exposes the terminal to the network: pass --allow-remote with --token.`);
  }
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[host] request failed:', e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } });
    });
  });

  // A browser names the page that sent a request in Origin; only this host's own pages may call.
  // "null" (a sandboxed iframe, a file:// page) is a page from anywhere, so it is refused too. A
  // request with no Origin is not from a web page (curl, the tests); the WebSocket must carry one.
  function allowed(req: http.IncomingMessage, { originRequired = false } = {}): boolean {
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (LOOPBACK.has(host) && !LOOPBACK.has(hostHeader)) return false;
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (originRequired) return false;
    } else {
      try {
        const o = new URL(origin);
        if (o.protocol !== 'http:' || o.host !== req.headers.host) return false;
      } catch {
        return false; // "null" and anything else that is not a URL
      }
    }
    if (opts.token && req.headers['x-storemind-host-token'] !== opts.token && !String(req.url).includes(`token=${opts.token}`)) return false;
    return true;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowed(req)) return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: wrong host or origin.' } });
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Use POST for API calls.' } });
      // JSON only: a page elsewhere can send text/plain or a form without asking (no CORS preflight), never application/json.
      if (!/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
        return send(res, 415, { ok: false, error: { code: 'BAD_INPUT', message: 'API calls must send Content-Type: application/json.' } });
      }
      const op = decodeURIComponentSafe(url.slice(5).split('?')[0] ?? '');
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: `Request body over ${MAX_BODY} bytes.` } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'Request body is not valid JSON.' } });
      }
      const envelope = await opts.core.dispatch(op, input, req.headers['x-storemind-session']);
      return send(res, 200, envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Method not allowed.' } });
    if (url === '/storemind-bridge.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(BRIDGE);
    }
    if (url === '/healthz') return send(res, 200, { ok: true });
    const file = readStatic(opts.rendererDir, url);
    if (file.status !== 200) {
      if (file.status === 404 && url === '/') {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('The UI is not built yet: run `npm run build:renderer`.');
      }
      res.writeHead(file.status, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end(file.message);
    }
    res.writeHead(200, { 'content-type': file.type, 'content-security-policy': CSP, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== '/events' || !allowed(req, { originRequired: true })) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const clients = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', () => {}); // the socket only pushes; calls go through POST /api
  });
  const unsubscribe = opts.core.onEvent((event, payload) => {
    const msg = JSON.stringify({ event, payload });
    for (const c of clients) c.send(msg);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new CoreError('BAD_INPUT', `Port ${opts.port} on ${host} is already in use: choose another with --port.`));
      else if (e.code === 'EACCES') reject(new CoreError('BAD_INPUT', `Not allowed to listen on port ${opts.port}.`));
      else reject(e);
    });
    server.listen(opts.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: async () => {
      unsubscribe();
      for (const c of clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
