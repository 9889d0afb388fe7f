// Runs: node (bench; `npm run bench -- --only models`). The on-device model runtime against the
// shipped bundle (load time, one-query latency, batch throughput, file sizes), then intent
// accuracy on CLINC150 and BANKING77 side by side with NLP.js trained on the same lines.
// Env: STOREMIND_DATASETS (default ../shared/datasets), STOREMIND_BENCH_BUNDLE (default the
// shipped native-models/bundles/storemind-bert-mini).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { loadBundle, type Variant } from '../electron/core/models/bundle.ts';
import { createIntentClassifier, trainIntentHead } from '../electron/core/models/classifier.ts';
import { chooseThreshold, type ScoredExample } from '../electron/core/models/calibration.ts';
import type { HeadFile } from '../electron/core/models/head-file.ts';
import { canonicalLabel, OOS_LABEL, stratifiedSplit, type IntentExample } from '../electron/core/models/dataset.ts';
import { loadEncoder, type Encoder } from '../electron/core/models/encoder.ts';
import { mulberry32, shuffleInPlace } from '../electron/core/models/rng.ts';
import { intentMetrics, percentile, type IntentMetrics } from '../electron/core/models/metrics.ts';
import type { BenchRow } from './core.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const DATASETS = process.env.STOREMIND_DATASETS ?? path.resolve(REPO, '../shared/datasets');
const BUNDLE = process.env.STOREMIND_BENCH_BUNDLE ?? path.join(REPO, 'native-models/bundles/storemind-bert-mini');
const say = (line: string) => console.log(`  [models] ${line}`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---- datasets ----

interface Task {
  name: string;
  train: IntentExample[];
  test: IntentExample[];
}

const pairs = z.array(z.tuple([z.string(), z.string()]));
const clincSchema = z.object({ train: pairs, val: pairs, oos_train: pairs, oos_val: pairs });

/** CLINC150 full: train + oos_train to train, val + oos_val to test (the test split is held back). */
function clinc(): Task {
  const file = path.join(DATASETS, 'clinc150_oos/data_full_train_val.json');
  const d = clincSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const rows = (ps: [string, string][]) => ps.map(([text, intent]) => ({ text, intent: canonicalLabel(intent) }));
  return { name: 'CLINC150', train: rows([...d.train, ...d.oos_train]), test: rows([...d.val, ...d.oos_val]) };
}

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/**
 * Python's `random.Random(seed).shuffle` (MT19937 + getrandbits rejection sampling), bit for bit.
 * The model factory (native-models/storemind_models/data.py) trains the encoder on a BANKING77
 * 80% split made this way with seed 77; the bench must hold out exactly the factory's 20%, or the
 * "test" lines would be ones the encoder was trained on.
 */
export function pythonShuffle<T>(xs: T[], seed: number): T[] {
  const N = 624;
  const mt = new Uint32Array(N);
  let mti = N;
  mt[0] = 19650218;
  for (let i = 1; i < N; i++) mt[i] = (Math.imul(1812433253, (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30)) + i) >>> 0;
  const key = [seed >>> 0];
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30);
    mt[i] = (((mt[i] as number) ^ Math.imul(prev, 1664525)) + (key[j] as number) + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1] as number;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30);
    mt[i] = (((mt[i] as number) ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1] as number;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  const next = (): number => {
    if (mti >= N) {
      for (let kk = 0; kk < N; kk++) {
        const y = ((mt[kk] as number) & 0x80000000) | ((mt[(kk + 1) % N] as number) & 0x7fffffff);
        mt[kk] = ((mt[(kk + 397) % N] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
      }
      mti = 0;
    }
    let y = mt[mti++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  const randbelow = (n: number): number => {
    const k = 32 - Math.clz32(n);
    let r = next() >>> (32 - k);
    while (r >= n) r = next() >>> (32 - k);
    return r;
  };
  for (let a = xs.length - 1; a > 0; a--) {
    const b = randbelow(a + 1);
    [xs[a], xs[b]] = [xs[b] as T, xs[a] as T];
  }
  return xs;
}

/** BANKING77 train.csv: the factory's 80/20 split (seed 77, by row index); the 20% is the test set. */
function banking(): Task {
  const [header, ...rows] = parseCsv(readFileSync(path.join(DATASETS, 'banking77/train.csv'), 'utf8'));
  if (header?.[0] !== 'text' || header?.[1] !== 'category') throw new Error(`banking77/train.csv: unexpected header ${header?.join(',')}`);
  const all = rows.map((r) => ({ text: r[0] as string, intent: r[1] as string }));
  const idx = pythonShuffle(all.map((_, i) => i), 77);
  const cut = Math.floor(all.length * 0.8);
  const pick = (ids: number[]) => ids.sort((a, b) => a - b).map((i) => all[i] as IntentExample);
  return { name: 'BANKING77', train: pick(idx.slice(0, cut)), test: pick(idx.slice(cut)) };
}

// ---- encoder micro-benchmarks ----

async function encoderRows(queries: string[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const bundle = await loadBundle(BUNDLE);
  for (const v of ['int8', 'fp32'] as Variant[]) {
    const file = bundle.variants[v];
    if (!file) continue;
    rows.push({ bench: 'models', metric: `${bundle.name} ${v} file size`, value: round(statSync(file).size / 2 ** 20), unit: 'MB' });
  }
  for (const v of ['int8', 'fp32'] as Variant[]) {
    if (!bundle.variants[v]) continue;
    const enc = await loadEncoder(BUNDLE, { overrides: { variant: v }, cacheSize: 0 });
    const t = enc.modelInfo.threads;
    rows.push({ bench: 'models', metric: `${v} load: verify bundle + create session + warm-up`, value: enc.modelInfo.load_ms, unit: 'ms' });
    const ms: number[] = [];
    for (const q of queries.slice(0, 300)) {
      const t0 = performance.now();
      await enc.embed([q]);
      ms.push(performance.now() - t0);
    }
    rows.push({ bench: 'models', metric: `${v} one query (tokenise + encode), p50, ${t} thread${t === 1 ? "" : "s"}`, value: round(percentile(ms, 50)), unit: 'ms' });
    rows.push({ bench: 'models', metric: `${v} one query (tokenise + encode), p95, ${t} thread${t === 1 ? "" : "s"}`, value: round(percentile(ms, 95)), unit: 'ms' });
    await enc.close();
    const one = await loadEncoder(BUNDLE, { overrides: { variant: v, threads: 1 }, cacheSize: 0 });
    const batches = Math.floor(Math.min(queries.length, 640) / 32);
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) await one.embed(queries.slice(b * 32, b * 32 + 32));
    const qps = (batches * 32) / ((performance.now() - t0) / 1000);
    rows.push({ bench: 'models', metric: `${v} batch of 32 queries, 1 thread`, value: round(qps, 0), unit: 'queries/s' });
    await one.close();
    say(`${v}: load ${rows.at(-4)?.value} ms, p50 ${rows.at(-3)?.value} ms, ${round(qps, 0)} q/s at batch 32 on 1 thread`);
  }
  return rows;
}

// ---- runtime choice: onnxruntime-node directly vs Transformers.js on the same bundle ----

/**
 * Issue #3 left the runtime to measurement: our own tokenizer + onnxruntime-node session, or
 * Transformers.js (which wraps the same onnxruntime-node) reading the bundle offline. Both on one
 * thread, same queries, same bundle; the agreement row is the largest embedding difference.
 */
async function runtimeComparisonRows(queries: string[]): Promise<BenchRow[]> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(BUNDLE);
  const rows: BenchRow[] = [];
  const sample = queries.slice(0, 300);
  const batches = Math.floor(Math.min(queries.length, 640) / 32);
  for (const [v, dtype] of [['int8', 'q8'], ['fp32', 'fp32']] as const) {
    const runtimes: Array<{ who: string; load_ms: number; embed: (t: string[]) => Promise<Float32Array[]>; close: () => Promise<void> }> = [];
    let t0 = performance.now();
    const ours = await loadEncoder(BUNDLE, { overrides: { variant: v, threads: 1 }, cacheSize: 0 });
    runtimes.push({ who: 'onnxruntime-node + our tokenizer', load_ms: performance.now() - t0, embed: (t) => ours.embed(t), close: () => ours.close() });
    t0 = performance.now();
    const fe = await pipeline('feature-extraction', path.basename(BUNDLE), { dtype, device: 'cpu', session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 } });
    await fe('warm up', { pooling: 'mean', normalize: true });
    runtimes.push({
      who: 'Transformers.js 4.3.2',
      load_ms: performance.now() - t0,
      embed: async (t) => {
        const out = await fe(t, { pooling: 'mean', normalize: true });
        const dim = out.dims[1] as number;
        const data = out.data as Float32Array;
        return t.map((_, i) => data.slice(i * dim, (i + 1) * dim));
      },
      close: () => fe.dispose(),
    });
    const embeddings: Float32Array[][] = [];
    for (const r of runtimes) {
      const ms: number[] = [];
      for (const q of sample) {
        const s = performance.now();
        await r.embed([q]);
        ms.push(performance.now() - s);
      }
      const s = performance.now();
      for (let b = 0; b < batches; b++) await r.embed(queries.slice(b * 32, b * 32 + 32));
      const qps = (batches * 32) / ((performance.now() - s) / 1000);
      embeddings.push(await r.embed(sample.slice(0, 100)));
      rows.push(
        { bench: 'runtime', metric: `${v} ${r.who}: load (session + warm-up)`, value: round(r.load_ms, 0), unit: 'ms' },
        { bench: 'runtime', metric: `${v} ${r.who}: one query p50, 1 thread`, value: round(percentile(ms, 50)), unit: 'ms' },
        { bench: 'runtime', metric: `${v} ${r.who}: one query p95, 1 thread`, value: round(percentile(ms, 95)), unit: 'ms' },
        { bench: 'runtime', metric: `${v} ${r.who}: batch of 32, 1 thread`, value: round(qps, 0), unit: 'queries/s' },
      );
      say(`${v} ${r.who}: load ${round(r.load_ms, 0)} ms, p50 ${round(percentile(ms, 50))} ms, ${round(qps, 0)} q/s at batch 32`);
      await r.close();
    }
    const [a, b] = embeddings as [Float32Array[], Float32Array[]];
    let diff = 0;
    a.forEach((row, i) => row.forEach((x, d) => (diff = Math.max(diff, Math.abs(x - ((b[i] as Float32Array)[d] as number))))));
    rows.push({ bench: 'runtime', metric: `${v} largest embedding difference between the two (100 queries)`, value: diff, unit: '' });
  }
  return rows;
}

// ---- intent accuracy: ours vs NLP.js ----

interface IntentRun {
  metrics: IntentMetrics;
  train_s: number;
  p50_ms: number;
  p95_ms: number;
}

async function runOurs(task: Task, encoder: Encoder, opts: { calibrateOn?: Task['test']; testOn?: Task['test']; maxLoss?: number } = {}): Promise<IntentRun> {
  const t0 = performance.now();
  const { train, val } = stratifiedSplit(task.train, 0.1, 13);
  const { head } = await trainIntentHead({ train, val, encoder, name: task.name.toLowerCase(), log: () => {} });
  const train_s = (performance.now() - t0) / 1000;
  if (opts.calibrateOn) head.threshold = await thresholdOn(head, encoder, opts.calibrateOn, opts.maxLoss ?? 0.02);
  const clf = createIntentClassifier(head, encoder);
  const test = opts.testOn ?? task.test;
  const pred: string[] = [];
  const ms: number[] = [];
  for (const r of test) {
    const t = performance.now();
    const [p] = await clf.classify([r.text]);
    ms.push(performance.now() - t);
    pred.push(p?.label ?? OOS_LABEL);
  }
  return { metrics: intentMetrics(test.map((r) => r.intent), pred), train_s, p50_ms: percentile(ms, 50), p95_ms: percentile(ms, 95) };
}

/**
 * The out-of-scope threshold chosen on held-out lines (same rule as training: at most 2 points of
 * in-scope accuracy lost). CLINC150's own train lines were seen by the encoder, so a split of
 * them is too easy to calibrate on; half of its val split is the honest calibration set, and the
 * other half is what we report on.
 */
async function thresholdOn(head: HeadFile, encoder: Encoder, lines: Task['test'], maxLoss: number): Promise<number> {
  const open = createIntentClassifier({ ...head, threshold: 0 }, encoder);
  const oosClass = head.labels.indexOf(head.oos_label);
  const scored: ScoredExample[] = [];
  for (const r of lines) {
    const [p] = await open.classify([r.text], { topK: 1 });
    const top = p?.topK[0];
    const gold = head.labels.indexOf(canonicalLabel(r.intent));
    scored.push({ pred: head.labels.indexOf(top?.label ?? head.oos_label), confidence: top?.p ?? 0, gold, oos: canonicalLabel(r.intent) === OOS_LABEL });
  }
  return chooseThreshold(scored, oosClass >= 0 ? oosClass : null, maxLoss).threshold;
}

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
}

async function runNlpJs(task: Task): Promise<IntentRun> {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as { NlpManager: new (s: object) => NlpManagerLike };
  // Its defaults: threshold 0.5 (below it the intent is "None", which we read as out_of_scope).
  const manager = new NlpManager({ languages: ['en'], autoSave: false, nlu: { log: false } });
  for (const r of task.train) manager.addDocument('en', r.text, r.intent);
  const t0 = performance.now();
  await manager.train();
  const train_s = (performance.now() - t0) / 1000;
  const pred: string[] = [];
  const ms: number[] = [];
  for (const r of task.test) {
    const t = performance.now();
    const out = await manager.process('en', r.text);
    ms.push(performance.now() - t);
    pred.push(out.intent === 'None' ? OOS_LABEL : canonicalLabel(out.intent));
  }
  return { metrics: intentMetrics(task.test.map((r) => r.intent), pred), train_s, p50_ms: percentile(ms, 50), p95_ms: percentile(ms, 95) };
}

function intentRows(task: Task, who: string, r: IntentRun): BenchRow[] {
  const m = r.metrics;
  const rows: BenchRow[] = [
    { bench: 'intents', metric: `${task.name} ${who}: accuracy (oos as a class), n=${m.n}`, value: round(m.accuracy * 100), unit: '%' },
    { bench: 'intents', metric: `${task.name} ${who}: in-scope accuracy`, value: round(m.in_scope_accuracy * 100), unit: '%' },
  ];
  if (m.oos_recall !== null) rows.push({ bench: 'intents', metric: `${task.name} ${who}: oos recall`, value: round(m.oos_recall * 100), unit: '%' });
  rows.push(
    { bench: 'intents', metric: `${task.name} ${who}: macro F1`, value: round(m.macro_f1 * 100), unit: '%' },
    { bench: 'intents', metric: `${task.name} ${who}: training time (${task.train.length} lines)`, value: round(r.train_s, 1), unit: 's' },
    { bench: 'intents', metric: `${task.name} ${who}: one query p50`, value: round(r.p50_ms), unit: 'ms' },
    { bench: 'intents', metric: `${task.name} ${who}: one query p95`, value: round(r.p95_ms), unit: 'ms' },
  );
  return rows;
}

export async function benchModels(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const haveBundle = existsSync(path.join(BUNDLE, 'manifest.json'));
  const haveData = existsSync(path.join(DATASETS, 'clinc150_oos')) && existsSync(path.join(DATASETS, 'banking77'));
  if (!haveData) say(`datasets not found at ${DATASETS} (set STOREMIND_DATASETS): intent accuracy rows skipped`);
  // Both datasets list their lines grouped by intent. NLP.js trains in the order given and loses
  // ~20 points on BANKING77 when fed class by class, so both systems get the same seeded shuffle.
  const tasks = (haveData ? [clinc(), banking()] : []).map((t) => ({ ...t, train: shuffleInPlace([...t.train], mulberry32(13)) }));
  const queries = tasks[0]?.test.map((r) => r.text) ?? Array.from({ length: 640 }, (_, i) => `where are the aa batteries ${i}`);

  if (haveBundle) rows.push(...(await encoderRows(queries)), ...(await runtimeComparisonRows(queries)));
  else say(`no bundle at ${BUNDLE} (npm run models:build, or set STOREMIND_BENCH_BUNDLE): encoder rows skipped`);

  for (const task of tasks) {
    if (haveBundle) {
      const enc = await loadEncoder(BUNDLE, { cacheSize: 0 });
      say(`${task.name}: training our head on ${task.train.length} lines (${enc.modelInfo.name} ${enc.modelInfo.variant})`);
      const ours = await runOurs(task, enc);
      const extra: BenchRow[] = [];
      if (task.name === 'CLINC150') {
        // Threshold calibrated on one half of val (stratified, seed 13), reported on the other half.
        const { train: calib, val: report } = stratifiedSplit(task.test, 0.5, 13);
        // Two operating points: the default budget (≤ 2 points of in-scope accuracy for the
        // threshold) and a cautious one (≤ 0.5 point).
        for (const maxLoss of [0.02, 0.005]) {
          const halves = await runOurs(task, enc, { calibrateOn: calib, testOn: report, maxLoss });
          const name = `CLINC150 (threshold ≤${maxLoss * 100} pt loss, set on val half A, reported on half B)`;
          extra.push(...intentRows({ ...task, name }, 'StoreMind', halves).filter((r) => !/training time|p50|p95/.test(r.metric)));
        }
      }
      await enc.close();
      say(`${task.name}: ours accuracy ${ours.metrics.accuracy}, trained in ${round(ours.train_s, 1)} s`);
      rows.push(...intentRows(task, `StoreMind (${enc.modelInfo.name} ${enc.modelInfo.variant} + lexical head)`, ours), ...extra);
    }
    say(`${task.name}: training NLP.js NlpManager on the same lines`);
    const nlp = await runNlpJs(task);
    say(`${task.name}: NLP.js accuracy ${nlp.metrics.accuracy}, trained in ${round(nlp.train_s, 1)} s`);
    rows.push(...intentRows(task, 'NLP.js NlpManager', nlp));
  }
  return rows;
}
