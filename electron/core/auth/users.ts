// Runs: node (core). Staff accounts: creation, PIN sign-in with lockout after repeated failures.
// PINs are unique per terminal (sign-in is by PIN alone, as on real POS keypads), so a new user's
// PIN is checked against every existing account.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { hashPin, verifyPin } from './pin.ts';
import type { Role } from '../../../common/api/define.ts';
import type { StaffRecordT } from '../../../common/api/live.ts';
import { enqueue } from '../db/outbox.ts';
import { getState } from '../sync/state.ts';


export interface User {
  id: string;
  name: string;
  role: Role;
}

interface UserRow extends User {
  pin_hash: string;
  pin_salt: string;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
}

export function addUser(db: Db, input: { name: string; role: Role; pin: string; id?: string }, actor = 'system'): User {
  if (!/^\d{4,8}$/.test(input.pin)) throw new CoreError('BAD_INPUT', 'PIN must be 4 to 8 digits.');
  if (findByPin(db, input.pin)) throw new CoreError('CONFLICT', 'Another account already uses this PIN.');
  const { hash, salt } = hashPin(input.pin);
  const user: User = { id: input.id ?? crypto.randomUUID(), name: input.name, role: input.role };
  db.transaction(() => {
    const now = new Date().toISOString();
    db.prepare('INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      user.id, user.name, user.role, hash, salt, now, now,
    );
    appendAudit(db, actor, 'user.add', user.id, { name: user.name, role: user.role });
    // Every terminal seeds its own demo staff; only real accounts are shared with the store.
    if (actor !== 'seed') shareStaff(db, user.id);
  })();
  return user;
}

/** Supervisors and above approve refunds, voids and overrides: their PINs get 6 digits at least (10^6 guesses, not 10^4). */
export const MIN_PIN_DIGITS_SUPERVISOR = 6;

/** Refuses a PIN too short for the account's role (new accounts and PIN resets; the demo seed keeps its short ones). */
export function checkPinForRole(role: Role, pin: string): void {
  if (role !== 'cashier' && pin.length < MIN_PIN_DIGITS_SUPERVISOR) {
    throw new CoreError('BAD_INPUT', `A ${role}'s PIN needs at least ${MIN_PIN_DIGITS_SUPERVISOR} digits.`);
  }
}

function findByPin(db: Db, pin: string): UserRow | undefined {
  const rows = db.prepare('SELECT * FROM users WHERE active = 1').all() as UserRow[];
  return rows.find((r) => verifyPin(pin, r.pin_salt, r.pin_hash));
}

/** Wrong PINs allowed on one sign-in path before it locks. */
export const FREE_ATTEMPTS = 5;
/** The first lock; each further wrong PIN doubles it, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 8 * 3600_000;
/** Failures are forgotten only after this long without one: a right PIN never clears them. */
export const FAILURE_MEMORY_MS = 12 * 3600_000;

interface GuardRow {
  failures: number;
  last_failure_at: string | null;
  locked_until: string | null;
}

function guard(db: Db, scope: string, now: Date): GuardRow {
  const row = db.prepare('SELECT failures, last_failure_at, locked_until FROM sign_in_guards WHERE scope = ?').get(scope) as GuardRow | undefined;
  if (!row || (row.last_failure_at && now.getTime() - Date.parse(row.last_failure_at) > FAILURE_MEMORY_MS)) return { failures: 0, last_failure_at: null, locked_until: null };
  return row;
}

/**
 * Checks a PIN on one sign-in path of this terminal (`scope`: "pin:pos", "pin:admin", "approve").
 * Wrong PINs count against that path, persisted in SQLite: after FREE_ATTEMPTS the path locks for
 * a minute, doubling with each further wrong PIN, and a right PIN does not clear the count (else a
 * cashier could interleave guesses with their own sign-ins). So a 4-digit PIN cannot be guessed in
 * a shift (test: about 15 guesses in 8 hours), while a kiosk visitor hammering one path leaves the
 * other paths working for staff. Every lockout is audited.
 */
export function signInWithPin(db: Db, pin: string, scope: string, now = new Date()): User {
  const g = guard(db, scope, now);
  if (g.locked_until && Date.parse(g.locked_until) > now.getTime()) {
    throw new CoreError('FORBIDDEN', `Too many wrong PINs. Sign-in here is locked until ${new Date(g.locked_until).toLocaleTimeString('en-GB')}.`);
  }
  const user = findByPin(db, pin);
  if (!user) {
    const failures = g.failures + 1;
    const lockMs = failures >= FREE_ATTEMPTS ? Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS)) : 0;
    const lockedUntil = lockMs ? new Date(now.getTime() + lockMs).toISOString() : null;
    db.transaction(() => {
      db.prepare(`INSERT INTO sign_in_guards (scope, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
        ON CONFLICT (scope) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`).run(scope, failures, now.toISOString(), lockedUntil);
      appendAudit(db, 'unknown', 'auth.signIn.failed', '', { scope, failures }, now);
      if (lockedUntil) appendAudit(db, 'system', 'auth.lockout', '', { scope, failures, until: lockedUntil }, now);
    })();
    if (lockedUntil) throw new CoreError('FORBIDDEN', `Too many wrong PINs. Sign-in here is locked for ${Math.round(lockMs / 60_000)} minute${lockMs > 60_000 ? 's' : ''}.`);
    throw new CoreError('UNAUTHENTICATED', 'That PIN is not recognised.');
  }
  appendAudit(db, user.id, 'auth.signIn', user.id, { role: user.role }, now);
  return { id: user.id, name: user.name, role: user.role };
}

export interface SignInLock {
  scope: string;
  failures: number;
  lockedUntil: string;
}

/** The sign-in paths of this terminal locked now by wrong PINs. */
export function listSignInLocks(db: Db, now = new Date()): SignInLock[] {
  return db.prepare('SELECT scope, failures, locked_until AS lockedUntil FROM sign_in_guards WHERE locked_until > ? ORDER BY scope').all(now.toISOString()) as SignInLock[];
}

/**
 * A manager lets staff back in after a lockout (a kiosk visitor hammered the till's PIN pad, say):
 * the path's count starts again from zero. Audited with who cleared what; the PIN guesses stay in the log.
 */
export function clearSignInLock(db: Db, actor: string, scope: string, now = new Date()): { cleared: boolean } {
  return db.transaction(() => {
    const had = db.prepare('SELECT failures, locked_until FROM sign_in_guards WHERE scope = ?').get(scope) as { failures: number; locked_until: string | null } | undefined;
    if (!had) return { cleared: false };
    db.prepare('DELETE FROM sign_in_guards WHERE scope = ?').run(scope);
    appendAudit(db, actor, 'auth.lockout.cleared', '', { scope, failures: had.failures, was_locked_until: had.locked_until }, now);
    return { cleared: true };
  })();
}

/**
 * Queues the account for the store's other terminals, as its PIN hash and salt (never the PIN).
 * Runs inside the caller's transaction, after the account's row changed. The change is stamped
 * with the hub's clock as this terminal last learned it (its sync clock offset), so the newer
 * edit wins between two back offices whose own clocks are minutes apart.
 */
export function shareStaff(db: Db, id: string, localNow = new Date()): void {
  const now = new Date(localNow.getTime() + (getState(db, 'clockOffsetMs') ?? 0));
  db.prepare('UPDATE users SET updated_at = ? WHERE id = ?').run(now.toISOString(), id);
  const r = db.prepare('SELECT id, name, role, pin_hash, pin_salt, active, updated_at FROM users WHERE id = ?').get(id) as
    { id: string; name: string; role: Role; pin_hash: string; pin_salt: string; active: number; updated_at: string };
  const record: StaffRecordT = { id: r.id, name: r.name, role: r.role, pinHash: r.pin_hash, pinSalt: r.pin_salt, active: r.active === 1, updatedAt: r.updated_at };
  enqueue(db, 'staff', r.id, record, now);
}

/** An account another terminal of the store changed: the newer change wins (a download). */
export function applyStoreStaff(db: Db, s: StaffRecordT): void {
  const cur = db.prepare('SELECT updated_at FROM users WHERE id = ?').pluck().get(s.id) as string | null | undefined;
  if (cur !== undefined && cur !== null && cur >= s.updatedAt) return;
  db.prepare(`INSERT INTO users (id, name, role, pin_hash, pin_salt, active, created_at, updated_at) VALUES (@id, @name, @role, @pinHash, @pinSalt, @active, @updatedAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash, pin_salt = excluded.pin_salt,
      active = excluded.active, updated_at = excluded.updated_at`).run({ ...s, active: s.active ? 1 : 0 });
  appendAudit(db, 'store', 'user.sync', s.id, { name: s.name, role: s.role, active: s.active });
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

/** Demo staff for a fresh terminal, so POS and admin can be tried at once. */
export const demoStaff: ReadonlyArray<{ id: string; name: string; role: Role; pin: string }> = [
  { id: 'u-cashier', name: 'Casey Cashier', role: 'cashier', pin: '1111' },
  { id: 'u-supervisor', name: 'Sam Supervisor', role: 'supervisor', pin: '2222' },
  { id: 'u-manager', name: 'Morgan Manager', role: 'manager', pin: '3333' },
  { id: 'u-admin', name: 'Alex Admin', role: 'admin', pin: '4444' },
];

/** All four or none: one transaction, so a first start killed mid-seed seeds again next time. */
export function seedDemoStaff(db: Db): void {
  db.transaction(() => {
    if (countUsers(db) > 0) return;
    for (const s of demoStaff) addUser(db, s, 'seed');
  })();
}
