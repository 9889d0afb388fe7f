// Runs: node (core). The stock ledger's staff actions: write-offs and adjustments with a reason,
// and cycle counts that post the variance as a movement. Each is one SQLite transaction with its
// audit entry; on hand only ever changes by a movement (stock.ts), never by writing a number.
import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { recordMovement } from './stock.ts';
import type { StockMovementT } from '../../../common/api/live.ts';
import { ADJUST_REASONS } from '../../../common/api/inventory.ts';

/** What a staff adjustment says happened, and the ledger reason and sign it must have. */
const ADJUST_RULES = {
  damaged: { movement: 'shrink', sign: -1 },
  expired: { movement: 'shrink', sign: -1 },
  theft: { movement: 'shrink', sign: -1 },
  lost: { movement: 'shrink', sign: -1 },
  found: { movement: 'count', sign: 1 },
  transfer_in: { movement: 'transfer', sign: 1 },
  transfer_out: { movement: 'transfer', sign: -1 },
  correction: { movement: 'count', sign: 0 },
} as const satisfies Record<(typeof ADJUST_REASONS)[number], { movement: StockMovementT['reason']; sign: -1 | 0 | 1 }>;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

export interface Actor {
  userId: string;
  terminalId: string;
  now?: Date;
}

function onHand(db: Db, sku: string): { productId: string; onHand: number } {
  const r = db.prepare(`SELECT p.id, coalesce(s.quantity, 0) AS q FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store' WHERE p.sku = ?`).get(sku) as
    { id: string; q: number } | undefined;
  if (!r) throw new CoreError('NOT_FOUND', `No product with SKU ${sku}.`);
  return { productId: r.id, onHand: r.q };
}

export interface AdjustInput {
  sku: string;
  /** Signed units: -3 writes three off, +2 brings two in. */
  qty: number;
  reason: AdjustReason;
  note?: string;
  /** The client's id for this adjustment: sending it twice moves stock once. */
  id?: string;
}

export interface AdjustResult {
  id: string;
  sku: string;
  delta: number;
  onHand: number;
  duplicate: boolean;
}

export function adjustStock(db: Db, input: AdjustInput, by: Actor): AdjustResult {
  const rule = ADJUST_RULES[input.reason as AdjustReason] as (typeof ADJUST_RULES)[AdjustReason] | undefined;
  if (!rule) throw new CoreError('BAD_INPUT', `Unknown reason "${input.reason}"; use one of ${ADJUST_REASONS.join(', ')}.`);
  if (!Number.isInteger(input.qty) || input.qty === 0) throw new CoreError('BAD_INPUT', 'The quantity must be a whole number other than 0.');
  if (rule.sign !== 0 && Math.sign(input.qty) !== rule.sign) {
    throw new CoreError('BAD_INPUT', `A "${input.reason}" adjustment ${rule.sign < 0 ? 'takes stock away: give a negative quantity' : 'adds stock: give a positive quantity'}.`);
  }
  const now = by.now ?? new Date();
  const id = `adj:${input.id ?? crypto.randomUUID()}`;
  return db.transaction(() => {
    onHand(db, input.sku);
    const note = [input.reason, input.note?.trim()].filter(Boolean).join(': ').slice(0, 200);
    const fresh = recordMovement(db, { id, sku: input.sku, delta: input.qty, reason: rule.movement, ref: null, terminalId: by.terminalId, at: now.toISOString(), note });
    if (fresh) appendAudit(db, by.userId, 'stock.adjust', input.sku, { id, delta: input.qty, reason: input.reason, note: input.note ?? null }, now);
    return { id, sku: input.sku, delta: input.qty, onHand: onHand(db, input.sku).onHand, duplicate: !fresh };
  })();
}

export interface CountLine {
  sku: string;
  counted: number;
}

export interface CountLineResult {
  sku: string;
  expected: number;
  counted: number;
  variance: number;
  /** posted: the variance moved stock; matched: nothing to correct; already_posted: this count was posted before. */
  status: 'posted' | 'matched' | 'already_posted';
}

/**
 * Posts a cycle count: for each counted product the variance against on hand now becomes a 'count'
 * movement. The count's id makes posting it twice harmless; a later, new count of the same shelf
 * is measured against the stock as it is then, so it only corrects what is still wrong.
 */
export function postCount(db: Db, input: { countId: string; lines: CountLine[]; note?: string }, by: Actor): CountLineResult[] {
  if (input.lines.length === 0) throw new CoreError('BAD_INPUT', 'A count needs at least one counted product.');
  const seen = new Set<string>();
  for (const l of input.lines) {
    if (!Number.isInteger(l.counted) || l.counted < 0) throw new CoreError('BAD_INPUT', `${l.sku}: a counted quantity is a whole number, 0 or more.`);
    if (seen.has(l.sku)) throw new CoreError('BAD_INPUT', `${l.sku} is counted twice in one count; count it once.`);
    seen.add(l.sku);
  }
  const now = by.now ?? new Date();
  return db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM stock_movements WHERE id = ?').pluck();
    const out = input.lines.map((l): CountLineResult => {
      const { onHand: expected } = onHand(db, l.sku);
      const id = `count:${input.countId}:${l.sku}`;
      if (exists.get(id)) return { sku: l.sku, expected, counted: l.counted, variance: 0, status: 'already_posted' };
      const variance = l.counted - expected;
      if (variance === 0) return { sku: l.sku, expected, counted: l.counted, variance, status: 'matched' };
      const note = `counted ${l.counted}, expected ${expected}${input.note ? `: ${input.note.trim()}` : ''}`.slice(0, 200);
      recordMovement(db, { id, sku: l.sku, delta: variance, reason: 'count', ref: input.countId, terminalId: by.terminalId, at: now.toISOString(), note });
      return { sku: l.sku, expected, counted: l.counted, variance, status: 'posted' };
    });
    // A count posted again (every line already in the ledger) is not a new count to prove.
    if (out.some((l) => l.status !== 'already_posted')) {
      appendAudit(db, by.userId, 'stock.count', input.countId, {
        lines: out.length,
        posted: out.filter((l) => l.status === 'posted').map((l) => ({ sku: l.sku, expected: l.expected, counted: l.counted })),
        note: input.note ?? null,
      }, now);
    }
    return out;
  })();
}
