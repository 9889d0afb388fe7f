// The admin domain on real SQLite files: keyset pages, filters, text search, intent corrections
// (outbox + audit), CSV export, retention of synced rows only, staff rules, settings, rollback.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { recordInteractions, type NewInteraction } from '../../../electron/core/assistant/interactions.ts';
import { listInteractions, ftsQuery, distinctIntents } from '../../../electron/core/admin/interactions.ts';
import { purgeInteractions } from '../../../electron/core/admin/retention.ts';
import { csvCell } from '../../../electron/core/admin/csv.ts';
import { verifyAuditChain } from '../../../electron/core/audit/audit.ts';
import { demoStaff } from '../../../electron/core/auth/users.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { defaultBundleDir } from '../../../electron/core/fraud/model.ts';

const dir = tempDir();
let core: Core;
const tokens: Record<string, string> = {};

function sample(i: number, over: Partial<NewInteraction> = {}): NewInteraction {
  const intents = ['returns_policy', 'store_hours', 'find_product', 'payment_methods'];
  return {
    terminalId: 'kiosk-1',
    sessionId: `s${i}`,
    text: `question number ${i} about ${intents[i % 4]!.replace('_', ' ')}`,
    intent: intents[i % 4]!,
    confidence: 0.5 + (i % 50) / 100,
    answerId: 'a',
    answerText: 'answer',
    handoff: i % 10 === 0,
    modelVersion: 'm@1',
    latencyMs: 5,
    ...over,
  };
}

async function call(op: string, input: unknown, role: string) {
  return core.dispatch(op, input, tokens[role]);
}

beforeAll(() => {
  core = createCore({ dataDir: path.join(dir, 'core'), loadModels: false });
  for (const s of demoStaff) tokens[s.role] = core.services.sessions.open({ id: s.id, name: s.name, role: s.role }, 'admin').token;
  // 250 rows spread over 250 minutes; several share a timestamp so the id tie-break matters.
  const base = Date.parse('2025-03-01T10:00:00Z');
  for (let i = 0; i < 250; i++) recordInteractions(core.db, [sample(i)], new Date(base + Math.floor(i / 3) * 60_000));
});

describe('interactions list', () => {
  it('pages by (ts, id) newest first with no gaps or repeats', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let prev: { ts: string; id: string } | null = null;
    for (;;) {
      const page = listInteractions(core.db, { limit: 17, ...(cursor ? { cursor } : {}) });
      for (const r of page.items) {
        if (prev) expect(r.ts < prev.ts || (r.ts === prev.ts && r.id < prev.id)).toBe(true);
        prev = r;
        seen.push(r.id);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
  });

  it('filters by intent, handoff, date range and text, and combines them', () => {
    const byIntent = listInteractions(core.db, { filter: { intent: 'store_hours' }, limit: 200 });
    expect(byIntent.items.length).toBeGreaterThan(50);
    expect(byIntent.items.every((r) => r.intent === 'store_hours')).toBe(true);
    const handoff = listInteractions(core.db, { filter: { handoff: true }, limit: 200 });
    expect(handoff.items).toHaveLength(25);
    const range = listInteractions(core.db, { filter: { from: '2025-03-01T10:00:00Z', to: '2025-03-01T10:03:00Z' }, limit: 200 });
    expect(range.items).toHaveLength(9);
    const text = listInteractions(core.db, { filter: { q: 'number 12' }, limit: 200 });
    expect(text.items.map((r) => r.text)).toContain('question number 12 about returns policy');
    expect(text.items.every((r) => /number 12/.test(r.text))).toBe(true);
    const both = listInteractions(core.db, { filter: { q: 'payment', handoff: true }, limit: 200 });
    expect(both.items.every((r) => r.handoff && r.intent === 'payment_methods')).toBe(true);
  });

  it('never passes FTS syntax through, and refuses a forged cursor clearly', () => {
    expect(ftsQuery('"; DROP TABLE x; -- NEAR(a b) col:foo*')).toBe('"DROP" AND "TABLE" AND "x" AND "NEAR" AND "a" AND "b" AND "col" AND "foo"*');
    expect(ftsQuery('退货')).toBeNull();
    for (const q of ['"', "'", '*', 'AND OR NOT', '^', '(', 'a"b', '%_\\']) expect(() => listInteractions(core.db, { filter: { q } })).not.toThrow();
    expect(() => listInteractions(core.db, { cursor: 'bm90IGpzb24' })).toThrow(/cursor is not valid/);
  });

  it('lists the intents seen', () => {
    expect(distinctIntents(core.db)).toEqual(['find_product', 'payment_methods', 'returns_policy', 'store_hours']);
  });
});

describe('labelling and export', () => {
  it('corrects an intent: row, training example in the outbox, audit entry', async () => {
    const [row] = listInteractions(core.db, { limit: 1 }).items;
    const r = await call('admin.interactions.correct', { id: row!.id, intent: 'opening_hours' }, 'supervisor');
    expect(r.ok && (r.data as { correctedIntent: string }).correctedIntent).toBe('opening_hours');
    const ob = core.db.prepare("SELECT payload FROM outbox WHERE kind = 'intent_correction' AND record_id = ?").get(row!.id) as { payload: string };
    expect(JSON.parse(ob.payload)).toMatchObject({ interactionId: row!.id, predictedIntent: row!.intent, correctedIntent: 'opening_hours', correctedBy: 'u-supervisor' });
    const audit = core.db.prepare("SELECT actor, target FROM audit_log WHERE action = 'interaction.correctIntent' ORDER BY seq DESC LIMIT 1").get();
    expect(audit).toEqual({ actor: 'u-supervisor', target: row!.id });
    expect((await call('admin.interactions.correct', { id: 'nope', intent: 'x' }, 'supervisor')).ok).toBe(false);
    expect(listInteractions(core.db, { filter: { corrected: true } }).items.map((i) => i.id)).toEqual([row!.id]);
  });

  it('exports CSV for managers only, audited, with formulas defused', async () => {
    recordInteractions(core.db, [sample(999, { text: '=HYPERLINK("http://x","click") mail me at a@b.co' })]);
    expect((await call('admin.interactions.export', {}, 'supervisor')).ok).toBe(false);
    const r = await call('admin.interactions.export', { filter: { q: 'hyperlink' } }, 'manager');
    expect(r.ok).toBe(true);
    const { csv, rows } = (r as { data: { csv: string; rows: number } }).data;
    expect(rows).toBe(1);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"") mail me at [email]"`);
    expect(csv).not.toContain('a@b.co');
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'data.export'").pluck().get()).toBe(1);
    expect(csvCell(-1, false)).toBe('-1');
    expect(csvCell('@cmd')).toBe("'@cmd");
  });
});

describe('retention', () => {
  it('purges only old interactions the platform acknowledged', () => {
    const d = createCore({ dataDir: path.join(dir, 'ret'), loadModels: false, seedDemo: false });
    const old = new Date('2024-01-01T00:00:00Z');
    const rows = recordInteractions(d.db, [sample(1), sample(2), sample(3)], old);
    recordInteractions(d.db, [sample(4)], new Date());
    d.db.prepare("UPDATE outbox SET status = 'acked' WHERE kind = 'interaction' AND record_id IN (?, ?)").run(rows[0]!.id, rows[1]!.id);
    const r = purgeInteractions(d.db, 30);
    expect(r.deleted).toBe(2);
    expect(d.db.prepare('SELECT id FROM interactions ORDER BY ts').pluck().all()).toEqual([rows[2]!.id, expect.any(String)]);
    // The FTS index forgot them too.
    expect(listInteractions(d.db, { filter: { q: 'question' } }).items).toHaveLength(2);
    expect(verifyAuditChain(d.db).ok).toBe(true);
    d.close();
  });
});

describe('staff, settings, models, KB', () => {
  it('adds, deactivates (not self, not the last admin) and resets PINs; a deactivated user\'s session ends', async () => {
    // Supervisors and above approve refunds and voids: 6 digits at least.
    const short = await call('admin.users.add', { name: 'Nia New', role: 'supervisor', pin: '5678' }, 'admin');
    expect(!short.ok && short.error.message).toMatch(/at least 6 digits/);
    const added = await call('admin.users.add', { name: 'Nia New', role: 'supervisor', pin: '567890' }, 'admin');
    expect(added.ok).toBe(true);
    const id = (added as { data: { id: string } }).data.id;
    const s = core.services.sessions.open({ id, name: 'Nia New', role: 'supervisor' }, 'admin');
    expect((await core.dispatch('admin.interactions.intents', {}, s.token)).ok).toBe(true);
    expect((await call('admin.users.deactivate', { id }, 'admin')).ok).toBe(true);
    const after = await core.dispatch('admin.interactions.intents', {}, s.token);
    expect(!after.ok && after.error.code).toBe('UNAUTHENTICATED');
    const self = await call('admin.users.deactivate', { id: 'u-admin' }, 'admin');
    expect(!self.ok && self.error.message).toMatch(/your own account/);
    // Another admin tries to remove the only other admin... first make a second admin, then the last one is protected.
    expect((await call('admin.users.add', { name: 'Sol Second', role: 'manager', pin: '246810' }, 'admin')).ok).toBe(true);
    const dup = await call('admin.users.resetPin', { id, pin: '246810' }, 'admin');
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    const shortReset = await call('admin.users.resetPin', { id, pin: '8765' }, 'admin');
    expect(!shortReset.ok && shortReset.error.code).toBe('BAD_INPUT');
    const back = await call('admin.users.resetPin', { id, pin: '876543' }, 'admin');
    expect(back.ok && (back.data as { active: boolean }).active).toBe(true);
    expect((await call('admin.users.list', {}, 'manager')).ok).toBe(false);
  });

  it('refuses to deactivate the last admin', async () => {
    const d = createCore({ dataDir: path.join(dir, 'admins'), loadModels: false });
    const ada = (await d.dispatch('admin.users.add', { name: 'Ada', role: 'admin', pin: '777123' }, d.services.sessions.open({ id: 'u-admin', name: 'A', role: 'admin' }, 'admin').token)) as { ok: true; data: { id: string } };
    const adaTok = d.services.sessions.open({ id: ada.data.id, name: 'Ada', role: 'admin' }, 'admin').token;
    expect((await d.dispatch('admin.users.deactivate', { id: 'u-admin' }, adaTok)).ok).toBe(true);
    const tok2 = d.services.sessions.open({ id: 'u-admin', name: 'A', role: 'admin' }, 'admin').token;
    const last = await d.dispatch('admin.users.deactivate', { id: ada.data.id }, tok2);
    // u-admin is inactive now, so its session is refused outright; the rule itself:
    expect(last.ok).toBe(false);
    const { deactivateStaff } = await import('../../../electron/core/admin/staff.ts');
    expect(() => deactivateStaff(d.db, 'someone', ada.data.id)).toThrow(/last active admin/);
    d.close();
  });

  it('saves settings with an audited diff', async () => {
    const r = await call('admin.settings.save', { interactionRetentionDays: 60, modelThreads: 2 }, 'admin');
    expect(r.ok && (r.data as { restartRequired: boolean }).restartRequired).toBe(true);
    const a = core.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(a)).toEqual({ interactionRetentionDays: { from: 30, to: 60 }, modelThreads: { from: 0, to: 2 } });
    expect((await call('admin.settings.save', { sessionIdleMinutes: 0 }, 'admin')).ok).toBe(false);
  });

  it('rolls a model back to a standby version', async () => {
    const ins = core.db.prepare("INSERT INTO models (name, version, kind, path, manifest_sha256, status, installed_at, activated_at) VALUES ('enc', ?, 'encoder', '/x', 'h', ?, ?, ?)");
    ins.run('1.0.0', 'standby', '2025-01-01', '2025-01-01');
    ins.run('1.1.0', 'active', '2025-02-01', '2025-02-01');
    ins.run('1.2.0', 'failed', '2025-03-01', null);
    const r = await call('admin.models.rollback', { name: 'enc', version: '1.0.0' }, 'manager');
    expect(r.ok).toBe(true);
    const rows = core.db.prepare("SELECT version, status FROM models WHERE name = 'enc' ORDER BY version").all();
    expect(rows).toEqual([{ version: '1.0.0', status: 'active' }, { version: '1.1.0', status: 'standby' }, { version: '1.2.0', status: 'failed' }]);
    const failed = await call('admin.models.rollback', { name: 'enc', version: '1.2.0' }, 'manager');
    expect(!failed.ok && failed.error.code).toBe('CONFLICT');
    const list = await call('admin.models.list', {}, 'manager');
    expect(list.ok).toBe(true);
    // The fraud model the POS decides with is listed as running (the shipped bundle here).
    const shippedFraud = JSON.parse(fs.readFileSync(path.join(defaultBundleDir(), 'manifest.json'), 'utf8')).version;
    expect(list.ok && (list.data as { loaded: unknown[] }).loaded).toContainEqual({ name: 'fraud-risk', version: shippedFraud, variant: 'onnx' });
  });

  it('edits the knowledge base, hours and holidays with validation', async () => {
    const save = await call('admin.kb.save', { id: 'policy.test', kind: 'policy', title: 'Test', body: 'Body' }, 'manager');
    expect(save.ok).toBe(true);
    const prof = await core.dispatch('store.profile', {}, null);
    expect(prof.ok && (prof.data as { kb: Array<{ id: string }> }).kb.some((k) => k.id === 'policy.test')).toBe(true);
    expect((await call('admin.kb.delete', { id: 'policy.test' }, 'manager')).ok).toBe(true);
    expect((await call('admin.kb.delete', { id: 'policy.test' }, 'manager')).ok).toBe(false);
    const hours = Array.from({ length: 7 }, (_, weekday) => ({ weekday, opens: weekday === 0 ? null : '08:00', closes: weekday === 0 ? null : '20:00' }));
    expect((await call('admin.hours.save', { hours }, 'manager')).ok).toBe(true);
    const bad = await call('admin.hours.save', { hours: hours.map((h) => ({ ...h, opens: '21:00' })) }, 'manager');
    expect(!bad.ok && bad.error.code).toBe('BAD_INPUT');
    expect((await call('admin.holidays.save', { date: '2025-12-25', opens: null, closes: null, note: 'Christmas' }, 'manager')).ok).toBe(true);
    expect((await call('admin.holidays.delete', { date: '2025-12-25' }, 'manager')).ok).toBe(true);
    expect((await call('admin.kb.save', { id: 'policy.x', kind: 'policy', title: 'T', body: 'B' }, 'supervisor')).ok).toBe(false);
  });

  it('keeps the audit chain intact through all of it', async () => {
    const r = await call('admin.audit.list', { limit: 5 }, 'manager');
    expect(r.ok && (r.data as { chain: { ok: boolean } }).chain.ok).toBe(true);
  });
});
