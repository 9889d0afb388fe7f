// Runs: node (core). Text normalisation shared by indexing and querying, so both sides agree:
// lower case, diacritics removed, letters/digits tokens, and a small English plural folder
// ("batteries" → "battery", "boxes" → "box", "cookies" → "cookie"). We fold plurals rather than
// run a full Porter stemmer because shoppers type product nouns, and over-stemming ("organ" for
// "organic") costs more precision than it buys recall.

export function normalize(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]s\b/g, '');
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokenize(s: string): string[] {
  return normalize(s).match(TOKEN) ?? [];
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
