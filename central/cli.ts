// Runs: node (central CLI). `storemind-central`: serve the platform, and the admin commands that
// talk to a running one (enrollment codes, stats, revocation, model releases, catalog changes).
// Failures print one clear line and exit non-zero.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AdminApiError, AdminClient } from './admin-client.ts';
import { CentralDbError } from './db.ts';
import { startPlatform } from './platform.ts';
import { packDir } from '../electron/core/sync/pack.ts';

class UsageError extends Error {}

const USAGE = `storemind-central — the StoreMind central platform.

Usage:
  storemind-central serve --port P --data-dir D [--database-url URL] [--host 127.0.0.1] [--no-jobs]
  storemind-central enroll-code --server URL --token T --store STORE [--ttl-minutes N] [--json]
  storemind-central stats --server URL --token T [--json]
  storemind-central revoke --server URL --token T --terminal ID [--json]
  storemind-central publish-model --server URL --token T --name N --version X.Y.Z --file BUNDLE_DIR|ARTIFACT [--rollout PCT] [--json]
  storemind-central rollout --server URL --token T --name N --version X.Y.Z --percent PCT [--json]
  storemind-central rollback --server URL --token T --name N --version X.Y.Z [--json]
  storemind-central publish-changes --server URL --token T --store STORE|'*' --file CHANGES.json [--json]

The admin token comes from STOREMIND_CENTRAL_ADMIN_TOKEN, or is generated on the first start,
stored in <data-dir>/admin-token (mode 0600) and printed once. --token may also come from that
variable. --database-url may also come from DATABASE_URL.`;

const common = { server: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } } as const;

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
}

function need(v: string | undefined, flag: string): string {
  if (!v) throw new UsageError(`--${flag} is required.`);
  return v;
}

function client(v: { server?: string; token?: string }): AdminClient {
  const server = need(v.server, 'server');
  if (!/^https?:\/\//.test(server)) throw new UsageError('--server must be an http(s) URL.');
  const token = v.token ?? process.env.STOREMIND_CENTRAL_ADMIN_TOKEN;
  return new AdminClient(server, need(token, 'token'));
}

function print(json: boolean | undefined, value: unknown, human: string): void {
  console.log(json ? JSON.stringify(value) : human);
}

async function serve(argv: string[]): Promise<number> {
  const v = parse(argv, { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, host: { type: 'string' }, 'no-jobs': { type: 'boolean' }, 'log-level': { type: 'string' } });
  const port = Number(need(v.port, 'port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a whole number from 0 to 65535.');
  const host = v.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new UsageError('This build of the platform listens on loopback only (--host 127.0.0.1).');
  const platform = await startPlatform({
    dataDir: need(v['data-dir'], 'data-dir'), databaseUrl: v['database-url'] ?? process.env.DATABASE_URL, port, host, jobs: !v['no-jobs'], initInChild: true, logLevel: v['log-level'] ?? process.env.STOREMIND_CENTRAL_LOG_LEVEL ?? 'info',
  });
  if (platform.admin.generated) {
    console.log(`Admin token (shown once; stored in ${platform.admin.file} with mode 0600): ${platform.admin.token}`);
  }
  console.log(`StoreMind central platform listening on ${platform.url} (database: ${platform.db.kind}; root key: ${platform.rootKeyFile})`);
  const stop = async () => {
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  serve,
  async 'enroll-code'(argv) {
    const v = parse(argv, { ...common, store: { type: 'string' }, 'ttl-minutes': { type: 'string' } });
    const ttl = v['ttl-minutes'] === undefined ? undefined : Number(v['ttl-minutes']);
    if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) throw new UsageError('--ttl-minutes must be a positive whole number.');
    const r = await client(v).enrollCode(need(v.store, 'store'), ttl);
    print(v.json, r, `Enrollment code for store ${r.store}: ${r.code} (one use, expires ${r.expiresAt})`);
    return 0;
  },
  async stats(argv) {
    const v = parse(argv, common);
    const s = await client(v).stats();
    print(v.json, s, `Terminals: ${s.terminals} (${s.revoked} revoked)\nRecords:   ${Object.entries(s.records).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}\nDuplicates ignored: ${s.duplicates}\nRejected: ${s.rejected}`);
    return 0;
  },
  async revoke(argv) {
    const v = parse(argv, { ...common, terminal: { type: 'string' } });
    const r = await client(v).revoke(need(v.terminal, 'terminal'));
    print(v.json, r, `Revoked terminal ${r.id} at ${r.revokedAt}.`);
    return 0;
  },
  async 'publish-model'(argv) {
    const v = parse(argv, { ...common, name: { type: 'string' }, version: { type: 'string' }, file: { type: 'string' }, rollout: { type: 'string' } });
    const file = need(v.file, 'file');
    if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist.`);
    // A bundle folder is packed into one artifact (electron/core/sync/pack.ts); a file is sent as it is.
    const bytes = fs.statSync(file).isDirectory() ? packDir(file) : fs.readFileSync(file);
    const r = await client(v).publishModel(need(v.name, 'name'), need(v.version, 'version'), bytes, v.rollout === undefined ? 100 : Number(v.rollout));
    print(v.json, r, `Published ${r.name} ${r.version} (${r.length} bytes, sha256 ${r.sha256}); targets metadata v${r.metadataVersion}.`);
    return 0;
  },
  async rollout(argv) {
    const v = parse(argv, { ...common, name: { type: 'string' }, version: { type: 'string' }, percent: { type: 'string' } });
    const r = await client(v).setRollout(need(v.name, 'name'), need(v.version, 'version'), Number(need(v.percent, 'percent')));
    print(v.json, r, `Rollout of ${v.name} ${v.version} set to ${v.percent}%.`);
    return 0;
  },
  async rollback(argv) {
    const v = parse(argv, { ...common, name: { type: 'string' }, version: { type: 'string' } });
    const r = await client(v).rollback(need(v.name, 'name'), need(v.version, 'version'));
    print(v.json, r, `Rolled back ${v.name} ${v.version}: terminals return to the previous version.`);
    return 0;
  },
  async 'publish-changes'(argv) {
    const v = parse(argv, { ...common, store: { type: 'string' }, file: { type: 'string' } });
    const file = need(v.file, 'file');
    let changes: unknown;
    try {
      changes = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`${file}: ${(e as Error).message}`);
    }
    const r = await client(v).publishChanges(need(v.store, 'store'), changes as never);
    print(v.json, r, `Published ${r.changes} changes to ${r.stores} store(s).`);
    return 0;
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`storemind-central: unknown command "${name}". Run \`storemind-central --help\`.`);
    return 2;
  }
  try {
    return await cmd(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`storemind-central: ${e.message}`);
      return 2;
    }
    if (e instanceof CentralDbError) {
      console.error(`storemind-central: ${e.message} (${e.code})`);
      return 1;
    }
    if (e instanceof AdminApiError) {
      console.error(`storemind-central: ${e.message} (${e.code})`);
      return e.status === 0 ? 3 : 1;
    }
    console.error(`storemind-central: unexpected error: ${(e as Error).message}`);
    return 70;
  }
}
