// Runs: main (Electron). Serves the built renderer from the custom app:// protocol with the same
// path-traversal guard as the browser host, and an empty /storemind-bridge.js (the preload already
// defined window.storemind, so the renderer's HTML is identical under both hosts).
import { protocol } from 'electron';
import { readStatic } from '../browser-host/static-files.ts';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function registerSchemesBeforeReady(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    if (url.host !== 'storemind') return new Response('Forbidden', { status: 403 });
    if (url.pathname === '/storemind-bridge.js') return new Response('', { headers: { 'content-type': 'text/javascript' } });
    const file = readStatic(rendererDir, url.pathname);
    if (file.status !== 200) return new Response(file.message, { status: file.status });
    return new Response(new Uint8Array(file.body), { headers: { 'content-type': file.type, 'content-security-policy': CSP } });
  });
}
