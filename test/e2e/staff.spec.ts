// Runs: node (Playwright tests). POS and back office: PIN sign-in with the on-screen keypad, the
// signed-in shell, wrong PINs, sign-out, and a session that only opens the surface it was made for.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { enterPin, guardPage, openKiosk, screenshotDir } from './helpers.ts';

test('kiosk → Staff → POS: cashier 1111 signs in to the POS shell and out again', async ({ page }) => {
  const guard = guardPage(page);
  await openKiosk(page);
  // A shopper's tap offers nothing but a hint; staff press and hold.
  await page.getByRole('button', { name: 'Staff' }).click();
  await expect(page.getByRole('link', { name: 'Point of sale' })).toHaveCount(0);
  await expect(page.getByText('Staff only: press and hold')).toBeVisible();
  const staff = (await page.getByRole('button', { name: 'Staff' }).boundingBox())!;
  await page.mouse.move(staff.x + staff.width / 2, staff.y + staff.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(1000);
  await page.mouse.up();
  await page.getByRole('link', { name: 'Point of sale' }).click();

  await expect(page).toHaveURL(/#\/pos$/);
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await enterPin(page, '1111');

  const user = page.getByTestId('shell-user');
  await expect(user).toContainText('Casey Cashier');
  await expect(user).toContainText('Cashier');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText(['Sale', 'Product lookup', 'Returns', 'Shift', 'Help requests']);
  await expect(page.getByRole('heading', { level: 2, name: 'Sale' })).toBeVisible();

  // Nav links are routes: the panel shows and the URL names it.
  await page.getByRole('link', { name: 'Returns' }).click();
  await expect(page).toHaveURL(/#\/pos\/returns$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Returns' })).toBeVisible();

  // A POS session does not open the back office.
  await page.goto('/#/admin');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.goto('/#/pos');
  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  expect(guard.problems).toEqual([]);
});

test('admin: manager 3333 signs in to the back-office shell', async ({ page }) => {
  await openKiosk(page);
  await page.goto('/#/admin');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await expect(page.getByTestId('pin-surface')).toHaveText('Back office');
  await page.screenshot({ path: path.join(screenshotDir, 'admin-signin.png') });

  // The physical keyboard works as well as the keypad.
  await page.keyboard.type('3333');
  await expect(page.getByTestId('pin-dots').locator('.pin-dots__dot--on')).toHaveCount(4);
  await page.keyboard.press('Enter');

  const user = page.getByTestId('shell-user');
  await expect(user).toContainText('Morgan Manager');
  await expect(user).toContainText('Manager');
  // A manager sees manager panels but not the admin-only Staff panel.
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Catalogue' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
});

test('a wrong PIN shows the core\'s error and stays on the PIN screen', async ({ page }) => {
  await openKiosk(page);
  await page.goto('/#/pos');
  await enterPin(page, '9876');
  const error = page.getByTestId('pin-error');
  await expect(error).not.toBeEmpty();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await expect(page.getByTestId('shell-user')).toHaveCount(0);
  // The entered digits are cleared; typing again clears the error.
  await expect(page.getByTestId('pin-dots').locator('.pin-dots__dot--on')).toHaveCount(0);
  await page.getByTestId('pin-key-1').click();
  await expect(error).toBeEmpty();
});

test('a PIN shorter than 4 digits is refused before calling the core', async ({ page }) => {
  await openKiosk(page);
  await page.goto('/#/admin');
  await enterPin(page, '12');
  await expect(page.getByTestId('pin-error')).toHaveText('A PIN has at least 4 digits.');
});

test('one staff session per terminal: a wrong PIN keeps it, a new sign-in replaces it', async ({ page }) => {
  await openKiosk(page);
  await page.goto('/#/pos');
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');

  // A wrong PIN on the back office does not sign the cashier out of the POS.
  await page.goto('/#/admin');
  await enterPin(page, '5555');
  await expect(page.getByTestId('pin-error')).not.toBeEmpty();
  await page.goto('/#/pos');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');

  // Signing in to the back office replaces the POS session.
  await page.goto('/#/admin');
  await enterPin(page, '4444');
  await expect(page.getByTestId('shell-user')).toContainText('Administrator');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Staff' })).toBeVisible();
  await page.goto('/#/pos');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
});
