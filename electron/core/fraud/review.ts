// Runs: node (core). The review queue: flagged transactions with their reasons, and staff verdicts.
// A verdict is a training label: it is stored on the decision, audited, and queued for sync with
// the features the engine saw, in one transaction.
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { enqueue } from '../db/outbox.ts';
import { appendAudit } from '../audit/audit.ts';
import { decisionReasons } from './reasons.ts';
import type { ReviewItem } from '../../../common/api/fraud.ts';

export type ReviewItemT = z.infer<typeof ReviewItem>;

/** Flagged: any decision but allow, or a score at or above this. */
export const FLAG_SCORE = 0.5;

interface Row {
  txn_id: string;
  ts: string;
  type: ReviewItemT['type'];
  status: ReviewItemT['status'];
  total_cents: number;
  terminal_id: string;
  cashier_id: string;
  cashier_name: string | null;
  approved_by: string | null;
  score: number;
  decision: ReviewItemT['decision'];
  reasons: string;
  verdict: ReviewItemT['verdict'];
  verdict_by: string | null;
  verdict_at: string | null;
}

const SELECT = `SELECT d.txn_id, t.ts, t.type, t.status, t.total_cents, t.terminal_id, t.cashier_id, u.name AS cashier_name,
    t.approved_by, d.score, d.decision, d.reasons, d.verdict, d.verdict_by, d.verdict_at
  FROM fraud_decisions d JOIN transactions t ON t.id = d.txn_id LEFT JOIN users u ON u.id = t.cashier_id`;
const FLAGGED = `(d.decision != 'allow' OR d.score >= ${FLAG_SCORE})`;

function toItem(r: Row): ReviewItemT {
  return {
    txnId: r.txn_id,
    ts: r.ts,
    type: r.type,
    status: r.status,
    totalCents: r.total_cents,
    terminalId: r.terminal_id,
    cashierId: r.cashier_id,
    cashierName: r.cashier_name ?? r.cashier_id,
    approvedBy: r.approved_by,
    score: r.score,
    decision: r.decision,
    ...decisionReasons(r.reasons),
    verdict: r.verdict,
    verdictBy: r.verdict_by,
    verdictAt: r.verdict_at,
  };
}

export function reviewQueue(db: Db, opts: { filter?: 'open' | 'flagged' | 'all'; limit?: number } = {}): { items: ReviewItemT[]; open: number } {
  const filter = opts.filter ?? 'open';
  const where = filter === 'all' ? '1' : filter === 'flagged' ? FLAGGED : `${FLAGGED} AND d.verdict IS NULL`;
  const rows = db
    .prepare(`${SELECT} WHERE ${where} ORDER BY d.ts DESC, t.rowid DESC LIMIT ?`)
    .all(opts.limit ?? 100) as Row[];
  const openCount = db.prepare(`SELECT count(*) FROM fraud_decisions d WHERE ${FLAGGED} AND d.verdict IS NULL`).pluck().get() as number;
  return { items: rows.map(toItem), open: openCount };
}

export function setVerdict(db: Db, txnId: string, verdict: 'fraud' | 'legitimate', actor: string, now = new Date()): ReviewItemT {
  db.transaction(() => {
    const d = db.prepare('SELECT features, score, decision, rules_version, model_version, verdict FROM fraud_decisions WHERE txn_id = ?').get(txnId) as
      | { features: string; score: number; decision: string; rules_version: string; model_version: string; verdict: string | null }
      | undefined;
    if (!d) throw new CoreError('NOT_FOUND', `No fraud decision for transaction ${txnId}.`);
    db.prepare('UPDATE fraud_decisions SET verdict = ?, verdict_by = ?, verdict_at = ? WHERE txn_id = ?').run(verdict, actor, now.toISOString(), txnId);
    enqueue(db, 'fraud_verdict', txnId, {
      txn_id: txnId,
      verdict,
      previous: d.verdict,
      score: d.score,
      decision: d.decision,
      rules_version: d.rules_version,
      model_version: d.model_version,
      features: JSON.parse(d.features) as unknown,
      by: actor,
      at: now.toISOString(),
    }, now);
    appendAudit(db, actor, 'fraud.verdict', txnId, { verdict, previous: d.verdict }, now);
  })();
  return toItem(db.prepare(`${SELECT} WHERE d.txn_id = ?`).get(txnId) as Row);
}
