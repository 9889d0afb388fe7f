// Runs: node (Playwright tests). A terminal of a spec's own: a fresh data folder seeded by a fixture
// script through the real core (it prints one JSON line about what it seeded), then served by
// `storemind serve` on a free port. Close removes the folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, type ServerProcess } from '../integration/sync/helpers/server-process.ts';

const repo = path.resolve(import.meta.dirname, '../..');

export async function seededTerminal<T>(fixture: string, fixtureArgs: string[] = []): Promise<{ host: ServerProcess; seeded: T; close: () => Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-e2e-'));
  const dir = path.join(root, 'terminal');
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures', fixture), dir, ...fixtureArgs], { cwd: repo, encoding: 'utf8' });
  const seeded = JSON.parse(out.trim().split('\n').pop()!) as T;
  const host = await spawnServer({ what: fixture, args: (port) => [path.join(repo, 'bin/storemind.mjs'), 'serve', '--port', String(port), '--data-dir', dir], ready: /is serving http:\/\/127\.0\.0\.1:(\d+)/ });
  return {
    host,
    seeded,
    close: async () => {
      await host.kill('SIGTERM');
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
