// Every operation of the contract, fuzzed through core.dispatch (what every host calls): for any
// payload, any role and any token, the core answers with an envelope, never throws, never says
// INTERNAL, and refuses a caller whose role is too low before it even looks at the input.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, roleAllows, roles, type Role } from '../../../common/api/index.ts';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { demoStaff } from '../../../electron/core/auth/users.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { malformedInput, validFor } from './arbitraries.ts';

const dir = tempDir('storemind-sec-');
let core: Core;
const tokenFor: Record<Role, string> = {} as Record<Role, string>;
const callers: Array<Role | 'none'> = ['none', ...roles];
const internal: string[] = [];

const opNames = Object.keys(api) as Array<keyof typeof api>;
/** scrypt per call (and per existing account): fewer runs keep the suite quick. */
const SLOW = new Set(['auth.signIn', 'admin.users.add', 'admin.users.resetPin']);
const REFUSALS = ['BAD_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];
/** A well-formed request may also meet a state conflict (a PIN in use, a model already active). */
const VALID_REFUSALS = [...REFUSALS, 'CONFLICT'];

function token(caller: Role | 'none'): string | null {
  return caller === 'none' ? null : tokenFor[caller];
}

/** Re-opens a session that a fuzzed op may have ended (sign-out, a deactivated account). */
function refreshSessions() {
  for (const s of demoStaff) {
    core.db.prepare('UPDATE users SET active = 1 WHERE id = ?').run(s.id);
    tokenFor[s.role] = core.services.sessions.open({ id: s.id, name: s.name, role: s.role }, 'admin').token;
  }
  core.db.prepare('DELETE FROM sign_in_guards').run(); // fuzzed PINs must not lock the ops under test
}

type Env = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

function checkEnvelope(op: string, env: Env, allowed: string[]) {
  expect(typeof env.ok, op).toBe('boolean');
  if (env.ok) return;
  if (env.error.code === 'INTERNAL') internal.push(`${op}: ${env.error.message}`);
  expect(allowed, `${op} answered ${env.error.code}: ${env.error.message}`).toContain(env.error.code);
  expect(env.error.message.length, op).toBeGreaterThan(0);
  expect(env.error.message, op).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

beforeAll(() => {
  core = createCore({ dataDir: path.join(dir, 'data'), loadModels: false });
  refreshSessions();
});
afterAll(() => core.close());

describe('role checks for every operation', () => {
  it.each(opNames)('%s: allowed exactly when roleAllows says so, refused before input validation', async (op) => {
    const spec = api[op];
    for (const caller of callers) {
      refreshSessions();
      const role = caller === 'none' ? null : caller;
      // A payload no operation accepts: if it gets BAD_INPUT the role gate was passed.
      const env = (await core.dispatch(op, 12345, token(caller))) as Env;
      expect(env.ok, `${op} as ${caller}`).toBe(false);
      const code = env.ok ? '' : env.error.code;
      if (roleAllows(role, spec.access)) expect(code, `${op} as ${caller}`).toBe('BAD_INPUT');
      else expect(code, `${op} as ${caller}`).toBe(caller === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });

  it.each(opNames)('%s: a well-formed request from a role too low is refused too', async (op) => {
    const spec = api[op];
    const [sample] = fc.sample(validFor(op, spec.input), { numRuns: 1, seed: 42 });
    for (const caller of callers) {
      refreshSessions();
      const role = caller === 'none' ? null : caller;
      const env = (await core.dispatch(op, sample, token(caller))) as Env;
      if (!roleAllows(role, spec.access)) {
        expect(env.ok, `${op} as ${caller}`).toBe(false);
        expect(env.ok ? '' : env.error.code).toBe(caller === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      } else if (!env.ok) {
        // Allowed: whatever the handler says, it is not a role refusal from the dispatcher.
        expect(env.error.message, `${op} as ${caller}`).not.toMatch(/may not use|Sign in to use/);
        checkEnvelope(op, env, VALID_REFUSALS);
      }
    }
  });

  it('a cashier session is refused by every admin operation', async () => {
    refreshSessions();
    for (const op of opNames.filter((o) => o.startsWith('admin.'))) {
      const env = (await core.dispatch(op, {}, tokenFor.cashier)) as Env;
      expect(!env.ok && env.error.code, op).toBe('FORBIDDEN');
    }
  });
});

describe('malformed payloads for every operation', () => {
  it.each(opNames)('%s', async (op) => {
    const spec = api[op];
    const runs = SLOW.has(op) ? 4 : 40;
    await fc.assert(
      fc.asyncProperty(malformedInput(spec.input), fc.constantFrom(...callers), async (input, caller) => {
        refreshSessions();
        let env: Env;
        try {
          env = (await core.dispatch(op, input, token(caller))) as Env;
        } catch (e) {
          throw new Error(`${op} threw instead of answering: ${(e as Error).message}`);
        }
        checkEnvelope(op, env, REFUSALS);
      }),
      { numRuns: runs, seed: 8 },
    );
  });
});

describe('well-formed but arbitrary payloads for every operation (they reach the handlers)', () => {
  it.each(opNames)('%s', async (op) => {
    const spec = api[op];
    const caller: Role = spec.access === 'public' ? 'cashier' : spec.access;
    const runs = SLOW.has(op) ? 3 : 30;
    await fc.assert(
      fc.asyncProperty(validFor(op, spec.input), async (input) => {
        refreshSessions();
        const env = (await core.dispatch(op, input, token(caller))) as Env;
        checkEnvelope(op, env, VALID_REFUSALS);
      }),
      { numRuns: runs, seed: 9 },
    );
  });
});

describe('operation names and tokens', () => {
  it('unknown or prototype-ish operation names are NOT_FOUND', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'admin.', 'ADMIN.USERS.LIST', 'admin.users.list ', '')), async (name) => {
        fc.pre(!Object.prototype.hasOwnProperty.call(api, name));
        const env = (await core.dispatch(name, {}, tokenFor.admin)) as Env;
        expect(!env.ok && env.error.code).toBe('NOT_FOUND');
      }),
      { numRuns: 200, seed: 3 },
    );
    for (const bad of [null, undefined, 42, {}, ['admin.users.list'], Symbol('x')]) {
      const env = (await core.dispatch(bad, {}, tokenFor.admin)) as Env;
      expect(!env.ok && env.error.code).toBe('NOT_FOUND');
    }
  });

  it('forged, oversized or non-string tokens are unauthenticated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ minLength: 201, maxLength: 400 }), fc.anything()), async (tok) => {
        fc.pre(!Object.values(tokenFor).includes(tok as string));
        const env = (await core.dispatch('admin.users.list', {}, tok)) as Env;
        expect(!env.ok && env.error.code).toBe('UNAUTHENTICATED');
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it('no operation answered INTERNAL', () => {
    expect(internal).toEqual([]);
  });
});
