// Runs: node (Playwright tests). The till's hardware end to end in Chromium, on a terminal of its
// own whose receipt printer is a real TCP "printer" on 127.0.0.1 (the loopback printer decodes the
// ESC/POS bytes it receives). A cashier opens a shift, a keyboard-wedge scanner (30 ms a key) rings
// up a scale-labelled item and a packaged one, the customer display on a second page follows the
// cart, a cash sale with change and a card sale each print a receipt, the drawer pulse comes only
// with the cash sale, and the shift closes with a Z report. The printed receipt is drawn from the
// decoded bytes for the README.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ServerProcess } from '../integration/sync/helpers/server-process.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../electron/core/printing/loopback-printer.ts';
import { receiptText, renderReceiptHtml } from '../../electron/core/printing/escpos-decode.ts';
import { seededTerminal } from './seeded-terminal.ts';
import { enterPin, guardPage, screenshotDir } from './helpers.ts';

type Seeded = { weighed: { sku: string; name: string; pricePerKgCents: number; label: string; grams: number }; packaged: { name: string; code: string }; shelf: Array<{ name: string; code: string }> };

let lp: LoopbackPrinter;
let host: ServerProcess;
let close: () => Promise<void>;
let seeded: Seeded;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lp = await startLoopbackPrinter({ mode: 'ok' });
  ({ host, close, seeded } = await seededTerminal<Seeded>('seed-till.ts', [lp.url]));
});

test.afterAll(async () => {
  await close?.();
  await lp?.close();
});

/** A keyboard-wedge scanner: the code typed at 30 ms a key, then Enter, wherever the focus is. */
async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 30 });
  await page.keyboard.press('Enter');
}

const money = (c: number) => `$${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

test('cash sale with a scale label and a card sale: two receipts, the drawer only for cash, the display follows; shift closes with a Z report', async ({ page, context }) => {
  test.setTimeout(90_000);
  const guard = guardPage(page);
  await page.goto(`${host.url}/#/pos/shift`);
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');
  await page.getByTestId('shift-float').fill('100.00');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-status')).toContainText('Shift open since');
  await lp.waitForJobs(2, 5000); // the drawer opens for the float, and the shift slip prints
  await expect.poll(() => lp.jobs.length).toBe(2);

  // The shopper's screen, a second page beside the till.
  const display = await context.newPage();
  await display.goto(`${host.url}/#/display`);
  await expect(display.getByTestId('cdisplay')).toHaveAttribute('data-phase', 'idle');

  await page.goto(`${host.url}/#/pos`);
  await expect(page.getByTestId('printer-status')).toContainText('Printer ready');
  await page.getByTestId('pos-scan').focus();
  await wedgeScan(page, seeded.weighed.label);
  const weighedCents = Math.round((seeded.weighed.grams * seeded.weighed.pricePerKgCents) / 1000);
  await expect(page.getByTestId('pos-cart')).toContainText(seeded.weighed.name);
  await expect(page.getByTestId('pos-weight')).toContainText('1.234 kg');
  await expect(page.getByTestId('pos-total')).toHaveText(money(weighedCents));
  // Focus elsewhere: the scan is still told from typing by its timing.
  await page.getByTestId('tender-cash-given').focus();
  await wedgeScan(page, seeded.packaged.code);
  await expect(page.getByTestId('pos-cart')).toContainText(seeded.packaged.name);
  await expect(page.getByTestId('tender-cash-given')).toHaveValue('');
  await expect(display.getByTestId('cdisplay-line')).toHaveCount(2);
  await expect(display.getByTestId('cdisplay')).toContainText(seeded.weighed.name);
  await expect(display.getByTestId('cdisplay')).toContainText('1.234 kg');
  const total = await page.getByTestId('pos-total').innerText();
  await expect(display.getByTestId('cdisplay-total')).toHaveText(total);
  await display.screenshot({ path: path.join(screenshotDir, 'customer-display.png') });

  // A bad scale label is a clear message, not a line.
  const bad = seeded.weighed.label.slice(0, 12) + String((Number(seeded.weighed.label[12]) + 1) % 10);
  await wedgeScan(page, bad);
  await expect(page.getByTestId('pos-scan-error')).toContainText(/check digit/);

  // Cash: $50 given, change on screen, on the display and on paper.
  await page.getByTestId('tender-cash-given').fill('5.00');
  await expect(page.getByTestId('tender-change-due')).toContainText('short');
  await expect(page.getByTestId('tender-cash')).toBeDisabled();
  await page.getByTestId('tender-cash-given').fill('50.00');
  await expect(page.getByTestId('tender-change-due')).toContainText('Change due');
  await page.getByTestId('tender-cash').click();
  await expect(page.getByTestId('receipt-status')).toHaveText('Completed');
  const cashReceiptNo = (await page.getByTestId('receipt-no').innerText()).split(': ')[1]!;
  await expect(page.getByTestId('receipt-change')).toBeVisible();
  await expect(display.getByTestId('cdisplay-change')).toBeVisible();
  const cashJobs = (await lp.waitForJobs(4, 8000)).slice(2);
  expect(cashJobs.map((j) => j.pulses.length)).toEqual([1, 0]); // the kick first, then the receipt
  const cashReceipt = cashJobs[1]!;
  expect(cashReceipt.qr).toEqual([cashReceiptNo]);
  const text = receiptText(cashReceipt);
  expect(text).toContain(seeded.weighed.name);
  expect(text).toContain('1.234 kg');
  expect(text).toContain(seeded.packaged.name);
  expect(text).toMatch(/Change\s+\$\d+\.\d\d/);

  // Card: the receipt prints, the drawer stays shut.
  await wedgeScan(page, seeded.packaged.code);
  await expect(page.getByTestId('pos-cart')).toContainText(seeded.packaged.name);
  await page.getByTestId('tender-card').click();
  await page.getByTestId('tender-last4').fill('4242');
  await page.getByTestId('tender-card-pay').click();
  await expect(page.getByTestId('receipt-status')).toHaveText('Completed');
  await expect(page.getByTestId('tender-last4')).toHaveCount(0); // the card's digits do not wait for the next shopper
  await expect(page.getByTestId('pos-scan')).toBeFocused();
  const cardJobs = (await lp.waitForJobs(5, 8000)).slice(4);
  expect(cardJobs).toHaveLength(1);
  expect(cardJobs[0]!.pulses).toHaveLength(0);
  expect(receiptText(cardJobs[0]!)).toContain('**** 4242');
  expect(lp.jobs.slice(2).flatMap((j) => j.pulses)).toHaveLength(1);

  // The receipt as printed, drawn from the bytes the printer received.
  const paper = await context.newPage();
  await paper.setViewportSize({ width: 760, height: 1200 });
  await paper.setContent(renderReceiptHtml(cashReceipt));
  await paper.screenshot({ path: path.join(screenshotDir, 'receipt.png'), fullPage: true });
  await paper.close();

  // Close the shift with a blind count; a manager produces the day's Z report.
  await page.goto(`${host.url}/#/pos/shift`);
  await page.getByTestId('shift-count-start').click();
  await page.getByTestId('shift-count-10000').fill('1');
  await page.getByTestId('shift-count-1000').fill('2');
  await page.getByTestId('shift-close').click();
  await expect(page.getByTestId('shift-result')).toContainText(/Over by|Short by|Balanced/);
  await page.getByTestId('sign-out').click();
  await page.goto(`${host.url}/#/pos/shift`);
  await enterPin(page, '3333');
  await page.getByTestId('shift-z').click();
  await expect(page.getByTestId('shift-z-result')).toContainText(/Z report #1 for \d{4}-\d{2}-\d{2}/);
  await page.getByTestId('sign-out').click();
  await page.goto(`${host.url}/#/admin/zreports`);
  await enterPin(page, '3333');
  await expect(page.getByTestId('z-report-row')).toHaveCount(1);
  await expect.poll(() => lp.jobs.some((j) => /Z REPORT|Z report/i.test(receiptText(j)))).toBe(true);
  expect(guard.problems).toEqual([]);
});

test('on a 1024×768 till the total and the pay buttons stay in view with a long cart', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${host.url}/#/pos`);
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');
  for (const p of seeded.shelf) await wedgeScan(page, p.code);
  await expect(page.getByTestId('pos-cart').locator('tbody tr')).toHaveCount(seeded.shelf.length);
  for (const id of ['tender-total', 'tender-cash']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, `${id} is on screen`).toBeLessThanOrEqual(768);
    expect(box.y).toBeGreaterThanOrEqual(0);
  }
  await expect(page.getByTestId('tender-total')).toHaveText(await page.getByTestId('pos-total').innerText());
  await page.screenshot({ path: path.join(screenshotDir, 'pos-till-1024.png') });
});
