// Runs: node (core). Migration 003: POS and fraud engine. Forward-only: never edit a shipped
// migration, add a new one.
//
// Why a daily rollup per cashier: the fraud features look back 7 days per cashier (refund ratio,
// voids after tender, overrides, discounts, keyed cards). Scanning a week of raw rows costs time
// that grows with the store's volume; 8 rollup rows cost the same at 1 million transactions as at
// 1 thousand. Short windows (minutes, an hour) read the raw rows through covering indexes.
export const sql = String.raw`
-- A sale's own receipt number (printed, typed back in for a refund with receipt).
ALTER TABLE transactions ADD COLUMN receipt_no TEXT;
CREATE UNIQUE INDEX transactions_receipt_no ON transactions(receipt_no) WHERE receipt_no IS NOT NULL;
CREATE INDEX transactions_original ON transactions(original_txn_id) WHERE original_txn_id IS NOT NULL;
-- Covering indexes for the short velocity windows (no table lookups on the hot path).
CREATE INDEX transactions_terminal_cov ON transactions(terminal_id, ts, type, tender_method, total_cents, entry_mode, card_fingerprint);
CREATE INDEX transactions_cashier_cov ON transactions(cashier_id, ts, type, total_cents, tender_method);
CREATE INDEX transactions_card_cov ON transactions(card_fingerprint, ts, total_cents, terminal_id) WHERE card_fingerprint IS NOT NULL;

-- The decision's inputs, kept so a verdict can become a training label with the features it saw.
ALTER TABLE fraud_decisions ADD COLUMN model_score REAL;
ALTER TABLE fraud_decisions ADD COLUMN rules_fired TEXT NOT NULL DEFAULT '[]';
ALTER TABLE fraud_decisions ADD COLUMN features TEXT NOT NULL DEFAULT '{}';
CREATE INDEX fraud_decisions_queue ON fraud_decisions(decision, ts);
CREATE INDEX fraud_decisions_verdict ON fraud_decisions(verdict, ts);

-- Per cashier per UTC day (owned by: fraud engine; written in the transaction that records a txn).
CREATE TABLE fraud_cashier_days (
  cashier_id TEXT NOT NULL,
  day TEXT NOT NULL,                 -- 'YYYY-MM-DD'
  n_txn INTEGER NOT NULL DEFAULT 0,
  n_sales INTEGER NOT NULL DEFAULT 0,
  sale_cents INTEGER NOT NULL DEFAULT 0,
  n_refunds INTEGER NOT NULL DEFAULT 0,
  refund_cents INTEGER NOT NULL DEFAULT 0,
  n_refunds_no_receipt INTEGER NOT NULL DEFAULT 0,
  n_voids INTEGER NOT NULL DEFAULT 0,
  void_cents INTEGER NOT NULL DEFAULT 0,
  n_no_sale INTEGER NOT NULL DEFAULT 0,
  n_lines INTEGER NOT NULL DEFAULT 0,
  n_override_lines INTEGER NOT NULL DEFAULT 0,
  n_discount_lines INTEGER NOT NULL DEFAULT 0,
  list_cents INTEGER NOT NULL DEFAULT 0,   -- what the scanned items cost at shelf price
  markdown_cents INTEGER NOT NULL DEFAULT 0, -- overrides + discounts below shelf price
  n_card INTEGER NOT NULL DEFAULT 0,
  n_keyed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (cashier_id, day)
) WITHOUT ROWID;

-- Versioned rule sets (owned by: fraud engine; updated by sync download). Exactly one is active.
CREATE TABLE fraud_rulesets (
  version TEXT PRIMARY KEY,
  body TEXT NOT NULL,                -- JSON, validated before it is stored
  source TEXT NOT NULL,              -- 'builtin', 'sync', 'admin'
  active INTEGER NOT NULL DEFAULT 0,
  installed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX fraud_rulesets_one_active ON fraud_rulesets(active) WHERE active = 1;
`;
