// Runs: node (core). Failed PIN attempts, persisted (a restart must not clear a lockout), one row
// per guarded sign-in path of this terminal ("pin:pos", "pin:admin", "approve").
export const sql = `
CREATE TABLE sign_in_guards (
  scope TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  last_failure_at TEXT,
  locked_until TEXT
);
`;
