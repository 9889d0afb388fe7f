"""The kiosk intent data is data: prepare.py, run on a copy of the data folder, derives every
committed training and validation file byte for byte from the sentence, slot and variation files,
and no data script holds sentences of its own."""
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "kiosk_intents")
DERIVED = ["train.jsonl", "natural.jsonl", "natural_val.jsonl", "natural_more.jsonl", "natural_third.jsonl", "natural_val2.jsonl"]


class KioskDataTest(unittest.TestCase):
    def test_prepare_reproduces_the_committed_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            # The scripts read ../../heads/kiosk-intent/dev.jsonl: keep that shape.
            data = os.path.join(tmp, "data", "kiosk_intents")
            shutil.copytree(DATA, data)
            os.makedirs(os.path.join(tmp, "heads", "kiosk-intent"))
            shutil.copy(os.path.join(ROOT, "heads", "kiosk-intent", "dev.jsonl"), os.path.join(tmp, "heads", "kiosk-intent"))
            for name in DERIVED:
                os.remove(os.path.join(data, name))
            # natural_val2 checks against natural_third's siblings: it needs the committed
            # train/natural files first, which prepare writes in order.
            r = subprocess.run([sys.executable, os.path.join(data, "prepare.py")], cwd=data, capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stdout[-2000:] + r.stderr[-2000:])
            for name in DERIVED:
                with open(os.path.join(data, name), "rb") as a, open(os.path.join(DATA, name), "rb") as b:
                    self.assertEqual(a.read(), b.read(), f"{name} is not what prepare.py derives")

    def test_no_data_script_holds_sentences(self):
        for name in os.listdir(DATA):
            if not name.endswith(".py"):
                continue
            with open(os.path.join(DATA, name), encoding="utf-8") as f:
                tree = ast.parse(f.read())
            # Docstrings and messages aside, a script with many multi-word literals is a data file.
            words = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value.split()) >= 3]
            self.assertLess(len(words), 40, f"{name} holds {len(words)} sentence-like literals: move them to sentences/")


if __name__ == "__main__":
    unittest.main()
