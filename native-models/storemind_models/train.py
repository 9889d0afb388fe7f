"""Training stages: MLM pretraining and multi-task supervised + contrastive training.

Both stages are budgeted by steps *and* wall clock (whichever ends first); the LR schedule
follows progress = max(step / max_steps, elapsed / time_budget_s), so a time-limited run still
finishes its decay. Checkpoints (fp16 state_dict of the encoder) are written periodically.
"""
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from .defaults import section
from .model import BertModel, MLMHead, mean_pool
from .tokenizer import CLS, MASK, PAD, SEP, SPECIAL_TOKENS


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def autocast_ctx(device, enabled):
    if device.type == "cuda" and enabled:
        return torch.autocast(device_type="cuda", dtype=torch.bfloat16)
    import contextlib
    return contextlib.nullcontext()


def save_fp16(model, path):
    sd = {k: v.detach().to("cpu").half() if v.is_floating_point() else v.detach().to("cpu")
          for k, v in model.state_dict().items()}
    tmp = path + ".tmp"
    torch.save(sd, tmp)
    os.replace(tmp, path)


def load_state(model, path):
    sd = torch.load(path, map_location="cpu")
    sd = {k: v.float() if v.is_floating_point() else v for k, v in sd.items()}
    model.load_state_dict(sd, strict=True)
    return model


def lr_factor(progress, step, warmup):
    if step < warmup:
        return (step + 1) / warmup
    progress = min(max(progress, 0.0), 1.0)
    return 0.05 + 0.95 * 0.5 * (1.0 + math.cos(math.pi * progress))


def pad_batch(seqs, device):
    n = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), n), PAD, dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = torch.tensor(s, dtype=torch.long)
    mask = (ids != PAD).long()
    return ids.to(device), mask.to(device), torch.zeros_like(ids).to(device)


class Logger:
    def __init__(self, path=None):
        self.path = path
        self.records = []

    def log(self, **kw):
        kw["t"] = round(time.time(), 2)
        self.records.append(kw)
        print(json.dumps(kw), flush=True)
        if self.path:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(json.dumps(kw) + "\n")


# ---- MLM -----------------------------------------------------------------------------------
def pack_sequences(encoded, seq_len, rng):
    """Concatenate shuffled lines ([SEP]-separated) into [CLS] + (seq_len-1) token chunks.
    `encoded` is a list of int64 arrays that already end with [SEP]."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    stream = np.concatenate([encoded[i] for i in order]) if order else np.zeros(0, np.int64)
    body = seq_len - 1
    n = max(1, -(-len(stream) // body))
    flat = np.full(n * body, PAD, dtype=np.int64)
    flat[: len(stream)] = stream
    arr = np.empty((n, seq_len), dtype=np.int64)
    arr[:, 0] = CLS
    arr[:, 1:] = flat.reshape(n, body)
    return arr


def mask_tokens(ids, vocab_size, gen, prob=0.15):
    """BERT dynamic masking; returns masked ids and labels (-100 where not predicted)."""
    labels = ids.clone()
    special = ids < len(SPECIAL_TOKENS)
    p = torch.full(ids.shape, prob, device=ids.device)
    p.masked_fill_(special, 0.0)
    chosen = torch.bernoulli(p, generator=gen).bool()
    labels[~chosen] = -100
    r = torch.rand(ids.shape, generator=gen, device=ids.device)
    ids = ids.clone()
    ids[chosen & (r < 0.8)] = MASK
    rand_pos = chosen & (r >= 0.8) & (r < 0.9)
    rand_ids = torch.randint(len(SPECIAL_TOKENS), vocab_size, ids.shape, generator=gen, device=ids.device)
    ids[rand_pos] = rand_ids[rand_pos]
    return ids, labels


def mlm_loss(bert, head, ids, mask, labels):
    h = bert(ids, mask, torch.zeros_like(ids))
    sel = labels != -100
    logits = head(h[sel])
    return F.cross_entropy(logits.float(), labels[sel])


def run_mlm(bert, tok, lines, cfg, device, out_dir, logger, seed):
    cfg = section("mlm", cfg)
    set_seed(seed)
    rng = random.Random(seed)
    encoded = [tok.encode_plain(l)[: cfg["seq_len"] - 2] for l in lines]
    encoded = [np.array(e + [SEP], dtype=np.int64) for e in encoded if e]
    idx = list(range(len(encoded)))
    rng.shuffle(idx)
    n_held = max(1, int(len(idx) * cfg["heldout_frac"]))
    held = [encoded[i] for i in idx[:n_held]]
    train = [encoded[i] for i in idx[n_held:]]
    n_tokens = int(sum(len(e) for e in train))
    logger.log(stage="mlm", event="data", lines=len(train), heldout_lines=len(held), tokens=n_tokens)
    held_arr = pack_sequences(held, cfg["seq_len"], random.Random(seed + 1))
    gen_eval = torch.Generator(device=device)
    head = MLMHead(bert.config, bert.embeddings.word_embeddings).to(device)
    params = list(bert.parameters()) + [p for n, p in head.named_parameters() if not n.startswith("word_embeddings")]
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=0.01, betas=(0.9, 0.98), eps=1e-6)
    gen = torch.Generator(device=device)
    gen.manual_seed(seed)
    use_amp = cfg["amp"]

    def evaluate():
        bert.eval()
        head.eval()
        gen_eval.manual_seed(seed + 7)
        tot, cnt = 0.0, 0
        with torch.no_grad(), autocast_ctx(device, use_amp):
            for j in range(0, len(held_arr), 256):
                ids = torch.from_numpy(held_arr[j:j + 256]).to(device)
                m_ids, labels = mask_tokens(ids, bert.config.vocab_size, gen_eval)
                k = int((labels != -100).sum())
                if k == 0:
                    continue
                tot += float(mlm_loss(bert, head, m_ids, (ids != PAD).long(), labels)) * k
                cnt += k
        bert.train()
        head.train()
        return tot / max(cnt, 1)

    t0 = time.time()
    step, epoch = 0, 0
    init_loss = evaluate()
    logger.log(stage="mlm", event="eval", step=0, heldout_loss=round(init_loss, 4))
    last_ckpt = time.time()
    last_eval = time.time()
    bert.train()
    done = False
    running = None
    while not done:
        arr = pack_sequences(train, cfg["seq_len"], rng)
        perm = np.random.RandomState(seed + epoch).permutation(len(arr))
        for j in range(0, len(perm) - cfg["batch_size"] + 1 if len(perm) >= cfg["batch_size"] else 1, cfg["batch_size"]):
            elapsed = time.time() - t0
            if step >= cfg["max_steps"] or elapsed >= cfg["time_budget_s"]:
                done = True
                break
            ids = torch.from_numpy(arr[perm[j:j + cfg["batch_size"]]]).to(device)
            m_ids, labels = mask_tokens(ids, bert.config.vocab_size, gen)
            f = lr_factor(max(step / cfg["max_steps"], elapsed / cfg["time_budget_s"]), step, cfg["warmup"])
            for g in opt.param_groups:
                g["lr"] = cfg["lr"] * f
            with autocast_ctx(device, use_amp):
                loss = mlm_loss(bert, head, m_ids, (ids != PAD).long(), labels)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            lv = float(loss) if step % 50 == 0 else None
            if lv is not None:
                running = lv if running is None else 0.9 * running + 0.1 * lv
            if step % cfg["log_every"] == 0:
                logger.log(stage="mlm", step=step, epoch=epoch, loss=round(lv if lv is not None else float(loss), 4),
                           lr=round(cfg["lr"] * f, 7), elapsed=round(elapsed, 1))
            if out_dir and time.time() - last_ckpt > cfg["ckpt_every_s"]:
                save_fp16(bert, os.path.join(out_dir, "mlm_encoder_fp16.pt"))
                last_ckpt = time.time()
            if time.time() - last_eval > cfg["eval_every_s"]:
                logger.log(stage="mlm", event="eval", step=step, heldout_loss=round(evaluate(), 4))
                last_eval = time.time()
            step += 1
        epoch += 1
    final = evaluate()
    wall = time.time() - t0
    logger.log(stage="mlm", event="done", step=step, epochs=epoch, heldout_loss=round(final, 4),
               initial_heldout_loss=round(init_loss, 4), wall_s=round(wall, 1),
               tokens_seen=int(step * cfg["batch_size"] * cfg["seq_len"]))
    if out_dir:
        save_fp16(bert, os.path.join(out_dir, "mlm_encoder_fp16.pt"))
    return {"mlm_heldout_loss_initial": round(init_loss, 4), "mlm_heldout_loss": round(final, 4),
            "mlm_steps": step, "mlm_epochs": epoch, "mlm_wall_s": round(wall, 1),
            "mlm_corpus_tokens": n_tokens,
            "mlm_tokens_seen": int(step * cfg["batch_size"] * cfg["seq_len"])}


# ---- multi-task ----------------------------------------------------------------------------
class ClassTask:
    """(text, label) rows. Positives: another text with the same label, or the label text itself
    when `label_is_text` (e.g. product name -> 'aisle in the department')."""

    def __init__(self, name, rows, tok, seq_len, label_is_text):
        self.name = name
        self.label_is_text = label_is_text
        self.labels = sorted({y for _, y in rows})
        self.lid = {y: i for i, y in enumerate(self.labels)}
        self.ids = [tok.encode(t, seq_len) for t, _ in rows]
        self.y = [self.lid[y] for _, y in rows]
        self.by_label = {}
        for i, y in enumerate(self.y):
            self.by_label.setdefault(y, []).append(i)
        self.label_ids = [tok.encode(y, seq_len) for y in self.labels] if label_is_text else None

    def __len__(self):
        return len(self.ids)

    def batch(self, rng, n):
        a_idx = [rng.randrange(len(self.ids)) for _ in range(n)]
        ya = [self.y[i] for i in a_idx]
        a = [self.ids[i] for i in a_idx]
        if self.label_is_text:
            p = [self.label_ids[y] for y in ya]
        else:
            p = []
            for i, y in zip(a_idx, ya):
                pool = self.by_label[y]
                j = pool[rng.randrange(len(pool))] if len(pool) > 1 else i
                if j == i and len(pool) > 1:
                    j = pool[(pool.index(i) + 1) % len(pool)]
                p.append(self.ids[j])
        return a, p, ya


class PairTask:
    def __init__(self, name, rows, tok, seq_len):
        self.name = name
        self.q = [tok.encode(q, seq_len) for q, _ in rows]
        self.d = [tok.encode(d, seq_len) for _, d in rows]

    def __len__(self):
        return len(self.q)

    def batch(self, rng, n):
        idx = rng.sample(range(len(self.q)), min(n, len(self.q)))
        return [self.q[i] for i in idx], [self.d[i] for i in idx], idx


def contrastive(a, p, labels, tau):
    """Symmetric InfoNCE on normalised embeddings; same-label off-diagonal pairs are masked."""
    sim = a @ p.t() / tau
    y = torch.as_tensor(labels, device=a.device)
    same = (y[:, None] == y[None, :]) & ~torch.eye(len(labels), dtype=torch.bool, device=a.device)
    sim = sim.masked_fill(same, -1e4)
    t = torch.arange(len(labels), device=a.device)
    return 0.5 * (F.cross_entropy(sim, t) + F.cross_entropy(sim.t(), t))


def run_multitask(bert, tok, tasks_rows, pair_rows, cfg, device, out_dir, logger, seed):
    cfg = section("multitask", cfg)
    set_seed(seed)
    rng = random.Random(seed)
    seq = cfg["seq_len"]
    label_text = set(cfg["label_is_text"])
    tasks = {}
    for k, rows in tasks_rows.items():
        if len(rows) >= 4:
            tasks[k] = ClassTask(k, rows, tok, seq, k in label_text)
    for k, rows in pair_rows.items():
        if len(rows) >= 4:
            tasks[k] = PairTask(k, rows, tok, seq)
    weights_cfg = cfg["task_weights"]
    names = sorted(tasks)
    weights = [float(weights_cfg.get(k, math.sqrt(len(tasks[k])))) for k in names]
    logger.log(stage="multitask", event="data", tasks={k: len(tasks[k]) for k in names},
               weights=dict(zip(names, [round(w, 2) for w in weights])))
    H = bert.config.hidden_size
    heads = torch.nn.ParameterDict()
    for k in names:
        if isinstance(tasks[k], ClassTask):
            w = torch.randn(len(tasks[k].labels), H) * 0.02
            heads[k] = torch.nn.Parameter(w)
    heads = heads.to(device)
    opt = torch.optim.AdamW([
        {"params": list(bert.parameters()), "lr": cfg["lr"], "base_lr": cfg["lr"]},
        {"params": list(heads.parameters()), "lr": cfg["head_lr"], "base_lr": cfg["head_lr"], "weight_decay": 0.0},
    ], weight_decay=0.01)
    scale, margin, tau = cfg["scale"], cfg["margin"], cfg["tau"]
    use_amp = cfg["amp"]
    B = cfg["batch_size"]
    t0 = time.time()
    last_ckpt = time.time()
    step = 0
    mid_saved = False
    stats = {k: [] for k in names}
    bert.train()
    while True:
        elapsed = time.time() - t0
        if step >= cfg["max_steps"] or elapsed >= cfg["time_budget_s"]:
            break
        k = rng.choices(names, weights)[0]
        task = tasks[k]
        a, p, ya = task.batch(rng, B)
        ids_a = pad_batch(a, device)
        ids_p = pad_batch(p, device)
        f = lr_factor(max(step / cfg["max_steps"], elapsed / cfg["time_budget_s"]), step, cfg["warmup"])
        for g in opt.param_groups:
            g["lr"] = g["base_lr"] * f
        with autocast_ctx(device, use_amp):
            ea = mean_pool(bert(*ids_a).float(), ids_a[1])
            ep = mean_pool(bert(*ids_p).float(), ids_p[1])
        loss = cfg["contrastive_weight"] * contrastive(ea, ep, ya, tau)
        if isinstance(task, ClassTask):
            w = F.normalize(heads[k], dim=-1)
            y = torch.as_tensor(ya, device=device)
            embs = [ea] if task.label_is_text else [ea, ep]
            for e in embs:
                logits = e @ w.t()
                logits = logits - margin * F.one_hot(y, logits.shape[1]).to(logits.dtype)
                loss = loss + F.cross_entropy(scale * logits, y) / len(embs)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(list(bert.parameters()) + list(heads.parameters()), 1.0)
        opt.step()
        if step % 25 == 0:
            stats[k].append(float(loss))
        if step % cfg["log_every"] == 0:
            logger.log(stage="multitask", step=step, task=k, loss=round(float(loss), 4),
                       lr=round(cfg["lr"] * f, 7), elapsed=round(elapsed, 1))
        if out_dir and time.time() - last_ckpt > cfg["ckpt_every_s"]:
            save_fp16(bert, os.path.join(out_dir, "encoder_fp16.pt"))
            last_ckpt = time.time()
        if out_dir and cfg["mid_checkpoint"] and not mid_saved and elapsed >= 0.5 * cfg["time_budget_s"]:
            save_fp16(bert, os.path.join(out_dir, "encoder_mid_fp16.pt"))
            logger.log(stage="multitask", event="mid_checkpoint", step=step, elapsed=round(elapsed, 1))
            mid_saved = True
        step += 1
    wall = time.time() - t0
    final = {k: round(float(np.mean(v[-10:])), 4) for k, v in stats.items() if v}
    logger.log(stage="multitask", event="done", step=step, wall_s=round(wall, 1), final_task_loss=final)
    if out_dir:
        save_fp16(bert, os.path.join(out_dir, "encoder_fp16.pt"))
    return {"multitask_steps": step, "multitask_wall_s": round(wall, 1), "multitask_final_loss": final}
