# Runs: python (model factory, build time only). Trains the fraud risk model on the simulator's
# labelled history and writes the ONNX bundle the core runs (native-models/bundles/fraud-risk/).
#
#   node bin/storemind.mjs fraud simulate --out /tmp/storemind-fraud/train.csv   # the training table (TRAIN in
#                                         electron/core/fraud/evaluate.ts: 6 weeks, 3x the default fraud rates)
#   /usr/bin/python3 native-models/fraud/train.py --csv /tmp/storemind-fraud/train.csv
#
# The table's columns are the model vector exactly as electron/core/fraud/features.ts builds it
# (counts and amounts already log1p'd), then label, pattern, day, type. Standardisation is baked
# into the graph, so the app feeds the raw vector. The manifest lists every file's sha256, the
# feature order and each feature's training mean (the app explains a score by resetting one
# feature to its mean). Deterministic: fixed seeds, one thread.
import argparse
import csv
import hashlib
import json
import os
import random

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, '..', 'bundles', 'fraud-risk'))


def read_table(path):
    with open(path, newline='') as f:
        rows = list(csv.reader(f))
    header = rows[0]
    n_feat = header.index('label')
    feats = header[:n_feat]
    x = np.array([[float(v) for v in r[:n_feat]] for r in rows[1:]], dtype=np.float32)
    y = np.array([float(r[n_feat]) for r in rows[1:]], dtype=np.float32)
    pattern = [r[n_feat + 1] for r in rows[1:]]
    day = np.array([int(r[n_feat + 2]) for r in rows[1:]])
    return feats, x, y, pattern, day


def average_precision(scores, labels):
    order = np.argsort(-scores, kind='stable')
    s, l = scores[order], labels[order]
    pos = l.sum()
    if pos == 0:
        return 0.0
    tp = fp = 0
    ap = prev = 0.0
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            if l[j] > 0:
                tp += 1
            else:
                fp += 1
            j += 1
        rec = tp / pos
        ap += (rec - prev) * tp / (tp + fp)
        prev = rec
        i = j
    return ap


class RiskNet(nn.Module):
    def __init__(self, mean, std, hidden=32):
        super().__init__()
        self.register_buffer('mean', torch.tensor(mean))
        self.register_buffer('std', torch.tensor(std))
        n = len(mean)
        self.net = nn.Sequential(nn.Linear(n, hidden), nn.ReLU(), nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 1))

    def forward(self, x):
        z = (x - self.mean) / self.std
        return torch.sigmoid(self.net(z)).squeeze(-1)


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        h.update(f.read())
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--csv', required=True)
    ap.add_argument('--out', default=DEFAULT_OUT)
    ap.add_argument('--version', default='fraud-risk-2')
    ap.add_argument('--epochs', type=int, default=80)
    ap.add_argument('--val-days', type=int, default=5, help='last N days held out for validation')
    args = ap.parse_args()

    torch.manual_seed(7)
    np.random.seed(7)
    random.seed(7)
    torch.set_num_threads(1)

    feats, x, y, pattern, day = read_table(args.csv)
    cut = day.max() - args.val_days + 1
    tr, va = day < cut, day >= cut
    mean = x[tr].mean(axis=0)
    std = np.maximum(x[tr].std(axis=0), 1e-3)
    model = RiskNet(mean.astype(np.float32), std.astype(np.float32))
    xt, yt = torch.tensor(x[tr]), torch.tensor(y[tr])
    pos = float(yt.sum())
    pos_weight = min(20.0, ((len(yt) - pos) / max(pos, 1.0)) ** 0.5)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=1e-4)
    bce = nn.BCELoss(reduction='none')
    g = torch.Generator().manual_seed(7)
    for epoch in range(args.epochs):
        model.train()
        perm = torch.randperm(len(xt), generator=g)
        for i in range(0, len(perm), 256):
            b = perm[i:i + 256]
            p = model(xt[b])
            w = 1 + (pos_weight - 1) * yt[b]
            loss = (bce(p, yt[b]) * w).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        if (epoch + 1) % 20 == 0:
            model.eval()
            with torch.no_grad():
                sv = model(torch.tensor(x[va])).numpy()
            print(f'epoch {epoch + 1}: val PR-AUC {average_precision(sv, y[va]):.4f}')

    model.eval()
    with torch.no_grad():
        sv = model(torch.tensor(x[va])).numpy()
    metrics = {'val_pr_auc': round(float(average_precision(sv, y[va])), 4), 'train_rows': int(tr.sum()), 'val_rows': int(va.sum()),
               'train_fraud': int(y[tr].sum()), 'val_fraud': int(y[va].sum())}
    pv = np.array(pattern)[va]
    for p in sorted(set(pattern) - {''}):
        m = (pv == p) | (y[va] == 0)
        metrics[f'val_pr_auc_{p}'] = round(float(average_precision(sv[m], y[va][m])), 4)
    print(json.dumps(metrics))

    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, 'model.onnx')
    torch.onnx.export(model, torch.tensor(x[:2]), onnx_path, input_names=['features'], output_names=['risk'],
                      dynamic_axes={'features': {0: 'batch'}, 'risk': {0: 'batch'}}, opset_version=13)
    # A few rows and the scores torch gave them: the app's test checks onnxruntime agrees.
    idx = [int(i) for i in np.where(va)[0][:3]] + [int(i) for i in np.where(y > 0)[0][:3]]
    with torch.no_grad():
        gs = model(torch.tensor(x[idx])).numpy()
    golden_path = os.path.join(args.out, 'golden.json')
    with open(golden_path, 'w') as f:
        json.dump({'rows': [[float(v) for v in x[i]] for i in idx], 'scores': [float(s) for s in gs]}, f)
    files = {name: {'sha256': sha256(os.path.join(args.out, name)), 'bytes': os.path.getsize(os.path.join(args.out, name))}
             for name in ('model.onnx', 'golden.json')}
    manifest = {
        'name': 'fraud-risk', 'version': args.version, 'kind': 'tabular-risk', 'input': 'features', 'output': 'risk',
        'features': feats, 'means': [round(float(v), 6) for v in mean], 'files': files, 'metrics': metrics,
        'trainer': 'native-models/fraud/train.py (MLP %d-32-16-1, standardisation in-graph, torch %s)' % (len(feats), torch.__version__),
    }
    with open(os.path.join(args.out, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=2)
        f.write('\n')
    print(f'wrote {args.out}')


if __name__ == '__main__':
    main()
