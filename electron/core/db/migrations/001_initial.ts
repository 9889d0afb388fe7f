// Runs: node (core). Migration 001: the initial schema. Forward-only: never edit a shipped migration, add a new one.
export const sql = String.raw`
-- Store profile and knowledge base (owned by: store service; updated by sync download)
CREATE TABLE store_profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  store_id TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  phone TEXT,
  timezone TEXT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'USD',
  updated_at TEXT NOT NULL
);

CREATE TABLE opening_hours (
  weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6), -- 0 = Sunday
  opens TEXT,  -- 'HH:MM' local; NULL = closed
  closes TEXT
);

CREATE TABLE holiday_hours (
  date TEXT PRIMARY KEY, -- 'YYYY-MM-DD'
  opens TEXT,            -- NULL = closed all day
  closes TEXT,
  note TEXT NOT NULL
);

CREATE TABLE kb_entries (
  id TEXT PRIMARY KEY,           -- e.g. 'policy.returns', 'service.key_cutting'
  kind TEXT NOT NULL CHECK (kind IN ('policy','service','facility','payment','loyalty','delivery','promotion','faq')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

-- Catalog (owned by: catalog service; updated by import and sync download)
CREATE TABLE products (
  id TEXT PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  brand TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL,
  category_path TEXT NOT NULL DEFAULT '',   -- 'Grocery > Dairy & Alternatives > Plant Milk'
  aisle TEXT NOT NULL DEFAULT '',
  bay TEXT NOT NULL DEFAULT '',
  shelf TEXT NOT NULL DEFAULT '',
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  promo_price_cents INTEGER CHECK (promo_price_cents IS NULL OR promo_price_cents >= 0),
  size TEXT NOT NULL DEFAULT '',
  attributes TEXT NOT NULL DEFAULT '{}',    -- JSON: dietary tags etc.
  synonyms TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX products_department ON products(department);

CREATE TABLE barcodes (
  code TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE
);
CREATE INDEX barcodes_product ON barcodes(product_id);

CREATE TABLE stock (
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  location TEXT NOT NULL DEFAULT 'store',   -- 'store', 'backroom', ...
  quantity INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (product_id, location)
);

-- Kiosk (owned by: assistant service)
CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  ts TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  text_redacted TEXT NOT NULL,
  intent TEXT NOT NULL,
  confidence REAL NOT NULL,
  answer_id TEXT NOT NULL,
  answer_text TEXT NOT NULL,
  handoff INTEGER NOT NULL DEFAULT 0,
  model_version TEXT NOT NULL,
  latency_ms REAL NOT NULL,
  feedback INTEGER CHECK (feedback IN (-1, 1)),
  corrected_intent TEXT
);
CREATE INDEX interactions_ts ON interactions(ts);
CREATE INDEX interactions_intent ON interactions(intent, ts);

CREATE TABLE help_tickets (
  id TEXT PRIMARY KEY,
  ts TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','claimed','closed')),
  handled_by TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE pickup_orders (
  id TEXT PRIMARY KEY,
  customer_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received','picking','ready','collected','cancelled')),
  ready_at TEXT,
  location TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

CREATE TABLE gift_cards (
  number TEXT PRIMARY KEY,
  balance_cents INTEGER NOT NULL CHECK (balance_cents >= 0),
  updated_at TEXT NOT NULL
);

CREATE TABLE loyalty_accounts (
  number TEXT PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  tier TEXT NOT NULL DEFAULT 'member',
  updated_at TEXT NOT NULL
);

-- POS (owned by: pos service and fraud engine)
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier','supervisor','manager','admin')),
  pin_hash TEXT NOT NULL,           -- scrypt, hex
  pin_salt TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE transactions (
  id TEXT PRIMARY KEY,
  ts TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('sale','refund','void','no_sale')),
  total_cents INTEGER NOT NULL,
  tender_method TEXT CHECK (tender_method IN ('cash','card','gift_card')),
  card_fingerprint TEXT,
  card_last4 TEXT,
  entry_mode TEXT CHECK (entry_mode IN ('chip','tap','swipe','keyed')),
  receipt_ref TEXT,
  original_txn_id TEXT,
  status TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('completed','blocked','pending_approval')),
  approved_by TEXT
);
CREATE INDEX transactions_ts ON transactions(ts);
CREATE INDEX transactions_cashier ON transactions(cashier_id, ts);
CREATE INDEX transactions_card ON transactions(card_fingerprint, ts);

CREATE TABLE transaction_items (
  id INTEGER PRIMARY KEY,
  txn_id TEXT NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  sku TEXT NOT NULL,
  qty REAL NOT NULL,
  unit_price_cents INTEGER NOT NULL,
  override_price_cents INTEGER,
  discount_cents INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transaction_items_txn ON transaction_items(txn_id);

CREATE TABLE fraud_decisions (
  txn_id TEXT PRIMARY KEY REFERENCES transactions(id) ON DELETE CASCADE,
  ts TEXT NOT NULL,
  score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  decision TEXT NOT NULL CHECK (decision IN ('allow','review','manager_approval','block')),
  reasons TEXT NOT NULL,            -- JSON array of strings
  rules_version TEXT NOT NULL,
  model_version TEXT NOT NULL,
  verdict TEXT CHECK (verdict IN ('fraud','legitimate')),
  verdict_by TEXT,
  verdict_at TEXT
);

-- Sync (owned by: sync service). Every business write that must reach the platform inserts its
-- outbox row in the same SQLite transaction; seq is the terminal's gap-free upload sequence.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','acked','quarantined')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  acked_at TEXT
);
CREATE INDEX outbox_status ON outbox(status, seq);

-- Models (owned by: model service)
CREATE TABLE models (
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  kind TEXT NOT NULL,
  path TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active','standby','failed')),
  installed_at TEXT NOT NULL,
  activated_at TEXT,
  PRIMARY KEY (name, version)
);

-- Audit (owned by: audit service): append-only, hash-chained.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  ts TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Settings (owned by: settings service)
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,   -- JSON
  updated_at TEXT NOT NULL
);
`;
