// Runs: node (test helper). A StoreMind server as a real child process (the platform, a store hub,
// a terminal's browser host): started on port 0 so it picks a free port itself and prints it
// (a port picked here could be taken before the child listens), killed with any signal, and
// restarted on the same port, where its clients look for it.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

export interface ServerSpec {
  /** What it is, for error messages. */
  what: string;
  /** node's arguments for a given port (0 at the first start). */
  args(port: number): string[];
  env?: NodeJS.ProcessEnv;
  /** Matches the line the server prints once it listens; group 1 is the port. */
  ready: RegExp;
  port?: number;
}

export async function spawnServer(spec: ServerSpec): Promise<ServerProcess> {
  let port = spec.port ?? 0;
  let out = '';
  const start = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, spec.args(port), { env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += String(d);
        const m = spec.ready.exec(out);
        if (m) {
          port = Number(m[1]);
          resolve();
        }
      });
      child.stderr!.on('data', (d: Buffer) => (out += String(d)));
      child.once('exit', (code) => reject(new Error(`${spec.what} exited with ${code} before listening:\n${out}`)));
    });
    return child;
  };
  const proc = await start();
  const s: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    proc,
    output: () => out,
    async kill(signal = 'SIGKILL') {
      if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
      const done = new Promise((r) => s.proc.once('exit', r));
      s.proc.kill(signal);
      const hard = setTimeout(() => s.proc.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(hard);
    },
    async restart() {
      await s.kill('SIGKILL');
      out = '';
      s.proc = await start();
    },
  };
  return s;
}
