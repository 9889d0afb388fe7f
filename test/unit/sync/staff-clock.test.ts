// Runs: node (vitest). Staff accounts changed on two back offices whose clocks are minutes apart:
// each change is stamped with the hub's clock as the terminal learned it, so every terminal keeps
// the edit made last in real time, whichever order the changes reach it in.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { addUser, applyStoreStaff, shareStaff } from '../../../electron/core/auth/users.ts';
import { setState } from '../../../electron/core/sync/state.ts';
import type { StaffRecordT } from '../../../common/api/live.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir();
const open = (name: string) => openDatabase(path.join(dir, `${name}.db`));
const lastShared = (db: Db) => JSON.parse(db.prepare("SELECT payload FROM outbox WHERE kind = 'staff' ORDER BY seq DESC LIMIT 1").pluck().get() as string) as StaffRecordT;

describe('staff changes across terminals with skewed clocks', () => {
  it('keeps the later edit in real time, in either arrival order', () => {
    const slow = open('slow'); // its clock runs 10 minutes behind; sync learned +10 min
    const right = open('right');
    setState(slow, 'clockOffsetMs', 600_000);
    const u = addUser(right, { name: 'Dana Day', role: 'cashier', pin: '5813' }, 'manager-1');
    const created = lastShared(right);
    applyStoreStaff(slow, created);

    const t0 = Date.now();
    // The right-clock office makes her a supervisor; one second later the slow office a manager.
    right.transaction(() => {
      right.prepare("UPDATE users SET role = 'supervisor' WHERE id = ?").run(u.id);
      shareStaff(right, u.id, new Date(t0));
    })();
    const first = lastShared(right);
    slow.transaction(() => {
      slow.prepare("UPDATE users SET role = 'manager' WHERE id = ?").run(u.id);
      shareStaff(slow, u.id, new Date(t0 + 1000 - 600_000));
    })();
    const second = lastShared(slow);
    expect(Date.parse(second.updatedAt) - Date.parse(first.updatedAt)).toBe(1000);

    for (const order of [[first, second], [second, first]]) {
      const third = open(`third-${order[0] === first ? 'a' : 'b'}`);
      applyStoreStaff(third, created);
      for (const r of order) applyStoreStaff(third, r);
      expect(third.prepare('SELECT role FROM users WHERE id = ?').pluck().get(u.id)).toBe('manager');
      third.close();
    }
    slow.close();
    right.close();
  });
});
