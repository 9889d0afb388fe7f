// The count file of `storemind shift close --counted FILE.json`: every problem is one clear line
// naming the file (the CLI test runs the process for the few cases that need it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCountFile } from '../../../electron/cli/commands-shift.ts';
import { tempDir } from '../../helpers/tmp.ts';

const dir = tempDir('storemind-count-file-');
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('count file', () => {
  it('reads counts per denomination, bare or under "counts"', () => {
    expect(readCountFile(file('bare.json', '{"10000": 2, "25": 4}'))).toEqual({ '10000': 2, '25': 4 });
    expect(readCountFile(file('wrapped.json', '{"counts": {"500": 1}}'))).toEqual({ '500': 1 });
  });

  it.each([
    ['negative.json', '{"10000": 1, "2000": -3}', /negative\.json: "2000": a count cannot be negative \(got -3\)/],
    ['absurd.json', '{"counts": {"10000": 5000000}}', /absurd\.json: "10000": a count over 100000 is not believable/],
    ['fraction.json', '{"100": 1.5}', /fraction\.json: "100": a count must be a whole number/],
    ['words.json', '{"twenty": 2}', /words\.json: "twenty" is not a denomination/],
    ['not-json.json', 'ten twenties', /not-json\.json is not valid JSON/],
    ['array.json', '[1, 2]', /must hold a JSON object/],
    ['extra.json', '{"counts": {"100": 1}, "expected": 100}', /unexpected key "expected" beside "counts"/],
  ])('refuses %s with one clear line', (name, text, msg) => {
    expect(() => readCountFile(file(name, text))).toThrow(msg);
  });

  it('refuses a missing file and one too large to be a count', () => {
    expect(() => readCountFile(path.join(dir, 'nope.json'))).toThrow(/Cannot read .*nope\.json: no such file/);
    expect(() => readCountFile(file('big.json', `{"100": 1, "pad": "${'x'.repeat(70_000)}"}`))).toThrow(/a count file is a small JSON object/);
  });
});
