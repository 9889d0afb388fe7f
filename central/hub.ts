// Runs: node (store hub). The store hub is a platform instance in hub mode: the same enrollment,
// exactly-once ingest, change log and model routes, over its own embedded database, serving one
// store's terminals on the LAN. It enrolls upstream as the store's 'hub' (files in its data folder:
// sync/terminal.key, upstream.json) and relays both ways through hub-link.ts. While serving it
// writes hub.json (its URL), which `storemind hub join-code` reads to ask it for a terminal's code.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EnrollResponse, enrollProofString } from '../common/api/sync.ts';
import { checkServerUrl, pendingKey } from '../electron/core/sync/enroll.ts';
import { PlatformClient, PlatformError, isRetryable } from '../electron/core/sync/http.ts';
import { keyFile, loadKey, saveKey, sign } from '../electron/core/sync/identity.ts';
import { withRetry } from '../electron/core/sync/retry.ts';
import { AdminClient } from './admin-client.ts';
import { lockDataDir } from './data-lock.ts';
import type { Upstream } from './hub-link.ts';
import { loadAdminToken } from './keys.ts';
import { startPlatform, type Platform } from './platform.ts';

const UpstreamFile = z.object({ server: z.string().url(), terminalId: z.string().uuid(), storeId: z.string().min(1).max(64), enrolledAt: z.string() });
const HubFile = z.object({ url: z.string().url(), pid: z.number().int() });

export class HubError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'HubError';
  }
}

const upstreamFile = (dataDir: string) => path.join(dataDir, 'upstream.json');
const hubFile = (dataDir: string) => path.join(dataDir, 'hub.json');

export function readUpstream(dataDir: string): Upstream | null {
  const file = upstreamFile(dataDir);
  if (!fs.existsSync(file)) return null;
  const r = UpstreamFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!r.success) throw new HubError('CORRUPT', `${file} is not a hub enrollment; enroll this hub again into a fresh --data-dir.`);
  return r.data;
}

/** Enrolls this hub with the central platform using a code from `storemind-central enroll-code --store S`. */
export async function enrollHub(o: { dataDir: string; server: string; code: string; name?: string }): Promise<Upstream> {
  const dataDir = path.resolve(o.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(dataDir);
  try {
    const existing = readUpstream(dataDir);
    if (existing) throw new HubError('CONFLICT', `This hub is already enrolled for store ${existing.storeId} at ${existing.server}.`);
    const server = checkServerUrl(o.server);
    const code = o.code.trim().toUpperCase();
    if (!/^[0-9A-Z-]{6,64}$/.test(code)) throw new HubError('BAD_INPUT', 'The enrollment code looks wrong: it is letters, digits and dashes.');
    const key = pendingKey(dataDir);
    const body = Buffer.from(JSON.stringify({ code, publicKey: key.publicKeyB64, proof: sign(key, enrollProofString(code, key.publicKeyB64)), name: o.name ?? 'store hub', kind: 'hub' }));
    let res: z.infer<typeof EnrollResponse>;
    try {
      res = EnrollResponse.parse(await withRetry(() => new PlatformClient({ server }).json('POST', '/v1/enroll', { body, signed: false }), { attempts: 5, baseMs: 200, capMs: 3000, retryable: isRetryable }));
    } catch (e) {
      if (e instanceof PlatformError) throw new HubError(e.code, `The platform refused this hub: ${e.message} (${e.code})`);
      throw e;
    }
    saveKey(dataDir, key);
    fs.rmSync(`${keyFile(dataDir)}.pending`, { force: true });
    const up = { server, terminalId: res.terminalId, storeId: res.storeId, enrolledAt: new Date().toISOString() };
    fs.writeFileSync(`${upstreamFile(dataDir)}.tmp`, JSON.stringify(up, null, 2));
    fs.renameSync(`${upstreamFile(dataDir)}.tmp`, upstreamFile(dataDir));
    return up;
  } finally {
    lock.release();
  }
}

export interface HubOptions {
  dataDir: string;
  port: number;
  host?: string;
  logLevel?: string;
  linkIntervalMs?: number;
}

export async function startHub(o: HubOptions): Promise<Platform & { storeId: string }> {
  const dataDir = path.resolve(o.dataDir);
  const upstream = readUpstream(dataDir);
  if (!upstream) throw new HubError('NOT_ENROLLED', `This hub is not enrolled; run \`storemind hub enroll --server CENTRAL_URL --code CODE --data-dir ${o.dataDir}\` first.`);
  const p = await startPlatform({
    dataDir, port: o.port, host: o.host, logLevel: o.logLevel ?? 'warn', jobs: false, initInChild: true,
    hub: { upstream, key: loadKey(dataDir), linkIntervalMs: o.linkIntervalMs },
  });
  fs.writeFileSync(hubFile(dataDir), JSON.stringify({ url: p.url, pid: process.pid }));
  return {
    ...p,
    storeId: upstream.storeId,
    async close() {
      fs.rmSync(hubFile(dataDir), { force: true });
      await p.close();
    },
  };
}

/** The running hub's URL, from the hub.json it writes while serving. */
export function hubJoinUrl(dataDir: string): string {
  const file = hubFile(path.resolve(dataDir));
  if (!fs.existsSync(file)) throw new HubError('NOT_RUNNING', 'The hub is not running; start it with `storemind hub serve` first.');
  return HubFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).url;
}

/** A one-time code for a terminal of this hub's store, asked of the running hub. */
export async function hubJoinCode(o: { dataDir: string; ttlMinutes?: number }): Promise<{ code: string; store: string; expiresAt: string; server: string }> {
  const dataDir = path.resolve(o.dataDir);
  const upstream = readUpstream(dataDir);
  if (!upstream) throw new HubError('NOT_ENROLLED', 'This hub is not enrolled; run `storemind hub enroll` first.');
  const url = hubJoinUrl(dataDir);
  const admin = loadAdminToken(dataDir, {});
  const r = await new AdminClient(url, admin.token).enrollCode(upstream.storeId, o.ttlMinutes);
  return { ...r, server: url };
}
