#!/usr/bin/python3
"""StoreMind model factory: corpus -> WordPiece vocab -> BERT (MLM, multi-task) -> ONNX fp32/int8 -> bundle.

Usage (see native-models/README.md):
  /usr/bin/python3 native-models/build.py [--config native-models/configs/storemind-bert-mini.json]
        [--device auto|cpu|cuda] [--out BUNDLE_DIR] [--from-checkpoint encoder_fp16.pt]
  /usr/bin/python3 native-models/build.py --manifest-only native-models/bundles/storemind-bert-mini
  GPU training only (writes checkpoints + logs to --ckpt-dir):
  python3 native-models/build.py --device cuda --train-only --vocab VOCAB.txt --ckpt-dir $OUT
"""
import argparse
import copy
import json
import os
import platform
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

DEFAULT_CONFIG = os.path.join(HERE, "configs", "storemind-bert-mini.json")


def load_config(path, device_type):
    from storemind_models.defaults import with_defaults
    with open(path, encoding="utf-8") as f:
        cfg = with_defaults(json.load(f))
    cfg["_gpu_budget_s"] = cfg["mlm"]["time_budget_s"] + cfg["multitask"]["time_budget_s"]
    if device_type == "cpu" and "cpu_overrides" in cfg:
        cfg = copy.deepcopy(cfg)
        for sec, vals in cfg["cpu_overrides"].items():
            if isinstance(vals, dict):
                cfg.setdefault(sec, {}).update(vals)
            else:
                cfg[sec] = vals
    return cfg


def human_s(s):
    return "%.0f s" % s if s < 120 else "%.1f min" % (s / 60)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=DEFAULT_CONFIG)
    ap.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    ap.add_argument("--out", help="bundle folder (default native-models/bundles/<name>)")
    ap.add_argument("--work", help="scratch folder (default native-models/.work/<name>)")
    ap.add_argument("--vocab", help="use this vocab.txt instead of training one")
    ap.add_argument("--from-checkpoint", help="encoder state_dict (fp16 or fp32): skip MLM + multi-task")
    ap.add_argument("--train-record", help="JSON written by the training run (default: beside the checkpoint)")
    ap.add_argument("--train-only", action="store_true", help="stop after training (GPU job)")
    ap.add_argument("--ckpt-dir", help="where training writes checkpoints and logs (default: work dir)")
    ap.add_argument("--total-budget-s", type=float, default=0,
                    help="wall-clock budget for the whole training (scales mlm/multitask budgets)")
    ap.add_argument("--skip-eval", action="store_true")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--manifest-only", metavar="BUNDLE", help="re-hash the files of BUNDLE into manifest.json")
    ap.add_argument("--card-only", metavar="BUNDLE",
                    help="re-render MODEL_CARD.md of BUNDLE from its manifest metrics and --config, then re-hash")
    args = ap.parse_args(argv)
    if args.card_only:
        return card_only(args)

    from storemind_models.bundle import write_manifest
    if args.manifest_only:
        man = write_manifest(args.manifest_only)
        print("manifest rewritten: %s (%d files)" % (os.path.join(args.manifest_only, "manifest.json"), len(man["files"])))
        return 0

    import torch
    if args.threads:
        torch.set_num_threads(args.threads)
    else:
        torch.set_num_threads(max(1, min(os.cpu_count() or 1, 16)))
    if args.device == "auto":
        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    else:
        device = torch.device(args.device)
    cfg = load_config(args.config, device.type)
    name = cfg["name"]
    out = args.out or os.path.join(HERE, "bundles", name)
    work = args.work or os.path.join(HERE, ".work", name)
    ckpt_dir = args.ckpt_dir or work
    os.makedirs(work, exist_ok=True)
    os.makedirs(ckpt_dir, exist_ok=True)

    from storemind_models import data
    from storemind_models.model import BertConfig, BertModel, count_params
    from storemind_models.tokenizer import WordPieceTokenizer, train_wordpiece
    from storemind_models.train import Logger, load_state, run_mlm, run_multitask, set_seed

    logger = Logger(os.path.join(ckpt_dir, "train_log.jsonl"))
    timings = {}
    record = {"config": cfg, "device": str(device), "torch": torch.__version__, "python": platform.python_version()}
    if device.type == "cuda":
        record["gpu"] = torch.cuda.get_device_name(0)
    t_all = time.time()
    dcfg = cfg.get("data", {})

    # 1. corpus + vocabulary --------------------------------------------------------------
    t0 = time.time()
    lines = None
    if not args.vocab and args.from_checkpoint:
        beside = os.path.join(os.path.dirname(os.path.abspath(args.from_checkpoint)), "vocab.txt")
        if os.path.exists(beside):
            args.vocab = beside
    if args.vocab:
        tok = WordPieceTokenizer.from_vocab_file(args.vocab, cfg["tokenizer"]["max_length"])
    else:
        lines = data.corpus_lines(dcfg.get("limit_per_source", 0))
        vocab = train_wordpiece(lines, cfg["tokenizer"]["vocab_size"], cfg["tokenizer"]["min_frequency"])
        tok = WordPieceTokenizer(vocab, cfg["tokenizer"]["max_length"])
    tok.save(os.path.join(work, "tokenizer"))
    timings["vocab_s"] = round(time.time() - t0, 1)
    logger.log(stage="vocab", vocab_size=len(tok), wall_s=timings["vocab_s"])

    mcfg = dict(cfg["model"])
    mcfg["vocab_size"] = len(tok)
    mcfg["max_position_embeddings"] = cfg["tokenizer"]["max_length"]
    bcfg = BertConfig(**mcfg)
    set_seed(cfg.get("seed", 1234))
    bert = BertModel(bcfg)
    record["params"] = count_params(bert)
    logger.log(stage="model", params=record["params"], config=bcfg.to_hf_dict())

    # 2. training ------------------------------------------------------------------------
    train_metrics = {}
    if args.from_checkpoint:
        load_state(bert, args.from_checkpoint)
        rec_path = args.train_record or os.path.join(os.path.dirname(os.path.abspath(args.from_checkpoint)), "train_result.json")
        if os.path.exists(rec_path):
            with open(rec_path, encoding="utf-8") as f:
                prev = json.load(f)
            train_metrics = prev.get("train_metrics", {})
            record["training_run"] = {k: prev.get(k) for k in ("device", "gpu", "torch", "python", "timings", "params")}
        logger.log(stage="checkpoint", loaded=args.from_checkpoint, record=bool(train_metrics))
    else:
        bert.to(device)
        mlm_cfg, mt_cfg = dict(cfg["mlm"]), dict(cfg["multitask"])
        if args.total_budget_s:
            spent = time.time() - t_all
            left = max(10.0, args.total_budget_s - spent - cfg.get("reserve_s", 20))
            share = mlm_cfg["time_budget_s"] / (mlm_cfg["time_budget_s"] + mt_cfg["time_budget_s"])
            mlm_cfg["time_budget_s"] = min(mlm_cfg["time_budget_s"], left * share)
            mt_cfg["time_budget_s"] = min(mt_cfg["time_budget_s"], left * (1 - share))
            logger.log(stage="budget", mlm_s=round(mlm_cfg["time_budget_s"], 1), multitask_s=round(mt_cfg["time_budget_s"], 1))
        t0 = time.time()
        if lines is None:
            lines = data.corpus_lines(dcfg.get("limit_per_source", 0))
        if mlm_cfg.get("max_steps", 0) > 0:
            train_metrics.update(run_mlm(bert, tok, lines, mlm_cfg, device, ckpt_dir, logger, cfg.get("seed", 1234)))
        timings["mlm_s"] = round(time.time() - t0, 1)
        t0 = time.time()
        tasks = data.supervised_tasks(dcfg.get("limit_per_task", 0))
        pairs = data.pair_tasks(dcfg.get("limit_per_task", 0))
        if mt_cfg.get("max_steps", 0) > 0:
            train_metrics.update(run_multitask(bert, tok, tasks, pairs, mt_cfg, device, ckpt_dir, logger,
                                               cfg.get("seed", 1234) + 1))
        timings["multitask_s"] = round(time.time() - t0, 1)
        record["timings"] = dict(timings)
        record["train_metrics"] = train_metrics
        record["hf_config"] = bcfg.to_hf_dict()
        if args.train_only:
            tok.save_vocab(os.path.join(ckpt_dir, "vocab.txt"))
        with open(os.path.join(ckpt_dir, "train_result.json"), "w") as f:
            json.dump(record, f, indent=2)
        if args.train_only:
            if not args.skip_eval:
                from storemind_models.evaluate import evaluate_all
                m = evaluate_all(bert, tok, data.eval_sets(dcfg.get("eval_limit", 0), cfg["eval"].get("max_per_class", 0)), device, cfg["eval"]["steps"],
                                 log=lambda m: logger.log(stage="eval", metrics=m))
                record["device_eval"] = m
                with open(os.path.join(ckpt_dir, "train_result.json"), "w") as f:
                    json.dump(record, f, indent=2)
            logger.log(stage="train-only", event="done", wall_s=round(time.time() - t_all, 1))
            return 0
        bert.to("cpu").float()

    bert = bert.to("cpu").float().eval()
    cpu = torch.device("cpu")
    torch.save(bert.state_dict(), os.path.join(work, "encoder_fp32.pt"))

    # 3. evaluation (frozen-embedding softmax regression) -----------------------------------
    metrics = dict(train_metrics)
    if not args.skip_eval:
        from storemind_models.evaluate import evaluate_all
        t0 = time.time()
        metrics.update(evaluate_all(bert, tok, data.eval_sets(dcfg.get("eval_limit", 0), cfg["eval"].get("max_per_class", 0)), cpu, cfg["eval"]["steps"],
                                    log=lambda m: logger.log(stage="eval", metrics=m)))
        timings["eval_s"] = round(time.time() - t0, 1)

    # 4. export + quantise -----------------------------------------------------------------
    from storemind_models import bundle as B
    from storemind_models.export import export_onnx, onnx_op_counts, quantize_dynamic
    t0 = time.time()
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "onnx"))
    fp32_path = os.path.join(out, "onnx", "model.onnx")
    int8_path = os.path.join(out, "onnx", "model_quantized.onnx")
    export_onnx(bert, fp32_path, cfg["export"]["opset"])
    qstats = quantize_dynamic(fp32_path, int8_path, cfg.get("export", {}).get("quantize_embeddings", True))
    timings["export_s"] = round(time.time() - t0, 1)
    logger.log(stage="export", quant=qstats, int8_ops=onnx_op_counts(int8_path))

    # 5. verify the graphs with the reference runner -----------------------------------------
    t0 = time.time()
    ver = verify_exports(bert, tok, fp32_path, int8_path, data, dcfg, cfg, metrics)
    metrics.update(ver)
    timings["verify_s"] = round(time.time() - t0, 1)
    logger.log(stage="verify", **ver)

    # 6. bundle ----------------------------------------------------------------------------
    tok.save(out)
    B.write_json(os.path.join(out, "config.json"), bcfg.to_hf_dict())
    B.write_json(os.path.join(out, "golden.json"), B.golden(bert, tok))
    timings["total_local_s"] = round(time.time() - t_all, 1)
    sizes = {p: os.path.getsize(os.path.join(out, p)) for p in ("onnx/model.onnx", "onnx/model_quantized.onnx")}
    metrics["size_bytes"] = sizes
    metrics["params"] = record["params"]
    metrics["local_timings_s"] = timings
    write_model_card(out, cfg, bcfg, metrics, record, timings, qstats, args)
    B.write_manifest(out, name=name, version=cfg.get("version", "1.0.0"), metrics=metrics, extra={
        "kind": "encoder", "max_sequence_length": cfg["tokenizer"]["max_length"],
        "embedding_dim": bcfg.hidden_size, "pooling": "mean", "normalized": True,
        "outputs": ["last_hidden_state", "sentence_embedding"],
        "inputs": ["input_ids", "attention_mask", "token_type_ids"],
    })
    total = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(out) for f in fs)
    logger.log(stage="bundle", path=out, total_bytes=total, timings=timings)
    print(json.dumps({"bundle": out, "total_bytes": total, "metrics": metrics}, indent=2))
    return 0


def verify_exports(bert, tok, fp32_path, int8_path, data, dcfg, cfg, metrics):
    """fp32 ONNX vs torch (max abs diff), int8 vs fp32 (cosine, CLINC head agreement)."""
    import numpy as np
    import torch
    from storemind_models.bundle import GOLDEN_INPUTS
    from storemind_models.evaluate import embed, softmax_regression
    from storemind_models.export import run_onnx
    from storemind_models.model import mean_pool
    from storemind_models.train import pad_batch

    def onnx_embed(path, texts, bs=64):
        outs = []
        for j in range(0, len(texts), bs):
            ids, mask, tt = pad_batch([tok.encode(t, 64) for t in texts[j:j + bs]], torch.device("cpu"))
            r = run_onnx(path, {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": tt.numpy()})
            outs.append(torch.from_numpy(r["sentence_embedding"]))
        return torch.cat(outs)

    res = {}
    ids, mask, tt = pad_batch([tok.encode(t) for t in GOLDEN_INPUTS], torch.device("cpu"))
    with torch.no_grad():
        h = bert(ids, mask, tt)
        e = mean_pool(h, mask)
    r = run_onnx(fp32_path, {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": tt.numpy()})
    res["onnx_fp32_vs_torch_max_abs_diff"] = float(max(np.abs(r["sentence_embedding"] - e.numpy()).max(),
                                                        np.abs(r["last_hidden_state"] - h.numpy()).max()))
    ri = run_onnx(int8_path, {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": tt.numpy()})
    res["int8_vs_fp32_golden_min_cosine"] = float((ri["sentence_embedding"] * e.numpy()).sum(-1).min())
    n = cfg.get("eval", {}).get("int8_agreement_n", 600)
    if n and not metrics.get("skip_int8_eval"):
        clinc_tr, clinc_val = data.load_clinc()
        clinc_tr = data.cap_per_class(clinc_tr, cfg["eval"].get("agreement_head_per_class", 30))
        if dcfg.get("eval_limit"):
            clinc_tr = clinc_tr[: dcfg["eval_limit"]]
        val = clinc_val[:: max(1, len(clinc_val) // n)][:n]
        labels = sorted({y for _, y in clinc_tr})
        lid = {y: i for i, y in enumerate(labels)}
        head = softmax_regression(embed(bert, tok, [t for t, _ in clinc_tr], torch.device("cpu")),
                                  [lid[y] for _, y in clinc_tr], len(labels), steps=cfg["eval"]["steps"])
        texts = [t for t, _ in val]
        e32 = onnx_embed(fp32_path, texts)
        e8 = onnx_embed(int8_path, texts)
        p32, p8 = head(e32).argmax(-1), head(e8).argmax(-1)
        gold = torch.tensor([lid.get(y, -1) for _, y in val])
        res["int8_vs_fp32_mean_cosine"] = round(float((e32 * e8).sum(-1).mean()), 5)
        res["int8_vs_fp32_prediction_agreement"] = round(float((p32 == p8).float().mean()), 4)
        res["int8_agreement_sample"] = "CLINC150 val, every %dth of %d (%d sentences), LR head trained on fp32 embeddings" % (
            max(1, len(clinc_val) // n), len(clinc_val), len(val))
        res["clinc150_val_sample_acc_fp32_onnx"] = round(float((p32 == gold).float().mean()), 4)
        res["clinc150_val_sample_acc_int8_onnx"] = round(float((p8 == gold).float().mean()), 4)
    return res


def card_only(args):
    import torch
    from storemind_models.bundle import write_manifest
    from storemind_models.export import onnx_op_counts
    from storemind_models.model import BertConfig
    out = args.card_only
    cfg = load_config(args.config, args.device if args.device != "auto" else "cpu")
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        metrics = json.load(f)["metrics"]
    with open(os.path.join(out, "config.json"), encoding="utf-8") as f:
        bcfg = BertConfig(**json.load(f))
    work = args.work or os.path.join(HERE, ".work", cfg["name"])
    record = {"torch": torch.__version__}
    rp = os.path.join(work, "train_result.json")
    if os.path.exists(rp):
        with open(rp, encoding="utf-8") as f:
            record.update(json.load(f))
    if args.train_record and os.path.exists(args.train_record):
        with open(args.train_record, encoding="utf-8") as f:
            prev = json.load(f)
        record["training_run"] = {k: prev.get(k) for k in ("device", "gpu", "torch", "python", "timings", "params")}
    ops = onnx_op_counts(os.path.join(out, "onnx", "model_quantized.onnx"))
    qstats = {"matmul_quantized": ops.get("MatMulInteger", 0), "embedding_quantized": 1 if ops.get("Cast", 0) else 0}
    write_model_card(out, cfg, bcfg, metrics, record, metrics.get("local_timings_s", {}), qstats, args)
    write_manifest(out)
    print("model card re-rendered: %s" % os.path.join(out, "MODEL_CARD.md"))
    return 0


def runtime_results():
    """The runtime's measured table (native-models/RUNTIME_RESULTS.md, from `npm run bench`), if any."""
    p = os.path.join(HERE, "RUNTIME_RESULTS.md")
    if not os.path.exists(p):
        return []
    with open(p, encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n") + [""]


def write_model_card(out, cfg, bcfg, metrics, record, timings, qstats, args):
    """MODEL_CARD.md: the prose is MODEL_CARD.template.md; this fills in what the build measured."""
    from string import Template
    from storemind_models.bundle import mb
    tr = record.get("training_run") or {}
    ttim = tr.get("timings") or record.get("timings") or {}
    c = metrics.get("clinc150_val", {})
    sz = metrics.get("size_bytes", {})
    ret = metrics.get("instacart_heldout_aisle_retrieval", {})
    mt = cfg["multitask"]
    cpu = cfg.get("cpu_overrides", {})

    def g(k, d=metrics):
        v = d.get(k)
        return "n/a" if v is None else (("%.1f%%" % (100 * v)) if isinstance(v, float) and v <= 1.0 else str(v))

    note = cfg.get("training_note")
    rr = runtime_results()
    values = {
        "name": cfg["name"], "version": cfg.get("version", ""),
        "layers": bcfg.num_hidden_layers, "hidden": bcfg.hidden_size, "heads": bcfg.num_attention_heads, "intermediate": bcfg.intermediate_size,
        "vocab_size": bcfg.vocab_size, "max_positions": bcfg.max_position_embeddings, "params": "{:,}".format(metrics.get("params", 0)),
        "fp32_size": mb(sz.get("onnx/model.onnx", 0)), "int8_size": mb(sz.get("onnx/model_quantized.onnx", 0)),
        "matmul_quantized": qstats.get("matmul_quantized", 0), "embedding_quantized": qstats.get("embedding_quantized", 0),
        "opset": cfg["export"]["opset"],
        "min_frequency": cfg["tokenizer"]["min_frequency"],
        "mlm_seq_len": cfg["mlm"]["seq_len"], "mlm_batch": cfg["mlm"]["batch_size"], "mlm_lr": "%g" % cfg["mlm"]["lr"],
        "mt_scale": "%g" % mt["scale"], "mt_margin": "%g" % mt["margin"], "mt_tau": "%g" % mt["tau"],
        "trained_on": tr.get("gpu") or record.get("gpu") or ("CPU" if not tr else tr.get("device")),
        "trained_torch": tr.get("torch") or record.get("torch"),
        "mlm_time": human_s(ttim.get("mlm_s", 0)), "multitask_time": human_s(ttim.get("multitask_s", 0)),
        "training_note": ("\n" + "\n".join("> " + l for l in note) + "\n\n") if note else "",
        "mlm_steps": g("mlm_steps"), "mlm_epochs": g("mlm_epochs"), "mlm_corpus_tokens": "{:,}".format(metrics.get("mlm_corpus_tokens", 0)),
        "mlm_tokens_seen": "{:,}".format(metrics.get("mlm_tokens_seen", 0)), "mlm_loss_initial": g("mlm_heldout_loss_initial"), "mlm_loss": g("mlm_heldout_loss"),
        "multitask_steps": g("multitask_steps"), "torch": record.get("torch"), "eval_steps": cfg["eval"]["steps"],
        "clinc_in_scope": g("in_scope_acc", c), "clinc_oos_recall": g("oos_recall", c), "clinc_threshold": c.get("threshold", "n/a"),
        "clinc_thr_in_scope": g("thr_in_scope_acc", c), "clinc_thr_oos_recall": g("thr_oos_recall", c),
        "banking77": g("banking77_heldout_acc"), "bitext": g("bitext_val_acc"), "kiosk_test": g("kiosk_test_acc"),
        "retrieval_candidates": ret.get("candidates", "n/a"), "retrieval_top1": g("top1", ret), "retrieval_top5": g("top5", ret),
        "onnx_diff": "%.2e" % metrics.get("onnx_fp32_vs_torch_max_abs_diff", float("nan")),
        "int8_sample": metrics.get("int8_agreement_sample", "n/a"), "int8_cosine": metrics.get("int8_vs_fp32_mean_cosine", "n/a"),
        "int8_agreement": g("int8_vs_fp32_prediction_agreement"),
        "clinc_sample_fp32": g("clinc150_val_sample_acc_fp32_onnx"), "clinc_sample_int8": g("clinc150_val_sample_acc_int8_onnx"),
        "runtime_results": ("\n".join(rr) + "\n") if rr else "",
        "gpu_verb": "took" if tr.get("gpu") else "(not yet run) is budgeted at",
        "gpu_time": human_s((ttim.get("mlm_s", 0) + ttim.get("multitask_s", 0)) if tr.get("gpu") else cfg.get("_gpu_budget_s", 0)),
        "cpu_time": human_s(cpu.get("mlm", {}).get("time_budget_s", 0) + cpu.get("multitask", {}).get("time_budget_s", 0)),
        "local_time": human_s(timings.get("total_local_s", 0) - timings.get("mlm_s", 0) - timings.get("multitask_s", 0)),
    }
    with open(os.path.join(HERE, "MODEL_CARD.template.md"), encoding="utf-8") as f:
        card = Template(f.read()).substitute(values)
    with open(os.path.join(out, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write(card)


if __name__ == "__main__":
    sys.exit(main())
