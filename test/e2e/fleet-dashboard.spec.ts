// Runs: node (Playwright tests). The central platform's fleet dashboard in Chromium, against a real
// platform (PGlite, started here) with a terminal that enrolled and synced, a published fraud model
// and a retrain decision: the admin types the token, sees terminals, model versions, feedback and
// why the retrain decided what it did; a wrong token is refused; a model rollback and a terminal
// revocation go through the page's buttons. Writes the README's dashboard screenshot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlatform, type Platform } from '../../central/platform.ts';
import { AdminClient } from '../../central/admin-client.ts';
import { recordRetrainRun } from '../../central/retrain-runs.ts';
import { defaultBundleDir, FRAUD_MODEL_NAME } from '../../electron/core/fraud/model.ts';
import { packDir } from '../../electron/core/sync/pack.ts';
import { makeTerminal, type TestTerminal } from '../integration/sync/helpers/terminal.ts';
import { guardPage, screenshotDir } from './helpers.ts';

const TOKEN = 'e2e-fleet-dashboard-admin-token';
let platform: Platform;
let terminal: TestTerminal;
let dataDir: string;

test.beforeAll(async () => {
  process.env.STOREMIND_CENTRAL_ADMIN_TOKEN = TOKEN;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storemind-e2e-central-'));
  platform = await startPlatform({ dataDir, port: 0, jobs: false, logLevel: 'silent' });
  const admin = new AdminClient(platform.url, TOKEN);
  terminal = await makeTerminal(admin, platform.url, 'riverside');
  terminal.write(25);
  await terminal.sync();
  await admin.publishModel(FRAUD_MODEL_NAME, '1.0.1', packDir(defaultBundleDir()));
  await recordRetrainRun(platform.db, {
    model: FRAUD_MODEL_NAME, decision: 'rejected', reason: 'no better than shipped fraud-risk-2 on held-out verdicts: log loss 0.41 vs 0.39', version: null,
    baseline: 'shipped fraud-risk-2', corrections: 0, fraudVerdicts: 64, lastAt: new Date(), metrics: {},
  });
});

test.afterAll(async () => {
  terminal?.close();
  await platform?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('fleet dashboard: token, terminals, models, retrain decisions, rollback and revoke', async ({ page }) => {
  const guard = guardPage(page);
  await page.goto(`${platform.url}/dashboard`);
  await page.getByLabel('Admin token').fill('not-the-token');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('#msg')).not.toBeEmpty();
  await expect(page.locator('#main')).toBeHidden();
  // The refused call is the only thing the browser may complain about.
  expect(guard.problems).toEqual([expect.stringContaining('status of 401')]);
  guard.problems.length = 0;

  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('#summary')).toContainText('1 terminals (0 revoked), 25 records');
  await expect(page.locator('#terminals tbody tr')).toHaveCount(1);
  await expect(page.locator('#terminals tbody')).toContainText('riverside');
  await expect(page.locator('#models tbody')).toContainText(FRAUD_MODEL_NAME);
  await expect(page.locator('#models tbody')).toContainText('live');
  await expect(page.locator('#feedback tbody tr')).toHaveCount(0); // interactions are not labels
  await expect(page.locator('#retrains tbody')).toContainText('no better than shipped fraud-risk-2 on held-out verdicts');
  await page.screenshot({ path: path.join(screenshotDir, 'central-dashboard.png'), fullPage: true });

  page.on('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.locator('#models tbody')).toContainText('rolled back');
  await page.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.locator('#summary')).toContainText('1 terminals (1 revoked)');
  await expect(page.locator('#terminals tbody tr.revoked')).toHaveCount(1);
  expect(guard.problems).toEqual([]);
});
