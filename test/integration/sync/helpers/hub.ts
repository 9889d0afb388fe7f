// Runs: node (test helper). The store hub as a real child process (`storemind hub serve`), so a
// test can kill it with SIGKILL mid-relay and start it again on the same port and data; and the
// `storemind` CLI run as a process, the way a store engineer runs it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { spawnServer, type ServerProcess } from './server-process.ts';

const BIN = path.resolve(import.meta.dirname, '../../../../bin/storemind.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function storemind(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, STOREMIND_SYNC_INTERVAL_MS: '0', ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface HubProc extends ServerProcess {
  dataDir: string;
}

export async function spawnHub(dataDir: string, opts: { port?: number; linkIntervalSeconds?: number } = {}): Promise<HubProc> {
  const server = await spawnServer({
    what: 'hub',
    args: (port) => [BIN, 'hub', 'serve', '--port', String(port), '--data-dir', dataDir, '--link-interval-seconds', String(opts.linkIntervalSeconds ?? 1)],
    ready: /is serving http:\/\/127\.0\.0\.1:(\d+)/,
    port: opts.port,
  });
  return Object.assign(server, { dataDir });
}
