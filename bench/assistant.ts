// Runs: node (bench; `npm run bench -- --only assistant`). The kiosk assistant: intent accuracy,
// out-of-scope recall and precision on the project's hand-written held-out test set
// (native-models/data/kiosk_intents/test.jsonl, never trained on), side by side with NLP.js
// trained on the same training set in the same run; answer latency inside the core (every test
// line through assistant.ask: redaction, model, slots, policy, answer, interaction write); and the
// memory the loaded assistant takes.
// Env: STOREMIND_KIOSK_HEAD (default the shipped head), STOREMIND_DATASETS (for the training set).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createAssistant } from '../electron/core/assistant/assistant.ts';
import { kioskTrainingSet, type TrainingLine } from '../electron/core/assistant/training-set.ts';
import { createCore } from '../electron/core/core.ts';
import { OOS_LABEL, parseJsonl, type IntentExample } from '../electron/core/models/dataset.ts';
import { intentMetrics, percentile, type IntentMetrics } from '../electron/core/models/metrics.ts';
import type { BenchRow } from './core.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const TEST = path.join(REPO, 'native-models/data/kiosk_intents/test.jsonl');
const say = (line: string) => console.log(`  [assistant] ${line}`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
}

async function nlpJs(train: readonly TrainingLine[], test: readonly IntentExample[]): Promise<{ m: IntentMetrics; train_s: number }> {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as { NlpManager: new (s: object) => NlpManagerLike };
  // NLP.js defaults: below its 0.5 threshold the intent is "None", read as out_of_scope.
  const manager = new NlpManager({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
  for (const r of train) manager.addDocument('en', r.text, r.intent);
  const t0 = performance.now();
  await manager.train();
  const train_s = (performance.now() - t0) / 1000;
  const pred: string[] = [];
  for (const r of test) {
    const out = await manager.process('en', r.text);
    pred.push(out.intent === 'None' ? OOS_LABEL : out.intent);
  }
  return { m: intentMetrics(test.map((r) => r.intent), pred), train_s };
}

function accuracyRows(who: string, m: IntentMetrics, targets: boolean): BenchRow[] {
  return [
    { bench: 'assistant', metric: `kiosk test ${who}: intent accuracy (oos as a class), n=${m.n}`, value: round(m.accuracy * 100), unit: '%', ...(targets ? { target: '≥ 92' } : {}) },
    { bench: 'assistant', metric: `kiosk test ${who}: in-scope accuracy`, value: round(m.in_scope_accuracy * 100), unit: '%' },
    { bench: 'assistant', metric: `kiosk test ${who}: out_of_scope recall`, value: round((m.oos_recall ?? 0) * 100), unit: '%', ...(targets ? { target: '≥ 85' } : {}) },
    { bench: 'assistant', metric: `kiosk test ${who}: out_of_scope precision`, value: round((m.oos_precision ?? 0) * 100), unit: '%', ...(targets ? { target: '≥ 85' } : {}) },
    { bench: 'assistant', metric: `kiosk test ${who}: macro F1`, value: round(m.macro_f1 * 100), unit: '%' },
  ];
}

export async function benchAssistant(): Promise<BenchRow[]> {
  const test = parseJsonl(readFileSync(TEST, 'utf8'), TEST);
  let train: TrainingLine[];
  let trainNote = 'kiosk training set';
  try {
    train = kioskTrainingSet();
  } catch (e) {
    train = kioskTrainingSet({ projectOnly: true });
    trainNote = `project lines only (${(e as Error).message})`;
  }
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storemind-bench-assistant-'));
  const core = createCore({ dataDir: dir, loadModels: false, encrypt: false, onSlowQuery: () => {} });
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const assistant = await createAssistant({ db: core.db });
    const loadMs = performance.now() - t0;
    if (!assistant.modelStatus.ready) throw new Error(`no kiosk model: ${assistant.modelStatus.error}`);
    say(`model ${assistant.modelVersion} loaded in ${Math.round(loadMs)} ms`);

    // Answer latency in the core: each test line as a new shopper's first question, measured
    // first so no test text is in the encoder's cache yet (warm-up uses other questions).
    for (const text of ['hello there', 'where is the bread', 'what time do you open', 'do you take cards', 'is my order ready']) await assistant.ask({ sessionId: 'bench-warm-up', text });
    const ms: number[] = [];
    let i = 0;
    for (const r of test) ms.push((await assistant.ask({ sessionId: `bench-${++i}`, text: r.text })).latencyMs);
    const rss1 = process.memoryUsage().rss;
    say(`answer latency p50 ${round(percentile(ms, 50))} ms, p95 ${round(percentile(ms, 95))} ms over ${ms.length} questions`);

    // Intent accuracy: the assistant's own classify path (redaction, tag stripping, the head).
    const pred: string[] = [];
    for (const r of test) pred.push((await assistant.classify(r.text))?.label ?? OOS_LABEL);
    const ours = intentMetrics(test.map((r) => r.intent), pred);
    say(`StoreMind: accuracy ${ours.accuracy}, oos recall ${ours.oos_recall}, oos precision ${ours.oos_precision}`);


    say(`training NLP.js on the same ${train.length} lines (${trainNote})`);
    const nlp = await nlpJs(train, test);
    say(`NLP.js: accuracy ${nlp.m.accuracy}, oos recall ${nlp.m.oos_recall}, oos precision ${nlp.m.oos_precision}, trained in ${round(nlp.train_s, 1)} s`);

    rows.push(...accuracyRows(`StoreMind (${assistant.modelVersion.split('+')[0]} + kiosk head)`, ours, true));
    rows.push(...accuracyRows('NLP.js NlpManager (same training set)', nlp.m, false));
    rows.push({ bench: 'assistant', metric: 'kiosk test: StoreMind accuracy minus NLP.js accuracy', value: round((ours.accuracy - nlp.m.accuracy) * 100), unit: 'points', target: '≥ 10' });
    rows.push({ bench: 'assistant', metric: `training set lines (${trainNote})`, value: train.length, unit: 'lines' });
    rows.push(
      { bench: 'assistant', metric: 'answer latency in core p50 (ask: model + slots + policy + answer + stored turn)', value: round(percentile(ms, 50)), unit: 'ms' },
      { bench: 'assistant', metric: 'answer latency in core p95', value: round(percentile(ms, 95)), unit: 'ms', target: '≤ 30' },
      { bench: 'assistant', metric: 'assistant load (head + encoder + search warm-up)', value: Math.round(loadMs), unit: 'ms' },
      { bench: 'assistant', metric: 'memory of the loaded assistant (RSS growth: load + 492 answers)', value: mb(rss1 - rss0), unit: 'MB', target: '≤ 150' },
    );
    await assistant.close();
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
