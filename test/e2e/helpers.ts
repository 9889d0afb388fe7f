// Runs: node (Playwright tests). Shared steps for the e2e specs.
import path from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export const screenshotDir = path.resolve(import.meta.dirname, '../../docs/screenshots');

/** The data folder of this run's server: playwright.config.ts sets it before the workers start. */
export function serverDataDir(): string {
  const dir = process.env.STOREMIND_E2E_DATA;
  if (!dir) throw new Error('STOREMIND_E2E_DATA is not set: run the e2e tests through test/e2e/playwright.config.ts');
  return dir;
}

/** Calls one API operation through the page's own bridge (what the renderer itself uses). */
export async function invoke<T = unknown>(page: Page, op: string, input: object = {}): Promise<T> {
  const env = await page.evaluate(
    ([o, i]) => (window as unknown as { storemind: { invoke: (op: string, input: object) => Promise<unknown> } }).storemind.invoke(o, i),
    [op, input] as const,
  );
  const e = env as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!e.ok) throw new Error(`${op} failed: ${e.error?.code} ${e.error?.message}`);
  return e.data as T;
}

/**
 * Fails the test on page errors, console errors and any request that leaves the loopback host
 * (the app must work offline, with no remote content). Call before the first navigation.
 */
export function guardPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Chromium notes that frame-ancestors in a <meta> CSP is ignored; the host's header carries it.
    if (m.type() === 'error' && !m.text().includes("'frame-ancestors'")) problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) problems.push(`remote request: ${r.url()}`);
  });
  return { problems };
}

/** Opens the kiosk home in English, whatever language an earlier test left the terminal in. */
export async function openKiosk(page: Page): Promise<void> {
  await page.goto('/#/kiosk');
  await invoke(page, 'settings.setLocale', { locale: 'en' });
  await page.reload();
  await expect(page.getByTestId('store-name')).toBeVisible();
}

export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-submit').click();
}
