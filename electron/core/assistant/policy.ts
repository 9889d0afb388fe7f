// Runs: node (core). The dialogue policy: from the conversation state, the shape of the input, the
// classifier's verdict and the extracted slots, decide what kind of reply this turn gets. Pure: no
// database, no model, so every rule is unit-tested on its own. Answers are built elsewhere.
import type { Conversation, SlotName } from './conversations.ts';
import { PRODUCT_INTENTS, isKioskIntent, type KioskIntent } from './intents.ts';
import type { Slots } from './slots.ts';
import type { InputShape } from './text.ts';

export interface Classified {
  /** The classifier's label after out-of-scope rejection. */
  label: KioskIntent;
  confidence: number;
  /** Calibrated top classes before rejection, best first. */
  top: Array<{ label: string; p: number }>;
}

export type Plan =
  | { kind: 'prompt' }
  | { kind: 'language' }
  | { kind: 'answer'; intent: KioskIntent; slot?: SlotName }
  | { kind: 'ask'; intent: KioskIntent; slot: SlotName }
  | { kind: 'clarify'; options: KioskIntent[] }
  | { kind: 'deflect' }
  | { kind: 'handoff'; intent: KioskIntent; reason: 'asked_for_person' | 'complaint' | 'failed_turns' | 'call_staff' };

/** Intents that read the numbers themselves (a refund may quote an order number). */
const NUMBER_INTENTS: ReadonlySet<KioskIntent> = new Set(['order_pickup', 'gift_card', 'loyalty_program', 'refund_status', 'human_agent']);

/** A confident in-scope verdict may change the subject while a slot is pending. */
const SWITCH_CONFIDENCE = 0.6;

const WANTS_ORDER_LOOKUP = /\b(my|mine)\b.*\b(order|pickup|pick-up|pick up)\b|\border\b.*\b(ready|status|done|where)\b|\b(here|came|arrived)\b.*\b(pick|collect|order)|\bpick(ing)?\s*up\s+(my|an|the|order)|\bcollect(ing)?\s+(my|an|the)\b|\bready for pick/i;
const WANTS_CARD_BALANCE = /\bbalance\b|\bhow much\b.*\b(left|on)\b|\bleft on\b|\bcheck (my|the|a)\b.*\bcard\b|\bvalue\b/i;
const WANTS_POINTS = /\bmy\b.*\bpoints?\b|\bpoints?\b.*\b(have|left|balance|got)\b|\b(rewards?|loyalty|member(ship)?)\b.*\bbalance\b|\bhow many points\b/i;

function slotGiven(slot: SlotName, s: Slots): boolean {
  if (slot === 'order') return s.order !== null;
  if (slot === 'gift_card') return s.giftCard !== null;
  if (slot === 'loyalty') return s.loyalty !== null;
  return s.product !== '';
}

export function decide(conv: Conversation, shape: InputShape, cls: Classified | null, slots: Slots, text: string): Plan {
  if (shape === 'empty' || shape === 'no_words') return { kind: 'prompt' };
  if (shape === 'foreign_script' || cls === null) return { kind: 'language' };
  const label = cls.label;
  const confidentOther = label !== 'out_of_scope' && cls.confidence >= SWITCH_CONFIDENCE;

  if (label === 'human_agent' && confidentOther) return { kind: 'handoff', intent: label, reason: 'asked_for_person' };

  const p = conv.pending;
  if (p) {
    if (slotGiven(p.slot, slots) && p.slot !== 'product') return { kind: 'answer', intent: p.intent, slot: p.slot };
    if (p.slot === 'product' && slots.product !== '' && !(confidentOther && !PRODUCT_INTENTS.has(label))) {
      return { kind: 'answer', intent: p.intent, slot: 'product' };
    }
    if (!confidentOther) return { kind: 'ask', intent: p.intent, slot: p.slot };
    // Otherwise the shopper changed the subject: fall through and treat the turn afresh.
  }

  if (label === 'human_agent') return { kind: 'handoff', intent: label, reason: 'asked_for_person' };
  // Only a number and a few words around it ("PU-10421", "order 10421 please"): the number decides.
  if (slots.product === '' && !NUMBER_INTENTS.has(label) && label !== 'complaint') {
    if (slots.order) return { kind: 'answer', intent: 'order_pickup', slot: 'order' };
    if (slots.giftCard) return { kind: 'answer', intent: 'gift_card', slot: 'gift_card' };
    if (slots.loyalty) return { kind: 'answer', intent: 'loyalty_program', slot: 'loyalty' };
  }
  if (label === 'complaint') return { kind: 'handoff', intent: label, reason: 'complaint' };

  if (label === 'out_of_scope') {
    const top = cls.top[0];
    // The model's best guess was a store intent, just not a confident one: ask, don't deflect.
    if (top && top.label !== 'out_of_scope') {
      const options = cls.top.map((t) => t.label).filter((l): l is KioskIntent => isKioskIntent(l) && l !== 'out_of_scope').slice(0, 2);
      return { kind: 'clarify', options };
    }
    return { kind: 'deflect' };
  }

  if (PRODUCT_INTENTS.has(label)) {
    if (slots.product !== '' || (slots.refersBack && conv.lastProduct)) return { kind: 'answer', intent: label, slot: 'product' };
    return { kind: 'ask', intent: label, slot: 'product' };
  }
  if (label === 'order_pickup') {
    if (slots.order) return { kind: 'answer', intent: label, slot: 'order' };
    return WANTS_ORDER_LOOKUP.test(text) ? { kind: 'ask', intent: label, slot: 'order' } : { kind: 'answer', intent: label };
  }
  if (label === 'gift_card') {
    if (slots.giftCard) return { kind: 'answer', intent: label, slot: 'gift_card' };
    return WANTS_CARD_BALANCE.test(text) || slots.giftCardLast4 ? { kind: 'ask', intent: label, slot: 'gift_card' } : { kind: 'answer', intent: label };
  }
  if (label === 'loyalty_program') {
    if (slots.loyalty) return { kind: 'answer', intent: label, slot: 'loyalty' };
    return WANTS_POINTS.test(text) ? { kind: 'ask', intent: label, slot: 'loyalty' } : { kind: 'answer', intent: label };
  }
  return { kind: 'answer', intent: label };
}
