// Runs: node (central platform and store hub). Live push: terminals hold one server-sent-events
// stream open (GET /v1/live) and are told "there are new changes" the moment a store's change log
// grows, so a help ticket opened at a kiosk reaches the tills in well under a second. The event
// carries no data: the terminal then runs its ordinary signed sync pass, so there is still one
// mechanism and the polling loop remains the fallback. A stream ends after maxStreamMs and the
// terminal reconnects with a fresh signature, so a half-dead connection cannot linger.
import type { FastifyReply } from 'fastify';

export interface LiveHub {
  /** Tells every open stream of the store that its change log grew. */
  poke(storeId: string): void;
  /** Serves one stream on a hijacked reply until the client leaves or maxStreamMs passes. */
  serve(storeId: string, reply: FastifyReply): void;
  /** Open streams, for status screens and tests. */
  count(storeId?: string): number;
  close(): void;
}

export function createLiveHub(opts: { heartbeatMs?: number; maxStreamMs?: number } = {}): LiveHub {
  const heartbeat = opts.heartbeatMs ?? 15_000;
  const maxStream = opts.maxStreamMs ?? 50_000;
  const streams = new Map<string, Set<(msg: string) => void>>();
  const closers = new Set<() => void>();
  return {
    poke(storeId) {
      for (const send of streams.get(storeId) ?? []) send('event: changes\ndata: {}\n\n');
    },
    serve(storeId, reply) {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      const send = (msg: string) => {
        if (!res.writableEnded) res.write(msg);
      };
      const set = streams.get(storeId) ?? new Set();
      streams.set(storeId, set);
      set.add(send);
      // The first event makes the terminal sync at once: it may have missed pokes while away.
      send('retry: 1000\nevent: changes\ndata: {}\n\n');
      const beat = setInterval(() => send(': heartbeat\n\n'), heartbeat);
      const end = () => {
        clearInterval(beat);
        clearTimeout(timer);
        set.delete(send);
        if (!set.size) streams.delete(storeId);
        closers.delete(end);
        if (!res.writableEnded) res.end();
      };
      const timer = setTimeout(end, maxStream);
      closers.add(end);
      res.on('close', end);
    },
    count(storeId) {
      if (storeId) return streams.get(storeId)?.size ?? 0;
      let n = 0;
      for (const s of streams.values()) n += s.size;
      return n;
    },
    close() {
      for (const end of [...closers]) end();
    },
  };
}
