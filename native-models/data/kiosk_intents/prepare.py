#!/usr/bin/python3
"""One command for the kiosk intent data: derives every committed training and validation file
from the sentence files (sentences/*.txt), slot lists (slots/) and variation (variation.json), in
the order the overlap rules need (each set reserves the validation lines written before it), then
checks that no line of the held-out test.jsonl appears in any of them (counts only).

    /usr/bin/python3 native-models/data/kiosk_intents/prepare.py

Stdlib only and deterministic: the same data always writes byte-identical files.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

STEPS = [
    ["generate.py"],           # train.jsonl: templates x slots, seeded variation
    ["natural.py"],            # natural.jsonl, natural_val.jsonl
    ["natural_more.py"],       # natural_more.jsonl (reserves natural_val + dev)
    ["natural_val2.py"],       # natural_val2.jsonl (checks against every file above)
    ["natural_third.py"],      # natural_third.jsonl (reserves natural_val2 too)
    ["natural_val2.py", "--check"],
    ["check_overlap.py"],      # fails if any test line leaked into a training or validation file
]


def main():
    for step in STEPS:
        print(f"== {' '.join(step)}", flush=True)
        r = subprocess.run([sys.executable, os.path.join(HERE, step[0]), *step[1:]], cwd=HERE)
        if r.returncode != 0:
            sys.exit(f"{' '.join(step)} failed (exit {r.returncode})")


if __name__ == "__main__":
    main()
