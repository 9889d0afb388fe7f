// Runs: node (core). Inventory beyond sales (owned by: inventory service): why a movement was
// written (the write-off's cause, a count's expected and counted), purchase orders shared by the
// store, the nightly demand forecasts, and the replenishment policy per department.
export const sql = `
ALTER TABLE stock_movements ADD COLUMN note TEXT;
-- Suppliers deliver in packs (a case of 12); a suggested order is a whole number of packs.
ALTER TABLE products ADD COLUMN pack_size INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1);
CREATE TABLE purchase_orders (
  id TEXT PRIMARY KEY,
  supplier TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'partial', 'received', 'cancelled')),
  expected_date TEXT,               -- 'YYYY-MM-DD': the kiosk's "next delivery expected Thursday"
  lines TEXT NOT NULL,              -- JSON [{ sku, qty, received, reason }]
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,         -- the store keeps the newest version of an order
  terminal_id TEXT NOT NULL
);
CREATE INDEX purchase_orders_status ON purchase_orders(status, expected_date);
CREATE TABLE forecasts (
  sku TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  first_day TEXT NOT NULL,          -- the day forecast[0] is for
  daily TEXT NOT NULL,              -- JSON number[]: expected units per day
  lower TEXT NOT NULL,              -- JSON number[]: 80% interval
  upper TEXT NOT NULL,
  made_at TEXT NOT NULL
);
CREATE TABLE inventory_policies (
  department TEXT PRIMARY KEY,      -- '*' is the store's default
  service_level REAL NOT NULL CHECK (service_level > 0.5 AND service_level < 1),
  lead_days INTEGER NOT NULL CHECK (lead_days BETWEEN 0 AND 90),
  review_days INTEGER NOT NULL CHECK (review_days BETWEEN 1 AND 90)
);
INSERT INTO inventory_policies (department, service_level, lead_days, review_days) VALUES ('*', 0.95, 3, 7);
`;
