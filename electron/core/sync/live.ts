// Runs: node (core). The terminal's end of the live push: one signed server-sent-events stream to
// whoever it syncs with (the store hub, or the platform). Each "changes" event triggers a sync
// pass, so a ticket, a sale's stock movement or a staff change from another terminal arrives in
// well under a second; the stream itself carries no data. The stream is reopened when the server
// ends it (about once a minute) or the LAN drops, with backoff; the polling loop covers the gaps.
import type { PlatformClient} from './http.ts';
import { PlatformError } from './http.ts';
import { backoffDelay } from './retry.ts';

export interface LiveLink {
  stop(): void;
  connected(): boolean;
}

export function startLiveLink(o: { client: () => PlatformClient; onChanges: () => void; log?: (m: string) => void }): LiveLink {
  let stopped = false;
  let connected = false;
  const abort = new AbortController();
  const wait = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref();
    abort.signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
  void (async () => {
    let failures = 0;
    const decoder = new TextDecoder();
    while (!stopped) {
      let buffered = '';
      try {
        await o.client().request('GET', '/v1/live', {
          signal: abort.signal,
          sink: (chunk) => {
            connected = true;
            failures = 0;
            buffered += decoder.decode(chunk, { stream: true });
            // Events end with a blank line; only whole events count.
            let end: number;
            while ((end = buffered.indexOf('\n\n')) >= 0) {
              const event = buffered.slice(0, end);
              buffered = buffered.slice(end + 2);
              if (/^event: changes$/m.test(event)) o.onChanges();
            }
            if (buffered.length > 64 * 1024) buffered = ''; // not an event stream; drop it
          },
        });
      } catch (e) {
        if (stopped) break;
        failures++;
        // A server without live push, or one that refuses this terminal: the polling loop carries on.
        if (e instanceof PlatformError && !e.retryable && e.status !== 0) failures = Math.max(failures, 8);
        if (failures === 1 || failures % 10 === 0) o.log?.(`live link: ${(e as Error).message}`);
      }
      connected = false;
      if (!stopped) await wait(failures ? backoffDelay(failures, 500, 30_000) : 100);
    }
  })();
  return {
    stop() {
      stopped = true;
      abort.abort();
    },
    connected: () => connected,
  };
}
