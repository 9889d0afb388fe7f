// Runs: node (CLI). `storemind hub …` — the store hub: enroll it with the central platform, serve
// the store's terminals on the LAN, hand out a terminal's join code, show its link.
import { AdminApiError, AdminClient } from '../../central/admin-client.ts';
import { HubError, enrollHub, hubJoinCode, hubJoinUrl, readUpstream, startHub } from '../../central/hub.ts';
import { CentralDbError } from '../../central/db.ts';
import { loadAdminToken } from '../../central/keys.ts';
import { CoreError } from '../core/db/errors.ts';
import { intOption, parse } from './args.ts';
import type { Command, GlobalOptions } from './registry.ts';

const USAGE = 'hub serve --port P --data-dir D [--host ADDR] | hub enroll --server CENTRAL_URL --code CODE --data-dir D | hub join-code --data-dir D [--json] | hub status --data-dir D [--json]';

async function serve(argv: string[], g: GlobalOptions): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' }, 'link-interval-seconds': { type: 'string' } }, false);
  const port = values.port === undefined ? 4600 : intOption(values.port, 'port', 0, 65535);
  const linkIntervalMs = values['link-interval-seconds'] === undefined ? undefined : intOption(values['link-interval-seconds'], 'link-interval-seconds', 1, 3600) * 1000;
  const host = values.host ?? '127.0.0.1';
  const hub = await startHub({ dataDir: g.dataDir, port, host, linkIntervalMs }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new HubError('PORT_IN_USE', `Port ${port} on ${host} is in use by another program: choose another with --port.`);
    throw e;
  });
  console.log(g.json ? JSON.stringify({ url: hub.url, storeId: hub.storeId, pid: process.pid }) : `Store hub for store ${hub.storeId} is serving ${hub.url} (data: ${g.dataDir}).`);
  const stop = () => void hub.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

async function enroll(argv: string[], g: GlobalOptions): Promise<number> {
  const { values } = parse(argv, { server: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } }, false);
  if (!values.server) throw new CoreError('BAD_INPUT', '--server is required (the central platform\'s URL).');
  if (!values.code) throw new CoreError('BAD_INPUT', '--code is required (from `storemind-central enroll-code --store S`).');
  const up = await enrollHub({ dataDir: g.dataDir, server: values.server, code: values.code, name: values.name });
  console.log(g.json ? JSON.stringify(up) : `This hub is enrolled for store ${up.storeId} at ${up.server} (hub ${up.terminalId}).`);
  return 0;
}

async function joinCode(argv: string[], g: GlobalOptions): Promise<number> {
  const { values } = parse(argv, { 'ttl-minutes': { type: 'string' } }, false);
  const ttl = values['ttl-minutes'] === undefined ? undefined : intOption(values['ttl-minutes'], 'ttl-minutes', 1, 60 * 24 * 30);
  const r = await hubJoinCode({ dataDir: g.dataDir, ttlMinutes: ttl });
  console.log(g.json ? JSON.stringify(r) : `Join code ${r.code} for store ${r.store} (until ${r.expiresAt}): storemind enroll --server ${r.server} --code ${r.code}`);
  return 0;
}

async function status(_argv: string[], g: GlobalOptions): Promise<number> {
  const up = readUpstream(g.dataDir);
  if (!up) throw new HubError('NOT_ENROLLED', 'This hub is not enrolled; run `storemind hub enroll` first.');
  const url = hubJoinUrl(g.dataDir);
  const s = await new AdminClient(url, loadAdminToken(g.dataDir, {}).token).call<Record<string, unknown>>('GET', '/v1/admin/hub');
  console.log(JSON.stringify(s, null, g.json ? 0 : 2));
  return 0;
}

export const hub: Command = {
  name: 'hub',
  summary: 'The store hub on the LAN: hub serve | enroll | join-code | status',
  usage: USAGE,
  async run(argv, g) {
    const [sub, ...rest] = argv;
    const fn = { serve, enroll, 'join-code': joinCode, status }[sub ?? ''];
    if (!fn) throw new CoreError('BAD_INPUT', `Usage: storemind ${USAGE}`);
    try {
      return await fn(rest, g);
    } catch (e) {
      if (e instanceof HubError || e instanceof AdminApiError || e instanceof CentralDbError) {
        console.error(`storemind hub: ${e.message}${e.message.includes(`(${e.code})`) ? '' : ` (${e.code})`}`);
        return 1;
      }
      throw e;
    }
  },
};
