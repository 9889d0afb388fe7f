// Runs: node (bench). `npm run bench -- --only search-zh`, or `node --import tsx bench/search-zh.ts`.
// Chinese product search on the demo store (868 products, Chinese names written by the project):
// the judged query set bench/data/search-queries-zh.jsonl (Chinese questions by shelf, pinyin
// typed without choosing characters, mixed scripts) through StoreMind search and, side by side,
// MiniSearch indexing the same Chinese names, synonyms and shelf names with three ways to cut
// Chinese: ICU's words (Intl.Segmenter), jieba-wasm's words, and character pairs (what StoreMind
// indexes). Reports success@1 by shelf per kind of query and latency p50/p95. A second table
// compares the two pinyin libraries on words whose reading depends on context.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { cut } from 'jieba-wasm';
import { pinyin } from 'pinyin-pro';
import TinyPinyin from 'tiny-pinyin';
import { openDatabase } from '../electron/core/db/database.ts';
import { seedDemoStore } from '../electron/core/catalog/seed.ts';
import { createSearchIndex } from '../electron/core/search/engine.ts';
import { tokenize } from '../electron/core/search/text.ts';
import type { BenchRow } from './core.ts';

const QUERIES = path.join(import.meta.dirname, 'data/search-queries-zh.jsonl');

interface Judged {
  q: string;
  category: string;
  kind: 'zh' | 'pinyin' | 'mixed';
}

/** Words a per-character table tends to misread, with the reading a shopper types (written by the project). */
const POLYPHONES: Array<[string, string]> = [
  ['薄荷', 'bohe'], ['银行', 'yinhang'], ['充电宝', 'chongdianbao'], ['乐事', 'leshi'], ['长颈鹿', 'changjinglu'], ['重量', 'zhongliang'],
  ['行李箱', 'xinglixiang'], ['便宜', 'pianyi'], ['音乐', 'yinyue'], ['调料', 'tiaoliao'], ['睡觉', 'shuijiao'], ['还有', 'haiyou'],
  ['给我', 'geiwo'], ['觉得', 'juede'], ['数据线', 'shujuxian'], ['干果', 'ganguo'], ['干洗', 'ganxi'], ['大米', 'dami'],
  ['重庆', 'chongqing'], ['长度', 'changdu'], ['茶叶蛋', 'chayedan'], ['处方药', 'chufangyao'], ['创可贴', 'chuangketie'], ['好吃', 'haochi'],
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

const icu = new Intl.Segmenter('zh', { granularity: 'word' });
const TOKENIZERS: Record<string, (s: string) => string[]> = {
  'ICU words': (s) => [...icu.segment(s.toLowerCase())].filter((x) => x.isWordLike).map((x) => x.segment),
  'jieba words': (s) => cut(s.toLowerCase(), true).filter((w) => /[\p{L}\p{N}]/u.test(w)),
  'character pairs': tokenize,
};

export async function benchSearchZh(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const queries = fs.readFileSync(QUERIES, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Judged);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-zh-'));
  try {
    const db = openDatabase(path.join(dir, 'zh.db'));
    seedDemoStore(db);
    const products = db.prepare('SELECT id, category_path, attributes FROM products WHERE active = 1').all() as Array<{ id: string; category_path: string; attributes: string }>;
    const shelfOf = new Map(products.map((p) => [p.id, p.category_path.split(' > ').at(-1)!]));
    const docs = products.map((p) => {
      const zh = (JSON.parse(p.attributes) as { i18n?: Record<string, { name: string; synonyms: string; category: string }> }).i18n?.['zh-CN'];
      return { id: p.id, name: zh?.name ?? '', synonyms: zh?.synonyms ?? '', category: zh?.category ?? '' };
    });

    const engines: Array<{ name: string; run: (q: string) => string | undefined }> = [];
    const index = createSearchIndex(db);
    index.searchSync('牛奶');
    engines.push({ name: 'StoreMind', run: (q) => index.searchSync(q, { limit: 5 }).results[0]?.id });
    for (const [name, tok] of Object.entries(TOKENIZERS)) {
      const ms = new MiniSearch({ fields: ['name', 'synonyms', 'category'], tokenize: tok, searchOptions: { boost: { name: 2 }, prefix: true, fuzzy: 0.2 } });
      ms.addAll(docs);
      engines.push({ name: `MiniSearch (${name})`, run: (q) => ms.search(q)[0]?.id as string | undefined });
    }

    for (const e of engines) {
      const times: number[] = [];
      const hits: Record<Judged['kind'], [number, number]> = { zh: [0, 0], pinyin: [0, 0], mixed: [0, 0] };
      for (let round = 0; round < 3; round++) {
        for (const j of queries) {
          const t = performance.now();
          const id = e.run(j.q);
          times.push(performance.now() - t);
          if (round === 0) {
            hits[j.kind][1]++;
            if (id && shelfOf.get(id) === j.category) hits[j.kind][0]++;
          }
        }
      }
      for (const [kind, [ok, n]] of Object.entries(hits)) {
        const target = e.name === 'StoreMind' ? (kind === 'zh' ? '≥ 0.9' : kind === 'pinyin' ? '≥ 0.8' : undefined) : undefined;
        rows.push({ bench: 'search-zh', metric: `${e.name}: success@1 by shelf, ${kind} queries (${n})`, value: ok / n, unit: 'ratio', ...(target ? { target } : {}) });
      }
      rows.push({ bench: 'search-zh', metric: `${e.name}: latency p50`, value: pct(times, 50), unit: 'ms' });
      rows.push({ bench: 'search-zh', metric: `${e.name}: latency p95`, value: pct(times, 95), unit: 'ms', ...(e.name === 'StoreMind' ? { target: '≤ 5 ms' } : {}) });
    }

    // A catalog without Chinese names: the same Chinese questions, read through CC-CEDICT.
    const plainDb = openDatabase(path.join(dir, 'en-only.db'));
    seedDemoStore(plainDb);
    plainDb.prepare("UPDATE products SET attributes = json_remove(attributes, '$.i18n')").run();
    const plain = createSearchIndex(plainDb);
    const t0 = performance.now();
    plain.searchSync('牛奶');
    rows.push({ bench: 'search-zh', metric: 'No Chinese names: first Chinese query (loads CC-CEDICT)', value: performance.now() - t0, unit: 'ms' });
    const zhOnly = queries.filter((j) => j.kind !== 'pinyin');
    const times: number[] = [];
    let ok = 0;
    for (const j of zhOnly) {
      const t = performance.now();
      const id = plain.searchSync(j.q, { limit: 5 }).results[0]?.id;
      times.push(performance.now() - t);
      if (id && shelfOf.get(id) === j.category) ok++;
    }
    rows.push({ bench: 'search-zh', metric: `No Chinese names (CC-CEDICT): success@1 by shelf, zh + mixed queries (${zhOnly.length})`, value: ok / zhOnly.length, unit: 'ratio' });
    rows.push({ bench: 'search-zh', metric: 'No Chinese names (CC-CEDICT): latency p95', value: pct(times, 95), unit: 'ms' });
    plainDb.close();
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // Pinyin libraries: the reading a shopper types, on words whose characters have more than one.
  const libs: Array<[string, (w: string) => string]> = [
    ['pinyin-pro', (w) => pinyin(w, { toneType: 'none', type: 'array', v: true }).join('')],
    ['tiny-pinyin', (w) => TinyPinyin.convertToPinyin(w, '', true)],
  ];
  for (const [name, f] of libs) {
    const right = POLYPHONES.filter(([w, py]) => f(w) === py).length;
    const t = performance.now();
    for (let i = 0; i < 200; i++) for (const [w] of POLYPHONES) f(w);
    const us = ((performance.now() - t) * 1000) / (200 * POLYPHONES.length);
    rows.push({ bench: 'search-zh', metric: `${name}: context-dependent readings right (${POLYPHONES.length} words)`, value: right / POLYPHONES.length, unit: 'ratio' });
    rows.push({ bench: 'search-zh', metric: `${name}: one word, mean`, value: us, unit: 'µs' });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const r of await benchSearchZh()) console.log(`${r.metric.padEnd(78)} ${r.value.toFixed(3).padStart(9)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
}
