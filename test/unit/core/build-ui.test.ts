// Runs: node (tests). `storemind serve` on a fresh clone builds the UI on first need: nothing to do
// when it is built, a clear instruction when it cannot build (no Vite), never a silent 503. The
// build itself is the real Vite build every e2e run starts with.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureUiBuilt } from '../../../electron/cli/build-ui.ts';
import { tempDir } from '../../helpers/tmp.ts';

describe('ensureUiBuilt', () => {
  // The test run itself sets STOREMIND_UI_BUILD=0 (vitest.config.ts); these tests set their own.
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('does nothing when renderer/dist is built', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'renderer', 'dist'), { recursive: true });
    fs.writeFileSync(path.join(root, 'renderer', 'dist', 'index.html'), '<!doctype html>');
    const log: string[] = [];
    expect(ensureUiBuilt(root, (l) => log.push(l))).toBeNull();
    expect(log).toEqual([]);
  });

  it('says what to run when the UI is missing and Vite is not installed', () => {
    vi.stubEnv('STOREMIND_UI_BUILD', '1');
    const log: string[] = [];
    expect(ensureUiBuilt(tempDir(), (l) => log.push(l))).toMatch(/npm ci.*npm run build:renderer/);
    expect(log).toEqual([]);
  });


  it('STOREMIND_UI_BUILD=0 leaves a missing UI missing, without a word', () => {
    vi.stubEnv('STOREMIND_UI_BUILD', '0');
    const log: string[] = [];
    expect(ensureUiBuilt(tempDir(), (l) => log.push(l))).toBeNull();
    expect(log).toEqual([]);
  });
});
