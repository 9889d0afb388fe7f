// Runs: node (core). Reads the store profile, hours and knowledge base as the kiosk shows them.
import type { Db } from '../db/database.ts';

export interface StoreProfileView {
  storeId: string;
  name: string;
  address: string;
  phone: string | null;
  timezone: string;
  currency: string;
  hours: Array<{ weekday: number; opens: string | null; closes: string | null }>;
  holidays: Array<{ date: string; opens: string | null; closes: string | null; note: string }>;
  kb: Array<{ id: string; kind: string; title: string; body: string }>;
}

export function readStoreProfile(db: Db): StoreProfileView | null {
  const p = db.prepare('SELECT store_id, name, address, phone, timezone, currency FROM store_profile WHERE id = 1').get() as
    | { store_id: string; name: string; address: string; phone: string | null; timezone: string; currency: string }
    | undefined;
  if (!p) return null;
  return {
    storeId: p.store_id,
    name: p.name,
    address: p.address,
    phone: p.phone,
    timezone: p.timezone,
    currency: p.currency,
    hours: db.prepare('SELECT weekday, opens, closes FROM opening_hours ORDER BY weekday').all() as StoreProfileView['hours'],
    holidays: db.prepare('SELECT date, opens, closes, note FROM holiday_hours ORDER BY date').all() as StoreProfileView['holidays'],
    kb: db.prepare('SELECT id, kind, title, body FROM kb_entries ORDER BY kind, id').all() as StoreProfileView['kb'],
  };
}

export function productCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM products WHERE active = 1').get() as { n: number }).n;
}
