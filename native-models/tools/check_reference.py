"""Cross-check a bundle against the reference implementations where they are installed
(onnxruntime, HF `tokenizers`, `transformers`; none of them exists on the build machine, all of
them on the GPU machine). Prints one JSON object; exit code 1 if a check fails.

  python3 native-models/tools/check_reference.py BUNDLE [--state encoder.pt]
  python3 native-models/tools/check_reference.py --state encoder_fp16.pt --train-result train_result.json
"""
import argparse
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle", nargs="?")
    ap.add_argument("--state", help="encoder state_dict to load into transformers.BertModel")
    ap.add_argument("--train-result", help="train_result.json holding hf_config (when no bundle)")
    a = ap.parse_args()
    res, ok = {}, True

    def fail(k, v):
        nonlocal ok
        ok = False
        res[k] = "FAIL: %s" % v

    golden = None
    if a.bundle:
        with open(os.path.join(a.bundle, "golden.json"), encoding="utf-8") as f:
            golden = json.load(f)
        try:
            from tokenizers import Tokenizer
            tk = Tokenizer.from_file(os.path.join(a.bundle, "tokenizer.json"))
            ids = [tk.encode(t).ids for t in golden["inputs"]]
            extra = ["Ünïcödé  ACCENTS\tand\u200btabs", "请问厕所在哪里？", "x" * 120, "emoji 🙂 ok", "I'd like 2 AA-batteries!!"]
            from storemind_models.tokenizer import WordPieceTokenizer
            mine = WordPieceTokenizer.from_vocab_file(os.path.join(a.bundle, "vocab.txt"))
            same = all(tk.encode(t).ids == mine.encode(t, 10 ** 6) for t in extra)
            if ids == golden["fp32"]["input_ids"] and same:
                res["tokenizers_ids_match"] = True
            else:
                fail("tokenizers_ids_match", {"hf": ids, "golden": golden["fp32"]["input_ids"],
                                              "extra": [(tk.encode(t).ids, mine.encode(t, 10 ** 6)) for t in extra]})
        except ImportError as e:
            res["tokenizers"] = "not installed: %s" % e
        try:
            from transformers import BertTokenizer
            bt = BertTokenizer(os.path.join(a.bundle, "vocab.txt"), do_lower_case=True)
            ids = [bt(t)["input_ids"] for t in golden["inputs"]]
            res["transformers_BertTokenizer_ids_match"] = ids == golden["fp32"]["input_ids"] or "differs: %s" % ids
        except Exception as e:  # noqa: BLE001
            res["transformers_BertTokenizer"] = "skipped: %s" % e
        try:
            import onnxruntime as ort
            res["onnxruntime"] = ort.__version__
            outs = {}
            for var, fn in (("fp32", "model.onnx"), ("int8", "model_quantized.onnx")):
                s = ort.InferenceSession(os.path.join(a.bundle, "onnx", fn), providers=["CPUExecutionProvider"])
                res["%s_outputs" % var] = [o.name for o in s.get_outputs()]
                embs = []
                for ids in golden["fp32"]["input_ids"]:
                    x = np.array([ids], dtype=np.int64)
                    r = s.run(["last_hidden_state", "sentence_embedding"],
                              {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)})
                    embs.append(r[1][0])
                outs[var] = np.stack(embs)
                # batched with padding gives the same pooled embedding
                n = max(len(i) for i in golden["fp32"]["input_ids"])
                x = np.zeros((len(golden["inputs"]), n), dtype=np.int64)
                m = np.zeros_like(x)
                for j, ids in enumerate(golden["fp32"]["input_ids"]):
                    x[j, : len(ids)] = ids
                    m[j, : len(ids)] = 1
                rb = s.run(["sentence_embedding"], {"input_ids": x, "attention_mask": m, "token_type_ids": np.zeros_like(x)})[0]
                res["%s_batched_vs_single_max_abs" % var] = float(np.abs(rb - outs[var]).max())
            exp = np.array(golden["fp32"]["sentence_embedding"])
            d = float(np.abs(outs["fp32"][:, : exp.shape[1]] - exp).max())
            res["ort_fp32_vs_golden_max_abs"] = d
            if d > 1e-4:
                fail("ort_fp32_vs_golden", d)
            cos = (outs["fp32"] * outs["int8"]).sum(-1)
            res["ort_int8_vs_fp32_cosine_min"] = float(cos.min())
            res["ort_int8_vs_golden_fp32_max_abs_first8"] = float(np.abs(outs["int8"][:, : exp.shape[1]] - exp).max())
            # the factory's own numpy runner must agree with ORT on the int8 graph
            from storemind_models.export import run_onnx
            ids = golden["fp32"]["input_ids"][0]
            x = np.array([ids], dtype=np.int64)
            mine = run_onnx(os.path.join(a.bundle, "onnx", "model_quantized.onnx"),
                            {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)})
            res["ref_runner_vs_ort_int8_max_abs"] = float(np.abs(mine["sentence_embedding"][0] - outs["int8"][0]).max())
        except ImportError as e:
            res["onnxruntime"] = "not installed: %s" % e
    if a.state:
        try:
            import torch
            import transformers
            if a.bundle:
                with open(os.path.join(a.bundle, "config.json")) as f:
                    hf = json.load(f)
            else:
                with open(a.train_result) as f:
                    hf = json.load(f)["hf_config"]
            cfg = transformers.BertConfig(**{k: v for k, v in hf.items() if not k.startswith("_")})
            model = transformers.BertModel(cfg, add_pooling_layer=False).eval()
            sd = torch.load(a.state, map_location="cpu")
            sd = {k: v.float() if v.is_floating_point() else v for k, v in sd.items()}
            missing, unexpected = model.load_state_dict(sd, strict=False)
            missing = [k for k in missing if not k.endswith("position_ids")]
            res["hf_load_missing"], res["hf_load_unexpected"] = missing, list(unexpected)
            if missing or unexpected:
                fail("hf_load", (missing, unexpected))
            from storemind_models.model import BertConfig, BertModel
            mine = BertModel(BertConfig(**hf)).eval()
            mine.load_state_dict(sd)
            x = torch.randint(5, hf["vocab_size"], (2, 9))
            m = torch.ones_like(x)
            m[1, 6:] = 0
            with torch.no_grad():
                h1 = model(input_ids=x, attention_mask=m, token_type_ids=torch.zeros_like(x)).last_hidden_state
                h2 = mine(x, m, torch.zeros_like(x))
            d = float((h1 - h2)[m.bool()].abs().max())
            res["hf_vs_factory_last_hidden_max_abs"] = d
            if d > 1e-4:
                fail("hf_vs_factory", d)
            res["transformers"] = transformers.__version__
        except ImportError as e:
            res["transformers"] = "not installed: %s" % e
    res["ok"] = ok
    print(json.dumps(res, indent=1, default=str))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
