// Runs: main (Electron). Starts the core in an Electron utility process (so SQL and model
// inference never block the main thread) and forwards calls to it by id.
import { utilityProcess, type UtilityProcess } from 'electron';

type Pending = { resolve: (v: unknown) => void };

export function startCoreProcess(entry: string, dataDir: string, dbKey: Buffer | null, onEvent: (event: string, payload: unknown) => void) {
  // The key travels in the child's environment only (never on its command line, which other
  // users can read); the child removes it from its environment at start.
  const env = { ...process.env, ...(dbKey ? { STOREMIND_DB_KEY: dbKey.toString('hex') } : {}) };
  const child: UtilityProcess = utilityProcess.fork(entry, ['--data-dir', dataDir], { serviceName: 'StoreMind core', env });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  child.on('message', (msg: { id?: number; envelope?: unknown; event?: string; payload?: unknown }) => {
    if (typeof msg.id === 'number') {
      pending.get(msg.id)?.resolve(msg.envelope);
      pending.delete(msg.id);
    } else if (typeof msg.event === 'string') onEvent(msg.event, msg.payload);
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.resolve({ ok: false, error: { code: 'INTERNAL', message: `The StoreMind core stopped (exit ${code}).` } });
    pending.clear();
  });
  return {
    invoke(op: unknown, input: unknown, session: unknown): Promise<unknown> {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        child.postMessage({ id, op, input, session });
      });
    },
    stop: () => child.kill(),
  };
}
