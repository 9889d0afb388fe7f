// Runs: node (core). Migration 004: back-office reads over interactions. Forward-only: never edit a
// shipped migration, add a new one.
//
// The admin interactions table pages by keyset (ts, id) newest first, never OFFSET, so each page
// costs the same at row 1 000 000 as at row 1. Every filter the screen offers gets an index that
// ends in (ts, id), so a filtered page is also an index range walk, not a scan.
// Text search uses a contentless FTS5 index keyed by the interaction's rowid (the text itself is
// already in interactions.text_redacted; storing it twice would double the redacted text on disk).
export const sql = String.raw`
CREATE INDEX interactions_ts_id ON interactions(ts, id);
CREATE INDEX interactions_intent_ts_id ON interactions(intent, ts, id);
CREATE INDEX interactions_handoff_ts_id ON interactions(ts, id) WHERE handoff = 1;
CREATE INDEX interactions_feedback_ts_id ON interactions(feedback, ts, id) WHERE feedback IS NOT NULL;
CREATE INDEX interactions_corrected_ts_id ON interactions(ts, id) WHERE corrected_intent IS NOT NULL;

CREATE VIRTUAL TABLE interactions_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
INSERT INTO interactions_fts(rowid, text) SELECT rowid, text_redacted FROM interactions;
CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO interactions_fts(rowid, text) VALUES (new.rowid, new.text_redacted);
END;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
  DELETE FROM interactions_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF text_redacted ON interactions BEGIN
  DELETE FROM interactions_fts WHERE rowid = old.rowid;
  INSERT INTO interactions_fts(rowid, text) VALUES (new.rowid, new.text_redacted);
END;

-- Retention purges only interactions whose outbox row the platform acknowledged: one lookup each.
CREATE INDEX outbox_record ON outbox(kind, record_id);
`;
