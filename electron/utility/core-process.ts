// Runs: node (Electron utility process). Hosts the core off the main thread: receives
// {id, op, input, session} from the main process and answers with the dispatch envelope.
import { createCore } from '../core/core.ts';

interface ParentPort {
  on(event: 'message', listener: (e: { data: { id: number; op: unknown; input: unknown; session: unknown } }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort;
const i = process.argv.indexOf('--data-dir');
const dataDir = i >= 0 ? process.argv[i + 1] : undefined;
if (!dataDir) throw new Error('core-process needs --data-dir');

const keyHex = process.env.STOREMIND_DB_KEY;
delete process.env.STOREMIND_DB_KEY;
const core = createCore({ dataDir, ...(keyHex && /^[0-9a-f]{64}$/.test(keyHex) ? { dbKey: Buffer.from(keyHex, 'hex') } : {}) });
core.onEvent((event, payload) => parentPort.postMessage({ event, payload }));
parentPort.on('message', ({ data }) => {
  void core.dispatch(data.op, data.input, data.session).then((envelope) => parentPort.postMessage({ id: data.id, envelope }));
});
