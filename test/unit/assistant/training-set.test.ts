// Runs: node (vitest). The kiosk training set: deterministic, all 20 intents, mapped shared lines
// labelled as the code says, and no line of the held-out test set in it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDatasetsDir, kioskTrainingSet, toJsonl } from '../../../electron/core/assistant/training-set.ts';
import { KIOSK_INTENTS } from '../../../electron/core/assistant/intents.ts';
import { redactText } from '../../../electron/core/privacy/redact.ts';

const TEST = path.resolve(import.meta.dirname, '../../../native-models/data/kiosk_intents/test.jsonl');
const key = (t: string) => t.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
const shared = existsSync(path.join(defaultDatasetsDir(), 'clinc150_oos'));

describe('kiosk training set', () => {
  it('is the same every time and covers exactly the kiosk intents', () => {
    const a = kioskTrainingSet({ projectOnly: true });
    expect(toJsonl(a)).toBe(toJsonl(kioskTrainingSet({ projectOnly: true })));
    expect(new Set(a.map((l) => l.intent))).toEqual(new Set(KIOSK_INTENTS));
    // natural.jsonl (hand-written shopper phrasing) follows the templated lines, every intent in it.
    const natural = a.filter((l) => l.source === 'kiosk:natural');
    expect(natural.length).toBeGreaterThan(2500);
    expect(new Set(natural.map((l) => l.intent))).toEqual(new Set(KIOSK_INTENTS));
    expect(a.findIndex((l) => l.source === 'kiosk:natural')).toBe(a.filter((l) => l.source === 'kiosk').length);
  });

  it('adds the second and third hand-written sets after natural.jsonl, in that order', () => {
    const a = kioskTrainingSet({ projectOnly: true });
    const order = [...new Set(a.map((l) => l.source))];
    expect(order).toEqual(['kiosk', 'kiosk:natural', 'kiosk:natural-more', 'kiosk:natural-third']);
    for (const src of ['kiosk:natural-more', 'kiosk:natural-third']) expect(new Set(a.filter((l) => l.source === src).map((l) => l.intent))).toEqual(new Set(KIOSK_INTENTS));
  });

  it('keeps the validation lines out of training (natural_val.jsonl, natural_val2.jsonl; dev.jsonl for natural lines)', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const keys = (f: string) => readFileSync(path.join(root, f), 'utf8').split('\n').filter(Boolean).map((l) => key((JSON.parse(l) as { text: string }).text));
    const naturalVal = [...keys('native-models/data/kiosk_intents/natural_val.jsonl'), ...keys('native-models/data/kiosk_intents/natural_val2.jsonl')];
    const dev = keys('native-models/heads/kiosk-intent/dev.jsonl');
    const lines = kioskTrainingSet({ projectOnly: true });
    const all = new Set(lines.map((l) => key(l.text)));
    const natural = new Set(lines.filter((l) => l.source.startsWith('kiosk:natural')).map((l) => key(l.text)));
    expect(naturalVal.filter((k) => all.has(k))).toEqual([]);
    // dev.jsonl predates natural.jsonl and shares a few short lines with train.jsonl; natural lines repeat none.
    expect(dev.filter((k) => natural.has(k))).toEqual([]);
  });

  it('holds lines as the model sees kiosk text: redacted, one space between words', () => {
    for (const l of kioskTrainingSet({ projectOnly: true })) {
      expect(redactText(l.text)).toBe(l.text);
      expect(l.text).not.toMatch(/\s{2}|^\s|\s$/);
    }
  });

  it.runIf(shared)('adds the mapped shared-dataset lines and never a held-out test line', () => {
    const all = kioskTrainingSet();
    const by = (src: string) => all.filter((l) => l.source.startsWith(src));
    expect(by('clinc150:oos').every((l) => l.intent === 'out_of_scope')).toBe(true);
    expect(by('bitext:check_payment_methods').every((l) => l.intent === 'payment_methods')).toBe(true);
    expect(by('banking77:Refund_not_showing_up').every((l) => l.intent === 'refund_status')).toBe(true);
    expect(by('clinc150:thank_you').every((l) => l.intent === 'greeting')).toBe(true);
    expect(by('clinc150:oos')).toHaveLength(100);
    expect(by('clinc150:weather')).toHaveLength(0); // phone-assistant intents: not in the shipped set
    const products = by('instacart:product_names');
    expect(products.length).toBe(720);
    expect(new Set(products.map((l) => l.intent))).toEqual(new Set(['find_product', 'check_stock', 'check_price']));
    const held = new Set(readFileSync(TEST, 'utf8').split('\n').filter(Boolean).map((l) => key((JSON.parse(l) as { text: string }).text)));
    expect(all.filter((l) => held.has(key(l.text)))).toEqual([]);
  });
});
