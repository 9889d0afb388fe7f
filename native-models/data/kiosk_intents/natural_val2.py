#!/usr/bin/env python3
"""Second hand-written validation set for the StoreMind kiosk intent classifier.

Writes ``natural_val2.jsonl`` next to this file: 360 lines ``{"text", "intent"}``,
exactly 15 per in-scope intent (19 intents) and 75 ``out_of_scope``.

Every line of sentences/natural_val2.val.txt is a literal sentence written by hand, the way
shoppers type at a touch-screen kiosk: one-word questions to long
context-first sentences, hand-written typos in roughly one line in six,
polite, casual and rude tones, US/UK/Australian/Indian/Canadian English, and
products across grocery, pharmacy, household, hardware, electronics,
clothing, pets, baby and garden. Labels follow the boundary rules in
README.md.

This set was written independently of every other data file in this folder
and of ``../../heads/kiosk-intent/dev.jsonl``: none of them was opened while
writing it. It is for choosing training options (recipes, thresholds,
features) and must never be trained on.

To keep it disjoint from the other files without anyone reading them, the
script loads train.jsonl, natural.jsonl, natural_more.jsonl,
natural_val.jsonl, test.jsonl and ../../heads/kiosk-intent/dev.jsonl,
normalises every line (lowercase, punctuation removed or turned into spaces,
whitespace collapsed) and leaves out any of its lines that collide with
one of them (or with an earlier line of this set). Only counts are printed,
never text. Each intent has a short list of hand-written reserve lines, taken
in order to keep the counts at 15/75; reserves are checked the same way.

No randomness: the same inputs always give the same output.

Usage:
    /usr/bin/python3 natural_val2.py            # write natural_val2.jsonl
    /usr/bin/python3 natural_val2.py --check    # verify the written file
"""

import json
import os
import re
import string
import sys

from literal_lines import read_sentences

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "natural_val2.jsonl")

OTHER_FILES = [
    "train.jsonl",
    "natural.jsonl",
    "natural_more.jsonl",
    "natural_val.jsonl",
    "test.jsonl",
    os.path.join("..", "..", "heads", "kiosk-intent", "dev.jsonl"),
]

PER_INTENT = 15
OUT_OF_SCOPE = 75

INTENTS = [
    "find_product", "check_stock", "check_price", "store_hours",
    "return_policy", "refund_status", "order_pickup", "payment_methods",
    "gift_card", "loyalty_program", "promotions", "price_match",
    "warranty_repair", "store_facilities", "store_services",
    "delivery_options", "complaint", "human_agent", "greeting",
    "out_of_scope",
]

# intent -> (main lines, reserve lines), from sentences/natural_val2.val.txt. Reserves are only used
# to replace main lines that collide with another data file.
_SECTIONS = read_sentences(os.path.join(HERE, "sentences", "natural_val2.val.txt"))
LINES = {intent: (_SECTIONS[intent], _SECTIONS.get(intent + " (reserve)", [])) for intent in INTENTS}


_PUNCT = re.escape(string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026")


def norm_keys(text):
    """Both normalisations of a line: punctuation removed, and turned into spaces."""
    low = text.lower()
    removed = " ".join(re.sub("[" + _PUNCT + "]", "", low).split())
    spaced = " ".join(re.sub("[" + _PUNCT + "]", " ", low).split())
    return {removed, spaced}


def load_other_keys():
    """Normalised keys of every other data file, per file. Never prints text."""
    per_file = {}
    for rel in OTHER_FILES:
        path = os.path.normpath(os.path.join(HERE, rel))
        if not os.path.exists(path):
            sys.exit("missing %s: cannot check overlap" % rel)
        keys = set()
        with open(path, encoding="utf-8") as f:
            for raw in f:
                raw = raw.strip()
                if not raw:
                    continue
                keys |= norm_keys(json.loads(raw)["text"])
        per_file[rel] = keys
    return per_file


def collisions(text, other):
    keys = norm_keys(text)
    return [rel for rel, ks in other.items() if keys & ks]


def build(other):
    rows = []
    seen = set()
    dropped = {rel: 0 for rel in OTHER_FILES}
    dropped_lines = 0
    self_dupes = 0
    reserves_used = {}
    short = []
    dropped_main = {i: 0 for i in INTENTS}
    for intent in INTENTS:
        main, reserve = LINES[intent]
        target = OUT_OF_SCOPE if intent == "out_of_scope" else PER_INTENT
        if len(main) != target:
            sys.exit("%s: %d main lines, expected %d" % (intent, len(main), target))
        kept = []
        used = 0
        for i, text in enumerate(main + reserve):
            if len(kept) == target:
                break
            if i >= len(main):
                used += 1
            hit = collisions(text, other)
            keys = norm_keys(text)
            if hit:
                dropped_lines += 1
                if i < len(main):
                    dropped_main[intent] += 1
                for rel in hit:
                    dropped[rel] += 1
                continue
            if keys & seen:
                self_dupes += 1
                continue
            seen |= keys
            kept.append(text)
        reserves_used[intent] = used
        if len(kept) != target:
            short.append("%s: %d of %d" % (intent, len(kept), target))
        rows.extend({"text": t, "intent": intent} for t in kept)
    if short:
        sys.exit("too few lines after the overlap check (write more reserves): " + ", ".join(short))
    return rows, dropped, dropped_lines, self_dupes, reserves_used, dropped_main


def counts(rows):
    c = {i: 0 for i in INTENTS}
    for r in rows:
        c[r["intent"]] += 1
    return c


def main():
    other = load_other_keys()
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            rows = [json.loads(l) for l in f if l.strip()]
        bad = {rel: 0 for rel in OTHER_FILES}
        for r in rows:
            for rel in collisions(r["text"], other):
                bad[rel] += 1
        c = counts(rows)
        ok = all(v == 0 for v in bad.values()) and all(
            c[i] == (OUT_OF_SCOPE if i == "out_of_scope" else PER_INTENT) for i in INTENTS)
        for rel in OTHER_FILES:
            print("overlap with %s: %d" % (rel, bad[rel]))
        print("lines: %d, per intent ok: %s" % (len(rows), ok))
        sys.exit(0 if ok else 1)

    rows, dropped, dropped_lines, self_dupes, reserves_used, dropped_main = build(other)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for rel in OTHER_FILES:
        print("dropped (equal to a line of %s): %d" % (rel, dropped[rel]))
    print("lines dropped in all: %d, duplicates within this set: %d" % (dropped_lines, self_dupes))
    for intent in INTENTS:
        print("%-18s %3d  (main lines dropped: %d, reserve lines read: %d)"
              % (intent, counts(rows)[intent], dropped_main[intent], reserves_used[intent]))
    print("wrote %d lines to %s" % (len(rows), os.path.relpath(OUT, HERE)))


if __name__ == "__main__":
    main()
