// Runs: node (core). Migration 006: how much of its shelf price a transaction gave away as
// discounts, kept on the transaction row, so the fraud features can count a cashier's heavily
// discounted sales in a short window (a run of "employee discount" sales for friends) from the
// covering index alone. Forward-only: never edit a shipped migration, add a new one.
export const sql = String.raw`
-- Owned by: POS (written with the transaction, never updated). Basis points of the basket's
-- stated prices taken off as line discounts (0..10000); 0 for rows written before 006.
ALTER TABLE transactions ADD COLUMN markdown_bp INTEGER NOT NULL DEFAULT 0;
DROP INDEX transactions_cashier_cov;
CREATE INDEX transactions_cashier_cov ON transactions(cashier_id, ts, type, total_cents, tender_method, markdown_bp);
`;
