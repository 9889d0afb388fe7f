// `storemind forecast` as a user runs it: a real process, a CSV on disk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'bin/storemind.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('storemind forecast', () => {
  const dir = tempDir();

  it('prints one JSON line per SKU, forecast days from the day after the file', () => {
    const rows = ['date,sku,qty'];
    for (let d = 0; d < 70; d++) {
      const day = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
      rows.push(`${day},FAST,${10 + (d % 7 === 5 ? 10 : 0)}`);
      if (d % 9 === 0) rows.push(`${day},SLOW,2`);
    }
    rows.push('2024-03-10,NEW,3'); // one day of history, the file's last day
    const file = path.join(dir, 'sales.csv');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    const r = cli(['forecast', '--sales', file, '--horizon', '7', '--json', '--data-dir', path.join(dir, 't')]);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.sku)).toEqual(['FAST', 'NEW', 'SLOW']);
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(['forecast', 'lower', 'method', 'sku', 'upper']);
      expect(o.forecast).toHaveLength(7);
      for (let i = 0; i < 7; i++) expect(o.lower[i]).toBeLessThanOrEqual(o.forecast[i]);
    }
    expect(out[1].method).toMatch(/short-history/);
    // Day 70 (2024-03-11) is a Monday; the weekly peak (d % 7 === 5) falls on Saturday 2024-03-16.
    const fast = out[0].forecast as number[];
    expect(fast.indexOf(Math.max(...fast))).toBe(5);
  });

  it('a bad CSV is one clear line naming the line, exit 2', () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'date,sku,qty\n2024-01-01,A,1\n2024-01-02,A,-3\n');
    const r = cli(['forecast', '--sales', file, '--horizon', '7', '--json', '--data-dir', path.join(dir, 't')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/line 3: qty -3 is negative/);
  });

  it('forecast eval --dataset sim prints the backtest table as JSON', () => {
    const r = cli(['forecast', 'eval', '--dataset', 'sim', '--horizon', '14', '--json', '--data-dir', path.join(dir, 't')]);
    expect(r.status, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.rows.map((x: { method: string }) => x.method)).toContain('auto');
    expect(rep.auto.meanMase).toBeLessThan(rep.bestBaseline.meanMase);
  });
});
