// Runs: node (Playwright tests). The language switch re-renders every string. It is the shopper's
// choice for their session (a reload keeps it), never the terminal's: the next shopper, in a new
// session, starts in the store's default language (#19: the next shopper inherited the last one's).
import { expect, test } from '@playwright/test';
import { invoke, openKiosk } from './helpers.ts';

test('switching to 简体中文 and back re-renders the kiosk', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: '简体中文' }).click();

  await expect(page.getByRole('button', { name: /咨询问题/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /查找商品/ })).toBeVisible();
  await expect(page.getByText('欢迎光临')).toBeVisible();
  await expect(page.getByTestId('hours-today')).toContainText('今日');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');

  // The shopper's reload keeps it; the terminal's default stays the store's.
  await page.reload();
  await expect(page.getByRole('button', { name: /咨询问题/ })).toBeVisible();
  expect((await invoke<{ locale: string }>(page, 'app.info')).locale).toBe('en');
  // The next shopper (a new session) starts in English.
  const next = await page.context().browser()!.newPage();
  await next.goto(page.url());
  await expect(next.getByRole('button', { name: /Ask a question/ })).toBeVisible();
  await next.close();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: /Ask a question/ })).toBeVisible();
  await expect(page.getByText('欢迎光临')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the staff shell is translated too', async ({ page }) => {
  await openKiosk(page);
  await page.goto('/#/pos');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await page.getByTestId('shell-user').getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect(page.getByText('收银员')).toBeVisible();
  await page.getByTestId('shell-user').getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
});
