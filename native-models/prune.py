#!/usr/bin/python3
"""Optional factory stage: a magnitude-pruned copy of an encoder bundle.

  /usr/bin/python3 native-models/prune.py --bundle native-models/bundles/storemind-bert-mini \\
      --sparsity 0.5 --out /tmp/storemind-bert-mini-p50

Reads the encoder back from the bundle's fp32 ONNX (no training checkpoint needed), zeroes the
smallest weights of every transformer Linear layer (storemind_models/prune.py says which and why),
then exports, quantises, verifies and bundles it exactly as build.py does (`--from-checkpoint`),
under the version `<version>+pruned.<percent>` so a head trained on it cannot be mistaken for one
trained on the dense encoder. Prints the sizes a store cares about: the files on disk, and the
gzip-compressed int8 file a model update would send. The trade-off table is in README.md.
"""
import argparse
import gzip
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def gzip_size(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), compresslevel=9, mtime=0))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle", required=True, help="source encoder bundle (with onnx/model.onnx)")
    ap.add_argument("--sparsity", type=float, required=True, help="share of each Linear weight matrix to zero, 0 <= s < 1")
    ap.add_argument("--out", required=True, help="folder for the pruned bundle (replaced)")
    ap.add_argument("--config", default=os.path.join(HERE, "configs", "storemind-bert-mini.json"))
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    if not 0.0 <= args.sparsity < 1.0:
        ap.error("--sparsity must be in [0, 1)")
    fp32 = os.path.join(args.bundle, "onnx", "model.onnx")
    for f in (fp32, os.path.join(args.bundle, "config.json"), os.path.join(args.bundle, "vocab.txt"), os.path.join(args.bundle, "manifest.json")):
        if not os.path.exists(f):
            ap.error("%s is missing: --bundle must be an encoder bundle with its fp32 export" % f)

    import torch
    torch.set_num_threads(args.threads)
    import build
    from storemind_models.bundle import write_manifest
    from storemind_models.model import BertConfig, BertModel
    from storemind_models.prune import magnitude_prune, state_dict_from_onnx

    with open(os.path.join(args.bundle, "config.json"), encoding="utf-8") as f:
        hf = json.load(f)
    with open(os.path.join(args.bundle, "manifest.json"), encoding="utf-8") as f:
        source = json.load(f)
    bert = BertModel(BertConfig(**hf))
    bert.load_state_dict(state_dict_from_onnx(fp32), strict=True)
    stats = magnitude_prune(bert, args.sparsity)

    with open(args.config, encoding="utf-8") as f:
        cfg = json.load(f)
    cfg["name"] = source["name"]
    cfg["version"] = "%s+pruned.%d" % (source["version"].split("+")[0], round(args.sparsity * 100))
    with tempfile.TemporaryDirectory() as tmp:
        ckpt = os.path.join(tmp, "encoder_fp32.pt")
        torch.save(bert.state_dict(), ckpt)
        cfg_path = os.path.join(tmp, "config.json")
        with open(cfg_path, "w", encoding="utf-8") as f:
            json.dump(cfg, f)
        rc = build.main(["--config", cfg_path, "--from-checkpoint", ckpt, "--vocab", os.path.join(args.bundle, "vocab.txt"),
                         "--skip-eval", "--device", "cpu", "--threads", str(args.threads), "--out", args.out,
                         "--work", os.path.join(tmp, "work")])
        if rc:
            return rc

    sizes = {}
    for variant, rel in (("fp32", "onnx/model.onnx"), ("int8", "onnx/model_quantized.onnx")):
        p = os.path.join(args.out, rel)
        sizes[variant] = {"bytes": os.path.getsize(p), "gzip_bytes": gzip_size(p)}
    with open(os.path.join(args.out, "manifest.json"), encoding="utf-8") as f:
        metrics = json.load(f).get("metrics", {})
    metrics["pruning"] = dict(stats, source="%s %s" % (source["name"], source["version"]), sizes=sizes)
    write_manifest(args.out, metrics=metrics)
    print(json.dumps({"bundle": args.out, "version": cfg["version"], "pruning": stats, "sizes": sizes}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
