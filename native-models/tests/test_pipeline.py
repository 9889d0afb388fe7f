"""Model-factory tests (CPU, < 2 min): /usr/bin/python3 -m unittest discover -s native-models/tests"""
import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
NM = os.path.dirname(HERE)
sys.path.insert(0, NM)

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))

from storemind_models import tokenizer as T  # noqa: E402
from storemind_models.bundle import sha256  # noqa: E402
from storemind_models.export import export_onnx, quantize_dynamic, run_onnx  # noqa: E402
from storemind_models.model import BertConfig, BertModel, mean_pool  # noqa: E402


def tiny_tokenizer():
    texts = ["where are the batteries", "where is the bread", "do you have bread", "return this item",
             "the batteries are in aisle five", "café crème", "請問"] * 3
    return T.WordPieceTokenizer(T.train_wordpiece(texts, 120, min_frequency=1))


class TokenizerTest(unittest.TestCase):
    def test_normalizer(self):
        self.assertEqual(T.normalize("Café CRÈME Brûlée"), "cafe creme brulee")
        self.assertEqual(T.normalize("a\u0000b\u200bc\td"), "abc d")  # NUL + format char dropped, tab -> space
        self.assertEqual(T.normalize("Ñandú"), "nandu")
        self.assertEqual(T.normalize("洗手間abc"), " 洗  手  間 abc")

    def test_pre_tokenizer(self):
        self.assertEqual(T.basic_tokenize("I'd like 2 AA-batteries, please!"),
                         ["i", "'", "d", "like", "2", "aa", "-", "batteries", ",", "please", "!"])
        self.assertEqual(T.basic_tokenize("請問洗手間"), ["請", "問", "洗", "手", "間"])

    def test_wordpiece_round_trip(self):
        tok = tiny_tokenizer()
        self.assertEqual(tok.vocab[:5], ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
        for text in ["where are the batteries", "Café crème", "return this bread"]:
            ids = tok.encode(text)
            self.assertEqual(ids[0], T.CLS)
            self.assertEqual(ids[-1], T.SEP)
            self.assertNotIn(T.UNK, ids)
            self.assertEqual(tok.decode(ids), " ".join(T.basic_tokenize(text)))
        self.assertEqual(tok.encode("zzzq"), [T.CLS, T.UNK, T.SEP])  # untokenisable word -> single [UNK]
        self.assertEqual(len(tok.encode("bread " * 500)), 128)

    def test_greedy_longest_match(self):
        tok = T.WordPieceTokenizer(T.SPECIAL_TOKENS + ["un", "##aff", "##able", "##a", "##b", "u", "##n", "a"])
        self.assertEqual(tok.tokens("unaffable"), ["[CLS]", "un", "##aff", "##able", "[SEP]"])

    def test_tokenizer_files(self):
        tok = tiny_tokenizer()
        d = tempfile.mkdtemp()
        try:
            tok.save(d)
            with open(os.path.join(d, "tokenizer.json"), encoding="utf-8") as f:
                tj = json.load(f)
            self.assertEqual(tj["normalizer"], {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                                                "strip_accents": None, "lowercase": True})
            self.assertEqual(tj["pre_tokenizer"]["type"], "BertPreTokenizer")
            self.assertEqual(tj["model"]["type"], "WordPiece")
            self.assertEqual(tj["model"]["unk_token"], "[UNK]")
            self.assertEqual(tj["model"]["max_input_chars_per_word"], 100)
            self.assertEqual(tj["post_processor"]["type"], "TemplateProcessing")
            with open(os.path.join(d, "vocab.txt"), encoding="utf-8") as f:
                lines = f.read().split("\n")[:-1]
            self.assertEqual({t: i for i, t in enumerate(lines)}, tj["model"]["vocab"])
            with open(os.path.join(d, "tokenizer_config.json")) as f:
                tc = json.load(f)
            self.assertEqual(tc["tokenizer_class"], "BertTokenizer")
            self.assertTrue(tc["do_lower_case"])
        finally:
            shutil.rmtree(d)


class ModelExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.manual_seed(0)
        cls.cfg = BertConfig(vocab_size=300, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                             intermediate_size=64, max_position_embeddings=32)
        cls.bert = BertModel(cls.cfg).eval()
        with torch.no_grad():  # make the weights less trivial than the 0.02-std init
            for p in cls.bert.parameters():
                p.add_(torch.randn_like(p) * 0.05)
        cls.dir = tempfile.mkdtemp()
        cls.fp32 = os.path.join(cls.dir, "onnx", "model.onnx")
        cls.int8 = os.path.join(cls.dir, "onnx", "model_quantized.onnx")
        export_onnx(cls.bert, cls.fp32, 14)
        cls.qstats = quantize_dynamic(cls.fp32, cls.int8)
        g = torch.Generator().manual_seed(1)
        ids = torch.randint(5, 300, (3, 11), generator=g)
        mask = torch.ones_like(ids)
        mask[1, 7:] = 0
        mask[2, 4:] = 0
        ids[mask == 0] = 0
        ids[:, 0] = 2
        cls.feeds = {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": np.zeros_like(ids.numpy())}
        with torch.no_grad():
            cls.h = cls.bert(ids, mask, torch.zeros_like(ids))
            cls.e = mean_pool(cls.h, mask)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_hf_names(self):
        keys = set(self.bert.state_dict())
        for k in ["embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                  "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight",
                  "encoder.layer.0.attention.self.query.weight", "encoder.layer.0.attention.self.key.bias",
                  "encoder.layer.0.attention.output.dense.weight", "encoder.layer.0.attention.output.LayerNorm.bias",
                  "encoder.layer.1.intermediate.dense.weight", "encoder.layer.1.output.dense.weight",
                  "encoder.layer.1.output.LayerNorm.weight"]:
            self.assertIn(k, keys)

    def test_onnx_io(self):
        m = onnx.load(self.fp32)
        onnx.checker.check_model(m)
        self.assertEqual([i.name for i in m.graph.input], ["input_ids", "attention_mask", "token_type_ids"])
        self.assertEqual([o.name for o in m.graph.output], ["last_hidden_state", "sentence_embedding"])
        for i in m.graph.input:
            self.assertEqual(i.type.tensor_type.elem_type, onnx.TensorProto.INT64)
            dims = [d.dim_param for d in i.type.tensor_type.shape.dim]
            self.assertEqual(dims, ["batch", "sequence"])
        self.assertTrue(14 <= m.opset_import[0].version <= 17)

    def test_fp32_matches_torch(self):
        r = run_onnx(self.fp32, self.feeds)
        np.testing.assert_allclose(r["last_hidden_state"], self.h.numpy(), atol=1e-4)
        np.testing.assert_allclose(r["sentence_embedding"], self.e.numpy(), atol=1e-4)
        np.testing.assert_allclose(np.linalg.norm(r["sentence_embedding"], axis=-1), 1.0, atol=1e-5)

    def test_int8_structure_and_agreement(self):
        m = onnx.load(self.int8)
        onnx.checker.check_model(m)
        ops = [n.op_type for n in m.graph.node]
        self.assertEqual(ops.count("MatMulInteger"), 2 * 6)  # q,k,v,attn-out,ffn-in,ffn-out per layer
        self.assertEqual(ops.count("DynamicQuantizeLinear"), 12)
        self.assertEqual(self.qstats["embedding_quantized"], 1)
        inits = {t.name: t for t in m.graph.initializer}
        for n in m.graph.node:
            if n.op_type == "MatMulInteger":
                self.assertEqual(inits[n.input[1]].data_type, onnx.TensorProto.INT8)
            if n.op_type == "MatMul":  # only activation x activation matmuls (attention) remain float
                self.assertNotIn(n.input[1], inits)
        fp32_bytes = sum(len(t.raw_data) for t in onnx.load(self.fp32).graph.initializer)
        int8_bytes = sum(len(t.raw_data) for t in m.graph.initializer)
        self.assertLess(int8_bytes, fp32_bytes * 0.5)
        r = run_onnx(self.int8, self.feeds)
        cos = (r["sentence_embedding"] * self.e.numpy()).sum(-1)
        self.assertGreater(float(cos.min()), 0.98)

    def test_state_dict_read_back_from_onnx(self):
        from storemind_models.prune import state_dict_from_onnx
        sd = state_dict_from_onnx(self.fp32)
        want = self.bert.state_dict()
        self.assertEqual(set(sd), set(want))
        for k, v in want.items():
            self.assertTrue(torch.equal(sd[k], v), k)

    def test_magnitude_prune(self):
        from storemind_models.prune import magnitude_prune, prunable_weights, state_dict_from_onnx
        bert = BertModel(self.cfg).eval()
        bert.load_state_dict(state_dict_from_onnx(self.fp32))
        before = {n: p.detach().clone() for n, p in bert.named_parameters()}
        stats = magnitude_prune(bert, 0.5)
        pruned = dict(prunable_weights(bert))
        self.assertEqual(len(pruned), 2 * 6)
        for n, p in bert.named_parameters():
            if n in pruned:
                self.assertAlmostEqual(float((p == 0).float().mean()), 0.5, delta=0.01)
                kept = p != 0  # survivors are untouched, and every zeroed weight was no larger than them
                self.assertTrue(torch.equal(p[kept], before[n][kept]))
                self.assertLessEqual(float(before[n][~kept].abs().max()), float(before[n][kept].abs().min()))
            else:
                self.assertTrue(torch.equal(p, before[n]), n)  # embeddings, LayerNorms, biases
        self.assertEqual(stats["zero_share_prunable"], 0.5)
        with torch.no_grad():
            h = bert(torch.from_numpy(self.feeds["input_ids"]), torch.from_numpy(self.feeds["attention_mask"]),
                     torch.zeros_like(torch.from_numpy(self.feeds["input_ids"])))
        self.assertFalse(torch.allclose(h, self.h))
        with self.assertRaises(ValueError):
            magnitude_prune(bert, 1.0)


class PipelineSmokeTest(unittest.TestCase):
    """Whole pipeline on configs/smoke.json into a temp folder; checks the bundle contract."""

    def test_smoke_bundle(self):
        import build
        d = tempfile.mkdtemp()
        try:
            out = os.path.join(d, "bundle")
            rc = build.main(["--config", os.path.join(NM, "configs", "smoke.json"), "--device", "cpu",
                             "--out", out, "--work", os.path.join(d, "work"), "--threads", "2"])
            self.assertEqual(rc, 0)
            for f in ["config.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt", "onnx/model.onnx",
                      "onnx/model_quantized.onnx", "golden.json", "manifest.json", "MODEL_CARD.md"]:
                self.assertTrue(os.path.exists(os.path.join(out, f)), f)
            with open(os.path.join(out, "manifest.json")) as f:
                man = json.load(f)
            listed = {x["path"] for x in man["files"]}
            on_disk = {os.path.relpath(os.path.join(r, fn), out).replace(os.sep, "/")
                       for r, _, fns in os.walk(out) for fn in fns} - {"manifest.json"}
            self.assertEqual(listed, on_disk)
            for x in man["files"]:
                p = os.path.join(out, x["path"])
                self.assertEqual(x["sha256"], sha256(p))
                self.assertEqual(x["size"], os.path.getsize(p))
            self.assertEqual(man["variants"], {"fp32": "onnx/model.onnx", "int8": "onnx/model_quantized.onnx"})
            self.assertEqual(man["embedding_dim"], 32)
            self.assertEqual(man["max_sequence_length"], 128)
            self.assertLess(man["metrics"]["onnx_fp32_vs_torch_max_abs_diff"], 1e-4)
            with open(os.path.join(out, "config.json")) as f:
                cfg = json.load(f)
            self.assertEqual(cfg["model_type"], "bert")
            with open(os.path.join(out, "golden.json")) as f:
                golden = json.load(f)
            self.assertEqual(len(golden["inputs"]), len(golden["fp32"]["sentence_embedding"]))
            self.assertEqual(len(golden["fp32"]["sentence_embedding"][0]), 8)
            # golden ids agree with the bundle's own tokenizer
            from storemind_models.tokenizer import WordPieceTokenizer
            tok = WordPieceTokenizer.from_vocab_file(os.path.join(out, "vocab.txt"))
            self.assertEqual([tok.encode(t) for t in golden["inputs"]], golden["fp32"]["input_ids"])
            # golden fp32 values agree with the exported ONNX graph
            for text, ids, exp in zip(golden["inputs"], golden["fp32"]["input_ids"], golden["fp32"]["sentence_embedding"]):
                a = np.array([ids], dtype=np.int64)
                r = run_onnx(os.path.join(out, "onnx", "model.onnx"),
                             {"input_ids": a, "attention_mask": np.ones_like(a), "token_type_ids": np.zeros_like(a)})
                np.testing.assert_allclose(r["sentence_embedding"][0, :8], exp, atol=1e-4)
            # --manifest-only re-hashes after a file changes
            golden["int8"] = {"sentence_embedding": golden["fp32"]["sentence_embedding"]}
            with open(os.path.join(out, "golden.json"), "w") as f:
                json.dump(golden, f)
            self.assertEqual(build.main(["--manifest-only", out]), 0)
            with open(os.path.join(out, "manifest.json")) as f:
                man2 = json.load(f)
            g = [x for x in man2["files"] if x["path"] == "golden.json"][0]
            self.assertEqual(g["sha256"], sha256(os.path.join(out, "golden.json")))
            self.assertEqual(man2["metrics"], man["metrics"])
        finally:
            shutil.rmtree(d)


if __name__ == "__main__":
    unittest.main()
