// Runs: node (Playwright tests). The kiosk's "Find a product": a typo still finds almond milk, a
// tapped result shows its aisle and the store map marks it, a barcode scanner (fast digits + Enter)
// opens a product directly, FTS5 syntax and markup in the box are just text, touch sizes, and the
// docs screenshots of the search and product screens.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { guardPage, invoke, openKiosk, screenshotDir } from './helpers.ts';

interface Product {
  id: string;
  name: string;
  aisle: string;
  barcodes: string[];
  map_area: { id: string } | null;
}

async function openFind(page: Page): Promise<void> {
  await openKiosk(page);
  await page.getByTestId('kiosk-open-find').click();
  await expect(page.getByTestId('search-input')).toBeFocused();
}

/**
 * A barcode scanner as the browser sees it: digit keys 12 ms apart by their hardware timestamps,
 * then Enter. Sent over CDP with explicit timestamps (which Chromium passes on as
 * KeyboardEvent.timeStamp), so a busy test machine delivering them late cannot make a scan look
 * like typing. Chromium only, like the config.
 */
async function scan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  const keys = [...code].map((d) => ({ key: d, code: `Digit${d}`, text: d, windowsVirtualKeyCode: 48 + Number(d) }));
  keys.push({ key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 });
  for (const [i, k] of keys.entries()) {
    const at = t0 + i * 0.012;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, timestamp: at });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.windowsVirtualKeyCode, timestamp: at + 0.004 });
  }
  await cdp.detach();
}

/** Waits until the results on screen answer `q` (not an earlier query still on screen). */
async function searched(page: Page, q: string): Promise<void> {
  const section = page.getByTestId('search-results');
  await expect(section).toHaveAttribute('data-answered', q.trim());
  await expect(section).toHaveAttribute('data-status', 'ok');
}

test('"almnd milk" finds almond milk; the product page shows its aisle and the map marks it', async ({ page }) => {
  const guard = guardPage(page);
  await openFind(page);
  await expect(page.getByTestId('search-empty')).toBeVisible();

  // Half on the on-screen keyboard, half on a physical one: both type into the same box.
  for (const ch of 'almnd') await page.getByTestId(`osk-key-${ch}`).click();
  await page.getByTestId('osk-space').click();
  await page.keyboard.type('milk');
  await expect(page.getByTestId('search-input')).toHaveValue('almnd milk');
  await searched(page, 'almnd milk');

  const almond = page.getByTestId('search-result').filter({ hasText: /almond milk/i });
  await expect(almond.first()).toBeVisible();
  const card = almond.first();
  await expect(card).toContainText(/Aisle \S+ · Bay \S+ · Shelf \S+/);
  await expect(card.getByTestId('price')).toContainText('$');
  await expect(card.getByTestId('stock')).toHaveText(/In stock|Low stock|Out of stock/);
  await expect(page.getByTestId('facet-department').first()).toBeVisible();
  await expect(page.getByTestId('filter-in-stock')).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-search.png'), animations: 'disabled', caret: 'hide' });

  const id = await card.getAttribute('data-product-id');
  expect(id).toBeTruthy();
  const product = await invoke<Product>(page, 'catalog.product', { id: id as string });
  expect(product.name).toMatch(/almond milk/i);
  expect(product.map_area?.id).toBe(product.aisle);

  await card.click();
  await expect(page.getByTestId('product-page')).toBeVisible();
  await expect(page.getByTestId('product-aisle')).toHaveText(`Aisle ${product.aisle}`);
  await expect(page.getByTestId('store-map')).toHaveAttribute('data-highlight', product.aisle);
  await expect(page.getByTestId('map-aisle-highlighted')).toHaveAttribute('data-aisle', product.aisle);
  await expect(page.getByTestId('map-aisle-highlighted')).toHaveCount(1);
  await expect(page.getByTestId('map-you-are-here')).toContainText('You are here');
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-product.png'), animations: 'disabled' });

  // Back returns to the same results; the panel's own Back returns home.
  await page.getByTestId('product-back').click();
  await expect(page.getByTestId('search-input')).toHaveValue('almnd milk');
  await expect(almond.first()).toBeVisible();
  await page.getByTestId('kiosk-back').click();
  await expect(page.getByTestId('store-name')).toBeVisible();
  expect(guard.problems).toEqual([]);
});

test('facets: a department chip and "in stock only" narrow the results', async ({ page }) => {
  await openFind(page);
  await page.getByTestId('search-input').fill('milk');
  await searched(page, 'milk');
  const chip = page.getByTestId('facet-department').filter({ hasText: 'Dairy & Eggs' });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await searched(page, 'milk');
  const departments = await page.getByTestId('search-result').evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')));
  for (const pid of departments) {
    const p = await invoke<{ department: string }>(page, 'catalog.product', { id: pid as string });
    expect(p.department).toBe('Dairy & Eggs');
  }
  await page.getByTestId('filter-in-stock').click();
  await expect(page.getByTestId('filter-in-stock')).toHaveAttribute('aria-checked', 'true');
  await searched(page, 'milk');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await expect(page.getByTestId('search-result').getByTestId('stock').filter({ hasText: 'Out of stock' })).toHaveCount(0);
});

test('a barcode scanner (digits a few ms apart, then Enter) opens the product directly', async ({ page }) => {
  const guard = guardPage(page);
  await openFind(page);
  const hits = await invoke<{ results: Array<{ id: string }> }>(page, 'catalog.search', { q: 'almond milk', limit: 2 });
  const [first, second] = await Promise.all(hits.results.map((h) => invoke<Product>(page, 'catalog.product', { id: h.id })));
  expect(first?.barcodes.length).toBeGreaterThan(0);
  expect(second?.barcodes.length).toBeGreaterThan(0);

  await scan(page, first!.barcodes[0]!);
  await expect(page.getByTestId('product-page')).toBeVisible();
  // The page shows the name without the brand prefix (the brand has its own line).
  expect(first!.name).toContain(await page.getByTestId('product-name').innerText());
  await expect(page.getByTestId('product-aisle')).toHaveText(`Aisle ${first!.aisle}`);

  // A scan on the product page opens the next product.
  await scan(page, second!.barcodes[0]!);
  await expect(page.getByTestId('product-page')).toHaveCount(1);
  await expect(page.getByTestId('product-aisle')).toHaveText(`Aisle ${second!.aisle}`);
  await expect(page.getByTestId('store-map')).toHaveAttribute('data-highlight', second!.aisle);

  // The scanner's digits did not stay in the search box.
  await page.getByTestId('product-back').click();
  await expect(page.getByTestId('search-input')).toHaveValue('');

  // An unknown code says so instead of opening anything.
  await scan(page, '4006381333931');
  await expect(page.getByTestId('search-notice')).toContainText('4006381333931');
  await expect(page.getByTestId('product-page')).toHaveCount(0);
  await expect(page.getByTestId('search-input')).toHaveValue('');
  expect(guard.problems).toEqual([]);
});

test('digits typed by hand are a search, and Enter on a whole barcode opens its product', async ({ page }) => {
  await openFind(page);
  const hits = await invoke<{ results: Array<{ id: string }> }>(page, 'catalog.search', { q: 'bananas', limit: 1 });
  const product = await invoke<Product>(page, 'catalog.product', { id: hits.results[0]!.id });
  const code = product.barcodes[0]!;
  // A person's pace (well over 50 ms a key): no scan, the digits stay in the box as a query.
  await page.keyboard.type(code, { delay: 90 });
  await expect(page.getByTestId('search-input')).toHaveValue(code);
  await expect(page.getByTestId('product-page')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('product-aisle')).toHaveText(`Aisle ${product.aisle}`);
});

test('FTS5 syntax and markup in the box are searched as plain text, never an error', async ({ page }) => {
  const guard = guardPage(page);
  await openFind(page);
  const input = page.getByTestId('search-input');
  const nasty = ['"almond', 'milk*', 'almond NEAR milk', '-milk', 'NEAR(almond milk, 2)', '"*" - NEAR ""', 'milk OR AND NOT', '(peanut', 'col:milk ^2', '<img src=x onerror=alert(1)>', '<qzxv>qzxv</qzxv>'];
  for (const q of nasty) {
    await input.fill(q);
    await searched(page, q);
    await expect(page.getByTestId('search-error')).toHaveCount(0);
    await expect(page.getByTestId('search-result').first().or(page.getByTestId('search-no-results'))).toBeVisible();
  }
  // Markup stays text: the no-results title quotes it literally and no element was made from it.
  await expect(page.getByTestId('search-no-results')).toContainText('“<qzxv>qzxv</qzxv>”');
  await expect(page.locator('.kiosk-panel img, .kiosk-panel qzxv')).toHaveCount(0);

  // And the box still works normally afterwards.
  await input.fill('almond milk');
  await searched(page, 'almond milk');
  await expect(page.getByTestId('search-result').filter({ hasText: /almond milk/i }).first()).toBeVisible();
  expect(guard.problems).toEqual([]);
});

test('search and product screens: touch-sized targets and text of at least 20 px', async ({ page }) => {
  await openFind(page);
  await page.getByTestId('search-input').fill('bananas');
  await searched(page, 'bananas');

  const check = async (where: string) => {
    const sizes = await page.locator('.kiosk-panel button').evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { text: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim(), w: r.width, h: r.height, font: parseFloat(getComputedStyle(el).fontSize) };
        }),
    );
    expect(sizes.length).toBeGreaterThan(3);
    for (const s of sizes) {
      expect.soft(s.h, `${where}: height of "${s.text}"`).toBeGreaterThanOrEqual(48);
      expect.soft(s.w, `${where}: width of "${s.text}"`).toBeGreaterThanOrEqual(48);
      expect.soft(s.font, `${where}: font size of "${s.text}"`).toBeGreaterThanOrEqual(20);
    }
  };
  await check('search');
  const keys = await page.locator('.osk button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  for (const k of keys) expect.soft(Math.min(k.width, k.height)).toBeGreaterThanOrEqual(56);

  await page.getByTestId('search-result').first().click();
  await expect(page.getByTestId('product-aisle')).toBeVisible();
  await check('product');
});

test('portrait kiosk (1080×1920): the keyboard sits under the search box and no result is clipped', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openFind(page);
  await page.getByTestId('search-input').fill('batteries');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  const kb = (await page.locator('.ps__keyboard').boundingBox())!;
  const list = (await page.getByTestId('search-result').first().boundingBox())!;
  expect(kb.y + kb.height, 'the keyboard is above the results, not beside them').toBeLessThanOrEqual(list.y);
  const cards = page.getByTestId('search-result');
  const n = Math.min(await cards.count(), 8);
  for (let i = 0; i < n; i++) {
    const card = (await cards.nth(i).boundingBox())!;
    const price = (await cards.nth(i).getByTestId('price').boundingBox())!;
    expect(price.x + price.width, `result ${i}'s price inside its card`).toBeLessThanOrEqual(card.x + card.width + 0.5);
    expect(card.x + card.width, `result ${i} inside the screen`).toBeLessThanOrEqual(1080);
  }
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-search-portrait.png') });
});

test('portrait kiosk (1080×1920): the product page map spans the screen and its labels read at arm\'s length', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openFind(page);
  await page.getByTestId('search-input').fill('almond milk');
  await page.getByTestId('search-result').first().click();
  const map = page.getByTestId('store-map');
  await expect(map).toBeVisible();
  const box = (await map.boundingBox())!;
  expect(box.width, 'the map is as wide as the screen allows').toBeGreaterThanOrEqual(0.8 * 1080);
  // Every aisle shows its number and its name; numbers are at least 24 px, names at least 16 px,
  // and no two aisle numbers touch.
  const labels = await map.locator('[data-aisle]').evaluateAll((groups) =>
    groups.map((g) => {
      const r = (sel: string) => g.querySelector(sel)!.getBoundingClientRect();
      const id = r('.smap__aisle-id');
      const name = r('.smap__aisle-name');
      return { id: { x: id.x, w: id.width, h: id.height }, nameText: g.querySelector('.smap__aisle-name')!.textContent, nameThick: Math.min(name.width, name.height) };
    }),
  );
  expect(labels.length).toBeGreaterThan(5);
  for (const l of labels) {
    expect.soft(l.id.h, 'aisle number height').toBeGreaterThanOrEqual(24);
    expect.soft(l.nameThick, `"${l.nameText}" size`).toBeGreaterThanOrEqual(16);
  }
  const byX = labels.map((l) => l.id).sort((a, b) => a.x - b.x);
  for (let i = 1; i < byX.length; i++) expect.soft(byX[i]!.x, 'aisle numbers do not overlap').toBeGreaterThan(byX[i - 1]!.x + byX[i - 1]!.w);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-product-portrait.png') });
});

test('in 中文 a shopper searches in Chinese or pinyin and reads Chinese names', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openKiosk(page);
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByTestId('kiosk-open-find').click();
  const box = page.getByTestId('search-input');
  await box.fill('请问有牛奶吗');
  const first = page.getByTestId('search-result').first();
  await expect(first).toContainText('牛奶');
  await expect(first).toContainText('Milk'); // the English name, as the shelf label says it
  await box.fill('niunai');
  await expect(first).toContainText('牛奶');
  // The on-screen keyboard is the kiosk's input method: pinyin letters, then a candidate.
  await page.getByTestId('osk-clear').click();
  for (const ch of 'dianchi') await page.getByTestId(`osk-key-${ch}`).click();
  const candidate = page.getByTestId('osk-candidate').filter({ hasText: /^电池$/ });
  await expect(candidate).toBeVisible();
  await expect(first).toContainText('电池'); // pinyin is searched as it is typed, too
  await expect(page.locator('.ps__list[aria-busy="true"]')).toHaveCount(0);
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-search-chinese.png') });
  await candidate.click();
  await expect(box).toHaveValue('电池');
  await expect(first).toContainText('电池');
  await box.fill('電池'); // Traditional characters
  await expect(first).toContainText('电池');
  await first.click();
  await expect(page.getByTestId('product-name')).toContainText('电池');
  await expect(page.getByTestId('product-name-en')).toContainText('Batter');
  // The map speaks Chinese too: aisles and landmarks by their Chinese names.
  await expect(page.getByTestId('store-map')).toContainText('电子产品');
  await expect(page.getByTestId('store-map')).toContainText('收银台');
  await page.screenshot({ path: path.join(screenshotDir, 'kiosk-product-chinese.png') });
  await page.getByRole('button', { name: 'English' }).click();
});
