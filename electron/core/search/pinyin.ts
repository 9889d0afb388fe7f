// Runs: node (core). A product's Chinese name in pinyin, so a shopper at a kiosk without an input
// method can type "niunai" for 牛奶. pinyin-pro reads words in context (薄荷 bohe, 银行 yinhang,
// 充电宝 chongdianbao), where a per-character table gets polyphones wrong (bench/pinyin.ts).
import { pinyin } from 'pinyin-pro';
import { memo, zhSegments } from './text.ts';

/** Longest run of words joined into one pinyin term: "xiangcaoxingrennai" needs four. */
const MAX_WORDS = 4;

/** Toneless pinyin, ü typed as v (the way every pinyin keyboard takes it: 绿 → lv). */
const readWord = memo((word) => [pinyin(word, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase().replace(/[^a-z]/g, '')]);

export function toPinyin(word: string): string {
  return readWord(word)[0]!;
}

/** The pinyin of each run of a name's final words ("花生酱" → jiang, huashengjiang): what the product is. */
export const pinyinSuffixes = memo(suffixesOf);

function suffixesOf(name: string): string[] {
  const runs = zhSegments(name);
  const words = runs.at(-1) ?? [];
  const out: string[] = [];
  let acc = '';
  for (let i = words.length - 1; i >= 0 && words.length - i <= MAX_WORDS; i--) {
    acc = toPinyin(words[i]!) + acc;
    if (acc.length >= 2) out.push(acc);
  }
  return out;
}

/**
 * Pinyin terms for Chinese text: each word's, and each run of up to MAX_WORDS neighbouring words
 * joined, so "xingrennai" (杏仁奶) and "niunai" (牛奶 inside 全脂牛奶) are both whole terms.
 */
export const pinyinTerms = memo(termsOf);

function termsOf(text: string): string[] {
  const out = new Set<string>();
  for (const words of zhSegments(text)) {
    const py = words.map(toPinyin);
    for (let i = 0; i < py.length; i++) {
      let acc = '';
      for (let j = i; j < Math.min(py.length, i + MAX_WORDS); j++) {
        acc += py[j];
        if (acc.length >= 2) out.add(acc);
      }
    }
  }
  return [...out];
}
