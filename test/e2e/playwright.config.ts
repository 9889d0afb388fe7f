// Runs: node (Playwright runner). End-to-end tests of the renderer against the real core, through
// the loopback browser host (`storemind serve`), in Debian's Chromium. Never `playwright install`:
// the system browser is the one we ship against.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// A port per run (workers inherit the env var, so they agree with the runner): two runs on one
// machine never share a server.
process.env.STOREMIND_E2E_PORT ??= String(4600 + (process.pid % 2000));
const port = Number(process.env.STOREMIND_E2E_PORT);
// A fresh database per run so seeded demo data (PINs, store profile) is always what tests expect.
// A sibling of outputDir, not inside it: Playwright empties outputDir when the run starts.
process.env.STOREMIND_E2E_DATA ??= path.join(repoRoot, 'test-results', `e2e-data-${Date.now()}-${port}`);
const dataDir = process.env.STOREMIND_E2E_DATA;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results', `e2e-${port}`),
  // One shared core: its settings (e.g. the terminal's language) are global, so no parallel tests.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `node bin/storemind.mjs serve --port ${port} --data-dir "${dataDir}"`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/`,
    // Never test against a stray server left running with some other data dir.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
