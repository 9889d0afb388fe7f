// Runs: node (core). Migration 011: the till's hardware routines (owned by: printing).
//
// Why a queue and not a direct write: a receipt printer is the least reliable part of a till (off,
// out of paper, jammed, a cable pulled). The sale commits first and never waits for it; the print
// job is written in the sale's own SQLite transaction, so a receipt is never lost between the two,
// and the worker keeps retrying until the printer takes it.
export const sql = `
CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('receipt', 'drawer', 'report', 'test')),
  ref TEXT,                          -- the transaction (receipt), the report's id, the drawer opening
  copy INTEGER NOT NULL DEFAULT 0,   -- 0 for the original, n for the n-th reprint
  status TEXT NOT NULL CHECK (status IN ('queued', 'done', 'expired')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  doc TEXT,                          -- JSON: what to print, when it is not rebuilt from 'ref'
  bytes BLOB,                        -- the ESC/POS bytes, encoded once so every retry prints the same receipt
  expires_at TEXT,                   -- a drawer kick is worth nothing a minute later
  printed_at TEXT
);
CREATE INDEX print_jobs_due ON print_jobs(status, next_attempt_at);
CREATE INDEX print_jobs_ref ON print_jobs(ref);

-- Every time the till asks the drawer to open, and why (owned by: printing; written in the
-- transaction of the sale, refund, void or no-sale that needed it).
CREATE TABLE drawer_openings (
  id TEXT PRIMARY KEY,
  ts TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('cash_sale', 'cash_refund', 'cash_void', 'no_sale', 'shift')),
  txn_id TEXT,
  note TEXT
);
CREATE INDEX drawer_openings_ts ON drawer_openings(terminal_id, ts);

-- What the shopper handed over for a cash payment (the change is printed) and a weighed line's weight.
ALTER TABLE transactions ADD COLUMN tendered_cents INTEGER;
-- Why a no-sale opened the drawer (kept with it: a held one opens only when a manager approves).
ALTER TABLE transactions ADD COLUMN note TEXT;
ALTER TABLE transaction_items ADD COLUMN weight_g INTEGER;
`;
