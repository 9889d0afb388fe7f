// `storemind fraud score --batch` as a user runs it: a real process and a real data folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/storemind.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'a1',
    ts: '2025-06-02T18:00:00Z',
    terminal_id: 'T1',
    cashier_id: 'c1',
    type: 'sale',
    items: [{ sku: 'NOT-IN-CATALOG', qty: 1, unit_price: 3.5, override_price: null, discount: 0 }],
    total: 3.5,
    tender: { method: 'cash', card_fingerprint: null, entry_mode: null },
    receipt_ref: null,
    original_txn_id: null,
    ...over,
  });

describe('storemind fraud score --batch', () => {
  const dir = tempDir();
  const dataDir = path.join(dir, 'terminal');

  it('answers one JSON line per input line, in order; refuses bad lines with a reason; never records a duplicate twice', () => {
    const file = path.join(dir, 'txns.jsonl');
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    fs.writeFileSync(file, [
      line(),
      line(),                                                   // duplicate id
      '{"id": "broken"',                                        // not JSON
      line({ id: 'neg', items: [{ sku: 'x', qty: -2, unit_price: 1, override_price: null, discount: 0 }] }),
      line({ id: 'absurd', items: [{ sku: 'x', qty: 1, unit_price: 9_999_999, override_price: null, discount: 0 }] }),
      line({ id: 'future', ts: future }),
      line({ id: 'pan', tender: { method: 'card', card_fingerprint: '4111111111111111', entry_mode: 'keyed' } }),
      line({ id: 'badtype', type: 'steal' }),
      line({ id: 'r1', type: 'refund', total: -80, items: [{ sku: 'x', qty: 1, unit_price: 80, override_price: null, discount: 0 }] }),
      line({ id: 'ns1', type: 'no_sale', items: [], total: 0, tender: null }),
    ].join('\n') + '\n');
    const r = cli(['fraud', 'score', '--batch', file, '--json', '--data-dir', dataDir]);
    // Refused lines make the batch fail (exit 1), with the count on stderr; every line still has its answer.
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/6 rejected/);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(10);
    expect(out[0]).toMatchObject({ id: 'a1', decision: expect.stringMatching(/review|manager_approval|block/) });
    expect(out[0].reasons.join(' ')).toMatch(/Unknown SKU: NOT-IN-CATALOG/);
    expect(typeof out[0].score).toBe('number');
    expect(out[1]).toMatchObject({ id: 'a1', duplicate: true, score: out[0].score, decision: out[0].decision });
    expect(out[2]).toMatchObject({ id: null, line: 3, error: 'not valid JSON' });
    expect(out[3]).toMatchObject({ id: 'neg', error: expect.stringMatching(/qty: must be more than 0/) });
    expect(out[4]).toMatchObject({ id: 'absurd', error: expect.stringMatching(/absurdly large/) });
    expect(out[5]).toMatchObject({ id: 'future', error: expect.stringMatching(/in the future/) });
    expect(out[6]).toMatchObject({ id: 'pan', error: expect.stringMatching(/looks like a card number/) });
    expect(out[7]).toMatchObject({ id: 'badtype', error: expect.stringMatching(/^type:/) });
    expect(out[8]).toMatchObject({ id: 'r1', decision: 'manager_approval' });
    expect(out[8].reasons).toContain('Refund without a receipt needs a manager');
    expect(out[9]).toMatchObject({ id: 'ns1' });

    // Run again: everything already recorded is answered as a duplicate, nothing is written twice.
    const again = cli(['fraud', 'score', '--batch', file, '--json', '--data-dir', dataDir]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(again.filter((a) => a.duplicate).map((a) => a.id)).toEqual(['a1', 'a1', 'r1', 'ns1']);
  });

  it('history builds up: a card-testing burst is blocked once it shows', () => {
    const file = path.join(dir, 'burst.jsonl');
    const lines = Array.from({ length: 12 }, (_, i) =>
      line({ id: `ct${i}`, ts: `2025-06-03T18:00:${String(i * 4).padStart(2, '0')}Z`, terminal_id: 'T2', tender: { method: 'card', card_fingerprint: `tok_burst_${i}`, entry_mode: 'keyed' }, items: [{ sku: 'x', qty: 1, unit_price: 1.25, override_price: null, discount: 0 }], total: 1.25 }),
    );
    fs.writeFileSync(file, lines.join('\n'));
    const out = cli(['fraud', 'score', '--batch', file, '--json', '--data-dir', dataDir]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0].decision).not.toBe('block');
    expect(out.at(-1).decision).toBe('block');
    expect(out.at(-1).reasons[0]).toMatch(/Card testing/);
  });

  it('usage errors are one clear line and exit 2', () => {
    const r = cli(['fraud', 'score', '--data-dir', dataDir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs --batch/);
    const m = cli(['fraud', 'score', '--batch', path.join(dir, 'missing.jsonl'), '--data-dir', dataDir]);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/No such file/);
    expect(cli(['fraud', 'explode', '--data-dir', dataDir]).status).toBe(2);
  });
});
