// Runs: node (test helper). The store hub as a real child process (`storemind hub serve`), so a
// test can kill it with SIGKILL mid-relay and start it again on the same port and data; and the
// `storemind` CLI run as a process, the way a store engineer runs it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

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

export interface HubProc {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

export async function spawnHub(dataDir: string, opts: { port?: number; linkIntervalSeconds?: number } = {}): Promise<HubProc> {
  // Port 0 at first start (the hub picks a free one and prints it: no window for another process to
  // take a port we picked); a restart comes back on the same port, where its terminals look for it.
  let port = opts.port ?? 0;
  let out = '';
  const start = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [BIN, 'hub', 'serve', '--port', String(port), '--data-dir', dataDir, '--link-interval-seconds', String(opts.linkIntervalSeconds ?? 1)], {
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += String(d);
        const m = /is serving http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          port = Number(m[1]);
          resolve();
        }
      });
      child.stderr!.on('data', (d: Buffer) => (out += String(d)));
      child.once('exit', (code) => reject(new Error(`hub exited with ${code} before serving:\n${out}`)));
    });
    return child;
  };
  const proc = await start();
  const h: HubProc = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    proc,
    output: () => out,
    async kill(signal = 'SIGKILL') {
      if (h.proc.exitCode !== null || h.proc.signalCode !== null) return;
      const done = new Promise((r) => h.proc.once('exit', r));
      h.proc.kill(signal);
      const hard = setTimeout(() => h.proc.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(hard);
    },
    async restart() {
      await h.kill('SIGKILL');
      out = '';
      h.proc = await start();
    },
  };
  return h;
}
