// Runs: node (Playwright tests). "Goes well with" in Chromium on its own terminal (`storemind serve`
// on its own SQLite file, given two months of baskets): a manager trains it in the back office, the
// kiosk's product page shows companions with their aisle, the till's cart offers an add-on, the
// cashier adds it, and the back office counts what was shown and what was taken.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ServerProcess } from '../integration/sync/helpers/server-process.ts';
import { seededTerminal } from './seeded-terminal.ts';
import { enterPin, guardPage, invoke, screenshotDir } from './helpers.ts';

type P = { id: string; sku: string; name: string };
let host: ServerProcess;
let close: () => Promise<void>;
let trio: { anchor: P; spread: P; bread: P };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ host, close, seeded: trio } = await seededTerminal<typeof trio>('seed-baskets.ts'));
});

test.afterAll(async () => {
  await close?.();
});

test('trained in the back office, companions show on the kiosk product page and as an add-on at the till', async ({ page }) => {
  const guard = guardPage(page);
  await page.goto(`${host.url}/#/admin`);
  await enterPin(page, '3333');
  await expect(page.getByTestId('shell-user')).toContainText('Morgan Manager');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Goes well with' }).click();
  await page.getByTestId('rec-train').click();
  await expect(page.getByTestId('admin-note')).toContainText(/Trained from 240 baskets/);
  await page.getByTestId('sign-out').click();

  // Kiosk: the peanut butter's page names the preserves with their aisle; opening one is recorded.
  await page.goto(`${host.url}/#/kiosk`);
  await invoke(page, 'settings.setLocale', { locale: 'en' });
  await page.reload();
  await page.getByTestId('kiosk-open-find').click();
  await page.getByTestId('search-input').fill('nutty grove creamy peanut butter');
  // A result card puts the brand on its own line.
  await page.getByTestId('search-result').filter({ hasText: 'Nutty Grove' }).filter({ hasText: 'Creamy Peanut Butter' }).first().click();
  await expect(page.getByTestId('product-name')).toBeVisible();
  const also = page.getByTestId('also-buy');
  await expect(also).toContainText('Shoppers also buy');
  await expect(also.getByTestId('also-buy-item').first()).toContainText(trio.spread.name);
  await expect(also.getByTestId('also-buy-item').first()).toContainText('Aisle A5');
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-also-buy.png') });
  await also.getByTestId('also-buy-item').first().click();
  await expect(page.getByTestId('product-name')).toContainText('Strawberry Fruit Preserves');

  // Till: peanut butter in the cart offers the preserves; the cashier adds them with one tap.
  await page.goto(`${host.url}/#/pos`);
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');
  await page.getByTestId('pos-scan').fill(trio.anchor.sku);
  await page.getByTestId('pos-scan').press('Enter');
  await expect(page.getByTestId('pos-cart')).toContainText(trio.anchor.name);
  const addon = page.getByTestId('pos-addons').getByTestId('pos-addon').filter({ hasText: trio.spread.name });
  await expect(addon).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'pos-addons.png') });
  await addon.click();
  await expect(page.getByTestId('pos-cart')).toContainText(trio.spread.name);
  await expect(page.getByTestId('pos-addons').getByTestId('pos-addon').filter({ hasText: trio.spread.name })).toHaveCount(0);
  await page.getByTestId('sign-out').click();

  // Back office: the pair was shown on both surfaces and taken twice.
  await page.goto(`${host.url}/#/admin`);
  await enterPin(page, '2222');
  await expect(page.getByTestId('shell-user')).toContainText('Sam Supervisor');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Goes well with' }).click();
  const row = page.getByTestId('rec-pairs').locator('tr', { hasText: trio.spread.sku }).filter({ hasText: trio.anchor.sku });
  await expect(row.locator('td').nth(3)).toHaveText('2');
  expect(guard.problems).toEqual([]);
});
