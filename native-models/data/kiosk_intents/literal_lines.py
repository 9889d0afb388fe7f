"""Shared by the kiosk intent data scripts (stdlib only): the readers of the sentence files
(sentences/*.txt, slots/*.txt), the one normalisation every overlap check uses, the sha256 that
names a line without showing it, and the writer of a hand-written literal line set
(natural_more.py, natural_third.py).

A literal set is a dict intent -> lines. It is written in a fixed order (intents as given, lines
as written), deduplicated after normalisation; a line under two intents stops the script; lines
equal to a validation line are left out with only a count printed (the validation files are never
shown), and so are lines whose sha256 check_overlap.py reported as equal to a test line.
"""
import hashlib
import json
import os
import re


def read_lines(path):
    """A slot list: one entry per line; blank lines and '#' comments are for readers."""
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def read_sentences(path):
    """A sentence file: '## <section>' starts a section (an intent), '#' lines are comments, every
    other non-blank line is one sentence exactly as written. Returns {section: [sentences]} in file
    order, the order the scripts (and their seeded generators) read them in."""
    sections = {}
    current = None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("## "):
                current = line[3:].strip()
                assert current not in sections, f"{path}:{n}: section {current} twice"
                sections[current] = []
            elif line.startswith("#") or not line.strip():
                continue
            else:
                assert current is not None, f"{path}:{n}: a sentence before the first ## section"
                sections[current].append(line)
    return sections


def norm(t):
    """Lowercase, punctuation removed, whitespace collapsed: what 'the same line' means here."""
    t = re.sub(r"[^\w\s]", "", t.lower())
    return re.sub(r"\s+", " ", t).strip()


def digest(text):
    """sha256 of the normalised line: lets check_overlap.py name a colliding line without text."""
    return hashlib.sha256(norm(text).encode("utf-8")).hexdigest()


def reserved(val_files):
    """Normalised validation lines (never shown): a training line must not repeat one."""
    keys = set()
    for path in val_files:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                keys |= {norm(json.loads(l)["text"]) for l in f if l.strip()}
    return keys


def write_literal_set(lines_by_intent, out, val_files, exclude_sha256):
    intents = list(lines_by_intent)
    owner = {}
    for intent in intents:
        for t in lines_by_intent[intent]:
            k = norm(t)
            assert k, f"empty line in {intent}"
            assert owner.get(k, intent) == intent, f"line under two intents ({owner[k]}, {intent}): {t}"
            owner[k] = intent
    val_keys = reserved(val_files)
    seen = set()
    rows = []
    counts = {}
    dropped = {"duplicate": 0, "validation": 0, "test (excluded hash)": 0}
    for intent in intents:
        for t in lines_by_intent[intent]:
            t = re.sub(r"\s+", " ", t).strip()
            k = norm(t)
            if k in seen:
                dropped["duplicate"] += 1
                continue
            seen.add(k)
            if k in val_keys:
                dropped["validation"] += 1
                continue
            if digest(t) in exclude_sha256:
                dropped["test (excluded hash)"] += 1
                continue
            rows.append({"text": t, "intent": intent})
            counts[intent] = counts.get(intent, 0) + 1
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for intent in intents:
        print(f"{intent:18s} written {len(lines_by_intent[intent]):4d}  kept {counts.get(intent, 0):4d}")
    print(f"total {len(rows)}; left out: " + ", ".join(f"{k} {v}" for k, v in dropped.items()))
