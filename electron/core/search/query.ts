// Runs: node (core). Turns what a shopper typed into query slots (one per meaningful word or known
// phrase), each with weighted alternatives: the word itself, synonyms / needs, typo corrections,
// a prefix (for the word being typed), a split ("peanutbutter"). Then writes a safe FTS5 MATCH
// expression from them: every term is our own token ([letters digits] only) inside double quotes,
// so user text can never inject FTS5 syntax (", *, NEAR, -, :, parentheses, column filters).
import type { SynonymTable } from './synonyms.ts';
import { isHan, STOPWORDS, stem, tokenize } from './text.ts';
import { byLikelihood, doubledLetter, type Vocabulary } from './typo.ts';
import { lap, type SearchProfile } from './profile.ts';

export type AltKind = 'exact' | 'syn' | 'typo' | 'prefix' | 'split';

export interface Alt {
  terms: string[];
  /** The last term matches as a prefix. */
  prefix: boolean;
  weight: number;
  kind: AltKind;
}

export interface Slot {
  words: string[];
  alts: Alt[];
}

export interface ParsedQuery {
  tokens: string[];
  slots: Slot[];
}

const MAX_TOKENS = 64;
const MAX_SLOTS = 8;
const MAX_ALTS = 10;
const RARE_DF = 5;
const COMMON_DF = 3;

/** `prof`, when given, gets the typo and synonym work timed apart (the rest is the caller's "parse"). */
export function parseQuery(q: string, vocab: Vocabulary, syn: SynonymTable, prof?: SearchProfile): ParsedQuery {
  const tokens = tokenize(q.slice(0, 1000)).slice(0, MAX_TOKENS);
  let content = tokens.filter((t) => !STOPWORDS.has(t));
  if (content.length === 0) content = tokens;
  content = content.slice(0, MAX_SLOTS);
  const st = content.map(stem);
  // The last word is still being typed unless the query ends with a space or punctuation.
  const typing = /[\p{L}\p{N}]$/u.test(q);
  const slots: Slot[] = [];
  let i = 0;
  while (i < st.length) {
    let taken = 0;
    const ts = prof ? performance.now() : 0;
    for (let len = Math.min(syn.maxWords, st.length - i); len >= 2; len--) {
      const words = st.slice(i, i + len);
      const alts = syn.map.get(words.join(' '));
      if (alts) {
        slots.push({ words, alts: [{ terms: words, prefix: false, weight: 1, kind: 'exact' }, ...alts.map((t) => synAlt(t))] });
        taken = len;
        break;
      }
    }
    if (prof) lap(prof, 'synonyms', ts);
    if (taken === 0) {
      const isLast = i === st.length - 1;
      slots.push(wordSlot(st[i]!, content[i]!, isLast && typing, vocab, syn, prof));
      taken = 1;
    }
    i += taken;
  }
  joinPairs(slots, vocab);
  for (const s of slots) s.alts = dedupe(s.alts).slice(0, MAX_ALTS);
  return { tokens, slots };
}

/** "oat milk" is often written "oatmilk": two adjacent words whose join is indexed become one slot. */
function joinPairs(slots: Slot[], vocab: Vocabulary): void {
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i]!;
    const b = slots[i + 1]!;
    if (a.words.length !== 1 || b.words.length !== 1) continue;
    const joined = a.words[0]! + b.words[0]!;
    if (!vocab.has(joined)) continue;
    const both: Alt = { terms: [a.words[0]!, b.words[0]!], prefix: false, weight: 1, kind: 'exact' };
    slots.splice(i, 2, { words: [...a.words, ...b.words], alts: [both, { terms: [joined], prefix: false, weight: 0.95, kind: 'split' }] });
  }
}

function synAlt(terms: string[]): Alt {
  return { terms, prefix: false, weight: 0.8, kind: 'syn' };
}

function wordSlot(word: string, raw: string, typing: boolean, vocab: Vocabulary, syn: SynonymTable, prof?: SearchProfile): Slot {
  const alts: Alt[] = [];
  const known = vocab.has(word);
  if (known) alts.push({ terms: [word], prefix: false, weight: 1, kind: 'exact' });
  let t0 = prof ? performance.now() : 0;
  for (const t of syn.map.get(word) ?? []) alts.push(synAlt(t));
  if (prof) t0 = lap(prof, 'synonyms', t0);
  // A finished, common word ("eggs", "milk") is what the shopper meant: expanding it as a prefix
  // (eggplant, eggnog, milkshake) costs BM25 work over thousands of rows and adds noise.
  const finished = known && word.length >= 3 && vocab.docFreq(word) >= COMMON_DF;
  if (typing && raw.length >= 2 && !finished) {
    // Prefix on the raw word too: "batteri" is a prefix of nothing once folded, "batteri"* is.
    for (const p of new Set([word, raw])) if (vocab.hasPrefix(p)) alts.push({ terms: [p], prefix: true, weight: 0.85, kind: 'prefix' });
  }
  if (prof) t0 = lap(prof, 'prefix', t0);
  // A word the catalog knows only from a product or two ("almnd" is in one name) is more likely a
  // typo than what the shopper meant: try corrections for it too, weighted by how common they are.
  const df = vocab.docFreq(word);
  // Edit distance means nothing between two Chinese character pairs (牛奶 is one edit from 牛肉).
  if (!isHan(word) && (!known || df < RARE_DF)) {
    // Correct the folded word and the raw one less its final s ("cookeis" → "cookei" → cookie).
    const found = [...vocab.corrections(word, 3, raw), ...(raw.endsWith('s') && raw.slice(0, -1) !== word ? vocab.corrections(raw.slice(0, -1)) : [])];
    found.sort(byLikelihood(word));
    const topDf = Math.max(1, ...found.map((c) => c.df));
    // A doubled letter missed or added is the likeliest misspelling: when one correction is that,
    // the others only pad the results ("bateries" is batteries, not the bakery).
    const doubled = found.some((c) => doubledLetter(word, c.word));
    for (const c of found.slice(0, 3)) {
      const common = known && c.df >= 20 * df;
      // Among equally near corrections, the common word is the likelier intent (blueberry, not "blueberi").
      const base = common ? 0.9 : doubledLetter(word, c.word) ? 0.85 : doubled ? 0.35 : c.distance === 1 ? 0.7 : 0.55;
      alts.push({ terms: [c.word], prefix: false, weight: base * (0.85 + 0.15 * (c.df / topDf)), kind: 'typo' });
      for (const t of syn.map.get(c.word) ?? []) alts.push({ ...synAlt(t), weight: 0.5 });
    }
    const split = splitWord(word, vocab);
    if (split) alts.push({ terms: split, prefix: false, weight: 0.8, kind: 'split' });
  }
  if (prof) lap(prof, 'typo', t0);
  return { words: [word], alts };
}

/** "peanutbutter" → ["peanut", "butter"] when both halves are indexed words. */
function splitWord(word: string, vocab: Vocabulary): string[] | null {
  if (word.length < 6) return null;
  for (let k = 3; k <= word.length - 3; k++) {
    const a = word.slice(0, k);
    const b = stem(word.slice(k));
    if (vocab.has(a) && vocab.has(b)) return [a, b];
  }
  return null;
}

function dedupe(alts: Alt[]): Alt[] {
  const seen = new Set<string>();
  return alts.filter((a) => {
    const k = `${a.terms.join(' ')}${a.prefix ? '*' : ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function altExpr(a: Alt): string {
  const parts = a.terms.map((t, i) => quote(t) + (a.prefix && i === a.terms.length - 1 ? '*' : ''));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

/** The FTS5 MATCH text: all slots (AND) or any slot (OR). Null when nothing can match. */
export function toMatch(slots: Slot[], mode: 'and' | 'or'): string | null {
  const exprs = slots
    .filter((s) => s.alts.length > 0)
    .map((s) => {
      // "milk"* already matches "milk": leave the exact twin out of the FTS query (ranking still tells them apart).
      const prefixed = new Set(s.alts.filter((a) => a.prefix && a.terms.length === 1).map((a) => a.terms[0]));
      const alts = s.alts.filter((a) => a.prefix || a.terms.length > 1 || !prefixed.has(a.terms[0]));
      return `(${alts.map(altExpr).join(' OR ')})`;
    });
  if (exprs.length === 0) return null;
  return exprs.join(mode === 'and' ? ' AND ' : ' OR ');
}
