"""BERT normaliser, pre-tokeniser, WordPiece trainer/encoder and HF tokenizer file writers.

Behaviour follows Hugging Face `tokenizers` BertNormalizer(clean_text=True,
handle_chinese_chars=True, strip_accents=None, lowercase=True) + BertPreTokenizer +
WordPiece(unk "[UNK]", "##", max_input_chars_per_word=100), so the TypeScript runtime (or
Transformers.js) reading tokenizer.json produces the same ids.
"""
import collections
import heapq
import json
import os
import unicodedata

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(5)
PREFIX = "##"
MAX_CHARS_PER_WORD = 100


def _is_whitespace(ch):
    if ch in (" ", "\t", "\n", "\r"):
        return True
    return unicodedata.category(ch) == "Zs"


def _is_control(ch):
    if ch in ("\t", "\n", "\r"):
        return False
    return unicodedata.category(ch).startswith("C")


def _is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_chinese_char(cp):
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def normalize(text):
    """BertNormalizer: clean text, pad CJK chars with spaces, NFD + drop Mn, lowercase."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if _is_whitespace(ch):
            out.append(" ")
        elif _is_chinese_char(cp):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    text = "".join(out)
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.lower()


def pre_tokenize(text):
    """BertPreTokenizer: split on whitespace, isolate every punctuation char."""
    words = []
    for chunk in text.split():
        cur = []
        for ch in chunk:
            if _is_punctuation(ch):
                if cur:
                    words.append("".join(cur))
                    cur = []
                words.append(ch)
            else:
                cur.append(ch)
        if cur:
            words.append("".join(cur))
    return words


def basic_tokenize(text):
    return pre_tokenize(normalize(text))


def train_wordpiece(texts, vocab_size, min_frequency=2, limit_alphabet=1000):
    """Learn a WordPiece vocabulary with BPE-style merges (what HF's WordPieceTrainer does).

    Returns the list of tokens; ids are list positions, special tokens first.
    """
    word_counts = collections.Counter()
    for t in texts:
        word_counts.update(basic_tokenize(t))
    char_counts = collections.Counter()
    for w, c in word_counts.items():
        for ch in w:
            char_counts[ch] += c
    alphabet = [ch for ch, _ in sorted(char_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit_alphabet]]
    alpha_set = set(alphabet)
    vocab = list(SPECIAL_TOKENS)
    seen = set(vocab)
    for ch in sorted(alphabet):
        if ch not in seen:
            vocab.append(ch)
            seen.add(ch)
    for ch in sorted(alphabet):
        t = PREFIX + ch
        if t not in seen:
            vocab.append(t)
            seen.add(t)

    words = []  # list of [symbols], counts
    counts = []
    for w, c in sorted(word_counts.items()):
        if len(w) > MAX_CHARS_PER_WORD or any(ch not in alpha_set for ch in w):
            continue
        words.append([w[0]] + [PREFIX + ch for ch in w[1:]])
        counts.append(c)

    pair_counts = collections.defaultdict(int)
    pair_where = collections.defaultdict(set)
    for i, syms in enumerate(words):
        for a, b in zip(syms, syms[1:]):
            pair_counts[(a, b)] += counts[i]
            pair_where[(a, b)].add(i)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)

    def merged_name(a, b):
        return a + (b[len(PREFIX):] if b.startswith(PREFIX) else b)

    while len(vocab) < vocab_size and heap:
        negc, pair = heapq.heappop(heap)
        cur = pair_counts.get(pair, 0)
        if cur != -negc:
            if cur > 0:
                heapq.heappush(heap, (-cur, pair))
            continue
        if cur < min_frequency:
            break
        a, b = pair
        new = merged_name(a, b)
        if new not in seen:
            vocab.append(new)
            seen.add(new)
        changed = collections.defaultdict(int)
        for i in list(pair_where.pop(pair, ())):
            syms = words[i]
            c = counts[i]
            j = 0
            out = []
            while j < len(syms):
                if j + 1 < len(syms) and syms[j] == a and syms[j + 1] == b:
                    out.append(new)
                    j += 2
                else:
                    out.append(syms[j])
                    j += 1
            if out == syms:
                continue
            for x, y in zip(syms, syms[1:]):
                changed[(x, y)] -= c
            for x, y in zip(out, out[1:]):
                changed[(x, y)] += c
                pair_where[(x, y)].add(i)
            words[i] = out
        pair_counts.pop(pair, None)
        for p, d in changed.items():
            if p == pair or d == 0:
                continue
            v = pair_counts.get(p, 0) + d
            if v <= 0:
                pair_counts.pop(p, None)
            else:
                pair_counts[p] = v
                if d > 0:
                    heapq.heappush(heap, (-v, p))
                else:
                    heapq.heappush(heap, (-v, p))
    return vocab


class WordPieceTokenizer:
    def __init__(self, vocab, max_length=128):
        self.vocab = list(vocab)
        self.token_to_id = {t: i for i, t in enumerate(self.vocab)}
        self.max_length = max_length
        self._cache = {}
        for i, t in enumerate(SPECIAL_TOKENS):
            assert self.vocab[i] == t, "special tokens must come first"

    @classmethod
    def from_vocab_file(cls, path, max_length=128):
        with open(path, encoding="utf-8") as f:
            vocab = [line.rstrip("\n") for line in f]
        return cls(vocab, max_length)

    def __len__(self):
        return len(self.vocab)

    def word_to_ids(self, word):
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if len(word) > MAX_CHARS_PER_WORD:
            ids = [UNK]
        else:
            ids = []
            start = 0
            n = len(word)
            while start < n:
                end = n
                found = None
                while start < end:
                    piece = word[start:end]
                    if start > 0:
                        piece = PREFIX + piece
                    tid = self.token_to_id.get(piece)
                    if tid is not None:
                        found = tid
                        break
                    end -= 1
                if found is None:
                    ids = [UNK]
                    break
                ids.append(found)
                start = end
        if len(self._cache) < 500000:
            self._cache[word] = ids
        return ids

    def encode_plain(self, text):
        """Token ids without [CLS]/[SEP] and without truncation."""
        ids = []
        for w in basic_tokenize(text):
            ids.extend(self.word_to_ids(w))
        return ids

    def encode(self, text, max_length=None):
        """[CLS] ids [SEP], truncated to max_length (default: model max)."""
        m = max_length or self.max_length
        ids = self.encode_plain(text)[: m - 2]
        return [CLS] + ids + [SEP]

    def tokens(self, text):
        return [self.vocab[i] for i in self.encode(text)]

    def decode(self, ids):
        out = []
        for i in ids:
            t = self.vocab[i]
            if t in SPECIAL_TOKENS:
                continue
            if t.startswith(PREFIX) and out:
                out[-1] += t[len(PREFIX):]
            else:
                out.append(t)
        return " ".join(out)

    # ---- files -------------------------------------------------------------------------
    def save_vocab(self, path):
        with open(path, "w", encoding="utf-8") as f:
            for t in self.vocab:
                f.write(t + "\n")

    def tokenizer_json(self):
        special = {}
        for name in ("[CLS]", "[SEP]"):
            special[name] = {"id": name, "ids": [self.token_to_id[name]], "tokens": [name]}
        return {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": [
                {
                    "id": i,
                    "content": t,
                    "single_word": False,
                    "lstrip": False,
                    "rstrip": False,
                    "normalized": False,
                    "special": True,
                }
                for i, t in enumerate(SPECIAL_TOKENS)
            ],
            "normalizer": {
                "type": "BertNormalizer",
                "clean_text": True,
                "handle_chinese_chars": True,
                "strip_accents": None,
                "lowercase": True,
            },
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {
                "type": "TemplateProcessing",
                "single": [
                    {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                    {"Sequence": {"id": "A", "type_id": 0}},
                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                ],
                "pair": [
                    {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                    {"Sequence": {"id": "A", "type_id": 0}},
                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                    {"Sequence": {"id": "B", "type_id": 1}},
                    {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
                ],
                "special_tokens": special,
            },
            "decoder": {"type": "WordPiece", "prefix": PREFIX, "cleanup": True},
            "model": {
                "type": "WordPiece",
                "unk_token": "[UNK]",
                "continuing_subword_prefix": PREFIX,
                "max_input_chars_per_word": MAX_CHARS_PER_WORD,
                "vocab": {t: i for i, t in enumerate(self.vocab)},
            },
        }

    def tokenizer_config(self):
        return {
            "tokenizer_class": "BertTokenizer",
            "do_lower_case": True,
            "do_basic_tokenize": True,
            "tokenize_chinese_chars": True,
            "strip_accents": None,
            "model_max_length": self.max_length,
            "cls_token": "[CLS]",
            "sep_token": "[SEP]",
            "pad_token": "[PAD]",
            "unk_token": "[UNK]",
            "mask_token": "[MASK]",
            "clean_up_tokenization_spaces": True,
        }

    def save(self, folder):
        os.makedirs(folder, exist_ok=True)
        self.save_vocab(os.path.join(folder, "vocab.txt"))
        with open(os.path.join(folder, "tokenizer.json"), "w", encoding="utf-8") as f:
            json.dump(self.tokenizer_json(), f, ensure_ascii=False, indent=None)
        with open(os.path.join(folder, "tokenizer_config.json"), "w", encoding="utf-8") as f:
            json.dump(self.tokenizer_config(), f, indent=2)
            f.write("\n")
