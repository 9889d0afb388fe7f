// Runs: node (Playwright tests). Inventory in Chromium on its own terminal (`storemind serve` on its
// own SQLite file, given eight weeks of sales of one product): a sale lowers stock and the till
// warns before it goes below zero, a refund puts it back, the forecast suggests an order with its
// reason, the kiosk says when the next delivery is due, the delivery is received against the
// order, a cycle count posts its correction, and the kiosk then answers with the new stock.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ServerProcess } from '../integration/sync/helpers/server-process.ts';
import { seededTerminal } from './seeded-terminal.ts';
import { enterPin, guardPage, invoke, screenshotDir } from './helpers.ts';

let host: ServerProcess;
let close: () => Promise<void>;
let product: { sku: string; name: string; aisle: string };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ host, close, seeded: product } = await seededTerminal<typeof product>('seed-sales-history.ts'));
});

test.afterAll(async () => {
  await close?.();
});

/** On hand as the core has it, through the page's bridge with a supervisor's own session. */
async function onHand(page: Page): Promise<number> {
  const { token } = await invoke<{ token: string }>(page, 'auth.signIn', { pin: '2222', surface: 'admin' });
  const env = await page.evaluate(([sku, t]) => (window as unknown as { storemind: { invoke: (op: string, input: object, token: string) => Promise<{ ok: boolean; data?: { onHand: number } }> } }).storemind.invoke('inventory.product', { sku }, t), [product.sku, token] as const);
  await page.evaluate((t) => (window as unknown as { storemind: { invoke: (op: string, input: object, token: string) => Promise<unknown> } }).storemind.invoke('auth.signOut', {}, t), token);
  if (!env.ok || !env.data) throw new Error(`inventory.product failed: ${JSON.stringify(env)}`);
  return env.data.onHand;
}

async function scan(page: Page, code: string): Promise<void> {
  await page.getByTestId('pos-scan').fill(code);
  await page.getByTestId('pos-scan').press('Enter');
}

async function approveIfAsked(page: Page): Promise<void> {
  const dialog = page.getByTestId('pos-approval');
  await page.waitForTimeout(200);
  if (await dialog.isVisible()) {
    for (const d of '3333') await dialog.getByTestId(`pin-key-${d}`).click();
    await dialog.getByTestId('approval-submit').click();
    await expect(dialog).toHaveCount(0);
  }
}

async function askKiosk(page: Page, text: string) {
  await page.goto(`${host.url}/#/kiosk`);
  await invoke(page, 'settings.setLocale', { locale: 'en' });
  await page.reload();
  await page.getByTestId('kiosk-open-ask').click();
  await page.getByTestId('assistant-input').fill(text);
  await page.getByTestId('assistant-send').click();
  const answer = page.getByTestId('assistant-answer').last();
  await expect(answer).toBeVisible({ timeout: 15_000 });
  return answer;
}

async function backOffice(page: Page, tab: string) {
  await page.goto(`${host.url}/#/admin`);
  await enterPin(page, '3333');
  await expect(page.getByTestId('shell-user')).toContainText('Morgan Manager');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inventory' }).click();
  await page.getByTestId(`inv-tab-${tab}`).click();
}

test('a sale lowers stock (the till warns below zero), a refund to stock raises it', async ({ page }) => {
  const guard = guardPage(page);
  await page.goto(`${host.url}/#/pos`);
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');
  expect(await onHand(page)).toBe(4);
  await scan(page, product.sku);
  await expect(page.getByTestId('pos-cart')).toContainText(product.name);
  await expect(page.getByTestId('pos-below-zero')).toHaveCount(0);
  await page.getByTestId('pos-cart').locator('input[type=number]').first().fill('6');
  await expect(page.getByTestId('pos-below-zero')).toContainText('Only 4 on hand');
  await page.getByTestId('pos-cart').locator('input[type=number]').first().fill('2');
  await expect(page.getByTestId('pos-below-zero')).toHaveCount(0);
  await page.getByTestId('tender-cash').click();
  await approveIfAsked(page);
  await expect(page.getByTestId('receipt-status')).toHaveText('Completed');
  const receiptNo = (await page.getByTestId('receipt-no').textContent())!.replace(/^.*:\s*/, '').trim();
  expect(await onHand(page)).toBe(2);

  await page.getByRole('link', { name: 'Returns' }).click();
  await page.getByTestId('refund-with-receipt').click();
  await page.getByTestId('refund-receipt-no').fill(receiptNo);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByTestId('pos-cart')).toContainText(product.name);
  await page.getByTestId('tender-cash').click();
  await approveIfAsked(page);
  await expect(page.getByTestId('receipt-status')).toHaveText('Completed');
  expect(await onHand(page)).toBe(4);
  expect(guard.problems).toEqual([]);
});

test('the forecast suggests an order with its reason; the kiosk says when the delivery is due', async ({ page }) => {
  const guard = guardPage(page);
  await backOffice(page, 'order');
  await page.getByTestId('inv-forecast-run').click();
  await expect(page.getByTestId('admin-note')).toContainText(/Forecast \d+ products/);
  const line = page.getByTestId(`inv-suggested-${product.sku}`);
  await expect(line).toContainText(/sells \d+(\.\d)?\/week, 4 on hand, delivery in 3 days/);
  await page.getByTestId('inv-rules').locator('summary').click();
  await expect(page.getByTestId('inv-rules')).toContainText('Store default');
  await expect(page.getByTestId('inv-rules').getByLabel('Lead time (days)').first()).toHaveValue('3');
  await page.getByTestId('inv-order-supplier').fill('Nutty Grove Foods');
  const expected = new Date(Date.now() + 3 * 86_400_000);
  await page.getByTestId('inv-order-expected').fill(expected.toISOString().slice(0, 10));
  await page.screenshot({ path: path.join(screenshotDir, 'admin-inventory-order.png') });
  await page.getByTestId('inv-order-place').click();
  await expect(page.getByTestId('admin-note')).toContainText(/Order PO-\d{8}-[0-9A-F]{6} placed/);
  await expect(page.getByTestId('inv-orders')).toContainText('Nutty Grove Foods');

  // The last four are written off as damaged: the kiosk has none, and says when more comes.
  await page.getByTestId('inv-tab-stock').click();
  await page.getByTestId('inv-search').fill(product.sku);
  await page.getByTestId(`inv-row-${product.sku}`).click();
  await page.getByTestId('inv-adjust-qty').fill('-4');
  await page.getByTestId('inv-adjust-reason').selectOption('damaged');
  await page.getByTestId('inv-adjust-save').click();
  await expect(page.getByTestId('admin-note')).toContainText('now has 0 on hand');
  await expect(page.getByTestId(`inv-onhand-${product.sku}`)).toHaveText('0');
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(expected);
  const answer = await askKiosk(page, `do you have ${product.name}?`);
  await expect(answer).toContainText(`${product.name} is out of stock right now. The next delivery is expected ${weekday}.`);
  expect(guard.problems).toEqual([]);
});

test('the delivery is received against the order, a cycle count corrects the shelf, the kiosk answers with the new stock', async ({ page }) => {
  const guard = guardPage(page);
  await backOffice(page, 'receive');
  const po = page.getByTestId('inv-receive-po');
  const value = await po.locator('option', { hasText: 'Nutty Grove Foods' }).getAttribute('value');
  await po.selectOption(value!);
  const qty = page.getByTestId(`inv-receive-qty-${product.sku}`);
  const ordered = Number(await qty.inputValue());
  expect(ordered).toBeGreaterThan(0);
  await page.getByTestId('inv-receive-post').click();
  await expect(page.getByTestId('admin-note')).toContainText(`Received ${ordered} units. Received in full`);
  expect(await onHand(page)).toBe(ordered);

  await page.getByTestId('inv-tab-count').click();
  await page.getByTestId('inv-count-aisle').fill(product.aisle);
  await page.getByTestId(`inv-count-${product.sku}`).fill(String(ordered - 1));
  await page.screenshot({ path: path.join(screenshotDir, 'admin-inventory-count.png') });
  await page.getByTestId('inv-count-post').click();
  await expect(page.getByTestId('inv-count-result')).toContainText(`${product.sku}: counted ${ordered - 1}, expected ${ordered}: -1 posted`);
  expect(await onHand(page)).toBe(ordered - 1);

  const answer = await askKiosk(page, `is ${product.name} in stock?`);
  await expect(answer).toContainText(`${product.name} is in stock (${ordered - 1} on hand)`);
  expect(guard.problems).toEqual([]);
});
