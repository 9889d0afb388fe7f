// Runs: node (CLI). The kiosk assistant from the command line: `storemind ask` (one question, or a
// JSONL batch) against the store in --data-dir, and `storemind intent` (print the kiosk training
// set, train a head, evaluate a head) over the on-device model runtime.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../core/core.ts';
import { CoreError } from '../core/db/errors.ts';
import { getAssistant } from '../core/assistant/service.ts';
import type { AskResult } from '../core/assistant/assistant.ts';
import { kioskTrainingSet, toJsonl } from '../core/assistant/training-set.ts';
import { intentEval, intentTrain } from '../core/models/index.ts';
import { appRoot } from '../core/paths.ts';
import { intOption, parse } from './args.ts';
import type { Command } from './registry.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

function batchLine(r: AskResult): Record<string, unknown> {
  return {
    intent: r.intent,
    confidence: r.confidence,
    answer: r.answer,
    handoff: r.handoff,
    kind: r.kind,
    answer_id: r.answerId,
    products: r.products.map((p) => ({ id: p.id, name: p.name, aisle: p.aisle, bay: p.bay, shelf: p.shelf, price_cents: p.promo_price_cents ?? p.price_cents, stock: p.stock })),
    ticket_id: r.ticketId,
    latency_ms: r.latencyMs,
    model_version: r.modelVersion,
  };
}

function readBatch(file: string): Array<{ text: string; session: string | null } | { error: string }> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CoreError('BAD_INPUT', `Cannot read ${file}.`);
  }
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      try {
        const v = JSON.parse(line) as { text?: unknown; session?: unknown };
        if (typeof v.text !== 'string') return { error: `line ${i + 1}: "text" must be a string` };
        const session = typeof v.session === 'string' && /^[A-Za-z0-9_-]{1,80}$/.test(v.session) ? v.session : null;
        return { text: v.text, session };
      } catch {
        return { error: `line ${i + 1}: not valid JSON` };
      }
    });
}

export const ask: Command = {
  name: 'ask',
  summary: 'Ask the kiosk assistant: ask [--json] "text" | ask --batch in.jsonl --json',
  usage: 'ask [--json] "where is the almond milk"   or   ask --batch questions.jsonl --json   (lines {"text": "...", "session"?: "id"})',
  async run(argv, g) {
    const { values, positionals } = parse(argv, { batch: { type: 'string' } });
    if (!values.batch && positionals.length === 0) throw new CoreError('BAD_INPUT', 'Give a question: storemind ask "where is the almond milk", or --batch FILE.');
    if (values.batch && positionals.length > 0) throw new CoreError('BAD_INPUT', 'Give either a question or --batch FILE, not both.');
    const items = values.batch ? readBatch(values.batch) : [{ text: positionals.join(' '), session: null }];
    const core = createCore({ dataDir: g.dataDir });
    try {
      await core.ready;
      const assistant = await getAssistant(core.services);
      if (!assistant.modelStatus.ready) console.error(`storemind: warning: ${assistant.modelStatus.error ?? 'intent model not loaded'}`);
      const run = crypto.randomUUID().slice(0, 8);
      let n = 0;
      let rejected = 0;
      for (const item of items) {
        n++;
        if ('error' in item) {
          rejected++;
          out(JSON.stringify({ text: null, error: item.error }));
          continue;
        }
        // Each batch line is its own conversation unless the line names one (multi-turn tests).
        const sessionId = `cli-${run}-${item.session ?? String(n)}`;
        const r = await assistant.ask({ sessionId, text: item.text.slice(0, 20_000) });
        if (g.json || values.batch) out(JSON.stringify({ text: item.text, ...batchLine(r) }));
        else {
          out(`${r.answer}`);
          // A Chinese question reads the Chinese name first, the shelf label's English after it.
          const zh = /\p{Script=Han}/u.test(item.text);
          for (const p of r.products) out(`  • ${zh && p.name_zh ? `${p.name_zh} (${p.name})` : p.name} — aisle ${p.aisle || '?'}, bay ${p.bay || '?'}, shelf ${p.shelf || '?'}`);
          out(`  [${r.intent} ${(r.confidence * 100).toFixed(0)}%${r.handoff ? ', staff called' : ''}, ${r.latencyMs} ms]`);
        }
      }
      await assistant.close();
      // A batch with refused lines is not a success: scripts and CI must see it.
      if (rejected) {
        console.error(`storemind: ${rejected} of ${items.length} lines rejected (see their "error").`);
        return 1;
      }
      return 0;
    } finally {
      core.close();
    }
  },
};

const DEFAULT_ENCODER = () => path.join(appRoot(), 'native-models', 'bundles', 'storemind-bert-mini');

function lossOption(v: string): 'softmax' | 'hinge' {
  if (v !== 'softmax' && v !== 'hinge') throw new CoreError('BAD_INPUT', `--loss must be softmax or hinge, not "${v}".`);
  return v;
}

export const intent: Command = {
  name: 'intent',
  summary: 'Intent models: intent trainset kiosk | intent train --data F [--val F] --out DIR | intent eval --model DIR --data F',
  usage:
    'intent trainset kiosk [--project-only]\n' +
    '       storemind intent train --data train.jsonl [--val val.jsonl[,more.jsonl]] --out DIR [--encoder BUNDLE] [--name NAME] [--seed N]\n' +
    '         [--embedding-scale X] [--max-threshold-loss X] [--buckets N] [--char-min N] [--idf] [--loss softmax|hinge] [--json]\n' +
    '       storemind intent eval --model DIR|head.json --data test.jsonl [--encoder BUNDLE] [--json]',
  async run(argv, g) {
    const [sub, ...rest] = argv;
    if (sub === 'trainset') {
      const { values, positionals } = parse(rest, { 'project-only': { type: 'boolean' } });
      if (positionals[0] !== 'kiosk' || positionals.length !== 1) throw new CoreError('BAD_INPUT', 'Usage: storemind intent trainset kiosk [--project-only]');
      process.stdout.write(toJsonl(kioskTrainingSet({ projectOnly: values['project-only'] === true })));
      return 0;
    }
    if (sub === 'train') {
      const { values } = parse(
        rest,
        { data: { type: 'string' }, val: { type: 'string' }, out: { type: 'string' }, encoder: { type: 'string' }, name: { type: 'string' }, seed: { type: 'string' }, 'embedding-scale': { type: 'string' }, 'max-threshold-loss': { type: 'string' }, buckets: { type: 'string' }, 'char-min': { type: 'string' }, idf: { type: 'boolean' }, loss: { type: 'string' } },
        false,
      );
      if (!values.data || !values.out) throw new CoreError('BAD_INPUT', 'Usage: storemind intent train --data F [--val F] --out DIR');
      for (const f of [values.data, ...(values.val ?? '').split(',')]) if (f && !fs.existsSync(f)) throw new CoreError('BAD_INPUT', `${f} does not exist.`);
      const log = g.json ? (l: string) => process.stderr.write(`${l}\n`) : out;
      const r = await intentTrain({
        data: values.data,
        ...(values.val ? { val: values.val } : {}),
        out: values.out,
        encoderDir: values.encoder ?? DEFAULT_ENCODER(),
        ...(values.name ? { name: values.name } : {}),
        ...(values.seed ? { seed: intOption(values.seed, 'seed', 0, 2 ** 31 - 1) } : {}),
        ...(values['embedding-scale'] !== undefined ? { embeddingScale: numberOption(values['embedding-scale'], 'embedding-scale', 0.01, 100) } : {}),
        ...(values.buckets !== undefined ? { buckets: numberOption(values.buckets, 'buckets', 256, 1 << 20) } : {}),
        ...(values['max-threshold-loss'] !== undefined ? { maxThresholdLoss: numberOption(values['max-threshold-loss'], 'max-threshold-loss', 0, 1) } : {}),
        ...(values['char-min'] !== undefined ? { charNgramMin: intOption(values['char-min'], 'char-min', 1, 5) } : {}),
        ...(values.idf ? { idf: true } : {}),
        ...(values.loss !== undefined ? { loss: lossOption(values.loss) } : {}),
        log,
      }).catch((e: Error) => {
        throw isUsageError(e) ? new CoreError('BAD_INPUT', e.message) : e;
      });
      if (g.json) out(JSON.stringify(r));
      return 0;
    }
    if (sub === 'eval') {
      const { values } = parse(rest, { model: { type: 'string' }, data: { type: 'string' }, encoder: { type: 'string' } }, false);
      if (!values.model || !values.data) throw new CoreError('BAD_INPUT', 'Usage: storemind intent eval --model DIR --data F [--json]');
      if (!fs.existsSync(values.data)) throw new CoreError('BAD_INPUT', `${values.data} does not exist.`);
      const log = g.json ? (l: string) => process.stderr.write(`${l}\n`) : out;
      const r = await intentEval({ model: values.model, data: values.data, ...(values.encoder ? { encoderDir: values.encoder } : {}), log }).catch((e: Error) => {
        throw isUsageError(e) ? new CoreError('BAD_INPUT', e.message) : e;
      });
      if (g.json) out(JSON.stringify(r));
      return 0;
    }
    throw new CoreError('BAD_INPUT', 'Usage: storemind intent trainset kiosk | intent train --data F --out DIR | intent eval --model DIR --data F');
  },
};

/** Bad files and folders are the caller's mistake: exit 2 with the runtime's message. */
function isUsageError(e: Error): boolean {
  return e.name === 'DatasetError' || e.name === 'BundleError' || /does not exist|no head\.json|not valid|ENOENT/.test(e.message);
}

/** A number flag within [min, max], else a usage error (exit 2). */
function numberOption(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n < min || n > max) throw new CoreError('BAD_INPUT', `--${name} must be a number from ${min} to ${max}.`);
  return n;
}
