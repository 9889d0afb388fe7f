"""Bundle files: config.json, golden.json, manifest.json, MODEL_CARD.md."""
import datetime
import hashlib
import json
import os

import numpy as np
import torch

from .model import mean_pool

GOLDEN_INPUTS = [
    "where are the aa batteries",
    "Do you have gluten-free bread?",
    "I'd like to return this, it's broken",
    "Café crème brûlée 250g",
    "請問洗手間在哪裡",
    "can i pay with apple pay at this kiosk",
    "what's the weather like on mars",
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_json(path, obj, indent=2):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=indent, ensure_ascii=False)
        f.write("\n")


@torch.no_grad()
def golden(bert, tok, inputs=GOLDEN_INPUTS, dims=8):
    bert.eval()
    ids_all, embs = [], []
    for t in inputs:
        ids = tok.encode(t)
        x = torch.tensor([ids])
        m = torch.ones_like(x)
        e = mean_pool(bert(x, m, torch.zeros_like(x)), m)[0]
        ids_all.append(ids)
        embs.append([round(float(v), 6) for v in e[:dims]])
    return {
        "inputs": list(inputs),
        "fp32": {"sentence_embedding": embs, "input_ids": ids_all},
        "int8": None,
        "tolerance": {"fp32": 1e-4, "int8": 2e-2},
        "notes": "fp32 expectations from torch (float32, CPU), one unpadded sentence per run, first %d dims of "
                 "sentence_embedding. int8 is filled in by native-models/write-golden.ts with onnxruntime-node." % dims,
    }


def write_manifest(bundle, name=None, version=None, metrics=None, extra=None):
    """(Re)write manifest.json: sha256 + size of every file in the bundle except itself.
    Keeps name/version/metrics of an existing manifest unless given."""
    path = os.path.join(bundle, "manifest.json")
    old = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
    files = []
    for root, _, fns in os.walk(bundle):
        for fn in sorted(fns):
            full = os.path.join(root, fn)
            rel = os.path.relpath(full, bundle).replace(os.sep, "/")
            if rel == "manifest.json":
                continue
            files.append({"path": rel, "sha256": sha256(full), "size": os.path.getsize(full)})
    files.sort(key=lambda f: f["path"])
    man = dict(old)
    man.update({
        "name": name or old.get("name"),
        "version": version or old.get("version", "1.0.0"),
        "created": old.get("created") or datetime.datetime.utcnow().replace(microsecond=0).isoformat() + "Z",
        "kind": old.get("kind", "encoder"),
        "files": files,
        "variants": {"fp32": "onnx/model.onnx", "int8": "onnx/model_quantized.onnx"},
    })
    if metrics is not None:
        man["metrics"] = metrics
    if extra:
        man.update(extra)
    man.setdefault("metrics", {})
    write_json(path, man)
    return man


def mb(n):
    return "%.2f MB" % (n / 1e6)
