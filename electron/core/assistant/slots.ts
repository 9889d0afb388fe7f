// Runs: node (core). Slot extraction from one shopper turn: pickup order numbers, gift card and
// loyalty numbers (plain regexes over the raw, in-memory text; these numbers are not PII and are
// never stored unredacted anyway) and the product phrase, which the answer step resolves through
// product search. Pure functions: no database here.

export interface Slots {
  /** Canonical pickup order id, e.g. "PU-10421". */
  order: string | null;
  /** 16-digit gift card number, digits only. */
  giftCard: string | null;
  /** Last 4 digits when the shopper only gave "ending in 4410". */
  giftCardLast4: string | null;
  /** 10-digit loyalty number, digits only. */
  loyalty: string | null;
  /** What is left after removing question words: the product the shopper means, or ''. */
  product: string;
  /** "it", "that one": refers back to the product of an earlier turn. */
  refersBack: boolean;
}

const ORDER_PREFIXED = /\b(?:pu|sm)[\s#-]*(\d{4,7})\b/i;
const ORDER_WORD = /\border\s*(?:number|no\.?|num|#|id)?\s*(?:is\s*)?#?\s*(\d{4,7})\b/i;
const HASH_NUMBER = /#\s*(\d{4,7})\b/;
const SIXTEEN = /(?<![\d])(\d{4})[\s-]?(\d{4})[\s-]?(\d{4})[\s-]?(\d{4})(?![\d])/;
const ENDING = /\bending\s*(?:in|with)?\s*(\d{4})\b/i;
const TEN = /(?<![\d-])(\d{10})(?![\d-])/;
const BARE_ORDER = /^\s*#?\s*(\d{5})\s*$/;

export function extractOrder(text: string): string | null {
  const m = ORDER_PREFIXED.exec(text) ?? ORDER_WORD.exec(text) ?? HASH_NUMBER.exec(text) ?? BARE_ORDER.exec(text);
  return m ? `PU-${m[1]}` : null;
}

export function extractGiftCard(text: string): { number: string | null; last4: string | null } {
  const m = SIXTEEN.exec(text);
  if (m) return { number: `${m[1]}${m[2]}${m[3]}${m[4]}`, last4: null };
  const e = ENDING.exec(text);
  return { number: null, last4: e ? (e[1] as string) : null };
}

export function extractLoyalty(text: string): string | null {
  const m = TEN.exec(text.replace(/(\d)[\s-](?=\d)/g, '$1').replace(/\d{11,}/g, ''));
  return m ? (m[1] as string) : null;
}

// Words that carry the question, not the product. Removing them leaves the product phrase:
// "excuse me, where can I find the almond milk?" → "almond milk".
const FILLER = new Set(
  (
    'a an the some any this that these those it its them one ones my me i im i\'m you your u ya yall y\'all we us our ur ' +
    'is are was were be been do does did have has had got get gets getting can could would will should may might must ' +
    'where wheres where\'s which what whats what\'s how hows when who why there theres there\'s here ' +
    'find finding found look looking locate located location aisle aisles shelf shelves section isle row side kept keep put ' +
    'stock stocked instock available availability left carry carried sell sold selling buy buying purchase need needed want wanted ' +
    'price prices priced pricing cost costs costing much many how\'s charge pay dollars bucks ' +
    'in on at of for to from with by about into near inside out up off and or but so just also still too right now today currently ' +
    'please pls plz thanks thank thx ty hi hello hey hiya excuse sorry kiosk help tell show know wondering wonder checking check see ' +
    'store shop here item items product products thing things stuff something kind type brand ' +
    'again more else other another currently back yes no ok okay'
  ).split(/\s+/),
);
const REFERS_BACK = /\b(it|that|this|those|them|that one|this one)\b/i;

export function productPhrase(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N}'\-& ]+/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^['-]+|['-]+$/g, '').replace(/'s$/, ''))
    .filter((w) => w.length > 0 && !FILLER.has(w) && !/^\d{4,}$/.test(w));
  return words.join(' ').slice(0, 80);
}

export function extractSlots(text: string): Slots {
  const gc = extractGiftCard(text);
  const order = extractOrder(text);
  const loyalty = gc.number ? null : extractLoyalty(text);
  // The numbers are slots of their own, not part of a product name.
  const rest = text.replace(SIXTEEN, ' ').replace(ORDER_PREFIXED, ' ').replace(ORDER_WORD, ' order ').replace(HASH_NUMBER, ' ').replace(/\d[\d\s-]{8,}\d/g, ' ');
  const product = productPhrase(rest);
  return {
    order,
    giftCard: gc.number,
    giftCardLast4: gc.last4,
    loyalty,
    product,
    refersBack: product === '' && REFERS_BACK.test(text),
  };
}
