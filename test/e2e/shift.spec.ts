// Runs: node (Playwright tests). The shift routines on the till end to end in Chromium against the
// real core: cashier 1111 opens a shift with a float, drops cash, then counts the drawer blind (no
// X report for a cashier, nothing shows the expected amount until the close is submitted);
// manager 3333 produces the day's Z report, which the back office lists.
import { expect, test } from '@playwright/test';
import { enterPin, guardPage, openKiosk } from './helpers.ts';

test('open a shift, drop, X report, blind close with over/short, Z report listed in the back office', async ({ page }) => {
  const guard = guardPage(page);
  await openKiosk(page);
  await page.goto('/#/pos/shift');
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');

  await page.getByTestId('shift-float').fill('100.00');
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-status')).toContainText('Shift open since');
  // A cashier does not produce the Z report.
  await expect(page.getByTestId('shift-z')).toHaveCount(0);

  await page.getByTestId('shift-drop-amount').fill('20');
  await page.getByTestId('shift-drop').click();
  await expect(page.getByText(/Dropped \$20\.00/)).toBeVisible();

  // The X report (the cash the drawer should hold) is a supervisor's: the cashier's count stays blind.
  await expect(page.getByTestId('shift-x')).toHaveCount(0);

  // Blind count: no "expected" figure is shown while counting.
  await page.getByTestId('shift-count-start').click();
  await expect(page.getByText('Expected in drawer')).toHaveCount(0);
  await expect(page.getByTestId('shift-result')).toHaveCount(0);
  await page.getByTestId('shift-count-5000').fill('1');
  await page.getByTestId('shift-count-1000').fill('3');
  await page.getByTestId('shift-count-25').fill('4');
  await expect(page.getByText('Counted: $81.00')).toBeVisible();
  await page.getByTestId('shift-close').click();
  const result = page.getByTestId('shift-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText('$81.00');
  await expect(result).toContainText(/Over by|Short by|Balanced/);
  await expect(page.getByTestId('shift-status')).toContainText('No shift is open');

  await page.getByTestId('sign-out').click();
  await page.goto('/#/pos/shift');
  await enterPin(page, '3333');
  await page.getByTestId('shift-z').click();
  await expect(page.getByTestId('shift-z-result')).toContainText(/Z report #\d+ for \d{4}-\d{2}-\d{2}/);

  await page.getByTestId('sign-out').click();
  await page.goto('/#/admin/zreports');
  await enterPin(page, '3333');
  await expect(page.getByTestId('z-report-row').first()).toBeVisible();
  expect(guard.problems).toEqual([]);
});
