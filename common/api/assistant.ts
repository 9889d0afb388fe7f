// Runs: anywhere. The kiosk assistant's operations: ask a question, rate an answer, call a person,
// forget a conversation; and the staff side of handoffs, help tickets. Shopper operations are
// public (the kiosk has no sign-in); tickets are for signed-in staff.
import { z } from 'zod';
import { op } from './define.ts';
import { ProductDetail } from './catalog.ts';

export const kioskIntents = [
  'find_product', 'check_stock', 'check_price', 'store_hours', 'return_policy', 'refund_status', 'order_pickup',
  'payment_methods', 'gift_card', 'loyalty_program', 'promotions', 'price_match', 'warranty_repair',
  'store_facilities', 'store_services', 'delivery_options', 'complaint', 'human_agent', 'greeting', 'out_of_scope',
] as const;
export const KioskIntent = z.enum(kioskIntents);

/** A kiosk conversation id, made by the kiosk when a conversation starts (a UUID). */
const SessionId = z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, 'session id: letters, digits, - and _ only');

/** A product card in a chat answer: the catalog's product detail, only the fields a card shows,
 *  with stock as the shelf quantity (not per location). */
export const AssistantProduct = ProductDetail.pick({
  id: true,
  name: true,
  name_zh: true,
  brand: true,
  department: true,
  aisle: true,
  aisle_name: true,
  bay: true,
  shelf: true,
  price_cents: true,
  promo_price_cents: true,
}).extend({ stock: z.number().int() });

export const AssistantReply = z.object({
  sessionId: z.string(),
  interactionId: z.string(),
  kind: z.enum(['answer', 'ask', 'clarify', 'deflect', 'handoff', 'prompt', 'language', 'not_found', 'unavailable']),
  intent: KioskIntent,
  confidence: z.number(),
  answer: z.string(),
  answerId: z.string(),
  handoff: z.boolean(),
  ticketId: z.string().nullable(),
  products: z.array(AssistantProduct),
  /** Intents offered as chips when the assistant is unsure what was meant. */
  options: z.array(KioskIntent),
  modelVersion: z.string(),
  latencyMs: z.number(),
});

export const HelpTicket = z.object({
  id: z.string(),
  ts: z.string(),
  terminal_id: z.string(),
  session_id: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'claimed', 'closed']),
  handled_by: z.string().nullable(),
  /** Who claimed it, by name (the claim may come from another till of the store). */
  handled_by_name: z.string().nullable().optional(),
  updated_at: z.string(),
});

export const assistantOps = {
  'assistant.start': op({
    summary: 'The Ask panel opened: readies the assistant (model, search) and says whether it can answer.',
    access: 'public',
    input: z.object({ sessionId: SessionId }).strict(),
    output: z.object({ ready: z.boolean(), modelVersion: z.string() }),
  }),
  'assistant.ask': op({
    summary: 'One shopper turn: the answer from this store\'s data, product cards, or a handoff to a person.',
    access: 'public',
    // Longer input is accepted and truncated for the model: a pasted essay gets a reply, not an error.
    input: z.object({ sessionId: SessionId, text: z.string().max(20_000) }).strict(),
    output: AssistantReply,
  }),
  'assistant.feedback': op({
    summary: '"Was this helpful?" for one answer of this conversation.',
    access: 'public',
    input: z.object({ sessionId: SessionId, interactionId: z.string().min(1).max(100), helpful: z.boolean() }).strict(),
    output: z.object({ interactionId: z.string(), feedback: z.union([z.literal(1), z.literal(-1)]) }),
  }),
  'assistant.callStaff': op({
    summary: 'The kiosk\'s Call staff button: opens a help ticket (one per conversation).',
    access: 'public',
    input: z.object({ sessionId: SessionId }).strict(),
    output: AssistantReply,
  }),
  'assistant.staffStatus': op({
    summary: 'Whether staff are on the way to this conversation\'s kiosk, and who (first name only).',
    access: 'public',
    input: z.object({ sessionId: SessionId }).strict(),
    output: z.object({ status: z.enum(['none', 'open', 'claimed', 'closed']), staffName: z.string().nullable() }),
  }),
  'assistant.end': op({
    summary: 'Forget a conversation now (idle reset or start over).',
    access: 'public',
    input: z.object({ sessionId: SessionId }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'tickets.list': op({
    summary: 'Help tickets from the kiosks: active (open or claimed) by default, newest first.',
    access: 'cashier',
    input: z.object({ status: z.enum(['active', 'open', 'claimed', 'closed', 'all']).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ tickets: z.array(HelpTicket), open: z.number().int() }),
  }),
  'tickets.update': op({
    summary: 'Claim a help ticket (any staff) or close it (whoever claimed it, or a supervisor and above).',
    access: 'cashier',
    input: z.object({ id: z.string().min(1).max(100), status: z.enum(['claimed', 'closed']) }).strict(),
    output: HelpTicket,
  }),
};
