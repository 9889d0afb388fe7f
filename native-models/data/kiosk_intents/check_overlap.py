#!/usr/bin/python3
"""Check that no test.jsonl line appears in a training or validation file.

Files compared with test.jsonl: train.jsonl (generate.py), natural.jsonl and natural_val.jsonl
(natural.py), natural_more.jsonl (natural_more.py), natural_third.jsonl (natural_third.py),
natural_val2.jsonl (natural_val2.py) and
../../heads/kiosk-intent/dev.jsonl, where present.
Exact check: identical text (fails the run).
Normalized check: equal after lowercasing and stripping punctuation/extra
spaces (also fails the run, since such pairs are effectively the same input).
Only counts are printed, never lines (a colliding line of another file would show a test line).
natural.py leaves out lines listed by hash in natural_exclude.txt, which
`check_overlap.py --write-natural-exclude` extends with the sha256 of every natural/natural_val
line that collides, so collisions are removed without anyone reading them.
For natural_more.jsonl and natural_third.jsonl a collision prints the sha256 of the normalised
line of that file (a hash, never text); natural_more.py and natural_third.py list such hashes in
their EXCLUDE_SHA256 and leave those lines out.
"""
import json
import os
import sys

from literal_lines import digest, norm

HERE = os.path.dirname(os.path.abspath(__file__))
OTHERS = ["train.jsonl", "natural.jsonl", "natural_val.jsonl", "natural_more.jsonl",
          "natural_third.jsonl", "natural_val2.jsonl", "../../heads/kiosk-intent/dev.jsonl"]
WRITE_EXCLUDE_FOR = ("natural.jsonl", "natural_val.jsonl")  # natural_more/third.py keep own hash lists
HASH_REPORT = ("natural_more.jsonl", "natural_third.jsonl")  # print sha256 of own colliding lines


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


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
    if name in HASH_REPORT:
        stem = name[:-len(".jsonl")]
        for h in sorted({digest(r["text"]) for r in normed}):
            print(f"  {stem} collision sha256 (add to EXCLUDE_SHA256 in {stem}.py): {h}")
    if write_exclude and name in WRITE_EXCLUDE_FOR:
        old = set(open(EXCLUDE).read().split()) if os.path.exists(EXCLUDE) else set()
        new = old | {digest(r["text"]) for r in normed}
        with open(EXCLUDE, "w", encoding="utf-8") as f:
            f.write("".join(h + "\n" for h in sorted(new)))
    failed = failed or bool(normed)
sys.exit(1 if failed else 0)
