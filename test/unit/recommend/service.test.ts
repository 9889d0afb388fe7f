// "Goes well with" on a real SQLite file: baskets are the store's sales grouped by transaction,
// companions are only products on the shelf and never of an excluded department or already in the
// basket, a retrain installs the model whole, a model of another store is refused, and what was
// shown and taken is recorded without personal data and queued for sync.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { recordMovement } from '../../../electron/core/inventory/stock.ts';
import { postCount } from '../../../electron/core/inventory/ledger.ts';
import { setSetting } from '../../../electron/core/settings/settings.ts';
import { installedRecommenderDir } from '../../../electron/core/recommend/model.ts';
import { companions, installedModel, recordRecEvents, retrainRecommender, storeBaskets, topPairs } from '../../../electron/core/recommend/service.ts';
import { tempDir } from '../../helpers/tmp.ts';

const PB = 'BRK-0241';
const JAM = 'BRK-0254';
const BREAD = 'BAK-0118';

function store(name: string) {
  const dir = path.join(tempDir(), name);
  fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, 'store.db'));
  seedDemoStore(db);
  const others = db.prepare("SELECT sku FROM products WHERE department IN ('Snacks', 'Household') ORDER BY sku").pluck().all() as string[];
  const pharmacy = db.prepare("SELECT sku FROM products WHERE department = 'Pharmacy' ORDER BY sku LIMIT 1").pluck().get() as string;
  const now = Date.parse('2026-12-01T12:00:00Z');
  const used = new Set<string>();
  db.transaction(() => {
    for (let b = 0; b < 200; b++) {
      const items = b % 3 === 0 ? [PB, JAM, pharmacy, ...(b % 2 ? [BREAD] : [])] : [others[(b * 7) % others.length]!, others[(b * 11 + 3) % others.length]!];
      [...new Set(items)].forEach((sku, i) => {
        used.add(sku);
        recordMovement(db, { id: `b${b}:${i}`, sku, delta: -1, reason: 'sale', ref: `txn-${b}`, terminalId: 'till-1', at: new Date(now - (200 - b) * 3_600_000).toISOString(), note: null });
      });
    }
  })();
  postCount(db, { countId: 'shelf', lines: [...used].map((sku) => ({ sku, counted: 10 })) }, { userId: 'u', terminalId: 'till-1' });
  return { db, dir, pharmacy };
}
const count = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;

describe('goes well with, on the terminal', () => {
  it('learns the store\'s baskets and suggests only what is on the shelf and allowed', async () => {
    const { db, dir, pharmacy } = store('learn');
    expect(storeBaskets(db, { now: new Date('2026-12-02T00:00:00Z') })).toHaveLength(200);
    expect(companions(db, dir, [PB]).items).toEqual([]); // nothing installed yet
    const run = await retrainRecommender(db, dir, new Date('2026-12-02T00:00:00Z'));
    expect(run.baskets).toBe(200);
    const first = companions(db, dir, [PB]);
    expect(first.items[0]!.sku).toBe(JAM);
    expect(first.items.map((c) => c.sku)).not.toContain(pharmacy);
    expect(first.items.map((c) => c.sku)).not.toContain(PB);
    expect(first.modelVersion).toMatch(/^rec-[0-9a-f]{12}$/);
    // Sold out: not suggested until it is back.
    postCount(db, { countId: 'jam-gone', lines: [{ sku: JAM, counted: 0 }] }, { userId: 'u', terminalId: 'till-1' });
    expect(companions(db, dir, [PB]).items.map((c) => c.sku)).not.toContain(JAM);
    // The store may allow the pharmacy after all; an empty list excludes nothing.
    setSetting(db, 'recommendExcludeDepartments', []);
    await retrainRecommender(db, dir, new Date('2026-12-02T00:00:00Z'));
    expect(companions(db, dir, [PB], 10).items.map((c) => c.sku)).toContain(pharmacy);
  });

  it('refuses a model trained for another store and keeps answering (with nothing)', async () => {
    const { db, dir } = store('other');
    await retrainRecommender(db, dir, new Date('2026-12-02T00:00:00Z'));
    const other = store('other-store');
    other.db.prepare("UPDATE store_profile SET store_id = 'some-other-store'").run();
    fs.rmSync(installedRecommenderDir(other.dir), { recursive: true, force: true });
    fs.cpSync(installedRecommenderDir(dir), installedRecommenderDir(other.dir), { recursive: true });
    expect(installedModel(other.db, other.dir)).toBeNull();
    expect(companions(other.db, other.dir, [PB]).items).toEqual([]);
  });

  it('records what was shown and taken, without personal data, and ranks the pairs', () => {
    const { db } = store('events');
    recordRecEvents(db, { kind: 'impression', surface: 'kiosk_product', anchor: PB, items: [JAM, BREAD], modelVersion: 'rec-test' });
    recordRecEvents(db, { kind: 'impression', surface: 'pos_cart', anchor: PB, items: [JAM], modelVersion: 'rec-test' });
    recordRecEvents(db, { kind: 'accept', surface: 'pos_cart', anchor: PB, items: [JAM], modelVersion: 'rec-test' });
    const [top] = topPairs(db);
    expect(top).toMatchObject({ anchor: PB, item: JAM, impressions: 2, accepts: 1, rate: 0.5 });
    expect(count(db, "SELECT count(*) FROM outbox WHERE kind = 'rec_event'")).toBe(4);
    const payload = JSON.parse(db.prepare("SELECT payload FROM outbox WHERE kind = 'rec_event' LIMIT 1").pluck().get() as string) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['anchor', 'id', 'item', 'kind', 'model_version', 'surface', 'terminal_id', 'ts']);
  });
});
