// Runs: node (Playwright tests). The customer kiosk: home screen, its two panels, touch sizing,
// today's hours, the docs screenshot, and no remote requests.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { guardPage, invoke, openKiosk, screenshotDir } from './helpers.ts';

test('kiosk home shows the store name, both big buttons and today\'s hours', async ({ page }) => {
  const guard = guardPage(page);
  await openKiosk(page);
  const profile = await invoke<{ name: string }>(page, 'store.profile');

  await expect(page.getByTestId('store-name')).toHaveText(profile.name);
  await expect(page.getByRole('button', { name: /Ask a question/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Find a product/ })).toBeVisible();
  await expect(page.getByTestId('hours-today')).toContainText(/Today/);
  await expect(page.getByTestId('hours-today')).toContainText(/Open .+ – .+|Closed today|Hours not available/);
  await expect(page.getByRole('button', { name: 'Staff' })).toBeVisible();

  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-home.png') });
  expect(guard.problems).toEqual([]);
});

test('every kiosk control is a touch-sized target and text is at least 20 px', async ({ page }) => {
  await openKiosk(page);
  const sizes = await page.locator('button, a').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: (el.textContent ?? '').trim(), w: r.width, h: r.height, font: parseFloat(getComputedStyle(el).fontSize) };
    }),
  );
  expect(sizes.length).toBeGreaterThan(3);
  for (const s of sizes) {
    expect.soft(s.h, `height of "${s.text}"`).toBeGreaterThanOrEqual(48);
    expect.soft(s.w, `width of "${s.text}"`).toBeGreaterThanOrEqual(48);
    expect.soft(s.font, `font size of "${s.text}"`).toBeGreaterThanOrEqual(20);
  }
  for (const id of ['kiosk-open-ask', 'kiosk-open-find']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(64);
  }
});

test('each big button opens its panel, and Back returns home', async ({ page }) => {
  await openKiosk(page);
  for (const name of ['Ask a question', 'Find a product']) {
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const back = page.getByTestId('kiosk-back');
    expect((await back.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(64);
    await back.click();
    await expect(page.getByTestId('store-name')).toBeVisible();
  }
});

test('after the idle timeout the kiosk returns home in its default language', async ({ page }) => {
  // A fake clock so the test does not wait the real idle period.
  await page.clock.install();
  await openKiosk(page);
  const info = await invoke<{ idleResetSeconds: number }>(page, 'app.info');

  await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByRole('button', { name: /查找商品/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '查找商品' })).toBeVisible();

  await page.clock.fastForward(Math.max(1, info.idleResetSeconds - 5) * 1000);
  await expect(page.getByRole('heading', { level: 1, name: '查找商品' })).toBeVisible();

  await page.clock.fastForward(10_000);
  await expect(page.getByTestId('store-name')).toBeVisible();
  await expect(page.getByRole('button', { name: /Ask a question/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
