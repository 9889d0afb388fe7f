// Runs: node (core). The back office's read side of kiosk interactions: keyset pages (ts, id),
// newest first, never OFFSET, so page 20 000 costs what page 1 costs; filters that each ride an
// index ending in (ts, id) (migration 004); text search pages straight from the contentless FTS5
// index, newest recorded first (rowid DESC).
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import type { InteractionFilterInput, InteractionViewRow } from '../../../common/api/admin.ts';

export interface StoredInteraction {
  rowid: number;
  id: string;
  ts: string;
  terminal_id: string;
  text_redacted: string;
  intent: string;
  corrected_intent: string | null;
  confidence: number;
  answer_text: string;
  handoff: number;
  feedback: number | null;
  model_version: string;
  latency_ms: number;
}

export const COLUMNS = 'i.rowid, i.id, i.ts, i.terminal_id, i.text_redacted, i.intent, i.corrected_intent, i.confidence, i.answer_text, i.handoff, i.feedback, i.model_version, i.latency_ms';

export function toView(r: StoredInteraction): InteractionViewRow {
  return {
    id: r.id,
    ts: r.ts,
    terminalId: r.terminal_id,
    text: r.text_redacted,
    intent: r.intent,
    correctedIntent: r.corrected_intent,
    confidence: r.confidence,
    answerText: r.answer_text,
    handoff: r.handoff === 1,
    feedback: r.feedback,
    modelVersion: r.model_version,
    latencyMs: r.latency_ms,
  };
}

/** The cursor is opaque to callers: base64url of [ts, id] of the last row of the page. */
export function encodeCursor(ts: string, id: string): string {
  return Buffer.from(JSON.stringify([ts, id]), 'utf8').toString('base64url');
}

/** A text-search page's cursor: base64url of [rowid] of the last row (pages follow the FTS index). */
export function encodeRowCursor(rowid: number): string {
  return Buffer.from(JSON.stringify([rowid]), 'utf8').toString('base64url');
}

type Cursor = { kind: 'keyset'; ts: string; id: string } | { kind: 'row'; rowid: number };

function parseCursor(cursor: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { kind: 'keyset', ts: v[0], id: v[1] };
    if (Array.isArray(v) && v.length === 1 && Number.isSafeInteger(v[0]) && (v[0] as number) > 0) return { kind: 'row', rowid: v[0] as number };
  } catch {
    // fall through to the one clear error below
  }
  throw new CoreError('BAD_INPUT', 'That page cursor is not valid; start again from the first page.');
}

export function decodeCursor(cursor: string): { ts: string; id: string } {
  const c = parseCursor(cursor);
  if (c.kind !== 'keyset') throw new CoreError('BAD_INPUT', 'That page cursor is not valid; start again from the first page.');
  return { ts: c.ts, id: c.id };
}

// Han, Hiragana, Katakana, Hangul: unicode61 does not split these into words, so such queries
// fall back to a substring match.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Turns what staff typed into a safe FTS5 query: words only (letters and digits), each quoted, the
 * last one as a prefix, all required. No FTS5 syntax from the user ever reaches MATCH, so quotes,
 * NEAR, column filters and the like cannot make the query fail. Null when a substring match is needed.
 */
export function ftsQuery(q: string): string | null {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || CJK.test(q)) return null;
  const parts = words.slice(0, 12).map((w) => `"${w}"`);
  parts[parts.length - 1] += '*';
  return parts.join(' AND ');
}

function likePattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function isoOrThrow(v: string, name: string): string {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new CoreError('BAD_INPUT', `${name} is not a valid date and time.`);
  return d.toISOString();
}

/** WHERE terms and parameters for a filter; shared by the list, the export and the CLI. */
export function filterSql(f: InteractionFilterInput = {}): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const q = f.q?.trim();
  if (q) {
    const match = ftsQuery(q);
    if (match) {
      where.push('i.rowid IN (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH @match)');
      params.match = match;
    } else {
      where.push("i.text_redacted LIKE @like ESCAPE '\\'");
      params.like = likePattern(q);
    }
  }
  if (f.intent) {
    // The model's intent (rides interactions_intent_ts_id); corrections have their own filter.
    where.push('i.intent = @intent');
    params.intent = f.intent;
  }
  if (f.from) {
    where.push('i.ts >= @from');
    params.from = isoOrThrow(f.from, 'from');
  }
  if (f.to) {
    where.push('i.ts < @to');
    params.to = isoOrThrow(f.to, 'to');
  }
  if (f.handoff === true) where.push('i.handoff = 1');
  if (f.handoff === false) where.push('i.handoff = 0');
  if (f.feedback === 'up') where.push('i.feedback = 1');
  if (f.feedback === 'down') where.push('i.feedback = -1');
  if (f.feedback === 'none') where.push('i.feedback IS NULL');
  if (f.feedback === 'any') where.push('i.feedback IS NOT NULL');
  if (f.corrected === true) where.push('i.corrected_intent IS NOT NULL');
  if (f.corrected === false) where.push('i.corrected_intent IS NULL');
  return { where, params };
}

export interface Page {
  items: InteractionViewRow[];
  nextCursor: string | null;
}

export function listInteractions(db: Db, opts: { filter?: InteractionFilterInput; limit?: number; cursor?: string }): Page {
  const limit = opts.limit ?? 50;
  const q = opts.filter?.q?.trim();
  const match = q ? ftsQuery(q) : null;
  if (match) return listByText(db, match, { ...opts, limit });
  const { where, params } = filterSql(opts.filter);
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    where.push('(i.ts, i.id) < (@cts, @cid)');
    params.cts = c.ts;
    params.cid = c.id;
  }
  const sql = `SELECT ${COLUMNS} FROM interactions i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.ts DESC, i.id DESC LIMIT ${limit + 1}`;
  const rows = db.prepare(sql).all(params) as StoredInteraction[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { items: page.map(toView), nextCursor: more && last ? encodeCursor(last.ts, last.id) : null };
}

/**
 * A text-search page straight from the FTS index: its rowids newest first (rowid DESC, which is the
 * order rows were recorded in), each joined back to its row for the other filters, stopping at the
 * page size. A common word no longer means collecting every match and sorting by (ts, id): the
 * first page reads ~limit postings. Rows recorded in the same instant come in recording order; a
 * terminal clock set back would show its later rows first (they were recorded later). The cursor
 * is the last rowid, so pages never repeat or skip a row.
 */
function listByText(db: Db, match: string, opts: { filter?: InteractionFilterInput; limit: number; cursor?: string }): Page {
  const { where, params } = filterSql({ ...opts.filter, q: undefined });
  params.match = match;
  if (opts.cursor) {
    const c = parseCursor(opts.cursor);
    if (c.kind !== 'row') throw new CoreError('BAD_INPUT', 'That page cursor belongs to another search; start again from the first page.');
    where.push('interactions_fts.rowid < @crow');
    params.crow = c.rowid;
  }
  // CROSS JOIN keeps the FTS table as the outer loop, so ORDER BY rowid DESC is the index's own order.
  const sql = `SELECT ${COLUMNS} FROM interactions_fts CROSS JOIN interactions i ON i.rowid = interactions_fts.rowid
    WHERE interactions_fts MATCH @match${where.length ? ` AND ${where.join(' AND ')}` : ''}
    ORDER BY interactions_fts.rowid DESC LIMIT ${opts.limit + 1}`;
  const rows = db.prepare(sql).all(params) as StoredInteraction[];
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  const last = page.at(-1);
  return { items: page.map(toView), nextCursor: more && last ? encodeRowCursor(last.rowid) : null };
}

/** Every row matching a filter, newest first, streamed (for the exports). */
export function iterateInteractions(db: Db, filter?: InteractionFilterInput, limit?: number): IterableIterator<StoredInteraction> {
  const { where, params } = filterSql(filter);
  const sql = `SELECT ${COLUMNS} FROM interactions i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.ts DESC, i.id DESC${limit ? ` LIMIT ${limit}` : ''}`;
  return db.prepare(sql).iterate(params) as IterableIterator<StoredInteraction>;
}

/**
 * Distinct intents (predicted and corrected) without reading every row: a loose index scan that
 * jumps from one intent to the next along interactions_intent_ts_id.
 */
export function distinctIntents(db: Db): string[] {
  const predicted = db
    .prepare(
      `WITH RECURSIVE t(v) AS (SELECT min(intent) FROM interactions
         UNION ALL SELECT (SELECT min(intent) FROM interactions WHERE intent > t.v) FROM t WHERE t.v IS NOT NULL)
       SELECT v FROM t WHERE v IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  const corrected = db
    .prepare('SELECT DISTINCT corrected_intent FROM interactions WHERE corrected_intent IS NOT NULL')
    .pluck()
    .all() as string[];
  return [...new Set([...predicted, ...corrected])].sort();
}
