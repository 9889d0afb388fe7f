#!/usr/bin/python3
"""Write natural.jsonl (training) and natural_val.jsonl (validation): kiosk questions in the way
shoppers really type them.

train.jsonl (generate.py) is template-filled, so its phrasing is regular: "where is {p}",
"do you have {p} in stock". Real kiosk text is messier: context first ("I bought a kettle here last
month and it stopped heating"), fragments ("gluten free bread??"), misspellings, non-native
English, slang, rudeness, greetings glued to the question, store vocabulary (till, rain check,
layaway, BOPIS, curbside), and chatty questions that are still store questions. Every line of sentences/natural.train.txt
was written by hand for StoreMind as a literal sentence; a few carry a {p} product slot. The
script adds light, seeded variation (greeting prefixes, sign-offs, casing, one typo) to reach the
target sizes. Stdlib only, deterministic:

    /usr/bin/python3 native-models/data/kiosk_intents/natural.py

natural_val.jsonl is a separate hand-written list (different wording again, no variation), used
with heads/kiosk-intent/dev.jsonl to calibrate the head. The held-out test.jsonl is never read
here; check_overlap.py compares these files with it and prints only counts. Lines that happen to
equal a test line are left out blindly: `check_overlap.py --write-natural-exclude` records their
sha256 (of the normalised text) in natural_exclude.txt, which this script reads.
"""
import json
import os
import random
import re

from literal_lines import digest, norm, read_lines, read_sentences

SEED = 20250301
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "natural.jsonl")
OUT_VAL = os.path.join(HERE, "natural_val.jsonl")
EXCLUDE = os.path.join(HERE, "natural_exclude.txt")
SENTENCES = os.path.join(HERE, "sentences")

# Products as shoppers name them (brands, sizes, vague words), for the few {p} lines.
NAT_PRODUCTS = read_lines(os.path.join(HERE, "slots", "natural_products.txt"))
L = read_sentences(os.path.join(SENTENCES, "natural.train.txt"))  # intent -> literal lines ({p} = a product)
V = read_sentences(os.path.join(SENTENCES, "natural.val.txt"))  # validation lines, intent -> literal lines

# Light variation: how the same question arrives at a kiosk on another day (variation.json).
with open(os.path.join(HERE, "variation.json"), encoding="utf-8") as _f:
    _VARIATION = json.load(_f)["natural"]
GREETINGS = _VARIATION["greetings"]
SIGNOFFS = _VARIATION["signoffs"]
MISSPELL = _VARIATION["misspell"]


def misspell(rng, text):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if w.lower().strip("?,.!") in MISSPELL]
    if not idx:
        return text
    i = rng.choice(idx)
    core = words[i].lower().strip("?,.!")
    words[i] = words[i].lower().replace(core, rng.choice(MISSPELL[core]), 1)
    return " ".join(words)


def vary(rng, intent, text):
    r = rng.random()
    if len(text.split()) > 1 or intent == "out_of_scope":
        if r < 0.45:
            text = rng.choice(GREETINGS) + text
    if rng.random() < 0.25 and not text.endswith("?"):
        text += rng.choice(SIGNOFFS)
    r = rng.random()
    if r < 0.25:
        text = text[0].upper() + text[1:]
    elif r < 0.50:
        text = re.sub(r"[?!.,']", "", text.lower())
    elif r < 0.54:
        text = text.upper()
    if rng.random() < 0.45:
        text = misspell(rng, text)
    return re.sub(r"\s+", " ", text).strip()


def excluded():
    if not os.path.exists(EXCLUDE):
        return set()
    with open(EXCLUDE, encoding="utf-8") as f:
        return set(f.read().split())


def fill(rng, line):
    return line.replace("{p}", rng.choice(NAT_PRODUCTS)) if "{p}" in line else line


TARGETS = {k: 130 for k in L}
TARGETS["out_of_scope"] = 420


def main():
    assert set(L) == set(V), "every intent needs training and validation lines"
    rng = random.Random(SEED)
    skip = excluded()
    # Validation first: its lines are reserved, so no training line repeats one (normalised).
    val = []
    val_keys = set()
    for intent in V:
        for t in V[intent]:
            k = norm(t)
            assert "{p}" not in t and k not in val_keys, f"duplicate validation line: {t}"
            if digest(t) in skip:
                continue
            val_keys.add(k)
            val.append({"text": t, "intent": intent})
    # dev.jsonl (the other validation file) is reserved the same way.
    with open(os.path.join(HERE, "..", "..", "heads", "kiosk-intent", "dev.jsonl"), encoding="utf-8") as f:
        dev_keys = {norm(json.loads(l)["text"]) for l in f if l.strip()}
    seen = val_keys | dev_keys
    rows = []
    for intent in L:
        got = 0
        for t in L[intent]:  # every literal once, as written
            text = fill(rng, t)
            if norm(text) in seen or digest(text) in skip:
                continue
            seen.add(norm(text))
            rows.append({"text": text, "intent": intent})
            got += 1
        tries = 0
        while got < TARGETS[intent] and tries < 50 * TARGETS[intent]:
            tries += 1
            text = vary(rng, intent, fill(rng, rng.choice(L[intent])))
            if not text or norm(text) in seen or digest(text) in skip:
                continue
            seen.add(norm(text))
            rows.append({"text": text, "intent": intent})
            got += 1
    rng.shuffle(rows)
    for path, data in ((OUT, rows), (OUT_VAL, val)):
        with open(path, "w", encoding="utf-8") as f:
            for r in data:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in rows:
        counts[r["intent"]] = counts.get(r["intent"], 0) + 1
    literal = {k: len(v) for k, v in L.items()}
    vcounts = {}
    for r in val:
        vcounts[r["intent"]] = vcounts.get(r["intent"], 0) + 1
    for k in L:
        print(f"{k:18s} literal {literal[k]:4d}  natural {counts.get(k, 0):4d}  val {vcounts.get(k, 0):3d}")
    print(f"total natural {len(rows)}, val {len(val)}")


if __name__ == "__main__":
    main()
