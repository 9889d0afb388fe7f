// Runs: node (Playwright tests). Sync state on staff screens: this e2e terminal is not enrolled, so
// the POS header says "Not connected" with its backlog, and a manager's back office has the Sync
// panel (state, enrollment, backlog, refused rows with reasons and "Send again", link to model versions).
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '../../electron/core/db/database.ts';
import { fileKeyStore } from '../../electron/core/db/key.ts';
import { databasePath } from '../../electron/core/paths.ts';
import { recordInteractions } from '../../electron/core/assistant/interactions.ts';
import { enterPin, guardPage, openKiosk, screenshotDir, serverDataDir } from './helpers.ts';

const REFUSED_REASON = 'record kind "feedback" payload failed validation: rating is required';

test.beforeAll(() => {
  // Two kiosk turns through the real write path (each queues an outbox row), and one row the
  // platform refused earlier, as the sync code quarantines it.
  const dir = serverDataDir();
  const db = openDatabase(databasePath(dir), { key: fileKeyStore(dir).load() });
  try {
    recordInteractions(db, [0, 1].map((i) => ({
      terminalId: 'kiosk-1', sessionId: `sync-e2e-${i}`, text: `where is the oat milk ${i}`, intent: 'find_product', confidence: 0.9,
      answerId: 'a', answerText: 'Aisle 4.', handoff: false, modelVersion: 'storemind-bert-mini@1.0.0', latencyMs: 9,
    })));
    db.prepare("INSERT INTO outbox (kind, record_id, payload, created_at, status, attempts, last_error) VALUES ('feedback', 'sync-e2e-refused', '{}', ?, 'quarantined', 1, ?)")
      .run(new Date().toISOString(), REFUSED_REASON);
  } finally {
    db.close();
  }
});

async function signIn(page: Page, surface: 'pos' | 'admin', pin: string) {
  await openKiosk(page);
  await page.goto(`/#/${surface}`);
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await enterPin(page, pin);
  await expect(page.getByTestId('shell-user')).toBeVisible();
}

test('POS header: a terminal that is not enrolled shows "Not connected" and its backlog', async ({ page }) => {
  const guard = guardPage(page);
  await signIn(page, 'pos', '1111');
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toHaveAttribute('data-state', 'not_enrolled');
  await expect(page.getByTestId('sync-state')).toHaveText('Not connected');
  await expect(page.getByTestId('sync-pending')).toHaveText(/^\d+ waiting$/);
  const pending = Number((await page.getByTestId('sync-pending').textContent())!.split(' ')[0]);
  expect(pending).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('sync-quarantined')).toHaveText(/^\d+ refused$/);
  await expect(page.getByTestId('sync-last')).toHaveText('never synced');
  // A cashier has no Sync panel in the POS nav.
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sync' })).toHaveCount(0);
  expect(guard.problems).toEqual([]);
});

test('a manager sees the Sync panel: state, enrollment, backlog, refused rows with reasons', async ({ page }) => {
  const guard = guardPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', '3333');
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'not_enrolled');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sync' }).click();
  await expect(page).toHaveURL(/#\/admin\/sync$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Sync' })).toBeVisible();
  await expect(page.getByTestId('sync-panel-state')).toHaveText('Not connected');
  await expect(page.getByTestId('sync-panel-enrollment')).toHaveText('Not enrolled with a central platform');
  await expect(page.getByTestId('sync-panel-pending')).toHaveText(/^\d+$/);
  expect(Number(await page.getByTestId('sync-panel-pending').textContent())).toBeGreaterThanOrEqual(2);
  const refused = page.getByTestId('sync-quarantine-row').filter({ hasText: 'sync-e2e-refused' });
  await expect(refused).toContainText(REFUSED_REASON);
  // Sync now is there for a manager, and disabled until the terminal is enrolled.
  await expect(page.getByTestId('sync-now')).toBeDisabled();
  await expect(page.getByTestId('sync-models-link')).toHaveAttribute('href', '#/admin/models');
  await page.screenshot({ path: path.join(screenshotDir, 'admin-sync.png') });

  // "Send again" queues the refused row for upload under a new number: the table empties and the
  // backlog grows (by the row, and by the audit entry of the action, which is synced up too).
  const before = Number(await page.getByTestId('sync-panel-pending').textContent());
  await page.getByTestId('sync-requeue').click();
  await expect(page.getByText('1 refused records queued to send again.')).toBeVisible();
  await expect(page.getByTestId('sync-quarantine-row')).toHaveCount(0);
  await expect.poll(async () => Number(await page.getByTestId('sync-panel-pending').textContent())).toBeGreaterThanOrEqual(before + 1);
  await expect(page.getByTestId('sync-panel-quarantined')).toHaveText('0');
  await expect(page.getByTestId('sync-requeue')).toHaveCount(0);
  expect(guard.problems).toEqual([]);
});
