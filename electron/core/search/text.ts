// Runs: node (core). Text normalisation shared by indexing and querying, so both sides agree:
// lower case, diacritics removed, letters/digits tokens, and a small English plural folder
// ("batteries" → "battery", "boxes" → "box", "cookies" → "cookie"). We fold plurals rather than
// run a full Porter stemmer because shoppers type product nouns, and over-stemming ("organ" for
// "organic") costs more precision than it buys recall. Chinese text becomes character pairs (see
// hanTokens), and a product's Chinese name is also indexed in pinyin (document.ts).
import * as OpenCC from 'opencc-js';

export function normalize(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]s\b/g, '');
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;
const HAN_SPLIT = /(\p{Script=Han}+)/u;

// Traditional characters (a shopper from Hong Kong or Taiwan, 電池) are searched as Simplified,
// the script catalogs and the index use.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Remembers what a pure function returned for a string: catalog text repeats (every brand's 电池),
 * and segmenting, converting and reading pinyin cost microseconds each. Bounded, then started over.
 */
export function memo(f: (s: string) => string[], max = 20_000): (s: string) => string[] {
  const seen = new Map<string, string[]>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      if (seen.size >= max) seen.clear();
      v = f(s);
      seen.set(s, v);
    }
    return v;
  };
}

export function tokenize(s: string): string[] {
  const out: string[] = [];
  for (const raw of normalize(s).match(TOKEN) ?? []) {
    if (!HAN.test(raw)) {
      out.push(raw);
      continue;
    }
    out.push(...mixedTokens(raw));
  }
  return out;
}

// "有iphone充电线" is one \p{L} run: the Latin part stays a word, the Chinese part is cut below.
const mixedTokens = memo((raw) => toSimplified(raw).split(HAN_SPLIT).filter(Boolean).flatMap((part) => (HAN.test(part) ? hanTokens(part) : [part])));

const zhWords = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a Chinese question that carry no product meaning ("where", "do you have", "I want to buy"). */
export const ZH_STOPWORDS = new Set(
  ('我 我想 想 要 我要 想要 买 想买 要买 在 在哪 哪 哪里 哪儿 哪边 哪个 有 有没有 没有 吗 呢 吧 啊 呀 的 了 和 与 ' +
    '请问 请 问 一下 找 找找 是 什么 多少 钱 帮 帮我 个 些 这 那 这里 那里 这儿 那儿 可以 能 卖 店 里 你 你们 您 我们 ' +
    '一个 一些 放 放在 位置 地方 货架 几号 哪些 么').split(' '),
);

/**
 * Chinese has no spaces, and a segmenter's cut depends on context ("洗发水" comes out as three
 * characters, "充电宝" as 充电 + 宝), so the index and the query would cut the same product
 * differently. What is indexed and searched is therefore overlapping character pairs, the classic
 * way to search CJK text: ICU's words only find the question's function words, which are dropped,
 * and each remaining run becomes its pairs ("婴儿奶粉" → 婴儿 儿奶 奶粉; one character stays one).
 */
function hanTokens(run: string): string[] {
  const out: string[] = [];
  for (const cur of contentRuns(run)) {
    if (cur.length === 1) out.push(cur);
    else for (let i = 0; i + 1 < cur.length; i++) out.push(cur.slice(i, i + 2));
  }
  return out;
}

/** A run of Chinese characters less the question's function words: the stretches in between. */
function contentRuns(run: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const { segment } of zhWords.segment(run)) {
    if (!ZH_STOPWORDS.has(segment)) cur += segment;
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The product words of a Chinese question, as stretches of characters ("请问有卫生纸吗" → 卫生纸). */
export function zhContent(s: string): string[] {
  return (toSimplified(normalize(s)).match(/\p{Script=Han}+/gu) ?? []).flatMap(contentRuns);
}

/** True for a token of Chinese characters (a pair or a single one): never typo-corrected. */
export function isHan(token: string): boolean {
  return HAN.test(token);
}

/** ICU's words of a Chinese text, for the pinyin index ("香草杏仁奶" → 香草, 杏仁, 奶). */
export function zhSegments(s: string): string[][] {
  return (normalize(s).match(/\p{Script=Han}+/gu) ?? []).map((run) => [...zhWords.segment(run)].filter((x) => x.isWordLike).map((x) => x.segment));
}

// A Map, not an object: a product called "constructor" or "toString" must not stem to Object's methods.
const IRREGULAR = new Map<string, string>(Object.entries({
  mice: 'mouse', children: 'child', feet: 'foot', teeth: 'tooth', geese: 'goose', men: 'man', women: 'woman', people: 'person',
  loaves: 'loaf', knives: 'knife', leaves: 'leaf', halves: 'half', shelves: 'shelf', wolves: 'wolf', calves: 'calf', potatoes: 'potato',
  tomatoes: 'tomato', shoes: 'shoe', toes: 'toe', canoes: 'canoe', dice: 'die', cookies: 'cookie', pies: 'pie', brownies: 'brownie',
  smoothies: 'smoothie', veggies: 'veggie', calories: 'calorie', movies: 'movie', ties: 'tie', hoodies: 'hoodie', beanies: 'beanie',
  rookies: 'rookie', zombies: 'zombie', selfies: 'selfie', lingerie: 'lingerie', prairies: 'prairie', goalies: 'goalie',
  series: 'series', species: 'species', news: 'news', lens: 'lens', gas: 'gas', bus: 'bus', yes: 'yes', swiss: 'swiss',
  hummus: 'hummus', asparagus: 'asparagus', couscous: 'couscous', molasses: 'molasses', citrus: 'citrus', octopus: 'octopus',
  cactus: 'cactus', analysis: 'analysis', tennis: 'tennis', always: 'always', whiskies: 'whisky', cherries: 'cherry',
}));

/** Singular form of an English noun; words that are not plurals come back unchanged. */
export function stem(word: string): string {
  const irr = IRREGULAR.get(word);
  if (irr) return irr;
  const n = word.length;
  if (n <= 3 || !word.endsWith('s') || /\d/.test(word)) return word;
  if (/(ss|us|is|ous|ics)$/.test(word)) return word;
  if (word.endsWith('ies') && n > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|zzes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('oes') && n > 5) return word.slice(0, -2);
  return word.slice(0, -1);
}

export function stems(s: string): string[] {
  return tokenize(s).map(stem);
}

/** Words that carry no product meaning in a shopper's question. Only removed from queries. */
export const STOPWORDS = new Set(
  ('a an the for to of and or in on at with without by from some any something anything someone thing things stuff ' +
    'i im me my we our you your it its is are was be do does did have has had can could would should will please ' +
    'need needs want wants looking look find where which what whats who how get got buy sell sold carry store shop ' +
    'aisle aisles item items product products kind type good best nice there here that this these those one ones ' +
    'help hi hello thanks thank just also very really much many more less than like after before during when then so if ' +
    'use using used make making take out').split(' '),
);

/** Tokens that describe a package, not a product: never a product's head noun. */
const SIZE_WORD = /^(\d+([a-z]{1,3})?|oz|fl|ct|lb|lbs|g|kg|mg|ml|l|gal|pk|pack|count|pc|pcs|in|ft|qt|pt|each|ea|x)$/;

export function isSizeWord(t: string): boolean {
  return SIZE_WORD.test(t);
}

/**
 * The kind of thing a product is, from its name: the last content word before a "with/in/for"
 * clause, plus the word before it ("Creamy Peanut Butter" → [peanut, butter]; "Peanut Butter
 * Cookies" → [butter, cookie]; "Tuna in Water" → [tuna]).
 */
export function headNoun(nameStems: string[]): { head: string | null; prev: string | null } {
  // Callers pass the part of the name before any comma or " - ": catalogs write "Milk, Organic,
  // Vitamin D" and "Trail Mix - Corn & Flax": the kind comes first there.
  let end = nameStems.length;
  for (let i = 1; i < nameStems.length; i++) {
    if (nameStems[i] === 'with' || nameStems[i] === 'in' || nameStems[i] === 'for' || nameStems[i] === 'w') {
      end = i;
      break;
    }
  }
  while (end > 0 && isSizeWord(nameStems[end - 1]!)) end--;
  if (end === 0) return { head: null, prev: null };
  return { head: nameStems[end - 1]!, prev: end > 1 ? nameStems[end - 2]! : null };
}
