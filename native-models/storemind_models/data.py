"""Dataset loading: the pretraining corpus, supervised intent tasks and retrieval pairs.

Datasets are read from $STOREMIND_DATASETS (default: <repo>/../shared/datasets). Nothing here
writes dataset content into the repository.

Honest-evaluation splits (fixed, never trained on by the encoder):
- CLINC150: train on `train` + `oos_train` (+ OOS+ oos_train minus anything in val); `val` and
  `oos_val` are evaluation only.
- BANKING77: train.csv split 80/20 with seed 77 (per row index); the 20% is evaluation only.
- Bitext intents: `train.csv` trained, `validation.csv` evaluation only.
- Kiosk intents: `train.jsonl` trained, `test.jsonl` evaluation only (never trained).
- Instacart: products with product_id % 10 == 0 are held out of the retrieval/aisle task.
"""
import csv
import html
import json
import os
import random
import re

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NM_DIR = os.path.join(REPO, "native-models")


def datasets_dir():
    return os.environ.get("STOREMIND_DATASETS") or os.path.join(REPO, "..", "shared", "datasets")


def project_data_dir():
    return os.environ.get("STOREMIND_PROJECT_DATA") or os.path.join(NM_DIR, "data")


def _p(*parts):
    return os.path.join(datasets_dir(), *parts)


def _read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _clean_product(name):
    name = html.unescape(name).replace('\\"', '"')
    return re.sub(r"\s+", " ", name).strip()


def _limit(rows, n):
    return rows if not n else rows[:n]


# ---- raw sources ---------------------------------------------------------------------------
def load_clinc():
    with open(_p("clinc150_oos", "data_full_train_val.json"), encoding="utf-8") as f:
        d = json.load(f)
    evaluation = {t.lower().strip() for t, _ in d["val"] + d["oos_val"]}
    train = [(t, y) for t, y in d["train"]] + [(t, "oos") for t, _ in d["oos_train"]]
    plus_path = _p("clinc150_oos", "data_oos_plus_oos_train.json")
    if os.path.exists(plus_path):
        with open(plus_path, encoding="utf-8") as f:
            plus = json.load(f).get("oos_train", [])
        have = {t for t, _ in train}
        for t, _ in plus:
            if t not in have and t.lower().strip() not in evaluation:
                train.append((t, "oos"))
                have.add(t)
    val = [(t, y) for t, y in d["val"]] + [(t, "oos") for t, _ in d["oos_val"]]
    return train, val


def load_banking():
    rows = [(r["text"], r["category"]) for r in _read_csv(_p("banking77", "train.csv"))]
    idx = list(range(len(rows)))
    random.Random(77).shuffle(idx)
    cut = int(len(idx) * 0.8)
    train = [rows[i] for i in sorted(idx[:cut])]
    held = [rows[i] for i in sorted(idx[cut:])]
    return train, held


def load_bitext():
    train = [(r["utterance"], r["intent"]) for r in _read_csv(_p("bitext_customer_support_intents", "train.csv"))]
    val = [(r["utterance"], r["intent"]) for r in _read_csv(_p("bitext_customer_support_intents", "validation.csv"))]
    return train, val


def load_bitext_responses():
    path = _p("bitext_customer_support_responses", "customer_support_responses.csv")
    if not os.path.exists(path):
        return []
    return [(r["instruction"], r["intent"], r["response"]) for r in _read_csv(path)]


def load_kiosk():
    base = os.path.join(project_data_dir(), "kiosk_intents")
    out = {}
    for split in ("train", "test"):
        path = os.path.join(base, split + ".jsonl")
        rows = []
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if not line:
                        continue
                    try:
                        o = json.loads(line)
                        rows.append((o["text"], o["intent"]))
                    except (ValueError, KeyError):
                        continue
        out[split] = rows
    return out["train"], out["test"]


def load_instacart():
    aisles = {r["aisle_id"]: r["aisle"] for r in _read_csv(_p("instacart_products", "aisles.csv"))}
    depts = {r["department_id"]: r["department"] for r in _read_csv(_p("instacart_products", "departments.csv"))}
    products = []
    for r in _read_csv(_p("instacart_products", "products.csv")):
        a, dpt = aisles.get(r["aisle_id"], "missing"), depts.get(r["department_id"], "missing")
        if a == "missing" or dpt == "missing":
            continue
        products.append((int(r["product_id"]), _clean_product(r["product_name"]), a, dpt))
    return products, aisles, depts


def load_faq():
    path = _p("ecommerce_faq", "Ecommerce_FAQ_Chatbot_dataset.json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [(q["question"], q["answer"]) for q in json.load(f)["questions"]]


def load_uci_descriptions():
    path = _p("uci_online_retail_sample", "online_retail_sample_20k.csv")
    if not os.path.exists(path):
        return []
    seen = set()
    out = []
    for r in _read_csv(path):
        d = (r.get("Description") or "").strip()
        if d and d != "NA" and d not in seen and re.search(r"[A-Za-z]{3}", d):
            seen.add(d)
            out.append(d.lower())
    return out


def load_project_text():
    """Project-authored retail text (native-models/data/**/*.txt|*.jsonl 'text') + demo catalog."""
    lines = []
    base = os.path.join(project_data_dir(), "retail_text")
    if os.path.isdir(base):
        for root, _, files in os.walk(base):
            for fn in sorted(files):
                path = os.path.join(root, fn)
                with open(path, encoding="utf-8", errors="replace") as f:
                    if fn.endswith(".jsonl"):
                        for line in f:
                            try:
                                o = json.loads(line)
                            except ValueError:
                                continue
                            t = o.get("text") if isinstance(o, dict) else None
                            if t:
                                lines.append(t)
                    elif fn.endswith((".txt", ".md")):
                        lines.extend(x.strip() for x in f if x.strip())
    cat = os.environ.get("STOREMIND_CATALOG") or os.path.join(REPO, "resources", "demo-store", "catalog.json")
    lines.extend(t for t, _ in catalog_pairs(cat))
    return lines


def catalog_pairs(path):
    """(product text, category text) pairs from the demo catalog, any reasonable schema."""
    if not os.path.exists(path):
        return []
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except ValueError:
        return []
    items = d if isinstance(d, list) else d.get("products") or d.get("items") or []
    out = []
    for it in items:
        if not isinstance(it, dict):
            continue
        name = it.get("name") or it.get("title")
        if not name:
            continue
        desc = it.get("description") or ""
        cat = it.get("category") or it.get("aisle") or it.get("department") or ""
        if isinstance(cat, dict):
            cat = cat.get("name", "")
        text = (name + ". " + desc).strip() if desc else name
        out.append((text, str(cat)))
    return out


# ---- assembled views -----------------------------------------------------------------------
def corpus_lines(limit_per_source=0):
    """All pretraining text (MLM + vocabulary). Evaluation-only splits are excluded."""
    lines = []
    clinc_tr, _ = load_clinc()
    bank_tr, _ = load_banking()
    bit_tr, _ = load_bitext()
    kiosk_tr, _ = load_kiosk()
    for rows in (clinc_tr, bank_tr, bit_tr, kiosk_tr):
        lines.extend(t for t, _ in _limit(rows, limit_per_source))
    for instr, _, resp in _limit(load_bitext_responses(), limit_per_source):
        lines.append(instr)
        for para in resp.split("\n"):
            para = para.strip()
            if para:
                lines.append(para)
    products, aisles, depts = load_instacart()
    lines.extend(p[1] for p in _limit(products, limit_per_source))
    lines.extend(aisles.values())
    lines.extend(depts.values())
    for q, a in _limit(load_faq(), limit_per_source):
        lines.extend([q, a])
    lines.extend(_limit(load_uci_descriptions(), limit_per_source))
    lines.extend(_limit(load_project_text(), limit_per_source))
    return [l for l in lines if l and l.strip()]


def aisle_text(aisle, dept):
    return "%s in the %s department" % (aisle, dept)


def supervised_tasks(limit_per_task=0):
    """{task: list of (text, label)} used for multi-task training of the encoder."""
    tasks = {}
    tasks["clinc150"] = load_clinc()[0]
    tasks["banking77"] = load_banking()[0]
    bit = list(load_bitext()[0])
    have = {t for t, _ in bit}
    bit_val = {t.lower().strip() for t, _ in load_bitext()[1]}
    for instr, intent, _ in load_bitext_responses():
        if instr not in have and instr.lower().strip() not in bit_val:
            bit.append((instr, intent))
            have.add(instr)
    tasks["bitext"] = bit
    kiosk = load_kiosk()[0]
    if kiosk:
        tasks["kiosk"] = kiosk
    products, _, _ = load_instacart()
    tasks["instacart_aisle"] = [(name, aisle_text(a, d)) for pid, name, a, d in products if pid % 10 != 0]
    cat = catalog_pairs(os.environ.get("STOREMIND_CATALOG") or os.path.join(REPO, "resources", "demo-store", "catalog.json"))
    cat = [(t, c) for t, c in cat if c]
    if cat:
        tasks["catalog_category"] = cat
    rng = random.Random(1234)
    for k in list(tasks):
        rows = list(tasks[k])
        rng.shuffle(rows)
        tasks[k] = _limit(rows, limit_per_task)
    return tasks


def pair_tasks(limit_per_task=0):
    """{task: list of (query, document)} retrieval pairs (in-batch negatives)."""
    out = {}
    faq = load_faq()
    if faq:
        out["faq"] = _limit(faq, limit_per_task)
    return out


def cap_per_class(rows, n):
    if not n:
        return rows
    seen = {}
    out = []
    for t, y in rows:
        if seen.get(y, 0) < n:
            seen[y] = seen.get(y, 0) + 1
            out.append((t, y))
    return out


def eval_sets(limit=0, max_per_class=0):
    """Evaluation views. The probe's *training* side is capped at max_per_class examples per
    label (0 = all) to keep CPU evaluation short; test sides are never capped (except `limit`)."""
    clinc_tr, clinc_val = load_clinc()
    bank_tr, bank_held = load_banking()
    bit_tr, bit_val = load_bitext()
    kiosk_tr, kiosk_te = load_kiosk()
    products, aisles, depts = load_instacart()
    held_products = [(name, aisle_text(a, d)) for pid, name, a, d in products if pid % 10 == 0]
    sets = {
        "clinc150": (cap_per_class(_limit(clinc_tr, limit), max_per_class), _limit(clinc_val, limit)),
        "banking77": (cap_per_class(_limit(bank_tr, limit), max_per_class), _limit(bank_held, limit)),
        "bitext": (cap_per_class(_limit(bit_tr, limit), max_per_class), _limit(bit_val, limit)),
        "instacart_heldout": held_products[: limit or 2000],
    }
    if kiosk_tr and kiosk_te:
        sets["kiosk"] = (cap_per_class(kiosk_tr, max_per_class), kiosk_te)
    return sets
