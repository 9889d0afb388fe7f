// Runs: node (test helper). A terminal of a store with a hub: an in-process core with its own
// SQLite file, enrolled with the hub by a join code from the `storemind hub` CLI, syncing live (a
// poll only once a minute, so what arrives within a test's waits came by the hub's push).
import path from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/core.ts';
import { enroll } from '../../../../electron/core/sync/enroll.ts';
import { startLiveSync, syncOptions } from '../../../../electron/core/sync/index.ts';
import { storemind, type HubProc } from './hub.ts';

export interface Lane {
  name: string;
  core: Core;
  dir: string;
  stop(): void;
  call(op: string, input: unknown, token?: string | null): Promise<any>;
  signIn(pin: string, surface?: 'pos' | 'admin'): Promise<string>;
}

export async function hubJoinCode(hub: HubProc): Promise<string> {
  const r = await storemind(['hub', 'join-code', '--json', '--data-dir', hub.dataDir]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { code: string }).code;
}

export async function startLane(root: string, name: string, hub: HubProc): Promise<Lane> {
  const dir = path.join(root, name);
  const core = createCore({ dataDir: dir, loadModels: false, encrypt: false });
  await enroll(core.db, dir, { server: hub.url, code: await hubJoinCode(hub), name });
  const sync = startLiveSync({ ...syncOptions(core.services), models: undefined, intervalMs: 60_000, firstDelayMs: 0, retry: { attempts: 3, baseMs: 50, capMs: 500 }, log: () => {} });
  const call = (op: string, input: unknown, token: string | null = null) => core.dispatch(op, input, token) as Promise<any>;
  return {
    name, core, dir, stop: () => sync.stop(), call,
    async signIn(pin, surface = 'pos') {
      const r = await call('auth.signIn', { pin, surface });
      if (!r.ok) throw new Error(`${name}: sign-in with ${pin} failed: ${r.error.code}`);
      return r.data.token as string;
    },
  };
}
