// Runs: node (test helper). A terminal in the test process: its own SQLite file, enrolled with the
// platform, writing interactions through the real write path and syncing with sync/service.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../../electron/core/db/database.ts';
import { recordInteractions, type NewInteraction } from '../../../../electron/core/assistant/interactions.ts';
import { enroll } from '../../../../electron/core/sync/enroll.ts';
import { syncOnce, type SyncOptions, type SyncResult } from '../../../../electron/core/sync/service.ts';
import type { AdminClient } from '../../../../central/admin-client.ts';

export interface TestTerminal {
  dir: string;
  db: Db;
  terminalId: string;
  write(n: number): void;
  sync(extra?: Partial<SyncOptions>): Promise<SyncResult>;
  counts(): { pending: number; acked: number; quarantined: number; total: number; interactions: number };
  close(): void;
}

export function interaction(i: number): NewInteraction {
  return {
    terminalId: 't', sessionId: `s${i % 20}`, text: `where are the aa batteries ${i}`, intent: 'find_product', confidence: 0.9,
    answerId: 'a', answerText: 'Aisle 12.', handoff: false, modelVersion: 'test', latencyMs: 3,
  };
}

export async function makeTerminal(admin: AdminClient, server: string, store = 'store-1'): Promise<TestTerminal> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-term-'));
  const db = openDatabase(path.join(dir, 'storemind.db'));
  const { code } = await admin.enrollCode(store);
  const e = await enroll(db, dir, { server, code });
  let written = 0;
  return {
    dir,
    db,
    terminalId: e.terminalId,
    write(n) {
      for (let i = 0; i < n; i += 1000) recordInteractions(db, Array.from({ length: Math.min(1000, n - i) }, (_, k) => interaction(written + i + k)));
      written += n;
    },
    sync: (extra = {}) => syncOnce({ db, dataDir: dir, retry: { attempts: 12, baseMs: 20, capMs: 300 }, timeoutMs: 15_000, ...extra }),
    counts() {
      const q = (s: string) => db.prepare(`SELECT count(*) FROM outbox WHERE status = '${s}'`).pluck().get() as number;
      const pending = q('pending');
      const acked = q('acked');
      const quarantined = q('quarantined');
      return { pending, acked, quarantined, total: pending + acked + quarantined, interactions: db.prepare('SELECT count(*) FROM interactions').pluck().get() as number };
    },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
