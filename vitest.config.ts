// Runs: node (test runner config). Unit and integration tests; e2e lives in test/e2e (Playwright).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Tests start `storemind serve` for its API only: two workers must not both build the UI into
    // renderer/dist at once (the e2e stage builds it once, before Chromium needs it).
    env: { STOREMIND_UI_BUILD: '0' },
  },
});
