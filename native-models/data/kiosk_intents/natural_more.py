#!/usr/bin/python3
"""Write natural_more.jsonl: a second hand-written set of kiosk training lines.

natural.py already covers the messy way shoppers type. This file adds breadth of vocabulary and
phrasing that a small model does not get from the templated train.jsonl or from natural.jsonl:
British, Australian, Canadian and Indian English store words (lift, trolley, chemist, till, queue,
loo, car park, cashpoint, jumper, nappies, biscuits, crisps, fortnight, lay-by, EFTPOS, Interac,
UPI) next to their American equivalents; store artefacts under their many names (circular, flyer,
weekly ad, leaflet, mailer, rain check, layaway, BOPIS, click and collect, kerbside, price
adjustment, store credit, e-receipt); accessibility and family facilities; in-store services
(cake writing, key cutting, engraving, alterations, tyres, bikes, recycling); complaints about
specific incidents; and out_of_scope lines that name other businesses (a competitor's prices,
stock, hours or ads), ask for medication advice, parking fines, insults to the kiosk, general
knowledge, chit-chat or store-internal things a kiosk must not answer. Product questions use
many products across grocery, pharmacy, household, electronics, hardware, clothing, pets and
baby.

Every line of its sentence file was written by hand for StoreMind as a literal sentence: no templates, no slots,
no seeded variation. Typos, fragments, non-native phrasing and greetings are written into the
lines themselves. Lines are deduplicated case-insensitively (after removing punctuation); a line
that would appear under two intents stops the script. Output order is fixed: intents in the order
in the sentence file, lines in the order written. Stdlib only, deterministic:

    /usr/bin/python3 native-models/data/kiosk_intents/natural_more.py

The held-out test.jsonl is never read here. Lines equal to a validation line (natural_val.jsonl,
heads/kiosk-intent/dev.jsonl) are left out silently, as natural.py does, and only a count is
printed. check_overlap.py compares natural_more.jsonl with test.jsonl, prints counts only, and
for a collision prints the sha256 of the colliding normalised natural_more line; such hashes go
into EXCLUDE_SHA256 below, so the line is dropped without anyone reading the test line.
"""
import os

from literal_lines import read_sentences, write_literal_set

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "natural_more.jsonl")
VAL_FILES = [os.path.join(HERE, "natural_val.jsonl"),
             os.path.join(HERE, "..", "..", "heads", "kiosk-intent", "dev.jsonl")]

# sha256 of normalised lines that check_overlap.py reported as equal to a test line.
EXCLUDE_SHA256 = {
    "0ac8ba9c98efd8fc8540235a1b11b06dc29753e6ccc4b7ef74b21c798cb95b19",
    "10889465e9c722138faaa6677519a0462f3fec53cb77c8c9d05bb30f1a4afd6f",
    "1f70f9c2a0e1e2f62b640592647a219336bdb771975dcd681d901b805f07b372",
    "2e02ab394923ac3851f87b4da262742b7da6417699c02c0107ceb21ac313f21f",
    "551154c9ae6c4190afc1eeab726ea946467ab775dcbaa9c989523c75a77d51ca",
    "55b3214a3952f91d5eb8b0c3013ddc2e9a94b58d79acbdeda26dc1e90088659a",
    "55f444d50e5af6bd1ff2c737ab09b613b77be2dc00dc2f330f23d9dc02291517",
    "7297c29f829c58a59312a4994c75f3ebee6ac8a969cced1690f766c42ce8ceb9",
    "84bbdfb300745a27c02fc5848fc667f9025dd58f95eed8d311ccc1d3b6c920cd",
    "af65d732b674f37ebc7ffb20e04670bd233c6bd0997b7705222fbe0635fdbc4f",
    "c3acaa4871d73f2d5bb83ade886264d0601dcd1a71a06869ec471d12f02abcf1",
    "c7cb2ec3b5866a26ea3fe5f2c679aad42472ac781f4ce7890783b8a5aca1ace2",
    "f9878a32e4cf66c8d680a423e1b58fc080124f7e1ff1327b188e691127c2c7bc",
    "c77a3374c229ad13cb4db153a625a8b7aacec543657097a70362af43f58b7ef1",
}

L = read_sentences(os.path.join(HERE, "sentences", "natural_more.train.txt"))


if __name__ == "__main__":
    write_literal_set(L, OUT, VAL_FILES, EXCLUDE_SHA256)
