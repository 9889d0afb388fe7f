import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { appendAudit, verifyAuditChain } from '../../../electron/core/audit/audit.ts';
import { addUser, signInWithPin, FREE_ATTEMPTS } from '../../../electron/core/auth/users.ts';
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
    expect(signInWithPin(db, '3333', 'pin:pos').role).toBe('manager');
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) expect(() => signInWithPin(db, '9999', 'pin:pos')).toThrow(/not recognised/);
    expect(() => signInWithPin(db, '9999', 'pin:pos')).toThrow(/locked/);
    expect(() => signInWithPin(db, '3333', 'pin:pos')).toThrow(/locked/);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('a right PIN between guesses does not clear the count, and the lock survives a restart (it is in SQLite)', () => {
    const file = path.join(dir, 'bypass.db');
    let db = openDatabase(file);
    addUser(db, { name: 'Cas', role: 'cashier', pin: '1111' });
    addUser(db, { name: 'Mo', role: 'manager', pin: '3333' });
    const t0 = Date.parse('2026-12-02T09:00:00Z');
    const at = (s: number) => new Date(t0 + s * 1000);
    // The reported bypass: four guesses, one good sign-in of one's own, again.
    for (let i = 0; i < 4; i++) expect(() => signInWithPin(db, '9999', 'pin:pos', at(i))).toThrow(/not recognised/);
    expect(signInWithPin(db, '1111', 'pin:pos', at(5)).role).toBe('cashier');
    expect(() => signInWithPin(db, '9998', 'pin:pos', at(6))).toThrow(/locked for 1 minute/);
    db.close();
    db = openDatabase(file); // a restart
    expect(() => signInWithPin(db, '3333', 'pin:pos', at(30))).toThrow(/locked until/);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.lockout'").pluck().get()).toBe(1);
    // Another sign-in path of the terminal still works for staff.
    expect(signInWithPin(db, '3333', 'pin:admin', at(31)).role).toBe('manager');
    // After the lock a wrong PIN doubles it.
    expect(() => signInWithPin(db, '9997', 'pin:pos', at(70))).toThrow(/locked for 2 minutes/);
    db.close();
  });

  it('guessing a 4-digit PIN takes longer than a shift: an attacker who waits out every lock gets about 15 guesses in 8 hours', () => {
    const db = openDatabase(path.join(dir, 'shift.db'));
    addUser(db, { name: 'Mo', role: 'manager', pin: '3333' });
    let now = Date.parse('2026-12-02T09:00:00Z');
    const end = now + 8 * 3600_000;
    let guesses = 0;
    for (let pin = 0; now < end && pin < 10_000; ) {
      const guess = String(pin).padStart(4, '0');
      if (guess === '3333') { pin++; continue; }
      try {
        signInWithPin(db, guess, 'pin:pos', new Date(now));
      } catch (e) {
        if (/locked until/.test((e as Error).message)) {
          now = Date.parse(db.prepare("SELECT locked_until FROM sign_in_guards WHERE scope = 'pin:pos'").pluck().get() as string) + 1;
          continue; // wait the lock out
        }
        guesses++; // refused as wrong (or wrong and now locking)
        pin++;
        now += 1000;
      }
    }
    expect(guesses).toBeLessThan(20);
    expect(guesses / 9_999).toBeLessThan(0.002); // chance of hitting a given PIN in a shift
    db.close();
  });
});
