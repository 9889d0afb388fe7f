// Runs: node (tests). A real terminal database in a temp folder, with the demo catalog and staff.
import path from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/db/database.ts';
import { seedDemoStore } from '../../../electron/core/catalog/seed.ts';
import { seedDemoStaff } from '../../../electron/core/auth/users.ts';
import type { TxnRecord } from '../../../electron/core/fraud/types.ts';
import { tempDir } from '../../helpers/tmp.ts';

export function demoDb(name = 'fraud'): Db {
  const db = openDatabase(path.join(tempDir(), `${name}.db`));
  seedDemoStore(db);
  seedDemoStaff(db);
  return db;
}

export function aSku(db: Db, maxCents = 100_000): { sku: string; price: number } {
  const r = db.prepare('SELECT sku, price_cents FROM products WHERE promo_price_cents IS NULL AND price_cents BETWEEN 100 AND ? ORDER BY sku LIMIT 1').get(maxCents) as { sku: string; price_cents: number };
  return { sku: r.sku, price: r.price_cents };
}

let n = 0;
export function txn(db: Db, over: Partial<TxnRecord> = {}): TxnRecord {
  const p = aSku(db);
  const items = over.items ?? [{ sku: p.sku, qty: 1, unitCents: p.price, overrideCents: null, discountCents: 0 }];
  return {
    id: `t${++n}-${Math.random().toString(36).slice(2, 8)}`,
    ts: '2025-06-02T15:00:00.000Z',
    terminalId: 'T1',
    cashierId: 'u-cashier',
    type: 'sale',
    items,
    totalCents: items.reduce((a, l) => a + (l.overrideCents ?? l.unitCents) * l.qty - l.discountCents, 0),
    tender: { method: 'cash', fingerprint: null, last4: null, entryMode: null },
    receiptRef: null,
    originalTxnId: null,
    ...over,
  };
}
