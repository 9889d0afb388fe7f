// Runs: node (core). Migration 013: the store map's areas in Chinese (owned by: catalog service).
// A kiosk in 中文 draws aisle and landmark names in Chinese where the store has them; '' means the
// store has not translated that area, and the map shows its name as written.
export const sql = `
ALTER TABLE store_map ADD COLUMN name_zh TEXT NOT NULL DEFAULT '';
`;
