// Text search in the admin interactions list pages straight from the FTS index, newest recorded
// first: every match exactly once across pages, nothing else, other filters applied on the way,
// the same result set as a full scan, and a cursor from another kind of list refused clearly.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { recordInteractions, type NewInteraction } from '../../../electron/core/assistant/interactions.ts';
import { listInteractions } from '../../../electron/core/admin/interactions.ts';
import type { InteractionFilterInput } from '../../../common/api/admin.ts';
import { tempDir } from '../../helpers/tmp.ts';

let db: Db;
const WORDS = ['milk', 'bread', 'batteries', 'refund', 'receipt', 'aisle', 'pharmacy', 'coffee'];

function row(i: number): NewInteraction {
  const words = [WORDS[i % 8]!, WORDS[(i * 3) % 8]!, WORDS[(i * 5 + 1) % 8]!, `n${i}`];
  return {
    terminalId: 'kiosk-1', sessionId: `s${i}`, text: `where is the ${words.join(' ')}`, intent: i % 3 ? 'find_product' : 'returns_policy',
    confidence: 0.9, answerId: 'a', answerText: 'answer', handoff: i % 7 === 0, modelVersion: 'm@1', latencyMs: 5,
  };
}

function all(filter: InteractionFilterInput, limit: number): Array<{ id: string; text: string; intent: string; handoff: boolean }> {
  const out: Array<{ id: string; text: string; intent: string; handoff: boolean }> = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = listInteractions(db, { filter, limit, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

beforeAll(() => {
  db = openDatabase(path.join(tempDir(), 'storemind.db'));
  const base = Date.parse('2025-03-01T10:00:00Z');
  // Several rows per instant (ties in ts) and a few deleted rows (gaps in rowid).
  for (let i = 0; i < 600; i += 4) recordInteractions(db, [row(i), row(i + 1), row(i + 2), row(i + 3)], new Date(base + i * 1000));
  db.exec("DELETE FROM interactions WHERE text_redacted LIKE '% n13' OR text_redacted LIKE '% n14'");
});

describe('admin text search pages', () => {
  it('returns every match once, newest recorded first, and nothing else', () => {
    for (const [q, limit] of [['milk', 17], ['batteries refund', 5], ['pharm', 50], ['coffee aisle', 1]] as const) {
      const expected = db
        .prepare('SELECT id FROM interactions WHERE rowid IN (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ?) ORDER BY rowid DESC')
        .pluck()
        .all(q.split(' ').map((w, k, a) => `"${w}"${k === a.length - 1 ? '*' : ''}`).join(' AND ')) as string[];
      expect(expected.length).toBeGreaterThan(20);
      const got = all({ q }, limit);
      expect(got.map((r) => r.id)).toEqual(expected);
      const words = q.split(' ');
      expect(got.every((r) => words.every((w) => r.text.includes(w)))).toBe(true);
    }
  });

  it('applies the other filters while paging', () => {
    const got = all({ q: 'receipt', handoff: true, intent: 'returns_policy' }, 3);
    const expected = db
      .prepare("SELECT id FROM interactions WHERE text_redacted LIKE '%receipt%' AND handoff = 1 AND intent = 'returns_policy' ORDER BY rowid DESC")
      .pluck()
      .all();
    expect(expected.length).toBeGreaterThan(2);
    expect(got.map((r) => r.id)).toEqual(expected);
  });

  it('refuses a cursor from the plain list in a text search, and the other way round', () => {
    const plain = listInteractions(db, { limit: 5 });
    const text = listInteractions(db, { filter: { q: 'milk' }, limit: 5 });
    expect(() => listInteractions(db, { filter: { q: 'milk' }, cursor: plain.nextCursor! })).toThrow(/another search/);
    expect(() => listInteractions(db, { cursor: text.nextCursor! })).toThrow(/cursor is not valid/);
  });
});
