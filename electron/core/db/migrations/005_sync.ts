// Runs: node (core). Migration 005: the sync service's own state. Forward-only: never edit a shipped
// migration, add a new one.
export const sql = String.raw`
-- Sync (owned by: sync service): enrollment identity, download cursor, clock offset, signed
-- metadata version, last result. One JSON value per key; written in the same transaction as the
-- data it describes (e.g. the change cursor with the changes it covers).
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Quarantined outbox rows are looked up by status; acked rows are purged by age.
CREATE INDEX outbox_acked ON outbox(status, acked_at);
`;
