import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { appendAudit, verifyAuditChain } from '../../../electron/core/audit/audit.ts';
import { addUser, signInWithPin, MAX_FAILED_ATTEMPTS, type TerminalLock } from '../../../electron/core/auth/users.ts';
import { hashPin, verifyPin } from '../../../electron/core/auth/pin.ts';
import { tempDir } from '../../helpers/tmp.ts';

describe('audit log', () => {
  const dir = tempDir();

  it('chains entries and detects tampering, naming the first bad entry', () => {
    const db = openDatabase(path.join(dir, 'a.db'));
    for (let i = 0; i < 5; i++) appendAudit(db, 'u1', 'test.action', `t${i}`, { i });
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });
    // Updates are refused by trigger; an attacker with the file drops the trigger first.
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET details = '{\"i\":99}' WHERE seq = 3").run();
    const r = verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.firstBadSeq).toBe(3);
    db.close();
  });

  it('detects a deleted entry', () => {
    const db = openDatabase(path.join(dir, 'b.db'));
    for (let i = 0; i < 4; i++) appendAudit(db, 'u1', 'x');
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    const r = verifyAuditChain(db);
    expect(r.ok === false && r.firstBadSeq).toBe(2);
    db.close();
  });
});

describe('PIN sign-in', () => {
  const dir = tempDir();

  it('hashes PINs with salt and verifies them', () => {
    const a = hashPin('1234');
    const b = hashPin('1234');
    expect(a.hash).not.toBe(b.hash);
    expect(verifyPin('1234', a.salt, a.hash)).toBe(true);
    expect(verifyPin('1235', a.salt, a.hash)).toBe(false);
  });

  it('signs in by PIN, refuses duplicates, locks out after repeated failures', () => {
    const db = openDatabase(path.join(dir, 'c.db'));
    addUser(db, { name: 'Mo', role: 'manager', pin: '3333' });
    expect(() => addUser(db, { name: 'Dup', role: 'cashier', pin: '3333' })).toThrow(/already uses/);
    expect(() => addUser(db, { name: 'Bad', role: 'cashier', pin: '12' })).toThrow(/4 to 8 digits/);
    const lock: TerminalLock = { failures: 0, lockedUntil: null };
    expect(signInWithPin(db, '3333', lock).role).toBe('manager');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect(() => signInWithPin(db, '9999', lock)).toThrow(/not recognised/);
    expect(() => signInWithPin(db, '9999', lock)).toThrow(/locked/);
    expect(() => signInWithPin(db, '3333', lock)).toThrow(/locked/);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });
});
