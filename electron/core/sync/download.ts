// Runs: node (core). The terminal side of download: applies one batch of the platform's per-store
// change log (catalog, prices, knowledge base, fraud rules, settings) in ONE SQLite transaction
// and stores the new cursor in the same transaction, so a crash leaves either the whole batch
// with its cursor or neither. A change that cannot be applied (bad data, unknown setting) is
// skipped with a logged reason inside its own savepoint; it never blocks the changes behind it.
import { z } from 'zod';
import type { ChangeT } from '../../../common/api/sync.ts';
import type { Db } from '../db/database.ts';
import { productWriter } from '../catalog/products.ts';
import { settingsSchema, setSetting, type SettingKey } from '../settings/settings.ts';
import { getState, setState } from './state.ts';
import { valueIssue } from '../../../common/zod-issue.ts';

const ProductData = z.object({
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(300),
  brand: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  department: z.string().min(1).max(100),
  category_path: z.string().max(500).optional(),
  aisle: z.string().max(20).optional(),
  bay: z.string().max(20).optional(),
  shelf: z.string().max(20).optional(),
  price_cents: z.number().int().nonnegative(),
  promo_price_cents: z.number().int().nonnegative().nullable().optional(),
  size: z.string().max(100).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  synonyms: z.string().max(2000).optional(),
  stock: z.number().int().optional(),
  barcodes: z.array(z.string().regex(/^\d{8,14}$/)).max(20).optional(),
  /** Set by a store edit (back office catalogue): the newest edit wins and its barcode list is the whole list. */
  updatedAt: z.string().min(10).max(40).optional(),
});
const PriceData = z.object({ price_cents: z.number().int().nonnegative(), promo_price_cents: z.number().int().nonnegative().nullable().optional() });
const KbData = z.object({
  kind: z.enum(['policy', 'service', 'facility', 'payment', 'loyalty', 'delivery', 'promotion', 'faq']),
  title: z.string().min(1).max(300),
  body: z.string().min(1).max(20_000),
  keywords: z.string().max(2000).optional(),
});

/** Applies one change synchronously inside the caller's transaction; throws to skip it. */
export type ChangeApplier = (db: Db, change: ChangeT, now: string) => void;

const appliers = new Map<ChangeT['kind'], ChangeApplier>();

/** Lets a domain own how its downloads are applied (e.g. the fraud engine validating rule sets). */
export function registerChangeApplier(kind: ChangeT['kind'], fn: ChangeApplier): void {
  appliers.set(kind, fn);
}

function parse<T extends z.ZodType>(schema: T, data: unknown, what: string): z.output<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw new Error(`${what}: ${valueIssue(r.error)}`);
  return r.data;
}

registerChangeApplier('product', (db, c, now) => {
  // A store edit carries when it was made: an older one than this terminal holds changes nothing.
  const at = (c.data as { updatedAt?: unknown } | undefined)?.updatedAt;
  const editedAt = typeof at === 'string' ? at : null;
  if (editedAt && ((db.prepare('SELECT updated_at FROM products WHERE id = ?').pluck().get(c.key) as string | undefined) ?? '') >= editedAt) return;
  if (c.op === 'delete') {
    // Deactivated, not deleted: receipts and history still name the product.
    db.prepare('UPDATE products SET active = 0, updated_at = ? WHERE id = ?').run(editedAt ?? now, c.key);
    return;
  }
  const { updatedAt, ...p } = parse(ProductData, c.data, `product ${c.key}`);
  productWriter(db, updatedAt ?? now)({ id: c.key, ...p });
  if (updatedAt) {
    const keep = new Set(p.barcodes ?? []);
    const drop = db.prepare('DELETE FROM barcodes WHERE code = ? AND product_id = ?');
    for (const code of db.prepare('SELECT code FROM barcodes WHERE product_id = ?').pluck().all(c.key) as string[]) if (!keep.has(code)) drop.run(code, c.key);
  }
});
registerChangeApplier('price', (db, c, now) => {
  if (c.op === 'delete') throw new Error('a price cannot be deleted; deactivate the product');
  const p = parse(PriceData, c.data, `price ${c.key}`);
  const n = db.prepare('UPDATE products SET price_cents = ?, promo_price_cents = ?, updated_at = ? WHERE id = ?').run(p.price_cents, p.promo_price_cents ?? null, now, c.key).changes;
  if (!n) throw new Error(`price for unknown product ${c.key}`);
});
registerChangeApplier('kb', (db, c, now) => {
  if (c.op === 'delete') {
    db.prepare('DELETE FROM kb_entries WHERE id = ?').run(c.key);
    return;
  }
  const k = parse(KbData, c.data, `kb ${c.key}`);
  db.prepare(
    `INSERT INTO kb_entries (id, kind, title, body, keywords, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, body = excluded.body, keywords = excluded.keywords, updated_at = excluded.updated_at`,
  ).run(c.key, k.kind, k.title, k.body, k.keywords ?? '', now);
});
registerChangeApplier('setting', (db, c) => {
  if (!(c.key in settingsSchema)) throw new Error(`unknown setting ${c.key}`);
  const key = c.key as SettingKey;
  if (c.op === 'delete') {
    db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    return;
  }
  const v = settingsSchema[key].safeParse(c.data);
  if (!v.success) throw new Error(`setting ${key}: ${v.error.issues[0]?.message ?? 'invalid value'}`);
  setSetting(db, key, v.data as never);
});
// Rule sets are the fraud engine's to validate; until it registers its applier they are refused.
registerChangeApplier('fraud_rule', () => {
  throw new Error('this terminal has no fraud rule installer registered');
});

export interface ApplyResult {
  applied: Partial<Record<ChangeT['kind'], number>>;
  skipped: Array<{ id: number; kind: string; key: string; reason: string }>;
  cursor: number;
}

export function applyChanges(db: Db, changes: ChangeT[], cursor: number, now = new Date()): ApplyResult {
  const stamp = now.toISOString();
  return db.transaction(() => {
    const from = getState(db, 'changeCursor') ?? 0;
    const result: ApplyResult = { applied: {}, skipped: [], cursor: Math.max(from, cursor) };
    for (const c of changes) {
      if (c.id <= from) continue; // already applied (a replayed or overlapping page)
      const fn = appliers.get(c.kind);
      try {
        if (!fn) throw new Error(`no applier for ${c.kind}`);
        db.transaction(() => fn(db, c, stamp))(); // a savepoint: a failed change leaves nothing behind
        result.applied[c.kind] = (result.applied[c.kind] ?? 0) + 1;
      } catch (e) {
        result.skipped.push({ id: c.id, kind: c.kind, key: c.key, reason: (e as Error).message.slice(0, 300) });
      }
    }
    setState(db, 'changeCursor', result.cursor, now);
    return result;
  })();
}
