#!/usr/bin/env node
// Runs: node (dev launcher). `npm start`: the Electron app when its binary is installed; otherwise
// (Electron's binary cannot be downloaded on some build machines) one line saying so, then the
// browser host on 127.0.0.1, opening Chromium in app mode when a display and Chromium exist.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function electronBinary() {
  try {
    const p = require('electron'); // the package's main exports the binary path
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const electron = electronBinary();
if (electron) {
  run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  const child = spawn(electron, [path.join(root, 'out/main/index.js'), ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // `storemind serve` builds the UI itself the first time it is missing.
  console.log("Electron's binary is not installed here (it cannot be downloaded on this machine): starting the browser host instead.");
  const port = process.env.PORT ?? '4599';
  const host = spawn(process.execPath, [path.join(root, 'bin/storemind.mjs'), 'serve', '--port', port, ...passThrough], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const m = /serving (http:\/\/\S+)/.exec(String(chunk));
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
    if (m && chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
      spawn(chromium, [`--app=${m[1]}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], { stdio: 'ignore', detached: true }).unref();
    }
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}
