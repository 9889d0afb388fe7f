// Runs: node (core). A network receipt printer on 127.0.0.1 for tests, the bench and the receipt
// preview: a real TCP server that reads ESC/POS like a printer on port 9100, answers the real-time
// status requests (DLE EOT) the transport sends, and decodes each connection's bytes into a job
// (escpos-decode.ts). Its modes play the ways a real printer fails: one that takes the connection
// and never reads, one that drops it halfway through a receipt, and one that is out of paper.
import net from 'node:net';
import { commandSpan, decodeEscPos, onlyStatusRequests, type DecodedJob } from './escpos-decode.ts';

export type LoopbackMode = 'ok' | 'never-read' | 'reset-after' | 'paper-out';

export interface LoopbackOptions {
  mode?: LoopbackMode;
  /** 'reset-after': bytes read before the connection is reset (default 64). */
  resetAfterBytes?: number;
  /** 0 or absent: any free port. */
  port?: number;
  /** Columns of the paper, for reading alignment back (default 48). */
  columns?: number;
}

export interface LoopbackJob extends DecodedJob {
  /** Every byte the connection carried, status requests included. */
  raw: Uint8Array;
}

export interface LoopbackPrinter {
  /** tcp://127.0.0.1:PORT, as a printer URL in the settings. */
  url: string;
  port: number;
  /** Jobs in the order their connections ended. */
  jobs: LoopbackJob[];
  /** Resolves once `n` jobs have come in (all of them so far); rejects after `timeoutMs`. */
  waitForJobs(n: number, timeoutMs?: number): Promise<LoopbackJob[]>;
  /** Applies to connections made after the call. */
  setMode(mode: LoopbackMode): void;
  /** Connections accepted so far, in every mode. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Real-time status replies (Epson): bits 1 and 4 are always set, so 0x12 is "all clear". */
const STATUS_OK = 0x12;
/** DLE EOT 4, roll paper sensor, bits 5 and 6: paper end. */
const STATUS_PAPER_END = 0x72;

/**
 * 'paper-out' only changes the paper sensor (n=4): the printer status (n=1) still reads online, so a
 * job sent anyway (a drawer kick, which needs no paper) is taken and recorded. A real printer at
 * paper end also reports itself offline and holds buffered commands; this one does not play that.
 */
function statusReply(n: number, mode: LoopbackMode): number {
  return mode === 'paper-out' && n === 4 ? STATUS_PAPER_END : STATUS_OK;
}

export async function startLoopbackPrinter(opts: LoopbackOptions = {}): Promise<LoopbackPrinter> {
  let mode: LoopbackMode = opts.mode ?? 'ok';
  const resetAfter = opts.resetAfterBytes ?? 64;
  const jobs: LoopbackJob[] = [];
  const sockets = new Set<net.Socket>();
  const waiters: Array<() => void> = [];
  let connections = 0;

  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const connMode = mode;
    if (connMode === 'never-read') {
      // The printer took the connection and then hung: nothing is read, nothing answered.
      socket.pause();
      return;
    }
    const chunks: Buffer[] = [];
    let buf = new Uint8Array(0);
    let scanned = 0;
    let received = 0;
    let dead = false;
    socket.on('data', (d: Buffer) => {
      if (dead) return;
      received += d.length;
      if (connMode === 'reset-after' && received >= resetAfter) {
        // Keep what arrived up to the limit (for the record) and drop the connection with a reset.
        chunks.push(d.subarray(0, d.length - (received - resetAfter)));
        dead = true;
        socket.resetAndDestroy();
        return;
      }
      chunks.push(d);
      const next = new Uint8Array(buf.length + d.length);
      next.set(buf);
      next.set(d, buf.length);
      buf = next;
      // Answer status requests as they arrive, reading command by command so the bytes of an
      // image or a QR code are never taken for one.
      const replies: number[] = [];
      while (scanned < buf.length) {
        const span = commandSpan(buf, scanned);
        if (!span) break;
        if (buf[scanned] === 0x10 && buf[scanned + 1] === 0x04) replies.push(statusReply(buf[scanned + 2]!, connMode));
        scanned = span.end;
      }
      if (replies.length) socket.write(Buffer.from(replies));
    });
    socket.on('end', () => {
      if (dead) return;
      socket.end();
      const raw = new Uint8Array(Buffer.concat(chunks));
      // A connection that only asked for status (a paper check, a refused job) printed nothing.
      if (!raw.length || onlyStatusRequests(raw)) return;
      jobs.push({ ...decodeEscPos(raw, { columns: opts.columns }), raw });
      for (const w of waiters.splice(0)) w();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `tcp://127.0.0.1:${port}`,
    port,
    jobs,
    get connections() {
      return connections;
    },
    setMode(m) {
      mode = m;
    },
    waitForJobs(n, timeoutMs = 5000) {
      return new Promise<LoopbackJob[]>((resolve, reject) => {
        const check = () => {
          if (jobs.length < n) return false;
          clearTimeout(timer);
          resolve(jobs.slice());
          return true;
        };
        const timer = setTimeout(() => {
          const at = waiters.indexOf(wait);
          if (at >= 0) waiters.splice(at, 1);
          reject(new Error(`loopback printer: ${jobs.length} of ${n} jobs after ${timeoutMs} ms`));
        }, timeoutMs);
        const wait = () => {
          if (!check()) waiters.push(wait);
        };
        wait();
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
