// Runs: node (core). The recommender as a file: item ids, the most popular items, and each item's
// top companions with their scores. One gzipped JSON file per model folder, checked with zod on load; a
// model trained for another store's catalog, of another format, or damaged is refused whole.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { z } from 'zod';
import { CoreError } from '../db/errors.ts';
import { zodIssue } from '../../../common/zod-issue.ts';

export const REC_FORMAT = 'storemind-rec';
export const REC_VERSION = 1;
const FILE = 'recommender.json.gz';

export interface RecModel {
  format: typeof REC_FORMAT;
  version: typeof REC_VERSION;
  catalog: string;
  created: string;
  items: string[];
  /** Indexes into items, most bought first: the answer when nothing in a basket is known. */
  popular: number[];
  /** Per item: companion indexes and their scores, best first. */
  neighbors: Array<[number[], number[]]>;
}

const Schema = z.object({
  format: z.literal(REC_FORMAT),
  version: z.literal(REC_VERSION),
  catalog: z.string().max(200),
  created: z.string().max(40),
  items: z.array(z.string().max(200)).max(2_000_000),
  popular: z.array(z.number().int().nonnegative()).max(10_000),
  neighbors: z.array(z.tuple([z.array(z.number().int().nonnegative()), z.array(z.number())])),
});

/** Where a terminal keeps its installed recommender. */
export function installedRecommenderDir(dataDir: string): string {
  return path.join(dataDir, 'recommender');
}

export function saveModel(model: RecModel, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `${FILE}.tmp`);
  fs.writeFileSync(tmp, zlib.gzipSync(JSON.stringify(model), { level: 9 }));
  fs.renameSync(tmp, path.join(dir, FILE));
}

export function loadModel(dir: string, opts: { catalog?: string } = {}): RecModel {
  const file = path.join(dir, FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(zlib.gunzipSync(fs.readFileSync(file), { maxOutputLength: 512 * 2 ** 20 }).toString('utf8'));
  } catch (e) {
    throw new CoreError('BAD_INPUT', `${file} is not a readable recommender: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const r = Schema.safeParse(raw);
  if (!r.success) {
    const issue = zodIssue(r.error);
    throw new CoreError('BAD_INPUT', `${file} is not a ${REC_FORMAT} v${REC_VERSION} model (${issue.path || 'value'}: ${issue.message}).`);
  }
  const m = r.data;
  const n = m.items.length;
  if (m.neighbors.length !== n || m.popular.some((i) => i >= n) || m.neighbors.some(([ids, s]) => ids.length !== s.length || ids.some((i) => i >= n))) {
    throw new CoreError('BAD_INPUT', `${file} is damaged: its companion lists do not match its ${n} items.`);
  }
  if (opts.catalog !== undefined && m.catalog !== opts.catalog) {
    throw new CoreError('BAD_INPUT', `${file} was trained for catalog ${m.catalog}, not ${opts.catalog}; train one for this store.`);
  }
  return m as RecModel;
}
