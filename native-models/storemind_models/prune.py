"""Magnitude pruning of a trained encoder (optional factory stage, `native-models/prune.py`).

Zeroes the smallest-magnitude weights of each transformer Linear layer (query/key/value, attention
output, intermediate, output), each matrix by its own threshold, so every layer keeps the same
share. Embeddings, LayerNorms and biases are left alone: the word-embedding table is a lookup, and
pruning it would drop whole tokens' meaning rather than redundant connections.

The export stays a dense ONNX graph: onnxruntime's CPU kernels do not skip zeros, so pruning
changes neither the file size nor the latency on the terminal. What it can buy is a smaller
compressed download (zeros compress), which is what a model update costs a store's network.

Also reads an encoder back from a bundle's fp32 ONNX file, so pruning (or any later stage) can
start from the committed bundle when the training checkpoint is not at hand.
"""
import numpy as np
import onnx
import torch
from onnx import numpy_helper

PRUNABLE = ("attention.self.query", "attention.self.key", "attention.self.value",
            "attention.output.dense", "intermediate.dense", "output.dense")


def state_dict_from_onnx(path):
    """HF-named state_dict (no `bert.` prefix) of an encoder exported by export.export_onnx.

    Named initializers carry their torch names; MatMul weights are anonymous (`onnx::MatMul_N`,
    stored transposed), so they are named after the node that consumes them, whose name is the
    module path (`/bert/encoder/layer.0/attention/self/query/MatMul`).
    """
    m = onnx.load(path)
    inits = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    sd = {}
    for name, arr in inits.items():
        if name.startswith("bert."):
            sd[name[len("bert."):]] = torch.from_numpy(np.array(arr))
    for node in m.graph.node:
        if node.op_type != "MatMul":
            continue
        weight = [i for i in node.input if i in inits and not i.startswith("bert.")]
        if not weight:
            continue
        parts = node.name.strip("/").split("/")
        if len(parts) < 2 or parts[0] != "bert" or parts[-1] != "MatMul":
            raise ValueError("cannot name the MatMul weight of node %r" % node.name)
        key = ".".join(parts[1:-1]) + ".weight"
        sd[key] = torch.from_numpy(np.array(inits[weight[0]]).T.copy())
    return sd


def prunable_weights(bert):
    return [(n, p) for n, p in bert.named_parameters()
            if n.endswith(".weight") and any(s in n for s in PRUNABLE) and p.dim() == 2]


@torch.no_grad()
def magnitude_prune(bert, sparsity):
    """Zero the `sparsity` share of smallest |w| in every prunable matrix; returns stats."""
    if not 0.0 <= sparsity < 1.0:
        raise ValueError("sparsity must be in [0, 1), got %r" % sparsity)
    pruned = total = 0
    for _, w in prunable_weights(bert):
        k = int(round(sparsity * w.numel()))
        if k > 0:
            threshold = w.abs().flatten().kthvalue(k).values
            mask = w.abs() > threshold
            w.mul_(mask)
        pruned += int((w == 0).sum())
        total += w.numel()
    all_params = sum(p.numel() for p in bert.parameters())
    return {"sparsity_target": sparsity, "prunable_params": total, "zero_prunable": pruned,
            "zero_share_prunable": round(pruned / max(1, total), 4),
            "zero_share_all": round(pruned / max(1, all_params), 4)}
