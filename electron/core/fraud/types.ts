// Runs: node (core). The shapes the fraud engine and the POS share: one transaction as the core
// records it (money in integer cents, time as UTC ISO strings so they sort as text), a decision.

export type TxnType = 'sale' | 'refund' | 'void' | 'no_sale';
export type TenderMethod = 'cash' | 'card' | 'gift_card';
export type EntryMode = 'chip' | 'tap' | 'swipe' | 'keyed';
export type Action = 'allow' | 'review' | 'manager_approval' | 'block';

/** Precedence when several rules fire: the strongest action wins (block > manager_approval > review > allow). */
export const ACTION_RANK: Record<Action, number> = { allow: 0, review: 1, manager_approval: 2, block: 3 };

export interface TxnLine {
  sku: string;
  qty: number;
  unitCents: number;
  overrideCents: number | null;
  discountCents: number;
  /** A weighed line's label weight; the fraud features do not use it. */
  weightGrams?: number | null;
}

export interface TxnRecord {
  id: string;
  /** UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`: string order is time order. */
  ts: string;
  terminalId: string;
  cashierId: string;
  type: TxnType;
  items: TxnLine[];
  totalCents: number;
  tender: { method: TenderMethod | null; fingerprint: string | null; last4: string | null; entryMode: EntryMode | null };
  receiptRef: string | null;
  originalTxnId: string | null;
  /** A sale's own printed receipt number. */
  receiptNo?: string | null;
}

/**
 * One reason, as data: `code` says what it is (`rule.<rule id>`, `model.<feature>`, `flag.<what>`)
 * so a screen can say it in the reader's language; `text` is the English a log, the CLI and the
 * platform read; `value` is the number behind a model reason, already formatted ("7", "35%", "$4.20").
 */
export interface Reason {
  code: string;
  text: string;
  value?: string;
}

export interface Decision {
  score: number;
  decision: Action;
  reasons: Reason[];
  rulesFired: Array<{ id: string; action: Action; reason: string }>;
  modelScore: number;
  rulesVersion: string;
  modelVersion: string;
  features: Record<string, number>;
}
