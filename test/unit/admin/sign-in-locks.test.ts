// A manager lets staff back in after a lockout: the locked path is listed, cleared (audited), and a
// right PIN signs in again at once; a cashier cannot clear a lock; the other paths were never locked.
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core.ts';
import { FREE_ATTEMPTS } from '../../../electron/core/auth/users.ts';
import { tempDir } from '../../helpers/tmp.ts';

const core = createCore({ dataDir: tempDir(), loadModels: false, encrypt: false });
afterAll(() => core.close());
const call = (op: string, input: unknown, token: string | null = null) => core.dispatch(op, input, token) as Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;

describe('sign-in locks', () => {
  it('a manager lists and clears a locked path; a cashier cannot; the clear is audited', async () => {
    for (let i = 0; i < FREE_ATTEMPTS; i++) await call('auth.signIn', { pin: '9999', surface: 'pos' });
    const locked = await call('auth.signIn', { pin: '1111', surface: 'pos' });
    expect(locked.error?.message).toMatch(/locked/);
    const manager = (await call('auth.signIn', { pin: '3333', surface: 'admin' })).data.token as string; // another path still works
    const cashier = core.services.sessions.open({ id: 'u-cashier', name: 'Casey Cashier', role: 'cashier' }, 'pos').token;
    expect((await call('admin.signInLocks.list', {}, manager)).data.locks).toEqual([expect.objectContaining({ scope: 'pin:pos', failures: FREE_ATTEMPTS })]);
    expect((await call('admin.signInLocks.clear', { scope: 'pin:pos' }, cashier)).error?.code).toBe('FORBIDDEN');
    expect((await call('admin.signInLocks.clear', { scope: 'pin:nowhere' }, manager)).error?.code).toBe('BAD_INPUT');
    expect((await call('admin.signInLocks.clear', { scope: 'pin:pos' }, manager)).data).toEqual({ cleared: true });
    expect((await call('admin.signInLocks.list', {}, manager)).data.locks).toEqual([]);
    expect((await call('auth.signIn', { pin: '1111', surface: 'pos' })).ok).toBe(true);
    const audit = core.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'auth.lockout.cleared'").all() as Array<{ actor: string; details: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('u-manager');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ scope: 'pin:pos', failures: FREE_ATTEMPTS });
  });
});
