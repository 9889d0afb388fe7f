// Runs: node (vitest). WordPiece tokenizer against Hugging Face BertTokenizer behaviour.
import { describe, expect, it } from 'vitest';
import { encodeBatch, tokenizerFromJson, tokenizerFromVocabTxt } from '../../../electron/core/models/tokenizer.ts';

const VOCAB = [
  '[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]',
  'hello', 'world', 'cafe', 'creme', 'un', '##aff', '##able', 'milk', 'bread', 'price', 'a', 'b', 'c',
  '##a', '##b', '##c', ',', '!', '.', '?', '$', '5', '中', '文', 'store', "'", 's', 'don', 't', 'uber',
];
const tok = tokenizerFromVocabTxt(VOCAB.join('\n') + '\n');
const id = (t: string) => VOCAB.indexOf(t);

describe('BERT normalisation and pre-tokenisation', () => {
  it('lowercases and strips accents (composed and decomposed)', () => {
    expect(tok.tokenize('Héllo, Wörld!')).toEqual(['hello', ',', 'world', '!']);
    expect(tok.tokenize('Cafe\u0301 CRÈME')).toEqual(['cafe', 'creme']);
    expect(tok.tokenize('Über')).toEqual(['uber']);
  });

  it('puts spaces around CJK characters', () => {
    expect(tok.tokenize('中文store')).toEqual(['中', '文', 'store']);
  });

  it('splits every punctuation character, including ASCII symbols outside \\p{P}', () => {
    expect(tok.tokenize("$5 don't")).toEqual(['$', '5', 'don', "'", 't']);
    expect(tok.tokenize('a...b')).toEqual(['a', '.', '.', '.', 'b']);
  });

  it('removes control characters and treats tabs/newlines as spaces', () => {
    expect(tok.tokenize('milk\u0000\u0007bread\tprice\r\nmilk\u200d')).toEqual(['[UNK]', 'price', 'milk']); // "milkbread" is one unknown word
    expect(tok.tokenize('milk\u0007 bread')).toEqual(['milk', 'bread']);
  });
});

describe('WordPiece', () => {
  it('greedy longest match with ## continuation pieces', () => {
    expect(tok.tokenize('unaffable')).toEqual(['un', '##aff', '##able']);
    expect(tok.tokenize('abc')).toEqual(['a', '##b', '##c']);
  });

  it('makes the whole word [UNK] when any piece is unknown', () => {
    expect(tok.tokenize('unaffablez milk')).toEqual(['[UNK]', 'milk']);
  });

  it('maps words longer than 100 characters to [UNK]', () => {
    expect(tok.tokenize('a'.repeat(100))).toHaveLength(100);
    expect(tok.tokenize('a'.repeat(101))).toEqual(['[UNK]']);
  });

  it('maps emoji to [UNK] without splitting surrogate pairs', () => {
    expect(tok.tokenize('milk 🥛!')).toEqual(['milk', '[UNK]', '!']);
  });
});

describe('encode', () => {
  it('wraps in [CLS] ... [SEP]', () => {
    expect(tok.encode('hello world')).toEqual([id('[CLS]'), id('hello'), id('world'), id('[SEP]')]);
  });

  it('handles empty, whitespace-only and non-string-ish input', () => {
    expect(tok.encode('')).toEqual([2, 3]);
    expect(tok.encode(' \t\n ')).toEqual([2, 3]);
  });

  it('truncates to maxLength counting the special tokens', () => {
    const ids = tok.encode('milk bread price milk bread price', 5);
    expect(ids).toEqual([2, id('milk'), id('bread'), id('price'), 3]);
  });

  it('truncates a 10,000-character text to 128 tokens', () => {
    const text = 'milk bread, '.repeat(834).slice(0, 10_000);
    const ids = tok.encode(text);
    expect(ids).toHaveLength(128);
    expect(ids.slice(1, 4)).toEqual([id('milk'), id('bread'), id(',')]);
    expect(ids[0]).toBe(2);
    expect(ids[127]).toBe(3);
  });

  it('drops lone surrogates instead of throwing', () => {
    expect(tok.tokenize('\uD800milk')).toEqual(['milk']);
    expect(tok.tokenize('mi\uDC00lk bread\uD83D')).toEqual(['milk', 'bread']);
  });

  it('gives the same ids from tokenizer.json', () => {
    const json = tokenizerFromJson(
      JSON.stringify({
        normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
        pre_tokenizer: { type: 'BertPreTokenizer' },
        model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(VOCAB.map((t, i) => [t, i])) },
      }),
    );
    for (const s of ['Héllo, Wörld!', 'unaffable 中文', "$5 don't 🥛", '']) expect(json.encode(s)).toEqual(tok.encode(s));
  });

  it('refuses a tokenizer.json that is not WordPiece', () => {
    expect(() => tokenizerFromJson(JSON.stringify({ model: { type: 'BPE', vocab: {} } }))).toThrow(/not a BERT WordPiece tokenizer/);
  });
});

describe('encodeBatch', () => {
  it('pads to the longest row with attention mask and zero token types', () => {
    const b = encodeBatch(tok, ['hello', 'hello world milk'], 128);
    expect(b.batch).toBe(2);
    expect(b.sequence).toBe(5);
    expect(Array.from(b.inputIds, Number)).toEqual([2, 5, 3, 0, 0, 2, 5, 6, 12, 3]);
    expect(Array.from(b.attentionMask, Number)).toEqual([1, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
    expect(Array.from(b.tokenTypeIds, Number)).toEqual(new Array(10).fill(0));
    expect(b.lengths).toEqual([3, 5]);
  });
});

describe('tokenizer.json support', () => {
  it('refuses normalizers and pre-tokenizers it does not implement', () => {
    const vocab = Object.fromEntries(VOCAB.map((t, i) => [t, i]));
    const model = { type: 'WordPiece', vocab };
    expect(() => tokenizerFromJson(JSON.stringify({ normalizer: { type: 'Sequence', normalizers: [] }, model }))).toThrow(/not a BERT WordPiece tokenizer/);
    expect(() => tokenizerFromJson(JSON.stringify({ pre_tokenizer: { type: 'Metaspace' }, model }))).toThrow(/not a BERT WordPiece tokenizer/);
  });

  it('keeps case and accents for a cased model (lowercase false, strip_accents null)', () => {
    const vocab = Object.fromEntries(['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'Café', 'cafe'].map((t, i) => [t, i]));
    const cased = tokenizerFromJson(JSON.stringify({ normalizer: { type: 'BertNormalizer', lowercase: false, strip_accents: null }, model: { type: 'WordPiece', vocab } }));
    expect(cased.tokenize('Café')).toEqual(['Café']);
  });
});
