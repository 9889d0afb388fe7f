#!/usr/bin/python3
"""Generate the StoreMind kiosk intent training set (train.jsonl).

Stdlib only, fixed seed, fully deterministic. Every template (sentences/templates.train.txt),
slot list (slots/templates.json) and variation (variation.json) was written for this project. Run:

    /usr/bin/python3 native-models/data/kiosk_intents/generate.py

The held-out test set (test.jsonl) is hand-written separately and is never
read by this script.
"""
import json
import os
import random
import re

from literal_lines import read_sentences

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "train.jsonl")

# ---------------------------------------------------------------------------
# Slot lists
# ---------------------------------------------------------------------------

with open(os.path.join(HERE, "slots", "templates.json"), encoding="utf-8") as _f:
    SLOTS = json.load(_f)  # {slot: fillers}, the {slot}s of sentences/templates.train.txt
ORDER_FORMATS = SLOTS["order_formats"]


def order_no(rng):
    n = str(rng.randint(10000, 9999999))
    return rng.choice(ORDER_FORMATS).format(n=n)


def gift_no(rng):
    style = rng.random()
    if style < 0.4:
        return " ".join(str(rng.randint(1000, 9999)) for _ in range(4))
    if style < 0.7:
        return "".join(str(rng.randint(0, 9)) for _ in range(16))
    return "ending in " + str(rng.randint(1000, 9999))


def loyalty_no(rng):
    style = rng.random()
    if style < 0.5:
        return str(rng.randint(100000000, 999999999))
    if style < 0.8:
        return "SM" + str(rng.randint(1000000, 9999999))
    return "ending in " + str(rng.randint(1000, 9999))


def money(rng):
    return "$" + str(rng.choice([5, 10, 15, 20, 25, 50, 75, 100, 150, 200]))


# ---------------------------------------------------------------------------
# Templates per intent. Slots: {p} product, {sp} short product, {cat} category,
# {dept} department, {size}, {day}, {pay}, {comp} competitor, {item} broken item,
# {brk} breakage, {svc} service, {fac} facility, {o} order, {g} gift card no,
# {l} loyalty no, {amt} amount, {city}, {country}, {place}, {topic}, {co},
# {sport}, {sym}, {n1}, {n2}
# ---------------------------------------------------------------------------

T = read_sentences(os.path.join(HERE, "sentences", "templates.train.txt"))

# ---------------------------------------------------------------------------
# Variation helpers
# ---------------------------------------------------------------------------

with open(os.path.join(HERE, "variation.json"), encoding="utf-8") as _f:
    _VARIATION = json.load(_f)["templates"]
PREFIXES = _VARIATION["prefixes"]
POLITE_PREFIXES = _VARIATION["polite_prefixes"]
SUFFIXES = _VARIATION["suffixes"]
KEYBOARD_NEIGHBORS = _VARIATION["keyboard_neighbors"]

NO_PREFIX = {"greeting"}


# Slots filled with a generated value rather than a listed one.
GENERATED = {
    "o": order_no, "g": gift_no, "l": loyalty_no, "amt": money,
    "n1": lambda rng: str(rng.randint(2, 999)), "n2": lambda rng: str(rng.randint(2, 99)),
}


def fill(rng, tmpl):
    def rep(m):
        key = m.group(1)
        if key in GENERATED:
            return GENERATED[key](rng)
        if key in SLOTS and key != "order_formats":
            return rng.choice(SLOTS[key])
        raise KeyError(key)
    return re.sub(r"\{(\w+)\}", rep, tmpl)



def typo(rng, text):
    """Introduce one realistic typo into a word of 3+ letters."""
    words = text.split(" ")
    idxs = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
    if not idxs:
        return text
    i = rng.choice(idxs)
    w = words[i]
    kind = rng.choice(["swap", "drop", "double", "neighbor"])
    j = rng.randrange(1, len(w) - 1) if len(w) > 2 else 0
    if kind == "swap" and len(w) > 3:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif kind == "drop":
        w = w[:j] + w[j + 1:]
    elif kind == "double":
        w = w[:j] + w[j] + w[j:]
    else:
        c = w[j].lower()
        if c in KEYBOARD_NEIGHBORS:
            w = w[:j] + rng.choice(KEYBOARD_NEIGHBORS[c]) + w[j + 1:]
        else:
            w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def vary(rng, intent, text):
    short = len(text.split()) <= 2
    if intent not in NO_PREFIX and not short:
        r = rng.random()
        if r < 0.18:
            text = rng.choice(PREFIXES) + text
        elif r < 0.23 and text.startswith(("where", "what", "how", "when", "which", "is ", "are ")):
            text = rng.choice(POLITE_PREFIXES) + text
    if rng.random() < 0.12 and not text.endswith(("?", "!")):
        text = text + rng.choice(SUFFIXES)
    # casing / punctuation
    r = rng.random()
    if r < 0.12:
        text = text[0].upper() + text[1:]
        if rng.random() < 0.6 and not text.endswith(("?", "!", ".")):
            text += "?" if rng.random() < 0.7 else "."
    elif r < 0.15:
        text = text.upper()
    elif r < 0.30:
        text = re.sub(r"[?!.,']", "", text)
    if rng.random() < 0.10:
        text = typo(rng, text)
    return re.sub(r"\s+", " ", text).strip()


TARGETS = {k: 270 for k in T}
TARGETS["out_of_scope"] = 520
TARGETS["greeting"] = 200


def main():
    rng = random.Random(SEED)
    seen = set()
    rows = []
    for intent in T:
        templates = T[intent]
        got = 0
        # first pass: each template once, plainly filled
        for tmpl in templates:
            text = fill(rng, tmpl)
            key = text.lower()
            if key not in seen:
                seen.add(key)
                rows.append({"text": text, "intent": intent})
                got += 1
        attempts = 0
        while got < TARGETS[intent] and attempts < TARGETS[intent] * 60:
            attempts += 1
            text = vary(rng, intent, fill(rng, rng.choice(templates)))
            key = text.lower()
            if not text or key in seen:
                continue
            seen.add(key)
            rows.append({"text": text, "intent": intent})
            got += 1
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in rows:
        counts[r["intent"]] = counts.get(r["intent"], 0) + 1
    for k in T:
        print(f"{k:18s} {counts.get(k, 0)}")
    print("total", len(rows))


if __name__ == "__main__":
    main()
