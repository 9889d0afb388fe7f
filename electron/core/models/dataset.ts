// Runs: node (core). Intent datasets: JSONL lines {"text","intent"}, validated with zod and
// reported by line number, plus a seeded stratified train/validation split.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { mulberry32, shuffleInPlace } from './rng.ts';

/** The one label the runtime uses for "not something this kiosk handles". */
export const OOS_LABEL = 'out_of_scope';
const OOS_ALIASES = new Set(['oos', 'out_of_scope']);

export const intentExampleSchema = z.object({ text: z.string().min(1, 'text must not be empty'), intent: z.string().min(1, 'intent must not be empty') }).passthrough();
export interface IntentExample {
  text: string;
  intent: string;
}

export function canonicalLabel(label: string): string {
  return OOS_ALIASES.has(label) ? OOS_LABEL : label;
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** Parses JSONL text; blank lines are skipped; the first bad line fails with its number. */
export function parseJsonl(text: string, source = 'input'): IntentExample[] {
  const out: IntentExample[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new DatasetError(`${source}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const r = intentExampleSchema.safeParse(raw);
    if (!r.success) throw new DatasetError(`${source}:${i + 1}: ${z.prettifyError(r.error).replace(/\n/g, ' ')}`);
    out.push({ text: r.data.text, intent: canonicalLabel(r.data.intent) });
  });
  if (out.length === 0) throw new DatasetError(`${source}: no examples`);
  return out;
}

export async function readJsonl(file: string): Promise<IntentExample[]> {
  return parseJsonl(await readFile(file, 'utf8'), file);
}

/** Holds out `fraction` of every label (at least one where the label has 2+ examples). */
export function stratifiedSplit<T extends { intent: string }>(rows: readonly T[], fraction: number, seed: number): { train: T[]; val: T[] } {
  const rand = mulberry32(seed);
  const byLabel = new Map<string, T[]>();
  for (const r of rows) {
    const list = byLabel.get(r.intent) ?? [];
    list.push(r);
    byLabel.set(r.intent, list);
  }
  const train: T[] = [];
  const val: T[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const list = shuffleInPlace([...(byLabel.get(label) as T[])], rand);
    const k = list.length < 2 ? 0 : Math.max(1, Math.round(list.length * fraction));
    val.push(...list.slice(0, k));
    train.push(...list.slice(k));
  }
  return { train: shuffleInPlace(train, rand), val: shuffleInPlace(val, rand) };
}
