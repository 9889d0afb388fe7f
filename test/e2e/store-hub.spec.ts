// Runs: node (Playwright tests). The store as one system in Chromium, all real processes on
// 127.0.0.1: the central platform, the store hub, and two terminals — a kiosk and a till — each
// its own `storemind serve` with its own SQLite file, enrolled with the hub by join codes. The
// terminals poll once a minute, so what shows up within the waits below came by the hub's push.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { spawnHub, storemind, type HubProc } from '../integration/sync/helpers/hub.ts';
import { spawnPlatform, type PlatformProc } from '../integration/sync/helpers/platform.ts';
import { spawnServer, type ServerProcess } from '../integration/sync/helpers/server-process.ts';
import { enterPin, guardPage, invoke, screenshotDir } from './helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/storemind.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-e2e-hub-'));
let platform: PlatformProc;
let hub: HubProc;
const hosts: ServerProcess[] = [];

/** Enrolls a fresh terminal with the hub and serves its UI; resolves with its URL. */
async function terminal(name: string): Promise<string> {
  const dir = path.join(root, name);
  const code = await storemind(['hub', 'join-code', '--json', '--data-dir', hub.dataDir]);
  expect(code.code, code.stderr).toBe(0);
  const enrolled = await storemind(['enroll', '--server', hub.url, '--code', (JSON.parse(code.stdout) as { code: string }).code, '--name', name, '--data-dir', dir]);
  expect(enrolled.code, enrolled.stderr).toBe(0);
  const host = await spawnServer({
    what: name,
    args: (port) => [BIN, 'serve', '--port', String(port), '--data-dir', dir],
    env: { STOREMIND_SYNC_INTERVAL_MS: '60000' },
    ready: /is serving http:\/\/127\.0\.0\.1:(\d+)/,
  });
  hosts.push(host);
  return host.url;
}

let kioskUrl: string;
let tillUrl: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  platform = await spawnPlatform({ dataDir: path.join(root, 'platform') });
  const { code } = await platform.admin.enrollCode('e2e-store');
  const hubDir = path.join(root, 'hub');
  const r = await storemind(['hub', 'enroll', '--server', platform.url, '--code', code, '--data-dir', hubDir]);
  expect(r.code, r.stderr).toBe(0);
  hub = await spawnHub(hubDir);
  [kioskUrl, tillUrl] = await Promise.all([terminal('kiosk-1'), terminal('till-1')]);
});

test.afterAll(async () => {
  for (const h of hosts) await h.kill('SIGTERM');
  await hub?.kill('SIGTERM');
  await platform?.kill();
});

async function open(page: Page, url: string, route: string) {
  await page.goto(`${url}/#/kiosk`);
  await invoke(page, 'settings.setLocale', { locale: 'en' });
  await page.goto(`${url}/#/${route}`);
}

test('Call staff at the kiosk reaches the till through the hub; the till claims it and the kiosk says who is coming', async ({ page, context }) => {
  const guard = guardPage(page);
  await open(page, kioskUrl, 'kiosk');
  await page.reload();
  await page.getByTestId('kiosk-open-ask').click();
  await page.getByTestId('assistant-call-staff').click();
  await expect(page.getByTestId('assistant-staff-coming')).toHaveText('A team member is on the way to this kiosk.');

  const till = await context.newPage();
  const tillGuard = guardPage(till);
  await open(till, tillUrl, 'pos');
  await enterPin(till, '1111');
  await till.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Help requests' }).click();
  const ticket = till.getByTestId('help-ticket').first();
  await expect(ticket).toContainText('Call staff button on the kiosk');
  await ticket.getByTestId('help-ticket-claim').click();
  await expect(ticket.getByTestId('help-ticket-claimer')).toContainText('Casey Cashier');
  await expect(page.getByTestId('assistant-staff-coming')).toHaveText('Casey is on the way to this kiosk.');
  expect(guard.problems).toEqual([]);
  expect(tillGuard.problems).toEqual([]);
});

test("the back office shows the store's terminals and the hub's link to the platform", async ({ page }) => {
  const guard = guardPage(page);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await open(page, tillUrl, 'admin');
  await enterPin(page, '3333');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sync' }).click();
  const store = page.getByTestId('sync-store');
  await expect(store.getByTestId('sync-store-via')).toHaveText('Through the store hub');
  await expect(store.getByTestId('sync-store-terminal')).toHaveCount(2);
  await expect(store.getByTestId('sync-store-terminals')).toContainText('kiosk-1');
  await expect(store.getByTestId('sync-store-terminals')).toContainText('till-1');
  await expect(store.getByTestId('sync-store-link')).toContainText(/last reached/);
  await store.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, 'admin-store-hub.png') });
  expect(guard.problems).toEqual([]);
});
