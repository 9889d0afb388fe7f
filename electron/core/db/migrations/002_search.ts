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
-- are keyed by it, since products' implicit rowid may change on VACUUM. gen is the indexing pass
-- that last touched the row: an in-memory index anywhere reloads exactly the rows newer than it saw.
CREATE TABLE search_docs (
  doc_id INTEGER PRIMARY KEY,
  product_id TEXT NOT NULL UNIQUE,
  gen INTEGER NOT NULL,
  live INTEGER NOT NULL DEFAULT 1   -- 0: product deleted or inactive, no FTS row
);
CREATE INDEX search_docs_gen ON search_docs(gen);

-- Contentless: the text lives in products; this holds only the inverted index (smaller file).
CREATE VIRTUAL TABLE products_fts USING fts5(
  name, brand, kind, synonyms, description,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

-- Triggers insert with NOT EXISTS, not INSERT OR IGNORE: inside an upsert the outer statement's
-- conflict policy overrides the trigger's, and OR IGNORE would fail the import.
CREATE TABLE search_dirty (
  product_id TEXT PRIMARY KEY
);
CREATE TRIGGER products_search_ins AFTER INSERT ON products BEGIN
  INSERT INTO search_dirty (product_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = new.id);
END;
CREATE TRIGGER products_search_upd AFTER UPDATE ON products BEGIN
  INSERT INTO search_dirty (product_id) SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = old.id);
  INSERT INTO search_dirty (product_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = new.id);
END;
CREATE TRIGGER products_search_del AFTER DELETE ON products BEGIN
  INSERT INTO search_dirty (product_id) SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = old.id);
END;
-- Stock is part of the in-memory document (the in-stock facet), so a sale re-reads it too.
CREATE TRIGGER stock_search_ins AFTER INSERT ON stock BEGIN
  INSERT INTO search_dirty (product_id) SELECT new.product_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = new.product_id);
END;
CREATE TRIGGER stock_search_upd AFTER UPDATE ON stock BEGIN
  INSERT INTO search_dirty (product_id) SELECT new.product_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = new.product_id);
END;
CREATE TRIGGER stock_search_del AFTER DELETE ON stock BEGIN
  INSERT INTO search_dirty (product_id) SELECT old.product_id WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE product_id = old.product_id);
END;

-- Semantic vectors, one per product and encoder version (float32, L2-normalised, little-endian).
CREATE TABLE product_vectors (
  product_id TEXT PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
  model_version TEXT NOT NULL,
  dim INTEGER NOT NULL,
  vec BLOB NOT NULL
);
-- A product whose text changed needs a new vector: dropping the stale one marks it for re-embedding.
CREATE TRIGGER products_vector_stale AFTER UPDATE OF name, brand, description, category_path, synonyms ON products
WHEN old.name IS NOT new.name OR old.brand IS NOT new.brand OR old.description IS NOT new.description
  OR old.category_path IS NOT new.category_path OR old.synonyms IS NOT new.synonyms
BEGIN
  DELETE FROM product_vectors WHERE product_id = new.id;
END;
`;
