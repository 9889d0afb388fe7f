#!/usr/bin/python3
"""Check that no test.jsonl line appears in train.jsonl.

Exact check: identical text (fails the run).
Normalized check: equal after lowercasing and stripping punctuation/extra
spaces (also fails the run, since such pairs are effectively the same input).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def norm(t):
    t = re.sub(r"[^\w\s]", "", t.lower())
    return re.sub(r"\s+", " ", t).strip()


train = load("train.jsonl")
test = load("test.jsonl")
train_exact = {r["text"] for r in train}
train_norm = {norm(r["text"]) for r in train}
exact = [r for r in test if r["text"] in train_exact]
normed = [r for r in test if norm(r["text"]) in train_norm]
print(f"train={len(train)} test={len(test)}")
print(f"exact overlaps: {len(exact)}")
print(f"normalized overlaps: {len(normed)}")
for r in normed:
    print("  ", json.dumps(r))
sys.exit(1 if normed else 0)
