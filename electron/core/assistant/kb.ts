// Runs: node (core). Knowledge-base lookup: an entry by id, or the best entry of a kind for the
// shopper's words (keyword and title overlap). The KB is per store and synced down, so answers
// always quote this store's own text; nothing store-specific is hard-coded here.
import type { Db } from '../db/database.ts';

export interface KbEntry {
  id: string;
  kind: string;
  title: string;
  body: string;
  keywords: string;
}

export function kbEntries(db: Db): KbEntry[] {
  return db.prepare('SELECT id, kind, title, body, keywords FROM kb_entries ORDER BY kind, id').all() as KbEntry[];
}

const stem = (w: string) => w.replace(/(ies)$/, 'y').replace(/(es|s)$/, '').replace(/ing$/, '');

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/wi-?fi/g, 'wifi')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)
    .map(stem);
}

/** Best entry of the given kinds for the text, or null when no keyword or title word matches. */
export function bestKbEntry(entries: readonly KbEntry[], kinds: readonly string[], text: string): KbEntry | null {
  const asked = new Set(words(text));
  let best: KbEntry | null = null;
  let bestScore = 0;
  for (const e of entries) {
    if (!kinds.includes(e.kind)) continue;
    const keys = new Set([...words(e.keywords), ...words(e.title), ...words(e.id.split('.').slice(1).join(' '))]);
    let score = 0;
    for (const w of asked) if (keys.has(w)) score += w.length > 3 ? 1 : 0.5;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}
