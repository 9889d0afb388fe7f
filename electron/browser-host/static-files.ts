// Runs: node (browser host). Serves the built renderer. Every path is resolved inside the root and
// refused if it escapes it (path traversal), including encoded and backslash forms.
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type StaticResult = { status: 200; body: Buffer; type: string } | { status: 400 | 403 | 404; message: string };

/** Resolves a URL path to a file strictly inside root; null when it would escape or is malformed. */
export function safeResolve(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, rel);
  const rootWithSep = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

export function readStatic(root: string, urlPath: string): StaticResult {
  const file = safeResolve(root, urlPath);
  if (!file) return { status: 403, message: 'Forbidden path.' };
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { status: 404, message: 'Not found.' };
    return { status: 200, body: fs.readFileSync(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return { status: 404, message: 'Not found.' };
  }
}
