// Runs: node (Playwright tests). The back office end to end: a manager finds a kiosk interaction,
// corrects its intent and sees it saved; the admin screens photographed for the README; a cashier
// is refused by the admin PIN screen and, at the API level, by an admin operation.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '../../electron/core/db/database.ts';
import { fileKeyStore } from '../../electron/core/db/key.ts';
import { databasePath } from '../../electron/core/paths.ts';
import { recordInteractions, type NewInteraction } from '../../electron/core/assistant/interactions.ts';
import { enterPin, guardPage, openKiosk, screenshotDir, serverDataDir } from './helpers.ts';

// Wider than the other specs: these screens are photographed for the README.
test.use({ viewport: { width: 1440, height: 900 } });

const asked: Array<[string, string, number, boolean, -1 | 1 | null]> = [
  ['Can I return a toaster without the receipt?', 'store_hours', 0.41, false, -1],
  ['What time do you close on Sunday?', 'store_hours', 0.97, false, 1],
  ['Where are the AA batteries?', 'find_product', 0.93, false, 1],
  ['Do you cut keys here?', 'store_services', 0.88, false, null],
  ['My card 4539 1488 0343 6467 was charged twice, help', 'payment_methods', 0.52, true, null],
  ['Is the oat milk on offer this week?', 'promotions', 0.79, false, 1],
  ['How many points do I have? email me at sam@example.com', 'loyalty_program', 0.66, false, null],
  ['I want to talk to a person', 'human_agent', 0.99, true, null],
  ['Do you price match the supermarket across the road?', 'price_match', 0.58, false, -1],
  ['Is there parking for disabled drivers?', 'store_facilities', 0.9, false, null],
  ['Can I pay with Apple Pay?', 'payment_methods', 0.95, false, 1],
  ['Where is my click and collect order?', 'order_pickup', 0.74, false, null],
  ['Do you deliver to Riverside?', 'delivery_options', 0.83, false, null],
  ['Is the pharmacy open on bank holidays?', 'store_hours', 0.69, false, null],
];

test.beforeAll(() => {
  const dir = serverDataDir();
  const db = openDatabase(databasePath(dir), { key: fileKeyStore(dir).load() });
  try {
    const base = Date.now() - asked.length * 7 * 60_000;
    asked.forEach(([text, intent, confidence, handoff, feedback], i) => {
      const item: NewInteraction = { terminalId: 'kiosk-1', sessionId: `e2e-${i}`, text, intent, confidence, answerId: 'a', answerText: 'answer', handoff, modelVersion: 'storemind-bert-mini@1.0.0', latencyMs: 12 };
      const [row] = recordInteractions(db, [item], new Date(base + i * 7 * 60_000));
      if (feedback !== null) db.prepare('UPDATE interactions SET feedback = ? WHERE id = ?').run(feedback, row!.id);
    });
  } finally {
    db.close();
  }
});

async function signInAdmin(page: Page, pin: string) {
  await openKiosk(page);
  await page.goto('/#/admin');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await enterPin(page, pin);
  await expect(page.getByTestId('shell-user')).toBeVisible();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `admin-${name}.png`) });

test('manager 3333 corrects an interaction\'s intent and sees it saved', async ({ page }) => {
  const guard = guardPage(page);
  await signInAdmin(page, '3333');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Interactions' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: 'Interactions' })).toBeVisible();
  await expect(page.getByTestId('ix-row').first()).toBeVisible();
  // Personal details never reach the screen: the write path redacted them.
  await expect(page.getByTestId('ix-table')).toContainText('My card [card] was charged twice');
  await expect(page.getByTestId('ix-table')).toContainText('email me at [email]');
  await expect(page.getByTestId('ix-table')).not.toContainText('4539');

  await page.getByTestId('ix-search').fill('toaster');
  await expect(page.getByTestId('ix-row')).toHaveCount(1);
  const row = page.getByTestId('ix-row').first();
  await expect(row).toContainText('store_hours');
  await row.getByTestId('ix-correct').click();
  await row.getByTestId('ix-correct-input').fill('return_policy');
  await row.getByTestId('ix-correct-save').click();
  await expect(page.getByTestId('admin-note')).toContainText('labelled as return_policy');
  await expect(row.getByTestId('ix-corrected')).toHaveText('return_policy');

  // Saved in the core, not just on screen: leave the panel, come back, filter corrected rows.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-chain')).toContainText('Chain verified');
  // Readable: what was done in words, and who did it by name (the codes stay in the log and the tooltip).
  await expect(page.getByTestId('audit-action').filter({ hasText: 'Assistant answer corrected' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Morgan Manager' }).first()).toBeVisible();
  await shot(page, 'audit');
  await nav.getByRole('link', { name: 'Interactions' }).click();
  await page.getByLabel('Corrected only').check();
  await expect(page.getByTestId('ix-row')).toHaveCount(1);
  await expect(page.getByTestId('ix-corrected')).toHaveText('return_policy');
  await page.getByLabel('Corrected only').uncheck();
  await expect(page.getByTestId('ix-row')).toHaveCount(asked.length);
  await shot(page, 'interactions');

  // CSV export (manager+), redacted.
  const download = page.waitForEvent('download');
  await page.getByTestId('ix-export').click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv).toContain('return_policy');
  expect(csv).not.toContain('4539');
  expect(csv).not.toContain('sam@example.com');

  await nav.getByRole('link', { name: 'Store profile' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Store profile' })).toBeVisible();
  await expect(page.locator('.adm-kb__item').first()).toBeVisible();
  await shot(page, 'knowledge');
  await nav.getByRole('link', { name: 'Model versions' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Model versions' })).toBeVisible();
  await shot(page, 'models');
  // Managers do not see the admin-only panels.
  await expect(nav.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Store settings' })).toHaveCount(0);
  await page.getByTestId('sign-out').click();
  expect(guard.problems).toEqual([]);
});

test('admin 4444: store settings and staff screens', async ({ page }) => {
  await signInAdmin(page, '4444');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: 'Store settings' }).click();
  await expect(page.getByTestId('settings-save')).toBeVisible();
  await shot(page, 'settings');
  await nav.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByTestId('users-table')).toContainText('Casey Cashier');
  await shot(page, 'users');
  await page.getByTestId('sign-out').click();
});

test('a cashier is refused: by the admin PIN screen, and by admin operations at the API', async ({ page }) => {
  await openKiosk(page);
  await page.goto('/#/admin');
  await enterPin(page, '1111');
  await expect(page.getByTestId('pin-error')).toHaveText(/Cashiers cannot open the admin screens/);
  await expect(page.getByTestId('shell-user')).toHaveCount(0);

  // A cashier's POS session token, sent straight to admin operations: refused by the core.
  const results = await page.evaluate(async () => {
    const sm = (window as unknown as { storemind: { invoke: (op: string, input: object, session?: string | null) => Promise<{ ok: boolean; data?: { token: string }; error?: { code: string } }> } }).storemind;
    const s = await sm.invoke('auth.signIn', { pin: '1111', surface: 'pos' });
    const token = s.data!.token;
    const out: Record<string, string> = {};
    for (const op of ['admin.interactions.list', 'admin.interactions.correct', 'admin.interactions.export', 'admin.users.list', 'admin.kb.save', 'admin.settings.save']) {
      const r = await sm.invoke(op, {}, token);
      out[op] = r.ok ? 'ok' : r.error!.code;
    }
    await sm.invoke('auth.signOut', {}, token);
    return out;
  });
  for (const [op, code] of Object.entries(results)) expect(code, op).toBe('FORBIDDEN');

  // And a cashier signed in on the POS who opens the back office gets the PIN screen, not the panels.
  await page.goto('/#/pos');
  await enterPin(page, '1111');
  await expect(page.getByTestId('shell-user')).toContainText('Casey Cashier');
  await page.goto('/#/admin/interactions');
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await expect(page.getByTestId('ix-table')).toHaveCount(0);
});
