// Runs: node (core). The terminal's HTTP client for the platform: signs each request (method,
// path, timestamp, sha256 of the body as sent) with the terminal key, corrects for a wrong local
// clock using the platform's time header, and turns every failure into a PlatformError that says
// whether retrying can help.
import crypto from 'node:crypto';
import { HEADER_SERVER_TIME, HEADER_SIGNATURE, HEADER_TERMINAL, HEADER_TIMESTAMP, signingString } from '../../../common/api/sync.ts';
import { sign, type TerminalKey } from './identity.ts';

export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export const isRetryable = (e: unknown) => e instanceof PlatformError && e.retryable;

export interface ClientOptions {
  server: string;
  terminalId?: string;
  key?: TerminalKey;
  /** platform clock − local clock, ms. */
  clockOffsetMs?: number;
  onClockOffset?: (ms: number) => void;
  timeoutMs?: number;
  now?: () => number;
}

export interface RequestOptions {
  body?: Buffer;
  gzip?: boolean;
  contentType?: string;
  headers?: Record<string, string>;
  signed?: boolean;
  /** Receives a 2xx body chunk by chunk as it arrives (a download that breaks keeps what came). */
  sink?: (chunk: Uint8Array) => void;
  /** Ends the request early (a live stream being closed). */
  signal?: AbortSignal;
}

export interface PlatformResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export class PlatformClient {
  clockOffsetMs: number;
  private readonly now: () => number;
  private lastTimestamp = 0;
  constructor(readonly o: ClientOptions) {
    this.clockOffsetMs = o.clockOffsetMs ?? 0;
    this.now = o.now ?? Date.now;
  }

  /** Local clock corrected to the platform's. */
  platformNow(): number {
    return this.now() + this.clockOffsetMs;
  }

  private learnClock(res: Response, sentAt: number, receivedAt: number): number | null {
    const server = Number(res.headers.get(HEADER_SERVER_TIME));
    if (!Number.isFinite(server) || server <= 0) return null;
    const offset = Math.round(server - (sentAt + receivedAt) / 2);
    // Only move on a real difference: a jittery offset would change every signature's timestamp.
    if (Math.abs(offset - this.clockOffsetMs) > 1000) {
      this.clockOffsetMs = offset;
      // Timestamps now follow the corrected clock, even when it moved back (a clock that ran ahead).
      this.lastTimestamp = 0;
      this.o.onClockOffset?.(offset);
    }
    return offset;
  }

  async request(method: string, pathAndQuery: string, opts: RequestOptions = {}, skewRetry = true): Promise<PlatformResponse> {
    const body = opts.body;
    const headers: Record<string, string> = { ...opts.headers };
    if (body) {
      headers['content-type'] = opts.contentType ?? 'application/json';
      if (opts.gzip) headers['content-encoding'] = 'gzip';
    }
    if (opts.signed ?? true) {
      if (!this.o.key || !this.o.terminalId) throw new PlatformError(0, 'NOT_ENROLLED', 'This terminal is not enrolled with a platform.', false);
      // Strictly increasing per client, so two requests never share a signature (the platform
      // accepts each signature once).
      const ts = Math.max(Math.round(this.platformNow()), this.lastTimestamp + 1);
      this.lastTimestamp = ts;
      const hash = crypto.createHash('sha256').update(body ?? Buffer.alloc(0)).digest('hex');
      headers[HEADER_TERMINAL] = this.o.terminalId;
      headers[HEADER_TIMESTAMP] = String(ts);
      headers[HEADER_SIGNATURE] = sign(this.o.key, signingString(method, pathAndQuery, ts, hash));
    }
    const sentAt = this.now();
    let res: Response;
    let data: Buffer;
    try {
      res = await fetch(new URL(pathAndQuery, this.o.server), {
        method,
        headers,
        body: body ? new Uint8Array(body) : undefined,
        signal: opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(this.o.timeoutMs ?? 30_000)]) : AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
      });
      if (opts.sink && res.ok && res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          opts.sink(value);
        }
        data = Buffer.alloc(0);
      } else data = Buffer.from(await res.arrayBuffer());
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const why = err.name === 'TimeoutError' ? 'timed out' : (err.cause?.code ?? err.message);
      throw new PlatformError(0, 'UNREACHABLE', `Cannot reach the platform at ${this.o.server}: ${why}`, true);
    }
    this.learnClock(res, sentAt, this.now());
    if (res.status >= 400) {
      let code = `HTTP_${res.status}`;
      let message = data.toString('utf8').slice(0, 300);
      try {
        const j = JSON.parse(data.toString('utf8')) as { code?: string; message?: string };
        code = j.code ?? code;
        message = j.message ?? message;
      } catch {
        // not JSON: keep the text
      }
      // The signature's timestamp was judged by the platform's clock, which we now know: sign again.
      // REPLAYED: a copy of this very request got there first (a duplicating network); the
      // request itself is sound and the platform's writes are idempotent, so sign it again, once.
      if ((code === 'CLOCK_SKEW' || code === 'REPLAYED') && skewRetry) return this.request(method, pathAndQuery, opts, false);
      const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
      throw new PlatformError(res.status, code, message, retryable);
    }
    return { status: res.status, headers: res.headers, body: data };
  }

  async json<T>(method: string, pathAndQuery: string, opts: RequestOptions = {}): Promise<T> {
    const r = await this.request(method, pathAndQuery, opts);
    try {
      return JSON.parse(r.body.toString('utf8')) as T;
    } catch {
      throw new PlatformError(r.status, 'BAD_RESPONSE', 'The platform answered with something that is not JSON.', true);
    }
  }
}
