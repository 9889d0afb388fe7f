#!/usr/bin/python3
"""Write natural_third.jsonl: a third hand-written set of kiosk training lines, for phrasing style.

natural.py covers messy shopper typing and natural_more.py covers vocabulary breadth. This set
varies the *shape* of a question rather than its words, so the model learns the intent from the
request and not from a fixed sentence frame:
- the question embedded in a story ("so I bought this kettle last month and now ..."), two
  sentences, and run-on voice-to-text lines with no punctuation;
- indirect requests ("I was wondering if ...", "would it be possible to ...", "my husband wants to
  know ..."), third-person questions ("my son needs ..."), negations ("you don't sell X do you"),
  yes/no next to wh- forms;
- very short keyword queries (1-3 words) for every intent ("refund status", "points balance");
- non-native word order and dropped articles, SMS spelling ("u", "r", "pls", "thx") and a few
  typos written by hand;
- the README's hard boundaries (find_product / check_stock / check_price / promotions,
  warranty_repair / store_services, order_pickup / delivery_options, complaint / human_agent,
  return_policy / refund_status), each written so the README rule decides the label;
- out_of_scope lines a kiosk must not try to answer, including store-sounding ones (staff pay,
  security, profits), other businesses, advice, general knowledge, chit-chat and commands meant
  for a phone assistant.

Every line of its sentence file was written by hand for StoreMind as a literal sentence: no templates, no slots,
no seeded variation, nothing copied from an external dataset. Lines are deduplicated
case-insensitively (after removing punctuation); a line that would appear under two intents stops
the script. Output order is fixed: intents in the order of the sentence file, lines in the order written. Stdlib
only, deterministic:

    /usr/bin/python3 native-models/data/kiosk_intents/natural_third.py

The held-out test.jsonl is never read here. Lines equal to a validation line (natural_val.jsonl,
natural_val2.jsonl where it exists, heads/kiosk-intent/dev.jsonl) are left out silently and only a
count is printed. check_overlap.py compares natural_third.jsonl with test.jsonl, prints counts
only, and for a collision prints the sha256 of the colliding normalised natural_third line; such
hashes go into EXCLUDE_SHA256 below, so the line is dropped without anyone reading the test line.
"""
import os

from literal_lines import read_sentences, write_literal_set

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "natural_third.jsonl")
VAL_FILES = [os.path.join(HERE, "natural_val.jsonl"),
             os.path.join(HERE, "natural_val2.jsonl"),
             os.path.join(HERE, "..", "..", "heads", "kiosk-intent", "dev.jsonl")]

# sha256 of normalised lines that check_overlap.py reported as equal to a test line.
EXCLUDE_SHA256 = {
    "02dff515cae9ad2eb33d5ae00ff8f361a663f65e4a6fc59998e38fa65155c436",
    "1838b1e02e4190d1953c97198336a6d5177d5342bafbb07216a85bbd179ed681",
    "21d30fe6e987931b350fc2dce734c0796d86029b14dca2377ef511a384a5ec80",
    "2dec73ad8d3361ce409fcb8148fa494105d503220b554ad45265ec5ab509fe78",
    "2e02ab394923ac3851f87b4da262742b7da6417699c02c0107ceb21ac313f21f",
    "31a1e0204a7ff94b26bf140dd7cd452bd5d41b6da6c76e8b7a8daf3bfff5cd24",
    "35a47e40856406c650fa5d9de1b16f6eac9688a0e0ee46985267c70fc6a49e67",
    "43ac03ce0e7b7defce9c970a4070eed0b6fe1d22aeff59f4efcf1b5df086dcfd",
    "55b3214a3952f91d5eb8b0c3013ddc2e9a94b58d79acbdeda26dc1e90088659a",
    "55f444d50e5af6bd1ff2c737ab09b613b77be2dc00dc2f330f23d9dc02291517",
    "66aa79fad32b22c57a13ee96d6bc1a65044256a1e949d1333482c3c94d41a1cf",
    "7143175e5f79e4f9916ea71561643707c26f1932f5ffadd378452c98b4a4ce79",
    "77c5f3d975ecfcc26bb4489d0209b46f5be06f552ca0449d8a35e321c0e31c90",
    "8d4c394dfb25c07eda856872d4e160065039f0e16a7427c35d33ab733580afce",
    "9edb4f13ce7ded2e961835c2dec976c7d26ea1096f62d7aea72504912810fb8e",
    "a9642928dd2f79b36b62b2e32199791f32f46e849f202a4281cd7aa88260a4e3",
    "e32fc11a82cf29a28fd288db9d2a99ddf71010f85afd1be97fca8336dc33cb0f",
    "e38e5bf318be9e7e3696363553e510d68f9cdaa2c2969d71141fdbe471201d39",
    "f9878a32e4cf66c8d680a423e1b58fc080124f7e1ff1327b188e691127c2c7bc",
}

L = read_sentences(os.path.join(HERE, "sentences", "natural_third.train.txt"))


if __name__ == "__main__":
    write_literal_set(L, OUT, VAL_FILES, EXCLUDE_SHA256)
