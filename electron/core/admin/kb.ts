// Runs: node (core). The knowledge-base editor's writes: entries, weekly hours and holiday
// exceptions. Inputs arrive zod-checked from the contract; every change is audited in the same
// transaction, and the kiosk is told the store's data changed.
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';

export interface KbEntryRow {
  id: string;
  kind: 'policy' | 'service' | 'facility' | 'payment' | 'loyalty' | 'delivery' | 'promotion' | 'faq';
  title: string;
  body: string;
  keywords: string;
  updatedAt: string;
}

export function readKb(db: Db) {
  return {
    entries: db.prepare('SELECT id, kind, title, body, keywords, updated_at AS updatedAt FROM kb_entries ORDER BY kind, id').all() as KbEntryRow[],
    hours: db.prepare('SELECT weekday, opens, closes FROM opening_hours ORDER BY weekday').all() as Array<{ weekday: number; opens: string | null; closes: string | null }>,
    holidays: db.prepare('SELECT date, opens, closes, note FROM holiday_hours ORDER BY date').all() as Array<{ date: string; opens: string | null; closes: string | null; note: string }>,
  };
}

export function saveKbEntry(db: Db, actor: string, e: { id: string; kind: KbEntryRow['kind']; title: string; body: string; keywords?: string | undefined }, now = new Date()): KbEntryRow {
  const updatedAt = now.toISOString();
  return db.transaction(() => {
    const existed = db.prepare('SELECT 1 FROM kb_entries WHERE id = ?').get(e.id) !== undefined;
    db.prepare(
      `INSERT INTO kb_entries (id, kind, title, body, keywords, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, body = excluded.body, keywords = excluded.keywords, updated_at = excluded.updated_at`,
    ).run(e.id, e.kind, e.title, e.body, e.keywords ?? '', updatedAt);
    appendAudit(db, actor, existed ? 'kb.update' : 'kb.create', e.id, { kind: e.kind, title: e.title, bodyChars: e.body.length }, now);
    return { id: e.id, kind: e.kind, title: e.title, body: e.body, keywords: e.keywords ?? '', updatedAt };
  })();
}

export function deleteKbEntry(db: Db, actor: string, id: string): void {
  db.transaction(() => {
    const row = db.prepare('SELECT title FROM kb_entries WHERE id = ?').get(id) as { title: string } | undefined;
    if (!row) throw new CoreError('NOT_FOUND', `No knowledge-base entry "${id}".`);
    db.prepare('DELETE FROM kb_entries WHERE id = ?').run(id);
    appendAudit(db, actor, 'kb.delete', id, { title: row.title });
  })();
}

export function saveHours(db: Db, actor: string, hours: Array<{ weekday: number; opens: string | null; closes: string | null }>): void {
  db.transaction(() => {
    const up = db.prepare('INSERT INTO opening_hours (weekday, opens, closes) VALUES (?, ?, ?) ON CONFLICT(weekday) DO UPDATE SET opens = excluded.opens, closes = excluded.closes');
    for (const d of hours) up.run(d.weekday, d.opens, d.closes);
    appendAudit(db, actor, 'hours.update', 'opening_hours', { hours });
  })();
}

export function saveHoliday(db: Db, actor: string, h: { date: string; opens: string | null; closes: string | null; note: string }): void {
  db.transaction(() => {
    db.prepare('INSERT INTO holiday_hours (date, opens, closes, note) VALUES (?, ?, ?, ?) ON CONFLICT(date) DO UPDATE SET opens = excluded.opens, closes = excluded.closes, note = excluded.note').run(
      h.date, h.opens, h.closes, h.note,
    );
    appendAudit(db, actor, 'holiday.save', h.date, h);
  })();
}

export function deleteHoliday(db: Db, actor: string, date: string): void {
  db.transaction(() => {
    if (db.prepare('DELETE FROM holiday_hours WHERE date = ?').run(date).changes === 0) throw new CoreError('NOT_FOUND', `No holiday exception on ${date}.`);
    appendAudit(db, actor, 'holiday.delete', date, {});
  })();
}
