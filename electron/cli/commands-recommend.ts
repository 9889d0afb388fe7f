// Runs: node (CLI). `storemind recommend`: train a "goes well with" model from a baskets file, ask
// it for a batch of baskets (or the terminal's installed one), and evaluate it beside popularity
// and plain co-occurrence on a time-ordered split. Every input line is checked with zod.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CoreError } from '../core/db/errors.ts';
import { evaluateRecommender, loadInstacart } from '../core/recommend/eval.ts';
import { installedRecommenderDir, loadModel, saveModel } from '../core/recommend/model.ts';
import { recommend as rank, trainRecommender, type Basket } from '../core/recommend/train.ts';
import { intOption, parse } from './args.ts';
import type { Command } from './registry.ts';
import { valueIssue } from '../../common/zod-issue.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const Id = z.union([z.string().min(1).max(200), z.number().int().nonnegative()]).transform(String);
const BasketLine = z.object({ basket_id: Id.optional(), items: z.array(Id).max(100_000), ts: z.string().max(40).optional() });
const QueryLine = z.object({ items: z.array(Id).max(100_000) });

function readLines<T extends z.ZodType>(file: string, schema: T): Array<z.output<T>> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CoreError('BAD_INPUT', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const out: Array<z.output<T>> = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new CoreError('BAD_INPUT', `${path.basename(file)} line ${i + 1} is not JSON.`);
    }
    const r = schema.safeParse(json);
    if (!r.success) throw new CoreError('BAD_INPUT', `${path.basename(file)} line ${i + 1}: ${valueIssue(r.error)}.`);
    out.push(r.data);
  });
  return out;
}

/** Baskets from a file; a basket id seen twice is one basket (a re-exported line), kept once. */
function readBaskets(file: string): { baskets: Basket[]; empty: number; duplicates: number } {
  const seen = new Set<string>();
  let empty = 0;
  let duplicates = 0;
  const baskets: Basket[] = [];
  for (const b of readLines(file, BasketLine)) {
    if (b.basket_id !== undefined) {
      if (seen.has(b.basket_id)) {
        duplicates++;
        continue;
      }
      seen.add(b.basket_id);
    }
    if (!b.items.length) {
      empty++;
      continue;
    }
    baskets.push({ items: b.items, ts: b.ts });
  }
  return { baskets, empty, duplicates };
}

const USAGE = 'recommend train --baskets FILE.jsonl --out DIR | recommend [--model DIR] --batch FILE.jsonl [--limit N] --json | recommend eval (--baskets FILE.jsonl | --dataset instacart) [--json]';

export const recommend: Command = {
  name: 'recommend',
  summary: '"Goes well with": recommend train | recommend --batch | recommend eval',
  usage: USAGE,
  async run(argv, g) {
    const { values, positionals } = parse(argv, { baskets: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' }, batch: { type: 'string' }, limit: { type: 'string' }, dataset: { type: 'string' } });
    const sub = positionals[0];
    if (sub === 'train') {
      if (!values.baskets || !values.out) throw new CoreError('BAD_INPUT', 'recommend train needs --baskets FILE.jsonl and --out DIR.');
      const { baskets, empty, duplicates } = readBaskets(values.baskets);
      const t0 = performance.now();
      const model = trainRecommender(baskets, { catalog: path.basename(values.baskets) });
      saveModel(model, values.out);
      const r = { baskets: baskets.length, emptySkipped: empty, duplicatesSkipped: duplicates, items: model.items.length, seconds: Math.round(performance.now() - t0) / 1000, out: values.out };
      console.log(g.json ? JSON.stringify(r) : `Trained on ${r.baskets} baskets (${empty} empty and ${duplicates} repeated skipped): ${r.items} items, ${r.seconds} s → ${r.out}`);
      return 0;
    }
    if (sub === 'eval') {
      const baskets = values.dataset === 'instacart' ? loadInstacart(ROOT) : values.baskets ? readBaskets(values.baskets).baskets : null;
      if (!baskets) throw new CoreError('BAD_INPUT', 'recommend eval needs --baskets FILE.jsonl or --dataset instacart.');
      const r = evaluateRecommender(baskets);
      if (g.json) console.log(JSON.stringify(r));
      else {
        console.log(`Trained on ${r.train} earlier baskets, tested on ${r.test} later ones (one item hidden each), @${r.k}:`);
        for (const row of r.rows) console.log(`  ${row.method.padEnd(44)} HR ${row.hr.toFixed(4)}  NDCG ${row.ndcg.toFixed(4)}`);
      }
      return 0;
    }
    if (sub !== undefined) throw new CoreError('BAD_INPUT', `Usage: storemind ${USAGE}`);
    if (!values.batch) throw new CoreError('BAD_INPUT', '--batch FILE.jsonl is required (lines {"items": [...]}).');
    const limit = values.limit === undefined ? 10 : intOption(values.limit, 'limit', 1, 100);
    const dir = values.model ?? installedRecommenderDir(g.dataDir);
    if (!fs.existsSync(dir)) throw new CoreError('NOT_FOUND', `No recommender at ${dir}: train one with \`storemind recommend train\`, or let the terminal train its own overnight.`);
    const model = loadModel(dir);
    for (const q of readLines(values.batch, QueryLine)) console.log(JSON.stringify({ items: rank(model, q.items, { limit }) }));
    return 0;
  },
};
