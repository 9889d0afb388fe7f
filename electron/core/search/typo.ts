// Runs: node (core). Typo tolerance in the spirit of Meilisearch: a query word of 5+ letters may be
// one edit away from an indexed word, 9+ letters two edits (insert, delete, substitute, swap).
// Candidates come from a trigram index over the vocabulary (every word the catalog contains), then
// are verified with a bounded Damerau-Levenshtein distance; so a lookup touches a few hundred words,
// not all of them.

export function maxTypos(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Optimal-string-alignment distance, giving up (returns max+1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb]!;
}

function trigrams(word: string): string[] {
  const w = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(w.slice(i, i + 3));
  return out;
}

/**
 * True when `a` and `b` differ only in which letters are doubled: a missed, extra or misplaced
 * double letter ("batery", "baterry" for battery), the commonest misspelling there is.
 */
export function doubledLetter(a: string, b: string): boolean {
  const single = (w: string) => w.replace(/(.)\1+/g, '$1');
  return a !== b && single(a) === single(b);
}

/**
 * Nearest first; among equally near, a missing or extra doubled letter (the commonest misspelling:
 * "batery" means battery, not bakery), then the more common word.
 */
export function byLikelihood(word: string): (a: Correction, b: Correction) => number {
  const d = (c: Correction) => c.distance - (doubledLetter(word, c.word) ? 0.5 : 0);
  return (a, b) => d(a) - d(b) || b.df - a.df;
}

export interface Correction {
  word: string;
  distance: number;
  df: number;
}

export class Vocabulary {
  private readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly grams = new Map<string, number[]>();
  /** Words sorted, for prefix completion; rebuilt lazily after additions. */
  private sorted: string[] | null = null;

  has(word: string): boolean {
    return this.ids.has(word);
  }

  docFreq(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.df[id]!;
  }

  get size(): number {
    return this.words.length;
  }

  /** Counts one more document containing `word` (words are never removed: a stale word only costs a lookup). */
  add(word: string): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      this.df.push(0);
      this.sorted = null;
      if (word.length >= 4 && !/^\d+$/.test(word)) {
        for (const g of new Set(trigrams(word))) {
          let list = this.grams.get(g);
          if (!list) this.grams.set(g, (list = []));
          list.push(id);
        }
      }
    }
    this.df[id]!++;
  }

  /**
   * Indexed words within the typo budget of `word`, nearest and most common first. The budget is
   * the typed word's (`typed`, before plural folding): "baterries" is 9 letters as typed, two edits
   * from "battery", though its folded form "baterry" has only 7.
   */
  corrections(word: string, limit = 3, typed = word): Correction[] {
    const max = Math.max(maxTypos(word), maxTypos(typed));
    if (max === 0) return [];
    const grams = trigrams(word);
    const counts = new Map<number, number>();
    for (const g of new Set(grams)) {
      const list = this.grams.get(g);
      if (!list) continue;
      for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Each edit destroys at most 3 trigrams; a candidate must keep the rest.
    const need = Math.max(1, grams.length - 3 * max);
    const out: Correction[] = [];
    for (const [id, shared] of counts) {
      if (shared < need) continue;
      const cand = this.words[id]!;
      if (cand === word) continue;
      const d = editDistance(word, cand, max);
      if (d <= max) out.push({ word: cand, distance: d, df: this.df[id]! });
    }
    out.sort(byLikelihood(word));
    return out.slice(0, limit);
  }

  /** True when some indexed word starts with `prefix` (a binary search). */
  hasPrefix(prefix: string): boolean {
    const s = this.sortedWords();
    const i = this.lowerBound(prefix);
    return i < s.length && s[i]!.startsWith(prefix);
  }

  /** Up to `limit` indexed words starting with `prefix`, most common first. */
  completions(prefix: string, limit = 8): string[] {
    const s = this.sortedWords();
    const lo = this.lowerBound(prefix);
    const found: string[] = [];
    for (let i = lo; i < s.length && s[i]!.startsWith(prefix) && found.length < 2000; i++) found.push(s[i]!);
    return found.sort((a, b) => this.docFreq(b) - this.docFreq(a)).slice(0, limit);
  }

  private sortedWords(): string[] {
    if (!this.sorted) this.sorted = [...this.words].sort();
    return this.sorted;
  }

  private lowerBound(prefix: string): number {
    const s = this.sortedWords();
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The vocabulary's own copy of `word`, so 50,000 documents share one string per term. */
  intern(word: string): string {
    const id = this.ids.get(word);
    return id === undefined ? word : this.words[id]!;
  }
}
