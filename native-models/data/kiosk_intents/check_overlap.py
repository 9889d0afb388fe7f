#!/usr/bin/python3
"""Check that no test.jsonl line appears in a training or validation file.

Files compared with test.jsonl: train.jsonl (generate.py), natural.jsonl and natural_val.jsonl
(natural.py) and ../../heads/kiosk-intent/dev.jsonl, where present.
Exact check: identical text (fails the run).
Normalized check: equal after lowercasing and stripping punctuation/extra
spaces (also fails the run, since such pairs are effectively the same input).
Only counts are printed, never lines (a colliding line of another file would show a test line).
natural.py leaves out lines listed by hash in natural_exclude.txt, which
`check_overlap.py --write-natural-exclude` extends with the sha256 of every natural/natural_val
line that collides, so collisions are removed without anyone reading them.
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OTHERS = ["train.jsonl", "natural.jsonl", "natural_val.jsonl", "../../heads/kiosk-intent/dev.jsonl"]


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def norm(t):
    t = re.sub(r"[^\w\s]", "", t.lower())
    return re.sub(r"\s+", " ", t).strip()


test = load("test.jsonl")
test_exact = {r["text"] for r in test}
test_norm = {norm(r["text"]) for r in test}
write_exclude = "--write-natural-exclude" in sys.argv[1:]
EXCLUDE = os.path.join(HERE, "natural_exclude.txt")
print(f"test={len(test)}")
failed = False
for name in OTHERS:
    if not os.path.exists(os.path.join(HERE, name)):
        continue
    rows = load(name)
    exact = [r for r in rows if r["text"] in test_exact]
    normed = [r for r in rows if norm(r["text"]) in test_norm]
    print(f"{name}: lines={len(rows)} exact overlaps: {len(exact)} normalized overlaps: {len(normed)}")
    if write_exclude and name.startswith("natural"):
        old = set(open(EXCLUDE).read().split()) if os.path.exists(EXCLUDE) else set()
        new = old | {hashlib.sha256(norm(r["text"]).encode("utf-8")).hexdigest() for r in normed}
        with open(EXCLUDE, "w", encoding="utf-8") as f:
            f.write("".join(h + "\n" for h in sorted(new)))
    failed = failed or bool(normed)
sys.exit(1 if failed else 0)
