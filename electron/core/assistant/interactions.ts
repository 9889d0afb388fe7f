// Runs: node (core). The one write path for kiosk interactions: the text is redacted here (so no
// caller can forget), and the row and its outbox entry commit in one SQLite transaction.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { enqueue } from '../db/outbox.ts';
import { redactText } from '../privacy/redact.ts';

export interface NewInteraction {
  terminalId: string;
  sessionId: string;
  text: string;
  intent: string;
  confidence: number;
  answerId: string;
  answerText: string;
  handoff: boolean;
  modelVersion: string;
  latencyMs: number;
}

export interface InteractionRow {
  id: string;
  ts: string;
  terminal_id: string;
  session_id: string;
  text_redacted: string;
  intent: string;
  confidence: number;
  answer_id: string;
  answer_text: string;
  handoff: number;
  model_version: string;
  latency_ms: number;
}

function toRow(i: NewInteraction, now: Date): InteractionRow {
  return {
    id: crypto.randomUUID(),
    ts: now.toISOString(),
    terminal_id: i.terminalId,
    session_id: i.sessionId,
    text_redacted: redactText(i.text).slice(0, 2000),
    intent: i.intent,
    confidence: i.confidence,
    answer_id: i.answerId,
    answer_text: redactText(i.answerText).slice(0, 4000),
    handoff: i.handoff ? 1 : 0,
    model_version: i.modelVersion,
    latency_ms: i.latencyMs,
  };
}

const INSERT = `INSERT INTO interactions (id, ts, terminal_id, session_id, text_redacted, intent, confidence, answer_id, answer_text, handoff, model_version, latency_ms)
  VALUES (@id, @ts, @terminal_id, @session_id, @text_redacted, @intent, @confidence, @answer_id, @answer_text, @handoff, @model_version, @latency_ms)`;

/** Records interactions (one or many) in a single transaction with their outbox rows. */
export function recordInteractions(db: Db, items: NewInteraction[], now = new Date()): InteractionRow[] {
  const insert = db.prepare(INSERT);
  return db.transaction(() =>
    items.map((i) => {
      const row = toRow(i, now);
      insert.run(row);
      enqueue(db, 'interaction', row.id, row, now);
      return row;
    }),
  )();
}

export function recordInteraction(db: Db, item: NewInteraction, now = new Date()): InteractionRow {
  return recordInteractions(db, [item], now)[0]!;
}
