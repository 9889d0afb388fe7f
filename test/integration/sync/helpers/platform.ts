// Runs: node (test helper). Runs the central platform as a real child process
// (bin/storemind-central.mjs serve), so tests can kill it mid-batch and start it again on the
// same port and data. Backend: embedded PGlite, or a PostgreSQL database URL.
import path from 'node:path';
import { AdminClient } from '../../../../central/admin-client.ts';
import { spawnServer, type ServerProcess } from './server-process.ts';

const BIN = path.resolve(import.meta.dirname, '../../../../bin/storemind-central.mjs');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface PlatformProc extends ServerProcess {
  admin: AdminClient;
}

export interface PlatformSpec {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
}

export async function spawnPlatform(spec: PlatformSpec): Promise<PlatformProc> {
  const server = await spawnServer({
    what: 'platform',
    args: (port) => [BIN, 'serve', '--port', String(port), '--data-dir', spec.dataDir, '--log-level', 'warn', ...(spec.databaseUrl ? ['--database-url', spec.databaseUrl] : [])],
    env: { STOREMIND_CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN, ...spec.env },
    ready: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    port: spec.port,
  });
  return Object.assign(server, { admin: new AdminClient(server.url, ADMIN_TOKEN) });
}
