"""ONNX export, int8 dynamic quantisation (graph rewrite) and a small reference ONNX runner.

Quantisation follows onnxruntime's dynamic (MatMulInteger) pattern:
    x (float) -> DynamicQuantizeLinear -> x_q uint8, x_scale, x_zp
    MatMulInteger(x_q, W_q int8, x_zp, 0) -> int32 -> Cast(float) -> Mul(x_scale * w_scale[col])
Weights are symmetric int8, one scale per output column (zero point 0, given as a scalar).
The word-embedding table becomes int8 with one scale per row:
    Gather(W_q, ids) -> Cast(float) -> Mul(Unsqueeze(Gather(row_scale, ids), -1))
The runner below (numpy + torch ops) exists because Python onnxruntime is not installed here; it
implements exactly the ops this exporter emits, so the tests can compare ONNX vs torch.
"""
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

from .model import ExportWrapper

INPUT_NAMES = ["input_ids", "attention_mask", "token_type_ids"]
OUTPUT_NAMES = ["last_hidden_state", "sentence_embedding"]


def export_onnx(bert, path, opset=14):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wrapper = ExportWrapper(bert).eval()
    ids = torch.tensor([[2, 10, 11, 12, 3, 0], [2, 13, 14, 3, 0, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    tt = torch.zeros_like(ids)
    axes = {n: {0: "batch", 1: "sequence"} for n in INPUT_NAMES}
    axes["last_hidden_state"] = {0: "batch", 1: "sequence"}
    axes["sentence_embedding"] = {0: "batch"}
    with torch.no_grad():
        torch.onnx.export(wrapper, (ids, mask, tt), path, input_names=INPUT_NAMES, output_names=OUTPUT_NAMES,
                          dynamic_axes=axes, opset_version=opset, do_constant_folding=True)
    m = onnx.load(path)
    m.producer_name = "storemind-model-factory"
    m.doc_string = "StoreMind BERT encoder: last_hidden_state + L2-normalised masked-mean sentence_embedding"
    onnx.checker.check_model(m)
    onnx.save(m, path)
    return m


def _uniq(names, base):
    i = 0
    while True:
        n = "%s_%d" % (base, i) if i else base
        if n not in names:
            names.add(n)
            return n
        i += 1


def quantize_dynamic(src, dst, quantize_embeddings=True, min_elements=1024):
    m = onnx.load(src)
    g = m.graph
    inits = {t.name: t for t in g.initializer}
    consumers = {}
    for n in g.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    names = set(inits) | {o for n in g.node for o in n.output} | {i.name for i in g.input}
    new_nodes = []
    remove_inits = set()
    add_inits = []
    stats = {"matmul_quantized": 0, "embedding_quantized": 0}
    for n in g.node:
        if (n.op_type == "MatMul" and n.input[1] in inits and len(inits[n.input[1]].dims) == 2
                and int(np.prod(inits[n.input[1]].dims)) >= min_elements
                and inits[n.input[1]].data_type == TensorProto.FLOAT):
            w = numpy_helper.to_array(inits[n.input[1]]).astype(np.float32)
            col_max = np.maximum(np.abs(w).max(axis=0), 1e-8)
            w_scale = (col_max / 127.0).astype(np.float32)
            w_q = np.clip(np.round(w / w_scale), -127, 127).astype(np.int8)
            base = n.input[1].replace(":", "_").replace(".", "_")
            wq_name = _uniq(names, base + "_quantized")
            ws_name = _uniq(names, base + "_scale")
            wz_name = _uniq(names, base + "_zero_point")
            add_inits += [numpy_helper.from_array(w_q, wq_name), numpy_helper.from_array(w_scale, ws_name),
                          numpy_helper.from_array(np.array(0, dtype=np.int8), wz_name)]
            if all(c is n for c in consumers.get(n.input[1], [])) and n.input[1] not in {o.name for o in g.output}:
                remove_inits.add(n.input[1])
            x = n.input[0]
            tag = _uniq(names, (n.name or "MatMul").replace("/", "_").strip("_") + "_quant")
            xq, xs, xz = tag + "_x_q", tag + "_x_scale", tag + "_x_zp"
            mi, mf, sc = tag + "_int32", tag + "_float", tag + "_scale"
            for nm in (xq, xs, xz, mi, mf, sc):
                names.add(nm)
            new_nodes += [
                helper.make_node("DynamicQuantizeLinear", [x], [xq, xs, xz], name=tag + "_DynamicQuantizeLinear"),
                helper.make_node("MatMulInteger", [xq, wq_name, xz, wz_name], [mi], name=tag + "_MatMulInteger"),
                helper.make_node("Cast", [mi], [mf], name=tag + "_Cast", to=TensorProto.FLOAT),
                helper.make_node("Mul", [xs, ws_name], [sc], name=tag + "_ScaleMul"),
                helper.make_node("Mul", [mf, sc], [n.output[0]], name=tag + "_OutputMul"),
            ]
            stats["matmul_quantized"] += 1
        elif (quantize_embeddings and n.op_type == "Gather" and n.input[0] in inits
              and len(inits[n.input[0]].dims) == 2 and inits[n.input[0]].dims[0] >= 256
              and inits[n.input[0]].data_type == TensorProto.FLOAT
              and all(c.op_type == "Gather" for c in consumers.get(n.input[0], []))
              and int(dict((a.name, a) for a in n.attribute).get("axis", helper.make_attribute("axis", 0)).i) == 0):
            w = numpy_helper.to_array(inits[n.input[0]]).astype(np.float32)
            row_max = np.maximum(np.abs(w).max(axis=1), 1e-8)
            r_scale = (row_max / 127.0).astype(np.float32)
            w_q = np.clip(np.round(w / r_scale[:, None]), -127, 127).astype(np.int8)
            base = n.input[0].replace(":", "_").replace(".", "_")
            wq_name = _uniq(names, base + "_quantized")
            rs_name = _uniq(names, base + "_row_scale")
            ax_name = _uniq(names, base + "_unsqueeze_axes")
            add_inits += [numpy_helper.from_array(w_q, wq_name), numpy_helper.from_array(r_scale, rs_name),
                          numpy_helper.from_array(np.array([-1], dtype=np.int64), ax_name)]
            remove_inits.add(n.input[0])
            tag = _uniq(names, "word_embeddings_dequant")
            gq, gf, gs, gsu = tag + "_rows_q", tag + "_rows_f", tag + "_row_scale", tag + "_row_scale_u"
            new_nodes += [
                helper.make_node("Gather", [wq_name, n.input[1]], [gq], name=tag + "_GatherQ", axis=0),
                helper.make_node("Cast", [gq], [gf], name=tag + "_Cast", to=TensorProto.FLOAT),
                helper.make_node("Gather", [rs_name, n.input[1]], [gs], name=tag + "_GatherScale", axis=0),
                helper.make_node("Unsqueeze", [gs, ax_name], [gsu], name=tag + "_Unsqueeze"),
                helper.make_node("Mul", [gf, gsu], [n.output[0]], name=tag + "_Mul"),
            ]
            stats["embedding_quantized"] += 1
        else:
            new_nodes.append(n)
    del g.node[:]
    g.node.extend(new_nodes)
    keep = [t for t in g.initializer if t.name not in remove_inits]
    del g.initializer[:]
    g.initializer.extend(keep + add_inits)
    # value_info may describe removed tensors; drop it (shapes are re-inferable)
    del g.value_info[:]
    m.doc_string = (m.doc_string or "") + " | int8 dynamic quantisation (MatMulInteger), int8 word embeddings"
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return stats


# ---- reference runner ---------------------------------------------------------------------
_NP = {TensorProto.FLOAT: np.float32, TensorProto.INT64: np.int64, TensorProto.INT32: np.int32,
       TensorProto.INT8: np.int8, TensorProto.UINT8: np.uint8, TensorProto.BOOL: np.bool_,
       TensorProto.DOUBLE: np.float64}


def _attrs(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _dql(x):
    x = x.astype(np.float32)
    lo = min(0.0, float(x.min()))
    hi = max(0.0, float(x.max()))
    scale = np.float32((hi - lo) / 255.0) if hi > lo else np.float32(1.0)
    zp = np.clip(np.round(-lo / scale), 0, 255)
    q = np.clip(np.round(x / scale) + zp, 0, 255).astype(np.uint8)
    return q, np.array(scale, dtype=np.float32), np.array(zp, dtype=np.uint8)


def run_onnx(model, feeds):
    """Evaluate an ONNX graph made by this module with numpy (fp32 results)."""
    if isinstance(model, str):
        model = onnx.load(model)
    g = model.graph
    env = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    env.update(feeds)
    for n in g.node:
        a = _attrs(n)
        x = [env[i] if i else None for i in n.input]
        op = n.op_type
        if op == "Constant":
            out = [numpy_helper.to_array(a["value"])]
        elif op == "Gather":
            out = [np.take(x[0], x[1].astype(np.int64), axis=a.get("axis", 0))]
        elif op in ("Add", "Sub", "Mul", "Div", "Pow", "Equal", "Max", "Min"):
            f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Pow": np.power,
                 "Equal": np.equal, "Max": np.maximum, "Min": np.minimum}[op]
            r = f(x[0], x[1])
            if op == "Div" and np.issubdtype(x[0].dtype, np.integer):
                r = np.trunc(r)
            if op != "Equal":
                r = r.astype(x[0].dtype)
            out = [r]
        elif op == "MatMul":
            out = [np.matmul(x[0], x[1]).astype(np.float32)]
        elif op == "Sqrt":
            out = [np.sqrt(x[0])]
        elif op == "Erf":
            out = [torch.erf(torch.from_numpy(np.ascontiguousarray(x[0]))).numpy()]
        elif op == "Softmax":
            ax = a.get("axis", -1)
            e = np.exp(x[0] - x[0].max(axis=ax, keepdims=True))
            out = [e / e.sum(axis=ax, keepdims=True)]
        elif op == "Transpose":
            out = [np.transpose(x[0], a.get("perm"))]
        elif op == "Reshape":
            shape = list(x[1])
            shape = [x[0].shape[i] if s == 0 else s for i, s in enumerate(shape)]
            out = [x[0].reshape(shape)]
        elif op == "Shape":
            out = [np.array(x[0].shape, dtype=np.int64)]
        elif op == "Size":
            out = [np.array(x[0].size, dtype=np.int64)]
        elif op == "Slice":
            starts, ends = x[1], x[2]
            axes = x[3] if len(x) > 3 and x[3] is not None else list(range(len(starts)))
            steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(starts)
            sl = [slice(None)] * x[0].ndim
            for s, e, ax, st in zip(starts, ends, axes, steps):
                sl[int(ax)] = slice(int(s), int(min(e, 2 ** 62)) if e > -2 ** 62 else None, int(st))
            out = [x[0][tuple(sl)]]
        elif op == "Unsqueeze":
            axes = list(x[1]) if len(x) > 1 and x[1] is not None else a["axes"]
            r = x[0]
            for ax in sorted(int(v) if v >= 0 else int(v) + r.ndim + 1 for v in axes):
                r = np.expand_dims(r, ax)
            out = [r]
        elif op == "Squeeze":
            axes = list(x[1]) if len(x) > 1 and x[1] is not None else a.get("axes")
            out = [np.squeeze(x[0], axis=tuple(int(v) for v in axes) if axes is not None else None)]
        elif op == "Concat":
            out = [np.concatenate([v for v in x], axis=a["axis"])]
        elif op == "Cast":
            out = [x[0].astype(_NP[a["to"]])]
        elif op == "ReduceMean":
            out = [x[0].mean(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))]
        elif op == "ReduceSum":
            axes = tuple(int(v) for v in x[1]) if len(x) > 1 and x[1] is not None else tuple(a.get("axes", []))
            out = [x[0].sum(axis=axes or None, keepdims=bool(a.get("keepdims", 1))).astype(x[0].dtype)]
        elif op == "ReduceL2":
            out = [np.sqrt((x[0].astype(np.float32) ** 2).sum(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1))))]
        elif op == "Clip":
            lo = x[1] if len(x) > 1 and x[1] is not None else -np.inf
            hi = x[2] if len(x) > 2 and x[2] is not None else np.inf
            out = [np.clip(x[0], lo, hi).astype(x[0].dtype)]
        elif op == "Expand":
            out = [x[0] * np.ones(tuple(x[1]), dtype=x[0].dtype)]
        elif op == "ConstantOfShape":
            v = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
            out = [np.full(tuple(x[0]), v.reshape(-1)[0], dtype=v.dtype)]
        elif op == "Where":
            out = [np.where(x[0], x[1], x[2])]
        elif op == "Neg":
            out = [-x[0]]
        elif op == "Identity":
            out = [x[0]]
        elif op == "DynamicQuantizeLinear":
            out = list(_dql(x[0]))
        elif op == "MatMulInteger":
            A = x[0].astype(np.int32) - x[2].astype(np.int32)
            Bm = x[1].astype(np.int32) - (x[3].astype(np.int32) if len(x) > 3 and x[3] is not None else 0)
            out = [np.matmul(A.astype(np.int64), Bm.astype(np.int64)).astype(np.int32)]
        else:
            raise NotImplementedError("reference runner: op %s" % op)
        for name, v in zip(n.output, out):
            env[name] = np.asarray(v)
    return {o.name: env[o.name] for o in g.output}


def onnx_op_counts(path):
    m = onnx.load(path)
    c = {}
    for n in m.graph.node:
        c[n.op_type] = c.get(n.op_type, 0) + 1
    return c
