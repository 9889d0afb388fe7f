// Runs: node (vitest). "Send refused records again" through core.dispatch, as the Sync panel calls
// it: managers only, input validated at the boundary, rows moved to new seqs, the action audited.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { enqueue } from '../../../electron/core/db/outbox.ts';
import { quarantine } from '../../../electron/core/sync/upload.ts';
import { tempDir } from '../../helpers/tmp.ts';

let core: Core;
const events: Array<[string, unknown]> = [];

beforeAll(() => {
  core = createCore({ dataDir: path.join(tempDir(), 'data'), loadModels: false, encrypt: false });
  core.onEvent((e, p) => events.push([e, p]));
});
afterAll(() => core.close());

const call = (op: string, input: unknown, token: string | null = null): Promise<any> => core.dispatch(op, input, token);
async function signIn(pin: string): Promise<string> {
  const r = await call('auth.signIn', { pin, surface: 'admin' });
  expect(r.ok).toBe(true);
  return r.data.token as string;
}
function refuse(id: string): number {
  const seq = core.db.transaction(() => enqueue(core.db, 'feedback', id, { rating: 1 }))();
  quarantine(core.db, seq, 'refused by the platform: test (BAD_RECORD)');
  return seq;
}
const status = (seq: number) => core.db.prepare('SELECT status FROM outbox WHERE seq = ?').pluck().get(seq) as string | undefined;

describe('sync.requeue through dispatch', () => {
  it('is for managers and up', async () => {
    expect(await call('sync.requeue', { all: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('sync.requeue', { all: true }, await signIn('2222'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('validates its input: a list of seqs or all, not both, not neither', async () => {
    const manager = await signIn('3333');
    for (const bad of [{}, { all: false }, { seqs: [] }, { seqs: [0] }, { seqs: [1.5] }, { seqs: [1], all: true }, { seqs: Array.from({ length: 501 }, (_, i) => i + 1) }]) {
      expect(await call('sync.requeue', bad, manager)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });

  it('moves the chosen rows to new seqs, leaves the others, and audits who did it', async () => {
    const a = refuse('rq-a');
    const b = refuse('rq-b');
    const manager = await signIn('3333');
    const r = await call('sync.requeue', { seqs: [a, a, 999_999] }, manager); // named twice: moved once; unknown: skipped
    expect(r.ok).toBe(true);
    expect(r.data.requeued).toBe(1);
    const [{ from, to }] = r.data.moved;
    expect(from).toBe(a);
    expect(to).toBeGreaterThan(b);
    expect(status(a)).toBeUndefined();
    expect(status(to)).toBe('pending');
    expect(status(b)).toBe('quarantined');
    expect(core.db.prepare("SELECT count(*) FROM outbox WHERE record_id = 'rq-a'").pluck().get()).toBe(1);
    expect(events.some(([e]) => e === 'sync.state')).toBe(true);

    const all = await call('sync.requeue', { all: true }, manager);
    expect(all.data).toMatchObject({ requeued: 1, moved: [{ from: b }] });
    expect(core.db.prepare("SELECT count(*) FROM outbox WHERE status = 'quarantined'").pluck().get()).toBe(0);
    const audit = core.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'sync.requeue' ORDER BY seq").all() as Array<{ actor: string; details: string }>;
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ count: 1, moved: [{ from: a, to }] });
    expect(audit[0]!.actor).not.toBe('system');
  });
});
