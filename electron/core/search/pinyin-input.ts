// Runs: node (core). Pinyin input for kiosks, which have no system input method: the letters a
// shopper types on the on-screen keyboard ("niun") offer the Chinese words of this store's own
// catalog that read that way (牛奶, 牛肉…), so typing Chinese needs no dictionary we do not have.
// Built from the products' Chinese names, synonyms and shelf names, rebuilt when the catalog changes.
import type { Db } from '../db/database.ts';
import { productAttributes } from '../catalog/products.ts';
import { toPinyin } from './pinyin.ts';
import { zhSegments } from './text.ts';

/** pinyin → word → how many catalog texts use it. */
type Words = Map<string, Map<string, number>>;

let cache: { db: Db; stamp: string; words: Words } | null = null;

/** Longest whole text kept as one candidate ("婴儿配方奶粉" is six characters). */
const MAX_WHOLE = 6;

function build(db: Db): Words {
  const words: Words = new Map();
  const add = (word: string) => {
    const key = toPinyin(word);
    if (!key) return;
    const m = words.get(key) ?? new Map<string, number>();
    m.set(word, (m.get(word) ?? 0) + 1);
    words.set(key, m);
  };
  for (const attributes of db.prepare('SELECT attributes FROM products WHERE active = 1').pluck().iterate() as Iterable<string>) {
    const { zh } = productAttributes(attributes);
    for (const text of [zh.name, zh.category, ...zh.synonyms.split(';')]) {
      for (const run of zhSegments(text)) {
        for (const w of run) add(w);
        const whole = run.join('');
        if (run.length > 1 && whole.length <= MAX_WHOLE) add(whole);
      }
    }
  }
  return words;
}

function wordsOf(db: Db): Words {
  const stamp = String(db.prepare("SELECT count(*) || ':' || coalesce(max(updated_at), '') FROM products").pluck().get());
  if (!cache || cache.db !== db || cache.stamp !== stamp) cache = { db, stamp, words: build(db) };
  return cache.words;
}

/**
 * The catalog's Chinese words for typed pinyin: whole readings first ("niunai" → 牛奶 before
 * 牛奶粉), then the words this store uses most, then the shortest.
 */
export function pinyinCandidates(db: Db, typed: string, limit = 8): string[] {
  const key = typed.toLowerCase().replace(/[^a-z]/g, '');
  if (!key) return [];
  const found: Array<{ word: string; exact: boolean; count: number; len: number }> = [];
  for (const [py, m] of wordsOf(db)) {
    if (!py.startsWith(key)) continue;
    for (const [word, count] of m) found.push({ word, exact: py === key, count, len: py.length });
  }
  found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.count - a.count || a.len - b.len);
  return [...new Set(found.map((f) => f.word))].slice(0, limit);
}
