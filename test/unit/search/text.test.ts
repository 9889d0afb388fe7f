// Runs: node (tests). Normalisation, plural folding, head nouns, typo distance and safe MATCH text.
import { describe, expect, it } from 'vitest';
import { headNoun, stem, stems, tokenize } from '../../../electron/core/search/text.ts';
import { editDistance, maxTypos, Vocabulary } from '../../../electron/core/search/typo.ts';
import { parseQuery, toMatch } from '../../../electron/core/search/query.ts';
import { buildSynonyms } from '../../../electron/core/search/synonyms.ts';

describe('text', () => {
  it('normalises case, diacritics and punctuation', () => {
    expect(tokenize('Café Crème, 2% "Organic" Children\'s')).toEqual(['cafe', 'creme', '2', 'organic', 'children']);
  });
  it('folds English plurals without mangling singulars', () => {
    const pairs: Array<[string, string]> = [
      ['batteries', 'battery'], ['battery', 'battery'], ['boxes', 'box'], ['dishes', 'dish'], ['glasses', 'glass'], ['glass', 'glass'],
      ['cookies', 'cookie'], ['cookie', 'cookie'], ['tomatoes', 'tomato'], ['apples', 'apple'], ['cheeses', 'cheese'], ['hummus', 'hummus'],
      ['leaves', 'leaf'], ['bus', 'bus'], ['wipes', 'wipe'], ['peas', 'pea'], ['children', 'child'], ['berries', 'berry'], ['oats', 'oat'],
    ];
    for (const [w, s] of pairs) expect(stem(w), w).toBe(s);
  });
  it('finds the head noun of a product name', () => {
    expect(headNoun(stems('Creamy Peanut Butter 16 oz'))).toEqual({ head: 'butter', prev: 'peanut' });
    expect(headNoun(stems('Peanut Butter Cookies'))).toEqual({ head: 'cookie', prev: 'butter' });
    expect(headNoun(stems('Tuna in Water'))).toEqual({ head: 'tuna', prev: null });
  });
});

describe('typos', () => {
  it('bounds Damerau-Levenshtein distance', () => {
    expect(editDistance('almnd', 'almond', 1)).toBe(1);
    expect(editDistance('mlik', 'milk', 1)).toBe(1); // a swap is one edit
    expect(editDistance('shampoo', 'shampo', 1)).toBe(1);
    expect(editDistance('banana', 'cabbage', 2)).toBe(3);
  });
  it('allows 1 typo from 5 letters and 2 from 9 (Meilisearch defaults)', () => {
    expect([maxTypos('milk'), maxTypos('almnd'), maxTypos('chocolate')]).toEqual([0, 1, 2]);
  });
  it('suggests indexed words within the budget', () => {
    const v = new Vocabulary();
    for (const w of ['almond', 'almond', 'milk', 'chocolate', 'chocolates', 'allmond']) v.add(w);
    expect(v.corrections('almnd').map((c) => c.word)).toEqual(['almond']); // allmond is 2 edits away
    expect(v.corrections('chocolatte').map((c) => c.word)).toContain('chocolate');
    expect(v.corrections('milx')).toEqual([]); // 4 letters: no typo allowed
    expect(v.hasPrefix('choc')).toBe(true);
    expect(v.completions('choc')).toEqual(['chocolate', 'chocolates']);
  });
});

describe('MATCH expressions', () => {
  const v = new Vocabulary();
  for (const w of ['near', 'milk', 'almond', 'a', 'b']) v.add(w);
  const syn = buildSynonyms();
  it('quotes every term, so FTS5 operators in user text are inert', () => {
    for (const q of ['"', '*', 'NEAR(a b)', 'milk -almond', 'name:milk', 'a OR b', '^milk', '(((', 'AND', "'; DROP TABLE products; --"]) {
      const expr = toMatch(parseQuery(q, v, syn).slots, 'and');
      if (expr === null) continue;
      // Outside quoted terms only our own operators and parentheses remain.
      const outside = expr.replace(/"[^"]*"\*?/g, '');
      expect(outside, q).toMatch(/^[\s()]*(?:(?:AND|OR)[\s()]*)*$/);
    }
  });
  it('caps the work a 1,000-character query can cause', () => {
    const { slots } = parseQuery('milk '.repeat(200), v, syn);
    expect(slots.length).toBeLessThanOrEqual(8);
  });
});

describe('words that are the names of Object methods', () => {
  it('stem to themselves, not to a function (a product called "constructor" once broke every search)', () => {
    for (const w of ['constructor', 'tostring', 'hasownproperty', 'valueof', '__proto__']) expect(stem(w)).toBe(w);
    expect(stems('toString constructor')).toEqual(['tostring', 'constructor']);
  });
});

describe('search --batch lines', () => {
  it('take plain text or {"q": ...} JSON', async () => {
    const { batchQuery } = await import('../../../electron/core/search/cli.ts');
    expect(batchQuery('almond milk')).toBe('almond milk');
    expect(batchQuery('{"q": " oat milk ", "k": 5}')).toBe('oat milk');
    expect(batchQuery('{not json')).toBe('{not json');
  });
});

describe('typos of catalog words', () => {
  it('a missed, extra or misplaced double letter is the likeliest correction, ahead of a commoner word as near', async () => {
    const { byLikelihood, doubledLetter } = await import('../../../electron/core/search/typo.ts');
    expect(doubledLetter('batery', 'battery')).toBe(true);
    expect(doubledLetter('baterry', 'battery')).toBe(true);
    expect(doubledLetter('batery', 'bakery')).toBe(false);
    const ranked = [{ word: 'bakery', distance: 1, df: 28 }, { word: 'battery', distance: 1, df: 13 }].sort(byLikelihood('batery'));
    expect(ranked[0]!.word).toBe('battery');
    const v = new Vocabulary();
    for (const w of ['battery', 'bakery', 'bakery', 'bakery']) v.add(w);
    // "baterries" as typed is 9 letters: two edits allowed, though its folded form "baterry" has 7.
    expect(v.corrections('baterry', 3, 'baterries').map((c) => c.word)[0]).toBe('battery');
    expect(v.corrections('baterry', 3)).toEqual([]);
  });
});
