// `storemind shift` as a user runs it: a real process, a real data folder, a count file on disk.
// Open with a float, close with a blind count → JSON with over/short; a bad count file is one
// clear line and a non-zero exit (the shift stays open); the day's Z report once, never twice.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/storemind.mjs');
const dir = tempDir('storemind-shift-cli-');
const data = path.join(dir, 'till');
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--data-dir', data], { encoding: 'utf8', timeout: 120_000 });
/** Only the slow-query log may join an error line on stderr (its lines depend on the machine's load). */
const errLines = (stderr: string) => stderr.replace(/^\[db\] slow query [\d.]+ ms: .*$/gm, '').trim().split('\n').filter(Boolean);
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('storemind shift', () => {
  it('opens a shift, refuses bad count files clearly, closes with a count file (JSON with over/short), then one Z report for the day', () => {
    const open = cli(['shift', 'open', '--float', '10000', '--json']);
    expect(open.status, open.stderr).toBe(0);
    const shift = JSON.parse(open.stdout);
    expect(shift).toMatchObject({ status: 'open', floatCents: 10_000, terminalId: 'terminal-1' });

    const again = cli(['shift', 'open', '--float', '0']);
    expect(again.status).toBe(2);
    expect(errLines(again.stderr)).toEqual([expect.stringMatching(/^storemind: A shift is already open on terminal terminal-1/)]);

    // File-shape problems are unit-tested (count-file.test.ts); here, one of them and the two the core refuses.
    const bad: Array<[string, string, RegExp]> = [
      ['negative.json', '{"10000": 1, "2000": -3}', /negative\.json: "2000": a count cannot be negative \(got -3\)/],
      ['unknown.json', '{"7": 2}', /"7" is not a USD denomination; use one of 10000, 5000/],
      ['huge-total.json', '{"10000": 100000, "5000": 100000}', /more than a drawer can hold/],
    ];
    for (const [name, text, msg] of bad) {
      const r = cli(['shift', 'close', '--counted', file(name, text), '--json']);
      expect(r.status, name).toBe(2);
      expect(r.stdout, name).toBe('');
      const lines = errLines(r.stderr);
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(msg);
    }
    const noFlag = cli(['shift', 'close']);
    expect(noFlag.status).toBe(2);
    expect(noFlag.stderr).toMatch(/--counted FILE\.json is required/);

    // The refused closes changed nothing: the shift is still open.
    const status = cli(['shift', 'status', '--json']);
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).shift).toMatchObject({ id: shift.id, status: 'open' });

    // $100 + $5 counted against the $100 float: $5.00 over, which is the review threshold.
    const close = cli(['shift', 'close', '--counted', file('count.json', '{"counts": {"10000": 1, "500": 1, "25": 0}}'), '--json']);
    expect(close.status, close.stderr).toBe(0);
    const r = JSON.parse(close.stdout);
    expect(r).toMatchObject({ countedCents: 10_500, expectedCents: 10_000, overShortCents: 500, flagged: true, counted: { '10000': 1, '500': 1, '25': 0 } });
    expect(r.shift).toMatchObject({ id: shift.id, status: 'closed', closedBy: 'cli' });

    const closedAgain = cli(['shift', 'close', '--counted', path.join(dir, 'count.json')]);
    expect(closedAgain.status).toBe(2);
    expect(closedAgain.stderr).toMatch(/No shift is open on terminal terminal-1/);

    const badDate = cli(['shift', 'z', '--date', '2025-13-40']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--date must be a day as YYYY-MM-DD/);

    const z = cli(['shift', 'z', '--json']);
    expect(z.status, z.stderr).toBe(0);
    const rep = JSON.parse(z.stdout);
    expect(rep).toMatchObject({ number: 1, terminalId: 'terminal-1' });
    expect(rep.shifts.map((s: { id: string }) => s.id)).toEqual([shift.id]);
    expect(rep.totals).toMatchObject({ shifts: 1, floatCents: 10_000, countedCents: 10_500, overShortCents: 500 });
    const twice = cli(['shift', 'z', '--date', rep.businessDate]);
    expect(twice.status).toBe(2);
    expect(errLines(twice.stderr)).toEqual([expect.stringMatching(/Z report #1 was already produced for \d{4}-\d{2}-\d{2}/)]);
  });
});
