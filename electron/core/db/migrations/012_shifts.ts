// Runs: node (core). Migration 012: shift and day routines (owned by: pos shifts).
//
// Why these tables: a till's cash is accounted for per shift (float in, sales and refunds through,
// drops out, a blind count at the end) and per day (the Z report, which can only be produced once
// per terminal and day and is numbered without gaps). The database enforces what a bug must never
// break: one open shift per terminal, one Z per terminal and day, positive drops.
export const sql = `
CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  float_cents INTEGER NOT NULL CHECK (float_cents BETWEEN 0 AND 1000000),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_at TEXT,
  closed_by TEXT,
  counted TEXT,                      -- JSON {"<denomination cents>": count}: the blind count as entered
  counted_cents INTEGER,
  expected_cents INTEGER,
  over_short_cents INTEGER,          -- counted - expected: positive is over, negative is short
  summary TEXT,                      -- JSON: the shift's totals at close (what the Z report adds up)
  z_report_id TEXT,                  -- the Z report that covered it, once one has
  CHECK (status = 'open' OR (closed_at IS NOT NULL AND counted_cents IS NOT NULL AND expected_cents IS NOT NULL))
);
CREATE UNIQUE INDEX shifts_one_open ON shifts(terminal_id) WHERE status = 'open';
CREATE INDEX shifts_terminal ON shifts(terminal_id, opened_at);
-- The X report and the close add up one terminal's transactions between two instants.
CREATE INDEX transactions_terminal_ts ON transactions(terminal_id, ts);

CREATE TABLE cash_drops (
  id TEXT PRIMARY KEY,
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  ts TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  note TEXT
);
CREATE INDEX cash_drops_shift ON cash_drops(shift_id);

CREATE TABLE z_reports (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  number INTEGER NOT NULL CHECK (number >= 1),
  business_date TEXT NOT NULL CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  report TEXT NOT NULL,              -- JSON: shifts covered and the day's totals, as printed
  UNIQUE (terminal_id, number),
  UNIQUE (terminal_id, business_date)
);

-- A closed shift whose count was off by at least the threshold (pos/shifts.ts) waits here for a
-- supervisor, next to the fraud review queue (which holds transactions only), and is audited.
CREATE TABLE shift_discrepancies (
  id TEXT PRIMARY KEY,
  shift_id TEXT NOT NULL UNIQUE REFERENCES shifts(id),
  ts TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  counted_cents INTEGER NOT NULL,
  expected_cents INTEGER NOT NULL,
  over_short_cents INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'reviewed')),
  reviewed_by TEXT,
  reviewed_at TEXT,
  note TEXT
);
CREATE INDEX shift_discrepancies_status ON shift_discrepancies(status, ts);

-- The notes and coins a drawer holds, per currency: data, so a store can add one without a release.
CREATE TABLE denominations (
  currency TEXT NOT NULL,
  cents INTEGER NOT NULL CHECK (cents > 0),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'coin')),
  PRIMARY KEY (currency, cents)
);
INSERT INTO denominations (currency, cents, kind) VALUES
  ('USD', 10000, 'note'), ('USD', 5000, 'note'), ('USD', 2000, 'note'), ('USD', 1000, 'note'), ('USD', 500, 'note'), ('USD', 100, 'note'),
  ('USD', 25, 'coin'), ('USD', 10, 'coin'), ('USD', 5, 'coin'), ('USD', 1, 'coin'),
  ('CNY', 10000, 'note'), ('CNY', 5000, 'note'), ('CNY', 2000, 'note'), ('CNY', 1000, 'note'), ('CNY', 500, 'note'), ('CNY', 100, 'note'),
  ('CNY', 50, 'coin'), ('CNY', 10, 'coin'),
  ('EUR', 20000, 'note'), ('EUR', 10000, 'note'), ('EUR', 5000, 'note'), ('EUR', 2000, 'note'), ('EUR', 1000, 'note'), ('EUR', 500, 'note'),
  ('EUR', 200, 'coin'), ('EUR', 100, 'coin'), ('EUR', 50, 'coin'), ('EUR', 20, 'coin'), ('EUR', 10, 'coin'), ('EUR', 5, 'coin'), ('EUR', 2, 'coin'), ('EUR', 1, 'coin'),
  ('GBP', 5000, 'note'), ('GBP', 2000, 'note'), ('GBP', 1000, 'note'), ('GBP', 500, 'note'),
  ('GBP', 200, 'coin'), ('GBP', 100, 'coin'), ('GBP', 50, 'coin'), ('GBP', 20, 'coin'), ('GBP', 10, 'coin'), ('GBP', 5, 'coin'), ('GBP', 2, 'coin'), ('GBP', 1, 'coin');
`;
