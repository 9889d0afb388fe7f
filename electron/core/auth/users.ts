// Runs: node (core). Staff accounts: creation, PIN sign-in with lockout after repeated failures.
// PINs are unique per terminal (sign-in is by PIN alone, as on real POS keypads), so a new user's
// PIN is checked against every existing account.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { hashPin, verifyPin } from './pin.ts';
import type { Role } from '../../../common/api/define.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

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
    db.prepare('INSERT INTO users (id, name, role, pin_hash, pin_salt, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      user.id, user.name, user.role, hash, salt, new Date().toISOString(),
    );
    appendAudit(db, actor, 'user.add', user.id, { name: user.name, role: user.role });
  })();
  return user;
}

function findByPin(db: Db, pin: string): UserRow | undefined {
  const rows = db.prepare('SELECT * FROM users WHERE active = 1').all() as UserRow[];
  return rows.find((r) => verifyPin(pin, r.pin_salt, r.pin_hash));
}

/**
 * Checks a PIN. Failures count against every account that is not locked, since a PIN alone does
 * not say whose it was meant to be; a terminal-wide failure counter drives the lockout.
 */
export function signInWithPin(db: Db, pin: string, terminalLock: TerminalLock, now = new Date()): User {
  if (terminalLock.lockedUntil && terminalLock.lockedUntil > now) {
    throw new CoreError('FORBIDDEN', `Too many wrong PINs. Sign-in is locked until ${terminalLock.lockedUntil.toLocaleTimeString('en-GB')}.`);
  }
  const user = findByPin(db, pin);
  if (!user) {
    terminalLock.failures++;
    appendAudit(db, 'unknown', 'auth.signIn.failed', '', { failures: terminalLock.failures }, now);
    if (terminalLock.failures >= MAX_FAILED_ATTEMPTS) {
      terminalLock.lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      terminalLock.failures = 0;
      appendAudit(db, 'system', 'auth.lockout', '', { until: terminalLock.lockedUntil.toISOString() }, now);
      throw new CoreError('FORBIDDEN', `Too many wrong PINs. Sign-in is locked for ${LOCKOUT_MINUTES} minutes.`);
    }
    throw new CoreError('UNAUTHENTICATED', 'That PIN is not recognised.');
  }
  terminalLock.failures = 0;
  appendAudit(db, user.id, 'auth.signIn', user.id, { role: user.role }, now);
  return { id: user.id, name: user.name, role: user.role };
}

export interface TerminalLock {
  failures: number;
  lockedUntil: Date | null;
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
