"""Reference numbers for the model card: softmax regression on frozen sentence embeddings."""
import time

import numpy as np
import torch
import torch.nn.functional as F

from .model import mean_pool
from .train import pad_batch


@torch.no_grad()
def embed(bert, tok, texts, device, batch_size=128, max_length=64):
    bert.eval()
    enc = [tok.encode(t, max_length) for t in texts]
    order = sorted(range(len(enc)), key=lambda i: len(enc[i]))
    out = torch.zeros(len(enc), bert.config.hidden_size)
    for j in range(0, len(order), batch_size):
        idx = order[j:j + batch_size]
        ids = pad_batch([enc[i] for i in idx], device)
        e = mean_pool(bert(*ids).float(), ids[1])
        out[idx] = e.cpu()
    return out


def softmax_regression(xtr, ytr, n_classes, steps=300, lr=0.05, wd=1e-4, seed=0):
    torch.manual_seed(seed)
    mu, sd = xtr.mean(0, keepdim=True), xtr.std(0, keepdim=True) + 1e-6
    x = (xtr - mu) / sd
    W = torch.zeros(x.shape[1], n_classes, requires_grad=True)
    b = torch.zeros(n_classes, requires_grad=True)
    opt = torch.optim.Adam([W, b], lr=lr)
    y = torch.as_tensor(ytr)
    for _ in range(steps):
        opt.zero_grad()
        loss = F.cross_entropy(x @ W + b, y) + wd * (W ** 2).sum()
        loss.backward()
        opt.step()
    W, b = W.detach(), b.detach()
    return lambda z: torch.softmax(((z - mu) / sd) @ W + b, dim=-1)


def classify(bert, tok, train, test, device, steps=300):
    labels = sorted({y for _, y in train})
    lid = {y: i for i, y in enumerate(labels)}
    xtr = embed(bert, tok, [t for t, _ in train], device)
    xte = embed(bert, tok, [t for t, _ in test], device)
    prob = softmax_regression(xtr, [lid[y] for _, y in train], len(labels), steps=steps)(xte)
    conf, pred = prob.max(-1)
    pred_labels = [labels[i] for i in pred.tolist()]
    return pred_labels, conf.numpy(), [y for _, y in test]


def clinc_metrics(pred, conf, gold, oos="oos"):
    pred, gold = np.array(pred), np.array(gold)
    ins = gold != oos
    res = {
        "in_scope_acc": float((pred[ins] == gold[ins]).mean()),
        "oos_recall": float((pred[~ins] == oos).mean()) if (~ins).any() else None,
    }
    best = None
    for thr in np.linspace(0.0, 0.95, 96):
        p = np.where(conf < thr, oos, pred)
        a = float((p[ins] == gold[ins]).mean())
        r = float((p[~ins] == oos).mean()) if (~ins).any() else 0.0
        score = 0.5 * (a + r)
        if best is None or score > best[0]:
            best = (score, thr, a, r)
    res.update({"threshold": round(float(best[1]), 3), "thr_in_scope_acc": best[2], "thr_oos_recall": best[3]})
    return res


def product_aisle_retrieval(bert, tok, held, device):
    """Held-out products (never trained): nearest aisle text by cosine, top-1 / top-5."""
    aisles = sorted({a for _, a in held})
    ea = embed(bert, tok, aisles, device)
    ep = embed(bert, tok, [p for p, _ in held], device)
    sims = ep @ ea.t()
    gold = torch.tensor([aisles.index(a) for _, a in held])
    top = sims.topk(min(5, len(aisles)), dim=-1).indices
    return {"top1": float((top[:, 0] == gold).float().mean()), "top5": float((top == gold[:, None]).any(-1).float().mean()),
            "n": len(held), "candidates": len(aisles)}


def evaluate_all(bert, tok, sets, device, steps=300, log=print):
    t0 = time.time()
    m = {}
    if "clinc150" in sets:
        tr, te = sets["clinc150"]
        r = clinc_metrics(*classify(bert, tok, tr, te, device, steps))
        m["clinc150_val"] = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()}
    for name, key in (("banking77", "banking77_heldout_acc"), ("bitext", "bitext_val_acc"), ("kiosk", "kiosk_test_acc")):
        if name in sets:
            tr, te = sets[name]
            pred, _, gold = classify(bert, tok, tr, te, device, steps)
            m[key] = round(float(np.mean(np.array(pred) == np.array(gold))), 4)
    if "instacart_heldout" in sets and sets["instacart_heldout"]:
        r = product_aisle_retrieval(bert, tok, sets["instacart_heldout"], device)
        m["instacart_heldout_aisle_retrieval"] = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()}
    m["eval_wall_s"] = round(time.time() - t0, 1)
    log(m)
    return m
