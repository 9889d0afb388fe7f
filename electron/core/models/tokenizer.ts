// Runs: node (core). BERT WordPiece tokenizer with Hugging Face `BertTokenizer` semantics:
// BertNormalizer -> BertPreTokenizer -> greedy longest-match WordPiece -> "[CLS] $A [SEP]".
// Reads tokenizer.json (HF tokenizers) or a plain vocab.txt. Pure functions over a vocab map;
// no I/O here (bundle.ts reads the files).
//
// Deliberate difference from HF: special-token strings typed by a customer ("[SEP]") are
// tokenised as ordinary text, never matched as special tokens, so kiosk input cannot inject
// control tokens into the encoder.
import { z } from 'zod';

export interface TokenizerConfig {
  vocab: Map<string, number>;
  lowercase: boolean;
  stripAccents: boolean;
  handleChineseChars: boolean;
  cleanText: boolean;
  unkToken: string;
  clsToken: string;
  sepToken: string;
  padToken: string;
  subwordPrefix: string;
  maxInputCharsPerWord: number;
}

export interface Tokenizer {
  readonly config: TokenizerConfig;
  readonly vocabSize: number;
  readonly ids: { cls: number; sep: number; pad: number; unk: number };
  /** Token ids including [CLS] and [SEP], truncated to maxLength (which counts both). */
  encode(text: string, maxLength?: number): number[];
  /** Word pieces of the text, without special tokens or truncation (for tests and debugging). */
  tokenize(text: string): string[];
}

export interface EncodedBatch {
  batch: number;
  sequence: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  /** Real token count of each row (before padding). */
  lengths: number[];
}

export const DEFAULT_MAX_LENGTH = 128;

const tokenizerJsonSchema = z.object({
  normalizer: z
    .object({
      // Other normalizers (Sequence, NFKC, ...) would be silently mis-applied: refuse them.
      type: z.literal('BertNormalizer'),
      clean_text: z.boolean().optional(),
      handle_chinese_chars: z.boolean().optional(),
      strip_accents: z.boolean().nullable().optional(),
      lowercase: z.boolean().optional(),
    })
    .passthrough()
    .nullable()
    .optional(),
  pre_tokenizer: z.object({ type: z.literal('BertPreTokenizer') }).passthrough().nullable().optional(),
  model: z
    .object({
      type: z.literal('WordPiece'),
      unk_token: z.string().default('[UNK]'),
      continuing_subword_prefix: z.string().default('##'),
      max_input_chars_per_word: z.number().int().positive().default(100),
      vocab: z.record(z.string(), z.number().int().nonnegative()),
    })
    .passthrough(),
});

function specialsFrom(vocab: Map<string, number>) {
  for (const t of ['[UNK]', '[CLS]', '[SEP]', '[PAD]']) {
    if (!vocab.has(t)) throw new Error(`tokenizer vocabulary has no ${t} token`);
  }
  return { unkToken: '[UNK]', clsToken: '[CLS]', sepToken: '[SEP]', padToken: '[PAD]' };
}

/** Tokenizer from the text of an HF tokenizer.json (WordPiece model only). */
export function tokenizerFromJson(jsonText: string): Tokenizer {
  const parsed = tokenizerJsonSchema.safeParse(JSON.parse(jsonText));
  if (!parsed.success) throw new Error(`tokenizer.json is not a BERT WordPiece tokenizer: ${z.prettifyError(parsed.error)}`);
  const { normalizer, model } = parsed.data;
  const vocab = new Map(Object.entries(model.vocab));
  const lowercase = normalizer?.lowercase ?? true;
  // HF rule: strip_accents null follows lowercase.
  const stripAccents = normalizer?.strip_accents ?? lowercase;
  return createTokenizer({
    vocab,
    lowercase,
    stripAccents,
    handleChineseChars: normalizer?.handle_chinese_chars ?? true,
    cleanText: normalizer?.clean_text ?? true,
    ...specialsFrom(vocab),
    unkToken: model.unk_token,
    subwordPrefix: model.continuing_subword_prefix,
    maxInputCharsPerWord: model.max_input_chars_per_word,
  });
}

/** Tokenizer from a vocab.txt (id = line number), as BertTokenizer(vocab_file) builds it. */
export function tokenizerFromVocabTxt(vocabText: string, opts: { lowercase?: boolean; stripAccents?: boolean } = {}): Tokenizer {
  const lines = vocabText.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const vocab = new Map<string, number>();
  lines.forEach((token, id) => {
    if (!vocab.has(token)) vocab.set(token, id);
  });
  const lowercase = opts.lowercase ?? true;
  return createTokenizer({
    vocab,
    lowercase,
    stripAccents: opts.stripAccents ?? lowercase,
    handleChineseChars: true,
    cleanText: true,
    ...specialsFrom(vocab),
    subwordPrefix: '##',
    maxInputCharsPerWord: 100,
  });
}

// ---- normalisation (BertNormalizer) ----

const CONTROL = /\p{C}/u;
const WHITESPACE_CHAR = /[ \t\n\r\p{Zs}]/u;
const COMBINING_MARK = /\p{Mn}/gu;
const PUNCT = /\p{P}/u;

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

function isPunctuation(ch: string, cp: number): boolean {
  // BERT treats all non-alphanumeric ASCII as punctuation ("$", "^", "`" are not \p{P}).
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) return true;
  return PUNCT.test(ch);
}

function normalize(text: string, c: TokenizerConfig): string {
  let out = '';
  // for..of walks code points; a lone surrogate comes through as its own "character"
  // (category Cs) and is dropped by clean_text like any other control character.
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (c.cleanText) {
      if (WHITESPACE_CHAR.test(ch)) {
        out += ' ';
        continue;
      }
      if (cp === 0 || cp === 0xfffd || CONTROL.test(ch)) continue;
    }
    if (c.handleChineseChars && isCjk(cp)) out += ` ${ch} `;
    else out += ch;
  }
  // HF's BasicTokenizer NFC-normalises before splitting so composed and decomposed input agree.
  return out.normalize('NFC');
}

function normalizeWord(word: string, c: TokenizerConfig): string {
  let w = c.lowercase ? word.toLowerCase() : word;
  if (c.stripAccents) w = w.normalize('NFD').replace(COMBINING_MARK, '');
  return w;
}

// ---- pre-tokenisation (BertPreTokenizer): whitespace, then every punctuation char alone ----

function* preTokenize(text: string, c: TokenizerConfig): Generator<string> {
  for (const raw of text.split(/\s+/u)) {
    if (!raw) continue;
    const word = normalizeWord(raw, c);
    let cur = '';
    for (const ch of word) {
      if (isPunctuation(ch, ch.codePointAt(0) ?? 0)) {
        if (cur) yield cur;
        yield ch;
        cur = '';
      } else cur += ch;
    }
    if (cur) yield cur;
  }
}

// ---- WordPiece ----

function wordPiece(word: string, c: TokenizerConfig, out: string[]): void {
  const chars = Array.from(word);
  if (chars.length > c.maxInputCharsPerWord) {
    out.push(c.unkToken);
    return;
  }
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    let found: string | undefined;
    while (start < end) {
      const sub = (start > 0 ? c.subwordPrefix : '') + chars.slice(start, end).join('');
      if (c.vocab.has(sub)) {
        found = sub;
        break;
      }
      end--;
    }
    if (found === undefined) {
      out.push(c.unkToken); // one unknown piece makes the whole word [UNK], as in HF
      return;
    }
    pieces.push(found);
    start = end;
  }
  out.push(...pieces);
}

export function createTokenizer(config: TokenizerConfig): Tokenizer {
  const id = (t: string): number => {
    const v = config.vocab.get(t);
    if (v === undefined) throw new Error(`tokenizer vocabulary has no ${t} token`);
    return v;
  };
  const ids = { cls: id(config.clsToken), sep: id(config.sepToken), pad: id(config.padToken), unk: id(config.unkToken) };
  const vocabSize = Math.max(...config.vocab.values()) + 1;

  // Stops once `limit` pieces exist: a 10,000-character paste costs no more than a sentence.
  function pieces(text: string, limit: number): string[] {
    const out: string[] = [];
    for (const word of preTokenize(normalize(text, config), config)) {
      if (out.length >= limit) break;
      wordPiece(word, config, out);
    }
    return out;
  }

  return {
    config,
    vocabSize,
    ids,
    tokenize: (text) => pieces(String(text ?? ''), Number.POSITIVE_INFINITY),
    encode(text, maxLength = DEFAULT_MAX_LENGTH) {
      if (maxLength < 2) throw new Error(`maxLength must be at least 2 (got ${maxLength})`);
      const body = pieces(String(text ?? ''), maxLength - 2).slice(0, maxLength - 2);
      return [ids.cls, ...body.map((p) => config.vocab.get(p) ?? ids.unk), ids.sep];
    },
  };
}

/** Pads a batch to its longest row; token_type_ids are all 0 (single-sentence inputs). */
export function encodeBatch(tokenizer: Tokenizer, texts: readonly string[], maxLength = DEFAULT_MAX_LENGTH): EncodedBatch {
  const rows = texts.map((t) => tokenizer.encode(t, maxLength));
  const sequence = Math.max(1, ...rows.map((r) => r.length));
  const batch = rows.length;
  const inputIds = new BigInt64Array(batch * sequence).fill(BigInt(tokenizer.ids.pad));
  const attentionMask = new BigInt64Array(batch * sequence);
  rows.forEach((row, b) => {
    row.forEach((tokenId, i) => {
      inputIds[b * sequence + i] = BigInt(tokenId);
      attentionMask[b * sequence + i] = 1n;
    });
  });
  return { batch, sequence, inputIds, attentionMask, tokenTypeIds: new BigInt64Array(batch * sequence), lengths: rows.map((r) => r.length) };
}
