// Runs: node (core). The store's shared live data at a terminal: stock movements (on hand is the
// catalog's baseline plus every movement since, so movements from every till add up in any order),
// staff accounts that change store-wide (newest wins), and the other lanes' transactions for
// store-wide fraud velocity.
export const sql = `
CREATE TABLE stock_movements (
  id TEXT PRIMARY KEY,              -- "<txn id>:<line>" for a sale: a movement is applied once, wherever it comes from
  sku TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT 'store',
  delta INTEGER NOT NULL,
  reason TEXT NOT NULL,
  ref TEXT,
  terminal_id TEXT NOT NULL,
  at TEXT NOT NULL,
  applied INTEGER NOT NULL          -- 0 while this terminal does not know the SKU yet; applied when it arrives
);
CREATE INDEX stock_movements_sku ON stock_movements(sku, at);
CREATE INDEX stock_movements_unapplied ON stock_movements(sku) WHERE applied = 0;
-- The catalog's last stated quantity: a new baseline keeps the movements made since.
ALTER TABLE stock ADD COLUMN base_quantity INTEGER NOT NULL DEFAULT 0;
UPDATE stock SET base_quantity = quantity;
ALTER TABLE users ADD COLUMN updated_at TEXT;
UPDATE users SET updated_at = created_at;
-- Who claimed a help ticket, by name, so the kiosk can tell the shopper who is coming.
ALTER TABLE help_tickets ADD COLUMN handled_by_name TEXT;
CREATE TABLE store_txns (
  id TEXT PRIMARY KEY,
  ts TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  type TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  card_fingerprint TEXT,
  status TEXT NOT NULL
);
CREATE INDEX store_txns_card ON store_txns(card_fingerprint, ts);
CREATE INDEX store_txns_cashier ON store_txns(cashier_id, ts);
`;
