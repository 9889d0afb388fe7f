"""Training config defaults, declared once (nanoGPT-style): a config file states only what it
changes, and every stage reads its section with these underneath."""
import copy

DEFAULTS = {
    "tokenizer": {"min_frequency": 2},
    "mlm": {"heldout_frac": 0.01, "amp": True, "log_every": 200, "ckpt_every_s": 60, "eval_every_s": 60},
    "multitask": {
        "seq_len": 64, "label_is_text": ["instacart_aisle", "catalog_category"], "task_weights": {},
        "scale": 20.0, "margin": 0.1, "tau": 0.05, "amp": True, "contrastive_weight": 1.0,
        "log_every": 200, "ckpt_every_s": 60, "mid_checkpoint": False,
    },
    "export": {"opset": 14},
}


def section(name, cfg):
    """One stage's settings: the defaults, then what the config says."""
    return {**copy.deepcopy(DEFAULTS.get(name, {})), **(cfg or {})}


def with_defaults(cfg):
    """A whole config with every section's defaults filled in."""
    out = dict(cfg)
    for name in DEFAULTS:
        out[name] = section(name, cfg.get(name))
    return out
