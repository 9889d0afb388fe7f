// SQL-looking input is data, not code: through the kiosk's interaction write path and through the
// knowledge-base editor it is stored and read back byte for byte, and the schema is untouched.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core.ts';
import { recordInteraction } from '../../../electron/core/assistant/interactions.ts';
import { listInteractions } from '../../../electron/core/admin/interactions.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir('storemind-sql-');
let core: Core;
let manager: string;

const sqlish = [
  "Robert'); DROP TABLE interactions; --",
  "' OR '1'='1",
  '" OR ""="',
  "1; DELETE FROM users WHERE 'a'='a",
  "x' UNION SELECT pin_hash, pin_salt FROM users --",
  "'; ATTACH DATABASE '/tmp/evil.db' AS evil; --",
  "'); PRAGMA key = 'x'; --",
  'interactions_fts MATCH \'*\' OR "',
  "%' AND text_redacted LIKE '%",
  '\\x00\u0000 NUL inside',
];

function ask(text: string) {
  return recordInteraction(core.db, {
    terminalId: 't', sessionId: 's', text, intent: 'greeting', confidence: 0.9, answerId: 'a', answerText: text, handoff: false, modelVersion: 'm', latencyMs: 1,
  });
}

beforeAll(() => {
  core = createCore({ dataDir: path.join(dir, 'data'), loadModels: false });
  manager = core.services.sessions.open({ id: 'u-manager', name: 'M', role: 'manager' }, 'admin').token;
});
afterAll(() => core.close());

function schemaIntact() {
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  for (const t of ['interactions', 'users', 'audit_log', 'kb_entries', 'outbox']) expect(tables).toContain(t);
  expect(core.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(4);
}

describe('SQL-looking input through the interaction write path', () => {
  it('stores each sample verbatim and finds it again through the admin search', () => {
    for (const s of sqlish) {
      const row = ask(s);
      const stored = core.db.prepare('SELECT text_redacted, answer_text FROM interactions WHERE id = ?').get(row.id) as { text_redacted: string; answer_text: string };
      expect(stored.text_redacted).toBe(s);
      expect(stored.answer_text).toBe(s);
      const found = listInteractions(core.db, { filter: { q: s }, limit: 50 }).items;
      expect(found.map((f) => f.id), s).toContain(row.id);
      const outbox = core.db.prepare("SELECT payload FROM outbox WHERE kind = 'interaction' AND record_id = ?").pluck().get(row.id) as string;
      expect(JSON.parse(outbox).text_redacted).toBe(s);
    }
    schemaIntact();
  });

  it('any text without digits or @ comes back exactly (nothing to redact)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/[\d@]/.test(s)), (s) => {
        const row = ask(s);
        expect(core.db.prepare('SELECT text_redacted FROM interactions WHERE id = ?').pluck().get(row.id)).toBe(s);
      }),
      { numRuns: 200, seed: 21 },
    );
    schemaIntact();
  });
});

describe('SQL-looking input through the knowledge-base editor', () => {
  it('stores titles, bodies and keywords verbatim and the kiosk reads them back', async () => {
    let n = 0;
    for (const s of [...sqlish, ...sqlish.map((x) => x.repeat(3))]) {
      const id = `faq.sql_${n++}`;
      const r = await core.dispatch('admin.kb.save', { id, kind: 'faq', title: s.trim(), body: s.trim(), keywords: s }, manager);
      expect(r.ok, s).toBe(true);
      const got = await core.dispatch('admin.kb.get', {}, manager);
      const e = (got as { ok: true; data: { entries: Array<{ id: string; title: string; body: string; keywords: string }> } }).data.entries.find((x) => x.id === id);
      expect(e).toMatchObject({ title: s.trim(), body: s.trim(), keywords: s });
      const prof = (await core.dispatch('store.profile', {}, null)) as { ok: true; data: { kb: Array<{ id: string; body: string }> } };
      expect(prof.data.kb.find((k) => k.id === id)?.body).toBe(s.trim());
    }
    schemaIntact();
  });

  it('any title and body round-trip exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 150 }).map((s) => s.trim()).filter((s) => s.length > 0), async (s) => {
        const r = await core.dispatch('admin.kb.save', { id: 'faq.fuzz', kind: 'faq', title: s, body: s }, manager);
        expect(r.ok).toBe(true);
        const row = core.db.prepare("SELECT title, body FROM kb_entries WHERE id = 'faq.fuzz'").get();
        expect(row).toEqual({ title: s, body: s });
      }),
      { numRuns: 150, seed: 22 },
    );
    schemaIntact();
  });
});
