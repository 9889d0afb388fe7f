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
    with open(path, encoding="utf-8") as f:
        cfg = json.load(f)
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
        vocab = train_wordpiece(lines, cfg["tokenizer"]["vocab_size"], cfg["tokenizer"].get("min_frequency", 2))
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
    export_onnx(bert, fp32_path, cfg.get("export", {}).get("opset", 14))
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
    from storemind_models.bundle import mb
    tr = record.get("training_run") or {}
    trained_on = tr.get("gpu") or record.get("gpu") or ("CPU" if not tr else tr.get("device"))
    ttim = tr.get("timings") or record.get("timings") or {}
    c = metrics.get("clinc150_val", {})
    sz = metrics.get("size_bytes", {})

    def g(k, d=metrics):
        v = d.get(k)
        return "n/a" if v is None else (("%.1f%%" % (100 * v)) if isinstance(v, float) and v <= 1.0 else str(v))

    ret = metrics.get("instacart_heldout_aisle_retrieval", {})
    mt = cfg["multitask"]
    lines = [
        "# %s %s" % (cfg["name"], cfg.get("version", "")),
        "",
        "StoreMind's own small BERT sentence encoder, trained from scratch (no pretrained weights) for offline",
        "intent classification, out-of-scope detection and product/aisle retrieval on a kiosk CPU.",
        "Outputs `last_hidden_state` and `sentence_embedding` (masked mean pooling of the last hidden state,",
        "L2-normalised). Classification heads are trained later by the runtime (`storemind intent train`)",
        "on the frozen `sentence_embedding`.",
        "",
        "## Architecture",
        "",
        "| | |", "|---|---|",
        "| layers / hidden / heads / intermediate | %d / %d / %d / %d |" % (bcfg.num_hidden_layers, bcfg.hidden_size, bcfg.num_attention_heads, bcfg.intermediate_size),
        "| vocabulary | %d WordPiece tokens (BERT normalisation: lowercase, accents stripped, CJK split) |" % bcfg.vocab_size,
        "| max sequence length | %d |" % bcfg.max_position_embeddings,
        "| parameters | %s |" % "{:,}".format(metrics.get("params", 0)),
        "| onnx/model.onnx (fp32) | %s |" % mb(sz.get("onnx/model.onnx", 0)),
        "| onnx/model_quantized.onnx (int8) | %s: %d MatMuls as DynamicQuantizeLinear + MatMulInteger (int8 weights, per-column scales), word embeddings int8 per-row (%d) |" % (
            mb(sz.get("onnx/model_quantized.onnx", 0)), qstats.get("matmul_quantized", 0), qstats.get("embedding_quantized", 0)),
        "| ONNX opset | %d |" % cfg.get("export", {}).get("opset", 14),
        "",
        "The state_dict uses Hugging Face `BertModel` parameter names (no pooler), `config.json` is an HF BERT config.",
        "",
        "## Training data",
        "",
        "| dataset | used for | licence (as stated by the source) |",
        "|---|---|---|",
        "| Bitext customer-support intents (train) | corpus, intent task (27 intents); validation.csv evaluation only | CDLA-Sharing-1.0 |",
        "| Bitext customer-support responses | corpus (utterances + responses), extra Bitext intent examples | CDLA-Sharing-1.0 |",
        "| CLINC150 oos-eval (train + oos_train, OOS+ oos_train) | corpus, intent task (150 + oos); **val/oos_val never trained** | CC BY 3.0 |",
        "| BANKING77 train.csv, fixed 80% (seed 77) | corpus, intent task; the other 20% evaluation only | CC BY 4.0 |",
        "| Instacart products/aisles/departments | corpus, product -> 'aisle in the department' task (product_id % 10 != 0); the rest evaluation only | none stated; Instacart 2017 release 'as-is for non-commercial use' — **verify before commercial shipping** |",
        "| E-commerce FAQ (79 Q&A) | corpus, question <-> answer retrieval pairs | none stated in the mirror; check the Kaggle page |",
        "| UCI Online Retail sample (product descriptions only) | corpus (MLM) | CC BY 4.0 (UCI) |",
        "| StoreMind kiosk intents (`native-models/data/kiosk_intents/train.jsonl`, project-authored) | corpus, intent task; test.jsonl evaluation only | project-owned |",
        "| StoreMind retail text / demo catalog (if present at build time) | corpus | project-owned |",
        "",
        "Provenance of each dataset: `../shared/datasets/*/PROVENANCE.md` (commit-pinned sources). Official test splits of",
        "Bitext, CLINC150 and BANKING77 were never available to this factory. The bundle contains no dataset text",
        "beyond the WordPiece vocabulary and the golden sentences.",
        "",
        "## Training",
        "",
        "1. WordPiece vocabulary (BPE-style merges, min frequency %d) learned on the corpus." % cfg["tokenizer"].get("min_frequency", 2),
        "2. MLM pretraining (dynamic masking 15%%: 80/10/10), packed %d-token sequences, batch %d, AdamW lr %g, cosine decay by progress = max(steps, wall clock)." % (
            cfg["mlm"]["seq_len"], cfg["mlm"]["batch_size"], cfg["mlm"]["lr"]),
        "3. Multi-task training of the pooled embedding: per-dataset normalised softmax heads (scale %g, margin %g) +" % (mt.get("scale", 20), mt.get("margin", 0.1)),
        "   symmetric in-batch InfoNCE (tau %g) between same-intent paraphrase pairs, product name <-> aisle text, FAQ" % mt.get("tau", 0.05),
        "   question <-> answer (same-label off-diagonal pairs masked). Heads are dropped at export.",
        "",
        "Weights in this bundle: trained on **%s** (torch %s); MLM %s, multi-task %s (wall clock; both stages are" % (
            trained_on, tr.get("torch") or record.get("torch"), human_s(ttim.get("mlm_s", 0)), human_s(ttim.get("multitask_s", 0))),
        "time-budgeted, so a rerun on another machine gives a model of the same recipe, not bit-identical weights).",
    ] + ([""] + ["> " + l for l in cfg.get("training_note", [])] + [""] if cfg.get("training_note") else []) + [
        "MLM: %s optimizer steps, %s epochs over %s corpus tokens (%s tokens seen); held-out MLM loss %s -> %s." % (
            g("mlm_steps"), g("mlm_epochs"), "{:,}".format(metrics.get("mlm_corpus_tokens", 0)),
            "{:,}".format(metrics.get("mlm_tokens_seen", 0)), g("mlm_heldout_loss_initial"), g("mlm_heldout_loss")),
        "Multi-task: %s steps." % g("multitask_steps"),
        "Export, quantisation and evaluation ran on the build machine's CPU (torch %s)." % record.get("torch"),
        "",
        "## Evaluation (frozen sentence_embedding + softmax regression, %d full-batch Adam steps)" % cfg["eval"]["steps"],
        "",
        "| benchmark | metric | value |",
        "|---|---|---|",
        "| CLINC150 val (3,000 in-scope + 100 oos; never trained) | in-scope accuracy (argmax, oos as a class) | %s |" % g("in_scope_acc", c),
        "| | oos recall (argmax) | %s |" % g("oos_recall", c),
        "| | with confidence threshold %s chosen **on val**: in-scope acc / oos recall | %s / %s |" % (c.get("threshold", "n/a"), g("thr_in_scope_acc", c), g("thr_oos_recall", c)),
        "| BANKING77 fixed 20%% held out of train.csv | accuracy | %s |" % g("banking77_heldout_acc"),
        "| Bitext validation.csv | accuracy | %s |" % g("bitext_val_acc"),
        "| StoreMind kiosk intents test.jsonl | accuracy | %s |" % g("kiosk_test_acc"),
        "| Instacart held-out products -> aisle text (cosine, %s candidates) | top-1 / top-5 | %s / %s |" % (ret.get("candidates", "n/a"), g("top1", ret), g("top5", ret)),
        "| ONNX fp32 vs torch (golden sentences) | max abs diff | %.2e |" % metrics.get("onnx_fp32_vs_torch_max_abs_diff", float("nan")),
        "| int8 vs fp32 (%s) | mean cosine / head agreement | %s / %s |" % (metrics.get("int8_agreement_sample", "n/a"),
                                                                          metrics.get("int8_vs_fp32_mean_cosine", "n/a"), g("int8_vs_fp32_prediction_agreement")),
        "| | CLINC150 val sample accuracy fp32 / int8 (argmax) | %s / %s |" % (g("clinc150_val_sample_acc_fp32_onnx"), g("clinc150_val_sample_acc_int8_onnx")),
        "",
        "The int8 numbers were computed with the factory's own numpy evaluation of the quantised graph (same",
        "DynamicQuantizeLinear/MatMulInteger arithmetic as onnxruntime); `write-golden.ts` checks the real",
        "onnxruntime-node output. The threshold is tuned on the same val split it is reported on, so the",
        "thresholded numbers are optimistic; the runtime should tune its own threshold on store data.",
        "",
        *runtime_results(),
        "## Limits",
        "",
        "- English only; CJK characters tokenise to single characters, mostly [UNK] for non-Latin scripts.",
        "- Trained from scratch on ~1-2M tokens: far less general language knowledge than a pretrained BERT;",
        "  phrasing far from the training domains (banking, travel, online orders, groceries) embeds less reliably.",
        "- Grocery product names come from a US catalogue; other assortments and languages need store data.",
        "- Out-of-scope detection needs a store-tuned threshold; do not use the val-tuned value blindly.",
        "- Instacart and FAQ licences are unclear for commercial shipping (see table above).",
        "",
        "## Rebuild",
        "",
        "```",
        "/usr/bin/python3 native-models/build.py --config native-models/configs/%s.json --device cuda   # GPU recipe (tools/gpu_run.sh runs its training part)" % cfg["name"],
        "/usr/bin/python3 native-models/build.py --config native-models/configs/%s.json --device cpu --threads 1   # CPU recipe (cpu_overrides)" % cfg["name"],
        "/usr/bin/python3 native-models/build.py --from-checkpoint encoder_fp16.pt   # export + evaluate + bundle a trained encoder",
        "node --import tsx native-models/write-golden.ts native-models/bundles/%s   # int8 golden values (onnxruntime-node)" % cfg["name"],
        "/usr/bin/python3 native-models/build.py --manifest-only native-models/bundles/%s" % cfg["name"],
        "```",
        "",
        "Time: the GPU recipe %s about %s of training on one H200 (wall-clock budget); the CPU recipe trains" % (
            "took" if tr.get("gpu") else "(not yet run) is budgeted at",
            human_s((ttim.get("mlm_s", 0) + ttim.get("multitask_s", 0)) if tr.get("gpu") else cfg.get("_gpu_budget_s", 0))),
        "for %s on 2 cores (budgeted; use 1 torch thread when other jobs share the cores). Vocabulary, evaluation, export and verification took %s on this build machine's CPU." % (
            human_s(cfg.get("cpu_overrides", {}).get("mlm", {}).get("time_budget_s", 0) + cfg.get("cpu_overrides", {}).get("multitask", {}).get("time_budget_s", 0)),
            human_s(timings.get("total_local_s", 0) - timings.get("mlm_s", 0) - timings.get("multitask_s", 0))),
        "",
    ]
    with open(os.path.join(out, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
