// Runs: node (test helper). A fault-injecting TCP proxy on 127.0.0.1 between a terminal and the
// platform. It reads each HTTP/1.1 request off the client connection (headers + Content-Length
// body), asks the test what to do with it, and then passes it on, drops the connection before
// forwarding, delays it, resets the connection after the response has started (the platform DID
// handle the request; the terminal never learns the answer), or sends it to the platform twice.
import net from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  /** Pass `bytes` of the answer on (default 12: part of the status line), then reset. */
  | { kind: 'reset-response'; bytes?: number }
  | { kind: 'duplicate' }
  /** Forward, then call the hook (e.g. kill the platform) before any answer can return. */
  | { kind: 'hook'; after: () => void };

export interface SeenRequest {
  method: string;
  path: string;
  /** 1-based count of requests seen by the proxy. */
  n: number;
  /** The request line and headers, as sent. */
  head: string;
}

export interface FaultProxy {
  port: number;
  url: string;
  decide: (req: SeenRequest) => Fault;
  log: Array<SeenRequest & { fault: Fault['kind'] }>;
  close(): Promise<void>;
}

function parseRequest(buf: Buffer): { length: number; method: string; path: string; head: string } | null {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = buf.subarray(0, end).toString('latin1');
  const [line, ...headers] = head.split('\r\n');
  const [method = '', path = ''] = (line ?? '').split(' ');
  let len = 0;
  for (const h of headers) {
    const m = /^content-length:\s*(\d+)$/i.exec(h);
    if (m) len = Number(m[1]);
    if (/^transfer-encoding:\s*chunked/i.test(h)) throw new Error('the fault proxy does not support chunked request bodies');
  }
  const total = end + 4 + len;
  return buf.length >= total ? { length: total, method, path, head } : null;
}

export async function startProxy(upstreamPort: () => number): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let n = 0;
  const proxy: FaultProxy = { port: 0, url: '', decide: () => ({ kind: 'pass' }), log: [], close: async () => {} };
  const server = net.createServer((client) => {
    sockets.add(client);
    let buf = Buffer.alloc(0);
    let upstream: net.Socket | null = null;
    let resetAfter = -1;
    let passed = 0;
    let busy = false;
    const kill = () => {
      client.destroy();
      upstream?.destroy();
    };
    const connectUpstream = () => {
      if (upstream && !upstream.destroyed) return upstream;
      const u = net.connect(upstreamPort(), '127.0.0.1');
      sockets.add(u);
      u.on('data', (d) => {
        if (resetAfter === -2) return; // being reset: nothing more gets through
        if (resetAfter >= 0 && passed + d.length >= resetAfter) {
          client.write(d.subarray(0, Math.max(0, resetAfter - passed)), () => kill());
          resetAfter = -2;
          return;
        }
        passed += d.length;
        client.write(d);
      });
      u.on('close', () => client.destroy());
      u.on('error', () => client.destroy());
      upstream = u;
      return u;
    };
    const handle = async (bytes: Buffer, req: SeenRequest) => {
      const fault = proxy.decide(req);
      proxy.log.push({ ...req, fault: fault.kind });
      if (fault.kind === 'drop') return kill();
      if (fault.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      if (client.destroyed) return;
      if (fault.kind === 'reset-response') {
        resetAfter = fault.bytes ?? 12;
        passed = 0;
      }
      if (fault.kind === 'duplicate') {
        const dup = net.connect(upstreamPort(), '127.0.0.1', () => dup.write(bytes));
        sockets.add(dup);
        dup.on('data', () => {});
        dup.on('error', () => {});
        dup.setTimeout(30_000, () => dup.destroy());
      }
      connectUpstream().write(bytes);
      if (fault.kind === 'hook') fault.after();
    };
    const pump = () => {
      if (busy) return;
      const r = parseRequest(buf);
      if (!r) return;
      const bytes = buf.subarray(0, r.length);
      buf = buf.subarray(r.length);
      busy = true;
      void handle(Buffer.from(bytes), { method: r.method, path: r.path, head: r.head, n: ++n }).finally(() => {
        busy = false;
        pump();
      });
    };
    client.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      pump();
    });
    client.on('error', () => upstream?.destroy());
    client.on('close', () => {
      sockets.delete(client);
      upstream?.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.port = (server.address() as net.AddressInfo).port;
  proxy.url = `http://127.0.0.1:${proxy.port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return proxy;
}
