// Runs: node (core). Seeds the embedded demo store (resources/demo-store) on first run: profile,
// hours, holidays, knowledge base, store map, catalog, pickup orders, gift cards and loyalty
// accounts, all in one transaction. Idempotent: a settings marker records the seed, so a second
// run (every core start) changes nothing, and a store that has been edited since keeps its edits.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.ts';
import { CoreError } from '../db/errors.ts';
import { normalizeBarcode } from './barcode.ts';
import { productWriter, type ProductInput } from './products.ts';

export const DEMO_SEED_KEY = 'catalog.demoStoreSeeded';

/** resources/demo-store in a checkout; packaged apps pass opts.dir (resources path differs there). */
export function defaultDemoStoreDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/demo-store');
}

interface ProfileFile {
  store: { store_id: string; name: string; address: string; phone: string; timezone: string; currency: string };
  opening_hours: Array<{ weekday: number; opens: string | null; closes: string | null }>;
  holiday_hours: Array<{ date: string; opens: string | null; closes: string | null; note: string }>;
  kb: Array<{ id: string; kind: string; title: string; body: string; keywords?: string }>;
  pickup_orders: Array<{ id: string; customer_name: string; status: string; ready_at: string | null; location: string }>;
  gift_cards: Array<{ number: string; balance_cents: number }>;
  loyalty_accounts: Array<{ number: string; points: number; tier: string }>;
}

interface MapArea { id: string; name: string; name_zh?: string; departments?: string[]; x: number; y: number; w: number; h: number }
interface CatalogFile {
  map: { aisles: MapArea[]; landmarks: MapArea[] };
  products: Array<Omit<ProductInput, 'barcodes'> & { barcode: string }>;
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new CoreError('INTERNAL', `Demo store file ${file} cannot be read: ${(e as Error).message}`);
  }
}

export function seedDemoStore(db: Db, opts: { dir?: string; now?: Date } = {}): { seeded: boolean; products: number } {
  const marker = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  if (marker.get(DEMO_SEED_KEY) !== undefined) return { seeded: false, products: 0 };
  const dir = opts.dir ?? defaultDemoStoreDir();
  const profile = readJson<ProfileFile>(path.join(dir, 'profile.json'));
  const catalog = readJson<CatalogFile>(path.join(dir, 'catalog.json'));
  const now = (opts.now ?? new Date()).toISOString();

  const run = db.transaction(() => {
    // Checked again inside the transaction: two processes starting together seed once.
    if (marker.get(DEMO_SEED_KEY) !== undefined) return { seeded: false, products: 0 };
    const s = profile.store;
    db.prepare(`INSERT OR IGNORE INTO store_profile (id, store_id, name, address, phone, timezone, currency, updated_at)
      VALUES (1, ?, ?, ?, ?, ?, ?, ?)`).run(s.store_id, s.name, s.address, s.phone, s.timezone, s.currency, now);
    const hours = db.prepare('INSERT OR IGNORE INTO opening_hours (weekday, opens, closes) VALUES (?, ?, ?)');
    for (const h of profile.opening_hours) hours.run(h.weekday, h.opens, h.closes);
    const holiday = db.prepare('INSERT OR IGNORE INTO holiday_hours (date, opens, closes, note) VALUES (?, ?, ?, ?)');
    for (const h of profile.holiday_hours) holiday.run(h.date, h.opens, h.closes, h.note);
    const kb = db.prepare('INSERT OR IGNORE INTO kb_entries (id, kind, title, body, keywords, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const k of profile.kb) kb.run(k.id, k.kind, k.title, k.body, k.keywords ?? '', now);
    const order = db.prepare('INSERT OR IGNORE INTO pickup_orders (id, customer_name, status, ready_at, location, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const o of profile.pickup_orders) order.run(o.id, o.customer_name, o.status, o.ready_at, o.location, now);
    const card = db.prepare('INSERT OR IGNORE INTO gift_cards (number, balance_cents, updated_at) VALUES (?, ?, ?)');
    for (const g of profile.gift_cards) card.run(g.number, g.balance_cents, now);
    const loyalty = db.prepare('INSERT OR IGNORE INTO loyalty_accounts (number, points, tier, updated_at) VALUES (?, ?, ?, ?)');
    for (const l of profile.loyalty_accounts) loyalty.run(l.number, l.points, l.tier, now);

    const area = db.prepare('INSERT OR IGNORE INTO store_map (id, kind, name, name_zh, departments, x, y, w, h) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const a of catalog.map.aisles) area.run(a.id, 'aisle', a.name, a.name_zh ?? '', JSON.stringify(a.departments ?? []), a.x, a.y, a.w, a.h);
    for (const a of catalog.map.landmarks) area.run(a.id, 'landmark', a.name, a.name_zh ?? '', '[]', a.x, a.y, a.w, a.h);

    const write = productWriter(db, now);
    let count = 0;
    for (const { barcode, ...p } of catalog.products) {
      const code = normalizeBarcode(barcode);
      if (!code) throw new CoreError('INTERNAL', `Demo product ${p.id} has an invalid barcode ${barcode}`);
      write({ ...p, barcodes: [code] });
      count++;
    }
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(DEMO_SEED_KEY, JSON.stringify({ products: count, at: now }), now);
    return { seeded: true, products: count };
  });
  return run();
}
