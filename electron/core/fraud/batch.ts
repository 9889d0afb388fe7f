// Runs: node (core). `storemind fraud score --batch`: each input line is checked, decided and
// recorded in order, so history builds up as it would in the store. One answer per line: a
// decision, a duplicate's existing decision (never recorded twice), or a clear reason the line was
// refused. Bad input is never silently accepted and never a crash.
import type { Db } from '../db/database.ts';
import { ScoreTxnInput } from '../../../common/api/fraud.ts';
import { looksLikePan } from '../pos/pan.ts';
import { recordTransaction, transactionExists } from '../pos/record.ts';
import type { FraudEngine } from './engine.ts';
import { reasonTexts, storedReasons } from './reasons.ts';
import type { Reason, TxnRecord } from './types.ts';
import { zodIssue } from '../../../common/zod-issue.ts';

export type BatchAnswer =
  | { id: string; score: number; decision: string; reasons: string[]; duplicate?: true }
  | { id: string | null; line: number; error: string };

/** Later than this ahead of the terminal's clock is refused; a little ahead is recorded but flagged. */
export const FUTURE_REJECT_MS = 24 * 3600_000;
export const FUTURE_FLAG_MS = 5 * 60_000;

const cents = (x: number) => Math.round(x * 100);

/** Parses and checks one line; returns the record, or the reason it is refused. */
export function parseBatchLine(text: string, now: Date): { ok: true; txn: TxnRecord; flags: Reason[] } | { ok: false; id: string | null; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: 'not valid JSON' };
  }
  const rawId = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? ((raw as { id: string }).id.slice(0, 64)) : null;
  // Card numbers are refused by name before any other check, so the answer says what went wrong.
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const tenderRaw = (o.tender && typeof o.tender === 'object' ? o.tender : {}) as Record<string, unknown>;
  for (const [name, v] of [['id', o.id], ['tender.card_fingerprint', tenderRaw.card_fingerprint], ['receipt_ref', o.receipt_ref], ['original_txn_id', o.original_txn_id]] as const) {
    if (typeof v === 'string' && looksLikePan(v)) return { ok: false, id: rawId, error: `${name} looks like a card number; StoreMind accepts only the payment terminal's token` };
  }
  const p = ScoreTxnInput.safeParse(raw);
  if (!p.success) {
    return { ok: false, id: rawId, error: zodIssue(p.error).where };
  }
  const x = p.data;
  const fail = (error: string) => ({ ok: false as const, id: x.id, error });
  const at = Date.parse(x.ts);
  if (at - now.getTime() > FUTURE_REJECT_MS) return fail(`ts ${x.ts} is more than 24 hours in the future`);
  const flags: Reason[] = [];
  if (at - now.getTime() > FUTURE_FLAG_MS) flags.push({ code: 'flag.clock_ahead', text: 'Timestamp is ahead of this terminal\'s clock' });
  const tender = x.tender ?? null;
  switch (x.type) {
    case 'sale':
    case 'refund':
      if (x.items.length === 0) return fail(`a ${x.type} needs at least one item`);
      if (!tender) return fail(`a ${x.type} needs a tender`);
      if (x.type === 'sale' && x.total < 0) return fail('a sale cannot have a negative total');
      break;
    case 'void':
      if (!x.original_txn_id) return fail('a void needs original_txn_id');
      break;
    case 'no_sale':
      if (x.items.length) return fail('a no_sale has no items');
      break;
  }
  if (tender?.method === 'card' && (!tender.card_fingerprint || !tender.entry_mode)) return fail('a card tender needs card_fingerprint and entry_mode');
  for (const it of x.items) {
    if (it.override_price !== null && it.override_price > it.unit_price * 10 + 100) return fail(`items: override_price for ${it.sku} is absurd next to its unit price`);
    if (it.discount > it.qty * (it.override_price ?? it.unit_price) + 0.005) return fail(`items: discount for ${it.sku} is larger than the line`);
  }
  const txn: TxnRecord = {
    id: x.id,
    ts: new Date(at).toISOString(),
    terminalId: x.terminal_id,
    cashierId: x.cashier_id,
    type: x.type,
    items: x.items.map((it) => ({
      sku: it.sku,
      qty: it.qty,
      unitCents: cents(it.unit_price),
      overrideCents: it.override_price === null ? null : cents(it.override_price),
      discountCents: cents(it.discount),
    })),
    totalCents: Math.abs(cents(x.total)),
    tender: {
      method: tender?.method ?? null,
      fingerprint: tender?.method === 'card' ? tender.card_fingerprint : null,
      last4: tender?.method === 'card' ? (tender.last4 ?? null) : null,
      entryMode: tender?.method === 'card' ? tender.entry_mode : null,
    },
    receiptRef: x.receipt_ref,
    originalTxnId: x.original_txn_id,
  };
  return { ok: true, txn, flags };
}

function storedDecision(db: Db, id: string): { score: number; decision: string; reasons: string[] } {
  const r = db.prepare('SELECT score, decision, reasons FROM fraud_decisions WHERE txn_id = ?').get(id) as { score: number; decision: string; reasons: string } | undefined;
  return r ? { score: r.score, decision: r.decision, reasons: reasonTexts(storedReasons(r.reasons)) } : { score: 0, decision: 'allow', reasons: [] };
}

export async function scoreLine(db: Db, engine: FraudEngine, text: string, lineNo: number, now = new Date()): Promise<BatchAnswer> {
  const parsed = parseBatchLine(text, now);
  if (!parsed.ok) return { id: parsed.id, line: lineNo, error: parsed.error };
  const t = parsed.txn;
  if (transactionExists(db, t.id)) {
    const d = storedDecision(db, t.id);
    return { id: t.id, ...d, score: round(d.score), reasons: ['Duplicate transaction id: already recorded, not recorded again', ...d.reasons], duplicate: true };
  }
  const decision = await engine.decide(t, parsed.flags);
  const unknown = decision.features.unknown_skus ?? 0;
  if (unknown > 0) {
    const known = new Set(db.prepare(`SELECT sku FROM products WHERE sku IN (${t.items.map(() => '?').join(',')})`).pluck().all(...t.items.map((i) => i.sku)) as string[]);
    // After the rules and flags, before the model's drivers.
    const skus = [...new Set(t.items.map((i) => i.sku).filter((s) => !known.has(s)))].slice(0, 5).join(', ');
    decision.reasons.splice(decision.rulesFired.length + parsed.flags.length, 0, { code: 'flag.unknown_skus', text: `Unknown SKU${unknown > 1 ? 's' : ''}: ${skus}`, value: skus });
  }
  // A flagged line (unknown SKU, clock ahead) is never plainly allowed.
  if ((parsed.flags.length || unknown > 0) && decision.decision === 'allow') decision.decision = 'review';
  recordTransaction(db, t, decision);
  return { id: t.id, score: round(decision.score), decision: decision.decision, reasons: reasonTexts(decision.reasons) };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
