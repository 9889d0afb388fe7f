// Reasons as data: the core stores codes with the English, old rows (plain strings) still read, a
// model driver is plain words with its value, and the till's renderer says them in Chinese —
// except a rule whose wording the platform changed, which is shown as the store wrote it.
import { describe, expect, it } from 'vitest';
import { decisionReasons, featureValue, modelReason, storedReasons } from '../../../electron/core/fraud/reasons.ts';
import { FEATURE_INDEX, FEATURES } from '../../../electron/core/fraud/feature-catalog.ts';
import { DEFAULT_RULESET } from '../../../electron/core/fraud/default-rules.ts';
import { reasonText } from '../../../renderer/src/pos/reasons.ts';
import { translate, type MessageKey } from '../../../renderer/src/i18n/index.tsx';
import en from '../../../renderer/src/i18n/en.json';

const zh = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const english = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const spec = (name: string) => FEATURE_INDEX.get(name)!;

describe('fraud reasons', () => {
  it('a model driver reads as the feature and its value, in the unit a person expects', () => {
    expect(modelReason(spec('term_cards_10m'), 7)).toEqual({ code: 'model.term_cards_10m', text: 'Model: different cards on this terminal in 10 minutes: 7', value: '7' });
    expect(modelReason(spec('is_keyed'), 1)).toEqual({ code: 'model.is_keyed', text: 'Model: card number keyed in by hand' });
    expect(featureValue(spec('amount'), 4.2)).toBe('$4.20');
    expect(featureValue(spec('basket_gap_ratio'), 0.354)).toBe('35%');
    expect(featureValue(spec('original_age_h'), 3.25)).toBe('3.3');
    expect(featureValue(spec('original_age_h'), 70.4)).toBe('70');
    expect(featureValue(spec('hour_local'), 3)).toBe('03:00');
  });

  it('rows stored before codes existed read back as text reasons; a broken column is a reason, not a crash', () => {
    expect(storedReasons('["Void after the sale was paid"]')).toEqual([{ code: 'text', text: 'Void after the sale was paid' }]);
    expect(storedReasons('[{"code":"rule.void.after_tender","text":"Void after the sale was paid"}]')[0]!.code).toBe('rule.void.after_tender');
    expect(storedReasons('not json')).toEqual([{ code: 'text', text: 'Stored reasons could not be read' }]);
    expect(storedReasons('[1]')).toEqual([{ code: 'text', text: 'Stored reasons could not be read' }]);
    expect(decisionReasons(null)).toEqual({ reasons: [], explain: [] });
  });

  it('every shipped rule and every model feature has its words in both languages', () => {
    for (const r of DEFAULT_RULESET.rules) expect(en[`fraud.rule.${r.id}` as MessageKey], r.id).toBe(r.reason);
    for (const f of FEATURES) expect(`fraud.model.${f.name}` in en, f.name).toBe(true);
  });

  it('the renderer says a reason in Chinese, and a rule the platform reworded as written', () => {
    const rule = { code: 'rule.refund.no_receipt', text: 'Refund without a receipt needs a manager' };
    expect(reasonText(zh, rule)).toBe('无小票退款需经理批准');
    expect(reasonText(english, rule)).toBe(rule.text);
    expect(reasonText(zh, modelReason(spec('term_cards_10m'), 7))).toBe('本机 10 分钟内使用了 7 张不同的卡');
    expect(reasonText(english, modelReason(spec('term_cards_10m'), 7))).toBe('7 different cards on this till in 10 minutes');
    const reworded = { code: 'rule.refund.large', text: 'Refund of $400 or more needs a manager' };
    expect(reasonText(zh, reworded)).toBe(reworded.text);
    expect(reasonText(zh, { code: 'rule.store.custom', text: 'Our own rule' })).toBe('Our own rule');
    expect(reasonText(zh, { code: 'text', text: 'An old reason' })).toBe('An old reason');
  });
});
