// `storemind recommend` as a store engineer runs it: a real process, baskets on disk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/storemind.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('storemind recommend', () => {
  const dir = tempDir();
  const baskets = path.join(dir, 'baskets.jsonl');
  const lines = [
    ...Array.from({ length: 30 }, (_, i) => ({ basket_id: `p${i}`, items: ['pasta', 'sauce', ...(i % 2 ? ['parmesan'] : [])] })),
    ...Array.from({ length: 30 }, (_, i) => ({ basket_id: `b${i}`, items: ['bread', 'butter'] })),
    { basket_id: 'p0', items: ['pasta', 'sauce'] },
    { basket_id: 'empty', items: [] },
  ];
  fs.writeFileSync(baskets, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

  it('trains, then answers one line per basket with none of its own items', () => {
    const out = path.join(dir, 'model');
    const t = cli(['recommend', 'train', '--baskets', baskets, '--out', out, '--json']);
    expect(t.status, t.stderr).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ baskets: 60, emptySkipped: 1, duplicatesSkipped: 1 });
    const q = path.join(dir, 'q.jsonl');
    fs.writeFileSync(q, '{"items": ["pasta"]}\n{"items": ["bread", "unknown-id"]}\n');
    const r = cli(['recommend', '--model', out, '--batch', q, '--json', '--limit', '2']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { items: string[] });
    expect(rows[0]!.items[0]).toBe('sauce');
    expect(rows[1]!.items[0]).toBe('butter');
    expect(rows.every((row) => row.items.length <= 2)).toBe(true);
  });

  it('names the bad line, and says how to get a model when none is installed', () => {
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, '{"items": ["a"]}\n{"items": "a"}\n');
    const r = cli(['recommend', 'train', '--baskets', bad, '--out', path.join(dir, 'm2')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl line 2: items/);
    const none = cli(['recommend', '--batch', bad, '--data-dir', path.join(dir, 'empty-terminal')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/No recommender at .*recommend train/);
  });

  it('evaluates beside popularity and plain co-occurrence', () => {
    const r = cli(['recommend', 'eval', '--baskets', baskets, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as { rows: Array<{ method: string; hr: number }> };
    expect(e.rows.map((x) => x.method.split(' ')[0])).toEqual(['popularity', 'co-occurrence', 'StoreMind', 'StoreMind']);
    expect(e.rows.every((x) => x.hr >= 0 && x.hr <= 1)).toBe(true);
    expect(e.rows[2]!.hr).toBeGreaterThanOrEqual(e.rows[0]!.hr);
  });
});
