// Runs: dom (renderer). Suggestion chips: a label in the shopper's language, and the English
// question it sends (the on-device intent model reads English).
import type { MessageKey } from '../../i18n/index.tsx';

export interface Chip {
  labelKey: MessageKey;
  query: string;
}

export const starterChips: readonly Chip[] = [
  { labelKey: 'assistant.chip.batteries', query: 'Where are the batteries?' },
  { labelKey: 'assistant.chip.hours', query: 'What time do you close today?' },
  { labelKey: 'assistant.chip.returns', query: 'What is your return policy?' },
  { labelKey: 'assistant.chip.restrooms', query: 'Where are the restrooms?' },
  { labelKey: 'assistant.chip.order', query: 'Is my order ready for pickup?' },
  { labelKey: 'assistant.chip.deals', query: 'Any deals this week?' },
];

/** What a chip for an intent says and asks, when the assistant offers choices. */
export const intentChips: Readonly<Record<string, Chip>> = {
  find_product: { labelKey: 'assistant.intent.find_product', query: 'I am looking for a product' },
  check_stock: { labelKey: 'assistant.intent.check_stock', query: 'Is a product in stock?' },
  check_price: { labelKey: 'assistant.intent.check_price', query: 'How much does a product cost?' },
  store_hours: { labelKey: 'assistant.intent.store_hours', query: 'What are your opening hours?' },
  return_policy: { labelKey: 'assistant.intent.return_policy', query: 'What is your return policy?' },
  refund_status: { labelKey: 'assistant.intent.refund_status', query: 'Where is my refund?' },
  order_pickup: { labelKey: 'assistant.intent.order_pickup', query: 'Is my order ready for pickup?' },
  payment_methods: { labelKey: 'assistant.intent.payment_methods', query: 'Which payment methods do you accept?' },
  gift_card: { labelKey: 'assistant.intent.gift_card', query: 'Check my gift card balance' },
  loyalty_program: { labelKey: 'assistant.intent.loyalty_program', query: 'Tell me about the rewards program' },
  promotions: { labelKey: 'assistant.intent.promotions', query: 'Any deals this week?' },
  price_match: { labelKey: 'assistant.intent.price_match', query: 'Do you price match?' },
  warranty_repair: { labelKey: 'assistant.intent.warranty_repair', query: 'Is my item covered by warranty?' },
  store_facilities: { labelKey: 'assistant.intent.store_facilities', query: 'Where are the restrooms?' },
  store_services: { labelKey: 'assistant.intent.store_services', query: 'What services do you offer?' },
  delivery_options: { labelKey: 'assistant.intent.delivery_options', query: 'Do you deliver?' },
  complaint: { labelKey: 'assistant.intent.complaint', query: 'I want to make a complaint' },
  human_agent: { labelKey: 'assistant.intent.human_agent', query: 'I want to talk to a person' },
  greeting: { labelKey: 'assistant.intent.greeting', query: 'Hello' },
};
