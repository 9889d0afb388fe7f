// A tampered audit log is caught by `storemind audit verify` as a user runs it (a real process on
// a real, encrypted data folder). The attacker here has the file and its key: they open the
// database, drop the append-only triggers and edit, delete or re-hash entries.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { fileKeyStore } from '../../../electron/core/db/key.ts';
import { databasePath } from '../../../electron/core/paths.ts';
import { entryHash } from '../../../electron/core/audit/audit.ts';
import { tempDir } from '../../helpers/tmp.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/storemind.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
const dir = tempDir('storemind-audit-');

function freshTerminal(name: string): string {
  const d = path.join(dir, name);
  expect(cli(['status', '--data-dir', d]).status).toBe(0); // seeds 4 staff: audit entries 1-4
  expect(cli(['users', 'add', '--role', 'cashier', '--name', 'Extra', '--pin', '9090', '--data-dir', d]).status).toBe(0);
  const ok = cli(['audit', 'verify', '--data-dir', d]);
  expect(ok.status, ok.stderr).toBe(0);
  expect(ok.stdout).toMatch(/Audit log intact: 5 entries/);
  return d;
}

function tamper(d: string, sql: (db: ReturnType<typeof openDatabase>) => void) {
  const key = fileKeyStore(d).load();
  expect(key).not.toBeNull();
  const db = openDatabase(databasePath(d), { key });
  sql(db);
  db.close();
}

describe('storemind audit verify on a tampered log', () => {
  it('an edited entry: exit 1, names it', () => {
    const d = freshTerminal('edit');
    tamper(d, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET details = '{\"name\":\"Mallory\",\"role\":\"admin\"}' WHERE seq = 2").run();
    });
    const r = cli(['audit', 'verify', '--data-dir', d]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/TAMPERED: entry 2 \(user\.add by seed at .+\): content does not match its hash/);
    const j = cli(['audit', 'verify', '--json', '--data-dir', d]);
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, firstBadSeq: 2, badEntry: { seq: 2, action: 'user.add' } });
  });

  it('a deleted entry: exit 1, names the missing one', () => {
    const d = freshTerminal('delete');
    tamper(d, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    });
    const r = cli(['audit', 'verify', '--data-dir', d]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/entry 3.*missing/);
  });

  it('an edited entry whose hash was recomputed: the next link breaks', () => {
    const d = freshTerminal('rehash');
    tamper(d, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as { seq: number; ts: string; actor: string; action: string; target: string; details: string; prev_hash: string };
      const forged = { ...row, actor: 'nobody' };
      db.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 2').run('nobody', entryHash(forged));
    });
    const r = cli(['audit', 'verify', '--data-dir', d]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/entry 3 .*link to the previous entry is broken/);
  });

  it('the triggers refuse edits from anyone who did not drop them', () => {
    const d = freshTerminal('triggers');
    tamper(d, (db) => {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    });
    expect(cli(['audit', 'verify', '--data-dir', d]).status).toBe(0);
  });
});
