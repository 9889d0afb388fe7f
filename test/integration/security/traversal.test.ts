// Path traversal against both ways the UI is served: the browser host over real HTTP, and the
// resolver the Electron app:// protocol uses (readStatic/safeResolve on the URL's pathname, as
// electron/main/app-protocol.ts parses it). Paths are built from the pieces that have broken
// static servers before: dot segments in every encoding, backslashes, NULs, doubled slashes.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatic, safeResolve } from '../../../electron/browser-host/static-files.ts';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server.ts';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir('storemind-trav-');
const root = path.join(dir, 'renderer');
const SECRET = 'TOP-SECRET-CONTENT';

const segments = [
  '..', '.', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '..%2f', '..%5c', '%2f', '%5c', '\\', '/', '//', '%00', '%c0%ae%c0%ae', '..%c0%af',
  'secret.txt', 'renderer-sibling', 'index.html', 'assets', 'etc', 'passwd', '%2fetc%2fpasswd', 'C:', 'file:', '?', '#', '..;', '%3f', '%23', '~',
];
const pathArb = fc.array(fc.constantFrom(...segments), { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join('/')}`);
const glued = fc.array(fc.constantFrom(...segments), { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join('')}`);

beforeAll(() => {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ok</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  // A sibling whose name starts with the root's name: a naive startsWith(root) check lets it through.
  fs.mkdirSync(path.join(dir, 'renderer-sibling'));
  fs.writeFileSync(path.join(dir, 'renderer-sibling', 'secret.txt'), SECRET);
});

function inside(resolved: string | null): boolean {
  return resolved === null || resolved.startsWith(path.resolve(root) + path.sep);
}

describe('static resolver (browser host and app:// protocol)', () => {
  it('never resolves outside the renderer folder, whatever the path', () => {
    fc.assert(
      fc.property(fc.oneof(pathArb, glued, fc.string(), fc.string({ unit: 'binary' })), (p) => {
        expect(inside(safeResolve(root, p)), p).toBe(true);
        const r = readStatic(root, p);
        if (r.status === 200) expect(r.body.toString(), p).not.toContain(SECRET);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('the app:// protocol handler\'s parsing (new URL(...).pathname) cannot reach outside either', () => {
    fc.assert(
      fc.property(fc.oneof(pathArb, glued), (p) => {
        let url: URL;
        try {
          url = new URL(`app://storemind${p}`);
        } catch {
          return; // Electron never calls the handler with a URL it cannot parse
        }
        if (url.host !== 'storemind') return; // the handler answers 403 for any other host
        const r = readStatic(root, url.pathname);
        if (r.status === 200) expect(r.body.toString(), p).not.toContain(SECRET);
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('still serves the real files', () => {
    expect(readStatic(root, '/').status).toBe(200);
    expect(readStatic(root, '/assets/app.js').status).toBe(200);
    expect(readStatic(root, '/assets/./app.js').status).toBe(200);
  });
});

describe('browser host over HTTP', () => {
  let core: Core;
  let host: BrowserHost;
  beforeAll(async () => {
    core = createCore({ dataDir: path.join(dir, 'data'), loadModels: false, seedDemo: false });
    host = await startBrowserHost({ core, port: 0, rendererDir: root });
  });
  afterAll(async () => {
    await host.close();
    core.close();
  });

  function raw(p: string): Promise<{ status: number; body: string } | null> {
    return new Promise((resolve) => {
      let req: http.ClientRequest;
      try {
        req = http.request({ host: '127.0.0.1', port: host.port, path: p }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
      } catch {
        resolve(null); // the client itself refuses to send it (e.g. a raw space)
        return;
      }
      req.on('error', () => resolve(null));
      req.end();
    });
  }

  it('never answers a traversal path with a file from outside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(pathArb, glued), async (p) => {
        const r = await raw(p);
        if (r) expect(r.body, p).not.toContain(SECRET);
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});
