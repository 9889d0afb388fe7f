// Runs: node (vitest). The terminal's live link against a real HTTP server on 127.0.0.1 that sends
// what a broken or hostile server might: other events, half events, junk and an oversized line.
// Only a whole "changes" event triggers a sync; nothing else does, and nothing throws.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newKey } from '../../../electron/core/sync/identity.ts';
import { PlatformClient } from '../../../electron/core/sync/http.ts';
import { startLiveLink } from '../../../electron/core/sync/live.ts';

let server: http.Server;
let url: string;
let write: (s: string) => void = () => {};
let opened: () => void = () => {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    write = (s) => res.write(s);
    res.flushHeaders();
    opened();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => {
  server.closeAllConnections();
  server.close(() => r());
}));

describe('live link', () => {
  it('acts on whole "changes" events only, and shrugs off junk', async () => {
    const onChanges = vi.fn();
    const streamOpen = new Promise<void>((r) => (opened = r));
    const key = newKey();
    const link = startLiveLink({ client: () => new PlatformClient({ server: url, terminalId: '00000000-0000-4000-8000-000000000001', key }), onChanges, log: () => {} });
    try {
      await streamOpen;
      write('event: other\ndata: {}\n\n');
      write('data: no event name\n\n');
      write('event: changes'); // half an event: nothing yet
      write('\u0000\u00ff junk without an end');
      write('x'.repeat(70 * 1024)); // past the 64 KB buffer: dropped
      await new Promise((r) => setTimeout(r, 200));
      expect(onChanges).not.toHaveBeenCalled();
      write('\n\nevent: changes\ndata: {}\n\n');
      await vi.waitFor(() => expect(onChanges).toHaveBeenCalledTimes(1));
      expect(link.connected()).toBe(true);
    } finally {
      link.stop();
    }
  });
});
