// Runs: node (test helper). Runs the central platform as a real child process
// (bin/storemind-central.mjs serve), so tests can kill it mid-batch and start it again on the
// same port and data. Backend: embedded PGlite, or a PostgreSQL database URL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { AdminClient } from '../../../../central/admin-client.ts';

const BIN = path.resolve(import.meta.dirname, '../../../../bin/storemind-central.mjs');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface PlatformProc {
  url: string;
  port: number;
  admin: AdminClient;
  proc: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

export interface PlatformSpec {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
}

export async function spawnPlatform(spec: PlatformSpec): Promise<PlatformProc> {
  // Port 0 at first start (the platform picks a free port and prints it); a restart reuses it.
  let port = spec.port ?? 0;
  let out = '';
  const start = async (): Promise<ChildProcess> => {
    const args = [BIN, 'serve', '--port', String(port), '--data-dir', spec.dataDir, '--log-level', 'warn'];
    if (spec.databaseUrl) args.push('--database-url', spec.databaseUrl);
    const child = spawn(process.execPath, args, {
      env: { ...process.env, STOREMIND_CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += String(d);
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          port = Number(m[1]);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d) => (out += String(d)));
      child.once('exit', (code) => reject(new Error(`platform exited with ${code} before listening:\n${out}`)));
    });
    return child;
  };
  const proc = await start();
  const p: PlatformProc = {
    url: `http://127.0.0.1:${port}`,
    port,
    admin: new AdminClient(`http://127.0.0.1:${port}`, ADMIN_TOKEN),
    proc,
    output: () => out,
    async kill(signal = 'SIGKILL') {
      if (p.proc.exitCode !== null || p.proc.signalCode !== null) return;
      const done = new Promise((r) => p.proc.once('exit', r));
      p.proc.kill(signal);
      const hard = setTimeout(() => p.proc.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(hard);
    },
    async restart() {
      await p.kill('SIGKILL');
      p.proc = await start();
    },
  };
  return p;
}
