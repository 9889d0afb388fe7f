// A catalogue edit made in one terminal's back office reaches the store's other terminals through a
// real store hub (a child process, enrolled with a real platform): the till scans the product at
// the new price with its new barcode, the kiosk's product page shows the new aisle, and a product
// retired in the office is gone from the till and the kiosk search.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../../electron/core/catalog/barcode.ts';
import { tempDir } from '../../helpers/tmp.ts';
import { until } from '../../helpers/until.ts';
import { startLane, type Lane } from './helpers/lane.ts';
import { spawnHub, storemind, type HubProc } from './helpers/hub.ts';
import { spawnPlatform, type PlatformProc } from './helpers/platform.ts';

const STORE = 'store-catalog-1';
const root = tempDir('storemind-catalog-');
let platform: PlatformProc;
let hub: HubProc;

const lanes: Lane[] = [];


async function lane(name: string): Promise<Lane> {
  const l = await startLane(root, name, hub);
  lanes.push(l);
  return l;
}

let office: Lane;
let till: Lane;
let kiosk: Lane;

beforeAll(async () => {
  platform = await spawnPlatform({ dataDir: path.join(root, 'platform') });
  const { code } = await platform.admin.enrollCode(STORE);
  const hubDir = path.join(root, 'hub');
  const enrolled = await storemind(['hub', 'enroll', '--server', platform.url, '--code', code, '--data-dir', hubDir, '--json']);
  expect(enrolled.code, enrolled.stderr).toBe(0);
  hub = await spawnHub(hubDir);
  office = await lane('office');
  till = await lane('till');
  kiosk = await lane('kiosk');
}, 120_000);

afterAll(async () => {
  for (const l of lanes) {
    l.stop();
    l.core.close();
  }
  await hub?.kill();
  await platform?.kill();
});

describe('catalogue edits across the store', () => {
  it('an office edit reaches the till and the kiosk; a retired product leaves both', async () => {
    const p = office.core.db.prepare(`SELECT p.id, p.sku, p.name FROM products p WHERE p.active = 1 AND p.promo_price_cents IS NULL AND p.price_cents BETWEEN 200 AND 2000
      AND p.department NOT IN ('Pharmacy', 'Alcohol', 'Tobacco') ORDER BY p.sku LIMIT 1`).get() as { id: string; sku: string; name: string };
    const admin = await office.signIn('3333', 'admin');
    const cur = await office.call('catalog.admin.get', { id: p.id }, admin);
    expect(cur.ok, JSON.stringify(cur.error)).toBe(true);
    const code = makeEan13('000000424242');
    const saved = await office.call('catalog.admin.save', {
      id: p.id, name: cur.data.name, brand: cur.data.brand, department: cur.data.department, price_cents: 1357, promo_price_cents: null,
      aisle: 'Q4', bay: '2', shelf: '1', barcodes: [code],
    }, admin);
    expect(saved.ok, JSON.stringify(saved.error)).toBe(true);

    const cashier = await till.signIn('1111');
    const scanned = await until('the till to ring the new barcode at the new price', async () => {
      const r = await till.call('pos.scan', { code }, cashier);
      return r.ok && r.data.product.priceCents === 1357 ? r.data : null;
    });
    expect(scanned.product.id).toBe(p.id);
    const page = await until('the kiosk to show the new aisle', async () => {
      const r = await kiosk.call('catalog.product', { id: p.id });
      return r.ok && r.data.aisle === 'Q4' ? r.data : null;
    });
    expect(page).toMatchObject({ price_cents: 1357, bay: '2', shelf: '1', barcodes: [code] });
    // Audited where it was made, once.
    expect(office.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'catalog.edit' AND target = ?").pluck().get(p.sku)).toBe(1);

    const retired = await office.call('catalog.admin.setActive', { id: p.id, active: false }, admin);
    expect(retired.ok, JSON.stringify(retired.error)).toBe(true);
    await until('the till to refuse the retired product', async () => (await till.call('pos.scan', { code }, cashier)).error?.code === 'NOT_FOUND');
    await until('the kiosk search to drop it', async () => {
      const r = await kiosk.call('catalog.search', { q: p.name });
      return r.ok && !r.data.results.some((h: { id: string }) => h.id === p.id);
    });
    expect((await kiosk.call('catalog.product', { id: p.id })).error?.code).toBe('NOT_FOUND');
  }, 60_000);
});
