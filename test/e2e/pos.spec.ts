// Runs: node (Playwright tests). The till end to end in Chromium against the real core: a cashier
// (1111) rings up a sale by scanning a barcode, refunds an item without a receipt (the rules ask
// for a manager; manager 3333 approves with their PIN on the till), voids the sale after tender,
// then manager 3333 signs in to the back office and finds the decisions in the fraud review queue.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { enterPin, guardPage, invoke, openKiosk, screenshotDir } from './helpers.ts';

/** A real barcode from the demo catalog, through the public catalog operations. */
async function aBarcode(page: Page): Promise<{ code: string; name: string }> {
  const found = await invoke<{ results: Array<{ id: string; name: string }> }>(page, 'catalog.search', { q: 'peanut butter', limit: 5 });
  for (const r of found.results) {
    const p = await invoke<{ barcodes: string[]; name: string }>(page, 'catalog.product', { id: r.id });
    if (p.barcodes[0]) return { code: p.barcodes[0], name: p.name };
  }
  throw new Error('no product with a barcode in the demo catalog');
}

/** Whatever the rules decide for this terminal's clock, a manager can approve what is held. */
async function approveIfAsked(page: Page): Promise<void> {
  const dialog = page.getByTestId('pos-approval');
  if (await dialog.isVisible()) {
    for (const d of '3333') await dialog.getByTestId(`pin-key-${d}`).click();
    await dialog.getByTestId('approval-submit').click();
    await expect(dialog).toHaveCount(0);
  }
}

async function scan(page: Page, code: string): Promise<void> {
  // A scanner "types" the code quickly and presses Enter.
  await page.getByTestId('pos-scan').fill('');
  await page.getByTestId('pos-scan').pressSequentially(code, { delay: 5 });
  await page.getByTestId('pos-scan').press('Enter');
}

test('sale, refund without receipt with manager approval, void; decisions in the review queue', async ({ page }) => {
  const guard = guardPage(page);
  await openKiosk(page);
  const item = await aBarcode(page);

  await page.goto('/#/pos');
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');

  // 1. Sale: scan twice (quantity 2), pay cash, get a receipt.
  await scan(page, item.code);
  await expect(page.getByTestId('pos-cart')).toContainText(item.name);
  await scan(page, item.code);
  await expect(page.getByTestId('pos-cart').locator('input[type=number]').first()).toHaveValue('2');
  await page.getByTestId('tender-cash').click();
  await page.waitForTimeout(200);
  await approveIfAsked(page);
  const receipt = page.getByTestId('pos-receipt');
  await expect(receipt).toBeVisible();
  await expect(page.getByTestId('receipt-status')).toHaveText('Completed');
  const receiptNo = (await page.getByTestId('receipt-no').textContent())!.replace(/^.*:\s*/, '').trim();
  expect(receiptNo).toMatch(/^R[A-Z0-9]{8}$/);
  // The next scan lands: the scan box has the focus again.
  await expect(page.getByTestId('pos-scan')).toBeFocused();
  await page.screenshot({ path: path.join(screenshotDir, 'pos-sale.png') });

  // 2. Refund without a receipt: the rules ask for a manager; 3333 approves on the till.
  await page.getByRole('link', { name: 'Returns' }).click();
  await page.getByTestId('refund-no-receipt').click();
  // The store's policy, as the kiosk states it: store credit, with a photo ID.
  await expect(page.getByTestId('refund-policy')).toContainText('store credit only');
  await scan(page, item.code);
  await page.getByTestId('tender-cash').click();
  await expect(page.getByRole('alert').filter({ hasText: 'store credit: choose Gift card' })).toBeVisible();
  await page.getByTestId('refund-id-checked').check();
  await page.getByTestId('tender-gift').click();
  const dialog = page.getByTestId('pos-approval');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Refund without a receipt needs a manager');
  // The manager sees what they approve: the item, the amount, who rang it.
  await expect(dialog.getByTestId('approval-what')).toContainText(item.name);
  await expect(dialog.getByTestId('approval-what')).toContainText('Casey Cashier');
  await expect(dialog.getByTestId('approval-amount')).toHaveText(/^\$\d+\.\d\d$/);
  await page.screenshot({ path: path.join(screenshotDir, 'pos-approval.png') });
  // A cashier's PIN is not enough.
  for (const d of '2222') await dialog.getByTestId(`pin-key-${d}`).click();
  await dialog.getByTestId('approval-submit').click();
  await expect(dialog.getByTestId('approval-error')).toContainText('manager');
  for (const d of '3333') await dialog.getByTestId(`pin-key-${d}`).click();
  await dialog.getByTestId('approval-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('receipt-status')).toHaveText('Completed');
  await expect(page.getByTestId('pos-receipt')).toContainText('Approved by Morgan Manager');
  // Still the cashier's session.
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');

  // 3. Void the sale after tender, from the recent list.
  await page.getByRole('link', { name: 'Sale' }).click();
  await page.getByTestId(`void-${receiptNo}`).click();
  await page.waitForTimeout(200);
  await approveIfAsked(page);
  await expect(page.getByTestId('pos-decision')).toContainText('Void after the sale was paid');
  await expect(page.getByTestId('pos-recent')).toContainText('voided');

  // 4. The back office: manager 3333 sees the decisions in the review queue.
  await page.getByTestId('sign-out').click();
  await page.goto('/#/admin');
  await enterPin(page, '3333');
  await page.getByRole('link', { name: 'Fraud review' }).click();
  const queue = page.getByTestId('review-queue');
  await expect(queue).toContainText('Refund without a receipt needs a manager');
  await expect(queue).toContainText('Void after the sale was paid');
  await page.getByRole('button', { name: 'All decisions' }).click();
  await expect(queue).toHaveAttribute('data-filter', 'all');
  await expect.poll(() => queue.getByTestId('review-row').count()).toBeGreaterThanOrEqual(3);
  await expect(queue).toContainText('Sale');
  await page.screenshot({ path: path.join(screenshotDir, 'admin-fraud-review.png') });
  // The reasons are data, so a manager reading Chinese reads them in Chinese.
  await page.getByTestId('shell-user').getByRole('button', { name: '简体中文' }).click();
  await expect(queue).toContainText('无小票退款需经理批准');
  await expect(queue).toContainText('付款后作废交易');
  await expect(queue).not.toContainText('Refund without a receipt needs a manager');
  await page.getByTestId('shell-user').getByRole('button', { name: 'English' }).click();
  // A verdict is recorded (and queued for sync as a label).
  await page.getByRole('button', { name: 'Waiting' }).click();
  await expect(queue).toHaveAttribute('data-filter', 'open');
  const before = await queue.getByTestId('review-row').count();
  await queue.getByTestId('review-row').first().getByRole('button', { name: 'Legitimate' }).click();
  await expect(queue.getByTestId('review-row')).toHaveCount(before - 1);
  expect(guard.problems).toEqual([]);
});
