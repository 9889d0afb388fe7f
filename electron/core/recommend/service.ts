// Runs: node (core). "Goes well with" on the terminal: trained nightly from the store's baskets (a
// sale's stock movements share its transaction id, and with the store hub every lane's movements
// are here), installed as a file in the data folder and kept in memory; companions are only
// products on the shelf, active, not of an excluded department and not already in the basket.
// Every companion shown and every one taken is recorded without personal data and synced.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { enqueue } from '../db/outbox.ts';
import { getSetting } from '../settings/settings.ts';
import { startNightly } from '../jobs/nightly.ts';
import { installedRecommenderDir, loadModel, saveModel, type RecModel } from './model.ts';
import { recommend as rank, trainRecommender } from './train.ts';

export interface Companion {
  id: string;
  sku: string;
  name: string;
  brand: string;
  aisle: string;
  bay: string;
  shelf: string;
  priceCents: number;
  promoPriceCents: number | null;
  stock: number;
}

export type RecSurface = 'kiosk_product' | 'kiosk_answer' | 'pos_cart';

interface Loaded {
  model: RecModel;
  version: string;
}

const installed = new WeakMap<Db, Loaded | null>();

/** The catalog a model belongs to: this store. A model trained for another store's catalog is refused. */
export function catalogId(db: Db): string {
  return (db.prepare('SELECT store_id FROM store_profile LIMIT 1').pluck().get() as string | undefined) ?? 'unknown-store';
}

/** The installed model, loaded once; null when none is installed or it cannot be used (it says why). */
export function installedModel(db: Db, dataDir: string): Loaded | null {
  if (installed.has(db)) return installed.get(db)!;
  const dir = installedRecommenderDir(dataDir);
  let loaded: Loaded | null = null;
  if (fs.existsSync(dir)) {
    try {
      const model = loadModel(dir, { catalog: catalogId(db) });
      loaded = { model, version: modelVersion(dir) };
    } catch (e) {
      console.warn(`[recommend] the installed recommender is not used: ${(e as Error).message}`);
    }
  }
  installed.set(db, loaded);
  return loaded;
}

function modelVersion(dir: string): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(dir).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return `rec-${h.digest('hex').slice(0, 12)}`;
}

/** The store's baskets: one per sale, its SKUs, oldest first, over the last `days` days. */
export function storeBaskets(db: Db, opts: { days?: number; now?: Date } = {}): Array<{ items: string[]; ts: string }> {
  const since = new Date((opts.now ?? new Date()).getTime() - (opts.days ?? 365) * 86_400_000).toISOString();
  const rows = db.prepare(`SELECT ref, min(at) AS ts, group_concat(sku, char(31)) AS skus FROM stock_movements
    WHERE reason = 'sale' AND ref IS NOT NULL AND at >= ? GROUP BY ref ORDER BY ts`).all(since) as Array<{ ref: string; ts: string; skus: string }>;
  return rows.map((r) => ({ items: [...new Set(r.skus.split('\u001f'))], ts: r.ts }));
}

function productMeta(db: Db) {
  const rows = db.prepare(`SELECT p.sku AS id, p.name, p.brand, p.category_path AS category, v.dim, v.vec FROM products p
    LEFT JOIN product_vectors v ON v.product_id = p.id WHERE p.active = 1`).all() as Array<{ id: string; name: string; brand: string; category: string; dim: number | null; vec: Buffer | null }>;
  return rows.map((r) => ({
    id: r.id, name: r.name, brand: r.brand, category: r.category,
    // Float32 vectors only; anything else (an older format) leaves the product to its category.
    vector: r.vec && r.dim && r.vec.byteLength === r.dim * 4 ? new Float32Array(r.vec.buffer.slice(r.vec.byteOffset, r.vec.byteOffset + r.vec.byteLength)) : undefined,
  }));
}

function excludedSkus(db: Db): Set<string> {
  const departments = getSetting(db, 'recommendExcludeDepartments');
  if (!departments.length) return new Set();
  const rows = db.prepare(`SELECT sku FROM products WHERE department IN (${departments.map(() => '?').join(',')})`).pluck().all(...departments) as string[];
  return new Set(rows);
}

export interface TrainRun {
  baskets: number;
  products: number;
  ms: number;
  version: string;
}

/**
 * Trains from the store's baskets and installs the model: written beside the installed one and
 * renamed over it, so a crash mid-write leaves the last good model in place.
 */
export async function retrainRecommender(db: Db, dataDir: string, now = new Date()): Promise<TrainRun> {
  const started = performance.now();
  const baskets = storeBaskets(db, { now });
  const exclude = excludedSkus(db);
  const model = trainRecommender(baskets, { now, products: productMeta(db), exclude: (id) => exclude.has(id), catalog: catalogId(db) });
  const dir = installedRecommenderDir(dataDir);
  const next = `${dir}.next`;
  fs.rmSync(next, { recursive: true, force: true });
  saveModel(model, next);
  const old = `${dir}.old`;
  fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(dir)) fs.renameSync(dir, old);
  fs.renameSync(next, dir);
  fs.rmSync(old, { recursive: true, force: true });
  installed.delete(db);
  const loaded = installedModel(db, dataDir);
  return { baskets: baskets.length, products: model.items.length, ms: Math.round(performance.now() - started), version: loaded?.version ?? 'none' };
}

/** Companions for a basket (SKUs), in stock and allowed, best first. */
export function companions(db: Db, dataDir: string, basket: string[], limit = 4): { items: Companion[]; modelVersion: string | null } {
  const loaded = installedModel(db, dataDir);
  if (!loaded || basket.length === 0) return { items: [], modelVersion: loaded?.version ?? null };
  const exclude = excludedSkus(db);
  const product = db.prepare(`SELECT p.id, p.sku, p.name, p.brand, p.aisle, p.bay, p.shelf, p.price_cents AS priceCents, p.promo_price_cents AS promoPriceCents, coalesce(s.quantity, 0) AS stock
    FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.location = 'store' WHERE p.sku = ? AND p.active = 1`);
  const row = (sku: string) => product.get(sku) as Companion | undefined;
  const ids = rank(loaded.model, basket.slice(0, 200), { limit, fill: false, filter: (sku) => !exclude.has(sku) && (row(sku)?.stock ?? 0) > 0 });
  const picked = ids.map(row).filter((p): p is Companion => p !== undefined);
  return { items: picked, modelVersion: loaded.version };
}

/** Records companions shown or taken (no personal data: SKUs, surface, terminal) and queues them for sync. */
export function recordRecEvents(db: Db, e: { kind: 'impression' | 'accept'; surface: RecSurface; anchor: string; items: string[]; modelVersion: string | null; now?: Date }): number {
  if (!e.items.length) return 0;
  const ts = (e.now ?? new Date()).toISOString();
  const terminalId = getSetting(db, 'terminalId');
  const ins = db.prepare('INSERT INTO rec_events (id, ts, terminal_id, surface, kind, anchor, item, model_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  return db.transaction(() => {
    for (const item of e.items) {
      const id = crypto.randomUUID();
      const row = { id, ts, terminal_id: terminalId, surface: e.surface, kind: e.kind, anchor: e.anchor, item, model_version: e.modelVersion ?? 'none' };
      ins.run(id, ts, terminalId, e.surface, e.kind, e.anchor, item, row.model_version);
      enqueue(db, 'rec_event', id, row);
    }
    return e.items.length;
  })();
}

export interface PairStat {
  anchor: string;
  anchorName: string | null;
  item: string;
  itemName: string | null;
  impressions: number;
  accepts: number;
  rate: number;
}

/** The most shown pairs with how often each was taken. */
export function topPairs(db: Db, limit = 20): PairStat[] {
  const rows = db.prepare(`SELECT e.anchor, a.name AS anchorName, e.item, i.name AS itemName,
      sum(e.kind = 'impression') AS impressions, sum(e.kind = 'accept') AS accepts
    FROM rec_events e LEFT JOIN products a ON a.sku = e.anchor LEFT JOIN products i ON i.sku = e.item
    GROUP BY e.anchor, e.item ORDER BY accepts DESC, impressions DESC LIMIT ?`).all(limit) as Array<Omit<PairStat, 'rate'>>;
  return rows.map((r) => ({ ...r, rate: r.impressions ? Math.round((r.accepts / r.impressions) * 1000) / 1000 : 0 }));
}

export function lastTrainedAt(dataDir: string): string | null {
  const dir = installedRecommenderDir(dataDir);
  return fs.existsSync(dir) ? fs.statSync(dir).mtime.toISOString() : null;
}

/** Retrains once a night (and at once on a terminal with sales and no model yet). */
export function startRecommenderSchedule(db: Db, dataDir: string): { stop: () => void } {
  return startNightly(db, {
    name: 'recommend',
    hour: 4,
    lastRunAt: () => lastTrainedAt(dataDir),
    hasWork: () => db.prepare("SELECT 1 FROM stock_movements WHERE reason = 'sale' LIMIT 1").get() !== undefined,
    run: () => retrainRecommender(db, dataDir),
  });
}
