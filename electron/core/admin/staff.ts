// Runs: node (core). Staff accounts as the admin screen manages them. Sign-in is by PIN alone, so
// a PIN must be unique among active accounts; a PIN reset checks that, and it is the only way
// back for a deactivated account (its old PIN may since have been given to someone else).
// Nobody can deactivate themselves or the last active admin: a terminal must stay manageable.
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { addUser, checkPinForRole, shareStaff } from '../auth/users.ts';
import { hashPin, verifyPin } from '../auth/pin.ts';
import type { Role } from '../../../common/api/define.ts';

interface Row {
  id: string;
  name: string;
  role: Role;
  active: number;
  created_at: string;
  locked_until: string | null;
  pin_salt: string;
  pin_hash: string;
}

export interface StaffViewRow {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  locked: boolean;
}

function view(r: Row, now = new Date()): StaffViewRow {
  return { id: r.id, name: r.name, role: r.role, active: r.active === 1, createdAt: r.created_at, locked: !!r.locked_until && r.locked_until > now.toISOString() };
}

function get(db: Db, id: string): Row {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw new CoreError('NOT_FOUND', `No staff account ${id}.`);
  return r;
}

export function listStaff(db: Db): StaffViewRow[] {
  const order = "CASE role WHEN 'admin' THEN 0 WHEN 'manager' THEN 1 WHEN 'supervisor' THEN 2 ELSE 3 END";
  return (db.prepare(`SELECT * FROM users ORDER BY active DESC, ${order}, name`).all() as Row[]).map((r) => view(r));
}

export function addStaff(db: Db, actor: string, input: { name: string; role: Role; pin: string }): StaffViewRow {
  checkPinForRole(input.role, input.pin);
  const u = addUser(db, input, actor); // checks PIN shape and uniqueness, audits 'user.add'
  return view(get(db, u.id));
}

export function isActiveUser(db: Db, id: string): boolean {
  return (db.prepare('SELECT active FROM users WHERE id = ?').pluck().get(id) as number | undefined) === 1;
}

export function deactivateStaff(db: Db, actor: string, id: string): StaffViewRow {
  return db.transaction(() => {
    const r = get(db, id);
    if (id === actor) throw new CoreError('FORBIDDEN', 'You cannot deactivate your own account.');
    if (r.active === 0) return view(r);
    if (r.role === 'admin') {
      const admins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").pluck().get() as number;
      if (admins <= 1) throw new CoreError('CONFLICT', 'This is the last active admin; add another admin first.');
    }
    db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(id);
    appendAudit(db, actor, 'user.deactivate', id, { name: r.name, role: r.role });
    shareStaff(db, id);
    return view({ ...r, active: 0 });
  })();
}

export function resetStaffPin(db: Db, actor: string, id: string, pin: string): StaffViewRow {
  const target = get(db, id);
  checkPinForRole(target.role, pin);
  const others = db.prepare('SELECT id, pin_salt, pin_hash FROM users WHERE active = 1 AND id <> ?').all(id) as Row[];
  if (others.some((o) => verifyPin(pin, o.pin_salt, o.pin_hash))) throw new CoreError('CONFLICT', 'Another account already uses this PIN.');
  const { hash, salt } = hashPin(pin);
  return db.transaction(() => {
    db.prepare('UPDATE users SET pin_hash = ?, pin_salt = ?, failed_attempts = 0, locked_until = NULL, active = 1 WHERE id = ?').run(hash, salt, id);
    appendAudit(db, actor, 'user.resetPin', id, { name: target.name, reactivated: target.active === 0 });
    shareStaff(db, id);
    return view(get(db, id));
  })();
}
