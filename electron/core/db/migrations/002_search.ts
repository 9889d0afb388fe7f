// Runs: node (core). Migration 002: the store map and product search. Forward-only: never edit a
// shipped migration, add a new one.
//
// Why the search index is maintained from JS and not by triggers that write FTS rows directly:
// the indexed text is our own normalisation (plural folding, the product's head noun, category and
// aisle words), which SQL cannot compute. So triggers only record *which* products changed, in
// search_dirty, from any connection or process (import, sync download, a manual UPDATE); the search
// index drains that queue before it answers, so it is never stale.
export const sql = String.raw`
-- Store map (owned by: catalog service): aisles and landmarks on a simple grid, for the kiosk map.
CREATE TABLE store_map (
  id TEXT PRIMARY KEY,                     -- 'A7' for aisles, 'pharmacy_counter' for landmarks
  kind TEXT NOT NULL CHECK (kind IN ('aisle','landmark')),
  name TEXT NOT NULL,
  departments TEXT NOT NULL DEFAULT '[]',  -- JSON array, aisles only
  x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL
);

-- Search (owned by: search service). search_docs gives each product a stable integer id: FTS rows
-- are keyed by it, since products' implicit rowid may change on VACUUM.
CREATE TABLE search_docs (
  doc_id INTEGER PRIMARY KEY,
  product_id TEXT NOT NULL UNIQUE
);

-- Contentless: the text lives in products; this holds only the inverted index (smaller file).
CREATE VIRTUAL TABLE products_fts USING fts5(
  name, brand, kind, synonyms, description,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

CREATE TABLE search_dirty (
  product_id TEXT PRIMARY KEY
);
CREATE TRIGGER products_search_ins AFTER INSERT ON products BEGIN
  INSERT OR IGNORE INTO search_dirty (product_id) VALUES (new.id);
END;
CREATE TRIGGER products_search_upd AFTER UPDATE ON products BEGIN
  INSERT OR IGNORE INTO search_dirty (product_id) VALUES (old.id);
  INSERT OR IGNORE INTO search_dirty (product_id) VALUES (new.id);
END;
CREATE TRIGGER products_search_del AFTER DELETE ON products BEGIN
  INSERT OR IGNORE INTO search_dirty (product_id) VALUES (old.id);
END;
-- Stock and barcodes do not change the indexed text; stock is read fresh at query time.

-- Semantic vectors, one per product and encoder version (float32, L2-normalised, little-endian).
CREATE TABLE product_vectors (
  product_id TEXT PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
  model_version TEXT NOT NULL,
  dim INTEGER NOT NULL,
  vec BLOB NOT NULL
);
`;
