// Runs: node (core). Builds the reply text for a planned turn from this store's own data: the
// knowledge base (policies, services, facilities, payment, loyalty, delivery, deals), the hours
// with holiday exceptions, and live data (product location / stock / price through product search,
// pickup order status, gift card and loyalty balances). Never echoes raw shopper text back.
import { getSetting } from '../settings/settings.ts';
import type { ReturnPolicyT } from '../../../common/api/pos.ts';
import type { Db } from '../db/database.ts';
import { luhnValid } from '../privacy/redact.ts';
import type { SearchHit, SearchIndex } from '../search/engine.ts';
import type { StoreProfileView } from '../store/profile.ts';
import type { Conversation, SlotName } from './conversations.ts';
import { hoursAnswer, localNow } from './hours.ts';
import { nextDelivery } from '../inventory/purchase-orders.ts';
import type { KioskIntent } from './intents.ts';
import { bestKbEntry, type KbEntry } from './kb.ts';
import type { Slots } from './slots.ts';

export interface ProductCard {
  id: string;
  name: string;
  /** The Chinese name; '' when the catalog has none. */
  name_zh: string;
  brand: string;
  department: string;
  aisle: string;
  aisle_name: string | null;
  bay: string;
  shelf: string;
  price_cents: number;
  promo_price_cents: number | null;
  stock: number;
}

export type ReplyKind = 'answer' | 'ask' | 'clarify' | 'deflect' | 'handoff' | 'prompt' | 'language' | 'not_found' | 'unavailable';

export interface Reply {
  kind: ReplyKind;
  /** Stable id of the answer template or KB entry, stored with the interaction. */
  answerId: string;
  text: string;
  products: ProductCard[];
  /** Intents offered as chips when the assistant is unsure. */
  options: KioskIntent[];
  /** The turn did not help the shopper (counts toward the handoff after two). */
  failed: boolean;
}

export interface AnswerContext {
  db: Db;
  search: SearchIndex;
  profile: StoreProfileView;
  kb: readonly KbEntry[];
  conv: Conversation;
  now: Date;
  /** Companions of a found product (see AssistantOptions.alsoBuy). */
  alsoBuy?: (sku: string) => Array<{ name: string; aisle: string }>;
}

const reply = (kind: ReplyKind, answerId: string, text: string, extra: Partial<Reply> = {}): Reply => ({ kind, answerId, text, products: [], options: [], failed: false, ...extra });

function money(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `$${(cents / 100).toFixed(2)}`;
  }
}

function kbReply(ctx: AnswerContext, id: string, fallback: string): Reply {
  const e = ctx.kb.find((k) => k.id === id);
  return e ? reply('answer', `kb:${e.id}`, kbText(ctx, e.body)) : reply('answer', `fallback:${id}`, fallback);
}

/** A knowledge-base text as the shopper reads it: the store's settings filled in where it names them. */
function kbText(ctx: AnswerContext, body: string): string {
  return body.includes('{returnPolicy}') ? body.replaceAll('{returnPolicy}', returnPolicyText(getSetting(ctx.db, 'returnPolicy'))) : body;
}

/**
 * The return policy in words, from the same setting the till enforces: a knowledge-base text says
 * {returnPolicy} where it goes, so the kiosk can never promise what the till refuses.
 */
export function returnPolicyText(p: ReturnPolicyT): string {
  const withReceipt = `Most items can be returned within ${p.days} days of purchase with the receipt for a full refund to the original payment method.`;
  const id = p.idRequired ? ', with a photo ID' : '';
  const without = p.noReceipt === 'refuse' ? 'Without a receipt we cannot take a return.'
    : p.noReceipt === 'store_credit' ? `Without a receipt we offer store credit${id}.`
    : `Without a receipt we refund to the payment method you choose${id}.`;
  return `${withReceipt} ${without}`;
}

const FACILITY_WORDS = /\b(rest ?rooms?|bathrooms?|toilets?|washrooms?|atm|cash machine|exits?|entrance|parking|wi-?fi|carts?|trolleys?|baskets?|customer service|elevators?|lifts?)\b/i;

const ASK_DESK = 'Please ask at the customer service desk, to the right of the main entrance.';

// Below this the best hit shares too little with the words asked ("lint rollers" → rolled oats).
const MIN_PRODUCT_SCORE = 4;

function significant(phrase: string): string[] {
  return phrase.split(/\s+/).filter((w) => w.length > 2);
}

async function findProducts(ctx: AnswerContext, phrase: string): Promise<ProductCard[]> {
  if (phrase.trim() === '') return [];
  const words = significant(phrase.toLowerCase()).map((w) => w.slice(0, 4));
  // At least one asked word (its first four letters: plurals, typos at the end) must show.
  const mentions = (h: SearchHit) => {
    const hay = `${h.name} ${h.brand} ${h.department}`.toLowerCase();
    return words.length === 0 || words.some((w) => hay.includes(w));
  };
  // Lexical first: its scores say how well the words matched, so a weak match is not an answer.
  const lexical = await ctx.search.search(phrase, { limit: 5, embedder: null });
  let good = lexical.results.filter((h) => h.score >= MIN_PRODUCT_SCORE && mentions(h));
  if (good.length === 0 && ctx.search.embedder) {
    // Then the semantic neighbours (when the encoder is loaded), still naming a word asked.
    good = (await ctx.search.search(phrase, { limit: 5 })).results.filter(mentions);
  }
  return cardsOf(ctx.db, good.slice(0, 3));
}

function cardsOf(db: AnswerContext['db'], hits: SearchHit[]): ProductCard[] {
  const names = db.prepare('SELECT name FROM store_map WHERE id = ?').pluck();
  return hits.map((h) => ({
    id: h.id,
    name: h.name,
    name_zh: h.name_zh,
    brand: h.brand,
    department: h.department,
    aisle: h.aisle,
    aisle_name: (names.get(h.aisle) as string | undefined) ?? null,
    bay: h.bay,
    shelf: h.shelf,
    price_cents: h.price_cents,
    promo_price_cents: h.promo_price_cents,
    stock: h.stock,
  }));
}

function where(p: ProductCard): string {
  const parts = [`aisle ${p.aisle}${p.aisle_name ? ` (${p.aisle_name})` : ''}`];
  if (p.bay) parts.push(`bay ${p.bay}`);
  if (p.shelf) parts.push(`shelf ${p.shelf}`);
  return parts.join(', ');
}

async function productReply(ctx: AnswerContext, intent: KioskIntent, slots: Slots): Promise<Reply> {
  const cur = ctx.profile.currency;
  let cards: ProductCard[];
  if (slots.product !== '') cards = await findProducts(ctx, slots.product);
  else if (ctx.conv.lastProduct) cards = await findProducts(ctx, ctx.conv.lastProduct.name);
  else cards = [];
  if (cards.length === 0) {
    return reply('not_found', 'product:not_found', "Sorry, I couldn't find that product in our catalog. Try another name or brand, or tap Call staff and a team member will help.", { failed: true });
  }
  const p = cards[0] as ProductCard;
  ctx.conv.lastProduct = { id: p.id, name: p.name };
  if (intent === 'check_price') {
    const price = p.promo_price_cents !== null ? `${money(p.promo_price_cents, cur)} on sale (usually ${money(p.price_cents, cur)})` : money(p.price_cents, cur);
    return reply('answer', 'product:price', `${p.name} is ${price}. You'll find it in ${where(p)}.`, { products: cards });
  }
  if (intent === 'check_stock') {
    if (p.stock > 0) return reply('answer', 'product:in_stock', `Yes, ${p.name} is in stock (${p.stock} on hand), in ${where(p)}.`, { products: cards });
    const alt = cards.find((c) => c.stock > 0);
    const due = deliveryText(ctx, p.id);
    const altText = alt ? ` ${alt.name} is in stock in ${where(alt)}.` : due ? '' : ' A team member can check when it will be back.';
    return reply('answer', due ? 'product:out_of_stock_due' : 'product:out_of_stock', `Sorry, ${p.name} is out of stock right now.${due}${altText}`, { products: cards });
  }
  const range = slots.product !== '' ? categoryRange(slots.product, cards) : null;
  if (range) return reply('answer', 'product:location_range', `${range}${alsoBuyLine(ctx, p.id)}`, { products: cards });
  return reply('answer', 'product:location', `${p.name} is in ${where(p)}.${alsoBuyLine(ctx, p.id)}`, { products: cards });
}

/**
 * "where are the batteries" asks for a kind of product, not one of them: when the words asked are
 * fewer than any one product's name and the products found share an aisle, the answer is the
 * aisle and its bays ("Batteries are in aisle A13 (Electronics), bays 1–2."), with the cards below,
 * rather than the first battery's shelf.
 */
function categoryRange(phrase: string, cards: ProductCard[]): string | null {
  const asked = phrase.trim().replace(/^(the|some|any)\s+/i, '');
  if (cards.length < 2 || asked.split(/\s+/).length > 2) return null;
  const aisle = cards[0]!.aisle;
  const same = cards.filter((c) => c.aisle === aisle);
  if (!aisle || same.length < 2 || same.length !== cards.length) return null;
  const lowered = asked.toLowerCase();
  // A phrase that names one product (its whole name) is a product question, not a category one.
  if (cards.some((c) => c.name.toLowerCase() === lowered)) return null;
  const bays = [...new Set(same.map((c) => c.bay).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const bayText = bays.length === 0 ? '' : bays.length === 1 ? `, bay ${bays[0]}` : `, bays ${bays[0]}–${bays.at(-1)}`;
  const name = asked.charAt(0).toUpperCase() + asked.slice(1);
  const verb = /s$/i.test(asked) ? 'are' : 'is';
  return `${name} ${verb} in aisle ${aisle}${cards[0]!.aisle_name ? ` (${cards[0]!.aisle_name})` : ''}${bayText}.`;
}

/** " Shoppers also buy X (aisle B2) and Y (aisle C1)." or ''. Never stops the answer. */
function alsoBuyLine(ctx: AnswerContext, productId: string): string {
  if (!ctx.alsoBuy) return '';
  try {
    const sku = ctx.db.prepare('SELECT sku FROM products WHERE id = ?').pluck().get(productId) as string | undefined;
    const items = sku ? ctx.alsoBuy(sku) : [];
    if (!items.length) return '';
    return ` Shoppers also buy ${items.map((c) => `${c.name}${c.aisle ? ` (aisle ${c.aisle})` : ''}`).join(' and ')}.`;
  } catch {
    return '';
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** " The next delivery is expected Thursday." from the store's open purchase orders, or ''. */
function deliveryText(ctx: AnswerContext, productId: string): string {
  const sku = ctx.db.prepare('SELECT sku FROM products WHERE id = ?').pluck().get(productId) as string | undefined;
  const next = sku ? nextDelivery(ctx.db, sku) : null;
  if (!next) return '';
  const today = localNow(ctx.now, ctx.profile.timezone).date;
  const date = next.expectedDate;
  if (!date || date < today) return ' More is on order.';
  const days = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : days < 7 ? WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]! : `on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))}`;
  return ` The next delivery is expected ${when}.`;
}

function orderReply(ctx: AnswerContext, id: string): Reply {
  const o = ctx.db.prepare('SELECT id, status, ready_at, location FROM pickup_orders WHERE id = ? COLLATE NOCASE').get(id) as
    | { id: string; status: string; ready_at: string | null; location: string }
    | undefined;
  if (!o) return reply('not_found', 'order:not_found', `I couldn't find order ${id}. Please check the number on your confirmation email (it starts with PU-).`, { failed: true });
  const at = o.location ? ` at ${o.location}` : '';
  const text: Record<string, string> = {
    ready: `Order ${o.id} is ready for pickup${at}. Please have your confirmation email or ID ready.`,
    picking: `Order ${o.id} is being picked right now. We'll send you a message as soon as it's ready.`,
    received: `We've received order ${o.id}; picking hasn't started yet. We'll message you when it's ready.`,
    collected: `Order ${o.id} has already been collected. If that wasn't you, please tap Call staff.`,
    cancelled: `Order ${o.id} was cancelled. A team member at customer service can tell you more.`,
  };
  return reply('answer', `order:${o.status}`, text[o.status] ?? `Order ${o.id}: ${o.status}.`);
}

function giftCardReply(ctx: AnswerContext, number: string): Reply {
  const g = ctx.db.prepare('SELECT balance_cents FROM gift_cards WHERE number = ?').get(number) as { balance_cents: number } | undefined;
  const last4 = number.slice(-4);
  if (!g && luhnValid(number)) {
    return reply('not_found', 'gift_card:payment_card', 'That looks like a bank card number, not one of our gift cards. For your safety, please do not type payment card numbers here. Our gift card numbers are on the back of the card.', { failed: true });
  }
  if (!g) return reply('not_found', 'gift_card:not_found', `I couldn't find a gift card ending in ${last4}. Please check the 16-digit number on the back of the card.`, { failed: true });
  return reply('answer', 'gift_card:balance', `The gift card ending in ${last4} has ${money(g.balance_cents, ctx.profile.currency)} left.`);
}

function loyaltyReply(ctx: AnswerContext, number: string): Reply {
  const a = ctx.db.prepare('SELECT points, tier FROM loyalty_accounts WHERE number = ?').get(number) as { points: number; tier: string } | undefined;
  const last4 = number.slice(-4);
  if (!a) return reply('not_found', 'loyalty:not_found', `I couldn't find a rewards account ending in ${last4}. Please check the number on your rewards card or app.`, { failed: true });
  const dollars = Math.floor(a.points / 500) * 5;
  const redeem = dollars > 0 ? ` That's enough for $${dollars} off.` : '';
  return reply('answer', 'loyalty:balance', `Rewards account ending in ${last4}: ${a.points.toLocaleString('en-US')} points, ${a.tier} tier.${redeem}`);
}

const ASK_TEXT: Record<SlotName, string> = {
  product: 'Which product are you looking for? You can type its name or brand.',
  order: 'Sure. What is your order number? It starts with PU-, for example PU-10421.',
  gift_card: 'Sure. Please type the 16-digit number on the back of the gift card.',
  loyalty: 'Sure. Please type your 10-digit rewards number.',
};

export function askReply(slot: SlotName, again: boolean): Reply {
  const text = again ? `Sorry, I still need that to help. ${ASK_TEXT[slot]}` : ASK_TEXT[slot];
  return reply('ask', `ask:${slot}`, text, { failed: again });
}

function greetingReply(text: string, storeName: string): Reply {
  const t = text.toLowerCase();
  if (/\b(thanks?|thank you|thx|ty|cheers|appreciated?)\b/.test(t)) return reply('answer', 'greeting:thanks', "You're welcome! Anything else I can help with?");
  if (/\b(bye|goodbye|see you|see ya|later|good night)\b/.test(t)) return reply('answer', 'greeting:bye', 'Goodbye, and thanks for shopping with us!');
  return reply('answer', 'greeting:hello', `Hi, welcome to ${storeName}! I can find products, check prices and stock, tell you our hours and policies, and check orders, gift cards and rewards.`);
}

export async function answerIntent(ctx: AnswerContext, intent: KioskIntent, slot: SlotName | undefined, slots: Slots, text: string): Promise<Reply> {
  if (slot === 'order' && slots.order) return orderReply(ctx, slots.order);
  if (slot === 'gift_card' && slots.giftCard) return giftCardReply(ctx, slots.giftCard);
  if (slot === 'loyalty' && slots.loyalty) return loyaltyReply(ctx, slots.loyalty);
  switch (intent) {
    case 'find_product': {
      // "Where is the restroom / ATM / exit?" reads like a product question; the KB knows better.
      const facility = FACILITY_WORDS.test(text) ? bestKbEntry(ctx.kb, ['facility'], text) : null;
      if (facility) return reply('answer', `kb:${facility.id}`, kbText(ctx, facility.body));
      return productReply(ctx, intent, slots);
    }
    case 'check_stock':
    case 'check_price':
      return productReply(ctx, intent, slots);
    case 'store_hours': {
      if (/pharmac/i.test(text)) return kbReply(ctx, 'service.pharmacy', ASK_DESK);
      const h = hoursAnswer(text, ctx.profile, ctx.now);
      return reply('answer', `hours:${h.date}`, h.text);
    }
    case 'return_policy':
      return kbReply(ctx, 'policy.returns', ASK_DESK);
    case 'refund_status':
      return reply(
        'answer',
        'refund:info',
        'Refunds go back to the original payment method. Card refunds usually show up within 3 to 5 business days after the return; store credit is immediate. To check a specific refund, bring your receipt to the customer service desk, or tap Call staff.',
      );
    case 'order_pickup':
      return kbReply(ctx, 'delivery.curbside', ASK_DESK);
    case 'payment_methods':
      return kbReply(ctx, 'payment.methods', ASK_DESK);
    case 'gift_card':
      return reply('answer', 'gift_card:info', 'You can buy and reload gift cards at any register or the customer service desk. To check a balance here, type the 16-digit number on the back of the card.');
    case 'loyalty_program':
      return kbReply(ctx, 'loyalty.program', ASK_DESK);
    case 'promotions': {
      const base = kbReply(ctx, 'promotion.weekly', ASK_DESK);
      const cards = slots.product ? (await findProducts(ctx, slots.product)).filter((c) => c.promo_price_cents !== null) : [];
      const c = cards[0];
      if (!c || c.promo_price_cents === null) return base;
      return { ...base, answerId: 'product:promo', text: `${c.name} is on sale: ${money(c.promo_price_cents, ctx.profile.currency)} (usually ${money(c.price_cents, ctx.profile.currency)}). ${base.text}`, products: cards };
    }
    case 'price_match':
      return kbReply(ctx, 'policy.price_match', ASK_DESK);
    case 'warranty_repair':
      return kbReply(ctx, 'policy.warranty', ASK_DESK);
    case 'store_facilities': {
      const e = bestKbEntry(ctx.kb, ['facility', 'faq'], text);
      if (e) return reply('answer', `kb:${e.id}`, kbText(ctx, e.body));
      const names = ctx.kb.filter((k) => k.kind === 'facility').map((k) => k.title.toLowerCase());
      return reply('answer', 'facility:list', `We have ${names.join(', ')}. What are you looking for?`);
    }
    case 'store_services': {
      const e = bestKbEntry(ctx.kb, ['service'], text);
      if (e) return reply('answer', `kb:${e.id}`, kbText(ctx, e.body));
      const names = ctx.kb.filter((k) => k.kind === 'service').map((k) => k.title.toLowerCase());
      return reply('answer', 'service:list', `Our services: ${names.join(', ')}. Ask me about any of them.`);
    }
    case 'delivery_options': {
      const e = bestKbEntry(ctx.kb, ['delivery'], text) ?? ctx.kb.find((k) => k.id === 'delivery.same_day') ?? null;
      return e ? reply('answer', `kb:${e.id}`, kbText(ctx, e.body)) : reply('answer', 'fallback:delivery', ASK_DESK);
    }
    case 'greeting':
      return greetingReply(text, ctx.profile.name);
    default:
      return deflectReply();
  }
}

export function deflectReply(): Reply {
  return reply('deflect', 'deflect:out_of_scope', "Sorry, that's not something I can help with here. I can answer questions about this store: products, prices, stock, hours, returns, services and your orders.");
}

export function promptReply(): Reply {
  return reply('prompt', 'prompt:empty', 'Ask me anything about the store, for example "Where are the batteries?" or "What time do you close?"');
}

/**
 * A Chinese question, which the intent model cannot read yet (#15): product search can, so the
 * shopper gets the products it names (tap a card for the aisle and the map) with an honest line in
 * both languages, rather than only an apology. No product in it: null (the plain language reply).
 */
export async function chineseProductsReply(ctx: Pick<AnswerContext, 'db' | 'search'>, text: string): Promise<Reply | null> {
  if (!/\p{Script=Han}/u.test(text)) return null;
  const found = await ctx.search.search(text, { limit: 3, embedder: null });
  const hits = found.results.filter((h) => h.score >= MIN_PRODUCT_SCORE);
  if (hits.length === 0) return null;
  return reply(
    'language',
    'language:zh_products',
    '我还只能读懂英文问题，不过这些商品可能是您要找的：点按商品即可看到它在哪个通道。 I can only read questions in English for now, but these products may be what you are looking for: tap one to see its aisle.',
    { products: cardsOf(ctx.db, hits) },
  );
}

export function languageReply(): Reply {
  return reply('language', 'language:unsupported', 'Sorry, I can only read questions in English for now. Tap a suggestion below, or tap Call staff and a team member will help. 抱歉，目前我只能读懂英文问题。请点按下方的建议，或点按"呼叫店员"。', { failed: true });
}

export function clarifyReply(options: KioskIntent[]): Reply {
  return reply('clarify', 'clarify', "Sorry, I'm not sure I understood. Did you mean one of these? You can also rephrase your question.", { options, failed: true });
}

export function handoffReply(reason: string, created: boolean): Reply {
  const lead =
    reason === 'complaint'
      ? "I'm sorry about that. "
      : reason === 'failed_turns'
        ? "Sorry I couldn't help with that. "
        : '';
  const text = created ? `${lead}I've asked a team member to come and help you. Someone will be with you shortly.` : `${lead}A team member is already on the way. Someone will be with you shortly.`;
  return reply('handoff', `handoff:${reason}`, text);
}

export function unavailableReply(): Reply {
  return reply('unavailable', 'unavailable', "Sorry, I can't answer questions right now. Tap Call staff and a team member will help you.", { failed: true });
}
