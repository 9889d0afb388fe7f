// Runs: node (CLI). The walking skeleton's commands: serve, status, users, audit.
import path from 'node:path';
import { createCore } from '../core/core.ts';
import { schemaVersion } from '../core/db/database.ts';
import { productCount } from '../core/store/profile.ts';
import { addUser, checkPinForRole, clearSignInLock } from '../core/auth/users.ts';
import { getState } from '../core/sync/state.ts';
import { activeInstalledDir } from '../core/model-service.ts';
import { KIOSK_HEAD_MODEL } from '../core/assistant/service.ts';
import { runningFraudModel } from '../core/fraud/service.ts';
import { listModels } from '../core/admin/models.ts';
import { verifyAuditChain } from '../core/audit/audit.ts';
import { CoreError } from '../core/db/errors.ts';
import { pendingCount } from '../core/db/outbox.ts';
import { appRoot } from '../core/paths.ts';
import { startBrowserHost } from '../browser-host/server.ts';
import { intOption, parse } from './args.ts';
import { ensureUiBuilt } from './build-ui.ts';
import type { Command } from './registry.ts';
import { roles, type Role } from '../../common/api/define.ts';

export const serve: Command = {
  name: 'serve',
  summary: 'Serve the kiosk/POS/admin UI and API on 127.0.0.1 (the browser host).',
  usage: 'serve [--port N] [--host ADDR --allow-remote --token T] [--surface kiosk|pos|admin]',
  async run(argv, g) {
    const { values } = parse(argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      token: { type: 'string' },
    }, false);
    const port = values.port === undefined ? 4599 : intOption(values.port, 'port', 0, 65535);
    const host = values.host ?? '127.0.0.1';
    if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !values['allow-remote']) {
      throw new CoreError('BAD_INPUT', `Refusing to listen on ${host}: the browser host is loopback-only unless you pass --allow-remote and --token.`);
    }
    if (values['allow-remote'] && (!values.token || values.token.length < 16)) throw new CoreError('BAD_INPUT', '--allow-remote needs --token of at least 16 characters.');
    const notBuilt = ensureUiBuilt(appRoot());
    if (notBuilt) console.warn(notBuilt);
    const t0 = performance.now();
    const core = createCore({ dataDir: g.dataDir });
    const hostServer = await startBrowserHost({ core, port, host, token: values.token, rendererDir: path.join(appRoot(), 'renderer', 'dist') });
    console.log(`StoreMind is serving ${hostServer.url} (data: ${g.dataDir}, ready in ${Math.round(performance.now() - t0)} ms)`);
    const stop = async () => {
      await hostServer.close();
      core.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {}); // runs until signalled
  },
};

export const status: Command = {
  name: 'status',
  summary: 'Show the database path, schema version, product count and model versions.',
  usage: 'status [--json]',
  async run(argv, g) {
    parse(argv, {}, false);
    const core = createCore({ dataDir: g.dataDir });
    try {
      await core.ready;
      const enrollment = getState(core.db, 'enrollment') ?? null;
      const headDir = activeInstalledDir(core.db, KIOSK_HEAD_MODEL);
      const s = {
        dataDir: g.dataDir,
        database: core.services.dbPath,
        schemaVersion: schemaVersion(core.db),
        products: productCount(core.db),
        pendingOutbox: pendingCount(core.db),
        // What waits, by kind, and for whom: a fresh terminal's first audit entries wait for its enrollment.
        pendingByKind: Object.fromEntries((core.db.prepare("SELECT kind, count(*) AS n FROM outbox WHERE status = 'pending' GROUP BY kind ORDER BY kind").all() as Array<{ kind: string; n: number }>).map((r) => [r.kind, r.n])),
        enrolled: enrollment ? { server: enrollment.server, storeId: enrollment.storeId } : null,
        // Every model the terminal runs: the encoder, the fraud model and the kiosk intent head (shipped or a verified update).
        models: [
          ...core.services.modelVersions(),
          await runningFraudModel(core.services),
          { name: KIOSK_HEAD_MODEL, version: headDir ? path.basename(headDir) : 'shipped', variant: headDir ? 'installed update' : 'shipped with the app' },
        ],
        installedUpdates: listModels(core.db),
        appVersion: core.services.appVersion,
      };
      if (g.json) console.log(JSON.stringify(s));
      else {
        console.log(`Database:       ${s.database} (schema v${s.schemaVersion})`);
        console.log(`Products:       ${s.products}`);
        const kinds = Object.entries(s.pendingByKind).map(([k, n]) => `${k} ${n}`).join(', ');
        console.log(`Waiting to sync: ${s.pendingOutbox}${kinds ? ` (${kinds})` : ''}${s.enrolled ? '' : ' — not enrolled yet: they go up once this terminal is (storemind enroll)'}`);
        console.log(`Models:         ${s.models.map((m) => `${m.name}@${m.version} (${m.variant})`).join(', ') || 'none loaded'}`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};

export const users: Command = {
  name: 'users',
  summary: 'Staff accounts: users add --role R --name N --pin P | users list | users unlock --scope pin:pos',
  usage: 'users add --role cashier|supervisor|manager|admin --name NAME --pin DIGITS | users list [--json] | users unlock --scope pin:kiosk|pin:pos|pin:admin|approve',
  async run(argv, g) {
    const { values, positionals } = parse(argv, { role: { type: 'string' }, name: { type: 'string' }, pin: { type: 'string' }, scope: { type: 'string' } });
    if (positionals[0] === 'unlock') {
      // The way back in when every PIN path of a terminal is locked: the CLI runs on the machine itself.
      if (!values.scope || !/^(pin:(kiosk|pos|admin)|approve)$/.test(values.scope)) throw new CoreError('BAD_INPUT', '--scope must be pin:kiosk, pin:pos, pin:admin or approve.');
      const core = createCore({ dataDir: g.dataDir, loadModels: false });
      try {
        const r = clearSignInLock(core.db, 'cli', values.scope);
        console.log(g.json ? JSON.stringify(r) : r.cleared ? `Sign-in on ${values.scope} is open again.` : `${values.scope} was not locked.`);
        return 0;
      } finally {
        core.close();
      }
    }
    if (positionals[0] === 'list') {
      const core = createCore({ dataDir: g.dataDir, loadModels: false });
      try {
        // Names, roles and state only: PIN hashes never leave through the CLI.
        const rows = core.db.prepare('SELECT id, name, role, active, updated_at FROM users ORDER BY name').all() as Array<{ id: string; name: string; role: string; active: number; updated_at: string | null }>;
        const list = rows.map((r) => ({ id: r.id, name: r.name, role: r.role, active: r.active === 1, updatedAt: r.updated_at }));
        console.log(g.json ? JSON.stringify(list) : list.map((u) => `${u.id.padEnd(38)} ${u.role.padEnd(10)} ${u.active ? 'active  ' : 'disabled'} ${u.name}`).join('\n'));
        return 0;
      } finally {
        core.close();
      }
    }
    if (positionals[0] !== 'add') throw new CoreError('BAD_INPUT', 'Usage: storemind users add --role R --name N --pin P | storemind users list');
    if (!values.role || !(roles as readonly string[]).includes(values.role)) throw new CoreError('BAD_INPUT', `--role must be one of ${roles.join(', ')}.`);
    if (!values.name?.trim()) throw new CoreError('BAD_INPUT', '--name is required.');
    if (!values.pin) throw new CoreError('BAD_INPUT', '--pin is required.');
    checkPinForRole(values.role as Role, values.pin);
    const core = createCore({ dataDir: g.dataDir });
    try {
      const u = addUser(core.db, { name: values.name.trim().slice(0, 80), role: values.role as Role, pin: values.pin }, 'cli');
      console.log(g.json ? JSON.stringify(u) : `Added ${u.role} ${u.name} (${u.id}).`);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const audit: Command = {
  name: 'audit',
  summary: 'Verify the hash-chained audit log: audit verify',
  usage: 'audit verify [--json]',
  async run(argv, g) {
    const { positionals } = parse(argv, {});
    if (positionals[0] !== 'verify') throw new CoreError('BAD_INPUT', 'Usage: storemind audit verify');
    const core = createCore({ dataDir: g.dataDir, seedDemo: false });
    try {
      const r = verifyAuditChain(core.db);
      // Name the bad entry as staff would recognise it (when, who, what), and the span checked.
      const at = (seq: number) => core.db.prepare('SELECT seq, ts, actor, action FROM audit_log WHERE seq = ?').get(seq) as { seq: number; ts: string; actor: string; action: string } | undefined;
      const last = core.db.prepare('SELECT seq, ts, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; ts: string; hash: string } | undefined;
      const bad = r.ok ? undefined : at(r.firstBadSeq);
      if (g.json) console.log(JSON.stringify({ ...r, ...(bad ? { badEntry: bad } : {}), ...(r.ok && last ? { lastSeq: last.seq, lastTs: last.ts, headHash: last.hash } : {}) }));
      else if (r.ok) console.log(`Audit log intact: ${r.entries} entries${last ? `, last #${last.seq} at ${last.ts}, head hash ${last.hash.slice(0, 16)}…` : ''}.`);
      else console.error(`Audit log TAMPERED: entry ${r.firstBadSeq}${bad ? ` (${bad.action} by ${bad.actor} at ${bad.ts})` : ''}: ${r.reason}.`);
      return r.ok ? 0 : 1;
    } finally {
      core.close();
    }
  },
};
