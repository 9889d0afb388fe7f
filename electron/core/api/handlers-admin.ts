// Runs: node (core). Handlers for the back-office operations. The dispatcher has already checked
// the caller's role and parsed the input; these only bind the session's user as the actor.
import { kickPrinter } from './handlers-printing.ts';
import type { CallContext, Handler, SignedIn } from './context.ts';
import { distinctIntents, listInteractions } from '../admin/interactions.ts';
import { correctIntent } from '../admin/labels.ts';
import { exportCsv } from '../admin/exports.ts';
import { deleteHoliday, deleteKbEntry, readKb, saveHoliday, saveHours, saveKbEntry } from '../admin/kb.ts';
import { readAdminSettings, saveAdminSettings } from '../admin/settings.ts';
import { addStaff, deactivateStaff, listStaff, resetStaffPin } from '../admin/staff.ts';
import { listModels, rollbackModel } from '../admin/models.ts';
import { runningFraudModel } from '../fraud/service.ts';
import { listAudit } from '../admin/audit-view.ts';
import { clearSignInLock, listSignInLocks } from '../auth/users.ts';
import { purgeBySetting } from '../admin/retention.ts';

/** The acting user's id (every admin op is signed in: the handler type says so). */
function actor({ session }: SignedIn): string {
  return session.user.id;
}

function storeChanged(c: CallContext): void {
  c.core.emit('store.changed', {});
}

export const adminHandlers: {
  'admin.interactions.list': Handler<'admin.interactions.list'>;
  'admin.interactions.intents': Handler<'admin.interactions.intents'>;
  'admin.interactions.correct': Handler<'admin.interactions.correct'>;
  'admin.interactions.export': Handler<'admin.interactions.export'>;
  'admin.kb.get': Handler<'admin.kb.get'>;
  'admin.kb.save': Handler<'admin.kb.save'>;
  'admin.kb.delete': Handler<'admin.kb.delete'>;
  'admin.hours.save': Handler<'admin.hours.save'>;
  'admin.holidays.save': Handler<'admin.holidays.save'>;
  'admin.holidays.delete': Handler<'admin.holidays.delete'>;
  'admin.settings.get': Handler<'admin.settings.get'>;
  'admin.settings.save': Handler<'admin.settings.save'>;
  'admin.users.list': Handler<'admin.users.list'>;
  'admin.users.add': Handler<'admin.users.add'>;
  'admin.users.deactivate': Handler<'admin.users.deactivate'>;
  'admin.users.resetPin': Handler<'admin.users.resetPin'>;
  'admin.models.list': Handler<'admin.models.list'>;
  'admin.models.rollback': Handler<'admin.models.rollback'>;
  'admin.audit.list': Handler<'admin.audit.list'>;
  'admin.signInLocks.list': Handler<'admin.signInLocks.list'>;
  'admin.signInLocks.clear': Handler<'admin.signInLocks.clear'>;
  'admin.retention.run': Handler<'admin.retention.run'>;
} = {
  'admin.interactions.list': ({ core }, i) => listInteractions(core.db, i),
  'admin.interactions.intents': ({ core }) => ({ intents: distinctIntents(core.db) }),
  'admin.interactions.correct': (c, i) => correctIntent(c.core.db, i.id, i.intent, actor(c)),
  'admin.interactions.export': (c, i) => exportCsv(c.core.db, actor(c), i.filter, i.limit ?? 10_000),
  'admin.kb.get': ({ core }) => readKb(core.db),
  'admin.kb.save': (c, i) => {
    const e = saveKbEntry(c.core.db, actor(c), i);
    storeChanged(c);
    return e;
  },
  'admin.kb.delete': (c, i) => {
    deleteKbEntry(c.core.db, actor(c), i.id);
    storeChanged(c);
    return { ok: true as const };
  },
  'admin.hours.save': (c, i) => {
    saveHours(c.core.db, actor(c), i.hours);
    storeChanged(c);
    return { ok: true as const };
  },
  'admin.holidays.save': (c, i) => {
    saveHoliday(c.core.db, actor(c), i);
    storeChanged(c);
    return { ok: true as const };
  },
  'admin.holidays.delete': (c, i) => {
    deleteHoliday(c.core.db, actor(c), i.date);
    storeChanged(c);
    return { ok: true as const };
  },
  'admin.settings.get': ({ core }) => readAdminSettings(core.db),
  'admin.settings.save': (c, i) => {
    const saved = saveAdminSettings(c.core.db, actor(c), i);
    if (i.printerUrl !== undefined) kickPrinter(c.core); // a printer set up now takes what waited for one
    return saved;
  },
  'admin.users.list': ({ core }) => ({ users: listStaff(core.db) }),
  'admin.users.add': (c, i) => addStaff(c.core.db, actor(c), i),
  'admin.users.deactivate': (c, i) => deactivateStaff(c.core.db, actor(c), i.id),
  'admin.users.resetPin': (c, i) => resetStaffPin(c.core.db, actor(c), i.id, i.pin),
  'admin.models.list': async ({ core }) => {
    const svc = core.extensions.models;
    const encoders = svc?.versions() ?? core.modelVersions();
    return { installed: listModels(core.db), loaded: [...encoders, await runningFraudModel(core)], loadError: svc?.lastError() ?? null };
  },
  'admin.models.rollback': (c, i) => ({ installed: rollbackModel(c.core.db, actor(c), i.name, i.version), restartRequired: true as const }),
  'admin.audit.list': ({ core }, i) => listAudit(core.db, i.before, i.limit),
  'admin.signInLocks.list': ({ core }) => ({ locks: listSignInLocks(core.db) }),
  'admin.signInLocks.clear': (c, i) => clearSignInLock(c.core.db, actor(c), i.scope),
  'admin.retention.run': (c) => purgeBySetting(c.core.db, actor(c)),
};
