// Runs: node (core). Sends a job's bytes to the printer: a network printer on a raw TCP port
// (9100), a USB or serial device path, or a CUPS queue. Only the network path can tell "printed"
// from "written into a socket buffer": there, when the printer answers real-time status requests
// (DLE EOT), we ask about the paper before the job and ask again after it, and count the job as
// printed only when the second answer comes back, which a printer only sends once it has read
// everything before it. A printer that takes the connection and never reads therefore fails the
// job by timeout instead of swallowing the receipt.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export class PrinterError extends Error {
  constructor(message: string, readonly retry = true) {
    super(message);
  }
}

export interface SendOptions {
  /** Ask the printer for paper and status (DLE EOT); off for printers that do not answer. */
  statusCheck: boolean;
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
  /** Told when the first byte of the job itself is handed to the socket (the bench's figure). */
  onFirstByte?: () => void;
  /** False for a drawer kick: it prints nothing, so an empty roll must not keep the drawer shut. */
  requirePaper?: boolean;
}

const DLE_EOT_PAPER = Buffer.from([0x10, 0x04, 0x04]);
const DLE_EOT_PRINTER = Buffer.from([0x10, 0x04, 0x01]);
/** Roll paper sensor reply: bits 5 and 6 set = paper end. */
const PAPER_END = 0x60;

export function parsePrinterUrl(url: string): { kind: 'tcp'; host: string; port: number } | { kind: 'device'; path: string } | { kind: 'cups'; queue: string } {
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]+):(\d{1,5})$/.exec(url);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535) throw new PrinterError(`Printer port ${port} is out of range.`, false);
    return { kind: 'tcp', host: tcp[1]!, port };
  }
  if (url.startsWith('file:///')) return { kind: 'device', path: decodeURIComponent(url.slice('file://'.length)) };
  if (url.startsWith('/dev/')) return { kind: 'device', path: url };
  const cups = /^cups:\/\/([A-Za-z0-9_.-]+)$/.exec(url);
  if (cups) return { kind: 'cups', queue: cups[1]! };
  throw new PrinterError(`"${url}" is not a printer address: use tcp://HOST:PORT, a /dev/ path, file:///… or cups://QUEUE.`, false);
}

export async function sendToPrinter(url: string, bytes: Uint8Array, opts: SendOptions): Promise<void> {
  const target = parsePrinterUrl(url);
  if (target.kind === 'tcp') return sendTcp(target.host, target.port, bytes, opts);
  if (target.kind === 'device') return sendDevice(target.path, bytes, opts);
  return sendCups(target.queue, bytes);
}

function sendTcp(host: string, port: number, bytes: Uint8Array, opts: SendOptions): Promise<void> {
  const connectMs = opts.connectTimeoutMs ?? 3000;
  const replyMs = opts.replyTimeoutMs ?? 5000;
  return new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    let settled = false;
    let timer: NodeJS.Timeout | null = null;
    const replies: number[] = [];
    let waiting: ((b: number) => void) | null = null;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (err) socket.destroy();
      else socket.end();
      if (err) reject(err);
      else resolve();
    };
    const arm = (ms: number, why: string) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => finish(new PrinterError(why)), ms);
    };
    const reply = (ms: number, why: string) =>
      new Promise<number>((res) => {
        arm(ms, why);
        const take = replies.shift();
        if (take !== undefined) res(take);
        else waiting = res;
      });
    socket.on('data', (d: Buffer) => {
      for (const b of d) {
        if (waiting) {
          const w = waiting;
          waiting = null;
          w(b);
        } else replies.push(b);
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'ECONNREFUSED' ? 'the printer is off or unreachable (connection refused)'
        : e.code === 'ECONNRESET' || e.code === 'EPIPE' ? 'the printer dropped the connection in the middle of the receipt'
        : e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' ? 'the printer is not on the network'
        : `printer error: ${e.message}`;
      finish(new PrinterError(why));
    });
    socket.on('close', () => finish(new PrinterError('the printer closed the connection before the receipt was confirmed')));
    arm(connectMs, 'the printer did not answer the connection');
    socket.once('connect', () => {
      void (async () => {
        if (opts.statusCheck) {
          socket.write(DLE_EOT_PAPER);
          const paper = await reply(replyMs, 'the printer took the connection but does not answer (busy, jammed or not reading)');
          if (paper & PAPER_END && opts.requirePaper !== false) return finish(new PrinterError('the printer is out of paper'));
        }
        opts.onFirstByte?.();
        socket.write(bytes);
        if (!opts.statusCheck) {
          arm(replyMs, 'the printer did not take the receipt');
          socket.end(() => {
            if (timer) clearTimeout(timer);
            settled = true;
            resolve();
          });
          return;
        }
        socket.write(DLE_EOT_PRINTER);
        const status = await reply(replyMs + Math.ceil(bytes.length / 2000) * 100, 'the printer stopped reading in the middle of the receipt');
        // Bit 3 of the printer status: offline (cover open, paper end, error).
        if (status & 0x08 && opts.requirePaper !== false) return finish(new PrinterError('the printer went offline during the receipt (cover open, paper out or an error)'));
        finish();
      })();
    });
  });
}

async function sendDevice(file: string, bytes: Uint8Array, opts: SendOptions): Promise<void> {
  const ms = opts.replyTimeoutMs ?? 5000;
  let handle: fs.promises.FileHandle | null = null;
  const work = (async () => {
    try {
      handle = await fs.promises.open(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT);
    } catch (e) {
      throw new PrinterError(`cannot open the printer device ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    opts.onFirstByte?.();
    await handle.write(bytes);
    await handle.close();
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterError(`the printer device ${file} is not taking data`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sendCups(queue: string, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const lp = spawn('lp', ['-d', queue, '-o', 'raw', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    lp.stderr.on('data', (d: Buffer) => (err += d.toString()));
    lp.on('error', (e) => reject(new PrinterError(`cannot run lp for printer queue ${queue}: ${e.message}`)));
    lp.on('close', (code) => (code === 0 ? resolve() : reject(new PrinterError(`lp refused the job for ${queue}: ${err.trim() || `exit ${code}`}`))));
    lp.stdin.end(Buffer.from(bytes));
  });
}
