// Runs: node (CLI). `storemind serve` right after `npm ci` has no built UI yet: a development
// install builds it once, on first need, instead of answering 503 (a packaged app ships it built).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds renderer/dist when it is missing and Vite is installed; returns why not when it cannot.
 * STOREMIND_UI_BUILD=0 leaves it missing (the API still answers; the page says how to build it).
 */
export function ensureUiBuilt(root: string, log: (line: string) => void = console.log): string | null {
  if (fs.existsSync(path.join(root, 'renderer', 'dist', 'index.html')) || process.env.STOREMIND_UI_BUILD === '0') return null;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) return 'The UI is not built and Vite is not installed: run `npm ci`, then `npm run build:renderer`.';
  log('Building the UI once (renderer/dist, about 20 s)…');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0 ? null : `Building the UI failed (vite exited ${r.status ?? r.signal}): run \`npm run build:renderer\` to see why.`;
}
