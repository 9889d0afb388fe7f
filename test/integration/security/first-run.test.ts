// Runs: node (vitest). First-run hardening: demo staff are seeded all at once or not at all, and a
// terminal that was set up before never starts over as a fresh demo store because its database
// file came back empty.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { countUsers, demoStaff, seedDemoStaff } from '../../../electron/core/auth/users.ts';
import { tempDir } from '../../helpers/tmp.ts';

describe('first run', () => {
  const dir = tempDir();

  it('seeds the four demo accounts in one transaction: a failure part-way leaves none, and the next start seeds all four', () => {
    const db = openDatabase(path.join(dir, 'seed.db'));
    try {
      // Stands in for the process dying at the third account: the insert of u-manager fails.
      db.exec("CREATE TRIGGER die_mid_seed BEFORE INSERT ON users WHEN NEW.id = 'u-manager' BEGIN SELECT RAISE(ABORT, 'killed'); END;");
      expect(() => seedDemoStaff(db)).toThrow(/killed/);
      expect(countUsers(db)).toBe(0);
      db.exec('DROP TRIGGER die_mid_seed');
      seedDemoStaff(db);
      expect(countUsers(db)).toBe(demoStaff.length);
    } finally {
      db.close();
    }
  });

  it('refuses to start on an empty database file when the terminal already has its key, instead of re-seeding a demo store', () => {
    const dataDir = path.join(dir, 'terminal');
    createCore({ dataDir, loadModels: false }).close();
    const dbFile = path.join(dataDir, 'storemind.db');
    for (const f of [`${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
    fs.truncateSync(dbFile, 0);
    expect(() => createCore({ dataDir, loadModels: false })).toThrow(/is empty, but this terminal was set up before/);
    expect(fs.statSync(dbFile).size).toBe(0); // nothing was written over it

    // A data folder with nothing in it is a genuine first run.
    const fresh = createCore({ dataDir: path.join(dir, 'fresh'), loadModels: false });
    expect(countUsers(fresh.db)).toBe(demoStaff.length);
    fresh.close();
  });
});
