// Runs: node (vitest). JSONL intent data: validation errors name the line; splits are
// stratified and reproducible.
import { describe, expect, it } from 'vitest';
import { canonicalLabel, parseJsonl, stratifiedSplit } from '../../../electron/core/models/dataset.ts';

describe('parseJsonl', () => {
  it('reads lines, skips blanks, maps oos to out_of_scope', () => {
    const rows = parseJsonl('{"text":"where is milk","intent":"find_product"}\n\n{"text":"tell me a joke","intent":"oos"}\n');
    expect(rows).toEqual([
      { text: 'where is milk', intent: 'find_product' },
      { text: 'tell me a joke', intent: 'out_of_scope' },
    ]);
    expect(canonicalLabel('out_of_scope')).toBe('out_of_scope');
  });

  it('names the line of a record that fails validation', () => {
    const text = '{"text":"a","intent":"x"}\n{"text":"b","intent":"y"}\n{"text":"","intent":"x"}\n';
    expect(() => parseJsonl(text, 'train.jsonl')).toThrow(/^train\.jsonl:3: .*text must not be empty/);
    expect(() => parseJsonl('{"text":"a","intent":"x"}\n{"text":"b"}', 'd.jsonl')).toThrow(/^d\.jsonl:2: .*intent/);
    expect(() => parseJsonl('{"text":"a","intent":"x"}\n{"text": oops}', 'd.jsonl')).toThrow(/^d\.jsonl:2: not valid JSON/);
  });

  it('refuses an empty file', () => {
    expect(() => parseJsonl('\n\n', 'e.jsonl')).toThrow(/e\.jsonl: no examples/);
  });
});

describe('stratifiedSplit', () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({ text: `t${i}`, intent: i < 150 ? 'a' : i < 190 ? 'b' : 'c' }));

  it('holds out ~10% of every label and nothing twice', () => {
    const { train, val } = stratifiedSplit(rows, 0.1, 13);
    const count = (xs: typeof rows, l: string) => xs.filter((r) => r.intent === l).length;
    expect([count(val, 'a'), count(val, 'b'), count(val, 'c')]).toEqual([15, 4, 1]);
    expect(train.length + val.length).toBe(200);
    expect(new Set([...train, ...val].map((r) => r.text)).size).toBe(200);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const a = stratifiedSplit(rows, 0.1, 13).val.map((r) => r.text);
    expect(stratifiedSplit(rows, 0.1, 13).val.map((r) => r.text)).toEqual(a);
    expect(stratifiedSplit(rows, 0.1, 14).val.map((r) => r.text)).not.toEqual(a);
  });
});
