// Runs: node (Playwright tests). The back office's catalogue on a terminal of its own: a manager
// finds a product, changes its price and aisle and saves; after a reload the edit is still there,
// and the kiosk's product page (catalog.product) shows the new price. A bad barcode is refused
// with the core's message, and a CSV import lists its rejected rows.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ServerProcess } from '../integration/sync/helpers/server-process.ts';
import { seededTerminal } from './seeded-terminal.ts';
import { enterPin, guardPage, invoke, screenshotDir } from './helpers.ts';

let host: ServerProcess;
let close: () => Promise<void>;
let product: { id: string; sku: string; name: string; price_cents: number; aisle: string };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ host, close, seeded: product } = await seededTerminal<typeof product>('seed-catalog.ts'));
});

test.afterAll(async () => {
  await close?.();
});

async function openCatalog(page: Page): Promise<void> {
  await page.goto(`${host.url}/#/kiosk`);
  await invoke(page, 'settings.setLocale', { locale: 'en' });
  await page.goto(`${host.url}/#/admin/catalog`);
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await enterPin(page, '3333');
  await expect(page.getByRole('heading', { level: 2, name: 'Catalogue' })).toBeVisible();
}

async function findProduct(page: Page) {
  await page.getByTestId('catalog-search').fill(product.sku);
  await expect(page.getByTestId('catalog-row')).toHaveCount(1);
  return page.getByTestId('catalog-row').first();
}

test('manager 3333 changes a price and an aisle; the edit persists and the kiosk shows the new price', async ({ page }) => {
  const guard = guardPage(page);
  await openCatalog(page);
  const row = await findProduct(page);
  await expect(row).toContainText(product.name);
  await row.click();
  const editor = page.getByTestId('catalog-editor');
  await expect(editor.getByTestId('catalog-edit-price')).toHaveValue((product.price_cents / 100).toFixed(2));
  const newPrice = product.price_cents + 111;
  await editor.getByTestId('catalog-edit-price').fill((newPrice / 100).toFixed(2));
  await editor.getByTestId('catalog-edit-aisle').fill('Z7');
  await editor.getByTestId('catalog-save').click();
  await expect(page.getByTestId('admin-note')).toContainText(`${product.name} saved`);
  await expect(row.getByTestId('catalog-row-where')).toContainText('Z7');

  // A barcode with a wrong check digit is refused with the core's reason; nothing else changes.
  await editor.getByTestId('catalog-edit-barcodes').fill('0012345678901');
  await editor.getByTestId('catalog-save').click();
  await expect(page.getByTestId('admin-note')).toContainText('not a valid barcode');

  // Reloaded, the back office asks for the PIN again; the catalogue comes from the core.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await enterPin(page, '3333');
  const again = await findProduct(page);
  await expect(again.getByTestId('catalog-row-where')).toContainText('Z7');
  await again.click();
  await expect(page.getByTestId('catalog-edit-price')).toHaveValue((newPrice / 100).toFixed(2));
  await expect(page.getByTestId('catalog-edit-aisle')).toHaveValue('Z7');
  await page.screenshot({ path: path.join(screenshotDir, 'admin-catalog.png') });

  // The kiosk's product page reads the same catalogue.
  const detail = await invoke<{ price_cents: number; aisle: string }>(page, 'catalog.product', { id: product.id });
  expect(detail).toMatchObject({ price_cents: newPrice, aisle: 'Z7' });
  expect(guard.problems).toEqual([]);
});

test('a CSV import shows the rows it rejected and why', async ({ page }) => {
  await openCatalog(page);
  await page.getByTestId('catalog-import-card').locator('summary').click();
  await page.getByTestId('catalog-import-csv').fill('id,name,department,price\ne2e-1,Rye Crackers,Bakery,2.99\ne2e-2,,Bakery,1.00\ne2e-3,Oat Bars,Bakery,lots\n');
  await page.getByTestId('catalog-import').click();
  const report = page.getByTestId('catalog-import-report');
  await expect(report).toContainText('1 new, 0 updated, 2 rejected');
  await expect(report.getByTestId('catalog-import-rejected')).toHaveCount(2);
  await expect(report).toContainText('missing name');
  await expect(report).toContainText('price "lots" is not a number');
  await page.getByTestId('catalog-search').fill('Rye Crackers');
  await expect(page.getByTestId('catalog-row')).toHaveCount(1);
});
