// Runs: node (core). Handlers for app-level and store operations.
import { CoreError } from '../db/errors.ts';
import { schemaVersion } from '../db/database.ts';
import { signInWithPin } from '../auth/users.ts';
import { getSetting, setSetting } from '../settings/settings.ts';
import { appendAudit } from '../audit/audit.ts';
import { readStoreProfile } from '../store/profile.ts';
import type { Handler } from './context.ts';

export const appHandlers: {
  'app.info': Handler<'app.info'>;
  'auth.signIn': Handler<'auth.signIn'>;
  'auth.signOut': Handler<'auth.signOut'>;
  'auth.whoami': Handler<'auth.whoami'>;
  'settings.setLocale': Handler<'settings.setLocale'>;
  'store.profile': Handler<'store.profile'>;
} = {
  'app.info': ({ core }) => ({
    appVersion: core.appVersion,
    storeName: readStoreProfile(core.db)?.name ?? 'StoreMind',
    terminalId: getSetting(core.db, 'terminalId'),
    surface: getSetting(core.db, 'surface'),
    locale: getSetting(core.db, 'locale'),
    idleResetSeconds: getSetting(core.db, 'idleResetSeconds'),
    schemaVersion: schemaVersion(core.db),
    models: core.modelVersions(),
    returnPolicy: getSetting(core.db, 'returnPolicy'),
  }),
  'auth.signIn': ({ core }, input) => {
    const user = signInWithPin(core.db, input.pin, `pin:${input.surface}`);
    // Cashiers run the till; the admin surface needs at least a supervisor.
    if (input.surface === 'admin' && user.role === 'cashier') {
      throw new CoreError('FORBIDDEN', 'Cashiers cannot open the admin screens.');
    }
    const s = core.sessions.open(user, input.surface);
    return { token: s.token, user, expiresAt: core.sessions.expiresAt(s) };
  },
  'auth.signOut': ({ core, session, token }) => {
    if (session && token) {
      core.sessions.close(token);
      appendAudit(core.db, session.user.id, 'auth.signOut', session.user.id);
    }
    return { ok: true as const };
  },
  'auth.whoami': ({ session }) => ({ user: session?.user ?? null }),
  'settings.setLocale': ({ core }, input) => ({ locale: setSetting(core.db, 'locale', input.locale) }),
  'store.profile': ({ core }) => {
    const p = readStoreProfile(core.db);
    if (!p) throw new CoreError('NOT_FOUND', 'This terminal has no store profile yet.');
    return p;
  },
};
