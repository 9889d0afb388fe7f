// Runs: node (vitest). Tokenizer parity on 300 random strings: the TypeScript tokenizer against
// the fixture's Python port of HF BasicTokenizer + WordpieceTokenizer (golden input_ids).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGolden } from '../../../electron/core/models/golden.ts';
import { mulberry32 } from '../../../electron/core/models/rng.ts';
import { makeTinyBundle, removeBundle } from './helpers/tiny-bundle.ts';

const PIECES = [
  'where', 'are', 'the', 'aa', 'batteries', 'milk', 'bread', 'price', 'coffee', 'cafe', 'batter', 'return', 'unable',
  'Café', 'CRÈME', 'Ünïcödé', 'naïve', 'São', 'Ωmega', 'straße', 'İstanbul', '中文', '店', '日本語', '한국어',
  '!', '?', '...', "'", '"', '$', '€', '£', '%', '#', '@', '^', '`', '~', '-', '_', '(', ')', '«', '»', '—', '¿', '¡',
  ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2003', '\u200b', '\u200d', '\u0000', '\u0007', '\u001f', '\u0085', '\ufeff',
  '🥛', '👍🏽', '🇬🇧', '\u0301', '\u0308', '42', '3.5', 'x'.repeat(101), 'AA-batteries', 'e-mail', "don't",
];

function randomText(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 12);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)] + (rand() < 0.5 ? ' ' : '');
  return s;
}

describe('tokenizer parity with the Python reference', () => {
  let dir: string;
  const rand = mulberry32(99);
  const inputs = Array.from({ length: 300 }, () => randomText(rand));

  beforeAll(() => {
    dir = makeTinyBundle({ style: 'storemind', inputs });
  });
  afterAll(() => removeBundle(dir));

  it('produces identical ids for every input', async () => {
    const r = await checkGolden(dir, { variants: [] });
    expect(r.tokenizer.checked).toBe(true);
    expect(r.tokenizer.mismatches.slice(0, 5)).toEqual([]);
  });
});
