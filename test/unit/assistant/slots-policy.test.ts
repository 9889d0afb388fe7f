// Runs: node (vitest). Slot extraction and the dialogue policy, as pure functions.
import { describe, expect, it } from 'vitest';
import { extractSlots, productPhrase } from '../../../electron/core/assistant/slots.ts';
import { decide, type Classified } from '../../../electron/core/assistant/policy.ts';
import { Conversations, type Conversation } from '../../../electron/core/assistant/conversations.ts';
import { inputShape } from '../../../electron/core/assistant/text.ts';
import type { KioskIntent } from '../../../electron/core/assistant/intents.ts';

const cls = (label: KioskIntent, confidence = 0.95, top?: Classified['top']): Classified => ({ label, confidence, top: top ?? [{ label, p: confidence }] });
const conv = (over: Partial<Conversation> = {}): Conversation => ({ id: 's', pending: null, failed: 0, lastProduct: null, ticketId: null, turns: 0, lastSeen: 0, ...over });

describe('slots', () => {
  it('finds the product phrase under the question words', () => {
    expect(productPhrase('Excuse me, where can I find the almond milk?')).toBe('almond milk');
    expect(productPhrase('do you have AA batteries in stock')).toBe('aa batteries');
    expect(productPhrase('how much is ibuprofen')).toBe('ibuprofen');
    expect(productPhrase('where is it')).toBe('');
  });

  it('reads pickup order numbers in the shapes shoppers type them', () => {
    expect(extractSlots('is order PU-10421 ready').order).toBe('PU-10421');
    expect(extractSlots('pu 10422').order).toBe('PU-10422');
    expect(extractSlots('my order number is 10423').order).toBe('PU-10423');
    expect(extractSlots('order #10424').order).toBe('PU-10424');
    expect(extractSlots('10425').order).toBe('PU-10425');
    expect(extractSlots('where is the milk').order).toBeNull();
  });

  it('reads gift card and loyalty numbers and keeps them out of the product phrase', () => {
    const g = extractSlots('balance on 6006 4910 0000 0018 please');
    expect(g.giftCard).toBe('6006491000000018');
    expect(g.loyalty).toBeNull();
    expect(g.product).toBe('balance');
    expect(extractSlots('card ending in 4410').giftCardLast4).toBe('4410');
    expect(extractSlots('points for 5550132402').loyalty).toBe('5550132402');
    expect(extractSlots('PU-10421').product).toBe('');
  });

  it('notices a reference back to the last product', () => {
    expect(extractSlots('how much is it').refersBack).toBe(true);
    expect(extractSlots('how much is the coffee').refersBack).toBe(false);
  });

  it('sorts out input no model should guess on', () => {
    expect(inputShape('')).toBe('empty');
    expect(inputShape('😀😀🎉')).toBe('no_words');
    expect(inputShape('?!...')).toBe('no_words');
    expect(inputShape('洗手间在哪里')).toBe('foreign_script');
    expect(inputShape('где туалет')).toBe('foreign_script');
    expect(inputShape('10421')).toBe('text');
    expect(inputShape('¿Dónde está el baño?')).toBe('foreign_script');
    expect(inputShape('où sont les toilettes')).toBe('foreign_script');
    expect(inputShape('where is the café au lait')).toBe('text');
    expect(inputShape('x'.repeat(5000))).toBe('no_words');
    expect(inputShape('where is the ' + 'x'.repeat(5000))).toBe('text');
  });
});

describe('dialogue policy', () => {
  it('answers product questions with a product, and asks for one without', () => {
    expect(decide(conv(), 'text', cls('find_product'), extractSlots('where is the almond milk'), '')).toEqual({ kind: 'answer', intent: 'find_product', slot: 'product' });
    expect(decide(conv(), 'text', cls('check_price'), extractSlots('how much is it'), '')).toEqual({ kind: 'ask', intent: 'check_price', slot: 'product' });
    const c = conv({ lastProduct: { id: 'p1', name: 'Oat Milk' } });
    expect(decide(c, 'text', cls('check_price'), extractSlots('how much is it'), '')).toEqual({ kind: 'answer', intent: 'check_price', slot: 'product' });
  });

  it('fills a pending slot from the next turn, whatever the classifier thinks of a bare number', () => {
    const c = conv({ pending: { intent: 'order_pickup', slot: 'order', asked: 1 } });
    expect(decide(c, 'text', cls('greeting', 0.5), extractSlots('PU-10421'), 'PU-10421')).toEqual({ kind: 'answer', intent: 'order_pickup', slot: 'order' });
    expect(decide(c, 'text', cls('out_of_scope', 0.3), extractSlots("i don't know"), "i don't know")).toEqual({ kind: 'ask', intent: 'order_pickup', slot: 'order' });
    // A confident new question changes the subject.
    expect(decide(c, 'text', cls('store_hours', 0.97), extractSlots('what time do you close'), 'what time do you close')).toEqual({ kind: 'answer', intent: 'store_hours' });
    const p = conv({ pending: { intent: 'find_product', slot: 'product', asked: 1 } });
    expect(decide(p, 'text', cls('out_of_scope', 0.4), extractSlots('shoe polish'), 'shoe polish')).toEqual({ kind: 'answer', intent: 'find_product', slot: 'product' });
  });

  it('asks for the number when the shopper wants a lookup, informs otherwise', () => {
    expect(decide(conv(), 'text', cls('order_pickup'), extractSlots('is my order ready'), 'is my order ready')).toEqual({ kind: 'ask', intent: 'order_pickup', slot: 'order' });
    expect(decide(conv(), 'text', cls('order_pickup'), extractSlots('how does curbside pickup work'), 'how does curbside pickup work')).toEqual({ kind: 'answer', intent: 'order_pickup' });
    expect(decide(conv(), 'text', cls('gift_card'), extractSlots('check my gift card balance'), 'check my gift card balance')).toEqual({ kind: 'ask', intent: 'gift_card', slot: 'gift_card' });
    expect(decide(conv(), 'text', cls('loyalty_program'), extractSlots('how many points do i have'), 'how many points do i have')).toEqual({ kind: 'ask', intent: 'loyalty_program', slot: 'loyalty' });
    expect(decide(conv(), 'text', cls('loyalty_program'), extractSlots('how do i join rewards'), 'how do i join rewards')).toEqual({ kind: 'answer', intent: 'loyalty_program' });
  });

  it('hands off on request or complaint, deflects out-of-scope, clarifies low confidence', () => {
    expect(decide(conv(), 'text', cls('human_agent'), extractSlots('talk to a person'), '')).toMatchObject({ kind: 'handoff', reason: 'asked_for_person' });
    expect(decide(conv(), 'text', cls('complaint'), extractSlots('the cashier was rude'), '')).toMatchObject({ kind: 'handoff', reason: 'complaint' });
    expect(decide(conv(), 'text', cls('out_of_scope', 0.9, [{ label: 'out_of_scope', p: 0.9 }]), extractSlots('weather in denver'), '')).toEqual({ kind: 'deflect' });
    const unsure = cls('out_of_scope', 0.31, [{ label: 'store_hours', p: 0.31 }, { label: 'return_policy', p: 0.25 }, { label: 'out_of_scope', p: 0.2 }]);
    expect(decide(conv(), 'text', unsure, extractSlots('mmm when back'), '')).toEqual({ kind: 'clarify', options: ['store_hours', 'return_policy'] });
  });

  it('routes a bare store number by its shape', () => {
    expect(decide(conv(), 'text', cls('greeting', 0.55), extractSlots('PU-10421'), 'PU-10421')).toEqual({ kind: 'answer', intent: 'order_pickup', slot: 'order' });
    expect(decide(conv(), 'text', cls('out_of_scope', 0.5), extractSlots('6006491000000018'), '')).toEqual({ kind: 'answer', intent: 'gift_card', slot: 'gift_card' });
    expect(decide(conv(), 'text', cls('find_product', 0.5), extractSlots('5550132402'), '')).toEqual({ kind: 'answer', intent: 'loyalty_program', slot: 'loyalty' });
  });

  it('prompts on empty or emoji-only input, and says which language it reads', () => {
    expect(decide(conv(), 'empty', null, extractSlots(''), '')).toEqual({ kind: 'prompt' });
    expect(decide(conv(), 'no_words', null, extractSlots('😀'), '')).toEqual({ kind: 'prompt' });
    expect(decide(conv(), 'foreign_script', null, extractSlots('洗手间'), '')).toEqual({ kind: 'language' });
  });
});

describe('conversation state', () => {
  it('expires after the idle time and stays bounded', () => {
    const cs = new Conversations(() => 1000, 3);
    cs.get('a', 0).failed = 1;
    expect(cs.get('a', 500).failed).toBe(1);
    expect(cs.get('a', 2000).failed).toBe(0); // idle for 1.5 s: a new shopper
    for (const id of ['b', 'c', 'd', 'e']) cs.get(id, 2100);
    expect(cs.size).toBe(3);
  });
});
